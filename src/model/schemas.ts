/**
 * The published JSON Schemas, derived from the zod schemas (never written by hand):
 * `minutes schema --out DIR` writes them, and `schema/` in the repository holds the
 * current ones for systems that consume our JSON.
 */
import { z } from "zod";
import { MeetingRecord } from "./meeting.js";
import { ErrorsReport } from "./messages.js";
import { Review, Tracker } from "./tracker.js";

const PUBLISHED = {
  "meeting.schema.json": { schema: MeetingRecord, title: "minutes-tracker meeting record", description: "One meeting's minutes: meeting facts, commitments, decisions, events and warnings, each fact with its source." },
  "tracker.schema.json": { schema: Tracker, title: "minutes-tracker tracker", description: "Every commitment's progress across meetings: history, latest state, change, stalls and regressions." },
  "errors.schema.json": { schema: ErrorsReport, title: "minutes-tracker errors", description: "errors.json: every file of a run that gave no record, and why." },
  "review.schema.json": { schema: Review, title: "minutes-tracker review", description: "Every fact whose extraction was uncertain, why, its source and how to correct it, most consequential first." },
} as const;

/** File name -> file text (2-space JSON with a trailing newline). */
export function jsonSchemaFiles(): Record<keyof typeof PUBLISHED, string> {
  const files = {} as Record<keyof typeof PUBLISHED, string>;
  for (const [name, { schema, title, description }] of Object.entries(PUBLISHED) as [keyof typeof PUBLISHED, (typeof PUBLISHED)[keyof typeof PUBLISHED]][]) {
    files[name] = `${JSON.stringify({ title, description, ...z.toJSONSchema(schema) }, null, 2)}\n`;
  }
  return files;
}
