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
 *
 * The workbook is streamed: each sheet's rows are measured in one pass (column
 * widths must precede the rows in the file), then generated again and written
 * row by row, so memory does not grow with the archive. Excel caps a sheet at
 * 16,384 columns and 1,048,576 rows: the wide Tracker sheet keeps the most
 * recent meetings that fit and says so (History (long) keeps every meeting),
 * and a sheet with more rows continues on "Name 2", "Name 3", ...
 */
import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import type { Color, ConditionalFormattingRule, DataBarRuleType, Font, Worksheet } from "exceljs";
import type { MeetingRecord, SourceRef } from "../model/meeting.js";
import type { Change, HistoryEntry, HistoryStatus, TrackedCommitment, Tracker } from "../model/tracker.js";
import type { Review } from "../model/tracker.js";

export interface BatchFailure {
  file: string;
  code: string;
  reason: string;
}

export interface TrackerWorkbookInput {
  tracker: Tracker;
  /** Every record of the run; renderings the tracker set aside are left out of the sheets. */
  records: readonly MeetingRecord[];
  failures: readonly BatchFailure[];
  /** The facts to check, most consequential first: the Review sheet. */
  review?: Review;
}

/** Excel's sheet size. Smaller limits only serve to test how the workbook handles them. */
export interface SheetLimits {
  /** Columns per sheet. */
  columns: number;
  /** Rows per sheet, the header row included. */
  rows: number;
}

export const EXCEL_LIMITS: SheetLimits = { columns: 16_384, rows: 1_048_576 };

type CellValue = string | number | null;

interface CellStyle {
  fill?: string;
  font?: Partial<Font>;
  note?: string;
}

interface SheetRow {
  values: CellValue[];
  /** By 1-based column. */
  styles?: Map<number, CellStyle>;
}

interface SheetSpec {
  name: string;
  headers: string[];
  /** Notes on header cells, by 1-based column. */
  headerNotes?: Map<number, string>;
  /** Fills of header cells that flag their column, by 1-based column. */
  headerFills?: ReadonlyMap<number, string>;
  frozenColumns?: number;
  /** 1-based columns holding percents: shown with %, and measured so. */
  percentColumns: ReadonlySet<number>;
  /** 1-based columns drawn as data bars from 0 to 100. */
  dataBarColumns?: readonly number[];
  /**
   * Called once to measure the columns, unstyled, and once to write, styled:
   * each call yields the same values. Styles (and notes) are only built when written.
   */
  rows: (styled: boolean) => Iterable<SheetRow>;
}

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
/**
 * What a status cell says: words for the people who read the workbook (and pivot on it);
 * tracker.json keeps the schema's keys for programs.
 */
export const STATUS_TEXT: Record<HistoryStatus, string> = {
  completed: "Completed",
  partially_completed: "Partially completed",
  in_progress: "In progress",
  not_completed: "Not completed",
  not_started: "Not started",
  unknown: "Unknown",
  notReported: "Not reported",
};
const CHANGE_TEXT: Record<Change, string> = { improved: "Improved", unchanged: "Unchanged", regressed: "Regressed" };
/** The Stalled flag's word (the Regressed flag says what a regressed change says). */
const STALLED_TEXT = "Stalled";
const changeText = (change: Change | null): string | null => (change === null ? null : CHANGE_TEXT[change]);
export const REGRESSION_FILL = "FFFF7C80";
export const STALL_FILL = "FFFFD966";
const HEADER_FILL = "FFDDEBF7";
const HEADER_FONT: Partial<Font> = { bold: true };
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

/** The zip's entry stream: a Node stream, or the `readable-stream` 2 kind archiver uses, which only has the state object. */
type ZipEntryStream = Writable & { _writableState?: { needDrain?: boolean } };

/** Rows committed between two checks that the zip keeps up with them. */
const ROWS_PER_FLUSH = 100;

/**
 * Waits while the zip entry a sheet is being compressed into holds a backlog.
 * exceljs's sheet stream hands its chunks to the zip without heeding
 * backpressure, so rows written faster than they are deflated would all pile up
 * in memory. The stream and its `pipes` are exceljs internals (untyped), hence
 * the narrow view of them; before the zip reaches the sheet there is no pipe
 * yet and nothing to wait for.
 */
async function drain(sheet: Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: ZipEntryStream[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    if (pipe.writableNeedDrain ?? pipe._writableState?.needDrain) await once(pipe, "drain");
  }
  // Let the zip emit what it has compressed before more rows come.
  await new Promise((resolve) => setImmediate(resolve));
}

/** Widths that fit the longest line of each column, and which columns are too wide and wrap instead. */
function measureColumns(spec: SheetSpec): { widths: number[]; wrapped: Set<number>; dataRows: number } {
  const longest = spec.headers.map((header) => Math.max(...header.split("\n").map((line) => line.length)));
  let dataRows = 0;
  for (const row of spec.rows(false)) {
    dataRows++;
    row.values.forEach((value, i) => {
      if (value === null) return;
      const shown = spec.percentColumns.has(i + 1) ? `${String(value)}%` : String(value);
      for (const line of shown.split("\n")) if (line.length > (longest[i] ?? 0)) longest[i] = line.length;
    });
  }
  const widths = longest.map((length) => Math.min(Math.max(length + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH));
  const wrapped = new Set<number>();
  longest.forEach((length, i) => {
    if (length + 2 > MAX_COLUMN_WIDTH) wrapped.add(i + 1);
  });
  return { widths, wrapped, dataRows };
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

class WorkbookStream {
  private readonly styles = new SharedStyles();

  constructor(
    readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly rightToLeft: boolean,
    readonly limits: SheetLimits,
  ) {}

  /**
   * Writes one sheet, continued on "Name 2", "Name 3", ... past the row limit:
   * each part with the header row frozen, an autofilter, fitted widths.
   */
  async writeSheet(spec: SheetSpec): Promise<void> {
    const { widths, wrapped, dataRows } = measureColumns(spec);
    const rowsPerPart = this.limits.rows - 1;
    const parts = Math.max(1, Math.ceil(dataRows / rowsPerPart));
    const rows = spec.rows(true)[Symbol.iterator]();
    for (let part = 1; part <= parts; part++) {
      const partRows = Math.min(rowsPerPart, dataRows - (part - 1) * rowsPerPart);
      const sheet = this.workbook.addWorksheet(part === 1 ? spec.name : `${spec.name} ${part}`, {
        views: [{ state: "frozen", xSplit: spec.frozenColumns ?? 0, ySplit: 1, rightToLeft: this.rightToLeft }],
      });
      sheet.columns = widths.map((width) => ({ width }));
      const header = sheet.addRow([]);
      spec.headers.forEach((title, i) => {
        const cell = header.getCell(i + 1);
        cell.value = title;
        cell.style = this.styles.of(spec.headerFills?.get(i + 1) ?? HEADER_FILL, HEADER_FONT, false, wrapped.has(i + 1));
        const note = spec.headerNotes?.get(i + 1);
        if (note) cell.note = note;
      });
      header.commit();
      for (let written = 0; written < partRows; written++) {
        const next = rows.next();
        if (next.done) break;
        this.writeRow(sheet, spec, next.value, wrapped);
        if (written % ROWS_PER_FLUSH === ROWS_PER_FLUSH - 1) await drain(sheet);
      }
      const lastRow = partRows + 1;
      if (spec.headers.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: spec.headers.length } };
      let priority = 1;
      for (const column of spec.dataBarColumns ?? []) percentDataBars(sheet, column, lastRow, priority++);
      sheet.commit();
    }
  }

  private writeRow(sheet: Worksheet, spec: SheetSpec, data: SheetRow, wrapped: ReadonlySet<number>): void {
    const row = sheet.addRow([]);
    data.values.forEach((value, i) => {
      const column = i + 1;
      const style = data.styles?.get(column);
      const percent = spec.percentColumns.has(column);
      if (value === null && style === undefined && !percent) return;
      const cell = row.getCell(column);
      if (value !== null) cell.value = value;
      cell.style = this.styles.of(style?.fill, style?.font, percent, value !== null && wrapped.has(column));
      if (style?.note) cell.note = style.note;
    });
    row.commit();
  }
}

/**
 * One style object per distinct look, shared by every cell that has it: exceljs
 * recognizes a style object it has seen and skips serializing it again, which
 * otherwise costs more than writing the cell.
 */
class SharedStyles {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  of(fill: string | undefined, font: Partial<Font> | undefined, percent: boolean, wrap: boolean): Partial<ExcelJS.Style> {
    // Called for every cell: a cheap key (fonts are rare: headers and regressions).
    const key = `${fill ?? ""}|${font === undefined ? "" : JSON.stringify(font)}|${percent ? "%" : ""}|${wrap ? "wrap" : ""}`;
    let style = this.cache.get(key);
    if (!style) {
      style = {
        ...(fill ? { fill: solidFill(fill) } : {}),
        ...(font ? { font } : {}),
        ...(percent ? { numFmt: PERCENT_FORMAT } : {}),
        ...(wrap ? { alignment: { wrapText: true, vertical: "top" } } : {}),
      };
      this.cache.set(key, style);
    }
    return style;
  }
}

function statusNote(entry: HistoryEntry, regressedFrom: HistoryEntry | undefined, labels: ReadonlyMap<string, string>): string | null {
  if (entry.source === null) return null;
  const lines = [`Source: ${describeSource(entry.source)}`];
  if (entry.statusLabel) lines.push(`As written: ${entry.statusLabel}`);
  if (entry.link === "similarity") lines.push(`Linked by text similarity ${entry.similarity?.toFixed(2) ?? ""}: the source gives no number`);
  if (regressedFrom) {
    const state = (report: HistoryEntry): string => `${STATUS_TEXT[report.status]} ${report.progress ?? "-"}%`;
    lines.push(`Regressed since ${labels.get(regressedFrom.meeting) ?? regressedFrom.meeting}: ${state(regressedFrom)} → ${state(entry)}`);
  }
  return lines.join("\n");
}

function flagNote(commitment: TrackedCommitment, labels: ReadonlyMap<string, string>): string | null {
  const lines: string[] = [];
  const label = (id: string): string => labels.get(id) ?? id;
  for (const regression of commitment.regressions) lines.push(`Regressed from ${label(regression.from)} to ${label(regression.to)}`);
  if (commitment.stalled && commitment.latest) {
    lines.push(`Stalled: ${STATUS_TEXT[commitment.latest.status]}, unchanged at ${label(commitment.latest.meeting)} since the report before`);
  }
  return lines.length > 0 ? lines.join("\n") : null;
}

const LATEST_HEADERS = ["Latest meeting", "Latest status", "Latest %", "Change", "Stalled", "Regressed"];

/** How many meetings the wide Tracker sheet can show: two columns each beside the key and latest columns. */
function meetingsThatFit(tracker: Tracker, limits: SheetLimits): number {
  return Math.min(tracker.meetings.length, Math.max(0, Math.floor((limits.columns - KEY_COLUMNS - LATEST_HEADERS.length) / 2)));
}

/** A meeting column's title: its date, or its id where the date does not tell it apart. */
function meetingLabels(tracker: Tracker): Map<string, string> {
  const perDate = new Map<string, number>();
  for (const m of tracker.meetings) if (m.date !== null) perDate.set(m.date, (perDate.get(m.date) ?? 0) + 1);
  return new Map(tracker.meetings.map((m) => [m.id, m.date !== null && perDate.get(m.date) === 1 ? m.date : m.id]));
}

/** The item number as a cell: a number when it is one ("7"), else as the committee writes it ("2.10", "A-12"). */
function numberCell(number: string): CellValue {
  return /^\d+$/u.test(number) ? Number(number) : number;
}

/** A meeting whose date may be wrong: its column header is flagged, with why. */
export const UNCERTAIN_DATE_FILL = "FFFFEB9C";
/** A value an officer corrected. */
const CORRECTED_FONT: Partial<Font> = { italic: true, color: { argb: "FF7030A0" } };

function correctedNote(entry: HistoryEntry): string | null {
  if (!entry.corrected) return null;
  const was = Object.entries(entry.corrected.extracted).map(([field, value]) => `${field} was ${value ?? "none"}`);
  return [`Corrected${entry.corrected.added ? " (added: extraction missed it)" : ""}${was.length > 0 ? `: ${was.join(", ")}` : ""}`, entry.corrected.note ?? ""].filter(Boolean).join("\n");
}

function trackerSheet(tracker: Tracker, limits: SheetLimits): SheetSpec {
  // When not every meeting fits, the most recent ones do: the earliest are on History (long).
  const firstShown = tracker.meetings.length - meetingsThatFit(tracker, limits);
  const shown = tracker.meetings.slice(firstShown);
  const labels = meetingLabels(tracker);
  const headers = ["Plan", "No.", "Commitment"];
  for (const meeting of shown) headers.push(`${labels.get(meeting.id)} status`, `${labels.get(meeting.id)} %`);
  headers.push(...LATEST_HEADERS);
  const firstMeetingColumn = KEY_COLUMNS + 1;
  const latestColumn = firstMeetingColumn + 2 * shown.length;
  const percentColumns = new Set(shown.map((_, i) => firstMeetingColumn + 2 * i + 1));
  percentColumns.add(latestColumn + 2);
  const headerNotes = new Map<number, string>();
  if (firstShown > 0) headerNotes.set(firstMeetingColumn, truncationNote(tracker, firstShown));
  shown.forEach((meeting, i) => {
    const column = firstMeetingColumn + 2 * i;
    // Only where there is something to say: a note per column costs at thousands of meetings.
    if (!meeting.dateUncertain && !meeting.corrected) return;
    const lines = [headerNotes.get(column), `Meeting ${meeting.id} (${meeting.record ?? meeting.file})`];
    if (meeting.dateUncertain) lines.push(`Date uncertain: ${meeting.dateUncertain}`);
    if (meeting.corrected) lines.push(`Date corrected: ${Object.entries(meeting.corrected.extracted).map(([f, v]) => `${f} was ${v ?? "none"}`).join(", ")}${meeting.corrected.note ? ` (${meeting.corrected.note})` : ""}`);
    headerNotes.set(column, lines.filter(Boolean).join("\n"));
  });
  const column = new Map(shown.map((meeting, i) => [meeting.id, firstMeetingColumn + 2 * i]));

  /** Fills by status, the regression and stall flags, and the notes giving each value's source. */
  function rowStyles(commitment: TrackedCommitment): Map<number, CellStyle> {
    const styles = new Map<number, CellStyle>();

    const regressedAt = new Set(commitment.regressions.map((r) => r.to));
    let previousReport: HistoryEntry | undefined;
    for (const entry of commitment.history) {
      const at = column.get(entry.meeting);
      if (at !== undefined) {
        const regressed = regressedAt.has(entry.meeting);
        const note = [statusNote(entry, regressed ? previousReport : undefined, labels), correctedNote(entry)].filter(Boolean).join("\n") || null;
        styles.set(at, {
          fill: STATUS_FILL[entry.status],
          ...(regressed ? { font: { bold: true, color: { argb: "FF9C0006" } } } : entry.corrected ? { font: CORRECTED_FONT } : {}),
          ...(note ? { note } : {}),
        });
      }
      if (entry.status !== "notReported") previousReport = entry;
    }
    if (commitment.latest) styles.set(latestColumn + 1, { fill: STATUS_FILL[commitment.latest.status] });

    const flag = commitment.regressed ? REGRESSION_FILL : commitment.stalled ? STALL_FILL : null;
    if (flag) {
      for (let c = 1; c < KEY_COLUMNS; c++) styles.set(c, { fill: flag });
      const note = flagNote(commitment, labels);
      styles.set(KEY_COLUMNS, { fill: flag, ...(note ? { note } : {}) });
    }
    if (commitment.stalled) styles.set(latestColumn + 4, { fill: STALL_FILL });
    if (commitment.regressed) styles.set(latestColumn + 5, { fill: REGRESSION_FILL });
    return styles;
  }

  function* rows(styled: boolean): Iterable<SheetRow> {
    for (const commitment of tracker.commitments) {
      // A meeting about another plan has no entry: its cells stay empty.
      const byMeeting = new Map(commitment.history.map((entry) => [entry.meeting, entry]));
      const values: CellValue[] = [text(commitment.plan), numberCell(commitment.number), text(commitment.title)];
      for (const meeting of shown) {
        const entry = byMeeting.get(meeting.id);
        values.push(entry ? STATUS_TEXT[entry.status] : null, entry?.progress ?? null);
      }
      values.push(
        commitment.latest ? (labels.get(commitment.latest.meeting) ?? commitment.latest.meeting) : null,
        commitment.latest ? STATUS_TEXT[commitment.latest.status] : null,
        commitment.latest?.progress ?? null,
        changeText(commitment.change),
        commitment.stalled ? STALLED_TEXT : null,
        commitment.regressed ? CHANGE_TEXT.regressed : null,
      );
      yield styled ? { values, styles: rowStyles(commitment) } : { values };
    }
  }

  return {
    name: "Tracker",
    headers,
    headerNotes,
    headerFills: new Map(shown.flatMap((meeting, i) => (meeting.dateUncertain && !meeting.corrected ? [[firstMeetingColumn + 2 * i, UNCERTAIN_DATE_FILL] as const] : []))),
    frozenColumns: KEY_COLUMNS,
    percentColumns,
    dataBarColumns: [...percentColumns],
    rows,
  };
}

function truncationNote(tracker: Tracker, firstShown: number): string {
  const first = tracker.meetings[firstShown];
  return `This sheet shows the latest ${tracker.meetings.length - firstShown} of ${tracker.meetings.length} meetings (from ${meetingLabels(tracker).get(first.id) ?? first.id}): Excel allows 16,384 columns. "${HISTORY_SHEET}" lists every meeting.`;
}

function historySheet(tracker: Tracker): SheetSpec {
  const dates = new Map(tracker.meetings.map((m) => [m.id, m.date]));
  return {
    // Excel reserves the sheet name "History" (change tracking).
    name: HISTORY_SHEET,
    headers: ["Plan", "No.", "Commitment", "Meeting", "Date", "Status", "Status as written", "Progress", "Change", "Link", "Similarity", ...SOURCE_HEADERS],
    percentColumns: new Set([8]),
    *rows(styled) {
      for (const commitment of tracker.commitments) {
        for (const entry of commitment.history) {
          yield {
            values: [
              text(commitment.plan),
              Number(commitment.number),
              text(commitment.title),
              entry.meeting,
              dates.get(entry.meeting) ?? null,
              STATUS_TEXT[entry.status],
              text(entry.statusLabel),
              entry.progress,
              changeText(entry.change),
              entry.link,
              entry.similarity ?? null,
              ...sourceCells(entry.source),
            ],
            ...(styled ? { styles: new Map([[6, { fill: STATUS_FILL[entry.status] }]]) } : {}),
          };
        }
      }
    },
  };
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

function meetingsSheet(tracker: Tracker, tracked: readonly { id: string; record: MeetingRecord }[]): SheetSpec {
  const byPath = new Map(tracked.map(({ record }) => [record.source.path, record]));
  return {
    name: "Meetings",
    headers: ["Meeting", "Date", "Date from", "Language", "Title", "Plan", "Plan as written", "Chair", "Attendees", "Agenda", "Commitments", "Decisions", "Events", "File", "Format", "Pages", "SHA-256", "Other renderings"],
    percentColumns: new Set(),
    *rows() {
      for (const meeting of tracker.meetings) {
        const record = byPath.get(meeting.file);
        yield {
          values: [
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
          ],
        };
      }
    },
  };
}

function sourceKey(meeting: string, source: SourceRef): string {
  return JSON.stringify([meeting, source.file, source.page, source.table, source.row, source.line, source.heading]);
}

function activitiesSheet(tracker: Tracker, tracked: readonly { id: string; record: MeetingRecord }[]): SheetSpec {
  // Unnumbered records linked by similarity take their commitment's number here too.
  const linkedNumber = new Map<string, string>();
  for (const commitment of tracker.commitments) {
    for (const entry of commitment.history) {
      if (entry.link === "similarity" && entry.source) linkedNumber.set(sourceKey(entry.meeting, entry.source), commitment.number);
    }
  }
  const plans = new Map(tracker.meetings.map((m) => [m.id, m.plan]));
  return {
    name: "Activities",
    headers: ["Meeting", "Plan", "No.", "Commitment", "Activity", "State", ...SOURCE_HEADERS],
    percentColumns: new Set(),
    *rows() {
      for (const { id, record } of tracked) {
        for (const commitment of record.commitments) {
          const number = commitment.number ?? linkedNumber.get(sourceKey(id, commitment.source)) ?? null;
          for (const activity of commitment.activities) {
            yield {
              values: [
                id,
                text(plans.get(id)),
                number === null ? null : Number(number),
                text(commitment.title),
                text(activity.text),
                activity.state,
                ...sourceCells(commitment.source),
              ],
            };
          }
        }
      }
    },
  };
}

function decisionsSheet(tracked: readonly { id: string; record: MeetingRecord }[]): SheetSpec {
  return {
    name: "Decisions",
    headers: ["Meeting", "Decision", "Date", "Commitment", ...SOURCE_HEADERS],
    percentColumns: new Set(),
    *rows() {
      for (const { id, record } of tracked) {
        for (const decision of record.decisions) {
          yield {
            values: [
              id,
              text(decision.text),
              decision.date,
              decision.commitment === null ? null : Number(decision.commitment),
              ...sourceCells(decision.source),
            ],
          };
        }
      }
    },
  };
}

function eventsSheet(tracked: readonly { id: string; record: MeetingRecord }[]): SheetSpec {
  return {
    name: "Events",
    headers: ["Meeting", "Event", "Date", "End date", "Place", "Participants", ...SOURCE_HEADERS],
    percentColumns: new Set(),
    *rows() {
      for (const { id, record } of tracked) {
        for (const event of record.events) {
          yield {
            values: [
              id,
              text(event.title),
              event.date,
              event.endDate,
              text(event.place),
              text(event.participants.join("\n")),
              ...sourceCells(event.source),
            ],
          };
        }
      }
    },
  };
}

function warningsSheet(input: TrackerWorkbookInput, tracked: readonly { id: string; record: MeetingRecord }[], limits: SheetLimits): SheetSpec {
  const { tracker } = input;
  const failures = [...input.failures].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const firstShown = tracker.meetings.length - meetingsThatFit(tracker, limits);
  return {
    name: "Warnings",
    headers: ["From", "Meeting", "Code", "Message", ...SOURCE_HEADERS],
    percentColumns: new Set(),
    *rows() {
      for (const { id, record } of tracked) {
        for (const warning of record.warnings) {
          yield { values: ["extraction", id, warning.code, text(warning.message), ...sourceCells(warning.source ?? { file: record.source.path })] };
        }
      }
      for (const warning of tracker.warnings) {
        yield { values: ["tracker", warning.meeting ?? null, warning.code, text(warning.message), ...sourceCells(warning.source)] };
      }
      if (firstShown > 0) {
        yield { values: ["workbook", null, "tracker-sheet-truncated", truncationNote(tracker, firstShown), ...sourceCells(undefined)] };
      }
      for (const failure of failures) {
        yield { values: ["batch", null, failure.code, text(failure.reason), ...sourceCells({ file: failure.file })] };
      }
    },
  };
}

export const REVIEW_SHEET = "Review";
/** The Review sheet's columns an officer fills in to correct a fact (`minutes corrections` reads them back). */
export const REVIEW_INPUT_HEADERS = ["Correct status", "Correct %", "Correct date", "Correct title", "Note"] as const;
export const REVIEW_HEADERS = ["Priority", "Weighs on", "Why uncertain", "Message", "Meeting", "Record", "Commitment", "Corrected", ...REVIEW_INPUT_HEADERS, ...SOURCE_HEADERS];
const CONSEQUENCE_TEXT: Record<string, string> = { regression: "a regression", stall: "a stall", latest: "the latest state", history: "the history", none: "nothing tracked" };
const REVIEW_INPUT_FILL = "FFFFF2CC";

/** Every uncertain fact, most consequential first, with the cells to type its correction into. */
function reviewSheet(review: Review): SheetSpec {
  const firstInput = 9;
  return {
    name: REVIEW_SHEET,
    headers: REVIEW_HEADERS,
    headerNotes: new Map([[firstInput, "Type the right value here; `minutes corrections --from-review tracker.xlsx --out DIR` turns each filled row into a corrections.yaml entry."]]),
    frozenColumns: 3,
    percentColumns: new Set([firstInput + 1]),
    *rows(styled) {
      for (const [i, item] of review.items.entries()) {
        const values: CellValue[] = [
          i + 1,
          CONSEQUENCE_TEXT[item.consequence] ?? item.consequence,
          item.reason,
          text(item.message),
          item.meeting,
          text(item.record),
          text(item.correctBy.commitment ?? null),
          item.corrected ? "corrected" : null,
          ...REVIEW_INPUT_HEADERS.map(() => null),
          ...sourceCells(item.source),
        ];
        if (!styled) {
          yield { values };
          continue;
        }
        const styles = new Map<number, CellStyle>(REVIEW_INPUT_HEADERS.map((_, c) => [firstInput + c, { fill: REVIEW_INPUT_FILL }]));
        if (item.consequence === "regression") styles.set(2, { fill: REGRESSION_FILL });
        if (item.consequence === "stall") styles.set(2, { fill: STALL_FILL });
        yield { values, styles };
      }
    },
  };
}

/** What the colours and words of the other sheets mean, for a reader who opens the file cold. */
function keySheet(): SheetSpec {
  const statusMeaning: Record<HistoryStatus, string> = {
    completed: "Reported fully completed.",
    partially_completed: "Reported partially completed (the percent, when given, says how far).",
    in_progress: "Reported under way.",
    not_completed: "Reported not completed.",
    not_started: "Reported not started.",
    unknown: "Reported, in words the extractor does not know as a status: the cell's note quotes them.",
    notReported: "This meeting's minutes do not mention the commitment. A gap is never read as a drop or a regression.",
  };
  const flags: [value: string, meaning: string, fill: string | null][] = [
    [CHANGE_TEXT.improved, "Change: a higher status, or a higher percent at the same status, than the last meeting that reported it.", null],
    [CHANGE_TEXT.unchanged, "Change: the same status and percent as the last meeting that reported it.", null],
    [CHANGE_TEXT.regressed, "Change: a lower status, or a lower percent at the same status (a percent no longer given is not a regression). The commitment's cells are highlighted.", REGRESSION_FILL],
    [STALLED_TEXT, "Not completed, and unchanged between its latest report and the one before. The commitment's cells are highlighted.", STALL_FILL],
    ["Notes", "A status cell's note gives the file, page, table and row it was read from, and the status as the minutes wrote it.", null],
  ];
  return {
    name: "Key",
    headers: ["Value", "Meaning"],
    percentColumns: new Set(),
    *rows(styled) {
      for (const status of Object.keys(STATUS_TEXT) as HistoryStatus[]) {
        yield { values: [STATUS_TEXT[status], statusMeaning[status]], ...(styled ? { styles: new Map([[1, { fill: STATUS_FILL[status] }]]) } : {}) };
      }
      for (const [value, meaning, fill] of flags) {
        yield { values: [value, meaning], ...(styled && fill ? { styles: new Map([[1, { fill }]]) } : {}) };
      }
    },
  };
}

/** The latest meeting date, as the workbook's creation date: stable across runs on the same minutes. */
function workbookDate(tracker: Tracker): Date {
  const dates = tracker.meetings.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const latest = dates.at(-1);
  if (latest === undefined) return new Date(Date.UTC(2000, 0, 1));
  const [year, month, day] = latest.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}

/** Streams tracker.xlsx to `output` (a file stream, say), sheet by sheet and row by row; resolves once `output` has it all. */
export async function writeTrackerXlsx(input: TrackerWorkbookInput, output: Writable, limits: SheetLimits = EXCEL_LIMITS): Promise<void> {
  const { tracker } = input;
  const created = workbookDate(tracker);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    // Styles carry the fills, fonts and number formats. Strings are written in
    // their cells rather than shared: a shared-string table is held in memory.
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "minutes-tracker";
  workbook.lastModifiedBy = "minutes-tracker";
  workbook.created = created;
  workbook.modified = created;
  const done = finished(output);

  const arabic = tracker.meetings.filter((m) => m.language === "ar").length;
  const rightToLeft = arabic * 2 > tracker.meetings.length;
  const tracked = trackedRecords(tracker, input.records);
  const writer = new WorkbookStream(workbook, rightToLeft, limits);
  await writer.writeSheet(trackerSheet(tracker, limits));
  if (input.review) await writer.writeSheet(reviewSheet(input.review));
  await writer.writeSheet(historySheet(tracker));
  await writer.writeSheet(meetingsSheet(tracker, tracked));
  await writer.writeSheet(activitiesSheet(tracker, tracked));
  await writer.writeSheet(decisionsSheet(tracked));
  await writer.writeSheet(eventsSheet(tracked));
  await writer.writeSheet(warningsSheet(input, tracked, limits));
  await writer.writeSheet(keySheet());
  await workbook.commit();
  await done;
}

/** tracker.xlsx as bytes: streamed like `writeTrackerXlsx`, only the compressed file is held. */
export async function trackerToXlsx(input: TrackerWorkbookInput, limits: SheetLimits = EXCEL_LIMITS): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeTrackerXlsx(input, output, limits);
  return Buffer.concat(chunks);
}
