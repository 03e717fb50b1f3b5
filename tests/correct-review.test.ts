/**
 * The Review sheet back into corrections.yaml: filled "Correct …" cells become entries
 * appended to the file, its comments and entries kept; a value that cannot be read is a
 * message naming its row. The workbook round trip is real: written by the writer, filled
 * in with exceljs as an officer's spreadsheet would, read back.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { appendCorrections, correctionsFromReview, readReviewRows, type ReviewRow } from "../src/correct/from-review.js";
import { correctRecords } from "../src/correct/index.js";
import { buildTracker } from "../src/track/index.js";
import { buildReview } from "../src/track/review.js";
import { trackerReport } from "../src/write/report.js";
import { REVIEW_HEADERS, REVIEW_SHEET } from "../src/write/views.js";
import { trackerToXlsx } from "../src/write/xlsx.js";
import { goldRecords } from "./track-gold-records.js";

const row = (fields: Partial<ReviewRow>): ReviewRow => ({ row: 2, record: "r", commitment: null, status: null, progress: null, date: null, title: null, note: null, ...fields });

describe("correctionsFromReview", () => {
  test("status in words or keys, percents, dates; unreadable cells are named by row", () => {
    const { corrections, problems } = correctionsFromReview([
      row({ row: 2, record: "2023-09-committee-minutes", commitment: "11", status: "Completed", progress: "100", note: "ministry letter" }),
      row({ row: 3, record: "2023-03-committee-minutes", date: "2023-03-15" }),
      row({ row: 4, record: "x", commitment: "2", status: "finished" }),
      row({ row: 5, record: "x" }),
      row({ row: 6, record: "x", status: "in_progress" }),
    ]);
    expect(corrections).toEqual([
      { meeting: "2023-09-committee-minutes", commitment: "11", set: { status: "completed", progress: 100 }, note: "ministry letter" },
      { meeting: "2023-03-committee-minutes", set: { date: "2023-03-15" } },
    ]);
    expect(problems).toEqual([expect.stringMatching(/^Review row 4: "finished" is no status/u), expect.stringMatching(/^Review row 6: .*needs a commitment/u)]);
  });

  test("appended to the file with its comments kept, never twice", () => {
    const before = "# checked with the ministry\n- meeting: a\n  drop: true # a letter, not minutes\n";
    const corrections = [{ meeting: "b", commitment: "3", set: { status: "completed" as const } }];
    const once = appendCorrections(before, corrections);
    expect(once.added).toBe(1);
    expect(once.text).toContain("# checked with the ministry");
    expect(once.text).toContain("# a letter, not minutes");
    expect(once.text).toContain("set: { status: completed }");
    expect(appendCorrections(once.text, corrections)).toEqual({ text: once.text, added: 0 });
    expect(appendCorrections("", corrections).text).toBe('- meeting: b\n  commitment: "3"\n  set: { status: completed }\n');
  });
});

test("a value typed into the Review sheet corrects the next tracker", async () => {
  const records = goldRecords();
  const tracker = buildTracker(records);
  const review = buildReview(tracker, records);
  const work = await mkdtemp(join(tmpdir(), "minutes-review-"));
  try {
    const path = join(work, "tracker.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await trackerToXlsx(trackerReport(tracker, records, [], review))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(REVIEW_SHEET)!;
    // The form's own headers in English whatever the minutes' language (these are Arabic), the source columns after them.
    expect((sheet.getRow(1).values as unknown[]).slice(1, 1 + REVIEW_HEADERS.length)).toEqual(REVIEW_HEADERS);
    // The officer fixes the date of the 2023-03 meeting, which its file name alone gave.
    const at = review.items.findIndex((i) => i.reason === "date-from-filename") + 2;
    expect(sheet.getRow(at).getCell(6).value).toBe("2023-03-committee-minutes");
    sheet.getRow(at).getCell(REVIEW_HEADERS.indexOf("Correct date") + 1).value = "2023-03-20";
    sheet.getRow(at).getCell(REVIEW_HEADERS.indexOf("Note") + 1).value = "date of the attendance sheet";
    await workbook.xlsx.writeFile(path);

    const { corrections, problems } = correctionsFromReview(await readReviewRows(path));
    expect(problems).toEqual([]);
    const { text } = appendCorrections("", corrections);
    const corrected = correctRecords(records, text, { file: "corrections.yaml" });
    expect(corrected.warnings).toEqual([]);
    const after = buildTracker(corrected.records, { marks: corrected.marks });
    expect(after.meetings[1]).toMatchObject({ date: "2023-03-20", corrected: { note: "date of the attendance sheet", extracted: { date: "2023-03" } } });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
