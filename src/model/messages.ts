/**
 * One message type for every stage, in the manner of vfile's `file.message(reason, {place, ruleId})`:
 * a stable code from the registry below, the stage that raised it, its level, the reason in words,
 * and the place (file, page, table/row, heading). The file is stamped once, by the stage that knows
 * it: readers give places within the document, and extraction turns them into sources of its file.
 * Adding a message is adding a line here; a code not in the registry does not compile.
 */
import { z } from "zod";

export const STAGES = ["ingest", "extract", "correct", "track", "write", "batch"] as const;
export type Stage = (typeof STAGES)[number];
export const LEVELS = ["info", "warning", "error"] as const;
export type Level = (typeof LEVELS)[number];

interface CodeSpec {
  stage: Stage;
  level: Level;
  /** What the message means, for the published schema and for people reading warnings. */
  means: string;
}

export const MESSAGE_CODES = {
  // Readers: what a format held that the tree could not keep as it was.
  "docx-reader-note": { stage: "ingest", level: "info", means: "The Word reader (mammoth) noted something it read approximately." },
  "comments-omitted": { stage: "ingest", level: "info", means: "Reviewer comments of a Word file were left out." },
  "images-omitted": { stage: "ingest", level: "warning", means: "Images were not read: any text inside them is lost." },
  "extension-mismatch": { stage: "ingest", level: "warning", means: "The file's content is of another format than its extension says; it was read as its content." },
  "pdf-drawing-not-table": { stage: "ingest", level: "info", means: "Ruling lines on a PDF page drew no table that text fits; read as text." },
  "pdf-no-header": { stage: "ingest", level: "warning", means: "The file has no %PDF- header line; it was read as a PDF anyway." },
  "pdf-page-unreadable": { stage: "ingest", level: "warning", means: "A PDF page could not be read; the other pages were." },
  "pdf-running-lines-dropped": { stage: "ingest", level: "info", means: "Running heads and page numbers repeated on every PDF page were left out." },
  "front-matter-unreadable": { stage: "ingest", level: "warning", means: "A Markdown file's YAML front matter could not be parsed; its text was read without it." },
  "tables-from-text": { stage: "ingest", level: "info", means: "Tab-separated lines of a text file were read as table rows." },
  "ocr-pages": { stage: "ingest", level: "info", means: "Pages without a usable text layer (or images) were read by OCR; the message names them, the languages and the mean confidence." },
  "ocr-nothing-legible": { stage: "ingest", level: "warning", means: "OCR read nothing on a scanned page: it is blank or illegible." },
  "ocr-page-turned": { stage: "ingest", level: "info", means: "A scanned page was turned (deskewed or rotated) to be read by OCR." },
  // Extraction: what could not be placed, or was placed by inference.
  "no-commitments": { stage: "extract", level: "warning", means: "No commitment table, heading, list or paragraph was recognised." },
  "no-date": { stage: "extract", level: "warning", means: "No meeting date in the text, file name or metadata, and no usable --date." },
  "bad-date-option": { stage: "extract", level: "warning", means: "The --date given is not YYYY-MM-DD or YYYY-MM; ignored." },
  "date-from-metadata": { stage: "extract", level: "warning", means: "The meeting is dated only by the document's creation date, which may not be the meeting's." },
  "no-status": { stage: "extract", level: "warning", means: "A commitment states no status and no percent (or only a word that is not a status, such as a closing word)." },
  "status-from-prose": { stage: "extract", level: "info", means: "A commitment's status was read from a statement of progress in prose." },
  "status-from-progress": { stage: "extract", level: "info", means: "A commitment states a percent and no status words: its status was taken from the percent (under 100 and over 0: in progress)." },
  "merged-commitment": { stage: "extract", level: "info", means: "The same item is reported in two places of the document; read into one record." },
  "unnumbered-commitment": { stage: "extract", level: "warning", means: "A commitment row or section gives no number." },
  "row-continued": { stage: "extract", level: "warning", means: "A table row without a number or status of its own was read as the rest of the row above." },
  "table-note": { stage: "extract", level: "info", means: "A row spanning a commitment table names no commitment: kept here, not as a record." },
  "unassigned-text": { stage: "extract", level: "warning", means: "Text of a commitment table that no field took." },
  // Corrections: a corrections.yaml entry that could not be read or applied.
  "bad-correction": { stage: "correct", level: "warning", means: "An entry of the corrections file is not valid; it was ignored, the others applied." },
  "correction-unmatched": { stage: "correct", level: "warning", means: "An entry of the corrections file names no meeting or commitment of the archive; not applied." },
  // Tracking: how meetings and commitments were linked across the archive.
  "meeting-undated": { stage: "track", level: "warning", means: "A meeting has no date; it is ordered by its file name." },
  "duplicate-input": { stage: "track", level: "info", means: "The same file was given twice; read once." },
  "duplicate-content": { stage: "track", level: "info", means: "Two files have the same content; they are one meeting." },
  "rendering-merged": { stage: "track", level: "info", means: "Renderings of one document (x.docx, x.pdf) are one meeting; the most faithful is read." },
  "renderings-disagree": { stage: "track", level: "warning", means: "Renderings of one document give different facts; the most faithful one's are kept." },
  "plan-unknown": { stage: "track", level: "warning", means: "The minutes name no action plan; their commitments are tracked under `unknown-plan`." },
  "duplicate-commitment": { stage: "track", level: "warning", means: "A meeting reports a commitment twice; the tracker keeps the first report." },
  "title-mismatch": { stage: "track", level: "warning", means: "One number carries different titles across meetings; linked by number, to be checked." },
  "linked-by-similarity": { stage: "track", level: "info", means: "An unnumbered record was linked to a commitment by its text." },
  "unlinked-record": { stage: "track", level: "warning", means: "An unnumbered record resembled no commitment closely enough; kept apart, never dropped." },
} as const satisfies Record<string, CodeSpec>;

export type MessageCode = keyof typeof MESSAGE_CODES;
export const MessageCode = z.enum(Object.keys(MESSAGE_CODES) as [MessageCode, ...MessageCode[]]);

/** The message's place, before its file is known: a reader knows pages and tables, not which file the batch gave it. */
export interface Place {
  page?: number;
  table?: number;
  row?: number;
  cell?: number;
  line?: number;
}

/** A message raised before the file is stamped on it (by a reader). */
export interface UnstampedMessage<P = Place> {
  code: MessageCode;
  message: string;
  source?: P;
}

/** The stage and level every message of a code has. */
export const specOf = (code: MessageCode): CodeSpec => MESSAGE_CODES[code];

/** Why a reader could not read a file (IngestError). Stable codes: scripts and the errors report key on them. */
export const READ_FAILURES = ["empty", "corrupt", "encrypted", "unsupported", "no-text-layer", "too-large", "unreadable"] as const;
/** Why the batch stopped a file that a reader did not refuse. */
export const RUN_FAILURES = ["timeout", "out-of-memory", "crashed", "interrupted", "internal"] as const;

/** One entry of errors.json: a file of the run that gave no record, and why. */
export const FileFailure = z
  .object({
    file: z.string().describe("The file, as the run was given it."),
    code: z.enum([...READ_FAILURES, ...RUN_FAILURES]).describe("Why it failed, as a stable key: a reader's refusal (empty, corrupt, encrypted, unsupported, no-text-layer, too-large, unreadable) or the batch's (timeout, out-of-memory, crashed, interrupted, internal)."),
    reason: z.string().describe("The reason for a person, naming what was wrong."),
  })
  .describe("A file of the run that gave no record, and why.");
export type FileFailure = z.infer<typeof FileFailure>;

/** errors.json: every file of the run that failed. */
export const ErrorsReport = z.array(FileFailure).describe("Every file of the run that failed, with the reason; the batch went on.");

/** A message's code with the stage and level the registry gives it, to spread into a message object. */
export function messageHead<C extends MessageCode>(code: C): { code: C; stage: Stage; level: Level } {
  const { stage, level } = MESSAGE_CODES[code];
  return { code, stage, level };
}
