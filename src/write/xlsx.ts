/**
 * tracker.xlsx, for the people who report upward: a Summary sheet of status
 * counts per meeting, one row per commitment with its status and percent at
 * every meeting, then long sheets for pivot tables and the meetings' details,
 * each value with the file, page, table and row it was read from. Which rows
 * and columns each sheet shows is `views.ts`'s (shared with the CSV files and
 * report.html); this file says how they look and print.
 *
 * Sheets, headers and status words are in the minutes' language. Every sheet
 * prints on A4 landscape, one page wide, the header row repeated on each page,
 * the committee, plan and dates in the page header. Dates are date cells and
 * percents numbers. Document text is only ever written as a string cell
 * (`sheetml.ts`), so a title beginning with "=" stays text and never becomes a
 * formula (`cells.ts`). The workbook's dates come from the meetings, never the
 * clock, so the same inputs give the same bytes. Under the Summary's table, a
 * chart per plan (`xlsx-chart.ts`).
 *
 * The workbook is streamed: each sheet's rows are measured in one pass (column
 * widths must precede the rows in the file), then generated again and written
 * row by row into the zip (`sheetml.ts`), so memory grows only with the distinct
 * texts (the shared-string table) and the notes. Excel caps a sheet at
 * 16,384 columns and 1,048,576 rows: the wide Tracker sheet keeps the most
 * recent meetings that fit and says so (History (long) keeps every meeting),
 * and a sheet with more rows continues on "Name 2", "Name 3", ...
 */
import { PassThrough, type Writable } from "node:stream";
import type { ReportWords } from "../extract/lexicon/types.js";
import type { Corrected, HistoryEntry, HistoryStatus, ReviewItem, TrackedCommitment } from "../model/tracker.js";
import { columnLetter, spreadsheetText } from "./cells.js";
import { REGRESSION_FILL, STALL_FILL, STATUS_FILL } from "./colours.js";
import { fill, type TrackerReport } from "./report.js";
import { SpreadsheetWriter, type SheetDrawing, type Cell, type CellValue, type FontStyle, type SheetWriter } from "./sheetml.js";
import {
  activitiesView,
  cellText,
  decisionsView,
  describeSource,
  eventsView,
  historyView,
  KEY_COLUMNS,
  keyView,
  meetingsView,
  REVIEW_INPUT_HEADERS,
  reviewView,
  summaryView,
  trackerView,
  warningsView,
  type HistoryRow,
  type KeyEntry,
  type SummaryRow,
  type TableView,
  type TrackerView,
  type ViewValue,
  type WriterNote,
} from "./views.js";
import { summaryDrawing } from "./xlsx-chart.js";

/** Excel's sheet size. Smaller limits only serve to test how the workbook handles them. */
export interface SheetLimits {
  /** Columns per sheet. */
  columns: number;
  /** Rows per sheet, the header row included. */
  rows: number;
}

export { REGRESSION_FILL, STALL_FILL, STATUS_FILL };

export const EXCEL_LIMITS: SheetLimits = { columns: 16_384, rows: 1_048_576 };

interface CellStyle {
  fill?: string;
  font?: FontStyle;
  note?: string;
}

/** A view rendered for a sheet: its styles (fills, fonts, notes by 1-based column) built from each row's subject. */
interface SheetSpec<Subject> {
  view: TableView<Subject>;
  /** Notes on header cells, by 1-based column. */
  headerNotes?: Map<number, string>;
  /** Fills of header cells that flag their column, by 1-based column. */
  headerFills?: Map<number, string>;
  /** 1-based columns drawn as data bars from 0 to 100. */
  dataBarColumns?: readonly number[];
  styles?: (subject: Subject) => Map<number, CellStyle> | undefined;
  /** Charts drawn on the sheet's first part (the Summary's). */
  drawing?: SheetDrawing;
}

const HEADER_FILL = "FFDDEBF7";
const HEADER_FONT: FontStyle = { bold: true };
const REGRESSION_FONT: FontStyle = { bold: true, color: "FF9C0006" };
/** A meeting whose date may be wrong: its column header is flagged, with why. */
export const UNCERTAIN_DATE_FILL = "FFFFEB9C";
/** A value an officer corrected. */
const CORRECTED_FONT: FontStyle = { italic: true, color: "FF7030A0" };
/** The Review sheet's cells to type a correction into. */
const REVIEW_INPUT_FILL = "FFFFF2CC";
const DATA_BAR_COLOR = "FF5B9BD5";
const PERCENT_FORMAT = '0"%"';
const DATE_FORMAT = "yyyy-mm-dd";
const MONTH_FORMAT = "yyyy-mm";

/** Column widths fit their content up to this many characters; longer text wraps. */
const MAX_COLUMN_WIDTH = 60;
const MIN_COLUMN_WIDTH = 6;
/** Height of one line of 11-point text, in points: wrapped cells get as many as they need. */
const LINE_HEIGHT = 15;
/** Excel's limit for a page header or footer. */
const MAX_HEADER_FOOTER = 255;

/** A `YYYY-MM-DD` or `YYYY-MM` date as a date cell (midnight UTC, which Excel shows as that day), and its format. */
function dateCell(value: string): { date: Date; format: string } {
  const [year, month, day] = value.split("-").map(Number);
  return { date: new Date(Date.UTC(year, month - 1, day ?? 1)), format: day === undefined ? MONTH_FORMAT : DATE_FORMAT };
}

/** What a cell of `view`'s column shows, as the measure of its width. */
function shownText<S>(view: TableView<S>, index: number, value: ViewValue, words: ReportWords): string {
  const column = view.columns[index];
  const shown = cellText(column, value, words);
  return column.kind === "percent" && shown !== "" ? `${shown}%` : shown;
}

/** The length of a text's longest line (most texts have one: no need to split them). */
function longestLine(text: string): number {
  if (!text.includes("\n")) return text.length;
  return Math.max(...text.split("\n").map((line) => line.length));
}

interface Layout {
  widths: number[];
  wrapped: Set<number>;
  dataRows: number;
}

/** Widths that fit the longest line of each column, and which columns are too wide and wrap instead. */
function measureColumns<S>(view: TableView<S>, words: ReportWords): Layout {
  const longest = view.columns.map((column) => longestLine(column.header));
  let dataRows = 0;
  for (const row of view.rows()) {
    dataRows++;
    const { values } = row;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === null) continue;
      const length = longestLine(shownText(view, i, values[i], words));
      if (length > (longest[i] ?? 0)) longest[i] = length;
    }
  }
  const widths = longest.map((length) => Math.min(Math.max(length + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH));
  const wrapped = new Set<number>();
  longest.forEach((length, i) => {
    if (length + 2 > MAX_COLUMN_WIDTH) wrapped.add(i + 1);
  });
  return { widths, wrapped, dataRows };
}

/** Lines a cell's text needs in its column (0-based `index`) to show whole: a spreadsheet does not grow a streamed row on its own. */
function cellLines(shown: string, index: number, layout: Layout): number {
  const breaks = shown.includes("\n");
  if (!breaks && !layout.wrapped.has(index + 1)) return 1;
  // A character is about one unit of width; a little is lost to the cell's margins.
  const perLine = Math.max(1, layout.widths[index] - 2);
  return breaks ? shown.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0) : Math.max(1, Math.ceil(shown.length / perLine));
}

/** Lines a row of texts needs: its tallest cell's. */
function rowLines(texts: readonly string[], layout: Layout): number {
  let lines = 1;
  for (let i = 0; i < texts.length; i++) lines = Math.max(lines, cellLines(texts[i], i, layout));
  return lines;
}

/** Text for a page header or footer: `&` is its escape character. */
function headerText(value: string, room: number): string {
  const cut = value.length > room ? `${value.slice(0, room - 1)}…` : value;
  return cut.replaceAll("&", "&&");
}

/** Every sheet's page header: the committee (the latest title in the report's language), the plans, the meetings' dates. */
function pageHeader(report: TrackerReport): string {
  const { tracker } = report;
  const titled = tracker.meetings.filter((m) => m.title !== null);
  const committee = (titled.findLast((m) => m.language === report.language) ?? titled.at(-1))?.title ?? "";
  const plans = [...report.plans.values()].join(" · ");
  const dates = tracker.meetings.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const range = dates.length === 0 ? "" : dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} – ${dates.at(-1)}`;
  // Each section's codes take 2 characters; what is left is shared, the committee's title taking what the others leave.
  const rangeText = headerText(range, 40);
  const planText = headerText(plans, 80);
  const committeeText = headerText(committee, MAX_HEADER_FOOTER - 6 - rangeText.length - planText.length);
  return `&L${committeeText}&C${planText}&R${rangeText}`;
}

class WorkbookStream {
  private readonly header: string;
  private readonly footer: string;
  private readonly styles = new Map<string, number>();

  constructor(
    readonly workbook: SpreadsheetWriter,
    readonly report: TrackerReport,
    readonly limits: SheetLimits,
  ) {
    this.header = pageHeader(report);
    // The sheet's name, and the page of pages.
    this.footer = "&L&A&R&P / &N";
  }

  /** The workbook's style id of a look; called for every cell, so keyed cheaply (fonts are rare: headers and regressions). */
  private style(fill: string | undefined, font: FontStyle | undefined, numberFormat: string | undefined, wrap: boolean): number {
    const key = `${fill ?? ""}|${font === undefined ? "" : JSON.stringify(font)}|${numberFormat ?? ""}|${wrap ? "wrap" : ""}`;
    let id = this.styles.get(key);
    if (id === undefined) {
      id = this.workbook.style({ ...(fill ? { fill } : {}), ...(font ? { font } : {}), ...(numberFormat ? { numberFormat } : {}), wrap });
      this.styles.set(key, id);
    }
    return id;
  }

  /** Style ids of cells with no look of their own, by wrapping and number format: most cells, so found without building a key. */
  private readonly plain = [new Map<string | undefined, number>(), new Map<string | undefined, number>()];

  private plainStyle(format: string | undefined, wrap: boolean): number {
    const byFormat = this.plain[wrap ? 1 : 0];
    let id = byFormat.get(format);
    if (id === undefined) byFormat.set(format, (id = this.style(undefined, undefined, format, wrap)));
    return id;
  }

  /**
   * Writes one sheet, continued on "Name 2", "Name 3", ... past the row limit:
   * each part with the header row frozen and printed on every page, an
   * autofilter, fitted widths, heights that show wrapped text.
   */
  async writeSheet<S>(spec: SheetSpec<S>): Promise<void> {
    const { view } = spec;
    const { words } = this.report;
    const layout = measureColumns(view, words);
    const rowsPerPart = this.limits.rows - 1;
    const parts = Math.max(1, Math.ceil(layout.dataRows / rowsPerPart));
    const rows = view.rows()[Symbol.iterator]();
    for (let part = 1; part <= parts; part++) {
      const partRows = Math.min(rowsPerPart, layout.dataRows - (part - 1) * rowsPerPart);
      const setup = {
        name: part === 1 ? view.name : `${view.name} ${part}`,
        frozenColumns: view.frozenColumns ?? 0,
        frozenRows: 1,
        rightToLeft: this.report.rightToLeft,
        widths: layout.widths,
        pageHeader: this.header,
        pageFooter: this.footer,
        ...(part === 1 && spec.drawing ? { drawing: spec.drawing } : {}),
      };
      await this.workbook.sheet(setup, async (sheet) => {
        const header: Cell[] = view.columns.map((column, i) => {
          const note = spec.headerNotes?.get(i + 1);
          return { value: column.header, style: this.style(spec.headerFills?.get(i + 1) ?? HEADER_FILL, HEADER_FONT, undefined, true), ...(note ? { note } : {}) };
        });
        await sheet.row(header, LINE_HEIGHT * rowLines(view.columns.map((c) => c.header), layout));
        for (let written = 0; written < partRows; written++) {
          const next = rows.next();
          if (next.done) break;
          // Most rows go into the zip entry's pending text: awaited only when it is flushed.
          const flushed = this.writeRow(sheet, spec, next.value.values, spec.styles?.(next.value.subject), layout);
          if (flushed) await flushed;
        }
        const lastRow = partRows + 1;
        if (view.columns.length > 0) sheet.filter(`A1:${columnLetter(view.columns.length)}${lastRow}`);
        if (lastRow >= 2) {
          for (const column of spec.dataBarColumns ?? []) {
            const letter = columnLetter(column);
            sheet.dataBar(`${letter}2:${letter}${lastRow}`, DATA_BAR_COLOR);
          }
        }
      });
    }
  }

  /** Date cells by their text: a meeting's date recurs on every row about it. */
  private readonly dates = new Map<string, { date: Date; format: string }>();

  private writeRow<S>(sheet: SheetWriter, spec: SheetSpec<S>, values: readonly ViewValue[], styles: Map<number, CellStyle> | undefined, layout: Layout): Promise<void> | void {
    const { view } = spec;
    const { words } = this.report;
    let lines = 1;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const column = i + 1;
      const kind = view.columns[i].kind;
      const style = styles?.get(column);
      let cellValue: CellValue = null;
      let format: string | undefined = kind === "percent" ? PERCENT_FORMAT : undefined;
      // Only text is measured for its lines: numbers and dates never wrap.
      let shown = "";
      if (value !== null && value !== false) {
        if (kind === "date") {
          const text = String(value);
          let date = this.dates.get(text);
          if (date === undefined) this.dates.set(text, (date = dateCell(text)));
          cellValue = date.date;
          format = date.format;
        } else if (typeof value === "number") {
          cellValue = value;
        } else {
          shown = cellText(view.columns[i], value, words);
          cellValue = spreadsheetText(shown);
          lines = Math.max(lines, cellLines(shown, i, layout));
        }
      }
      if (cellValue === null && style === undefined && format === undefined) continue;
      const wrap = cellValue !== null && (layout.wrapped.has(column) || shown.includes("\n"));
      // Empty text is an empty cell, with the look its column gives it.
      sheet.cell(i, cellValue === "" ? null : cellValue, style === undefined ? this.plainStyle(format, wrap) : this.style(style.fill, style.font, format, wrap), style?.note);
    }
    return sheet.endRow(lines > 1 ? LINE_HEIGHT * lines : undefined);
  }
}

function statusNote(entry: HistoryEntry, regressedFrom: HistoryEntry | undefined, words: ReportWords, label: (meeting: string) => string): string | null {
  if (entry.source === null) return null;
  const lines = [`${words.labels.source}: ${describeSource(entry.source, words)}`];
  if (entry.statusLabel) lines.push(`${words.columns.statusAsWritten}: ${entry.statusLabel}`);
  if (entry.link === "similarity") lines.push(`${words.columns.similarity}: ${entry.similarity?.toFixed(2) ?? ""}`);
  if (regressedFrom) {
    const state = (report: HistoryEntry): string => `${words.statuses[report.status]} ${report.progress ?? "-"}%`;
    lines.push(`${words.changes.regressed} (${label(regressedFrom.meeting)}): ${fill(words.labels.regressedFromTo, { from: state(regressedFrom), to: state(entry) })}`);
  }
  return lines.join("\n");
}

function flagNote(commitment: TrackedCommitment, words: ReportWords, label: (meeting: string) => string): string | null {
  const lines: string[] = [];
  for (const { from, to } of commitment.regressions) lines.push(`${words.changes.regressed}: ${fill(words.labels.regressedFromTo, { from: label(from), to: label(to) })}`);
  if (commitment.stalled && commitment.latest) {
    lines.push(`${words.stalledFlag}: ${words.statuses[commitment.latest.status]}, ${label(commitment.latest.meeting)}`);
  }
  return lines.length > 0 ? lines.join("\n") : null;
}

function truncationNote(report: TrackerReport, firstShown: number): string {
  const { meetings } = report.tracker;
  return `This sheet shows the latest ${meetings.length - firstShown} of ${meetings.length} meetings (from ${report.meetingLabel(meetings[firstShown].id)}): Excel allows 16,384 columns. "${report.words.sheets.history}" lists every meeting.`;
}

/** What a correction replaced, field by field ("status was in_progress, progress was 40"). */
function extractedText(corrected: Corrected): string {
  return Object.entries(corrected.extracted).map(([field, value]) => `${field} was ${value ?? "none"}`).join(", ");
}

function correctedNote(entry: HistoryEntry): string | null {
  if (!entry.corrected) return null;
  const was = extractedText(entry.corrected);
  return [`Corrected${entry.corrected.added ? " (added: extraction missed it)" : ""}${was ? `: ${was}` : ""}`, entry.corrected.note ?? ""].filter(Boolean).join("\n");
}

function trackerSheet(report: TrackerReport, limits: SheetLimits): SheetSpec<TrackedCommitment> & { view: TrackerView } {
  const { words, meetingLabel } = report;
  const view = trackerView(report, limits.columns);
  const { firstShown, firstMeetingColumn, latestColumn } = view;
  const shown = report.tracker.meetings.slice(firstShown);
  const column = new Map(shown.map((meeting, i) => [meeting.id, firstMeetingColumn + 2 * i]));
  const percentColumns = view.columns.flatMap((column, i) => (column.kind === "percent" ? [i + 1] : []));
  const headerNotes = new Map<number, string>();
  const headerFills = new Map<number, string>();
  if (firstShown > 0) headerNotes.set(firstMeetingColumn, truncationNote(report, firstShown));
  shown.forEach((meeting, i) => {
    const at = firstMeetingColumn + 2 * i;
    // Only where there is something to say: a note per column costs at thousands of meetings.
    if (!meeting.dateUncertain && !meeting.corrected) return;
    const lines = [headerNotes.get(at), `Meeting ${meeting.id} (${meeting.record ?? meeting.file})`];
    if (meeting.dateUncertain) lines.push(`Date uncertain: ${meeting.dateUncertain}`);
    if (meeting.corrected) lines.push(`Date corrected: ${extractedText(meeting.corrected)}${meeting.corrected.note ? ` (${meeting.corrected.note})` : ""}`);
    headerNotes.set(at, lines.filter(Boolean).join("\n"));
    if (meeting.dateUncertain && !meeting.corrected) headerFills.set(at, UNCERTAIN_DATE_FILL);
  });

  /** Fills by status, the regression and stall flags, and the notes giving each value's source. */
  function styles(commitment: TrackedCommitment): Map<number, CellStyle> {
    const styles = new Map<number, CellStyle>();
    const regressedAt = new Set(commitment.regressions.map((r) => r.to));
    let previousReport: HistoryEntry | undefined;
    for (const entry of commitment.history) {
      const at = column.get(entry.meeting);
      if (at !== undefined) {
        const regressed = regressedAt.has(entry.meeting);
        const note = [statusNote(entry, regressed ? previousReport : undefined, words, meetingLabel), correctedNote(entry)].filter(Boolean).join("\n") || null;
        styles.set(at, {
          fill: STATUS_FILL[entry.status],
          ...(regressed ? { font: REGRESSION_FONT } : entry.corrected ? { font: CORRECTED_FONT } : {}),
          ...(note ? { note } : {}),
        });
      }
      if (entry.status !== "notReported") previousReport = entry;
    }
    if (commitment.latest) styles.set(latestColumn + 1, { fill: STATUS_FILL[commitment.latest.status] });

    const flag = commitment.regressed ? REGRESSION_FILL : commitment.stalled ? STALL_FILL : null;
    if (flag) {
      for (let c = 1; c < KEY_COLUMNS; c++) styles.set(c, { fill: flag });
      const note = flagNote(commitment, words, meetingLabel);
      styles.set(KEY_COLUMNS, { fill: flag, ...(note ? { note } : {}) });
    }
    if (commitment.stalled) styles.set(latestColumn + 4, { fill: STALL_FILL });
    if (commitment.regressed) styles.set(latestColumn + 5, { fill: REGRESSION_FILL });
    return styles;
  }

  return { view, headerNotes, headerFills, dataBarColumns: percentColumns, styles };
}

function historySheet(report: TrackerReport): SheetSpec<HistoryRow> {
  const view = historyView(report);
  const statusColumn = view.columns.findIndex((c) => c.id === "status") + 1;
  // One look per status, shared by the rows: the sheet has a row per commitment and meeting.
  const looks = new Map(Object.entries(STATUS_FILL).map(([status, fill]) => [status, new Map([[statusColumn, { fill }]])]));
  return { view, styles: ({ entry }) => looks.get(entry.status) };
}

function summarySheet(report: TrackerReport, limits: SheetLimits): SheetSpec<SummaryRow> {
  const view = summaryView(report);
  const drawing = summaryDrawing(report, view, limits.rows);
  const headerFills = new Map<number, string>();
  view.columns.forEach((column, i) => {
    if (column.id in STATUS_FILL) headerFills.set(i + 1, STATUS_FILL[column.id as HistoryStatus]);
  });
  const regressedColumn = view.columns.findIndex((c) => c.id === "regressed") + 1;
  const stalledColumn = view.columns.findIndex((c) => c.id === "stalled") + 1;
  return {
    view,
    headerFills,
    ...(drawing ? { drawing } : {}),
    styles: ({ regressed, stalled }) => {
      const styles = new Map<number, CellStyle>();
      if (regressed > 0) styles.set(regressedColumn, { fill: REGRESSION_FILL });
      if (stalled > 0) styles.set(stalledColumn, { fill: STALL_FILL });
      return styles;
    },
  };
}

/** review.json as a sheet, with the cells to type each correction into (`minutes corrections` reads them back). */
function reviewSheet(report: TrackerReport): SheetSpec<ReviewItem> {
  const view = reviewView(report);
  const inputs = REVIEW_INPUT_HEADERS.map((header) => view.columns.findIndex((c) => c.header === header) + 1);
  const weighsOn = view.columns.findIndex((c) => c.id === "review:weighsOn") + 1;
  return {
    view,
    headerNotes: new Map([[inputs[0], "Type the right value here; `minutes corrections tracker.xlsx --out DIR` turns each filled row into a corrections.yaml entry."]]),
    styles: (item) => {
      const styles = new Map<number, CellStyle>(inputs.map((at) => [at, { fill: REVIEW_INPUT_FILL }]));
      if (item.consequence === "regression") styles.set(weighsOn, { fill: REGRESSION_FILL });
      if (item.consequence === "stall") styles.set(weighsOn, { fill: STALL_FILL });
      return styles;
    },
  };
}

function keySheet(report: TrackerReport): SheetSpec<KeyEntry> {
  const flagFills: Partial<Record<string, string>> = { regressed: REGRESSION_FILL, stalled: STALL_FILL };
  return {
    view: keyView(report),
    styles: (entry) => {
      const fill = "status" in entry ? STATUS_FILL[entry.status] : flagFills[entry.flag];
      return fill ? new Map([[1, { fill }]]) : undefined;
    },
  };
}

/** The latest meeting date, as the workbook's creation date: stable across runs on the same minutes. */
function workbookDate(report: TrackerReport): Date {
  const dates = report.tracker.meetings.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const latest = dates.at(-1);
  return latest === undefined ? new Date(Date.UTC(2000, 0, 1)) : dateCell(latest).date;
}

/** Streams tracker.xlsx to `output` (a file stream, say), sheet by sheet and row by row; resolves once `output` has it all. */
export async function writeTrackerXlsx(report: TrackerReport, output: Writable, limits: SheetLimits = EXCEL_LIMITS): Promise<void> {
  const workbook = new SpreadsheetWriter(output, { creator: "minutes-tracker", date: workbookDate(report) });
  const tracker = trackerSheet(report, limits);
  const notes: WriterNote[] =
    tracker.view.firstShown > 0 ? [{ from: "workbook", code: "tracker-sheet-truncated", message: truncationNote(report, tracker.view.firstShown) }] : [];
  const writer = new WorkbookStream(workbook, report, limits);
  await writer.writeSheet(summarySheet(report, limits));
  await writer.writeSheet(tracker);
  await writer.writeSheet(reviewSheet(report));
  await writer.writeSheet(historySheet(report));
  await writer.writeSheet({ view: meetingsView(report) });
  await writer.writeSheet({ view: activitiesView(report) });
  await writer.writeSheet({ view: decisionsView(report) });
  await writer.writeSheet({ view: eventsView(report) });
  await writer.writeSheet({ view: warningsView(report, notes) });
  await writer.writeSheet(keySheet(report));
  await workbook.finish();
}

/** tracker.xlsx as bytes: streamed like `writeTrackerXlsx`, only the compressed file is held. */
export async function trackerToXlsx(report: TrackerReport, limits: SheetLimits = EXCEL_LIMITS): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeTrackerXlsx(report, output, limits);
  return Buffer.concat(chunks);
}
