/**
 * One file's trip through the pipeline, bytes in, validated record out. Shared by
 * the package export `extractMeeting` and the batch workers so both give the
 * same record for the same bytes.
 */
import { readDocument, type OcrOptions } from "../ingest/index.js";
import { extractRecord } from "../extract/index.js";
import { MeetingRecord } from "../model/meeting.js";
import { sha256Hex } from "./read.js";

export interface ExtractOptions {
  /** Digest of `bytes`, when the caller has already computed it. */
  sha256?: string;
  /** The meeting's date when neither the text, the file name nor the metadata gives it. */
  date?: string;
  /** OCR of pages without a usable text layer (default `auto`). */
  ocr?: OcrOptions;
  /** Called as each page's OCR starts. */
  onOcrPage?: (page: number) => void;
}

export async function extractFromBytes(bytes: Uint8Array, path: string, options: ExtractOptions = {}): Promise<MeetingRecord> {
  const document = await readDocument(path, bytes, {
    ...(options.ocr === undefined ? {} : { ocr: options.ocr }),
    ...(options.onOcrPage === undefined ? {} : { onOcrPage: options.onOcrPage }),
  });
  const record = extractRecord(document, {
    sha256: options.sha256 ?? sha256Hex(bytes),
    ...(options.date === undefined ? {} : { date: options.date }),
  });
  // The record is a published contract: never hand out one that breaks it.
  return MeetingRecord.parse(record);
}
