/**
 * The per-meeting record: the single source of its TypeScript types and of its
 * published JSON Schema (`minutes schema`). Field names are a contract read by
 * other systems; add fields freely, never rename.
 */
import { z } from "zod";

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

export const Language = z.enum(["ar", "fr", "en"]);
export type Language = z.infer<typeof Language>;

/** Where a fact was read: the file plus the page, table/row or heading that holds it. */
export const SourceRef = z.object({
  file: z.string(),
  page: z.number().int().positive().optional(),
  table: z.number().int().positive().optional(),
  row: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  heading: z.string().optional(),
  /** The fact was read by OCR from a scanned page: the engine's mean confidence (0-100) over the words it came from. */
  ocrConfidence: z.number().min(0).max(100).optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  source: SourceRef.optional(),
});
export type Warning = z.infer<typeof Warning>;

export const ActionPlan = z.object({
  /** As written in the minutes. */
  text: z.string(),
  /** e.g. `nap4-2021-2023`: ordinal and years, comparable across languages. */
  key: z.string().nullable(),
  ordinal: z.number().int().positive().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

export const ActivityState = z.enum(["done", "planned", "ongoing", "unknown"]);
export const Activity = z.object({ text: z.string(), state: ActivityState });
export type Activity = z.infer<typeof Activity>;

export const Commitment = z.object({
  /** ASCII digits as a string; null when the source gives no number. */
  number: z.string().regex(/^\d+$/).nullable(),
  title: z.string(),
  status: Status,
  /** The source's own words for the status. */
  statusLabel: z.string().nullable(),
  /** The percent stated for the commitment or its status section, else null. */
  progress: z.number().min(0).max(100).nullable(),
  reportedBy: z.array(z.string()),
  activities: z.array(Activity),
  notes: z.array(z.string()),
  source: SourceRef,
});
export type Commitment = z.infer<typeof Commitment>;

export const Decision = z.object({
  text: z.string(),
  date: PartialDate.nullable(),
  /** The commitment number the decision concerns, when it is one. */
  commitment: z.string().nullable(),
  source: SourceRef,
});
export type Decision = z.infer<typeof Decision>;

export const Event = z.object({
  title: z.string(),
  date: PartialDate.nullable(),
  endDate: PartialDate.nullable(),
  place: z.string().nullable(),
  participants: z.array(z.string()),
  source: SourceRef,
});
export type Event = z.infer<typeof Event>;

export const DateSource = z.enum(["text", "filename", "metadata", "option"]);
export type DateSource = z.infer<typeof DateSource>;

export const Meeting = z.object({
  title: z.string().nullable(),
  date: PartialDate.nullable(),
  dateSource: DateSource.nullable(),
  language: Language,
  actionPlan: ActionPlan.nullable(),
  chair: z.string().nullable(),
  attendees: z.array(z.string()),
  agenda: z.array(z.string()),
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
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: DocumentFormat,
  pages: z.number().int().positive().nullable(),
  /** Pages read by OCR (scanned, without a usable text layer), 1-based. */
  ocrPages: z.array(z.number().int().positive()).optional(),
});

export const MeetingRecord = z.object({
  schemaVersion: z.literal(1),
  source: DocumentSource,
  meeting: Meeting,
  commitments: z.array(Commitment),
  decisions: z.array(Decision),
  events: z.array(Event),
  warnings: z.array(Warning),
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;
