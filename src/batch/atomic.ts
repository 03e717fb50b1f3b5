/**
 * Atomic file writes: a reader of the destination (or a run killed mid-write)
 * sees the old content or the new, never half of either. The temporary file sits
 * in the destination's own folder so the rename never crosses file systems.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";

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
 *
 * The stream handed to `write` never fails: when the disk does (full, read-only), the rest of
 * the output is dropped and the disk's error is thrown once `write` is done. A writer library
 * that leaves a promise on its stream unawaited would otherwise turn that error into an
 * unhandled rejection, which ends the process with a stack trace.
 */
export async function streamFileAtomic(path: string, write: (stream: Writable) => Promise<void>): Promise<string> {
  const temporary = temporaryPathFor(path);
  const hash = createHash("sha256");
  const file = createWriteStream(temporary);
  let failure: unknown;
  file.on("error", (error) => {
    failure ??= error;
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (failure !== undefined) return done();
      hash.update(chunk);
      if (file.write(chunk)) return done();
      const settle = (): void => {
        file.off("drain", settle);
        file.off("error", settle);
        done();
      };
      file.on("drain", settle);
      file.on("error", settle);
    },
    final(done) {
      if (failure !== undefined) return done();
      file.end();
      finished(file).then(
        () => done(),
        (error: unknown) => {
          failure ??= error;
          done();
        },
      );
    },
  });
  try {
    await write(sink);
    await finished(sink);
    if (failure !== undefined) throw failure;
    await rename(temporary, path);
  } catch (error) {
    sink.destroy();
    file.destroy();
    await finished(file).catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return hash.digest("hex");
}

/**
 * Like writeFileAtomic, but a file that already holds exactly these bytes (text: its UTF-8)
 * is left alone: a re-run over an unchanged archive rewrites nothing, and the files keep their
 * times for tools that sync or watch the folder. Reading a record is cheaper than replacing
 * it, reading it synchronously cheaper still (at thousands of records the thread pool's round
 * trips for each small read cost more than the reads), and comparing bytes cheaper than
 * decoding them.
 */
export async function writeTextIfChanged(path: string, content: string | Uint8Array): Promise<void> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  let existing: Buffer | undefined;
  try {
    existing = readFileSync(path);
  } catch {
    existing = undefined;
  }
  if (existing === undefined || !existing.equals(bytes)) await writeFileAtomic(path, bytes);
}
