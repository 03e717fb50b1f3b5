/**
 * The Summary's native charts in tracker.xlsx: parts that parse, joined by their
 * relationships and content types, series that reference the Summary's cells and
 * cache what those cells hold, elements in the order Excel's schema requires,
 * and a workbook exceljs still opens with its cells unchanged.
 */
import ExcelJS from "exceljs";
import { posix } from "node:path";
import { PassThrough } from "node:stream";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";
import { buildTracker } from "../src/track/index.js";
import { STATUS_MARK } from "../src/write/colours.js";
import { MAX_MEETINGS_SHOWN } from "../src/write/html.js";
import { fill, reportWords, trackerReport, type TrackerReport } from "../src/write/report.js";
import { SUMMARY_STATUSES, summaryView } from "../src/write/views.js";
import { ZipArchive } from "../src/ingest/docx-zip.js";
import { SpreadsheetWriter } from "../src/write/sheetml.js";
import { chartXml, drawingXml, summaryCharts } from "../src/write/xlsx-chart.js";
import { trackerToXlsx } from "../src/write/xlsx.js";
import { goldRecords, monthlyMeetings } from "./track-gold-records.js";

const AR = reportWords("ar");
const SUMMARY = AR.sheets.summary;

interface Element {
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** A part parsed strictly (a part that is not well-formed XML throws), as a tree of namespaced elements. */
function parse(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true });
  const root: Element = { uri: "", local: "", attributes: {}, children: [], text: "" };
  const open = [root];
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.uri ? `{${a.uri}}${a.local}` : a.local, a.value]));
    const element: Element = { uri: tag.uri, local: tag.local, attributes, children: [], text: "" };
    open.at(-1)?.children.push(element);
    open.push(element);
  });
  parser.on("closetag", () => open.pop());
  parser.on("text", (text) => {
    const current = open.at(-1);
    if (current && open.length > 1) current.text += text;
  });
  parser.write(xml).close();
  return root.children[0];
}

function all(element: Element, local: string): Element[] {
  return element.children.flatMap((child) => [...(child.local === local ? [child] : []), ...all(child, local)]);
}

function child(element: Element, local: string): Element {
  const found = element.children.find((c) => c.local === local);
  if (!found) throw new Error(`no ${local} in ${element.local}`);
  return found;
}

/** The children's names follow `order` (a schema's sequence), each at most where the schema allows it. */
function expectSchemaOrder(element: Element, order: readonly string[]): void {
  const names = element.children.map((c) => c.local);
  for (const name of names) expect(order, `${element.local} > ${name}`).toContain(name);
  const positions = names.map((name) => order.indexOf(name));
  expect(positions, `${element.local}: ${names.join(", ")}`).toEqual([...positions].sort((a, b) => a - b));
}

/** ECMA-376 part 1 sequences (§21.2.2 for charts, §18.3.1.99 for the worksheet). */
const CHART_SPACE = ["date1904", "lang", "roundedCorners", "AlternateContent", "style", "clrMapOvr", "pivotSource", "protection", "chart", "spPr", "txPr", "externalData", "printSettings", "userShapes", "extLst"];
const CHART = ["title", "autoTitleDeleted", "pivotFmts", "view3D", "floor", "sideWall", "backWall", "plotArea", "legend", "plotVisOnly", "dispBlanksAs", "extLst"];
const BAR_CHART = ["barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap", "serLines", "axId", "extLst"];
const BAR_SERIES = ["idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions", "dPt", "dLbls", "trendline", "errBars", "cat", "val", "shape", "extLst"];
const DATA_LABELS = ["dLbl", "delete", "numFmt", "spPr", "txPr", "dLblPos", "showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize", "separator", "showLeaderLines", "leaderLines", "extLst"];
const SCALING = ["logBase", "orientation", "max", "min", "extLst"];
const CATEGORY_AXIS = ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "auto", "lblAlgn", "lblOffset", "tickLblSkip", "tickMarkSkip", "noMultiLvlLbl", "extLst"];
const VALUE_AXIS = ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "crossBetween", "majorUnit", "minorUnit", "dispUnits", "extLst"];
const WORKSHEET = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
  "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions",
  "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A zip's entries by name, as text. */
type Zip = Map<string, string>;

async function unzip(bytes: Uint8Array): Promise<Zip> {
  const archive = ZipArchive.open("tracker.xlsx", bytes);
  return new Map(archive.names().map((name) => [name, Buffer.from(archive.read(name)).toString("utf8")] as const));
}

async function textOf(zip: Zip, path: string): Promise<string> {
  const text = zip.get(path);
  if (text === undefined) throw new Error(`no ${path} in the zip`);
  return text;
}

/** A part's relationships, targets resolved to zip paths. */
async function relationships(zip: Zip, part: string): Promise<{ id: string; type: string; path: string }[]> {
  const rels = parse(await textOf(zip, posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`)));
  return rels.children.map((r) => ({ id: r.attributes.Id, type: r.attributes.Type, path: posix.normalize(posix.join(posix.dirname(part), r.attributes.Target)) }));
}

/** The zip path of the sheet named `name`, through the workbook's relationships. */
async function sheetPath(zip: Zip, name: string): Promise<string> {
  const workbook = parse(await textOf(zip, "xl/workbook.xml"));
  const sheet = all(workbook, "sheet").find((s) => s.attributes.name === name);
  const rel = (await relationships(zip, "xl/workbook.xml")).find((r) => r.id === sheet?.attributes[`{${REL}}id`]);
  if (!rel) throw new Error(`no sheet ${name}`);
  return rel.path;
}

interface DrawnChart {
  path: string;
  chart: Element;
  anchor: Element;
}

/** The charts drawn on sheet `name`: from the sheet's `<drawing>`, through its drawing's anchors, to each chart part. */
async function chartsOn(zip: Zip, name: string): Promise<DrawnChart[]> {
  const sheet = await sheetPath(zip, name);
  const drawing = all(parse(await textOf(zip, sheet)), "drawing")[0];
  if (!drawing) return [];
  const drawingPath = (await relationships(zip, sheet)).find((r) => r.id === drawing.attributes[`{${REL}}id`])?.path ?? "";
  const rels = await relationships(zip, drawingPath);
  const anchors = parse(await textOf(zip, drawingPath)).children;
  return Promise.all(
    anchors.map(async (anchor) => {
      const path = rels.find((r) => r.id === all(anchor, "chart")[0]?.attributes[`{${REL}}id`])?.path ?? "";
      return { path, chart: parse(await textOf(zip, path)), anchor };
    }),
  );
}

function formula(element: Element): string {
  return child(element.children.find((c) => c.local === "strRef" || c.local === "numRef") as Element, "f").text;
}

function cached(element: Element): string[] {
  return all(element, "pt").map((pt) => child(pt, "v").text);
}

/** The gold series (two Arabic minutes, one French: the workbook speaks Arabic), its last meeting moved to another plan when `twoPlans`. */
function report(twoPlans = false, records: MeetingRecord[] = goldRecords()): TrackerReport {
  if (twoPlans) records[2].meeting.actionPlan = { text: "Plan d'action national 5 2023-2025", key: "nap5-2023-2025", ordinal: 5, startYear: 2023, endYear: 2025 };
  return trackerReport(buildTracker(records), records);
}

describe("the Summary's chart in tracker.xlsx", () => {
  let bytes: Buffer;
  let zip: Zip;
  let charts: DrawnChart[];
  let summary: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await trackerToXlsx(report());
    zip = await unzip(bytes);
    charts = await chartsOn(zip, SUMMARY);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    summary = workbook.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
  });

  test("one chart part, well-formed, declared in [Content_Types].xml, joined to the Summary sheet", async () => {
    expect(charts.map((c) => c.path)).toEqual(["xl/charts/chart1.xml"]);
    const types = parse(await textOf(zip, "[Content_Types].xml"));
    const overrides = Object.fromEntries(types.children.filter((t) => t.local === "Override").map((t) => [t.attributes.PartName, t.attributes.ContentType]));
    expect(overrides["/xl/charts/chart1.xml"]).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    expect(overrides["/xl/drawings/drawing1.xml"]).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    // Only the Summary has a drawing of charts.
    for (const name of [AR.sheets.tracker, AR.sheets.history, "Review"]) expect(await chartsOn(zip, name)).toEqual([]);
  });

  test("a stacked column chart, a series per status in the Summary's order and the reports' colours, each referencing the Summary's cells", () => {
    const { chart } = charts[0];
    const bar = all(chart, "barChart")[0];
    expect(child(bar, "barDir").attributes.val).toBe("col");
    expect(child(bar, "grouping").attributes.val).toBe("stacked");
    expect(child(bar, "overlap").attributes.val).toBe("100");
    const series = bar.children.filter((c) => c.local === "ser");
    expect(series).toHaveLength(SUMMARY_STATUSES.length);
    const letters = ["D", "E", "F", "G", "H", "I", "J"];
    series.forEach((ser, i) => {
      expect(formula(child(ser, "tx"))).toBe(`'${SUMMARY}'!$${letters[i]}$1`);
      expect(formula(child(ser, "cat"))).toBe(`'${SUMMARY}'!$B$2:$B$4`);
      expect(formula(child(ser, "val"))).toBe(`'${SUMMARY}'!$${letters[i]}$2:$${letters[i]}$4`);
      expect(all(child(ser, "spPr"), "srgbClr")[0].attributes.val).toBe(STATUS_MARK[SUMMARY_STATUSES[i]].slice(2));
    });
    expect(all(chart, "title")[0].children.length).toBeGreaterThan(0);
    expect(all(all(chart, "title")[0], "t")[0].text).toBe(`${AR.labels.statusChart} (${summary.getCell("A2").value})`);
  });

  test("each series caches what its cells hold, for viewers that do not recalculate", () => {
    const series = all(charts[0].chart, "ser");
    series.forEach((ser, i) => {
      const column = 4 + i;
      expect(cached(child(ser, "tx"))).toEqual([summary.getRow(1).getCell(column).value]);
      expect(cached(child(ser, "cat"))).toEqual([2, 3, 4].map((r) => summary.getRow(r).getCell(2).value));
      expect(cached(child(ser, "val")).map(Number)).toEqual([2, 3, 4].map((r) => summary.getRow(r).getCell(column).value));
    });
    // The cache is the counts, not placeholders: 2023-09-14 had 4 completed, 5 partly, 3 not completed, 1 not reported.
    expect(series.map((ser) => cached(child(ser, "val"))[2])).toEqual(["4", "5", "0", "0", "3", "0", "1"]);
  });

  test("below the table, as wide as it: the sheet still prints one page wide", () => {
    const { anchor } = charts[0];
    const from = child(anchor, "from");
    const to = child(anchor, "to");
    expect(Number(child(from, "row").text)).toBeGreaterThanOrEqual(summary.rowCount);
    expect(Number(child(from, "col").text)).toBe(0);
    expect(Number(child(to, "col").text)).toBe(summary.columnCount);
    expect(Number(child(to, "row").text)).toBeGreaterThan(Number(child(from, "row").text));
  });

  test("elements in the order Excel's schema requires", async () => {
    const { chart } = charts[0];
    expectSchemaOrder(chart, CHART_SPACE);
    expectSchemaOrder(child(chart, "chart"), CHART);
    const bar = all(chart, "barChart")[0];
    expectSchemaOrder(bar, BAR_CHART);
    for (const ser of all(bar, "ser")) expectSchemaOrder(ser, BAR_SERIES);
    expectSchemaOrder(child(bar, "dLbls"), DATA_LABELS);
    // CT_TwoCellAnchor and CT_GraphicalObjectFrame, in the drawing.
    expect(charts[0].anchor.children.map((c) => c.local)).toEqual(["from", "to", "graphicFrame", "clientData"]);
    expect(child(charts[0].anchor, "graphicFrame").children.map((c) => c.local)).toEqual(["nvGraphicFramePr", "xfrm", "graphic"]);
    for (const scaling of all(chart, "scaling")) expectSchemaOrder(scaling, SCALING);
    expectSchemaOrder(all(chart, "catAx")[0], CATEGORY_AXIS);
    expectSchemaOrder(all(chart, "valAx")[0], VALUE_AXIS);
    const sheet = parse(await textOf(zip, await sheetPath(zip, SUMMARY)));
    expectSchemaOrder(sheet, WORKSHEET);
    // The drawing follows the page setup and its header and footer.
    const names = sheet.children.map((c) => c.local);
    expect(names.indexOf("drawing")).toBeGreaterThan(names.indexOf("headerFooter"));
    expect(names.indexOf("headerFooter")).toBeGreaterThan(names.indexOf("pageSetup"));
  });

  test("right to left for Arabic minutes: the first meeting on the right, the value axis there too", () => {
    const { chart } = charts[0];
    expect(all(all(chart, "catAx")[0], "orientation")[0].attributes.val).toBe("maxMin");
    expect(child(all(chart, "valAx")[0], "axPos").attributes.val).toBe("r");
  });

  test("exceljs still opens the workbook, the Summary's cells as they were written", () => {
    // beforeAll loaded it with exceljs.
    expect(summary.rowCount).toBe(4);
    expect([2, 3, 4].map((r) => summary.getRow(r).getCell(4).value)).toEqual([0, 4, 4]);
    expect(summary.getCell("B2").value).toBe(cached(child(all(charts[0].chart, "ser")[0], "cat"))[0]);
  });
});

describe("a chart per plan", () => {
  test("each plan's chart reads its own rows, the charts one under the other", async () => {
    const zip = await unzip(await trackerToXlsx(report(true)));
    const charts = await chartsOn(zip, SUMMARY);
    expect(charts.map((c) => c.path)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const ranges = charts.map(({ chart }) => {
      const ser = all(chart, "ser")[0];
      return [formula(child(ser, "cat")), formula(child(ser, "val"))];
    });
    expect(ranges).toEqual([
      [`'${SUMMARY}'!$B$2:$B$3`, `'${SUMMARY}'!$D$2:$D$3`],
      [`'${SUMMARY}'!$B$4:$B$4`, `'${SUMMARY}'!$D$4:$D$4`],
    ]);
    const rows = charts.map(({ anchor }) => [Number(child(child(anchor, "from"), "row").text), Number(child(child(anchor, "to"), "row").text)]);
    expect(rows[1][0]).toBeGreaterThan(rows[0][1]);
    expect(all(all(charts[1].chart, "title")[0], "t")[0].text).toContain("Plan d'action national 5");
  });

  test("a plan the Summary's first sheet cannot hold whole is not charted; the ones before it are", () => {
    const twoPlans = report(true);
    expect(summaryCharts(twoPlans, summaryView(twoPlans), 4).map((c) => c.categories.ref)).toEqual([`'${SUMMARY}'!$B$2:$B$3`, `'${SUMMARY}'!$B$4:$B$4`]);
    expect(summaryCharts(twoPlans, summaryView(twoPlans), 3).map((c) => c.categories.ref)).toEqual([`'${SUMMARY}'!$B$2:$B$3`]);
    expect(summaryCharts(twoPlans, summaryView(twoPlans), 2)).toEqual([]);
    // The first chart sits under the rows the sheet holds.
    expect(summaryCharts(twoPlans, summaryView(twoPlans), 3)[0].anchor.fromRow).toBe(3 + 1);
  });

  test("left to right for minutes in a left-to-right language", () => {
    const records = goldRecords();
    for (const record of records) record.meeting.language = "fr";
    const french = report(false, records);
    const [chart] = summaryCharts(french);
    expect(chart.categories.ref).toBe(`'${reportWords("fr").sheets.summary}'!$B$2:$B$4`);
    const xml = parse(chartXml(chart));
    expect(all(all(xml, "catAx")[0], "orientation")[0].attributes.val).toBe("minMax");
    expect(child(all(xml, "valAx")[0], "axPos").attributes.val).toBe("l");
  });

  test("a long archive: the chart reads the plan's latest meetings' rows and says how many of how many", async () => {
    const total = MAX_MEETINGS_SHOWN + 6;
    const records = monthlyMeetings(total);
    const long = report(false, records);
    const name = long.words.sheets.summary;
    const [{ chart }] = await chartsOn(await unzip(await trackerToXlsx(long)), name);
    const ser = all(chart, "ser")[0];
    expect(formula(child(ser, "cat"))).toBe(`'${name}'!$B$${2 + 6}:$B$${1 + total}`);
    expect(cached(child(ser, "cat"))).toHaveLength(MAX_MEETINGS_SHOWN);
    expect(all(all(chart, "title")[0], "t").map((t) => t.text)[1]).toBe(fill(long.words.labels.chartMeetingsShown, { shown: MAX_MEETINGS_SHOWN, total }));
    // A plan with fewer meetings has no such line.
    expect(summaryCharts(report()).map((c) => c.subtitle)).toEqual([null]);
  });

  test("no commitment, no chart: the workbook has no chart part", async () => {
    const records = goldRecords();
    for (const record of records) record.commitments = [];
    const empty = report(false, records);
    expect(summaryCharts(empty)).toEqual([]);
    const zip = await unzip(await trackerToXlsx(empty));
    expect([...zip.keys()].some((path) => path.startsWith("xl/charts/"))).toBe(false);
  });
});

describe("a sheet with notes and charts", () => {
  test("keeps its notes' relationships, the drawing's its own id, the drawing before the legacy drawing", async () => {
    const gold = report();
    const charts = summaryCharts(gold);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const workbook = new SpreadsheetWriter(output, { creator: "test", date: new Date(Date.UTC(2023, 2, 15)) });
    const setup = { name: "Notes", frozenColumns: 0, frozenRows: 1, rightToLeft: false, widths: [10, 10], pageHeader: "", pageFooter: "" };
    await workbook.sheet({ ...setup, drawing: { charts: charts.map(chartXml), placement: (ids) => drawingXml(charts, ids) } }, async (sheet) => {
      await sheet.row([{ value: "a", style: 0, note: "why" }, { value: 1, style: 0 }]);
    });
    await workbook.finish();
    const zip = await unzip(Buffer.concat(chunks));
    const path = await sheetPath(zip, "Notes");
    const rels = await relationships(zip, path);
    expect(rels.map((r) => r.type)).toEqual([`${REL}/comments`, `${REL}/vmlDrawing`, `${REL}/drawing`]);
    expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
    expect((await chartsOn(zip, "Notes")).map((c) => c.path)).toEqual(["xl/charts/chart1.xml"]);
    const sheet = parse(await textOf(zip, path));
    expectSchemaOrder(sheet, WORKSHEET);
    const names = sheet.children.map((c) => c.local);
    expect(names.indexOf("drawing")).toBe(names.indexOf("legacyDrawing") - 1);
    const types = await textOf(zip, "[Content_Types].xml");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(read.getWorksheet("Notes")?.getCell("A1").value).toBe("a");
  });
});
