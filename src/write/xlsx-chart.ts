/**
 * The Summary sheet's charts: per plan, a stacked column chart of how many
 * commitments stood at each status at each meeting, drawn by the spreadsheet
 * itself: a chart part per plan and one drawing holding them below the
 * Summary's table, which the workbook writer (`sheetml.ts`) writes with the
 * sheet, its relationships and their content types.
 *
 * Each series reads the Summary's cells (its name from the status column's
 * header, its values from that column, its categories from the meeting
 * column), so the chart follows an officer who edits a number; each also
 * carries the cells' values as its cache, so a viewer that does not
 * recalculate (a preview, a phone) draws it all the same.
 *
 * Building the parts is pure (`summaryCharts`, `chartXml`, `drawingXml`,
 * `summaryDrawing`).
 * Excel refuses a part whose elements are out of the schema's order, where
 * LibreOffice forgives: each element below is written in the order its schema
 * (ECMA-376 part 1) lists it.
 */
import type { HistoryStatus } from "../model/tracker.js";
import { columnLetter, spreadsheetText } from "./cells.js";
import { STATUS_MARK } from "./colours.js";
import { MAX_MEETINGS_SHOWN } from "./html.js";
import { fill, type TrackerReport } from "./report.js";
import { cellText, SUMMARY_STATUSES, summaryView, type SummaryRow, type TableView, type ViewValue } from "./views.js";
import { type SheetDrawing, XML_HEAD, xmlText } from "./sheetml.js";

/** A range of cells, as a chart's formula names it, and the values it held when written. */
export interface CellRange<Value> {
  ref: string;
  cache: Value[];
}

export interface ChartSeries {
  status: HistoryStatus;
  /** The status column's header cell. */
  name: CellRange<string>;
  values: CellRange<number>;
  /** ARGB, as colours.ts has it. */
  colour: string;
}

/** Where a chart sits on its sheet: 0-based rows and columns, as DrawingML counts them. */
export interface ChartAnchor {
  fromRow: number;
  toRow: number;
  fromColumn: number;
  toColumn: number;
}

export interface StatusChart {
  title: string;
  /** Under the title: which of the plan's meetings the chart leaves out, if any. */
  subtitle: string | null;
  /** The meetings, in the Summary's order. */
  categories: CellRange<string>;
  series: ChartSeries[];
  /** Meetings read from the right, the value axis on the right, as in a right-to-left sheet. */
  rightToLeft: boolean;
  anchor: ChartAnchor;
}

/** Rows each chart takes (about 11 cm at the default row height), and rows left blank above it. */
const CHART_ROWS = 22;
const GAP_ROWS = 1;

/** A sheet name in a formula: always quoted, a quote doubled. */
function sheetReference(sheet: string): string {
  return `'${sheet.replaceAll("'", "''")}'`;
}

function cellReference(sheet: string, column: number, row: number): string {
  return `${sheetReference(sheet)}!$${columnLetter(column)}$${row}`;
}

function columnRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  return `${cellReference(sheet, column, firstRow)}:$${columnLetter(column)}$${lastRow}`;
}

/**
 * One chart per plan whose rows the Summary's first sheet holds (`rowsPerSheet`, the header
 * included: rows past it continue on another sheet, which no chart reaches), stacked below
 * the table in the plans' order, as wide as the table so the sheet still prints one page wide.
 * A chart shows a plan's latest meetings, as many as report.html's (more columns than that
 * are too thin to read on a page), and says so under its title.
 */
export function summaryCharts(report: TrackerReport, view: TableView<SummaryRow> = summaryView(report), rowsPerSheet = Number.POSITIVE_INFINITY): StatusChart[] {
  const { words } = report;
  const meetingIndex = view.columns.findIndex((column) => column.id === "meeting");
  const statusColumns = SUMMARY_STATUSES.map((status) => ({ status, index: view.columns.findIndex((column) => column.id === status) }));
  /** Each plan's first row, how many rows it has, and the values of the latest `MAX_MEETINGS_SHOWN`. */
  const plans: { plan: string; firstRow: number; count: number; rows: ViewValue[][] }[] = [];
  let sheetRow = 1;
  for (const { values, subject } of view.rows()) {
    if (sheetRow === rowsPerSheet) {
      // The rows from here continue on another sheet: a plan they continue would be charted in part, so it is not.
      if (plans.at(-1)?.plan === subject.plan) plans.pop();
      break;
    }
    sheetRow++;
    let current = plans.at(-1);
    if (current?.plan !== subject.plan) plans.push((current = { plan: subject.plan, firstRow: sheetRow, count: 0, rows: [] }));
    current.count++;
    current.rows.push(values);
    if (current.rows.length > MAX_MEETINGS_SHOWN) current.rows.shift();
  }
  return plans.map(({ plan, firstRow: planRow, count, rows }, i) => {
    const lastRow = planRow + count - 1;
    const firstRow = lastRow - rows.length + 1;
    const fromRow = sheetRow + GAP_ROWS + i * (CHART_ROWS + GAP_ROWS);
    return {
      title: spreadsheetText(`${words.labels.statusChart} (${report.plans.get(plan) ?? plan})`),
      subtitle: count > rows.length ? fill(words.labels.chartMeetingsShown, { shown: rows.length, total: count }) : null,
      // The cache holds what the cells hold: the row's values, its meeting as the sheet writes text.
      categories: {
        ref: columnRange(view.name, meetingIndex + 1, firstRow, lastRow),
        cache: rows.map((values) => spreadsheetText(cellText(view.columns[meetingIndex], values[meetingIndex], words))),
      },
      series: statusColumns.map(({ status, index }) => ({
        status,
        name: { ref: cellReference(view.name, index + 1, 1), cache: [view.columns[index].header] },
        values: { ref: columnRange(view.name, index + 1, firstRow, lastRow), cache: rows.map((values) => Number(values[index])) },
        colour: STATUS_MARK[status],
      })),
      rightToLeft: report.rightToLeft,
      anchor: { fromRow, toRow: fromRow + CHART_ROWS, fromColumn: 0, toColumn: view.columns.length },
    };
  });
}

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;

function stringCache(range: CellRange<string>): string {
  const points = range.cache.map((value, i) => `<c:pt idx="${i}"><c:v>${xmlText(value)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${xmlText(range.ref)}</c:f><c:strCache><c:ptCount val="${range.cache.length}"/>${points}</c:strCache></c:strRef>`;
}

function numberCache(range: CellRange<number>): string {
  const points = range.cache.map((value, i) => `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`).join("");
  return `<c:numRef><c:f>${xmlText(range.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${range.cache.length}"/>${points}</c:numCache></c:numRef>`;
}

/** CT_BarSer: idx, order, tx, spPr, invertIfNegative, cat, val. */
function seriesXml(series: ChartSeries, index: number, categories: CellRange<string>): string {
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx>${stringCache(series.name)}</c:tx>`,
    `<c:spPr><a:solidFill><a:srgbClr val="${series.colour.slice(2)}"/></a:solidFill></c:spPr>`,
    '<c:invertIfNegative val="0"/>',
    `<c:cat>${stringCache(categories)}</c:cat>`,
    `<c:val>${numberCache(series.values)}</c:val>`,
    "</c:ser>",
  ].join("");
}

/** A value axis step that keeps its labels whole numbers, about ten of them: counts of commitments have no halves. */
function majorUnit(chart: StatusChart): number {
  const totals = chart.categories.cache.map((_, i) => chart.series.reduce((sum, series) => sum + (series.values.cache[i] ?? 0), 0));
  return Math.max(1, Math.ceil(Math.max(0, ...totals) / 10));
}

const CATEGORY_AXIS = 1;
const VALUE_AXIS = 2;

/**
 * The chart part. CT_ChartSpace: date1904, roundedCorners, chart. CT_Chart: title,
 * autoTitleDeleted, plotArea, legend, plotVisOnly, dispBlanksAs. CT_BarChart: barDir,
 * grouping, varyColors, ser*, dLbls, gapWidth, overlap, axId×2. Each count is labelled in
 * its segment, a zero not at all (the format's empty zero section).
 */
export function chartXml(chart: StatusChart): string {
  const line = (text: string, size: number, bold: boolean) =>
    `<a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlText(text)}</a:t></a:r></a:p>`;
  const title =
    "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>" +
    line(chart.title, 1200, true) +
    (chart.subtitle === null ? "" : line(chart.subtitle, 900, false)) +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>';
  const labels =
    '<c:dLbls><c:numFmt formatCode="0;;;" sourceLinked="0"/><c:dLblPos val="ctr"/>' +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  const bars = [
    '<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>',
    ...chart.series.map((series, i) => seriesXml(series, i, chart.categories)),
    labels,
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>`,
  ].join("");
  // CT_CatAx: axId, scaling, delete, axPos, numFmt, majorTickMark, minorTickMark, tickLblPos, crossAx, crosses, auto, lblAlgn, lblOffset, noMultiLvlLbl.
  // In a right-to-left chart the first meeting is on the right, and the value axis, which crosses at it, too.
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${chart.rightToLeft ? "maxMin" : "minMax"}"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  // CT_ValAx: axId, scaling, delete, axPos, majorGridlines, numFmt, majorTickMark, minorTickMark, tickLblPos, crossAx, crosses, crossBetween, majorUnit.
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${chart.rightToLeft ? "r" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/><c:majorUnit val="${majorUnit(chart)}"/></c:valAx>`;
  return [
    XML_HEAD,
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.relationships}">`,
    '<c:date1904 val="0"/><c:roundedCorners val="0"/>',
    `<c:chart>${title}<c:autoTitleDeleted val="0"/>`,
    `<c:plotArea><c:layout/>${bars}${categoryAxis}${valueAxis}</c:plotArea>`,
    // CT_Legend: legendPos, overlay. At the end of the reading direction.
    `<c:legend><c:legendPos val="${chart.rightToLeft ? "l" : "r"}"/><c:overlay val="0"/></c:legend>`,
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>',
    "</c:chartSpace>",
  ].join("");
}

function cellAnchor(tag: "from" | "to", column: number, row: number): string {
  return `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/**
 * The drawing part: each chart in a frame anchored to cells (it moves with them, keeping its
 * size), joined to its chart part by `relationIds` (the drawing's relationships, in the charts' order).
 * CT_TwoCellAnchor: from, to, graphicFrame, clientData.
 */
export function drawingXml(charts: readonly StatusChart[], relationIds: readonly string[]): string {
  const anchors = charts.map(({ anchor, title }, i) =>
    [
      '<xdr:twoCellAnchor editAs="oneCell">',
      cellAnchor("from", anchor.fromColumn, anchor.fromRow),
      cellAnchor("to", anchor.toColumn, anchor.toRow),
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${xmlText(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relationIds[i]}"/></a:graphicData></a:graphic>`,
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
    ].join(""),
  );
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.relationships}">${anchors.join("")}</xdr:wsDr>`;
}

/** The Summary's charts as the drawing of its first sheet (`rowsPerSheet`: the sheet's row limit, its header included); none when there is nothing to chart. */
export function summaryDrawing(report: TrackerReport, view: TableView<SummaryRow>, rowsPerSheet: number): SheetDrawing | undefined {
  const charts = summaryCharts(report, view, rowsPerSheet);
  if (charts.length === 0) return undefined;
  return { charts: charts.map(chartXml), placement: (relationIds) => drawingXml(charts, relationIds) };
}
