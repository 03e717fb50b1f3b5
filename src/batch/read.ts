/** Reading input files and hashing them: the parts of a file's trip that need no parser. */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { IngestError } from "../ingest/errors.js";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A plain Uint8Array view of the same memory. Some parsers (pdf.js) refuse Node's
 * Buffer subclass, and callers of the package may well pass one.
 */
export function asPlainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The size readDocument refuses (MAX_DOCUMENT_BYTES in ingest/index.ts, which this
 * module must not import: it loads every parser). Checked before reading, so a
 * multi-gigabyte file never enters memory.
 */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Reads a file, turning file-system failures into the pipeline's typed error. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const { size } = await stat(path);
    if (size > MAX_INPUT_BYTES) throw new IngestError(path, "too-large", `${size} bytes, more than the ${MAX_INPUT_BYTES}-byte limit`);
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
