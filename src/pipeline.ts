/**
 * One file's trip through the pipeline, bytes in, validated record out: ingest, then extract. The
 * package export `extractMeeting` and the batch workers both call it, so both give the same record
 * for the same bytes, and the library does not depend on the batch.
 */
import { extractRecord, type ExtractOptions } from "./extract/index.js";
import { sha256Hex } from "./ingest/file.js";
import { readDocument, type ReadOptions } from "./ingest/index.js";
import type { MeetingRecord } from "./model/meeting.js";

/** The reader's options (OCR) and the extractor's; `sha256` may be left out when the caller has not computed it yet. */
export type FileOptions = ReadOptions & Omit<ExtractOptions, "sha256"> & Partial<Pick<ExtractOptions, "sha256">>;

export async function extractFromBytes(bytes: Uint8Array, path: string, options: FileOptions = {}): Promise<MeetingRecord> {
  const { ocr, onOcrPage, ...extractOptions } = options;
  const document = await readDocument(path, bytes, {
    ...(ocr === undefined ? {} : { ocr }),
    ...(onOcrPage === undefined ? {} : { onOcrPage }),
  });
  // extractRecord validates the record against its schema as it makes it: the one check a record needs.
  return extractRecord(document, { ...extractOptions, sha256: extractOptions.sha256 ?? sha256Hex(bytes) });
}
