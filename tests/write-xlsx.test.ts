/**
 * tracker.xlsx, opened back with exceljs: cells, fills, notes, views, filters,
 * data bars, text that looks like a formula, and the same cells on every run.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";
import { buildTracker } from "../src/track/index.js";
import { EXCEL_LIMITS, HISTORY_SHEET, REGRESSION_FILL, STALL_FILL, STATUS_FILL, STATUS_TEXT, trackerToXlsx } from "../src/write/xlsx.js";
import { goldMeetingRecord, goldRecords } from "./track-gold-records.js";

/** The status a cell's words stand for. */
const statusOfText = new Map(Object.entries(STATUS_TEXT).map(([status, words]) => [words, status]));

/** The tracker's id of each gold meeting (its date): the date and the start of the content hash. */
const ID = Object.fromEntries(buildTracker(goldRecords()).meetings.map((m) => [m.date!, m.id]));

const FAILURES = [{ file: "fixtures/ogp-tunisia/scan.pdf", code: "no-text-layer", reason: "the PDF has no text layer (a scan?)" }];

async function workbookOf(records: MeetingRecord[], failures = FAILURES): Promise<ExcelJS.Workbook> {
  const buffer = await trackerToXlsx({ tracker: buildTracker(records), records, failures });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row's values over the sheet's full width, null where a cell is empty. */
function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(row).getCell(c + 1).value ?? null);
}

/** A loaded sheet's conditional formats: exceljs reads them but its typings omit the property. */
function conditionalFormattings(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb;
}

/** Every cell of every sheet: value, fill, note, number format; and each sheet's views, filter and rules. */
function dump(workbook: ExcelJS.Workbook): string[] {
  const cells: string[] = [];
  workbook.eachSheet((ws) => {
    cells.push(JSON.stringify([ws.name, ws.views, ws.autoFilter ?? null, conditionalFormattings(ws).map((cf) => cf.ref)]));
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getRow(r).getCell(c);
        cells.push(JSON.stringify([ws.name, r, c, cell.value ?? null, fillOf(cell) ?? null, cell.note ?? null, cell.numFmt ?? null]));
      }
    }
  });
  return cells;
}

describe("tracker.xlsx over the corpus series", () => {
  let workbook: ExcelJS.Workbook;
  let tracker: ExcelJS.Worksheet;
  /** The Tracker row of commitment n (header is row 1, commitments 1-13 follow in order). */
  const rowOf = (n: number) => tracker.getRow(n + 1);

  beforeAll(async () => {
    workbook = await workbookOf(goldRecords());
    tracker = sheet(workbook, "Tracker");
  });

  test("sheets", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Tracker", "History (long)", "Meetings", "Activities", "Decisions", "Events", "Warnings", "Key"]);
  });

  test("Tracker: a row per commitment, status and percent per meeting, latest, change, flags", () => {
    expect(rowValues(tracker, 1)).toEqual([
      "Plan", "No.", "Commitment",
      "2022-06-16 status", "2022-06-16 %", "2023-03 status", "2023-03 %", "2023-09-14 status", "2023-09-14 %",
      "Latest meeting", "Latest status", "Latest %", "Change", "Stalled", "Regressed",
    ]);
    expect(tracker.rowCount).toBe(14);
    expect(rowValues(tracker, 12)).toEqual([
      "nap4-2021-2023", 11, "تكريس مبادئ شراكة الحكومة المفتوحة",
      "Partially completed", 60, "Completed", 100, "Partially completed", 90,
      "2023-09-14", "Partially completed", 90, "Regressed", null, "Regressed",
    ]);
    // Commitment 2: a gap in 2023-09-14, latest from 2023-03.
    expect(rowValues(tracker, 3).slice(3)).toEqual([
      "In progress", 30, "Partially completed", null, "Not reported", null,
      "2023-03", "Partially completed", null, "Improved", null, null,
    ]);
  });

  test("status cells are filled by status, a gap grey, with the source in a note", () => {
    for (let n = 1; n <= 13; n++) {
      for (let m = 0; m < 3; m++) {
        const cell = rowOf(n).getCell(4 + 2 * m);
        const status = statusOfText.get(cell.value as string);
        expect(status, String(cell.value)).toBeDefined();
        expect(fillOf(cell)).toBe(STATUS_FILL[status as keyof typeof STATUS_FILL]);
      }
    }
    expect(new Set(Object.values(STATUS_FILL)).size).toBe(Object.keys(STATUS_FILL).length);
    const gap = rowOf(2).getCell(8);
    expect([gap.value, fillOf(gap), gap.note]).toEqual(["Not reported", "FFD9D9D9", undefined]);
    expect(rowOf(5).getCell(4).note).toContain("Source: fixtures/ogp-tunisia/2022-06-committee-minutes.docx, table 1, row 6");
  });

  test("Key: every status in words with its fill, and the flags", () => {
    const key = sheet(workbook, "Key");
    expect(statusOfText.size).toBe(Object.keys(STATUS_TEXT).length);
    const rows = Array.from({ length: key.rowCount - 1 }, (_, i) => key.getRow(i + 2));
    for (const [status, words] of Object.entries(STATUS_TEXT)) {
      const row = rows.find((r) => r.getCell(1).value === words);
      expect(fillOf(row!.getCell(1)), words).toBe(STATUS_FILL[status as keyof typeof STATUS_FILL]);
      expect(String(row!.getCell(2).value).length).toBeGreaterThan(10);
    }
    expect(fillOf(rows.find((r) => r.getCell(1).value === "Regressed")!.getCell(1))).toBe(REGRESSION_FILL);
    expect(fillOf(rows.find((r) => r.getCell(1).value === "Stalled")!.getCell(1))).toBe(STALL_FILL);
  });

  test("the regression and the stalls are highlighted with a note", () => {
    const eleven = rowOf(11);
    expect(fillOf(eleven.getCell(3))).toBe(REGRESSION_FILL);
    expect(eleven.getCell(3).note).toBe("Regressed from 2023-03 to 2023-09-14");
    expect(eleven.getCell(8).note).toContain("Regressed since 2023-03: Completed 100% → Partially completed 90%");
    expect(fillOf(eleven.getCell(15))).toBe(REGRESSION_FILL);
    for (const n of [3, 6, 7]) {
      expect(fillOf(rowOf(n).getCell(3))).toBe(STALL_FILL);
      expect(rowOf(n).getCell(3).note).toContain("Stalled");
      expect([rowOf(n).getCell(14).value, fillOf(rowOf(n).getCell(14))]).toEqual(["Stalled", STALL_FILL]);
    }
    for (const n of [1, 2, 4, 5, 8, 9, 10, 12, 13]) {
      expect(fillOf(rowOf(n).getCell(3))).toBeUndefined();
      expect(rowOf(n).getCell(3).note).toBeUndefined();
    }
  });

  test("frozen header and key columns, right-to-left (two of three minutes are Arabic), autofilter", () => {
    expect(tracker.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1, rightToLeft: true });
    expect(tracker.autoFilter).toBe("A1:O14");
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, rightToLeft: true });
      expect(ws.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
    }
  });

  test("percents are numbers shown with %, drawn as data bars from 0 to 100", () => {
    expect(rowOf(1).getCell(5).numFmt).toBe('0"%"');
    const bars = conditionalFormattings(tracker).map((cf) => [cf.ref, cf.rules.map((r) => r.type)]);
    expect(bars).toEqual([
      ["E2:E14", ["dataBar"]],
      ["G2:G14", ["dataBar"]],
      ["I2:I14", ["dataBar"]],
      ["L2:L14", ["dataBar"]],
    ]);
    const rule = conditionalFormattings(tracker)[0].rules[0] as ExcelJS.DataBarRuleType;
    expect(rule.cfvo).toEqual([{ type: "num", value: 0 }, { type: "num", value: 100 }]);
  });

  test("widths fit the content, capped", () => {
    const widths = tracker.columns.map((c) => c.width ?? 0);
    expect(widths[1]).toBeLessThan(widths[2]);
    expect(widths[2]).toBeGreaterThanOrEqual("تعزيز النزاهة بالقطاع العمومي".length);
    for (const w of widths) expect(w).toBeLessThanOrEqual(60);
    expect(widths[0]).toBe("nap4-2021-2023".length + 2);
  });

  test("History: commitment x meeting with the source of every value", () => {
    const history = sheet(workbook, HISTORY_SHEET);
    expect(rowValues(history, 1)).toEqual([
      "Plan", "No.", "Commitment", "Meeting", "Date", "Status", "Status as written", "Progress", "Change", "Link", "Similarity",
      "File", "Page", "Table", "Row", "Line", "Heading",
    ]);
    expect(history.rowCount).toBe(1 + 13 * 3);
    const rows = Array.from({ length: 39 }, (_, i) => rowValues(history, i + 2));
    expect(rows.find((r) => r[1] === 11 && r[3] === ID["2023-09-14"])).toEqual([
      "nap4-2021-2023", 11, "تكريس مبادئ شراكة الحكومة المفتوحة", ID["2023-09-14"], "2023-09-14", "Partially completed", null, 90,
      "Regressed", "number", null, "fixtures/ogp-tunisia/2023-09-committee-minutes.docx", null, 1, 11, null, null,
    ]);
    expect(rows.find((r) => r[1] === 2 && r[3] === ID["2023-09-14"])?.slice(5)).toEqual(["Not reported", ...Array(11).fill(null)]);
  });

  test("Meetings, Activities, Decisions, Events, Warnings", () => {
    const meetings = sheet(workbook, "Meetings");
    expect(rowValues(meetings, 3).slice(0, 4)).toEqual([ID["2023-03"], "2023-03", "filename", "ar"]);
    expect(meetings.getRow(4).getCell(14).value).toBe("fixtures/ogp-tunisia/2023-09-committee-minutes.docx");

    // Gold activity counts: 2023-03 has 9+2+3, 2023-09 has 3+3+4+3+3.
    expect(sheet(workbook, "Activities").rowCount).toBe(1 + 14 + 16);
    const decisions = sheet(workbook, "Decisions");
    expect(rowValues(decisions, 3)).toEqual([
      ID["2022-06-16"], "عقد جلسة عمل مع ممثلي الوزارة المكلفة بالطاقة والمناجم", "2022-07-07", 7,
      "fixtures/ogp-tunisia/2022-06-committee-minutes.docx", null, null, null, 101, null,
    ]);
    expect(sheet(workbook, "Events").rowCount).toBe(1 + 1 + 4 + 2);

    const warnings = sheet(workbook, "Warnings");
    const rows = Array.from({ length: warnings.rowCount - 1 }, (_, i) => rowValues(warnings, i + 2));
    expect(rows).toContainEqual(["tracker", ID["2023-03"], "unlinked-record", expect.stringContaining("بالنسبة لتطوير المنصة الالكترونية"), "fixtures/ogp-tunisia/2023-03-committee-minutes.docx", null, 1, 13, null, null]);
    expect(rows).toContainEqual(["batch", null, "no-text-layer", "the PDF has no text layer (a scan?)", "fixtures/ogp-tunisia/scan.pdf", null, null, null, null, null]);
  });

  test("workbook dates come from the minutes, not the clock", () => {
    expect(workbook.creator).toBe("minutes-tracker");
    expect(workbook.created.toISOString()).toBe("2023-09-14T00:00:00.000Z");
    expect(workbook.modified.toISOString()).toBe("2023-09-14T00:00:00.000Z");
  });

  test("the same inputs give the same cells", async () => {
    const [first, second] = [await workbookOf(goldRecords()), await workbookOf(goldRecords().reverse())];
    expect(dump(second)).toEqual(dump(first));
    expect(dump(first).length).toBeGreaterThan(1000);
  });
});

describe("records linked by similarity", () => {
  test("their activities are listed under the commitment they were linked to", async () => {
    const [midTerm, seed, final] = goldRecords();
    // Corpus text: commitment 12's full title in 2022-06, and the 2023-03 row whose commitment cell is empty.
    midTerm.commitments[11].title = "تعزيز شفافية المالية المحلية عبر منصة إلكترونية";
    const row = seed.commitments.find((c) => c.number === null)!;
    row.title = "بالنسبة لتطوير المنصة الالكترونية :تم تصميم و تطوير منظومة تحقيق الموارد البلدية المحلية من طرف الهيئة العليا للمالية المحلية";
    row.activities = [{ text: "وضع المنصّة على الخط", state: "planned" }];
    const workbook = await workbookOf([midTerm, seed, final], []);
    const activities = sheet(workbook, "Activities");
    const rows = Array.from({ length: activities.rowCount - 1 }, (_, i) => rowValues(activities, i + 2));
    expect(rows).toContainEqual([
      ID["2023-03"], "nap4-2021-2023", 12, row.title, "وضع المنصّة على الخط", "planned",
      "fixtures/ogp-tunisia/2023-03-committee-minutes.docx", null, 1, 13, null, null,
    ]);
    const history = sheet(workbook, HISTORY_SHEET);
    const linked = Array.from({ length: history.rowCount - 1 }, (_, i) => rowValues(history, i + 2)).find((r) => r[1] === 12 && r[3] === ID["2023-03"]);
    expect(linked?.slice(5, 11)).toEqual(["Partially completed", null, null, "Improved", "similarity", expect.any(Number)]);
  });
});

describe("document text is text", () => {
  test("titles and texts that begin like formulas stay strings", async () => {
    const base = goldMeetingRecord("2023-09-committee-minutes");
    const record = MeetingRecord.parse({
      ...base,
      commitments: [{ ...base.commitments[0], title: "=SUM(1)", statusLabel: "+réalisé", notes: [] }],
      decisions: [{ ...base.decisions[0], text: "@cmd|' /C calc'!A0" }],
      events: [{ ...base.events[0], title: "-2+3", place: "=HYPERLINK(\"http://x\")" }],
    });
    const workbook = await workbookOf([record], []);
    const cells = [
      sheet(workbook, "Tracker").getCell("C2"),
      sheet(workbook, HISTORY_SHEET).getCell("C2"),
      sheet(workbook, HISTORY_SHEET).getCell("G2"),
      sheet(workbook, "Decisions").getCell("B2"),
      sheet(workbook, "Events").getCell("B2"),
      sheet(workbook, "Events").getCell("E2"),
    ];
    expect(cells.map((c) => c.value)).toEqual(["=SUM(1)", "=SUM(1)", "+réalisé", "@cmd|' /C calc'!A0", "-2+3", "=HYPERLINK(\"http://x\")"]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  test("French minutes: left-to-right", async () => {
    const workbook = await workbookOf([goldMeetingRecord("2023-09-committee-minutes")], []);
    expect(sheet(workbook, "Tracker").views[0]).toMatchObject({ rightToLeft: false, state: "frozen", xSplit: 3, ySplit: 1 });
  });

  test("a tracker with no commitments still gives a valid workbook", async () => {
    const base = goldMeetingRecord("2023-09-committee-minutes");
    const workbook = await workbookOf([{ ...base, commitments: [] }], []);
    const ws = sheet(workbook, "Tracker");
    expect(ws.rowCount).toBe(1);
    expect(conditionalFormattings(ws)).toEqual([]);
  });
});

describe("Excel's sheet limits", () => {
  async function limitedWorkbook(limits: { columns: number; rows: number }): Promise<ExcelJS.Workbook> {
    const records = goldRecords();
    const buffer = await trackerToXlsx({ tracker: buildTracker(records), records, failures: [] }, limits);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  }

  test("a Tracker sheet too wide for every meeting keeps the latest, says so, and History keeps them all", async () => {
    // Room for the 3 key columns, 6 latest columns and two meetings of the three.
    const workbook = await limitedWorkbook({ columns: 3 + 6 + 2 * 2 + 1, rows: EXCEL_LIMITS.rows });
    const tracker = sheet(workbook, "Tracker");
    expect(rowValues(tracker, 1).slice(0, 8)).toEqual(["Plan", "No.", "Commitment", "2023-03 status", "2023-03 %", "2023-09-14 status", "2023-09-14 %", "Latest meeting"]);
    expect(tracker.getCell("D1").note).toContain("latest 2 of 3 meetings (from 2023-03)");
    // Commitment 11's regression (2023-03 -> 2023-09-14) is still drawn and explained.
    expect(tracker.getRow(12).getCell(6).note).toContain("Regressed since 2023-03");
    expect(conditionalFormattings(tracker).map((cf) => cf.ref)).toEqual(["E2:E14", "G2:G14", "J2:J14"]);
    expect(sheet(workbook, HISTORY_SHEET).rowCount).toBe(1 + 13 * 3);
    const warnings = sheet(workbook, "Warnings");
    const rows = Array.from({ length: warnings.rowCount - 1 }, (_, i) => rowValues(warnings, i + 2));
    expect(rows).toContainEqual(["workbook", null, "tracker-sheet-truncated", expect.stringContaining("History (long)"), null, null, null, null, null, null]);
  });

  test("a sheet with more rows than a sheet holds continues on numbered sheets, each with its header and filter", async () => {
    const workbook = await limitedWorkbook({ columns: EXCEL_LIMITS.columns, rows: 20 });
    const parts = [HISTORY_SHEET, `${HISTORY_SHEET} 2`, `${HISTORY_SHEET} 3`].map((name) => sheet(workbook, name));
    expect(parts.map((part) => part.rowCount)).toEqual([20, 20, 2]);
    for (const part of parts) {
      expect(rowValues(part, 1).slice(0, 4)).toEqual(["Plan", "No.", "Commitment", "Meeting"]);
      expect(part.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    expect(parts.map((part) => part.autoFilter)).toEqual(["A1:Q20", "A1:Q20", "A1:Q2"]);
    // Every history row is there once, in order.
    const rows = parts.flatMap((part) => Array.from({ length: part.rowCount - 1 }, (_, i) => rowValues(part, i + 2)));
    expect(rows).toHaveLength(13 * 3);
    expect(rows.map((r) => `${r[1]} ${r[3]}`)).toEqual(
      Array.from({ length: 13 }, (_, n) => ["2022-06-16", "2023-03", "2023-09-14"].map((m) => `${n + 1} ${ID[m]}`)).flat(),
    );
    expect(workbook.worksheets.map((w) => w.name).slice(0, 4)).toEqual(["Tracker", HISTORY_SHEET, `${HISTORY_SHEET} 2`, `${HISTORY_SHEET} 3`]);
  });
});
