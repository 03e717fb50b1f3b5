/**
 * The `minutes` command as users run it: `node bin/minutes.js` in a child
 * process (dist/ built by `npm test`), checking exit codes, files and messages.
 */
import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "minutes.js");
const CORPUS = join(ROOT, "fixtures", "ogp-tunisia");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function minutes(args: string[], cwd = ROOT): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-cli-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("usage", () => {
  test("--help lists the commands and exits 0", async () => {
    const run = await minutes(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["tree", "extract", "run", "schema"]) expect(run.stdout).toContain(command);
  });

  test.each([
    [["frobnicate"]],
    [["run", join(CORPUS, "2023-09-committee-minutes.docx")]],
    [["run", "--out", "x"]],
    [["extract", join(CORPUS, "2023-09-committee-minutes.docx"), "--out", "x", "--jobs", "0"]],
    [["extract", join(CORPUS, "2023-09-committee-minutes.docx"), "--out", "x", "--date", "15/03/2023"]],
    [["run", join(CORPUS, "*.nothing"), "--out", "x"]],
  ])("a usage error exits 2 and says what is wrong: %j", async (args) => {
    const run = await minutes(args, work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error|minutes:/i);
  });
});

describe("extract", () => {
  test("one record per file, named after the file; spaces, Arabic letters and leading dashes work", async () => {
    const source = join(CORPUS, "2023-09-committee-minutes.docx");
    const names = ["minutes of June.docx", "محضر جلسة.docx", "-dash.docx", "--double.docx"];
    for (const name of names) await copyFile(source, join(work, name));
    const run = await minutes(["extract", "--out", "out", "minutes of June.docx", "محضر جلسة.docx", "./-dash.docx", "--", "--double.docx"], work);
    expect(run.stderr).not.toMatch(/FAILED/);
    expect(run.code).toBe(0);
    const written = (await readdir(join(work, "out", "meetings"))).sort();
    expect(written).toEqual(["--double.json", "-dash.json", "minutes of June.json", "محضر جلسة.json"].sort());
    const record = MeetingRecord.parse(JSON.parse(await readFile(join(work, "out", "meetings", "محضر جلسة.json"), "utf8")));
    expect(record.source.path).toBe("محضر جلسة.docx");
  });

  test("a failed file is reported, the others are written, and the exit code is 1", async () => {
    await copyFile(join(CORPUS, "2023-09-committee-minutes.docx"), join(work, "good.docx"));
    await writeFile(join(work, "broken.docx"), "PK\u0003\u0004 not really a zip");
    const run = await minutes(["extract", "good.docx", "broken.docx", "--out", "out"], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.docx: .*\[corrupt\]/);
    expect(await readdir(join(work, "out", "meetings"))).toEqual(["good.json"]);
    expect(JSON.parse(await readFile(join(work, "out", "errors.json"), "utf8"))).toEqual([
      { file: "broken.docx", code: "corrupt", reason: expect.any(String) },
    ]);
  });
});

describe("run", () => {
  test("folders and globs: records, tracker.json, tracker.xlsx, errors.json and a --json summary", async () => {
    await mkdir(join(work, "archive", "2023"), { recursive: true });
    await copyFile(join(CORPUS, "2022-06-committee-minutes.docx"), join(work, "archive", "2022-06-committee-minutes.docx"));
    await copyFile(join(CORPUS, "2023-09-committee-minutes.docx"), join(work, "archive", "2023", "2023-09-committee-minutes.docx"));
    await copyFile(join(CORPUS, "2023-03-committee-minutes.txt"), join(work, "archive", "2023", "2023-03-committee-minutes.txt"));
    // Word's lock file and hidden files are not minutes.
    await writeFile(join(work, "archive", "~$22-06-committee-minutes.docx"), "lock");
    await writeFile(join(work, "archive", ".hidden.docx"), "hidden");

    const run = await minutes(["run", "archive", "--out", "out", "--json", "--jobs", "2"], work);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { files: number; extracted: number; failed: number; written: string[] };
    expect(summary).toMatchObject({ files: 3, extracted: 3, failed: 0 });
    expect(summary.written).toEqual(["tracker.json", "tracker.xlsx", "tracker.csv", "commitments.csv", "decisions.csv", "report.html", "errors.json"]);
    const out = await readdir(join(work, "out"));
    expect(out).toEqual(expect.arrayContaining(["meetings", "tracker.json", "tracker.xlsx", "errors.json"]));
    expect(JSON.parse(await readFile(join(work, "out", "errors.json"), "utf8"))).toEqual([]);

    const again = JSON.parse((await minutes(["run", "archive", "--out", "out", "--json", "--quiet"], work)).stdout) as { extracted: number; cached: number; kept: string[] };
    expect(again).toMatchObject({ extracted: 0, cached: 3, kept: expect.arrayContaining(["tracker.json", "tracker.xlsx"]) });
    const uncached = JSON.parse((await minutes(["run", "archive", "--out", "out", "--json", "--quiet", "--no-cache"], work)).stdout) as { extracted: number; cached: number };
    expect(uncached).toMatchObject({ extracted: 3, cached: 0 });

    const globbed = await minutes(["run", "archive/**/*.docx", "--out", "out2", "--quiet"], work);
    expect(globbed.code).toBe(0);
    expect(globbed.stderr).toBe("");
    expect((await readdir(join(work, "out2", "meetings"))).sort()).toEqual(["2022-06-committee-minutes.json", "2023-09-committee-minutes.json"]);
  });
});

describe("Ctrl-C", () => {
  test("SIGINT stops the workers, says how far the run got, exits 130 and leaves the previous tracker whole", async () => {
    await mkdir(join(work, "archive"));
    await copyFile(join(CORPUS, "2023-09-committee-minutes.docx"), join(work, "archive", "2023-09-committee-minutes.docx"));
    const first = await minutes(["run", "archive", "--out", "out", "--quiet"], work);
    expect(first.code).toBe(0);
    const before = await readFile(join(work, "out", "tracker.xlsx"));
    for (const name of ["2022-06-committee-minutes.pdf", "2023-03-committee-minutes.pdf", "2023-09-committee-minutes.pdf"]) {
      await copyFile(join(CORPUS, name), join(work, "archive", name));
    }
    const child = spawn(process.execPath, [BIN, "run", "archive", "--out", "out", "--jobs", "1", "--no-cache"], { cwd: work });
    let stderr = "";
    let interrupted = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt once, as soon as the first file is done.
      if (!interrupted && /\[1\/4\]/.test(stderr)) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Interrupted after [1-3] of 4 files/);
    expect(await readFile(join(work, "out", "tracker.xlsx"))).toEqual(before);
  });
});

describe("tree and schema", () => {
  test("tree prints the document as Markdown; a bad file exits 1 naming the file and the reason", async () => {
    for (const rendering of ["docx", "pdf"]) {
      const run = await minutes(["tree", join(CORPUS, `2023-09-committee-minutes.${rendering}`)]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Taux de réalisation");
    }
    const sources = await minutes(["tree", "--sources", join(CORPUS, "2023-09-committee-minutes.pdf")]);
    expect(sources.stdout).toMatch(/<!-- page 1/);
    await writeFile(join(work, "empty.pdf"), "");
    const bad = await minutes(["tree", "empty.pdf"], work);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/empty\.pdf: .*\[empty\]/);
  });

  test("a reader that closes the pipe early (`minutes tree FILE | head`) is not an error", async () => {
    const child = spawn(process.execPath, [BIN, "tree", join(CORPUS, "2023-09-committee-minutes.docx")], { cwd: ROOT });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  test("schema writes the JSON Schemas of the meeting record and the tracker", async () => {
    const run = await minutes(["schema", "--out", "schema"], work);
    expect(run.code).toBe(0);
    const meeting = JSON.parse(await readFile(join(work, "schema", "meeting.schema.json"), "utf8")) as { properties: Record<string, unknown> };
    const tracker = JSON.parse(await readFile(join(work, "schema", "tracker.schema.json"), "utf8")) as { properties: Record<string, unknown> };
    expect(Object.keys(meeting.properties)).toEqual(expect.arrayContaining(["source", "meeting", "commitments", "decisions", "events", "warnings"]));
    expect(Object.keys(tracker.properties)).toEqual(expect.arrayContaining(["meetings", "commitments"]));
  });
});
