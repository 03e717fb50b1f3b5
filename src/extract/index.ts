/**
 * Tree in, meeting record out: the pure heart of the pipeline. Everything language-
 * specific comes from the lexicons in ./lexicon; everything format-specific stayed in
 * the readers.
 */
import type { DocumentTree } from "../ingest/tree.js";
import { MeetingRecord, warning, type Warning } from "../model/meeting.js";
import { flatten, joinBrokenParagraphs, type Block } from "./blocks.js";
import { unrollMinutesTables } from "./minutes-tables.js";
import { extractCommitments } from "./layouts/index.js";
import { extractDecisions } from "./decisions.js";
import { proseEvents, tableEvents } from "./events.js";
import { SUBJECT_LINE } from "./lexicon/index.js";
import { actionPlan, agenda, attendees, chair, languageOf, meetingDate, meetingTitle } from "./meeting.js";
import { forgetRecentFolds } from "./match.js";
import { toSourceRef } from "./text-helpers.js";

export interface ExtractOptions {
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** `--date`: the meeting date when neither the text, the file name nor the metadata gives one. */
  date?: string;
}

export { detectLanguage } from "./meeting.js";
export { LEXICONS } from "./lexicon/index.js";

/** Texts kept apart from the body (page headers, footers) as blocks of their own. */
const paragraphsOf = (texts: readonly string[]): Block[] =>
  flatten({ type: "root", children: texts.map((value) => ({ type: "paragraph", children: [{ type: "text", value }] })) }).blocks;

export function extractRecord(doc: DocumentTree, options: ExtractOptions): MeetingRecord {
  forgetRecentFolds();
  const { flat, actions } = unrollMinutesTables(flatten(doc.tree));
  const file = doc.path;
  const language = languageOf(flat.blocks.map((b) => b.ft));
  const found = extractCommitments(flat, file);
  const inCommitment = (b: { index: number }): boolean => found.region.has(b.index);
  const outside = flat.blocks.filter((b) => !inCommitment(b));
  // Sentences a reader broke across paragraphs, joined again for what is read in sentences.
  const prose = joinBrokenParagraphs(outside);

  // Page headers and footers (the letterhead, often the committee and the date): candidates after the body's own.
  const headers = paragraphsOf(doc.tree.data?.furniture?.headers ?? []);
  const footers = paragraphsOf(doc.tree.data?.furniture?.footers ?? []);
  const { date, dateSource, warning: dateWarning } = meetingDate(prose, doc.path, doc.metadata, options.date, [...headers, ...footers]);
  const fromTables = tableEvents(flat.tables, file);
  const events = [...fromTables.events, ...proseEvents(prose.filter((b) => !fromTables.covered.has(b.index)), inCommitment, file, date)];
  const decisions = [...extractDecisions(joinBrokenParagraphs(flat.blocks), { file, commitmentOf: (b) => found.region.get(b.index) ?? null, actions, reviewed: found.openings, meetingDate: date }), ...found.decisions];

  const warnings: Warning[] = [
    ...doc.messages.map((m) => warning(m.code, m.message, m.source ? toSourceRef(file, m.source) : undefined)),
    ...found.warnings,
  ];
  if (dateWarning) warnings.push(dateWarning);
  if (found.commitments.length === 0) warnings.push(warning("no-commitments", "No commitment table, heading, list or paragraph was recognised in this document."));
  if (options.date && dateSource !== "option" && !date) warnings.push(warning("bad-date-option", `--date "${options.date}" is not YYYY-MM-DD or YYYY-MM; ignored.`));
  if (!date) warnings.push(warning("no-date", "No meeting date in the text, file name or metadata, and no usable --date."));

  return MeetingRecord.parse({
    schemaVersion: 1,
    source: { path: doc.path, sha256: options.sha256, format: doc.format, pages: doc.pages, ...(doc.ocrPages ? { ocrPages: doc.ocrPages } : {}) },
    meeting: {
      title: meetingTitle(outside, SUBJECT_LINE, doc.metadata, headers),
      date,
      dateSource,
      language,
      actionPlan: actionPlan(flat.blocks),
      chair: chair(prose, language),
      attendees: attendees(outside),
      agenda: agenda(outside, flat.blocks),
    },
    commitments: found.commitments,
    decisions,
    events,
    warnings,
  });
}
