/**
 * The end-of-run outputs (tracker.json, tracker.xlsx, errors.json, the run manifest, and any
 * writer added later) replaced as one set. Renaming one file is atomic; renaming several is
 * not, so a run killed between two renames would leave the new tracker.json beside the old
 * workbook. The set is therefore committed the way a database commits a transaction:
 *
 * 1. stage: every output is written into a staging folder inside the output folder (same file
 *    system, so a rename never copies);
 * 2. commit point: a commit record naming the staging folder and the outputs is written
 *    atomically. Before it exists the old set is the set; once it exists the new one is;
 * 3. apply: each staged file is renamed over its destination;
 * 4. the commit record and the staging folder are removed.
 *
 * `recoverOutputs`, run before anything else touches the folder, finishes step 3 and 4 of a
 * run interrupted after its commit point (a rename whose source is gone was already done), and
 * removes what a run interrupted before it left: staging folders and temporary files of
 * processes that are no longer alive.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic.js";

const COMMIT_RECORD = ".minutes-commit.json";
const STAGING_PREFIX = ".minutes-staging-";
/** `.<name>.<pid>.<8 hex>.tmp`, as atomic.ts names its temporary files. */
const TEMPORARY_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const STAGING_FOLDER = /^\.minutes-staging-(\d+)-[0-9a-f]{8}$/;

interface CommitRecord {
  staging: string;
  names: string[];
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function applyCommit(out: string, record: CommitRecord): Promise<void> {
  for (const name of record.names) {
    try {
      await rename(join(out, record.staging, name), join(out, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  await rm(join(out, COMMIT_RECORD), { force: true });
  await rm(join(out, record.staging), { recursive: true, force: true });
}

/** Finishes a committed set, and removes the leftovers of interrupted runs, in `out` and its `meetings/`. */
export async function recoverOutputs(out: string): Promise<void> {
  const recordText = await readFile(join(out, COMMIT_RECORD), "utf8").catch(() => undefined);
  if (recordText !== undefined) {
    let record: CommitRecord | undefined;
    try {
      const parsed = JSON.parse(recordText) as CommitRecord;
      if (STAGING_FOLDER.test(parsed.staging) && Array.isArray(parsed.names) && parsed.names.every((name) => typeof name === "string" && !name.includes("/"))) {
        record = parsed;
      }
    } catch {
      // A commit record is written atomically; one that does not parse was not written by us.
    }
    if (record !== undefined) await applyCommit(out, record);
  }
  for (const folder of [out, join(out, "meetings")]) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const staging = STAGING_FOLDER.exec(entry.name);
      const temporary = TEMPORARY_FILE.exec(entry.name);
      const pid = staging?.[1] ?? temporary?.[1];
      if (pid === undefined || isAlive(Number(pid))) continue;
      if (staging !== null && !entry.isDirectory()) continue;
      await rm(join(folder, entry.name), { recursive: true, force: true });
    }
  }
}

/** A set of outputs being written: each goes to `path(name)`, and `commit` puts them all in place. */
export class OutputSet {
  private readonly names: string[] = [];

  private constructor(
    private readonly out: string,
    private readonly staging: string,
  ) {}

  static async begin(out: string): Promise<OutputSet> {
    const staging = `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}`;
    await mkdir(join(out, staging));
    return new OutputSet(out, staging);
  }

  /** Where to write the output `name`; it is part of the set from then on. */
  path(name: string): string {
    if (!this.names.includes(name)) this.names.push(name);
    return join(this.out, this.staging, name);
  }

  /** The commit point, then the renames; once this resolves the new set is in place. */
  async commit(): Promise<void> {
    const record: CommitRecord = { staging: this.staging, names: this.names };
    await writeFileAtomic(join(this.out, COMMIT_RECORD), JSON.stringify(record));
    await applyCommit(this.out, record);
  }

  /** Drops the staged files: the previous set stays the set. */
  async abandon(): Promise<void> {
    await rm(join(this.out, this.staging), { recursive: true, force: true });
  }
}
