/**
 * Atomic file writes: a reader of the destination (or a run killed mid-write)
 * sees the old content or the new, never half of either. The temporary file sits
 * in the destination's own folder so the rename never crosses file systems.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
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
