/**
 * tracker.xlsx, opened back with exceljs: cells, fills, notes, views, filters,
 * data bars, text that looks like a formula, and the same cells on every run.
 */
import type { FileFailure } from "../src/model/messages.js";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";
import { buildTracker } from "../src/track/index.js";
import { LEXICONS } from "../src/extract/lexicon/index.js";
import { fill, reportWords, trackerReport } from "../src/write/report.js";
import { EXCEL_LIMITS, REGRESSION_FILL, STALL_FILL, STATUS_FILL, trackerToXlsx } from "../src/write/xlsx.js";
import { goldMeetingRecord, goldRecords } from "./track-gold-records.js";

/** The corpus series is two Arabic minutes and one French: the workbook speaks Arabic. */
const AR = reportWords("ar");
const FR = reportWords("fr");
const STATUS_TEXT = AR.statuses;
const HISTORY_SHEET = AR.sheets.history;
/** The status a cell's words stand for. */
const statusOfText = new Map(Object.entries(STATUS_TEXT).map(([status, words]) => [words, status]));
const { completed: COMPLETED, partially_completed: PARTIAL, in_progress: IN_PROGRESS, notReported: NOT_REPORTED } = STATUS_TEXT;
const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
/** The Tracker sheet's header row over `meetings`. */
function trackerHeaders(meetings: string[]): string[] {
  const c = AR.columns;
  return [
    c.plan, c.number, c.commitment,
    ...meetings.flatMap((meeting) => [fill(AR.meetingStatus, { meeting }), fill(AR.meetingPercent, { meeting })]),
    c.latestMeeting, c.latestStatus, c.latestProgress, c.change, c.stalled, c.regressed,
  ];
}

/** The tracker's id of each gold meeting (its date): the date and the start of the content hash. */
const ID = Object.fromEntries(buildTracker(goldRecords()).meetings.map((m) => [m.date!, m.id]));

const FAILURES: FileFailure[] = [{ file: "fixtures/ogp-tunisia/scan.pdf", code: "no-text-layer", reason: "the PDF has no text layer (a scan?)" }];

async function workbookOf(records: MeetingRecord[], failures = FAILURES): Promise<ExcelJS.Workbook> {
  const buffer = await trackerToXlsx(trackerReport(buildTracker(records), records, failures));
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
    tracker = sheet(workbook, AR.sheets.tracker);
  });

  test("sheets", () => {
    const names = AR.sheets;
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      names.summary, names.tracker, "Review", names.history, names.meetings, names.activities, names.decisions, names.events, names.warnings, names.key,
    ]);
  });

  test("Tracker: a row per commitment, status and percent per meeting, latest, change, flags", () => {
    expect(rowValues(tracker, 1)).toEqual(trackerHeaders(["2022-06-16", "2023-03", "2023-09-14"]));
    expect(tracker.rowCount).toBe(14);
    expect(rowValues(tracker, 12)).toEqual([
      "nap4-2021-2023", 11, "تكريس مبادئ شراكة الحكومة المفتوحة",
      PARTIAL, 60, COMPLETED, 100, PARTIAL, 90,
      "2023-09-14", PARTIAL, 90, AR.changes.regressed, null, AR.changes.regressed,
    ]);
    // Commitment 2: a gap in 2023-09-14, latest from 2023-03.
    expect(rowValues(tracker, 3).slice(3)).toEqual([
      IN_PROGRESS, 30, PARTIAL, null, NOT_REPORTED, null,
      "2023-03", PARTIAL, null, AR.changes.improved, null, null,
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
    expect([gap.value, fillOf(gap), gap.note]).toEqual([NOT_REPORTED, "FFD9D9D9", undefined]);
    expect(rowOf(5).getCell(4).note).toContain(`${AR.labels.source}: fixtures/ogp-tunisia/2022-06-committee-minutes.docx, ${AR.columns.table} 1, ${AR.columns.row} 6`);
  });

  test("Key: every status in words with its fill, and the flags", () => {
    const key = sheet(workbook, AR.sheets.key);
    expect(statusOfText.size).toBe(Object.keys(STATUS_TEXT).length);
    const rows = Array.from({ length: key.rowCount - 1 }, (_, i) => key.getRow(i + 2));
    for (const [status, words] of Object.entries(STATUS_TEXT)) {
      const row = rows.find((r) => r.getCell(1).value === words);
      expect(fillOf(row!.getCell(1)), words).toBe(STATUS_FILL[status as keyof typeof STATUS_FILL]);
      expect(String(row!.getCell(2).value).length).toBeGreaterThan(10);
    }
    expect(fillOf(rows.find((r) => r.getCell(1).value === AR.changes.regressed)!.getCell(1))).toBe(REGRESSION_FILL);
    expect(fillOf(rows.find((r) => r.getCell(1).value === AR.stalledFlag)!.getCell(1))).toBe(STALL_FILL);
  });

  test("the regression and the stalls are highlighted with a note", () => {
    const eleven = rowOf(11);
    expect(fillOf(eleven.getCell(3))).toBe(REGRESSION_FILL);
    expect(eleven.getCell(3).note).toBe(`${AR.changes.regressed}: ${fill(AR.labels.regressedFromTo, { from: "2023-03", to: "2023-09-14" })}`);
    expect(eleven.getCell(8).note).toContain(
      `${AR.changes.regressed} (2023-03): ${fill(AR.labels.regressedFromTo, { from: `${COMPLETED} 100%`, to: `${PARTIAL} 90%` })}`,
    );
    expect(fillOf(eleven.getCell(15))).toBe(REGRESSION_FILL);
    for (const n of [3, 6, 7]) {
      expect(fillOf(rowOf(n).getCell(3))).toBe(STALL_FILL);
      expect(rowOf(n).getCell(3).note).toContain(AR.stalledFlag);
      expect([rowOf(n).getCell(14).value, fillOf(rowOf(n).getCell(14))]).toEqual([AR.stalledFlag, STALL_FILL]);
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
    const c = AR.columns;
    expect(rowValues(history, 1)).toEqual([
      c.plan, c.number, c.commitment, c.meeting, c.date, c.status, c.statusAsWritten, c.progress, c.change, c.link, c.similarity,
      c.file, c.page, c.table, c.row, c.line, c.heading,
    ]);
    expect(history.rowCount).toBe(1 + 13 * 3);
    const rows = Array.from({ length: 39 }, (_, i) => rowValues(history, i + 2));
    expect(rows.find((r) => r[1] === 11 && r[3] === ID["2023-09-14"])).toEqual([
      "nap4-2021-2023", 11, "تكريس مبادئ شراكة الحكومة المفتوحة", ID["2023-09-14"], utcDate(2023, 9, 14), PARTIAL, null, 90,
      AR.changes.regressed, "number", null, "fixtures/ogp-tunisia/2023-09-committee-minutes.docx", null, 1, 11, null, null,
    ]);
    expect(rows.find((r) => r[1] === 2 && r[3] === ID["2023-09-14"])?.slice(5)).toEqual([NOT_REPORTED, ...Array(11).fill(null)]);
  });

  test("Meetings, Activities, Decisions, Events, Warnings", () => {
    const meetings = sheet(workbook, AR.sheets.meetings);
    expect(rowValues(meetings, 3).slice(0, 4)).toEqual([ID["2023-03"], utcDate(2023, 3, 1), "filename", "ar"]);
    expect(meetings.getCell("B3").numFmt).toBe("yyyy-mm");
    expect(meetings.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(meetings.getRow(4).getCell(14).value).toBe("fixtures/ogp-tunisia/2023-09-committee-minutes.docx");

    // Gold activity counts: 2023-03 has 9+2+3, 2023-09 has 3+3+4+3+3.
    expect(sheet(workbook, AR.sheets.activities).rowCount).toBe(1 + 14 + 16);
    const decisions = sheet(workbook, AR.sheets.decisions);
    expect(rowValues(decisions, 3)).toEqual([
      ID["2022-06-16"], "عقد جلسة عمل مع ممثلي الوزارة المكلفة بالطاقة والمناجم", utcDate(2022, 7, 7), 7,
      "fixtures/ogp-tunisia/2022-06-committee-minutes.docx", null, null, null, 101, null,
    ]);
    expect(sheet(workbook, AR.sheets.events).rowCount).toBe(1 + 1 + 4 + 2);

    const warnings = sheet(workbook, AR.sheets.warnings);
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
    const activities = sheet(workbook, AR.sheets.activities);
    const rows = Array.from({ length: activities.rowCount - 1 }, (_, i) => rowValues(activities, i + 2));
    expect(rows).toContainEqual([
      ID["2023-03"], "nap4-2021-2023", 12, row.title, "وضع المنصّة على الخط", "planned",
      "fixtures/ogp-tunisia/2023-03-committee-minutes.docx", null, 1, 13, null, null,
    ]);
    const history = sheet(workbook, HISTORY_SHEET);
    const linked = Array.from({ length: history.rowCount - 1 }, (_, i) => rowValues(history, i + 2)).find((r) => r[1] === 12 && r[3] === ID["2023-03"]);
    expect(linked?.slice(5, 11)).toEqual([PARTIAL, null, null, AR.changes.improved, "similarity", expect.any(Number)]);
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
    // French minutes alone: a French workbook.
    const cells = [
      sheet(workbook, FR.sheets.tracker).getCell("C2"),
      sheet(workbook, FR.sheets.history).getCell("C2"),
      sheet(workbook, FR.sheets.history).getCell("G2"),
      sheet(workbook, FR.sheets.decisions).getCell("B2"),
      sheet(workbook, FR.sheets.events).getCell("B2"),
      sheet(workbook, FR.sheets.events).getCell("E2"),
    ];
    expect(cells.map((c) => c.value)).toEqual(["=SUM(1)", "=SUM(1)", "+réalisé", "@cmd|' /C calc'!A0", "-2+3", "=HYPERLINK(\"http://x\")"]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  test("French minutes: left-to-right", async () => {
    const workbook = await workbookOf([goldMeetingRecord("2023-09-committee-minutes")], []);
    expect(sheet(workbook, FR.sheets.tracker).views[0]).toMatchObject({ rightToLeft: false, state: "frozen", xSplit: 3, ySplit: 1 });
    expect(sheet(workbook, FR.sheets.tracker).getCell("D1").value).toBe("2023-09-14 statut");
    expect(sheet(workbook, FR.sheets.tracker).getCell("D2").value).toBe(FR.statuses.partially_completed);
  });

  test("a tracker with no commitments still gives a valid workbook", async () => {
    const base = goldMeetingRecord("2023-09-committee-minutes");
    const workbook = await workbookOf([{ ...base, commitments: [] }], []);
    // A record without commitments is not a meeting of the tracker: with no meeting, the workbook speaks English.
    const ws = sheet(workbook, "Tracker");
    expect(ws.rowCount).toBe(1);
    expect(conditionalFormattings(ws)).toEqual([]);
  });
});

describe("Excel's sheet limits", () => {
  async function limitedWorkbook(limits: { columns: number; rows: number }): Promise<ExcelJS.Workbook> {
    const records = goldRecords();
    const buffer = await trackerToXlsx(trackerReport(buildTracker(records), records), limits);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  }

  test("a Tracker sheet too wide for every meeting keeps the latest, says so, and History keeps them all", async () => {
    // Room for the 3 key columns, 6 latest columns and two meetings of the three.
    const workbook = await limitedWorkbook({ columns: 3 + 6 + 2 * 2 + 1, rows: EXCEL_LIMITS.rows });
    const tracker = sheet(workbook, AR.sheets.tracker);
    expect(rowValues(tracker, 1).slice(0, 8)).toEqual(trackerHeaders(["2023-03", "2023-09-14"]).slice(0, 8));
    expect(tracker.getCell("D1").note).toContain("latest 2 of 3 meetings (from 2023-03)");
    // Commitment 11's regression (2023-03 -> 2023-09-14) is still drawn and explained.
    expect(tracker.getRow(12).getCell(6).note).toContain(`${AR.changes.regressed} (2023-03)`);
    expect(conditionalFormattings(tracker).map((cf) => cf.ref)).toEqual(["E2:E14", "G2:G14", "J2:J14"]);
    expect(sheet(workbook, HISTORY_SHEET).rowCount).toBe(1 + 13 * 3);
    const warnings = sheet(workbook, AR.sheets.warnings);
    const rows = Array.from({ length: warnings.rowCount - 1 }, (_, i) => rowValues(warnings, i + 2));
    expect(rows).toContainEqual(["workbook", null, "tracker-sheet-truncated", expect.stringContaining(HISTORY_SHEET), null, null, null, null, null, null]);
  });

  test("a sheet with more rows than a sheet holds continues on numbered sheets, each with its header and filter", async () => {
    const workbook = await limitedWorkbook({ columns: EXCEL_LIMITS.columns, rows: 20 });
    const parts = [HISTORY_SHEET, `${HISTORY_SHEET} 2`, `${HISTORY_SHEET} 3`].map((name) => sheet(workbook, name));
    expect(parts.map((part) => part.rowCount)).toEqual([20, 20, 2]);
    for (const part of parts) {
      expect(rowValues(part, 1).slice(0, 4)).toEqual([AR.columns.plan, AR.columns.number, AR.columns.commitment, AR.columns.meeting]);
      expect(part.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    expect(parts.map((part) => part.autoFilter)).toEqual(["A1:Q20", "A1:Q20", "A1:Q2"]);
    // Every history row is there once, in order.
    const rows = parts.flatMap((part) => Array.from({ length: part.rowCount - 1 }, (_, i) => rowValues(part, i + 2)));
    expect(rows).toHaveLength(13 * 3);
    expect(rows.map((r) => `${r[1]} ${r[3]}`)).toEqual(
      Array.from({ length: 13 }, (_, n) => ["2022-06-16", "2023-03", "2023-09-14"].map((m) => `${n + 1} ${ID[m]}`)).flat(),
    );
    expect(workbook.worksheets.map((w) => w.name).slice(0, 6)).toEqual([AR.sheets.summary, AR.sheets.tracker, "Review", HISTORY_SHEET, `${HISTORY_SHEET} 2`, `${HISTORY_SHEET} 3`]);
  });
});

describe("a workbook that prints, with a Summary first", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await workbookOf(goldRecords());
  });

  test("Summary: per plan and meeting, the commitments at each status, the regressions and stalls", () => {
    const summary = workbook.worksheets[0];
    expect(summary.name).toBe(AR.sheets.summary);
    const s = AR.statuses;
    expect(rowValues(summary, 1)).toEqual([
      AR.columns.plan, AR.columns.meeting, AR.columns.date,
      s.completed, s.partially_completed, s.in_progress, s.not_started, s.not_completed, s.unknown, s.notReported,
      AR.columns.regressed, AR.columns.stalled,
    ]);
    const rows = [2, 3, 4].map((r) => rowValues(summary, r));
    expect(rows.map((r) => r.slice(1))).toEqual([
      [ID["2022-06-16"], utcDate(2022, 6, 16), 0, 2, 8, 3, 0, 0, 0, 0, 0],
      // Commitment 12's row has no number in the 2023-03 minutes and links to none: not reported there.
      [ID["2023-03"], utcDate(2023, 3, 1), 4, 5, 0, 0, 3, 0, 1, 0, 3],
      [ID["2023-09-14"], utcDate(2023, 9, 14), 4, 5, 0, 0, 3, 0, 1, 1, 3],
    ]);
    for (const row of rows) expect((row.slice(3, 10) as number[]).reduce((a, b) => a + b, 0)).toBe(13);
    // The plan as the Arabic minutes wrote it.
    expect(rows[0][0]).toContain("خطة العمل الوطنية الرابعة");
    expect(fillOf(summary.getCell("D1"))).toBe(STATUS_FILL.completed);
    expect(fillOf(summary.getCell("K4"))).toBe(REGRESSION_FILL);
    expect(fillOf(summary.getCell("L4"))).toBe(STALL_FILL);
  });

  test("every sheet: A4 landscape, one page wide, the header row on every page, committee, plan and dates in the page header", () => {
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
      const header = ws.headerFooter.oddHeader ?? "";
      // The gold records carry no title, so no committee on the left.
      expect(header).toBe("&L&Cخطة العمل الوطنية الرابعة لشراكة الحكومة المفتوحة 2021-2023&R2022-06-16 – 2023-09-14");
      expect(header.length).toBeLessThanOrEqual(255);
      expect(ws.headerFooter.oddFooter).toBe("&L&A&R&P / &N");
    }
  });

  test("the page header names the committee: the latest title in the minutes' language", async () => {
    const records = goldRecords();
    records[0].meeting.title = "اجتماع اللجنة الاستشارية المشتركة & شركاؤها";
    records[2].meeting.title = "Comité consultatif conjoint";
    const header = (await workbookOf(records)).worksheets[0].headerFooter.oddHeader;
    expect(header).toMatch(/^&Lاجتماع اللجنة الاستشارية المشتركة && شركاؤها&C/);
  });

  test("rows are as tall as their wrapped text", async () => {
    const records = goldRecords();
    records[0].meeting.attendees = ["السيد أحمد", "السيدة فاطمة", "ممثل وزارة المالية"];
    const meetings = sheet(await workbookOf(records), AR.sheets.meetings);
    // Attendees, one per line, in a wrapped cell: the row holds every line.
    const attendees = String(meetings.getCell("I2").value ?? "");
    const lines = attendees.split("\n").length;
    expect(lines).toBeGreaterThan(1);
    expect(meetings.getCell("I2").alignment).toMatchObject({ wrapText: true });
    expect(meetings.getRow(2).height).toBeGreaterThanOrEqual(15 * lines);
    // A one-line row keeps the default height.
    expect(sheet(workbook, AR.sheets.tracker).getRow(2).height).toBeUndefined();
  });
});

describe("report words", () => {
  test("Arabic and French say every word English does: none falls back unnoticed", () => {
    const english = reportWords("en");
    for (const language of ["ar", "fr"] as const) {
      const words = reportWords(language);
      for (const [group, value] of Object.entries(english)) {
        const own = (words as unknown as Record<string, unknown>)[group];
        if (typeof value === "string") {
          expect(typeof own, `${language} ${group}`).toBe("string");
        } else {
          expect(Object.keys(own as object).sort(), `${language} ${group}`).toEqual(Object.keys(value as object).sort());
          // Their own words, not English filled in: the lexicon states each one.
          const lexicon = LEXICONS.find((l) => l.language === language)?.report as Record<string, object>;
          expect(Object.keys(lexicon[group]).sort(), `${language} ${group}`).toEqual(Object.keys(value as object).sort());
        }
      }
    }
  });
});
