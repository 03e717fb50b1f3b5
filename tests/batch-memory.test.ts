/**
 * The memory cap holds whatever allocates: pdf.js inflating a content stream into buffers
 * outside the JavaScript heap, mammoth building a huge document on the heap under a small cap.
 * The file is stopped and listed as out of memory, and the run goes on with every good file.
 * The inputs are built here (tests/bad-input-builders.ts); dist/ must be built (`npm test`).
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runBatch } from "../src/batch/run.js";
import { inflatingPdf, largeDocx } from "./bad-input-builders.js";

const CORPUS = "fixtures/ogp-tunisia";
let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-memory-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function archiveWith(name: string, bytes: Buffer): Promise<string> {
  const archive = join(work, "archive");
  await mkdir(archive);
  await writeFile(join(archive, name), bytes);
  await copyFile(join(CORPUS, "2023-09-committee-minutes.docx"), join(archive, "2023-09-committee-minutes.docx"));
  return archive;
}

describe("the memory cap", () => {
  test("a 3 KB PDF whose content stream inflates to 1 GiB outside the heap is stopped at the cap; the good file is extracted", async () => {
    const bomb = inflatingPdf(1024);
    expect(bomb.length).toBeLessThan(4096);
    const archive = await archiveWith("inflates.pdf", bomb);
    const summary = await runBatch({ inputs: [archive], out: join(work, "out"), tracker: true, jobs: 1, maxMemoryMb: 128, cache: false });
    expect(summary.failures).toEqual([{ file: join(archive, "inflates.pdf"), code: "out-of-memory", reason: "needed more than the 128 MB memory cap; stopped" }]);
    expect(summary.extracted).toBe(1);
    expect(summary.written).toContain("tracker.json");
  }, 60_000);

  test("a .docx whose document.xml is 31 MiB under a 48 MB cap is stopped, not the end of the process", async () => {
    const archive = await archiveWith("large.docx", largeDocx(31));
    const summary = await runBatch({ inputs: [archive], out: join(work, "out"), jobs: 1, maxMemoryMb: 48, cache: false });
    expect(summary.failures.map(({ code }) => code)).toEqual(["out-of-memory"]);
    expect(summary.failures[0].reason).toMatch(/48 MB/);
    expect(summary.extracted).toBe(1);
  }, 60_000);
});
