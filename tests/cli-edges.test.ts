/**
 * The command line's edges, as users run it (`node bin/minutes.js`, dist/ built by `npm test`):
 * output folders that cannot be written, documents of formats no reader reads, standard input
 * and output, the cache keyed by content rather than by the path as typed, help examples.
 */
import { execFile, spawn, spawnSync } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "minutes.js");
const CORPUS = join(ROOT, "fixtures", "ogp-tunisia");
const DOCX = join(CORPUS, "2023-09-committee-minutes.docx");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function minutes(args: string[], cwd: string, stdin?: Buffer): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin ?? Buffer.alloc(0));
  const code = await new Promise<number>((done) => child.on("close", (exitCode) => done(exitCode ?? -1)));
  return { code, stdout, stderr };
}

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-edges-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A folder that cannot be written: by permissions for a normal user, as a read-only mount for root (which permissions do not stop). */
async function readOnlyFolder(): Promise<{ folder: string; release: () => void } | undefined> {
  const folder = join(work, "read-only");
  await mkdir(folder);
  if (process.getuid?.() !== 0) {
    await chmod(folder, 0o555);
    return { folder, release: () => undefined };
  }
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder]);
  if (mounted.status !== 0) return undefined;
  return { folder, release: () => void spawnSync("umount", [folder]) };
}

describe("output folders that cannot be written", () => {
  test("a read-only output folder: exit 2 with the real reason, no stack trace", async (context) => {
    const readOnly = await readOnlyFolder();
    if (readOnly === undefined) return context.skip();
    try {
      const run = await minutes(["run", DOCX, "--out", readOnly.folder], work);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/cannot write the output folder .*read-only: (permission denied \(EACCES\)|the file system is read-only \(EROFS\))/);
      expect(run.stderr).not.toMatch(/ENOENT|\n\s+at /);
    } finally {
      readOnly.release();
    }
  });

  test.skipIf(!existsSync("/proc/self"))("--out /proc/nope fails at once: no folder can be created there", async () => {
    const started = performance.now();
    const run = await minutes(["run", DOCX, "--out", "/proc/nope"], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write the output folder \/proc\/nope: no folder can be created there/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test("schema has the same reasons", async () => {
    await writeFile(join(work, "a-file"), "");
    const run = await minutes(["schema", "--out", join("a-file", "schema")], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a file is in the way of the folder/);
  });
});

describe("a full disk", () => {
  test("while the end-of-run files are written: exit 2 with the reason, no stack trace, no temporary file, the previous set whole", async (context) => {
    // A real full disk: a small tmpfs, which only root can mount.
    const disk = join(work, "disk");
    await mkdir(disk);
    if (process.getuid?.() !== 0 || spawnSync("mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", disk]).status !== 0) return context.skip();
    try {
      const archive = join(work, "archive");
      await mkdir(archive);
      await copyFile(join(CORPUS, "2023-03-committee-minutes.txt"), join(archive, "2023-03-committee-minutes.txt"));
      const out = join(disk, "out");
      expect((await minutes(["run", "archive", "--out", out, "--no-cache"], work)).code).toBe(0);
      // The new file's record is written first, so that only the end-of-run files meet the full disk.
      await copyFile(DOCX, join(archive, "2023-09-committee-minutes.docx"));
      expect((await minutes(["extract", "archive", "--out", out, "--no-cache"], work)).code).toBe(0);
      const before = await Promise.all(["tracker.json", "tracker.xlsx", "errors.json", ".minutes-run.json"].map((name) => readFile(join(out, name))));
      // Room for the new tracker.json and a few pages of the workbook: the disk fills up while tracker.xlsx is streamed.
      expect((await minutes(["run", "archive", "--out", "probe", "--no-cache", "-q"], work)).code).toBe(0);
      const trackerJson = (await readFile(join(work, "probe", "tracker.json"))).length;
      const { bavail, bsize } = await statfs(disk);
      const room = Math.ceil(trackerJson / 4096) * 4096 + 8192;
      await writeFile(join(disk, "filler"), Buffer.alloc(Math.max(0, bavail * bsize - room)));
      const run = await minutes(["run", "archive", "--out", out, "--no-cache"], work);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/minutes: cannot write .*tracker\.xlsx: the disk is full \(ENOSPC\)/);
      expect(run.stderr).not.toMatch(/\n\s+at |node:internal/);
      const after = await Promise.all(["tracker.json", "tracker.xlsx", "errors.json", ".minutes-run.json"].map((name) => readFile(join(out, name))));
      expect(after).toEqual(before);
      expect((await readdir(out)).filter((name) => name.startsWith(".") && name !== ".minutes-run.json")).toEqual([]);
    } finally {
      spawnSync("umount", [disk]);
    }
  });
});

describe("documents no reader reads", () => {
  test(".doc, .odt, .rtf and .html files in a folder are listed as unsupported, not skipped in silence", async () => {
    const archive = join(work, "archive");
    await mkdir(archive);
    await copyFile(DOCX, join(archive, "2023-09-committee-minutes.docx"));
    for (const name of ["old.doc", "open.odt", "rich.rtf", "page.html"]) await writeFile(join(archive, name), "not read");
    await writeFile(join(archive, "photo-notes.json"), "{}");
    const run = await minutes(["run", "archive", "--out", "out"], work);
    expect(run.code).toBe(1);
    const errors = JSON.parse(await readFile(join(work, "out", "errors.json"), "utf8")) as { file: string; code: string; reason: string }[];
    expect(errors.map(({ file, code }) => [file, code])).toEqual([
      [join("archive", "old.doc"), "unsupported"],
      [join("archive", "open.odt"), "unsupported"],
      [join("archive", "page.html"), "unsupported"],
      [join("archive", "rich.rtf"), "unsupported"],
    ]);
    expect(errors[0].reason).toBe("unsupported format (.doc): a legacy Word document: save it as .docx");
    expect(run.stderr).toMatch(/old\.doc: unsupported format \(\.doc\)/);
    expect(await readdir(join(work, "out", "meetings"))).toEqual(["2023-09-committee-minutes.json"]);
  });
});

describe("standard input and output", () => {
  test("tree - reads standard input", async () => {
    const run = await minutes(["tree", "-"], work, await readFile(DOCX));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Taux de réalisation");
    expect(run.stderr).toBe("");
  });

  test("extract - --out - reads standard input and prints the record; a file with --out - prints its record", async () => {
    const piped = await minutes(["extract", "-", "--out", "-"], work, await readFile(DOCX));
    expect(piped.code).toBe(0);
    const record = MeetingRecord.parse(JSON.parse(piped.stdout));
    expect(record.source.path).toBe("-");
    expect(record.commitments.length).toBeGreaterThan(0);
    const named = await minutes(["extract", DOCX, "--out", "-"], work);
    expect(MeetingRecord.parse(JSON.parse(named.stdout)).commitments).toEqual(record.commitments.map((c) => ({ ...c, source: { ...c.source, file: DOCX } })));
    expect(await readdir(work)).toEqual([]);
  });

  test("extract - --out DIR writes meetings/stdin.json", async () => {
    const run = await minutes(["extract", "-", "--out", "out"], work, await readFile(DOCX));
    expect(run.code).toBe(0);
    expect(await readdir(join(work, "out", "meetings"))).toEqual(["stdin.json"]);
  });

  test.each([
    [["run", DOCX, "--out", "-"]],
    [["run", "-", "--out", "out"]],
    [["extract", DOCX, DOCX, "--out", "-"]],
  ])("`-` where it cannot work is a usage error, and no folder named - is made: %j", async (args) => {
    const run = await minutes(args, work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^minutes: .*`-`/);
    expect(await readdir(work)).toEqual([]);
  });

  test("an empty standard input names the reason", async () => {
    const run = await minutes(["tree", "-"], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/empty/);
  });
});

describe("the cache", () => {
  test("is keyed by content: the same file given relative then absolute is not extracted again, and its record names the path given", async () => {
    await copyFile(DOCX, join(work, "2023-09.docx"));
    const first = JSON.parse((await minutes(["extract", "2023-09.docx", "--out", "out", "--json", "-q"], work)).stdout) as { extracted: number };
    expect(first).toMatchObject({ extracted: 1 });
    const absolute = join(work, "2023-09.docx");
    const second = JSON.parse((await minutes(["extract", absolute, "--out", "out", "--json", "-q"], work)).stdout) as { extracted: number; cached: number };
    expect(second).toMatchObject({ extracted: 0, cached: 1 });
    const record = MeetingRecord.parse(JSON.parse(await readFile(join(work, "out", "meetings", "2023-09.json"), "utf8")));
    expect(record.source.path).toBe(absolute);
    expect(new Set(record.commitments.map((c) => c.source.file))).toEqual(new Set([absolute]));
  });
});

describe("help", () => {
  test.each([["tree"], ["extract"], ["run"], ["schema"]])("%s --help gives examples", async (command) => {
    const run = await promisify(execFile)(process.execPath, [BIN, command, "--help"]);
    expect(run.stdout).toMatch(new RegExp(`Examples?:\\n  minutes ${command} `));
  });
});
