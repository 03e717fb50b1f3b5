/**
 * The per-meeting record: the single source of its TypeScript types and of its
 * published JSON Schema (`minutes schema`). Field names are a contract read by
 * other systems; add fields freely, never rename.
 */
import { z } from "zod";
import { LANGUAGES, type Language as LexiconLanguage } from "../extract/lexicon/languages.js";
import { LEVELS, MessageCode, specOf, STAGES } from "./messages.js";

export const STATUSES = [
  "completed",
  "partially_completed",
  "in_progress",
  "not_completed",
  "not_started",
  "unknown",
] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "YYYY-MM-DD or YYYY-MM");

/** A language of the lexicon registry: a new lexicon file is a new accepted code. */
export const Language = z.enum(LANGUAGES);
export type Language = LexiconLanguage;

/**
 * An item number in its normal form (src/text/item-numbers.ts): whole ("7"), dotted ("2.10"), hyphenated ("3-1"), slashed ("13/02"),
 * or with a letter code ("A-12", "AP-14-01"); a Roman or ordinal-word number is given as its value.
 */
export const ItemNumber = z
  .string()
  .regex(/^(?:[A-Z]{1,3}[-.]?\d+(?:[-.]\d+){0,3}|\d+(?:\.\d+){0,3}|\d+(?:-\d+){1,3}|\d{1,3}\/\d{1,3})$/u, "an item number: 7, 2.10, 3-1, 13/02, A-12, AP-14-01")
  .describe("The item number as the committee numbers it: 7, 2.10, 3-1, 13/02, A-12, AP-14-01 (a Roman or ordinal-word number as its value).");

/** Where a fact was read: the file plus the page, table/row or heading that holds it. */
export const SourceRef = z.object({
  file: z.string().describe("The minutes file the fact was read from, as the run was given it."),
  page: z.number().int().positive().optional().describe("Page number, 1-based (PDF only)."),
  table: z.number().int().positive().optional().describe("Table number in the document, 1-based."),
  row: z.number().int().positive().optional().describe("Row number within the table, 1-based, the header row included."),
  line: z.number().int().positive().optional().describe("Line number, 1-based (text and Markdown files)."),
  heading: z.string().optional().describe("The heading of the section holding the fact."),
  ocrConfidence: z.number().min(0).max(100).optional().describe("Set when the fact was read by OCR from a scanned page: the engine's mean confidence (0-100) over the words it came from."),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** A message of the pipeline about this document (src/model/messages.ts has every code, its stage and level). */
export const Warning = z.object({
  code: MessageCode.describe("What kind of message, as a stable key from the registry (e.g. `no-status`)."),
  stage: z.enum(STAGES).describe("The stage that raised it: ingest (the reader), extract, correct, track, write or batch."),
  level: z.enum(LEVELS).describe("info: how something was read; warning: a fact missing or uncertain; error: something could not be read."),
  message: z.string().describe("The message for a person, naming what was found."),
  source: SourceRef.optional().describe("Where in the document the message arises, when it is one place."),
});
export type Warning = z.infer<typeof Warning>;

/** A message of `code`, with the stage and level the registry gives it. */
export function warning(code: MessageCode, message: string, source?: SourceRef): Warning {
  const { stage, level } = specOf(code);
  return { code, stage, level, message, ...(source ? { source } : {}) };
}

export const ActionPlan = z.object({
  /** As written in the minutes. */
  text: z.string().describe("The action plan as the minutes name it."),
  /** e.g. `nap4-2021-2023`: ordinal and years, comparable across languages. */
  key: z.string().nullable().describe("Normalized plan key, e.g. `nap4-2021-2023`: ordinal and years, comparable across languages; null when the minutes do not say enough."),
  ordinal: z.number().int().positive().nullable().describe("The plan's ordinal (4 for the fourth plan), when stated."),
  startYear: z.number().int().nullable().describe("First year of the plan's period, when stated."),
  endYear: z.number().int().nullable().describe("Last year of the plan's period, when stated."),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

export const ActivityState = z.enum(["done", "planned", "ongoing", "unknown"]);
export const Activity = z.object({ text: z.string().describe("The activity as written."), state: ActivityState.describe("Whether the minutes report it done, planned, ongoing, or do not say.") });
export type Activity = z.infer<typeof Activity>;

export const Commitment = z.object({
  /** The item number in its normal form; null when the source gives no number. */
  number: ItemNumber.nullable().describe("The commitment's number in its normal form (7, 2.10, A-12); null when the source gives no number."),
  title: z.string().describe("The commitment's title (or the row's text when no title stands apart), as written."),
  status: Status.describe("The commitment's status at this meeting, on the common scale."),
  /** The source's own words for the status. */
  statusLabel: z.string().nullable().describe("The status in the source's own words; null when only a percent or a section gave it."),
  /** The percent stated for the commitment or its status section, else null. */
  progress: z.number().min(0).max(100).nullable().describe("The percent stated for the commitment or its status section (0-100), else null."),
  /** Who is to do the item, as an action log's owner column gives it (initials, a body). Not who reported. */
  owner: z.string().optional().describe("Who is to do the item, as the action log's owner or responsibility column gives it; not who reported on it."),
  /** When the item is due, as written ("March 2016", "T2 2024"). */
  due: z.string().optional().describe("When the item is due, as written in the due or deadline column."),
  /** The traffic-light colour its status was given in (a shaded cell, or the word), beside the status it stands for. */
  colour: z.enum(["red", "amber", "green", "blue"]).optional().describe("The traffic-light (RAG) colour the status was given in, by shading or in words; `status` says what it stands for, through the document's own key or the default (in progress)."),
  reportedBy: z.array(z.string()).describe("Who reported on the commitment at the meeting (people or bodies), as written."),
  activities: z.array(Activity).describe("The activities reported under the commitment."),
  notes: z.array(z.string()).describe("Other remarks on the commitment that fit no field."),
  source: SourceRef.describe("Where the commitment's row or section was read."),
  /** Other places in the same document that report the item (a second table, a later paragraph), read into this record. */
  alsoIn: z.array(SourceRef).optional().describe("Other places in the same document that report this item, merged into this record."),
});
export type Commitment = z.infer<typeof Commitment>;

export const Decision = z.object({
  text: z.string().describe("The decision as written."),
  date: PartialDate.nullable().describe("The date the decision sets (a deadline, the next meeting), when stated."),
  /** The commitment number the decision concerns, when it is one. */
  commitment: z.string().nullable().describe("The number of the commitment the decision concerns, when it names one."),
  /** The action's own number in the minutes ("4.1", "AP-2"), when it is an action item. */
  item: ItemNumber.optional().describe("The action's own number in the minutes (4.1, AP-2), when the decision is a numbered action item."),
  /** Who is to carry it out, as written ("SF", "Ministry of Finance"), when the text says. */
  owner: z.string().optional().describe("Who is to carry the decision out, as the minutes name them."),
  /** By when, when the text sets a deadline ("by 30 June 2023", "avant le 15 mars", a due-date column). */
  due: PartialDate.optional().describe("By when the decision is to be carried out, when the minutes set a deadline."),
  source: SourceRef.describe("Where the decision was read."),
});
export type Decision = z.infer<typeof Decision>;

export const Event = z.object({
  title: z.string().describe("What the event is (workshop, seminar, session), as written."),
  date: PartialDate.nullable().describe("The event's date, or its first day."),
  endDate: PartialDate.nullable().describe("The event's last day, when it spans several."),
  place: z.string().nullable().describe("Where the event takes place, when stated."),
  participants: z.array(z.string()).describe("Who takes part, as written."),
  source: SourceRef.describe("Where the event was read."),
});
export type Event = z.infer<typeof Event>;

export const DateSource = z.enum(["text", "filename", "metadata", "option", "correction"]);
export type DateSource = z.infer<typeof DateSource>;

export const Meeting = z.object({
  title: z.string().nullable().describe("The meeting's title (the minutes' subject line or heading)."),
  date: PartialDate.nullable().describe("The meeting's date (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known)."),
  dateSource: DateSource.nullable().describe("Where the date came from: the text, the file name, the document's metadata, the --date option, or a correction (corrections.yaml)."),
  language: Language.describe("The language the minutes are written in."),
  actionPlan: ActionPlan.nullable().describe("The action plan whose commitments the meeting reviewed."),
  chair: z.string().nullable().describe("Who chaired the meeting, as written."),
  attendees: z.array(z.string()).describe("Who attended, as written, one entry per person or body."),
  agenda: z.array(z.string()).describe("The agenda items, in order."),
});
export type Meeting = z.infer<typeof Meeting>;

export const DocumentFormat = z.enum(["docx", "pdf", "txt", "md", "image"]);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/**
 * Renderings of one document, most faithful first: Word keeps tables and lists,
 * Markdown and text keep the words, PDF text layers lose most. Where an archive holds
 * one document several times, the first of these stands for it.
 */
export const FORMATS_BY_FIDELITY: readonly DocumentFormat[] = ["docx", "md", "txt", "pdf", "image"];

export const DocumentSource = z.object({
  path: z.string().describe("The file's path as the run was given it."),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the file's bytes, in lower-case hex."),
  format: DocumentFormat.describe("The file's format, from its content and extension (image: a scanned page as PNG, JPEG or TIFF, read by OCR)."),
  pages: z.number().int().positive().nullable().describe("Number of pages (PDF), else null."),
  ocrPages: z.array(z.number().int().positive()).optional().describe("Pages read by OCR (scanned, without a usable text layer), 1-based."),
});

export const MeetingRecord = z.object({
  schemaVersion: z.literal(1).describe("Version of this record's shape; changes only when a field is renamed or removed."),
  source: DocumentSource.describe("The file the record was read from."),
  meeting: Meeting.describe("Facts about the meeting itself."),
  commitments: z.array(Commitment).describe("Every commitment the meeting reviewed, in document order."),
  decisions: z.array(Decision).describe("The meeting's decisions, in document order."),
  events: z.array(Event).describe("Events (workshops, seminars) the minutes mention."),
  warnings: z.array(Warning).describe("What the extractor could not place or was unsure of, each with its source."),
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;
