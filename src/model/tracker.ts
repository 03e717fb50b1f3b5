/**
 * The tracker: every commitment's progress across meetings. The single source of
 * its TypeScript types and of its published JSON Schema. Field names are a
 * contract read by other systems (and by the series scorer); add fields freely,
 * never rename.
 */
import { z } from "zod";
import { DateSource, DocumentSource, ItemNumber, Language, PartialDate, SourceRef, STATUSES, Status } from "./meeting.js";

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
  note: z.string().nullable(),
  /** The extracted values the correction replaced, by field (`status`, `progress`, `title`, `number`, `date`). */
  extracted: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** The record was missed by extraction and added by the corrections file. */
  added: z.boolean().optional(),
  /** The corrections file line of the entry. */
  line: z.number().int().positive().optional(),
});
export type Corrected = z.infer<typeof Corrected>;

export const TrackedMeeting = z.object({
  /**
   * The meeting's date (else its file name) and the first 8 hex digits of its content hash,
   * e.g. `2023-09-14-3fa2c1d0`: it never changes when other files are added or removed.
   */
  id: z.string(),
  date: PartialDate.nullable(),
  dateSource: DateSource.nullable(),
  language: Language,
  title: z.string().nullable(),
  /** The rendering the tracker read. */
  file: z.string(),
  format: DocumentSource.shape.format,
  /** Normalized action-plan key, null when the minutes name none. */
  plan: z.string().nullable(),
  /** Other renderings of the same document (same path, other extension) and copies of the same content that were set aside. */
  renderings: z.array(z.string()),
  /** The record's name under meetings/ (without `.json`). */
  record: z.string().optional(),
  /** SHA-256 of the file read. */
  sha256: z.string().optional(),
  /** Why the date is uncertain (from the file name or the document's metadata); absent when the text states it. */
  dateUncertain: z.string().optional(),
  corrected: Corrected.optional(),
});
export type TrackedMeeting = z.infer<typeof TrackedMeeting>;

export const HistoryEntry = z.object({
  /** A `meetings[].id`. */
  meeting: z.string(),
  status: HistoryStatus,
  progress: z.number().min(0).max(100).nullable(),
  statusLabel: z.string().nullable(),
  /** Null only for `notReported`. */
  source: SourceRef.nullable(),
  /** Null only for `notReported`. */
  link: LinkKind.nullable(),
  /** Present when `link` is `similarity`: how closely the record's text matched the title (0-1). */
  similarity: z.number().min(0).max(1).optional(),
  /** Against the previous report; null for the first report, a gap, or when not comparable. */
  change: Change.nullable(),
  /** The record the entry comes from (its name under meetings/, without `.json`). */
  record: z.string().optional(),
  /** Present when an officer corrected this report. */
  corrected: Corrected.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const LatestState = z.object({
  meeting: z.string(),
  status: Status,
  progress: z.number().min(0).max(100).nullable(),
});
export type LatestState = z.infer<typeof LatestState>;

export const Regression = z.object({ from: z.string(), to: z.string() });
export type Regression = z.infer<typeof Regression>;

export const TrackedCommitment = z.object({
  /** Plan key and number, e.g. `nap4-2021-2023#3`: NAP4's 3 is never NAP5's 3. */
  key: z.string(),
  number: ItemNumber,
  plan: z.string(),
  /** The title in the language most minutes are written in, else the latest title. */
  title: z.string(),
  /**
   * Per language, the title as the latest meeting in that language wrote it. An
   * object rather than a record so its keys always serialize in one order.
   */
  titles: z.object({ ar: z.string(), fr: z.string(), en: z.string() }).partial(),
  /** One entry per meeting about its plan (and any other meeting that reported it), in meeting order. */
  history: z.array(HistoryEntry),
  latest: LatestState.nullable(),
  /** The latest report's change against the meeting that last reported it before. */
  change: Change.nullable(),
  /** Not completed, and unchanged between its latest report and the one before. */
  stalled: z.boolean(),
  /** True when any report regressed against the one before it (see `regressions`). */
  regressed: z.boolean(),
  regressions: z.array(Regression),
});
export type TrackedCommitment = z.infer<typeof TrackedCommitment>;

/** An unnumbered record that resembled no commitment title closely enough: kept, never dropped. */
export const UnlinkedRecord = z.object({
  /** Plan and normalised title, e.g. `nap4-2021-2023#title:open-data-portal`: stable whatever the record's position. */
  key: z.string().optional(),
  meeting: z.string(),
  plan: z.string(),
  title: z.string(),
  status: Status,
  progress: z.number().min(0).max(100).nullable(),
  statusLabel: z.string().nullable(),
  source: SourceRef,
  /** The closest commitment, for a human to judge; null when no title was comparable. */
  bestMatch: z.object({ key: z.string(), similarity: z.number().min(0).max(1) }).nullable(),
});
export type UnlinkedRecord = z.infer<typeof UnlinkedRecord>;

export const TrackerWarning = z.object({
  code: z.string(),
  message: z.string(),
  meeting: z.string().optional(),
  source: SourceRef.optional(),
});
export type TrackerWarning = z.infer<typeof TrackerWarning>;

/** One action plan's tracker: the meetings that reviewed it and its commitments, by key. */
export const TrackedPlan = z.object({
  key: z.string(),
  meetings: z.array(z.string()),
  commitments: z.array(z.string()),
});
export type TrackedPlan = z.infer<typeof TrackedPlan>;

export const Tracker = z.object({
  schemaVersion: z.literal(1),
  meetings: z.array(TrackedMeeting),
  commitments: z.array(TrackedCommitment),
  unlinked: z.array(UnlinkedRecord),
  warnings: z.array(TrackerWarning),
  /** Commitments grouped by action plan; a plan's histories have a column for its own meetings only. */
  plans: z.array(TrackedPlan).optional(),
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
  reason: z.string(),
  message: z.string(),
  consequence: Consequence,
  meeting: z.string(),
  record: z.string(),
  /** The tracked commitment's key, when the fact is a commitment's. */
  commitment: z.string().nullable(),
  source: SourceRef.nullable(),
  /** The corrections.yaml entry that corrects it, to complete with `set:` (or `link:`, `drop:`). */
  correctBy: z.object({ meeting: z.string(), commitment: z.string().optional() }),
  /** An officer already corrected this fact. */
  corrected: z.boolean(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const Review = z.object({ schemaVersion: z.literal(1), items: z.array(ReviewItem) });
export type Review = z.infer<typeof Review>;

/** The JSON Schema of `tracker.json`. */
export function trackerJsonSchema() {
  return z.toJSONSchema(Tracker);
}
