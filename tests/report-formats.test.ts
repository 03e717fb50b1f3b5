/**
 * `minutes run --formats`: the run writes the tracker's outputs of the formats
 * named and no other; an unknown format is a usage error (exit 2) naming it.
 * Through the real command (dist/ built by `npm test`).
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { OUTPUT_FORMATS, WRITERS, writersFor } from "../src/write/writers.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "minutes.js");
const CORPUS = join(ROOT, "fixtures", "ogp-tunisia");

async function minutes(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-formats-"));
  await mkdir(join(work, "archive"));
  await copyFile(join(CORPUS, "2023-09-committee-minutes.docx"), join(work, "archive", "2023-09-committee-minutes.docx"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the writers", () => {
  test("one file per writer, every format written by default", () => {
    expect(WRITERS.map((w) => w.file)).toEqual(["tracker.json", "tracker.xlsx", "tracker.csv", "commitments.csv", "decisions.csv", "report.html"]);
    expect(new Set(WRITERS.map((w) => w.format))).toEqual(new Set(OUTPUT_FORMATS));
    expect(writersFor()).toEqual(WRITERS);
    expect(writersFor(["html"]).map((w) => w.file)).toEqual(["report.html"]);
  });
});

describe("minutes run --formats", () => {
  test("writes the formats named and no other; a second run with other formats writes those", async () => {
    const run = await minutes(["run", "archive", "--out", "out", "--formats", "csv, JSON", "--json", "--quiet"], work);
    expect(run.code).toBe(0);
    const written = (JSON.parse(run.stdout) as { written: string[] }).written;
    expect(written).toEqual(["tracker.json", "tracker.csv", "commitments.csv", "decisions.csv", "errors.json"]);
    expect((await readdir(join(work, "out"))).filter((name) => !name.startsWith(".")).sort()).toEqual(
      ["commitments.csv", "decisions.csv", "errors.json", "meetings", "tracker.csv", "tracker.json"],
    );
    const csv = await readFile(join(work, "out", "tracker.csv"), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);

    // Other formats from the same records: not "kept", written.
    const html = await minutes(["run", "archive", "--out", "out", "--formats", "html", "--json", "--quiet"], work);
    expect((JSON.parse(html.stdout) as { written: string[]; kept: string[] })).toMatchObject({ written: ["report.html", "errors.json"], kept: [] });
    expect(await readFile(join(work, "out", "report.html"), "utf8")).toMatch(/^<!DOCTYPE html>\n<html lang="fr" dir="ltr">/);
  });

  test("an unknown format: exit 2, naming it and the formats there are", async () => {
    const run = await minutes(["run", "archive", "--out", "out", "--formats", "json,pdf"], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown format pdf: expected json, xlsx, csv, html");
    expect(await readdir(work)).toEqual(["archive"]);
  });
});
