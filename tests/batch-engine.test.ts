/**
 * The batch engine on real files through real workers (dist/ must be built:
 * `npm test` builds first): cache, name collisions, failure isolation, the
 * per-file deadline and memory cap, and interruption.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { pipelineVersion, RecordCache } from "../src/batch/cache.js";
import { runBatch } from "../src/batch/run.js";
import { MeetingRecord } from "../src/model/meeting.js";

const CORPUS = "fixtures/ogp-tunisia";
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-batch-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function copyCorpus(names: string[]): Promise<string> {
  const folder = join(work, "archive");
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const name of names) await copyFile(join(CORPUS, name), join(folder, name));
  return folder;
}

describe("incremental cache", () => {
  test("a second run re-extracts nothing, a changed file alone is extracted again, the tracker is rebuilt", async () => {
    const archive = await copyCorpus(["2022-06-committee-minutes.docx", "2023-03-committee-minutes.txt", "2023-09-committee-minutes.docx"]);
    const out = join(work, "out");

    const cold = await runBatch({ inputs: [archive], out, tracker: true, jobs: 2 });
    expect(cold).toMatchObject({ files: 3, extracted: 3, cached: 0, failed: 0, interrupted: false });
    const coldTracker = await readFile(join(out, "tracker.json"), "utf8");
    const recordPath = join(out, "meetings", "2022-06-committee-minutes.json");
    const coldRecord = await stat(recordPath);

    const warm = await runBatch({ inputs: [archive], out, tracker: true, jobs: 2 });
    expect(warm).toMatchObject({ files: 3, extracted: 0, cached: 3, failed: 0 });
    // An unchanged record is not written again (an atomic write would give it a new inode).
    expect((await stat(recordPath)).ino).toBe(coldRecord.ino);
    expect((await stat(recordPath)).mtimeMs).toBe(coldRecord.mtimeMs);
    // Same records as last time: the tracker files are kept, not rebuilt.
    expect(warm.written).toEqual([]);
    expect(warm.kept.sort()).toEqual(["tracker.json", "review.json", "tracker.xlsx", "tracker.csv", "commitments.csv", "decisions.csv", "report.html", "errors.json"].sort());
    expect(await readFile(join(out, "tracker.json"), "utf8")).toBe(coldTracker);

    // ... unless one of them was changed or removed since.
    await rm(join(out, "tracker.xlsx"));
    const repaired = await runBatch({ inputs: [archive], out, tracker: true, jobs: 2 });
    expect(repaired).toMatchObject({ extracted: 0, cached: 3, kept: [] });
    expect(repaired.written).toEqual(["tracker.json", "review.json", "tracker.xlsx", "tracker.csv", "commitments.csv", "decisions.csv", "report.html", "errors.json"]);
    expect(await readFile(join(out, "tracker.json"), "utf8")).toBe(coldTracker);

    // Same name, new content: only this file is extracted again.
    await copyFile(join(CORPUS, "2023-03-committee-minutes.docx"), join(archive, "2023-03-committee-minutes.txt"));
    const changed = await runBatch({ inputs: [archive], out, tracker: true, jobs: 2 });
    expect(changed).toMatchObject({ files: 3, extracted: 1, cached: 2 });
    expect(changed.written).toContain("tracker.json");
    expect(changed.results.find((result) => result.status === "extracted")?.file).toBe(join(archive, "2023-03-committee-minutes.txt"));
    const record = MeetingRecord.parse(JSON.parse(await readFile(join(out, "meetings", "2023-03-committee-minutes.json"), "utf8")));
    expect(record.source.format).toBe("docx");

    const uncached = await runBatch({ inputs: [archive], out, tracker: true, jobs: 2, cache: false });
    expect(uncached).toMatchObject({ extracted: 3, cached: 0 });
  });

  test("a failure caused by the file is cached too, so a bad file is not parsed again", async () => {
    const archive = await copyCorpus([]);
    await writeFile(join(archive, "empty.docx"), "");
    const out = join(work, "out");
    const first = await runBatch({ inputs: [archive], out, jobs: 1 });
    const second = await runBatch({ inputs: [archive], out, jobs: 1 });
    expect(first.failures).toEqual([{ file: join(archive, "empty.docx"), code: "empty", reason: expect.any(String) }]);
    expect(second.failures).toEqual(first.failures);
    expect(first.results[0].failureFromCache).toBeUndefined();
    expect(second.results[0].failureFromCache).toBe(true);
  });
});

describe("input index", () => {
  test("an unchanged file is known by its status, not read again; new content of the same size is read and extracted", async () => {
    const archive = await copyCorpus(["2023-03-committee-minutes.txt"]);
    const file = join(archive, "2023-03-committee-minutes.txt");
    const out = join(work, "out");
    await runBatch({ inputs: [archive], out, jobs: 1 });
    const index = JSON.parse(await readFile(join(out, ".cache", "inputs.json"), "utf8")) as Record<string, unknown[]>;
    const text = await readFile(file, "utf8");
    expect(index[file]).toEqual([Buffer.byteLength(text), expect.any(Number), expect.any(Number), expect.any(Number), createHash("sha256").update(text).digest("hex")]);

    // While the file's status is the one recorded, the index's hash is the file's: given another
    // hash, whose record the cache holds, the run takes that record without reading the file.
    const other = "0".repeat(64);
    const extracted = MeetingRecord.parse(JSON.parse(await readFile(join(out, "meetings", "2023-03-committee-minutes.json"), "utf8")));
    const planted = { ...extracted, source: { ...extracted.source, sha256: other } };
    const key = RecordCache.key(other, file, undefined);
    await mkdir(join(out, ".cache", await pipelineVersion(), key.slice(0, 2)), { recursive: true });
    await writeFile(join(out, ".cache", await pipelineVersion(), key.slice(0, 2), `${key}.json`), JSON.stringify(planted));
    await writeFile(join(out, ".cache", "inputs.json"), JSON.stringify({ [file]: [...index[file].slice(0, 4), other] }));
    const trusted = await runBatch({ inputs: [archive], out, jobs: 1 });
    expect(trusted).toMatchObject({ extracted: 0, cached: 1 });
    expect(MeetingRecord.parse(JSON.parse(await readFile(join(out, "meetings", "2023-03-committee-minutes.json"), "utf8"))).source.sha256).toBe(other);

    // Same size, other bytes, written later: read, hashed and extracted again.
    const edited = text.replace("2023", "2024");
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    await writeFile(file, edited);
    const changed = await runBatch({ inputs: [archive], out, jobs: 1 });
    expect(changed).toMatchObject({ extracted: 1, cached: 0 });
    const record = MeetingRecord.parse(JSON.parse(await readFile(join(out, "meetings", "2023-03-committee-minutes.json"), "utf8")));
    expect(record.source.sha256).toBe(createHash("sha256").update(edited).digest("hex"));
    const again = await runBatch({ inputs: [archive], out, jobs: 1 });
    expect(again).toMatchObject({ extracted: 0, cached: 1 });
  });
});

describe("cache folder", () => {
  test("entries of other pipeline versions are removed, anything else in the folder is left alone", async () => {
    const archive = await copyCorpus(["2023-09-committee-minutes.docx"]);
    const cache = join(work, "cache");
    await mkdir(join(cache, "0.0.9-0123456789abcdef", "ab"), { recursive: true });
    await mkdir(join(cache, "notes"), { recursive: true });
    await runBatch({ inputs: [archive], out: join(work, "out"), cache, jobs: 1 });
    const folders = await readdir(cache);
    expect(folders).toContain("notes");
    expect(folders).not.toContain("0.0.9-0123456789abcdef");
    expect(folders.filter((name) => /^\d+\.\d+\.\d+-[0-9a-f]{16}$/.test(name))).toHaveLength(1);
  });
});

describe("output names", () => {
  test("renderings and same-named files in other folders get distinct, stable record names", async () => {
    const archive = await copyCorpus(["2023-09-committee-minutes.docx", "2023-09-committee-minutes.pdf"]);
    const other = join(archive, "copy");
    await mkdir(other);
    await copyFile(join(CORPUS, "2022-06-committee-minutes.docx"), join(other, "2023-09-committee-minutes.docx"));
    const out = join(work, "out");
    const summary = await runBatch({ inputs: [archive], out, jobs: 2 });
    expect(summary.failed).toBe(0);
    const names = (await readdir(join(out, "meetings"))).sort();
    expect(names).toHaveLength(3);
    // The Word file first in path order keeps the plain name; the others say what they are.
    expect(names).toContain("2023-09-committee-minutes.json");
    expect(names).toContain("2023-09-committee-minutes.pdf.json");
    expect(names).toContain("2023-09-committee-minutes.docx.json");
    expect(summary.renamed).toHaveLength(2);
    // Stable: the same inputs give the same names again.
    const again = await runBatch({ inputs: [archive], out, jobs: 2 });
    expect(again.renamed).toEqual(summary.renamed);
  });
});

describe("runaway files", () => {
  test("a file past its deadline is stopped and reported, its worker replaced, and the batch finishes", async () => {
    const archive = await copyCorpus(["2022-06-committee-minutes.docx", "2023-09-committee-minutes.docx"]);
    // A deadline shorter than a worker's start-up: every file overruns it.
    const summary = await runBatch({ inputs: [archive], out: join(work, "out"), jobs: 1, timeoutMs: 1, cache: false });
    expect(summary.failures.map((failure) => failure.code)).toEqual(["timeout", "timeout"]);
    expect(summary.failures[0].reason).toMatch(/longer than/);
  });

  test("a file that needs more memory than the cap is stopped and reported, and the batch finishes", async () => {
    // The cap counts what a file adds to its idle worker; a PDF's fonts and pages take more than 4 MB.
    const archive = await copyCorpus(["2023-03-committee-minutes.pdf", "2023-09-committee-minutes.pdf"]);
    const summary = await runBatch({ inputs: [archive], out: join(work, "out"), jobs: 1, maxMemoryMb: 4, cache: false });
    expect(summary.failures.map((failure) => failure.code)).toEqual(["out-of-memory", "out-of-memory"]);
    expect(summary.failures[0].reason).toMatch(/4 MB/);
  });
});

describe("interruption", () => {
  test("aborting stops the workers and leaves the previous tracker and errors files whole", async () => {
    const archive = await copyCorpus(["2022-06-committee-minutes.docx", "2023-09-committee-minutes.docx"]);
    const out = join(work, "out");
    await runBatch({ inputs: [archive], out, tracker: true, jobs: 1 });
    const before = await Promise.all(["tracker.json", "tracker.xlsx", "errors.json"].map((name) => readFile(join(out, name))));

    await copyFile(join(CORPUS, "2023-03-committee-minutes.pdf"), join(archive, "2023-03-committee-minutes.pdf"));
    const controller = new AbortController();
    const summary = await runBatch({
      inputs: [archive],
      out,
      tracker: true,
      jobs: 1,
      cache: false,
      signal: controller.signal,
      progress: { start() {}, note() {}, stop() {}, file: () => controller.abort() },
    });
    expect(summary.interrupted).toBe(true);
    expect(summary.written).toEqual([]);
    expect(summary.extracted + summary.failed).toBeLessThan(3);
    const after = await Promise.all(["tracker.json", "tracker.xlsx", "errors.json"].map((name) => readFile(join(out, name))));
    expect(after).toEqual(before);
  });
});
