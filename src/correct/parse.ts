/**
 * corrections.yaml -> correction entries. The officer's file is read every run; a bad
 * entry is a warning naming its line, and every other entry still applies. Pure: the
 * text in, entries and warnings out (reading the file is the batch's job).
 */
import { messageHead, type Level, type Stage } from "../model/messages.js";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { ItemNumber, PartialDate, Status } from "../model/meeting.js";

/** What an entry may set. A meeting's date alone is a meeting fact; the rest are a commitment's. */
export const CorrectionValues = z
  .object({
    status: Status,
    progress: z.number().min(0).max(100).nullable(),
    title: z.string().min(1),
    date: PartialDate,
  })
  .partial()
  .strict();
export type CorrectionValues = z.infer<typeof CorrectionValues>;

/** A commitment extraction missed. */
export const AddedCommitment = z
  .object({
    number: ItemNumber.nullable().default(null),
    title: z.string().min(1),
    status: Status.default("unknown"),
    progress: z.number().min(0).max(100).nullable().default(null),
  })
  .strict();

const Reference = z.union([z.string().min(1), z.number()]).transform(String);

export const CorrectionEntry = z
  .object({
    /** A record name (`2023-09-committee-minutes`) or a meeting id (`2023-09-14-3fa2c1d0`). */
    meeting: Reference.optional(),
    /** A number (`11`), a key (`nap4-2021-2023#11`, `nap4-2021-2023#title:…`) or the start of an unnumbered record's title. */
    commitment: Reference.optional(),
    set: CorrectionValues.optional(),
    /** The commitment this one is: a number of the same plan, or a key (`nap4-2021-2023#7`) of any plan. */
    link: Reference.optional(),
    /** The record is not a commitment (with `commitment`), or the file is not minutes (without). */
    drop: z.literal(true).optional(),
    add: AddedCommitment.optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const actions = [entry.set, entry.link, entry.drop, entry.add].filter((a) => a !== undefined).length;
    if (actions !== 1) ctx.addIssue({ code: "custom", message: "give exactly one of set, link, drop, add" });
    if (entry.meeting === undefined && !(entry.link !== undefined && entry.commitment?.includes("#"))) {
      ctx.addIssue({ code: "custom", message: "name the meeting (only a link between two commitment keys may leave it out)" });
    }
    if (entry.set?.date !== undefined && entry.commitment !== undefined) ctx.addIssue({ code: "custom", message: "a date is the meeting's: leave out commitment" });
    const commitmentFields = entry.set && Object.keys(entry.set).some((k) => k !== "date");
    if ((commitmentFields || entry.link !== undefined) && entry.commitment === undefined) ctx.addIssue({ code: "custom", message: "name the commitment to correct" });
    if (entry.add && entry.commitment !== undefined) ctx.addIssue({ code: "custom", message: "add takes no commitment: it describes a new one" });
  });
export type CorrectionEntry = z.infer<typeof CorrectionEntry> & { line: number };

export interface CorrectionWarning {
  code: "bad-correction" | "correction-unmatched";
  stage: Stage;
  level: Level;
  message: string;
  /** 1-based line in the corrections file. */
  line?: number;
}

export interface ParsedCorrections {
  entries: CorrectionEntry[];
  warnings: CorrectionWarning[];
}

function issueText(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/** Entries of a corrections file; `file` names it in the warnings. */
export function parseCorrections(text: string, file: string): ParsedCorrections {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const warnings: CorrectionWarning[] = [];
  const errorLines: number[] = [];
  for (const error of document.errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    errorLines.push(line);
    warnings.push({ ...messageHead("bad-correction"), message: `${file} line ${line}: not valid YAML (${error.message.split("\n")[0]})`, line });
  }
  const root = document.contents;
  if (root === null || root === undefined) return { entries: [], warnings };
  if (!isSeq(root)) {
    const line = lineCounter.linePos(root.range?.[0] ?? 0).line;
    warnings.push({ ...messageHead("bad-correction"), message: `${file} line ${line}: the file must be a list of entries ("- meeting: …")`, line });
    return { entries: [], warnings };
  }
  const entries: CorrectionEntry[] = [];
  for (const item of root.items) {
    const range = (item as { range?: [number, number, number] }).range;
    const line = lineCounter.linePos(range?.[0] ?? 0).line;
    const lastLine = lineCounter.linePos(range?.[1] ?? 0).line;
    if (errorLines.some((l) => l >= line && l <= lastLine)) continue;
    if (!isMap(item)) {
      warnings.push({ ...messageHead("bad-correction"), message: `${file} line ${line}: an entry must be a mapping (meeting:, commitment:, set:, …)`, line });
      continue;
    }
    const parsed = CorrectionEntry.safeParse(item.toJS(document));
    if (!parsed.success) {
      warnings.push({ ...messageHead("bad-correction"), message: `${file} line ${line}: ${issueText(parsed.error)}; entry ignored`, line });
      continue;
    }
    entries.push({ ...parsed.data, line });
  }
  return { entries, warnings };
}
