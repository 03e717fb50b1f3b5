/**
 * tracker.xlsx, for the people who report upward: one row per commitment with
 * its status and percent at every meeting, then long sheets for pivot tables and
 * the meetings' details, each value with the file, page, table and row it was
 * read from.
 *
 * Document text is only ever written as a plain string value: exceljs writes it
 * as a string cell, so a title beginning with "=" stays text and never becomes a
 * formula. The workbook's dates come from the meetings, never the clock, so the
 * same inputs give the same cells.
 */
import ExcelJS from "exceljs";
import type { Color, ConditionalFormattingRule, DataBarRuleType, Worksheet } from "exceljs";
import type { MeetingRecord, SourceRef } from "../model/meeting.js";
import type { HistoryEntry, HistoryStatus, TrackedCommitment, Tracker } from "../model/tracker.js";

export interface BatchFailure {
  file: string;
  code: string;
  reason: string;
}

export interface TrackerWorkbookInput {
  tracker: Tracker;
  /** Every record of the run; renderings the tracker set aside are left out of the sheets. */
  records: MeetingRecord[];
  failures: BatchFailure[];
}

type CellValue = string | number | null;

/** One fill per status, so a column reads at a glance; a gap is grey. */
export const STATUS_FILL: Record<HistoryStatus, string> = {
  completed: "FFC6EFCE",
  partially_completed: "FFE2F0B6",
  in_progress: "FFBDD7EE",
  not_completed: "FFFFC7CE",
  not_started: "FFFCE4D6",
  unknown: "FFE4DFEC",
  notReported: "FFD9D9D9",
};
export const REGRESSION_FILL = "FFFF7C80";
export const STALL_FILL = "FFFFD966";
const HEADER_FILL = "FFDDEBF7";
const DATA_BAR_COLOR = "FF5B9BD5";
const PERCENT_FORMAT = '0"%"';

/** Column widths fit their content up to this many characters; longer text wraps. */
const MAX_COLUMN_WIDTH = 60;
const MIN_COLUMN_WIDTH = 6;
/** Excel's limit for one cell. */
const MAX_CELL_TEXT = 32767;
/** Characters XML 1.0 cannot carry: an xlsx holding one does not open. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const KEY_COLUMNS = 3;
export const HISTORY_SHEET = "History (long)";
const SOURCE_HEADERS = ["File", "Page", "Table", "Row", "Line", "Heading"];

/** Document text as a cell value: always a string, never a formula. */
function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const clean = value.replace(XML_INVALID, "");
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

function sourceCells(source: SourceRef | null | undefined): CellValue[] {
  return [
    text(source?.file),
    source?.page ?? null,
    source?.table ?? null,
    source?.row ?? null,
    source?.line ?? null,
    text(source?.heading),
  ];
}

function describeSource(source: SourceRef): string {
  const parts = [source.file];
  if (source.page !== undefined) parts.push(`page ${source.page}`);
  if (source.table !== undefined) parts.push(`table ${source.table}`);
  if (source.row !== undefined) parts.push(`row ${source.row}`);
  if (source.line !== undefined) parts.push(`line ${source.line}`);
  if (source.heading !== undefined) parts.push(`under "${source.heading}"`);
  return parts.join(", ");
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rightToLeft: boolean, frozenColumns = 0): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: frozenColumns, ySplit: 1, rightToLeft }],
  });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = solidFill(HEADER_FILL);
  });
  return sheet;
}

/** Autofilter over the header and the data, and widths that fit the longest line of each column. */
function finishSheet(sheet: Worksheet): void {
  const columns = sheet.columnCount;
  const rows = Math.max(sheet.rowCount, 1);
  if (columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: columns } };
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    let longest = 0;
    column.eachCell({ includeEmpty: false }, (cell) => {
      const shown = cell.numFmt === PERCENT_FORMAT ? `${String(cell.value)}%` : String(cell.value ?? "");
      for (const line of shown.split("\n")) longest = Math.max(longest, line.length);
    });
    column.width = Math.min(Math.max(longest + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH);
    if (longest + 2 > MAX_COLUMN_WIDTH) {
      column.eachCell({ includeEmpty: false }, (cell) => {
        cell.alignment = { wrapText: true, vertical: "top" };
      });
    }
  }
}

function percentDataBars(sheet: Worksheet, column: number, lastRow: number, priority: number): void {
  if (lastRow < 2) return;
  const letter = columnLetter(column);
  // exceljs writes the bar colour but its typings omit it.
  const rule: DataBarRuleType & { color: Partial<Color> } = {
    type: "dataBar",
    priority,
    gradient: false,
    // Bars grow from the reading side: right in a right-to-left sheet.
    direction: "context",
    cfvo: [
      { type: "num", value: 0 },
      { type: "num", value: 100 },
    ],
    color: { argb: DATA_BAR_COLOR },
  };
  const rules: ConditionalFormattingRule[] = [rule];
  sheet.addConditionalFormatting({ ref: `${letter}2:${letter}${lastRow}`, rules });
}

function statusNote(entry: HistoryEntry, regressedFrom: HistoryEntry | undefined): string | null {
  if (entry.source === null) return null;
  const lines = [`Source: ${describeSource(entry.source)}`];
  if (entry.statusLabel) lines.push(`As written: ${entry.statusLabel}`);
  if (entry.link === "similarity") lines.push(`Linked by text similarity ${entry.similarity?.toFixed(2) ?? ""}: the source gives no number`);
  if (regressedFrom) {
    lines.push(`Regressed since ${regressedFrom.meeting}: ${regressedFrom.status} ${regressedFrom.progress ?? "-"}% → ${entry.status} ${entry.progress ?? "-"}%`);
  }
  return lines.join("\n");
}

function flagNote(commitment: TrackedCommitment): string | null {
  const lines: string[] = [];
  for (const regression of commitment.regressions) lines.push(`Regressed from ${regression.from} to ${regression.to}`);
  if (commitment.stalled && commitment.latest) {
    lines.push(`Stalled: ${commitment.latest.status}, unchanged at ${commitment.latest.meeting} since the report before`);
  }
  return lines.length > 0 ? lines.join("\n") : null;
}

function addTrackerSheet(workbook: ExcelJS.Workbook, tracker: Tracker, rightToLeft: boolean): void {
  const headers = ["Plan", "No.", "Commitment"];
  for (const meeting of tracker.meetings) headers.push(`${meeting.id} status`, `${meeting.id} %`);
  headers.push("Latest meeting", "Latest status", "Latest %", "Change", "Stalled", "Regressed");
  const sheet = addSheet(workbook, "Tracker", headers, rightToLeft, KEY_COLUMNS);
  const firstMeetingColumn = KEY_COLUMNS + 1;
  const latestColumn = firstMeetingColumn + 2 * tracker.meetings.length;

  for (const commitment of tracker.commitments) {
    const values: CellValue[] = [text(commitment.plan), Number(commitment.number), text(commitment.title)];
    for (const entry of commitment.history) values.push(entry.status, entry.progress);
    values.push(
      commitment.latest?.meeting ?? null,
      commitment.latest?.status ?? null,
      commitment.latest?.progress ?? null,
      commitment.change,
      commitment.stalled ? "stalled" : null,
      commitment.regressed ? "regressed" : null,
    );
    const row = sheet.addRow(values);

    const previousReport = new Map<string, HistoryEntry>();
    let last: HistoryEntry | undefined;
    for (const entry of commitment.history) {
      if (last) previousReport.set(entry.meeting, last);
      if (entry.status !== "notReported") last = entry;
    }
    const regressedAt = new Set(commitment.regressions.map((r) => r.to));
    commitment.history.forEach((entry, i) => {
      const statusCell = row.getCell(firstMeetingColumn + 2 * i);
      statusCell.fill = solidFill(STATUS_FILL[entry.status]);
      const regressed = regressedAt.has(entry.meeting);
      if (regressed) statusCell.font = { bold: true, color: { argb: "FF9C0006" } };
      const note = statusNote(entry, regressed ? previousReport.get(entry.meeting) : undefined);
      if (note) statusCell.note = note;
      row.getCell(firstMeetingColumn + 2 * i + 1).numFmt = PERCENT_FORMAT;
    });
    if (commitment.latest) row.getCell(latestColumn + 1).fill = solidFill(STATUS_FILL[commitment.latest.status]);
    row.getCell(latestColumn + 2).numFmt = PERCENT_FORMAT;

    const flag = commitment.regressed ? REGRESSION_FILL : commitment.stalled ? STALL_FILL : null;
    if (flag) {
      for (let c = 1; c <= KEY_COLUMNS; c++) row.getCell(c).fill = solidFill(flag);
      const note = flagNote(commitment);
      if (note) row.getCell(KEY_COLUMNS).note = note;
    }
    if (commitment.stalled) row.getCell(latestColumn + 4).fill = solidFill(STALL_FILL);
    if (commitment.regressed) row.getCell(latestColumn + 5).fill = solidFill(REGRESSION_FILL);
  }

  const lastRow = sheet.rowCount;
  let priority = 1;
  for (let i = 0; i < tracker.meetings.length; i++) percentDataBars(sheet, firstMeetingColumn + 2 * i + 1, lastRow, priority++);
  percentDataBars(sheet, latestColumn + 2, lastRow, priority);
  finishSheet(sheet);
}

function addHistorySheet(workbook: ExcelJS.Workbook, tracker: Tracker, rightToLeft: boolean): void {
  const sheet = addSheet(
    workbook,
    // Excel reserves the sheet name "History" (change tracking).
    HISTORY_SHEET,
    ["Plan", "No.", "Commitment", "Meeting", "Date", "Status", "Status as written", "Progress", "Change", "Link", "Similarity", ...SOURCE_HEADERS],
    rightToLeft,
  );
  const dates = new Map(tracker.meetings.map((m) => [m.id, m.date]));
  for (const commitment of tracker.commitments) {
    for (const entry of commitment.history) {
      const row = sheet.addRow([
        text(commitment.plan),
        Number(commitment.number),
        text(commitment.title),
        entry.meeting,
        dates.get(entry.meeting) ?? null,
        entry.status,
        text(entry.statusLabel),
        entry.progress,
        entry.change,
        entry.link,
        entry.similarity ?? null,
        ...sourceCells(entry.source),
      ]);
      row.getCell(6).fill = solidFill(STATUS_FILL[entry.status]);
      row.getCell(8).numFmt = PERCENT_FORMAT;
    }
  }
  finishSheet(sheet);
}

/** Records the tracker read, each with its meeting id, in meeting order. */
function trackedRecords(tracker: Tracker, records: readonly MeetingRecord[]): { id: string; record: MeetingRecord }[] {
  const byPath = new Map<string, MeetingRecord>();
  for (const record of records) if (!byPath.has(record.source.path)) byPath.set(record.source.path, record);
  return tracker.meetings.flatMap((m) => {
    const record = byPath.get(m.file);
    return record ? [{ id: m.id, record }] : [];
  });
}

function addMeetingsSheet(workbook: ExcelJS.Workbook, tracker: Tracker, records: readonly MeetingRecord[], rightToLeft: boolean): void {
  const sheet = addSheet(
    workbook,
    "Meetings",
    ["Meeting", "Date", "Date from", "Language", "Title", "Plan", "Plan as written", "Chair", "Attendees", "Agenda", "Commitments", "Decisions", "Events", "File", "Format", "Pages", "SHA-256", "Other renderings"],
    rightToLeft,
  );
  const byPath = new Map(trackedRecords(tracker, records).map(({ record }) => [record.source.path, record]));
  for (const meeting of tracker.meetings) {
    const record = byPath.get(meeting.file);
    sheet.addRow([
      meeting.id,
      meeting.date,
      meeting.dateSource,
      meeting.language,
      text(meeting.title),
      text(meeting.plan),
      text(record?.meeting.actionPlan?.text),
      text(record?.meeting.chair),
      text(record?.meeting.attendees.join("\n")),
      text(record?.meeting.agenda.join("\n")),
      record?.commitments.length ?? null,
      record?.decisions.length ?? null,
      record?.events.length ?? null,
      text(meeting.file),
      meeting.format,
      record?.source.pages ?? null,
      record?.source.sha256 ?? null,
      text(meeting.renderings.join("\n")),
    ]);
  }
  finishSheet(sheet);
}

function sourceKey(meeting: string, source: SourceRef): string {
  return JSON.stringify([meeting, source.file, source.page, source.table, source.row, source.line, source.heading]);
}

function addActivitiesSheet(workbook: ExcelJS.Workbook, tracker: Tracker, records: readonly MeetingRecord[], rightToLeft: boolean): void {
  const sheet = addSheet(workbook, "Activities", ["Meeting", "Plan", "No.", "Commitment", "Activity", "State", ...SOURCE_HEADERS], rightToLeft);
  // Unnumbered records linked by similarity take their commitment's number here too.
  const linkedNumber = new Map<string, string>();
  for (const commitment of tracker.commitments) {
    for (const entry of commitment.history) {
      if (entry.link === "similarity" && entry.source) linkedNumber.set(sourceKey(entry.meeting, entry.source), commitment.number);
    }
  }
  const plans = new Map(tracker.meetings.map((m) => [m.id, m.plan]));
  for (const { id, record } of trackedRecords(tracker, records)) {
    for (const commitment of record.commitments) {
      const number = commitment.number ?? linkedNumber.get(sourceKey(id, commitment.source)) ?? null;
      for (const activity of commitment.activities) {
        sheet.addRow([
          id,
          text(plans.get(id)),
          number === null ? null : Number(number),
          text(commitment.title),
          text(activity.text),
          activity.state,
          ...sourceCells(commitment.source),
        ]);
      }
    }
  }
  finishSheet(sheet);
}

function addDecisionsSheet(workbook: ExcelJS.Workbook, tracker: Tracker, records: readonly MeetingRecord[], rightToLeft: boolean): void {
  const sheet = addSheet(workbook, "Decisions", ["Meeting", "Decision", "Date", "Commitment", ...SOURCE_HEADERS], rightToLeft);
  for (const { id, record } of trackedRecords(tracker, records)) {
    for (const decision of record.decisions) {
      sheet.addRow([
        id,
        text(decision.text),
        decision.date,
        decision.commitment === null ? null : Number(decision.commitment),
        ...sourceCells(decision.source),
      ]);
    }
  }
  finishSheet(sheet);
}

function addEventsSheet(workbook: ExcelJS.Workbook, tracker: Tracker, records: readonly MeetingRecord[], rightToLeft: boolean): void {
  const sheet = addSheet(workbook, "Events", ["Meeting", "Event", "Date", "End date", "Place", "Participants", ...SOURCE_HEADERS], rightToLeft);
  for (const { id, record } of trackedRecords(tracker, records)) {
    for (const event of record.events) {
      sheet.addRow([
        id,
        text(event.title),
        event.date,
        event.endDate,
        text(event.place),
        text(event.participants.join("\n")),
        ...sourceCells(event.source),
      ]);
    }
  }
  finishSheet(sheet);
}

function addWarningsSheet(workbook: ExcelJS.Workbook, input: TrackerWorkbookInput, rightToLeft: boolean): void {
  const sheet = addSheet(workbook, "Warnings", ["From", "Meeting", "Code", "Message", ...SOURCE_HEADERS], rightToLeft);
  for (const { id, record } of trackedRecords(input.tracker, input.records)) {
    for (const warning of record.warnings) {
      sheet.addRow(["extraction", id, warning.code, text(warning.message), ...sourceCells(warning.source ?? { file: record.source.path })]);
    }
  }
  for (const warning of input.tracker.warnings) {
    sheet.addRow(["tracker", warning.meeting ?? null, warning.code, text(warning.message), ...sourceCells(warning.source)]);
  }
  const failures = [...input.failures].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const failure of failures) {
    sheet.addRow(["batch", null, failure.code, text(failure.reason), ...sourceCells({ file: failure.file })]);
  }
  finishSheet(sheet);
}

/** The latest meeting date, as the workbook's creation date: stable across runs on the same minutes. */
function workbookDate(tracker: Tracker): Date {
  const dates = tracker.meetings.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const latest = dates.at(-1);
  if (latest === undefined) return new Date(Date.UTC(2000, 0, 1));
  const [year, month, day] = latest.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}

export async function trackerToXlsx(input: TrackerWorkbookInput): Promise<Buffer> {
  const { tracker, records } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "minutes-tracker";
  workbook.lastModifiedBy = "minutes-tracker";
  workbook.created = workbookDate(tracker);
  workbook.modified = workbook.created;

  const arabic = tracker.meetings.filter((m) => m.language === "ar").length;
  const rightToLeft = arabic * 2 > tracker.meetings.length;

  addTrackerSheet(workbook, tracker, rightToLeft);
  addHistorySheet(workbook, tracker, rightToLeft);
  addMeetingsSheet(workbook, tracker, records, rightToLeft);
  addActivitiesSheet(workbook, tracker, records, rightToLeft);
  addDecisionsSheet(workbook, tracker, records, rightToLeft);
  addEventsSheet(workbook, tracker, records, rightToLeft);
  addWarningsSheet(workbook, input, rightToLeft);

  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
