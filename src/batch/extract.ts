/**
 * One file's trip through the pipeline, bytes in, validated record out. Shared by
 * the package export `extractMeeting` and the batch workers so both give the
 * same record for the same bytes.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { IngestError } from "../ingest/errors.js";
import { readDocument } from "../ingest/index.js";
import { extractRecord } from "../extract/index.js";
import { MeetingRecord } from "../model/meeting.js";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface ExtractOptions {
  /** Digest of `bytes`, when the caller has already computed it. */
  sha256?: string;
  /** The meeting's date when neither the text, the file name nor the metadata gives it. */
  date?: string;
}

export async function extractFromBytes(bytes: Uint8Array, path: string, options: ExtractOptions = {}): Promise<MeetingRecord> {
  const document = await readDocument(path, bytes);
  const record = extractRecord(document, {
    sha256: options.sha256 ?? sha256Hex(bytes),
    ...(options.date === undefined ? {} : { date: options.date }),
  });
  // The record is a published contract: never hand out one that breaks it.
  return MeetingRecord.parse(record);
}

/** Reads a file, turning file-system failures into the pipeline's typed error. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file (or a dangling link)"
      : code === "EACCES" || code === "EPERM" ? "permission denied"
      : code === "EISDIR" ? "is a folder, not a file"
      : `cannot be read (${code ?? String(error)})`;
    throw new IngestError(path, "unreadable", reason, { cause: error });
  }
}
