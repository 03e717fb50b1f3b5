/**
 * Corrections through the batch on real files (dist/ must be built: `npm test` builds
 * first): corrections.yaml in the output folder survives re-runs, a change to it rebuilds
 * the tracker from cached records without extracting again, a bad entry is a warning
 * naming its line, and review.json lists what to check.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBatch, UsageError } from "../src/batch/run.js";
import { Tracker } from "../src/model/tracker.js";
import { Review } from "../src/model/tracker.js";
import { reportWords } from "../src/write/report.js";
import { REVIEW_SHEET } from "../src/write/views.js";

const CORPUS = "fixtures/ogp-tunisia";
let work: string;
let archive: string;
let out: string;
const notes: string[] = [];
const progress = { start() {}, file() {}, note: (line: string) => void notes.push(line), stop() {} };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-correct-"));
  archive = join(work, "archive");
  out = join(work, "out");
  await mkdir(archive);
  for (const name of ["2022-06-committee-minutes.docx", "2023-03-committee-minutes.txt", "2023-09-committee-minutes.docx"]) await copyFile(join(CORPUS, name), join(archive, name));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const readTracker = async (): Promise<Tracker> => Tracker.parse(JSON.parse(await readFile(join(out, "tracker.json"), "utf8")));

describe("corrections.yaml in the output folder", () => {
  test("applies on every run; changing it rebuilds the tracker, not the records", async () => {
    const cold = await runBatch({ inputs: [archive], out, tracker: true, jobs: 1, progress });
    expect(cold.extracted).toBe(3);
    const eleven = (t: Tracker) => t.commitments.find((c) => c.number === "11")!;
    const septemberOf = (t: Tracker) => t.meetings.find((m) => m.record === "2023-09-committee-minutes")!.id;
    const before = await readTracker();
    expect(eleven(before).regressed).toBe(true);
    const review = Review.parse(JSON.parse(await readFile(join(out, "review.json"), "utf8")));
    expect(review.items.length).toBeGreaterThan(0);
    // The 2023-03 minutes state no day: their date from the file name is to check, and 11's regression rests on it.
    expect(review.items.find((i) => i.reason === "date-from-filename")).toMatchObject({ record: "2023-03-committee-minutes", consequence: "regression" });

    await writeFile(
      join(out, "corrections.yaml"),
      [
        "# checked with the ministry",
        "- meeting: 2023-09-committee-minutes",
        '  commitment: "11"',
        "  set: { status: completed, progress: 100 }",
        "  note: confirmed by the ministry on 2 October",
        "- meeting: 2023-09-committee-minutes",
        "  set: { status: completed }",
      ].join("\n"),
    );
    notes.length = 0;
    const corrected = await runBatch({ inputs: [archive], out, tracker: true, jobs: 1, progress });
    expect(corrected).toMatchObject({ extracted: 0, cached: 3 });
    expect(corrected.written).toContain("tracker.json");
    expect(notes.some((n) => n.includes("corrections.yaml line 6"))).toBe(true);
    const after = await readTracker();
    const entry = eleven(after).history.find((h) => h.meeting === septemberOf(after))!;
    expect(entry).toMatchObject({ status: "completed", progress: 100, corrected: { note: "confirmed by the ministry on 2 October", extracted: { status: "partially_completed", progress: 90 } } });
    expect(eleven(after).regressed).toBe(false);
    expect(after.warnings).toContainEqual(expect.objectContaining({ code: "bad-correction", message: expect.stringContaining("line 6") }));

    // Unchanged archive and corrections: nothing rebuilt; the correction still holds.
    const warm = await runBatch({ inputs: [archive], out, tracker: true, jobs: 1, progress });
    expect(warm.written).toEqual([]);
    expect(eleven(await readTracker()).regressed).toBe(false);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "tracker.xlsx"));
    // Two of the three minutes are Arabic: the workbook speaks Arabic.
    const words = reportWords("ar");
    const sheet = workbook.getWorksheet(words.sheets.tracker)!;
    const row = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1)).find((r) => r.getCell(2).value === 11)!;
    const cell = row.getCell(4 + 2 * 2);
    expect(cell.value).toBe(words.statuses.completed);
    expect(String(cell.note)).toContain("Corrected: status was partially_completed, progress was 90");
    expect(workbook.getWorksheet(REVIEW_SHEET)?.rowCount).toBeGreaterThan(1);
  });

  test("--corrections naming a missing file is a usage error", async () => {
    await expect(runBatch({ inputs: [archive], out, tracker: true, jobs: 1, corrections: join(work, "nope.yaml") })).rejects.toBeInstanceOf(UsageError);
  });
});
