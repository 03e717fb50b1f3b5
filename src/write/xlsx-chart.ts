/**
 * The Summary sheet's charts: per plan, a stacked column chart of how many
 * commitments stood at each status at each meeting, drawn by the spreadsheet
 * itself. exceljs writes no charts, so they are DrawingML parts added to the
 * finished workbook's zip: a chart part per plan, one drawing holding them
 * below the Summary's table, the relationships that join them, their content
 * types, and the sheet's `<drawing>`.
 *
 * Each series reads the Summary's cells (its name from the status column's
 * header, its values from that column, its categories from the meeting
 * column), so the chart follows an officer who edits a number; each also
 * carries the cells' values as its cache, so a viewer that does not
 * recalculate (a preview, a phone) draws it all the same.
 *
 * Building the parts is pure (`summaryCharts`, `chartXml`, `drawingXml`);
 * `addCharts` takes any xlsx's bytes and returns them with the parts added,
 * whoever wrote the zip (`zip-patch.ts` copies its other entries as they are);
 * `withSummaryCharts` does the same on the workbook writer's way to its file.
 * Excel refuses a part whose elements are out of the schema's order, where
 * LibreOffice forgives: each element below is written in the order its schema
 * (ECMA-376 part 1) lists it.
 */
import { createReadStream, createWriteStream, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { HistoryStatus } from "../model/tracker.js";
import { columnLetter, spreadsheetText } from "./cells.js";
import { STATUS_MARK } from "./colours.js";
import { MAX_MEETINGS_SHOWN } from "./html.js";
import { fill, type TrackerReport } from "./report.js";
import { cellText, SUMMARY_STATUSES, summaryView, type SummaryRow, type TableView, type ViewValue } from "./views.js";
import { bufferSource, fileSource, patchZip, readDirectory, readEntry, type ZipDirectory, type ZipEntry, type ZipSource } from "./zip-patch.js";

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
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  spreadsheet: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  relationshipType: {
    chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
    drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  },
  contentType: {
    chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  },
} as const;

const CONTENT_TYPES = "[Content_Types].xml";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text for an XML element or a double-quoted attribute. */
function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);
}

function stringCache(range: CellRange<string>): string {
  const points = range.cache.map((value, i) => `<c:pt idx="${i}"><c:v>${xml(value)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${xml(range.ref)}</c:f><c:strCache><c:ptCount val="${range.cache.length}"/>${points}</c:strCache></c:strRef>`;
}

function numberCache(range: CellRange<number>): string {
  const points = range.cache.map((value, i) => `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`).join("");
  return `<c:numRef><c:f>${xml(range.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${range.cache.length}"/>${points}</c:numCache></c:numRef>`;
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
    `<a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xml(text)}</a:t></a:r></a:p>`;
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
    XML_DECLARATION,
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
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${xml(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relationIds[i]}"/></a:graphicData></a:graphic>`,
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
    ].join(""),
  );
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.relationships}">${anchors.join("")}</xdr:wsDr>`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships.map(({ id, type, target }) => `<Relationship Id="${xml(id)}" Type="${xml(type)}" Target="${xml(target)}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">${items.join("")}</Relationships>`;
}

/** Every element of `xml` named `local` in namespace `uri`. */
function elementsOf(xmlText: string, uri: string, local: string): SaxesTagNS[] {
  const found: SaxesTagNS[] = [];
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on("opentag", (tag) => {
    if (tag.uri === uri && tag.local === local) found.push(tag);
  });
  parser.write(xmlText).close();
  return found;
}

function attribute(tag: SaxesTagNS, local: string, uri = ""): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === local && a.uri === uri)?.value;
}

/** Where a package part's relationships are: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
function relationshipsPath(part: string): string {
  return posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

/** A zip opened for reading its parts by name. */
interface Package {
  source: ZipSource;
  directory: ZipDirectory;
  entries: Map<string, ZipEntry>;
}

async function openPackage(source: ZipSource): Promise<Package> {
  const directory = await readDirectory(source);
  return { source, directory, entries: new Map(directory.entries.map((entry) => [entry.name, entry])) };
}

async function text(zip: Package, path: string): Promise<string | undefined> {
  const entry = zip.entries.get(path);
  return entry && (await readEntry(zip.source, entry)).toString("utf8");
}

async function relationshipsOf(zip: Package, part: string): Promise<Relationship[]> {
  const rels = await text(zip, relationshipsPath(part));
  if (rels === undefined) return [];
  return elementsOf(rels, NS.packageRelationships, "Relationship").map((tag) => ({
    id: attribute(tag, "Id") ?? "",
    type: attribute(tag, "Type") ?? "",
    target: attribute(tag, "Target") ?? "",
  }));
}

/** A relationship's target as a path in the zip: relative to its part's folder, or from the package root. */
function resolveTarget(part: string, target: string): string {
  return target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(posix.dirname(part), target));
}

async function worksheetPath(zip: Package, sheetName: string): Promise<string> {
  const workbook = (await relationshipsOf(zip, "")).find((r) => r.type === NS.officeDocument);
  if (!workbook) throw new Error("not a workbook: the package names no office document");
  const workbookPath = resolveTarget("", workbook.target);
  const sheet = elementsOf((await text(zip, workbookPath)) ?? "", NS.spreadsheet, "sheet").find((tag) => attribute(tag, "name") === sheetName);
  const id = sheet && attribute(sheet, "id", NS.relationships);
  const target = (await relationshipsOf(zip, workbookPath)).find((r) => r.id === id)?.target;
  if (target === undefined) throw new Error(`the workbook has no sheet named ${sheetName}`);
  return resolveTarget(workbookPath, target);
}

/** The first number `pattern` (with one group for it) leaves free among the zip's paths. */
function freeNumber(zip: Package, pattern: RegExp): number {
  let highest = 0;
  for (const path of zip.entries.keys()) {
    const match = pattern.exec(path);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

function freeRelationshipId(relationships: readonly Relationship[]): string {
  const taken = new Set(relationships.map((r) => r.id));
  let n = relationships.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** CT_Worksheet's elements that come after `drawing`: it goes before the first of them present. */
const AFTER_DRAWING = new Set(["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

/**
 * A tag, a comment, a CDATA section or a processing instruction: in well-formed XML, text
 * holds no "<", and an attribute value no quote of its own kind, so this finds every tag.
 */
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/gu;

/** The document element's children, each by its local name and where its start tag begins; and where the document element's end tag begins. */
function childrenOfRoot(xmlText: string): { children: { local: string; at: number }[]; end: number } {
  const children: { local: string; at: number }[] = [];
  let depth = 0;
  for (const match of xmlText.matchAll(MARKUP)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined) continue;
    if (closing) {
      depth--;
      if (depth === 0) return { children, end: match.index };
      continue;
    }
    if (depth === 1) children.push({ local: name.slice(name.indexOf(":") + 1), at: match.index });
    if (!selfClosing) depth++;
  }
  throw new Error("the sheet's XML is not whole: its document element does not end");
}

/**
 * The sheet with its `<drawing r:id>` in its schema place: after pageSetup, headerFooter and
 * the breaks, before legacyDrawing (the notes' drawing), tableParts and the sheet's extLst
 * (an extLst inside a conditional format is not the sheet's).
 */
export function withDrawing(sheetXml: string, relationId: string): string {
  const { children, end } = childrenOfRoot(sheetXml);
  if (children.some((c) => c.local === "drawing")) throw new Error("the sheet already has a drawing");
  const at = children.find((c) => AFTER_DRAWING.has(c.local))?.at ?? end;
  const element = `<drawing xmlns:r="${NS.relationships}" r:id="${xml(relationId)}"/>`;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** `[Content_Types].xml` with an override for each new part. */
function withContentTypes(types: string, parts: readonly { path: string; contentType: string }[]): string {
  const end = types.lastIndexOf("</Types>");
  if (end < 0) throw new Error("[Content_Types].xml has no </Types>");
  const overrides = parts.map(({ path, contentType }) => `<Override PartName="/${xml(path)}" ContentType="${contentType}"/>`).join("");
  return types.slice(0, end) + overrides + types.slice(end);
}

/**
 * The parts that draw `charts` on the sheet `sheetName` of the package: new chart and drawing
 * parts numbered after any it has, their relationships, the sheet with its `<drawing>`, its
 * relationships and `[Content_Types].xml` with the new parts' overrides; by entry name.
 */
async function chartParts(zip: Package, sheetName: string, charts: readonly StatusChart[]): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  const sheetPath = await worksheetPath(zip, sheetName);
  const firstChart = freeNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/u);
  const drawingPath = `xl/drawings/drawing${freeNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/u)}.xml`;
  const chartPaths = charts.map((_, i) => `xl/charts/chart${firstChart + i}.xml`);
  charts.forEach((chart, i) => parts.set(chartPaths[i], chartXml(chart)));
  const chartRelations = chartPaths.map((path, i) => ({ id: `rId${i + 1}`, type: NS.relationshipType.chart, target: posix.relative(posix.dirname(drawingPath), path) }));
  parts.set(drawingPath, drawingXml(charts, chartRelations.map((r) => r.id)));
  parts.set(relationshipsPath(drawingPath), relationshipsXml(chartRelations));

  const sheetRelations = await relationshipsOf(zip, sheetPath);
  const drawingRelation = { id: freeRelationshipId(sheetRelations), type: NS.relationshipType.drawing, target: posix.relative(posix.dirname(sheetPath), drawingPath) };
  parts.set(relationshipsPath(sheetPath), relationshipsXml([...sheetRelations, drawingRelation]));
  parts.set(sheetPath, withDrawing((await text(zip, sheetPath)) ?? "", drawingRelation.id));

  const types = await text(zip, CONTENT_TYPES);
  if (types === undefined) throw new Error(`not a workbook: it has no ${CONTENT_TYPES}`);
  parts.set(
    CONTENT_TYPES,
    withContentTypes(types, [
      ...chartPaths.map((path) => ({ path, contentType: NS.contentType.chart })),
      { path: drawingPath, contentType: NS.contentType.drawing },
    ]),
  );
  return parts;
}

/** Writes the workbook in `source` to `output` with `charts` on its sheet `sheetName`, and ends `output`. */
async function writeCharted(source: ZipSource, sheetName: string, charts: readonly StatusChart[], output: Writable): Promise<void> {
  const zip = await openPackage(source);
  const parts = await chartParts(zip, sheetName, charts);
  // The new parts take the time stamp of the workbook's own, so the same workbook gets the same bytes.
  await patchZip(source, zip.directory, parts, output, zip.entries.get(CONTENT_TYPES));
}

/** `workbook` (an xlsx's bytes, whoever wrote them) with `charts` on its sheet `sheetName`. */
export async function addCharts(workbook: Uint8Array, sheetName: string, charts: readonly StatusChart[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeCharted(bufferSource(workbook), sheetName, charts, output);
  return Buffer.concat(chunks);
}

/**
 * A stream to write a workbook into, which writes it to `output` with the Summary's charts
 * added, and ends `output`. The workbook is spooled to a temporary file until it is whole
 * (a zip's directory is at its end), then copied to `output` with the chart parts, so it is
 * never held in memory. `rowsPerSheet`: the writer's sheet limit, past which the Summary
 * continues on another sheet.
 */
export function withSummaryCharts(output: Writable, report: TrackerReport, rowsPerSheet: number): Writable {
  const folder = mkdtempSync(join(tmpdir(), "minutes-tracker-xlsx-"));
  const path = join(folder, "tracker.xlsx");
  const spool = createWriteStream(path);
  const removeSpool = () => rm(folder, { recursive: true, force: true });
  // However the workbook's writing ends, the spool goes with `output`: a writer that fails leaves no file behind.
  output.once("close", () => void removeSpool());
  async function chart(): Promise<void> {
    spool.end();
    await finished(spool);
    const view = summaryView(report);
    const charts = summaryCharts(report, view, rowsPerSheet);
    if (charts.length === 0) return pipeline(createReadStream(path), output);
    const source = await fileSource(path);
    try {
      await writeCharted(source, view.name, charts, output);
    } finally {
      await source.close();
    }
  }
  const workbook = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (spool.write(chunk)) callback();
      else spool.once("drain", () => callback());
    },
    final(callback) {
      // A failure fails this stream, and so the workbook's writer; `output` is left to its owner.
      chart()
        .finally(removeSpool)
        .then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    },
    destroy(error, callback) {
      spool.destroy();
      removeSpool().then(() => callback(error), () => callback(error));
    },
  });
  // The spool's disk full or gone: the workbook cannot be written.
  spool.on("error", (error) => workbook.destroy(error));
  return workbook;
}
