/**
 * The main job end to end, as `minutes run` does it: real readers, real extraction,
 * the tracker and its workbook, over the corpus minutes in a mix of renderings.
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBatch, type BatchSummary } from "../src/batch/index.js";
import { MeetingRecord } from "../src/model/meeting.js";
import { Tracker } from "../src/model/tracker.js";
import { reportWords } from "../src/write/report.js";
import { scoreTracker } from "./series-score.js";
import { CORPUS_DIR, readSeriesGold } from "./track-gold-records.js";

const RENDERINGS = ["2022-06-committee-minutes.pdf", "2023-03-committee-minutes.txt", "2023-09-committee-minutes.docx"];

describe("minutes run over the corpus (pdf, txt and docx mixed)", () => {
  let work: string;
  let summary: BatchSummary;
  let tracker: Tracker;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "minutes-e2e-"));
    const archive = join(work, "archive");
    await mkdir(archive);
    for (const name of RENDERINGS) await copyFile(join(CORPUS_DIR, name), join(archive, name));
    summary = await runBatch({ inputs: [archive], out: join(work, "out"), tracker: true, cache: false, jobs: 2 });
    tracker = Tracker.parse(JSON.parse(await readFile(join(work, "out", "tracker.json"), "utf8")));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  test("every file is extracted into a valid record named after it", async () => {
    expect(summary.failed).toBe(0);
    const names = (await readdir(join(work, "out", "meetings"))).sort();
    expect(names).toEqual(RENDERINGS.map((name) => name.replace(/\.[^.]+$/, ".json")).sort());
    for (const name of names) MeetingRecord.parse(JSON.parse(await readFile(join(work, "out", "meetings", name), "utf8")));
  });

  test("the tracker finds every fact of series.gold.json", () => {
    const { missed, total } = scoreTracker(tracker, readSeriesGold());
    expect(total).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });

  test("regression, stalls and the gap come out of real extraction", () => {
    const gold = readSeriesGold();
    expect(tracker.commitments.filter((c) => c.regressed).map((c) => c.number)).toEqual(gold.regressions.map((r) => r.commitment));
    expect(tracker.commitments.filter((c) => c.stalled).map((c) => c.number)).toEqual(gold.stalls);
    const two = tracker.commitments.find((c) => c.number === "2")!;
    expect(two.history.map((h) => h.status)).toEqual(["in_progress", "partially_completed", "notReported"]);
  });

  test("the 2023-03 row with an empty commitment cell is linked with a warning or kept unlinked, never dropped", () => {
    const twelve = tracker.commitments.find((c) => c.number === "12")!.history[1];
    if (twelve.status === "notReported") {
      expect(tracker.unlinked.some((u) => u.title.startsWith("بالنسبة لتطوير المنصة"))).toBe(true);
    } else {
      expect(twelve.link).toBe("similarity");
      expect(tracker.warnings.some((w) => w.meeting === "2023-03" && /12/.test(w.message))).toBe(true);
    }
  });

  test("the workbook shows the same series, right to left for Arabic-majority minutes", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(work, "out", "tracker.xlsx"));
    const words = reportWords("ar");
    const sheet = workbook.getWorksheet(words.sheets.tracker)!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: "frozen" });
    const header = (sheet.getRow(1).values as unknown[]).map(String).join(" | ");
    for (const id of ["2022-06-16", "2023-03", "2023-09-14"]) expect(header).toContain(id);
    const numbers: string[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) numbers.push(String(row.getCell(2).value));
    });
    expect(numbers).toEqual(tracker.commitments.map((c) => c.number));
    expect(workbook.getWorksheet(words.sheets.warnings)).toBeDefined();
  });
});
