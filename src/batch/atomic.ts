/**
 * Atomic file writes: a reader of the destination (or a run killed mid-write)
 * sees the old content or the new, never half of either. The temporary file sits
 * in the destination's own folder so the rename never crosses file systems.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Streams a file into place atomically, for outputs too large to hold whole (the workbook of
 * an archive of thousands of minutes): `write` writes into the stream and resolves once it has
 * written everything and ended it. Resolves with the bytes' sha256 (hex), taken on the way.
 */
export async function streamFileAtomic(path: string, write: (stream: Writable) => Promise<void>): Promise<string> {
  const temporary = temporaryPathFor(path);
  const hash = createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const piping = pipeline(hashing, createWriteStream(temporary));
  // Handled here as well: a disk error may reject it while `write` is still running.
  piping.catch(() => undefined);
  try {
    await write(hashing);
    await piping;
    await rename(temporary, path);
  } catch (error) {
    hashing.destroy();
    await piping.catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return hash.digest("hex");
}

/**
 * Like writeFileAtomic, but a file that already holds exactly this text is left alone: a
 * re-run over an unchanged archive rewrites nothing, and the files keep their times for
 * tools that sync or watch the folder. Reading a record is cheaper than replacing it.
 */
export async function writeTextIfChanged(path: string, text: string): Promise<void> {
  const existing = await readFile(path, "utf8").catch(() => undefined);
  if (existing !== text) await writeFileAtomic(path, text);
}
