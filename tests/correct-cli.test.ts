/**
 * The cases as a user meets them, through `node bin/minutes.js` (dist/ built by
 * `npm test`): an Arabic file name with Arabic-Indic digits dates the meeting, a mistyped
 * input exits 2 without touching the tracker, and `minutes corrections` turns a filled
 * Review sheet into corrections.yaml entries that the next run applies.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";
import { Tracker } from "../src/model/tracker.js";
import { REVIEW_HEADERS } from "../src/write/views.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "minutes.js");
const CORPUS = join(ROOT, "fixtures", "ogp-tunisia");

async function minutes(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-trust-"));
  await mkdir(join(work, "archive"));
  await copyFile(join(CORPUS, "2022-06-committee-minutes.docx"), join(work, "archive", "2022-06-committee-minutes.docx"));
  // The March minutes state no day, and this copy's name is how an Arabic archive writes it.
  await copyFile(join(CORPUS, "2023-03-committee-minutes.pdf"), join(work, "archive", "محضر مارس ٢٠٢٣.pdf"));
  await copyFile(join(CORPUS, "2023-09-committee-minutes.docx"), join(work, "archive", "2023-09-committee-minutes.docx"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("an officer's archive", () => {
  test("the Arabic file name dates the March minutes; a typo rewrites nothing; Review cells become corrections", async () => {
    const run = await minutes(["run", "archive", "--out", "out", "--jobs", "1"], work);
    expect(run.code).toBe(0);
    const march = MeetingRecord.parse(JSON.parse(await readFile(join(work, "out", "meetings", "محضر مارس ٢٠٢٣.json"), "utf8")));
    expect(march.meeting).toMatchObject({ date: "2023-03", dateSource: "filename" });
    const tracker = Tracker.parse(JSON.parse(await readFile(join(work, "out", "tracker.json"), "utf8")));
    expect(tracker.meetings.map((m) => m.date)).toEqual(["2022-06-16", "2023-03", "2023-09-14"]);
    expect(tracker.commitments.filter((c) => c.regressed).map((c) => c.number)).toEqual(["11"]);

    const before = await readFile(join(work, "out", "tracker.json"), "utf8");
    const typo = await minutes(["run", "archiv", "--out", "out"], work);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("no file matches archiv");
    expect(await readFile(join(work, "out", "tracker.json"), "utf8")).toBe(before);

    // The officer types the day of the March meeting into the Review sheet.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(work, "out", "tracker.xlsx"));
    const review = workbook.getWorksheet("Review")!;
    let at = 0;
    review.eachRow((row, index) => {
      if (row.getCell(REVIEW_HEADERS.indexOf("Record") + 1).value === "محضر مارس ٢٠٢٣" && row.getCell(3).value === "date-from-filename") at = index;
    });
    expect(at).toBeGreaterThan(1);
    review.getRow(at).getCell(REVIEW_HEADERS.indexOf("Correct date") + 1).value = "2023-03-15";
    await workbook.xlsx.writeFile(join(work, "filled.xlsx"));
    const imported = await minutes(["corrections", "filled.xlsx", "--out", "out"], work);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("1 correction(s) added");
    expect(await readFile(join(work, "out", "corrections.yaml"), "utf8")).toContain("date: 2023-03-15");

    const again = await minutes(["run", "archive", "--out", "out", "--json", "--quiet"], work);
    expect(JSON.parse(again.stdout)).toMatchObject({ extracted: 0, cached: 3 });
    const corrected = Tracker.parse(JSON.parse(await readFile(join(work, "out", "tracker.json"), "utf8")));
    expect(corrected.meetings[1]).toMatchObject({ date: "2023-03-15", dateSource: "correction", corrected: { extracted: { date: "2023-03" } } });
  });
});
