/**
 * minutes-tracker as a library: the same functions the `minutes` command uses.
 *
 *     import { extractMeeting, buildTracker, trackerToJson } from "minutes-tracker";
 *     const record = await extractMeeting("minutes/2023-03.docx");
 */
import type { MeetingRecord } from "./model/meeting.js";
import { extractFromBytes } from "./pipeline.js";
import { readInputFile } from "./ingest/file.js";

export interface ExtractMeetingOptions {
  /**
   * The file's path when `input` is bytes: it picks the reader by extension, can
   * give the meeting's date (`2023-03-…`), and is the `file` of every source reference.
   */
  path?: string;
  /** The meeting's date (`YYYY-MM-DD` or `YYYY-MM`) when neither the text, the file name nor the metadata gives it. */
  date?: string;
}

/**
 * Reads one file (a path, or its bytes) and returns its validated meeting record.
 * Throws `IngestError` for a file that cannot be read (empty, corrupt, encrypted, scanned, ...).
 */
export async function extractMeeting(input: string | Uint8Array, options: ExtractMeetingOptions = {}): Promise<MeetingRecord> {
  const path = typeof input === "string" ? input : (options.path ?? "document");
  const bytes = typeof input === "string" ? await readInputFile(input) : input;
  return extractFromBytes(bytes, path, options.date === undefined ? {} : { date: options.date });
}

export * from "./model/meeting.js";
export * from "./model/tracker.js";
export type { DocumentTree, DocumentMetadata, IngestMessage, SourceLocation, Reader } from "./ingest/tree.js";
export { IngestError, type IngestErrorCode } from "./ingest/errors.js";
export { readDocument } from "./ingest/index.js";
export { extractRecord } from "./extract/index.js";
export { buildTracker } from "./track/index.js";
export { treeToMarkdown } from "./write/markdown.js";
export { recordToJson, trackerToJson, writeTrackerJson } from "./write/json.js";
export { trackerToXlsx, writeTrackerXlsx } from "./write/xlsx.js";
export { trackerReport, type TrackerReport } from "./write/report.js";
export { reportHtml, writeReportHtml } from "./write/html.js";
export { WRITERS, writersFor, OUTPUT_FORMATS, type OutputFormat, type ReportWriter } from "./write/writers.js";
export { runBatch, UsageError, OutputError } from "./batch/index.js";
export type { BatchOptions, BatchSummary, Failure, FileResult } from "./batch/index.js";
