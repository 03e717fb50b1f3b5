/**
 * Getting a file's bytes: the part of ingestion that needs no parser. Kept apart
 * from the readers so the batch can read, size-check and hash files without
 * loading mammoth or pdf.js.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { IngestError } from "./errors.js";

/** Larger files are refused rather than risking the process's memory: minutes are a few MB at most, scans included. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/**
 * A plain Uint8Array view of the same memory. Some parsers (pdf.js) refuse Node's
 * Buffer subclass, and callers of the package may well pass one.
 */
export function asPlainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Throws `too-large` for content over the limit. */
export function checkDocumentSize(path: string, size: number): void {
  if (size > MAX_DOCUMENT_BYTES) throw new IngestError(path, "too-large", `${size} bytes, more than the ${MAX_DOCUMENT_BYTES}-byte limit`);
}

/**
 * Reads a file, turning file-system failures into the pipeline's typed error. The
 * size is checked before reading, so a multi-gigabyte file never enters memory.
 */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new IngestError(path, "unreadable", "is a folder, not a file");
    if (!info.isFile()) throw new IngestError(path, "unreadable", "not a regular file");
    checkDocumentSize(path, info.size);
    return asPlainBytes(await readFile(path));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file (or a dangling link)"
      : code === "EACCES" || code === "EPERM" ? "permission denied"
      : code === "EISDIR" ? "is a folder, not a file"
      : `cannot be read (${code ?? String(error)})`;
    throw new IngestError(path, "unreadable", reason, { cause: error });
  }
}

/** SHA-256 of a file's bytes, hex: the record's `source.sha256` and the batch cache's key. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
