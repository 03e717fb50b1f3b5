/**
 * An xlsx written part by part (SpreadsheetML, ECMA-376), as fast as its cells can be
 * turned into text: a worksheet's rows are serialized straight into its zip entry
 * (`zip.ts`), with no cell objects in between. An archive of 10,000 meetings has millions of
 * cells; a general workbook library spends most of its time on each cell's object model and
 * its garbage, which this writer does not have.
 *
 * Only what the tracker workbook uses: text (in the shared-string table, so a title or a
 * file name repeated down a sheet is stored once), numbers, dates (serial numbers with a
 * date format), styles (fill, font, number format, wrapped text) registered once each,
 * notes (comments with their VML shapes, which Excel needs to show them), frozen panes,
 * right to left, column widths, row heights, autofilters, data bars, page setup, the page
 * header and footer, the header row printed on every page, and the document's dates.
 *
 * Every part of the file is written by `SpreadsheetWriter`: the sheets as they are
 * produced with their notes' and charts' parts, then (`finish`) the parts that list them.
 */
import type { Writable } from "node:stream";
import { columnLetter } from "./cells.js";
import { ZipWriter, type ZipEntryWriter } from "./zip.js";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * zlib's level 3: at 10,000 meetings the parts are 300 MB of XML, which level 6 (the default)
 * deflates in 2.3 s of CPU and level 3 in 1.0 s, for a file 15 % larger (27 MB then, against
 * the 48 MB exceljs wrote; 16 MB since cells after their neighbour go without an address).
 */
const COMPRESSION_LEVEL = 3;

/** Characters XML 1.0 cannot carry (the file would not open), and the ones to escape. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/;
const UNSAFE_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text as XML character data or an attribute value. */
export function xmlText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ESCAPES[c] ?? "") : text;
}

/** `xml:space` for text whose leading or trailing spaces or line breaks must survive. */
const preserve = (text: string): string => (/^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "");

/** Excel's serial day number of a UTC midnight: days since 1899-12-30. */
function serialDay(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  /** ARGB. */
  color?: string;
}

export interface CellStyle {
  /** ARGB of a solid fill. */
  fill?: string;
  font?: FontStyle;
  numberFormat?: string;
  wrap?: boolean;
}

export type CellValue = string | number | Date | null;

export interface Cell {
  value: CellValue;
  /** From `SpreadsheetWriter.style`; 0 is the default look. */
  style: number;
  note?: string;
}

export interface SheetSetup {
  name: string;
  /** Leading columns and rows kept in view when scrolling. */
  frozenColumns: number;
  frozenRows: number;
  rightToLeft: boolean;
  /** Width of each column, in characters. */
  widths: readonly number[];
  /** The page header and footer, in Excel's codes (`&L`, `&C`, `&R`, `&P`...). */
  pageHeader: string;
  pageFooter: string;
  /** Charts drawn on the sheet (the Summary's), when it has any. */
  drawing?: SheetDrawing;
}

/** A sheet's drawing: its chart parts and the drawing part that places them. */
export interface SheetDrawing {
  /** Each chart's part (`c:chartSpace`). */
  charts: readonly string[];
  /** The drawing part (`xdr:wsDr`) placing the charts, given the relationship id that joins it to each chart, in order. */
  placement(chartRelationIds: readonly string[]): string;
}

/** Styles by their look, each registered once and written in styles.xml. */
class StyleSheet {
  private readonly ids = new Map<string, number>();
  private readonly fonts = ["<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly formats: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  private indexOf(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }

  id(style: CellStyle): number {
    const key = `${style.fill ?? ""}|${style.font ? `${style.font.bold ? "b" : ""}${style.font.italic ? "i" : ""}${style.font.color ?? ""}` : ""}|${style.numberFormat ?? ""}|${style.wrap ? "w" : ""}`;
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    const { font, fill, numberFormat, wrap } = style;
    const fontId = font
      ? this.indexOf(this.fonts, `<font>${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}<sz val="11"/>${font.color ? `<color rgb="${font.color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`)
      : 0;
    const fillId = fill ? this.indexOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const formatId = numberFormat ? 164 + this.indexOf(this.formats, numberFormat) : 0;
    const applies = `${formatId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}`;
    this.xfs.push(
      `<xf numFmtId="${formatId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}${wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : "/>"}`,
    );
    id = this.xfs.length - 1;
    this.ids.set(key, id);
    return id;
  }

  xml(): string {
    const formats = this.formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join("");
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (this.formats.length > 0 ? `<numFmts count="${this.formats.length}">${formats}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

/** The shared-string table: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly texts: string[] = [];
  references = 0;

  index(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.indexes.set(text, index);
    }
    return index;
  }

  async write(entry: ZipEntryWriter): Promise<void> {
    await entry.write(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.texts.length}">`);
    for (const text of this.texts) await entry.write(`<si><t${preserve(text)}>${xmlText(text)}</t></si>`);
    await entry.write("</sst>");
  }
}

interface Note {
  row: number;
  column: number;
  text: string;
}

/** A worksheet being written: its rows in order, then what follows them. */
export class SheetWriter {
  private rowNumber = 0;
  readonly notes: Note[] = [];
  private autoFilter: string | undefined;
  private readonly dataBars: { ref: string; color: string }[] = [];

  constructor(
    private readonly entry: ZipEntryWriter,
    private readonly strings: SharedStrings,
    private readonly letters: readonly string[],
  ) {}

  /** The cells of the row being built (`cell`), as XML, and the column of the last one. */
  private cells = "";
  private previous = -2;

  /**
   * A cell of the next row, at 0-based `column`: cells in order of their columns, an empty
   * plain cell left out. Cells are turned into text as they come, with no object per cell:
   * an archive of 10,000 meetings has millions of them.
   */
  cell(column: number, value: CellValue, style: number, note?: string): void {
    const r = this.rowNumber + 1;
    // A cell right after the one before it goes without its address: readers (Excel, exceljs,
    // LibreOffice) put it in the next column. Only the first cell, the one after a gap and one
    // with a note (exceljs joins a note to its cell by the cell's written address) say where
    // they are. At 10,000 meetings that is 40 % of the workbook's deflated bytes not built.
    const at = column === this.previous + 1 && !note ? "<c" : `<c r="${this.letters[column]}${r}"`;
    this.previous = column;
    const s = style === 0 ? "" : ` s="${style}"`;
    if (value === null) this.cells += `${at}${s}/>`;
    else if (typeof value === "string") this.cells += `${at}${s} t="s"><v>${this.strings.index(value)}</v></c>`;
    else if (typeof value === "number") this.cells += `${at}${s}><v>${value}</v></c>`;
    else this.cells += `${at}${s}><v>${serialDay(value)}</v></c>`;
    if (note) this.notes.push({ row: r - 1, column, text: note });
  }

  /** Ends the row the cells since the last one make, with its height in points when it needs more than one line. */
  endRow(height?: number): Promise<void> | void {
    const r = ++this.rowNumber;
    const xml = `${height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`}${this.cells}</row>`;
    this.cells = "";
    this.previous = -2;
    return this.entry.write(xml);
  }

  /** The next row whole: its cells from column 1 (undefined where a cell is empty and plain), and its height as for `endRow`. */
  row(cells: readonly (Cell | undefined)[], height?: number): Promise<void> | void {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== undefined) this.cell(i, cell.value, cell.style, cell.note);
    }
    return this.endRow(height);
  }

  /** A filter over `ref` (`A1:O14`). */
  filter(ref: string): void {
    this.autoFilter = ref;
  }

  /** A data bar from 0 to 100 over `ref`, in `color` (ARGB). */
  dataBar(ref: string, color: string): void {
    this.dataBars.push({ ref, color });
  }

  /** What follows the rows: the page setup, then the charts' drawing and the notes' (`legacyDrawing`), in the schema's order. */
  closing(setup: SheetSetup, drawingRelationId: string | null): string {
    const bars = this.dataBars
      .map(
        ({ ref, color }, i) =>
          `<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="100"/><color rgb="${color}"/></dataBar></cfRule></conditionalFormatting>`,
      )
      .join("");
    return (
      "</sheetData>" +
      (this.autoFilter ? `<autoFilter ref="${this.autoFilter}"/>` : "") +
      bars +
      '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      // A4, landscape, one page wide and as many down as the rows need.
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      `<headerFooter><oddHeader>${xmlText(setup.pageHeader)}</oddHeader><oddFooter>${xmlText(setup.pageFooter)}</oddFooter></headerFooter>` +
      (drawingRelationId ? `<drawing r:id="${drawingRelationId}"/>` : "") +
      (this.notes.length > 0 ? '<legacyDrawing r:id="rId2"/>' : "") +
      "</worksheet>"
    );
  }
}

/** What opens a worksheet, up to its first row. */
function sheetOpening(setup: SheetSetup, letters: readonly string[]): string {
  const { frozenColumns: x, frozenRows: y } = setup;
  const topLeft = `${letters[x]}${y + 1}`;
  const pane = x > 0 && y > 0 ? "bottomRight" : y > 0 ? "bottomLeft" : "topRight";
  const frozen =
    x > 0 || y > 0
      ? `<pane${x > 0 ? ` xSplit="${x}"` : ""}${y > 0 ? ` ySplit="${y}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`
      : "";
  const cols = setup.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("");
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<sheetViews><sheetView workbookViewId="0"${setup.rightToLeft ? ' rightToLeft="1"' : ""}>${frozen}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    "<sheetData>"
  );
}

async function writeComments(entry: ZipEntryWriter, notes: readonly Note[], letters: readonly string[]): Promise<void> {
  await entry.write(`${XML_HEAD}<comments xmlns="${MAIN_NS}"><authors><author>minutes-tracker</author></authors><commentList>`);
  for (const { row, column, text } of notes) {
    await entry.write(`<comment ref="${letters[column]}${row + 1}" authorId="0"><text><r><t xml:space="preserve">${xmlText(text)}</t></r></text></comment>`);
  }
  await entry.write("</commentList></comments>");
}

/** The notes' shapes: Excel shows a note only through its VML box, hidden until the cell is pointed at. */
async function writeNoteShapes(entry: ZipEntryWriter, notes: readonly Note[], sheetIndex: number): Promise<void> {
  await entry.write(
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheetIndex}"/></o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
  );
  let id = sheetIndex * 1024;
  for (const { row, column } of notes) {
    await entry.write(
      `<v:shape id="_x0000_s${++id}" type="#_x0000_t202" style="position:absolute;margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${column + 1}, 15, ${row}, 10, ${column + 3}, 15, ${row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`,
    );
  }
  await entry.write("</xml>");
}

const TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};
const RELATIONSHIP = {
  document: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
  drawing: `${REL_NS}/drawing`,
  chart: `${REL_NS}/chart`,
  core: `${PACKAGE_REL_NS}/metadata/core-properties`,
  app: `${REL_NS}/extended-properties`,
};

function relationships(targets: readonly [type: string, target: string][]): string {
  const list = targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join("");
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${list}</Relationships>`;
}

/** A sheet name inside a formula: quoted, its quotes doubled. */
const quotedSheet = (name: string): string => `'${name.replaceAll("'", "''")}'`;

export interface DocumentProperties {
  creator: string;
  /** Creation and modification date (also every zip entry's). */
  date: Date;
}

/** A workbook streamed to `output`: sheets one after another, then `finish`. */
export class SpreadsheetWriter {
  private readonly zip: ZipWriter;
  private readonly styles = new StyleSheet();
  private readonly strings = new SharedStrings();
  private readonly sheets: { name: string; notes: boolean; drawing: number | null }[] = [];
  private charts = 0;
  private letters: string[] = [""];

  constructor(
    output: Writable,
    private readonly properties: DocumentProperties,
  ) {
    this.zip = new ZipWriter(output, properties.date, COMPRESSION_LEVEL);
  }

  /** The style id of a look, for `Cell.style`. */
  style(style: CellStyle): number {
    return this.styles.id(style);
  }

  /** Column letters, index 0 for column 1 and so on, up to `count` columns. */
  private lettersFor(count: number): string[] {
    for (let column = this.letters.length; column <= count; column++) this.letters.push(columnLetter(column));
    return this.letters.slice(1);
  }

  /** One worksheet: `write` adds its rows, filter and data bars; its notes and charts follow in their own parts. */
  async sheet(setup: SheetSetup, write: (sheet: SheetWriter) => Promise<void>): Promise<void> {
    const index = this.sheets.length + 1;
    const letters = this.lettersFor(Math.max(setup.widths.length, setup.frozenColumns + 1));
    const drawing = setup.drawing && setup.drawing.charts.length > 0 ? setup.drawing : null;
    let notes: Note[] = [];
    await this.zip.entry(`xl/worksheets/sheet${index}.xml`, async (entry) => {
      await entry.write(sheetOpening(setup, letters));
      const sheet = new SheetWriter(entry, this.strings, letters);
      await write(sheet);
      // The notes' parts take rId1 and rId2 (see below); the drawing the next one.
      await entry.write(sheet.closing(setup, drawing ? `rId${sheet.notes.length > 0 ? 3 : 1}` : null));
      notes = sheet.notes;
    });
    this.sheets.push({ name: setup.name, notes: notes.length > 0, drawing: drawing ? index : null });
    const sheetRelations: [string, string][] = [];
    if (notes.length > 0) {
      await this.zip.entry(`xl/comments${index}.xml`, (entry) => writeComments(entry, notes, letters));
      await this.zip.entry(`xl/drawings/vmlDrawing${index}.vml`, (entry) => writeNoteShapes(entry, notes, index));
      sheetRelations.push([RELATIONSHIP.comments, `../comments${index}.xml`], [RELATIONSHIP.vmlDrawing, `../drawings/vmlDrawing${index}.vml`]);
    }
    if (drawing) {
      const chartNumbers = drawing.charts.map(() => ++this.charts);
      for (const [i, chart] of drawing.charts.entries()) await this.zip.entry(`xl/charts/chart${chartNumbers[i]}.xml`, (entry) => entry.write(chart));
      await this.zip.entry(`xl/drawings/drawing${index}.xml`, (entry) => entry.write(drawing.placement(chartNumbers.map((_, i) => `rId${i + 1}`))));
      await this.zip.entry(`xl/drawings/_rels/drawing${index}.xml.rels`, (entry) =>
        entry.write(relationships(chartNumbers.map((n): [string, string] => [RELATIONSHIP.chart, `../charts/chart${n}.xml`]))),
      );
      sheetRelations.push([RELATIONSHIP.drawing, `../drawings/drawing${index}.xml`]);
    }
    if (sheetRelations.length > 0) await this.zip.entry(`xl/worksheets/_rels/sheet${index}.xml.rels`, (entry) => entry.write(relationships(sheetRelations)));
  }

  /** The parts that list the sheets, styles and strings; then the zip is closed. */
  async finish(): Promise<void> {
    const { sheets } = this;
    await this.zip.entry("xl/sharedStrings.xml", (entry) => this.strings.write(entry));
    await this.zip.entry("xl/styles.xml", (entry) => entry.write(this.styles.xml()));
    const sheetList = sheets.map(({ name }, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join("");
    // The header row printed at the top of every page.
    const titles = sheets.map(({ name }, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quotedSheet(name))}!$1:$1</definedName>`).join("");
    await this.zip.entry("xl/workbook.xml", (entry) =>
      entry.write(`${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets><definedNames>${titles}</definedNames></workbook>`),
    );
    await this.zip.entry("xl/_rels/workbook.xml.rels", (entry) =>
      entry.write(
        relationships([
          [RELATIONSHIP.styles, "styles.xml"],
          [RELATIONSHIP.sharedStrings, "sharedStrings.xml"],
          ...sheets.map((_, i): [string, string] => [RELATIONSHIP.worksheet, `worksheets/sheet${i + 1}.xml`]),
        ]),
      ),
    );
    const date = this.properties.date.toISOString().replace(/\.\d{3}Z$/, "Z");
    const creator = xmlText(this.properties.creator);
    await this.zip.entry("docProps/core.xml", (entry) =>
      entry.write(
        `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
          `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`,
      ),
    );
    await this.zip.entry("docProps/app.xml", (entry) =>
      entry.write(`${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${creator}</Application></Properties>`),
    );
    await this.zip.entry("_rels/.rels", (entry) =>
      entry.write(relationships([[RELATIONSHIP.document, "xl/workbook.xml"], [RELATIONSHIP.core, "docProps/core.xml"], [RELATIONSHIP.app, "docProps/app.xml"]])),
    );
    const overrides = [
      ["/xl/workbook.xml", TYPES.workbook],
      ["/xl/styles.xml", TYPES.styles],
      ["/xl/sharedStrings.xml", TYPES.sharedStrings],
      ...sheets.flatMap(({ notes, drawing }, i) => [
        [`/xl/worksheets/sheet${i + 1}.xml`, TYPES.worksheet],
        ...(notes ? [[`/xl/comments${i + 1}.xml`, TYPES.comments]] : []),
        ...(drawing ? [[`/xl/drawings/drawing${drawing}.xml`, TYPES.drawing]] : []),
      ]),
      ...Array.from({ length: this.charts }, (_, i) => [`/xl/charts/chart${i + 1}.xml`, TYPES.chart]),
      ["/docProps/core.xml", TYPES.core],
      ["/docProps/app.xml", TYPES.app],
    ];
    await this.zip.entry("[Content_Types].xml", (entry) =>
      entry.write(
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
          overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
          "</Types>",
      ),
    );
    await this.zip.finish();
  }
}
