/**
 * The end-of-run outputs as one set (src/batch/output-set.ts): a run killed at any rename,
 * a Ctrl-C during the final write, and a disk that fills up while the workbook is written
 * leave the previous set or the new one, whole, and no leftovers once the next run starts.
 * The kills run in child processes against dist/ (built by `npm test`).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { recoverOutputs } from "../src/batch/output-set.js";
import { OutputError, runBatch } from "../src/batch/run.js";

const ROOT = resolve(import.meta.dirname, "..");
const CORPUS = join(ROOT, "fixtures", "ogp-tunisia");
import { WRITERS } from "../src/write/writers.js";
/** Every end-of-run output: the writers' files, errors.json and the run manifest. */
const SET = [...WRITERS.map((writer) => writer.file), "errors.json", ".minutes-run.json"];

/** Fails every write stream whose path contains this, as a full disk does; unset: no failure. */
const diskFull = vi.hoisted(() => ({ pathPart: undefined as string | undefined }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const { Writable } = await import("node:stream");
  const createWriteStream = ((path: string, options?: unknown) => {
    if (diskFull.pathPart === undefined || !String(path).includes(diskFull.pathPart)) return fs.createWriteStream(path, options as never);
    // The first bytes go to disk, then the device is full.
    const real = fs.createWriteStream(path, options as never);
    let written = 0;
    const failing = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        if (written > 4096) return done(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28 }));
        real.write(chunk, done);
      },
      final(done) {
        real.end(done);
      },
      destroy(error, done) {
        real.destroy();
        done(error);
      },
    });
    return failing;
  }) as typeof fs.createWriteStream;
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream };
});

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-set-"));
  diskFull.pathPart = undefined;
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function digests(out: string): Promise<Record<string, string | null>> {
  const result: Record<string, string | null> = {};
  for (const name of SET) {
    const bytes = await readFile(join(out, name)).catch(() => undefined);
    result[name] = bytes === undefined ? null : createHash("sha256").update(bytes).digest("hex");
  }
  return result;
}

/** Names in the output folder and meetings/ that are not outputs: staging folders, temporary files, a commit record. */
async function leftovers(out: string): Promise<string[]> {
  const names = [...(await readdir(out)), ...(await readdir(join(out, "meetings")))];
  return names.filter((name) => name.startsWith(".") && name !== ".minutes-run.json" && name !== ".cache");
}

async function archiveOf(names: string[], folder: string): Promise<string> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const name of names) await copyFile(join(CORPUS, name), join(folder, name));
  return folder;
}

/**
 * A run in a child process that SIGKILLs itself at the `killAt`-th rename of its final write (0 = the first); says whether it was killed.
 * Its records come from `cache` (outside `out`): what is killed is the final write, and a run that extracts again at every kill outlasts the test's time on a loaded machine.
 */
async function runKilledAt(archive: string, out: string, cache: string, killAt: number): Promise<{ killed: boolean }> {
  const script = join(work, "kill-at-rename.mjs");
  await writeFile(
    script,
    `import fsp from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
const killAt = Number(process.argv[2]);
const rename = fsp.rename;
let count = 0;
// Only the renames of the final write count: those of records into meetings/ come before it.
fsp.rename = async (...args) => {
  if (!String(args[1]).includes("/meetings/") && count++ === killAt) process.kill(process.pid, "SIGKILL");
  return rename(...args);
};
syncBuiltinESMExports();
const { runBatch } = await import(${JSON.stringify(join(ROOT, "dist", "batch", "run.js"))});
await runBatch({ inputs: [process.argv[3]], out: process.argv[4], tracker: true, jobs: 1, cache: process.argv[5] });
`,
  );
  try {
    await promisify(execFile)(process.execPath, [script, String(killAt), archive, out, cache]);
    return { killed: false };
  } catch (error) {
    if ((error as { signal?: string }).signal === "SIGKILL") return { killed: true };
    throw error;
  }
}

describe("a run killed at any moment of its final write", () => {
  test("leaves the previous set or the new one, and the next run finishes or removes what it left", async () => {
    const out = join(work, "out");
    const cache = join(work, "cache");
    const oldArchive = await archiveOf(["2023-03-committee-minutes.txt"], join(work, "old"));
    const newArchive = await archiveOf(["2023-03-committee-minutes.txt", "2023-09-committee-minutes.docx"], join(work, "new"));
    await runBatch({ inputs: [newArchive], out, tracker: true, jobs: 1, cache });
    const newSet = await digests(out);
    await rm(out, { recursive: true });
    await runBatch({ inputs: [oldArchive], out, tracker: true, jobs: 1, cache });
    const oldSet = await digests(out);
    expect(newSet["tracker.json"]).not.toEqual(oldSet["tracker.json"]);
    const snapshot = join(work, "old-out");
    await cp(out, snapshot, { recursive: true });

    const seen = new Set<string>();
    for (let killAt = 0; ; killAt += 1) {
      const { killed } = await runKilledAt(newArchive, out, cache, killAt);
      // Between two renames of the set a reader may see a mix; what the next run finds is one set.
      await recoverOutputs(out);
      const now = await digests(out);
      // The manifest holds every other output's digest: a whole set is one whose manifest matches the files.
      const manifest = JSON.parse(await readFile(join(out, ".minutes-run.json"), "utf8")) as { outputs: Record<string, string> };
      expect(Object.fromEntries(Object.keys(manifest.outputs).map((name) => [name, now[name]])), `killed at rename ${killAt}`).toEqual(manifest.outputs);
      const which = now["tracker.json"] === oldSet["tracker.json"] ? "old" : now["tracker.json"] === newSet["tracker.json"] ? "new" : "other";
      expect(which, `killed at rename ${killAt}`).not.toBe("other");
      expect(await leftovers(out)).toEqual([]);
      seen.add(which);
      if (!killed) break;
      // Back to the old set for the next kill.
      await rm(out, { recursive: true });
      await cp(snapshot, out, { recursive: true });
    }
    expect([...seen].sort()).toEqual(["new", "old"]);
  }, 120_000);
});

describe("Ctrl-C during the final write", () => {
  test("before the set is committed: the old set stays, the run says it was interrupted", async () => {
    const out = join(work, "out");
    await runBatch({ inputs: [await archiveOf(["2023-03-committee-minutes.txt"], join(work, "old"))], out, tracker: true, jobs: 1 });
    const oldSet = await digests(out);
    const controller = new AbortController();
    const summary = await runBatch({
      inputs: [await archiveOf(["2023-03-committee-minutes.txt", "2023-09-committee-minutes.docx"], join(work, "new"))],
      out,
      tracker: true,
      jobs: 1,
      signal: controller.signal,
      // The last file is done and the final write begins: Ctrl-C now.
      progress: { start() {}, file() {}, note() {}, stop: () => controller.abort() },
    });
    expect(summary).toMatchObject({ interrupted: true, written: [] });
    expect(await digests(out)).toEqual(oldSet);
    expect(await leftovers(out)).toEqual([]);
  });
});

describe("a full disk while tracker.xlsx is written", () => {
  test("an OutputError that says the disk is full, the previous set whole, no temporary file", async () => {
    const out = join(work, "out");
    const archive = await archiveOf(["2023-03-committee-minutes.txt"], join(work, "old"));
    await runBatch({ inputs: [archive], out, tracker: true, jobs: 1 });
    const oldSet = await digests(out);
    await copyFile(join(CORPUS, "2023-09-committee-minutes.docx"), join(archive, "2023-09-committee-minutes.docx"));
    diskFull.pathPart = "tracker.xlsx";
    const run = runBatch({ inputs: [archive], out, tracker: true, jobs: 1 });
    await expect(run).rejects.toBeInstanceOf(OutputError);
    await expect(run).rejects.toThrow(/tracker\.xlsx: the disk is full \(ENOSPC\)/);
    expect(await digests(out)).toEqual(oldSet);
    expect(await leftovers(out)).toEqual([]);
  });
});

describe("the commit", () => {
  test("is announced around the renames, so a caller can hold a second Ctrl-C until the set is in place", async () => {
    const out = join(work, "out");
    const archive = await archiveOf(["2023-03-committee-minutes.txt"], join(work, "old"));
    const calls: boolean[] = [];
    await runBatch({ inputs: [archive], out, tracker: true, jobs: 1, onCommitting: (committing) => calls.push(committing) });
    expect(calls).toEqual([true, false]);
    // Nothing changed: the set is kept, nothing is committed.
    await runBatch({ inputs: [archive], out, tracker: true, jobs: 1, onCommitting: (committing) => calls.push(committing) });
    expect(calls).toEqual([true, false]);
  });
});
