/**
 * The tracker's trust facts through every writer of the registry: histories per plan (a
 * meeting about another plan is an empty cell, no gap, no count), item numbers as the
 * committee writes them, an uncertain date flagged on its column, a corrected value marked,
 * and the review carried on the report to review.json and the Review sheet.
 */
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { correctRecords } from "../src/correct/index.js";
import { MeetingRecord, type DateSource } from "../src/model/meeting.js";
import { buildTracker } from "../src/track/index.js";
import { reportHtml } from "../src/write/html.js";
import { trackerReport } from "../src/write/report.js";
import { attentionView, REVIEW_HEADERS, REVIEW_SHEET, summaryView, trackerView } from "../src/write/views.js";
import { trackerToXlsx, UNCERTAIN_DATE_FILL } from "../src/write/xlsx.js";
import { WRITERS } from "../src/write/writers.js";
import { PassThrough } from "node:stream";

function record(path: string, sha: string, date: string, plan: string, rows: { number: string; progress: number }[], dateSource: DateSource = "text"): MeetingRecord {
  return MeetingRecord.parse({
    schemaVersion: 1,
    source: { path, sha256: sha.padEnd(64, "0"), format: "docx", pages: null },
    meeting: { title: null, date, dateSource, language: "en", actionPlan: { text: plan, key: plan, ordinal: null, startYear: null, endYear: null }, chair: null, attendees: [], agenda: [] },
    commitments: rows.map((row, i) => ({
      number: row.number,
      title: `Commitment ${row.number}`,
      status: "in_progress",
      statusLabel: null,
      progress: row.progress,
      reportedBy: [],
      activities: [],
      notes: [],
      source: { file: path, table: 1, row: i + 2 },
    })),
    decisions: [],
    events: [],
    warnings: [],
  });
}

/** Two meetings about NAP4 around one about NAP5; the last one dated by its file name only. */
function records(): MeetingRecord[] {
  return [
    record("a/2023-01.docx", "a1", "2023-01-10", "nap4", [{ number: "2.10", progress: 40 }, { number: "3", progress: 20 }]),
    record("a/2023-02.docx", "b2", "2023-02-10", "nap5", [{ number: "1", progress: 10 }]),
    record("a/2023-03.docx", "c3", "2023-03", "nap4", [{ number: "2.10", progress: 60 }], "filename"),
  ];
}

async function text(write: (output: PassThrough) => Promise<void>): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await write(output);
  return Buffer.concat(chunks).toString("utf8");
}

describe("histories per plan in the shared views", () => {
  const input = records();
  const tracker = buildTracker(input);
  const report = trackerReport(tracker, input);
  const [jan, feb, mar] = tracker.meetings.map((m) => m.id);

  test("the Tracker view: a meeting about another plan is an empty cell; 2.10 stays 2.10; columns named by date", () => {
    const view = trackerView(report);
    expect(view.columns.slice(3, 9).map((c) => c.header)).toEqual(["2023-01-10 status", "2023-01-10 %", "2023-02-10 status", "2023-02-10 %", "2023-03 status", "2023-03 %"]);
    const rows = [...view.rows()].map((r) => r.values);
    const row210 = rows.find((r) => r[1] === "2.10");
    expect(row210?.slice(0, 9)).toEqual(["nap4", "2.10", "Commitment 2.10", "in_progress", 40, null, null, "in_progress", 60]);
    // The latest meeting as the columns name it.
    expect(row210?.[9]).toBe("2023-03");
    const row1 = rows.find((r) => r[0] === "nap5");
    expect(row1?.slice(3, 9)).toEqual([null, null, "in_progress", 10, null, null]);
  });

  test("Summary counts and gaps: each plan's own meetings only", () => {
    const summary = [...summaryView(report).rows()].map((r) => [r.subject.plan, r.subject.meeting.meeting.id, r.subject.counts.in_progress, r.subject.counts.notReported]);
    expect(summary).toEqual([
      ["nap4", jan, 2, 0],
      ["nap4", mar, 1, 1],
      ["nap5", feb, 1, 0],
    ]);
    const gaps = [...attentionView(report).rows()].filter((r) => r.subject.kind === "gap").map((r) => [r.subject.commitment.key, r.subject.entry.meeting, r.subject.source?.file]);
    expect(gaps).toEqual([["nap4#3", mar, "a/2023-03.docx"]]);
  });

  test("report.html draws each plan's grid over its own meetings", () => {
    const html = reportHtml(report);
    expect(html).toContain("2.10");
    expect(html).not.toContain("undefined");
  });
});

describe("the review and the trust marks through the writers", () => {
  const extracted = records();
  const { records: corrected, marks } = correctRecords(extracted, '- meeting: 2023-01\n  commitment: "3"\n  set: { progress: 25 }\n  note: the ministry\'s figure\n', { file: "corrections.yaml" });
  const tracker = buildTracker(corrected, { marks });
  const report = trackerReport(tracker, corrected);

  test("review.json is a writer of the json format, written from the report's review", async () => {
    const writer = WRITERS.find((w) => w.file === "review.json");
    expect(writer?.format).toBe("json");
    const review = JSON.parse(await text((output) => writer!.write(report, output))) as { schemaVersion: number; items: { reason: string; record: string }[] };
    expect(review.schemaVersion).toBe(1);
    expect(review.items).toEqual(report.review.items.map((item) => expect.objectContaining({ reason: item.reason })));
    expect(review.items.map((i) => i.reason)).toContain("date-from-filename");
  });

  test("tracker.xlsx: the uncertain date's column flagged, the corrected value marked, the Review sheet after the Tracker", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await trackerToXlsx(report)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name).slice(0, 3)).toEqual(["Summary", "Tracker", REVIEW_SHEET]);
    const sheet = workbook.getWorksheet("Tracker")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const march = headers.indexOf("2023-03 status") + 1;
    const header = sheet.getRow(1).getCell(march);
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(UNCERTAIN_DATE_FILL);
    expect(JSON.stringify(header.note)).toContain("Date uncertain");
    expect((sheet.getRow(1).getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).not.toBe(UNCERTAIN_DATE_FILL);

    const row3 = [2, 3].map((r) => sheet.getRow(r)).find((row) => row.getCell(2).value === 3)!;
    const cell = row3.getCell(4);
    expect(cell.font).toMatchObject({ italic: true });
    expect(JSON.stringify(cell.note)).toContain("progress was 20");
    expect(row3.getCell(5).value).toBe(25);

    const review = workbook.getWorksheet(REVIEW_SHEET)!;
    expect((review.getRow(1).values as unknown[]).slice(1, 1 + REVIEW_HEADERS.length)).toEqual(REVIEW_HEADERS);
    expect(review.rowCount).toBe(1 + report.review.items.length);
  });
});
