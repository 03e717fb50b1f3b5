/**
 * The PDF reader: PDF bytes -> the shared mdast tree (see tree.ts, and docx.ts for the shape).
 *
 * Text comes from pdfjs-dist (the engine pdf-parse wraps, pinned to pdf-parse's version) as
 * positioned runs, never as extracted plain text: plain extraction follows the content stream,
 * which for right-to-left text is not reading order. Each page goes through
 * - pdf-geometry.ts: ruling lines -> table grids with merged cells;
 * - pdf-columns.ts: tables drawn without borders (or with horizontal rules only) -> grids
 *   from the gutters their text leaves;
 * - pdf-lines.ts: runs -> lines in logical order (baseline grouping + Unicode bidi);
 * - pdf-layout.ts: lines and tables of the page in reading order;
 * then, across pages, this module drops running headers/footers, joins tables split by
 * page breaks (repeated header rows dropped, a row broken by the page merged back) and
 * pdf-blocks.ts turns lines into paragraphs, lists and headings.
 *
 * Tree shape, as the docx reader's: root children `heading`, `paragraph`, `list`, `table`;
 * one `text` child per paragraph (lines joined with a space); `table` > `tableRow` >
 * `tableCell` whose children are `paragraph`/`list`; spans as `data.colSpan`/`data.rowSpan`
 * (> 1 only), covered cells not emitted; every block node has `data.source` with `page`
 * (the page the block starts on) and, inside tables, `table`, `row`, `cell` (1-based; `cell`
 * is the position among the row's emitted cells, in logical order: right to left for a
 * right-to-left table).
 *
 * Pages without a usable text layer (a scan; or every page with `--ocr always`) are rendered
 * and recognised by OCR (ocr.ts): the recognised words and the rulings found in the pixels
 * take the place of pdf.js's text items and vector rulings, and go through the same layout.
 *
 * Messages: `pdf-running-lines-dropped` (headers/footers removed), `pdf-page-unreadable`
 * (a page left out), `pdf-drawing-not-table` (a page with too many lines for table search),
 * `ocr-pages` (which pages were OCR'd, with what confidence), `ocr-page-turned`,
 * `ocr-nothing-legible` (an OCR'd page that gave nothing).
 * Errors: empty, corrupt (no signature, unparsable, truncated, no readable page), encrypted,
 * no-text-layer (pages without any text and OCR off: "needs OCR"; OCR'd pages with nothing
 * legible on any: "no legible text").
 *
 * Known limits: a table without borders needs three columns or more (two read as text, like
 * a list), shows no merged cells, and its rows must be set apart by cell padding or rules; one
 * text column per page; a genuine row whose first cell is empty and which starts
 * exactly at the top of a page is taken for the rest of the row above.
 */
import type { BlockContent, Root, RootContent, Table, TableCell, TableRow } from "mdast";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentInitParameters, TextItem } from "pdfjs-dist/types/src/display/api.js";
import { normalizeText, SENTENCE_END } from "../text/normalize.js";
import type { Canvas, SKRSContext2D } from "@napi-rs/canvas";
import { getDocument, inThreadWorker, OPS, PDFDateString, VerbosityLevel } from "./pdf-engine.js";
import { recognisePages, SCRIPT_SAMPLE, type OcrMode } from "./ocr.js";
import { IngestError } from "./errors.js";
import { buildBlocks, measureLines, type LineMetrics } from "./pdf-blocks.js";
import { collectRulings, MAX_RULINGS, type PageRulings } from "./pdf-geometry.js";
import { drawnGlyphTexts, withGlyphs } from "./pdf-glyphs.js";
import { letterDirection, meanConfidence, type PlacedText } from "./pdf-lines.js";
import {
  layOutPage,
  type LaidOutCell,
  type LaidOutPage,
  type LaidOutRow,
  type LaidOutTable,
  type PageLine,
} from "./pdf-layout.js";
import type { DocumentMetadata, DocumentTree, IngestMessage, ReadOptions, Reader } from "./tree.js";

const PDF_SIGNATURE = "%PDF-";
/** The PDF spec lets the signature start anywhere in the first 1024 bytes. */
const SIGNATURE_WINDOW = 1024;

export const readPdf: Reader = async (bytes, path, options) => {
  if (bytes.length === 0) throw new IngestError(path, "empty", "the file is empty (0 bytes)");
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SIGNATURE_WINDOW));
  if (!head.includes(PDF_SIGNATURE)) throw new IngestError(path, "corrupt", "not a PDF file (no %PDF- signature)");

  const document = await openDocument(bytes, path);
  const rendering: RenderingDocuments = { bytes, path, document };
  try {
    if (document.numPages === 0) throw new IngestError(path, "corrupt", "the PDF has no pages");
    const messages: IngestMessage[] = [];
    const ocr = { mode: options?.ocr?.mode ?? "auto", languages: options?.ocr?.languages };
    const { pages, ocrPages } = await readPages(document, path, messages, ocr, rendering, options?.onOcrPage);
    const metadata = await readMetadata(document);
    if (!pages.some((page) => page.elements.length > 0)) {
      if (pages.length === 0) throw new IngestError(path, "corrupt", "no page of the PDF can be read");
      // Pages that draw nothing are damaged, OCR or not; pages with images OCR read nothing on say so.
      const textless = await textlessError(document, path);
      if (ocrPages.length === 0 || textless.code === "corrupt") throw textless;
      throw new IngestError(path, "no-text-layer", `no legible text: OCR read nothing on ${ocrPages.length === 1 ? "its page" : `its ${ocrPages.length} pages`}`);
    }
    const tree = pagesToTree(pages, messages);
    return {
      path,
      format: "pdf",
      pages: document.numPages,
      metadata,
      tree,
      messages,
      ...(ocrPages.length > 0 ? { ocrPages } : {}),
    } satisfies DocumentTree;
  } finally {
    await document.destroy();
    await rendering.withFonts?.destroy();
  }
};

/** What draws something on a page: images (a scan) or paths (text turned into outlines, say). */
const DRAWING_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintSolidColorImageMask,
  OPS.constructPath,
  OPS.shadingFill,
]);

/**
 * Why a PDF gave no text: pages that draw images or paths are a scan or outlined text, which
 * needs OCR; pages that draw nothing have empty or damaged content streams (pdf.js skips what
 * it cannot parse), and OCR would find nothing there either.
 */
async function textlessError(document: PDFDocumentProxy, path: string): Promise<IngestError> {
  for (let number = 1; number <= document.numPages; number++) {
    let page: PDFPageProxy | undefined;
    try {
      page = await document.getPage(number);
      const { fnArray } = await page.getOperatorList();
      if (fnArray.some((op) => DRAWING_OPS.has(op))) return new IngestError(path, "no-text-layer", "no text layer: needs OCR");
    } catch {
      // A page that cannot be read draws nothing we could OCR.
    } finally {
      page?.cleanup();
    }
  }
  return new IngestError(path, "corrupt", "the pages draw no text and no image: their content streams are empty or damaged");
}

/**
 * One pdfjs worker for every document: in Node it runs in this thread ("fake worker"), and
 * setting up its message handler per file is wasted work. Documents stay isolated on it.
 */
let sharedWorker: ReturnType<typeof inThreadWorker> | undefined;
function pdfWorker(): ReturnType<typeof inThreadWorker> {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = inThreadWorker();
  return sharedWorker;
}

/**
 * pdfjs installs each embedded font as a CSS rule in the document it draws into. Node has no
 * document: the install fails, and pdfjs then has its worker turn every glyph of the font into
 * a drawing path (a third of the reader's time on the corpus) for text we never draw. This
 * stand-in takes the rules and drops them; nothing else in reading text or lines touches it.
 */
const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
} as unknown as DocumentInitParameters["ownerDocument"];

async function openDocument(bytes: Uint8Array, path: string, overrides: Partial<DocumentInitParameters> = {}): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of (detaches) the buffer it is given, and refuses a Node Buffer:
  // hand it a plain copy, the caller keeps theirs.
  const task = getDocument({
    data: new Uint8Array(bytes),
    worker: pdfWorker(),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: false,
    useSystemFonts: false,
    stopAtErrors: false,
    ownerDocument: FONTLESS_DOCUMENT,
    ...overrides,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw toIngestError(error, path);
  }
}

function toIngestError(error: unknown, path: string): IngestError {
  const name = error instanceof Error ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new IngestError(path, "encrypted", "the PDF is password-protected", { cause: error });
  }
  return new IngestError(path, "corrupt", `the PDF cannot be parsed (${detail})`, { cause: error });
}

async function readMetadata(document: PDFDocumentProxy): Promise<DocumentMetadata> {
  const { info } = await document.getMetadata();
  const fields = (info ?? {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = fields[key];
    if (typeof value !== "string") return undefined;
    return normalizeText(value) || undefined;
  };
  const date = (key: string): string | undefined => {
    const value = fields[key];
    if (typeof value !== "string") return undefined;
    const parsed = PDFDateString.toDateObject(value);
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : undefined;
  };
  const metadata: DocumentMetadata = {};
  const title = text("Title");
  const author = text("Author");
  const created = date("CreationDate");
  const modified = date("ModDate");
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (created) metadata.created = created;
  if (modified) metadata.modified = modified;
  return metadata;
}

/** The document read for its text, and (opened when first needed) one that draws its fonts as the page shows them. */
interface RenderingDocuments {
  bytes: Uint8Array;
  path: string;
  document: PDFDocumentProxy;
  withFonts?: PDFDocumentProxy;
}

interface RawPage {
  page: number;
  bottom: number;
  width: number;
  height: number;
  runs: PlacedText[];
  rulings: PageRulings;
}

/**
 * Text runs and ruling lines of every page, then each page laid out. A page with a usable
 * text layer is read from it; one without (a scan), or every page with `--ocr always`, is
 * rendered and recognised (ocr.ts), after the typed pages so that their script chooses the
 * OCR languages. A page pdfjs cannot read is left out with a message rather than failing the
 * document.
 */
async function readPages(
  document: PDFDocumentProxy,
  path: string,
  messages: IngestMessage[],
  ocr: { mode: OcrMode; languages: string | undefined },
  rendering: RenderingDocuments,
  onOcrPage: ReadOptions["onOcrPage"],
): Promise<{ pages: LaidOutPage[]; ocrPages: number[] }> {
  const raw: RawPage[] = [];
  const toRecognise: Array<{ at: number; imageScale: number; hasText: boolean }> = [];
  let rtlLetters = "";
  for (let number = 1; number <= document.numPages; number++) {
    let page: PDFPageProxy | undefined;
    try {
      page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view;
      const width = x1 - x0;
      const height = y1 - y0;
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: true });
      const items = content.items.filter((item): item is TextItem => "str" in item && item.str.length > 0 && !misreadMark(item));
      if (ocr.mode === "always" || (ocr.mode === "auto" && !hasUsableText(items))) {
        const operators = await page.getOperatorList();
        toRecognise.push({ at: raw.length, imageScale: imageScaleOf(operators.fnArray, operators.argsArray, width, height), hasText: items.length > 0 });
        raw.push({ page: number, bottom: y0, width, height, runs: [], rulings: { horizontal: [], vertical: [] } });
        continue;
      }
      // Ruling lines are only worth the operator list when there is text they could enclose.
      let rulings: PageRulings = { horizontal: [], vertical: [] };
      let glyphTexts: string[] = [];
      if (items.length > 0) {
        const operators = await page.getOperatorList();
        glyphTexts = drawnGlyphTexts(operators.fnArray, operators.argsArray);
        rulings = collectRulings(operators.fnArray, operators.argsArray, width, height);
        if (rulings.horizontal.length + rulings.vertical.length > MAX_RULINGS) {
          messages.push({
            code: "pdf-drawing-not-table",
            message: `page ${number} draws ${rulings.horizontal.length + rulings.vertical.length} lines: read as text, without tables`,
            source: { page: number },
          });
          rulings = { horizontal: [], vertical: [] };
        }
      }
      // The operator list has sent the page's fonts over: their names say which are bold.
      const bold = boldFonts(page, items);
      const runs = withGlyphs(
        items.map((item) => toPlacedText(item, bold.has(item.fontName))),
        glyphTexts,
      );
      raw.push({ page: number, bottom: y0, width, height, runs, rulings });
      if (rtlLetters.length < SCRIPT_SAMPLE) rtlLetters += runs.map((r) => r.str).join(" ");
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      messages.push({ code: "pdf-page-unreadable", message: `${path}: page ${number} cannot be read (${detail})`, source: { page: number } });
    } finally {
      page?.cleanup();
    }
  }
  const { recognised, text } = await recognisePages(
    toRecognise.map(({ at, imageScale, hasText }) => ({ page: raw[at].page, image: () => renderPdfPage(rendering, raw[at].page, imageScale, hasText) })),
    { textSoFar: rtlLetters, ...(ocr.languages === undefined ? {} : { languages: ocr.languages }), ...(onOcrPage ? { onOcrPage } : {}) },
    messages,
  );
  rtlLetters = text;
  const ocrPages = toRecognise.map(({ at }) => raw[at].page);
  for (const { at } of toRecognise) {
    const result = recognised.get(raw[at].page);
    if (!result) continue;
    // Recognised runs are placed from the page's lower left corner: the page keeps that frame.
    Object.assign(raw[at], { ...result.frame, runs: result.runs, rulings: result.rulings });
  }
  const documentRtl = letterDirection(rtlLetters) === "rtl";
  const pages: LaidOutPage[] = [];
  for (const p of raw) {
    // A table without borders that ended the page before may go on at the top of this one, in its columns.
    const before = pages.at(-1);
    const last = before?.page === p.page - 1 ? before.elements.at(-1) : undefined;
    const carried = last?.kind === "table" && last.fromText ? last.xs : undefined;
    pages.push(layOutPage(p.page, { bottom: p.bottom, width: p.width, height: p.height }, p.runs, p.rulings, documentRtl, carried));
  }
  return { pages, ocrPages };
}

const PRIVATE_OR_UNMAPPED = /[\p{Co}\uFFFD]/u;
const PRIVATE_OR_UNMAPPED_ALL = /[\p{Co}\uFFFD]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER_OR_DIGIT_ALL = /[\p{L}\p{N}]/gu;

/**
 * Whether a page's text layer can be read: it has letters or digits, and no more glyphs
 * without a Unicode mapping (private-use or replacement characters, what a font without a
 * ToUnicode map gives) than real ones. A scan has no text at all.
 */
function hasUsableText(items: TextItem[]): boolean {
  const text = items.map((item) => item.str).join("");
  if (!LETTER_OR_DIGIT.test(text)) return false;
  if (!PRIVATE_OR_UNMAPPED.test(text)) return true;
  return (text.match(LETTER_OR_DIGIT_ALL)?.length ?? 0) > (text.match(PRIVATE_OR_UNMAPPED_ALL)?.length ?? 0);
}

/** Pixels per point to render a page at for OCR when it holds no image to match: 300 dpi. */
const DEFAULT_OCR_SCALE = 300 / 72;
/** The rendered page's longer side is kept within these (pixels): Tesseract wants text 20 to 40 pixels high, and time grows with the area. */
const MIN_OCR_SIDE = 1600;
const MAX_OCR_SIDE = 4200;

/**
 * The scale at which a page's largest image is drawn pixel for pixel (a scan is one image
 * covering the page), else DEFAULT_OCR_SCALE; kept within the side limits.
 */
function imageScaleOf(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, width: number, height: number): number {
  let best = 0;
  let scale = DEFAULT_OCR_SCALE;
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== OPS.paintImageXObject && fnArray[i] !== OPS.paintImageMaskXObject) continue;
    const args = argsArray[i] as unknown[];
    const w = typeof args?.[1] === "number" ? args[1] : 0;
    const h = typeof args?.[2] === "number" ? args[2] : 0;
    if (w * h > best) {
      best = w * h;
      scale = Math.max(w / width, h / height);
    }
  }
  const longer = Math.max(width, height);
  return Math.min(Math.max(scale, MIN_OCR_SIDE / longer), MAX_OCR_SIDE / longer);
}

/**
 * Render a page for OCR. A page that has text (an unusable layer, or `--ocr always`) is drawn
 * from a second opening of the file that draws glyphs from their outlines: the reading one
 * keeps no fonts (see FONTLESS_DOCUMENT).
 */
async function renderPdfPage(rendering: RenderingDocuments, number: number, scale: number, hasText: boolean): Promise<{ canvas: Canvas; scale: number }> {
  let source = rendering.document;
  if (hasText) {
    rendering.withFonts ??= await openDocument(rendering.bytes, rendering.path, { disableFontFace: true, ownerDocument: undefined });
    source = rendering.withFonts;
  }
  const page = await source.getPage(number);
  try {
    const viewport = page.getViewport({ scale });
    const factory = source.canvasFactory as { create(width: number, height: number): { canvas: Canvas; context: SKRSContext2D } };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return { canvas, scale };
  } finally {
    page.cleanup();
  }
}

/**
 * The document tree of laid-out pages (a PDF's, or a scanned image's): running headers and
 * footers dropped, tables split by page breaks joined, lines built into blocks.
 */
export function pagesToTree(pages: LaidOutPage[], messages: IngestMessage[]): Root {
  dropRunningLines(pages, messages);
  return buildTree(pages);
}

/** A font name saying bold, black or heavy ("ABCDEF+LiberationSerif-Bold", "Arial,BoldItalic", "Calibri-Black"). */
const BOLD_FONT_NAME = /bold|black|heavy/i;

/**
 * The page's fonts (pdfjs's names for them) whose PDF names say bold. Fonts reach the page
 * with its operator list; a page without one (no text) has none, and a font pdfjs could not
 * load counts as regular.
 */
function boldFonts(page: PDFPageProxy, items: TextItem[]): Set<string> {
  const bold = new Set<string>();
  for (const id of new Set(items.map((item) => item.fontName))) {
    if (!page.commonObjs.has(id)) continue;
    const font: unknown = page.commonObjs.get(id);
    const name = typeof font === "object" && font !== null && "name" in font ? font.name : undefined;
    if (typeof name === "string" && BOLD_FONT_NAME.test(name)) bold.add(id);
  }
  return bold;
}

/** An advance this small, as a fraction of the font size, is no advance: the glyph is set over its neighbour. */
const NO_ADVANCE = 0.05;

/**
 * A glyph set with no advance over its neighbour is a mark (a vowel sign over an Arabic letter); one whose
 * text is a letter is a mark the font maps to the wrong character (LibreOffice's Amiri gives the damma of
 * "أُنجز" as "P"), to be left out rather than read into the word.
 */
function misreadMark(item: TextItem): boolean {
  return [...item.str].length === 1 && /\p{L}/u.test(item.str) && item.width < NO_ADVANCE * fontSizeOf(item);
}

/** The font size: the length of the text matrix's vertical axis (rotation-proof). */
function fontSizeOf(item: TextItem): number {
  const [a, b, c, d] = item.transform as number[];
  return Math.hypot(c, d) || Math.hypot(a, b) || item.height;
}

function toPlacedText(item: TextItem, bold: boolean): PlacedText {
  const [, , , , e, f] = item.transform as number[];
  return { str: item.str, x: e, y: f, width: item.width, size: fontSizeOf(item), rtl: item.dir === "rtl", bold };
}

/** A line's identity across pages: page numbers and dates differ, the rest of a running header does not. */
function runningKey(line: PageLine): string {
  return `${Math.round(line.y / 3)}|${normalizeText(line.text).replace(/\d+/g, "#")}`;
}

/** Running headers and footers sit in the page's top or bottom margin band: this fraction of its height. */
const RUNNING_BAND = 0.1;

/**
 * Drop running headers and footers: lines among the first or last two of every page, inside
 * the top or bottom margin band, that repeat at the same height and with the same text up to
 * numbers on every page, and are not the page's only content. With one page nothing repeats,
 * so nothing is dropped.
 */
function dropRunningLines(pages: LaidOutPage[], messages: IngestMessage[]): void {
  if (pages.length < 2) return;
  const candidates = (page: LaidOutPage): PageLine[] => {
    const lines: PageLine[] = [];
    const { elements } = page;
    if (elements.length < 2) return lines;
    for (const index of new Set([0, 1, elements.length - 2, elements.length - 1])) {
      const element = elements[index];
      if (element?.kind !== "line") continue;
      const { y } = element.line;
      const fromBottom = y - page.bottom;
      if (fromBottom > page.height * (1 - RUNNING_BAND) || fromBottom < page.height * RUNNING_BAND) lines.push(element.line);
    }
    return lines;
  };
  let common: Set<string> | undefined;
  for (const page of pages) {
    const keys = new Set(candidates(page).map(runningKey));
    common = common ? new Set([...common].filter((key) => keys.has(key))) : keys;
    if (common.size === 0) return;
  }
  if (!common) return;
  let dropped = 0;
  for (const page of pages) {
    const running = new Set(candidates(page).filter((line) => common.has(runningKey(line))));
    page.elements = page.elements.filter((element) => element.kind !== "line" || !running.has(element.line));
    dropped += running.size;
  }
  const examples = [...common].map((key) => key.slice(key.indexOf("|") + 1)).join(" / ");
  messages.push({
    code: "pdf-running-lines-dropped",
    message: `dropped ${dropped} running header/footer lines repeated on all ${pages.length} pages: ${examples}`,
  });
}

/** A table being assembled, possibly from parts on consecutive pages. */
interface TableInProgress {
  first: LaidOutTable;
  last: LaidOutTable;
  rows: LaidOutRow[];
}

type FlowItem = { kind: "lines"; lines: PageLine[] } | { kind: "table"; table: TableInProgress };

function buildTree(pages: LaidOutPage[]): Root {
  const items: FlowItem[] = [];
  for (const page of pages) {
    page.elements.forEach((element, index) => {
      const previous = items.at(-1);
      if (element.kind === "line") {
        if (previous?.kind === "lines") previous.lines.push(element.line);
        else items.push({ kind: "lines", lines: [element.line] });
        return;
      }
      if (previous?.kind === "table" && continuesTable(previous.table, element, pages)) {
        appendTablePart(previous.table, element);
        return;
      }
      items.push({ kind: "table", table: { first: element, last: element, rows: [...element.rows] } });
    });
  }

  const containers: Array<{ lines: PageLine[]; inTable: boolean }> = [];
  for (const item of items) {
    if (item.kind === "lines") containers.push({ lines: item.lines, inTable: false });
    else for (const row of item.table.rows) for (const cell of row.cells) containers.push({ lines: cell.lines, inTable: true });
  }
  const metrics = measureLines(containers);

  const children: RootContent[] = [];
  let tableNumber = 0;
  for (const item of items) {
    if (item.kind === "lines") {
      children.push(...buildBlocks(item.lines, { metrics, location: {}, allowHeadings: true }));
    } else {
      children.push(toTableNode(item.table, ++tableNumber, metrics));
    }
  }
  return { type: "root", children };
}

const SAME_COLUMN = 3;

/**
 * A table continues this one when the column boundaries match and it comes right after this
 * one's last part: opening the next page when this one ended its page, or on the same page
 * under the part carried over (the end of the row the page break cut, then rows with gutters
 * of their own). Not when it opens with this table's header key over other content: that is
 * the next table of a series of one form (a card per commitment), as a repeated header repeats whole.
 */
function continuesTable(table: TableInProgress, next: LaidOutTable, pages: LaidOutPage[]): boolean {
  const { last } = table;
  const lastPage = pages[last.page - 1];
  const overleaf = next.page === last.page + 1 && lastPage.elements.at(-1) === last && pages[next.page - 1].elements[0] === next;
  const underCarried = next.page === last.page && table.first.page < last.page && lastPage.elements[lastPage.elements.indexOf(last) + 1] === next;
  if (!overleaf && !underCarried) return false;
  if (next.xs.length !== last.xs.length) return false;
  const header = table.first.rows[0];
  const opening = next.rows[0];
  if (header && opening && sameShape(header, opening) && rowText(header) !== rowText(opening)) {
    const key = cellText(header.cells[0]);
    if (key !== "" && key === cellText(opening.cells[0])) return false;
  }
  // Gutter boundaries move with the widest text of each page ("S/N" above, "2" overleaf):
  // the columns match when each part's text stays within the other's columns.
  if (next.fromText || last.fromText) return textFitsColumns(next, last.xs) && textFitsColumns(last, next.xs);
  return next.xs.every((x, i) => Math.abs(x - last.xs[i]) <= SAME_COLUMN);
}

/** Every line of `part` within its cell's columns of `xs`, give or take its font size; the outer boundaries bound nothing. */
function textFitsColumns(part: LaidOutTable, xs: number[]): boolean {
  const columns = xs.length - 1;
  return part.rows.every((row) =>
    row.cells.every((cell) => {
      const from = part.rtl ? columns - (cell.column + cell.colSpan) : cell.column;
      const to = from + cell.colSpan;
      return cell.lines.every((line) => (from === 0 || line.left >= xs[from] - line.size) && (to === columns || line.right <= xs[to] + line.size));
    }),
  );
}

function cellText(cell: LaidOutCell): string {
  return normalizeText(cell.lines.map((l) => l.text).join(" "));
}

function rowText(row: LaidOutRow): string {
  return row.cells.map(cellText).join("\t");
}

function sameShape(a: LaidOutRow, b: LaidOutRow): boolean {
  return (
    a.cells.length === b.cells.length &&
    a.cells.every((cell, i) => cell.column === b.cells[i].column && cell.colSpan === b.cells[i].colSpan)
  );
}


/**
 * Append the part of a table found on the next page. A header row the word processor repeats
 * on each page is dropped. When the page break cut a row in two, the part's first row is the
 * rest of that row: it is merged back cell by cell. The cut is recognised by a cell whose text
 * stops mid-sentence at the page end and goes on in the same cell overleaf, by the first
 * cell (the row's key: number, name) being complete above and empty below, or by a row
 * overleaf with nothing in it.
 */
function appendTablePart(table: TableInProgress, part: LaidOutTable): void {
  let rows = part.rows;
  const header = table.first.rows[0];
  if (rows.length > 0 && header && sameShape(rows[0], header) && rowText(rows[0]) === rowText(header)) {
    rows = rows.slice(1);
  }
  const previous = table.rows.at(-1);
  const next = rows[0];
  // A header row alone at a page's foot is not a cut row: its words never end like sentences, yet the rows overleaf are its body.
  // Under the part carried over the page break the cut row has ended: the next row is a row of its own.
  const overleaf = part.page !== table.last.page;
  if (overleaf && previous && next && previous !== header && sameShape(previous, next) && isBrokenRow(previous, next)) {
    // A cell merged down the rows overleaf goes on down them from the row it is merged into.
    previous.cells.forEach((cell, i) => {
      cell.lines.push(...next.cells[i].lines);
      cell.rowSpan += next.cells[i].rowSpan - 1;
    });
    rows = rows.slice(1);
  }
  table.rows.push(...rows);
  table.last = part;
}

/** A row's key cell (its number, its code) as a whole line of a few words: "5", "A-12", "2.10". */
const KEY_WORDS = 3;

function isBrokenRow(previous: LaidOutRow, next: LaidOutRow): boolean {
  // Nothing at all overleaf: the row's bottom padding (or an empty paragraph) spilled over.
  if (next.cells.every((cell) => cell.lines.length === 0)) return true;
  // A short key on each side ("5" above, "6" overleaf) is two rows' keys: the page ended between rows,
  // however the cells above end (a tracker's cells seldom end with a stop).
  const shortKey = (row: LaidOutRow): boolean => row.cells[0]?.lines.length === 1 && row.cells[0].lines[0].text.trim().split(/\s+/u).length <= KEY_WORDS;
  if (shortKey(previous) && shortKey(next)) return false;
  let cutMidSentence = false;
  for (let i = 0; i < previous.cells.length; i++) {
    const above = previous.cells[i].lines;
    const below = next.cells[i].lines;
    if (above.length === 0 && below.length > 0) return false;
    const lastAbove = above.at(-1);
    if (lastAbove && below.length > 0 && !SENTENCE_END.test(normalizeText(lastAbove.text))) cutMidSentence = true;
  }
  const keyDoneAbove = previous.cells[0].lines.length > 0 && next.cells[0].lines.length === 0;
  return cutMidSentence || keyDoneAbove;
}

/** `ocrConfidence` for a block made of these lines, when they were recognised. */
function ocrConfidenceOf(lines: PageLine[]): { ocrConfidence?: number } {
  const confidence = meanConfidence(lines);
  return confidence === undefined ? {} : { ocrConfidence: confidence };
}

function toTableNode(table: TableInProgress, tableNumber: number, metrics: LineMetrics): Table {
  const rows: TableRow[] = table.rows.map((row, r) => {
    const rowNumber = r + 1;
    const cells: TableCell[] = row.cells.map((cell, c) => toCellNode(cell, row, tableNumber, rowNumber, c + 1, metrics));
    return { type: "tableRow", children: cells, data: { source: { page: row.page, table: tableNumber, row: rowNumber, ...ocrConfidenceOf(row.cells.flatMap((cell) => cell.lines)) } } };
  });
  return { type: "table", children: rows, data: { source: { page: table.first.page, table: tableNumber } } };
}

function toCellNode(
  cell: LaidOutCell,
  row: LaidOutRow,
  table: number,
  rowNumber: number,
  cellNumber: number,
  metrics: LineMetrics,
): TableCell {
  const blocks: BlockContent[] = buildBlocks(cell.lines, {
    metrics,
    location: { table, row: rowNumber, cell: cellNumber },
    allowHeadings: false,
  });
  const node: TableCell = {
    type: "tableCell",
    // Cells hold blocks, not phrasing (see tree.ts): mdast's types cannot say so.
    children: blocks as unknown as TableCell["children"],
    data: { source: { page: cell.lines[0]?.page ?? row.page, table, row: rowNumber, cell: cellNumber, ...ocrConfidenceOf(cell.lines) } },
  };
  if (cell.colSpan > 1) node.data!.colSpan = cell.colSpan;
  if (cell.rowSpan > 1) node.data!.rowSpan = cell.rowSpan;
  return node;
}
