/**
 * The tracker: every commitment's progress across meetings. The single source of
 * its TypeScript types and of its published JSON Schema. Field names are a
 * contract read by other systems (and by the series scorer); add fields freely,
 * never rename.
 */
import { LEVELS, MessageCode, STAGES } from "./messages.js";
import { z } from "zod";
import { DateSource, DocumentSource, ItemNumber, Language, PartialDate, SourceRef, STATUSES, Status } from "./meeting.js";

const TITLE_PER_LANGUAGE = Object.fromEntries(Language.options.map((language) => [language, z.string().optional().describe(`In the language ${language}.`)])) as Record<
  Language,
  z.ZodOptional<z.ZodString>
>;

/** Plan key shared by every record whose minutes name no action plan. */
export const UNKNOWN_PLAN = "unknown-plan";

/** A history cell: what the meeting stated, or `notReported` when it did not mention the commitment. */
export const HistoryStatus = z.enum([...STATUSES, "notReported"]);
export type HistoryStatus = z.infer<typeof HistoryStatus>;

/** Change of a report against the previous report that carried information. */
export const Change = z.enum(["improved", "unchanged", "regressed"]);
export type Change = z.infer<typeof Change>;

/** How a meeting's record was tied to the commitment: by its number, or by its text resembling the title. */
export const LinkKind = z.enum(["number", "similarity"]);
export type LinkKind = z.infer<typeof LinkKind>;

/**
 * A value an officer corrected (corrections.yaml): the note they gave and what extraction
 * had read, field by field, kept beside the corrected value the entry now shows.
 */
export const Corrected = z.object({
  note: z.string().nullable().describe("The note the corrections entry gave, else null."),
  /** The extracted values the correction replaced, by field (`status`, `progress`, `title`, `number`, `date`). */
  extracted: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe("The extracted values the correction replaced, by field (`status`, `progress`, `title`, `number`, `date`)."),
  /** The record was missed by extraction and added by the corrections file. */
  added: z.boolean().optional().describe("True when the record was missed by extraction and added by the corrections file."),
  /** The corrections file line of the entry. */
  line: z.number().int().positive().optional().describe("The line of the entry in the corrections file."),
});
export type Corrected = z.infer<typeof Corrected>;

export const TrackedMeeting = z.object({
  /**
   * The meeting's date (else its file name) and the first 8 hex digits of its content hash,
   * e.g. `2023-09-14-3fa2c1d0`: it never changes when other files are added or removed.
   */
  id: z.string().describe("The meeting's date (else its file name) and the first 8 hex digits of its content hash, e.g. `2023-09-14-3fa2c1d0`: it never changes when other files are added or removed."),
  date: PartialDate.nullable().describe("The meeting's date (`YYYY-MM-DD` or `YYYY-MM`), null when unknown."),
  dateSource: DateSource.nullable().describe("Where the date came from: the text, the file name, the document's metadata, the --date option, or a correction (corrections.yaml)."),
  language: Language.describe("The language the minutes are written in."),
  title: z.string().nullable().describe("The meeting's title, as the minutes give it."),
  /** The rendering the tracker read. */
  file: z.string().describe("The rendering the tracker read (its record's `source.path`)."),
  format: DocumentSource.shape.format.describe("That rendering's format."),
  /** Normalized action-plan key, null when the minutes name none. */
  plan: z.string().nullable().describe("Normalized action-plan key, null when the minutes name none."),
  /** Other renderings of the same document (same path, other extension) and copies of the same content that were set aside. */
  renderings: z.array(z.string()).describe("Other renderings of the same document (same path, other extension) and copies of the same content that were set aside."),
  /** The record's name under meetings/ (without `.json`). */
  record: z.string().optional().describe("The record's name under meetings/ (without `.json`)."),
  /** SHA-256 of the file read. */
  sha256: z.string().optional().describe("SHA-256 of the file read, in hex."),
  /** Why the date is uncertain (from the file name or the document's metadata); absent when the text states it. */
  dateUncertain: z.string().optional().describe("Why the date is uncertain (read from the file name or the document's metadata); absent when the text states it."),
  corrected: Corrected.optional().describe("Present when an officer corrected the meeting (its date) in the corrections file."),
});
export type TrackedMeeting = z.infer<typeof TrackedMeeting>;

export const HistoryEntry = z.object({
  /** A `meetings[].id`. */
  meeting: z.string().describe("The meeting: a `meetings[].id`."),
  status: HistoryStatus.describe("What the meeting stated, or `notReported` when it did not mention the commitment."),
  progress: z.number().min(0).max(100).nullable().describe("The percent stated (0-100), else null."),
  statusLabel: z.string().nullable().describe("The status in the source's own words, when given."),
  /** Null only for `notReported`. */
  source: SourceRef.nullable().describe("Where the report was read; null only for `notReported`."),
  /** Null only for `notReported`. */
  link: LinkKind.nullable().describe("How the meeting's record was tied to the commitment: by its number or by its text resembling the title; null only for `notReported`."),
  /** Present when `link` is `similarity`: how closely the record's text matched the title (0-1). */
  similarity: z.number().min(0).max(1).optional().describe("Present when `link` is `similarity`: how closely the record's text matched the title (0-1)."),
  /** Against the previous report; null for the first report, a gap, or when not comparable. */
  change: Change.nullable().describe("Against the previous report; null for the first report, a gap, or when not comparable."),
  /** The record the entry comes from (its name under meetings/, without `.json`). */
  record: z.string().optional().describe("The record the entry comes from (its name under meetings/, without `.json`)."),
  /** Present when an officer corrected this report. */
  corrected: Corrected.optional().describe("Present when an officer corrected this report in the corrections file."),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const LatestState = z.object({
  meeting: z.string().describe("The meeting of the latest report (a `meetings[].id`)."),
  status: Status.describe("The status that meeting stated."),
  progress: z.number().min(0).max(100).nullable().describe("The percent that meeting stated, else null."),
});
export type LatestState = z.infer<typeof LatestState>;

export const Regression = z.object({ from: z.string().describe("The meeting of the report before (a `meetings[].id`)."), to: z.string().describe("The meeting whose report regressed.") });
export type Regression = z.infer<typeof Regression>;

export const TrackedCommitment = z.object({
  /** Plan key and number, e.g. `nap4-2021-2023#3`: NAP4's 3 is never NAP5's 3. */
  key: z.string().describe("Plan key and number, e.g. `nap4-2021-2023#3`: NAP4's 3 is never NAP5's 3."),
  number: ItemNumber.describe("The commitment's number in its normal form (7, 2.10, A-12)."),
  plan: z.string().describe("The action-plan key the commitment belongs to."),
  /** The title in the language most minutes are written in, else the latest title. */
  title: z.string().describe("The title in the language most minutes are written in, else the latest title."),
  /**
   * Per language, the title as the latest meeting in that language wrote it: a key for
   * every language of the lexicon registry, so that its keys always serialize in the
   * registry's order.
   */
  titles: z.object(TITLE_PER_LANGUAGE).describe("Per language, the title as the latest meeting in that language wrote it."),
  /** One entry per meeting about its plan (and any other meeting that reported it), in meeting order. */
  history: z.array(HistoryEntry).describe("One entry per meeting about its plan (and any other meeting that reported it), in meeting order."),
  latest: LatestState.nullable().describe("The latest report that carried information; null when no meeting reported the commitment."),
  /** The latest report's change against the meeting that last reported it before. */
  change: Change.nullable().describe("The latest report's change against the meeting that last reported it before."),
  /** Not completed, and unchanged between its latest report and the one before. */
  stalled: z.boolean().describe("Not completed, and unchanged between its latest report and the one before."),
  /** True when any report regressed against the one before it (see `regressions`). */
  regressed: z.boolean().describe("True when any report regressed against the one before it (see `regressions`)."),
  regressions: z.array(Regression).describe("Each regression: from the meeting of the report before to the meeting that regressed."),
});
export type TrackedCommitment = z.infer<typeof TrackedCommitment>;

/** An unnumbered record that resembled no commitment title closely enough: kept, never dropped. */
export const UnlinkedRecord = z.object({
  /** Plan and normalised title, e.g. `nap4-2021-2023#title:open-data-portal`: stable whatever the record's position. */
  key: z.string().optional().describe("Plan and normalised title, e.g. `nap4-2021-2023#title:open-data-portal`: stable whatever the record's position."),
  meeting: z.string().describe("The meeting whose record holds the row (a `meetings[].id`)."),
  plan: z.string().describe("The action-plan key of that meeting."),
  title: z.string().describe("The row's title or text, as written."),
  status: Status.describe("The status the row states."),
  progress: z.number().min(0).max(100).nullable().describe("The percent the row states, else null."),
  statusLabel: z.string().nullable().describe("The status in the source's own words, when given."),
  source: SourceRef.describe("Where the row was read."),
  /** The closest commitment, for a human to judge; null when no title was comparable. */
  bestMatch: z.object({ key: z.string().describe("The commitment's key."), similarity: z.number().min(0).max(1).describe("How closely the row's text matched its title (0-1).") }).nullable().describe("The closest commitment, for a human to judge; null when no title was comparable."),
});
export type UnlinkedRecord = z.infer<typeof UnlinkedRecord>;

export const TrackerWarning = z.object({
  code: MessageCode.describe("What kind of message, as a stable key from the registry (e.g. `rendering-merged`)."),
  stage: z.enum(STAGES).describe("The stage that raised it: extract, correct or track."),
  level: z.enum(LEVELS).describe("info: how something was linked; warning: a fact missing or uncertain."),
  message: z.string().describe("The warning for a person."),
  meeting: z.string().optional().describe("The meeting it concerns, when one."),
  source: SourceRef.optional().describe("Where in that meeting's minutes, when one place."),
});
export type TrackerWarning = z.infer<typeof TrackerWarning>;

/** One action plan's tracker: the meetings that reviewed it and its commitments, by key. */
export const TrackedPlan = z.object({
  key: z.string().describe("The action-plan key (`unknown-plan` for minutes that name none)."),
  meetings: z.array(z.string()).describe("The meetings about the plan (`meetings[].id`), in date order."),
  commitments: z.array(z.string()).describe("The plan's commitments (`commitments[].key`)."),
});
export type TrackedPlan = z.infer<typeof TrackedPlan>;

export const Tracker = z.object({
  schemaVersion: z.literal(1).describe("Version of the tracker's shape; changes only when a field is renamed or removed."),
  meetings: z.array(TrackedMeeting).describe("The meetings read, in date order."),
  commitments: z.array(TrackedCommitment).describe("Every commitment, keyed by action plan and number, with its history."),
  unlinked: z.array(UnlinkedRecord).describe("Unnumbered rows that resembled no commitment title closely enough: kept, never dropped."),
  warnings: z.array(TrackerWarning).describe("What the tracker noticed while linking (merged renderings, duplicates, unknown plans)."),
  /** Commitments grouped by action plan; a plan's histories have a column for its own meetings only. */
  plans: z.array(TrackedPlan).optional().describe("Commitments grouped by action plan; a plan's histories have a column for its own meetings only."),
});
export type Tracker = z.infer<typeof Tracker>;

/*
 * review.json: what an officer should check, most consequential first (built by
 * src/track/review.ts).
 */
/** What an uncertain fact weighs on in the tracker. */
export const Consequence = z.enum(["regression", "stall", "latest", "history", "none"]);
export type Consequence = z.infer<typeof Consequence>;

export const ReviewItem = z.object({
  /** Why the fact is uncertain: `date-from-metadata`, `status-from-prose`, `percent-contradicts-status`, … */
  reason: z.string().describe("Why the fact is uncertain, as a stable key: `date-from-metadata`, `date-from-filename`, `status-from-prose`, `percent-contradicts-status`, …"),
  message: z.string().describe("The doubt for a person, naming what was read."),
  consequence: Consequence.describe("What the fact weighs on in the tracker: a regression, a stall, a latest state, a history entry, or nothing tracked."),
  meeting: z.string().describe("The meeting the fact belongs to (a tracker `meetings[].id`)."),
  record: z.string().describe("The meeting's record name under meetings/ (without `.json`)."),
  /** The tracked commitment's key, when the fact is a commitment's. */
  commitment: z.string().nullable().describe("The tracked commitment's key, when the fact is a commitment's; else null."),
  source: SourceRef.nullable().describe("Where the fact was read, when it is one place."),
  /** The corrections.yaml entry that corrects it, to complete with `set:` (or `link:`, `drop:`). */
  correctBy: z
    .object({
      meeting: z.string().describe("The entry's `meeting:` (the record name)."),
      commitment: z.string().optional().describe("The entry's `commitment:` (number, key or title), when the fact is a commitment's."),
    })
    .describe("The corrections.yaml entry that corrects the fact, to complete with `set:` (or `link:`, `drop:`)."),
  /** An officer already corrected this fact. */
  corrected: z.boolean().describe("True when an officer already corrected this fact in the corrections file."),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const Review = z.object({
  schemaVersion: z.literal(1).describe("Version of the review's shape; changes only when a field is renamed or removed."),
  items: z.array(ReviewItem).describe("The uncertain facts, most consequential first."),
});
export type Review = z.infer<typeof Review>;

/** The JSON Schema of `tracker.json`. */
export function trackerJsonSchema() {
  return z.toJSONSchema(Tracker);
}
