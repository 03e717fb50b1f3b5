/**
 * The .docx reader: Word file -> the shared mdast tree (see tree.ts).
 *
 * Why mammoth's document model and not its HTML: the model keeps what HTML flattens or that
 * we would have to parse back (paragraph style names, list levels, vertical merges already
 * resolved into row spans), and skipping HTML serialization plus rehype and hast-to-mdast
 * roughly halves the time per file. The model is read through mammoth's docx reader module
 * (`mammoth/lib/docx/docx-reader.js`), which mammoth documents as the unstable input of its
 * `transformDocument` option; the interfaces below state the part of it we rely on, and
 * tests/ingest-docx.test.ts fails if a mammoth update changes it.
 *
 * The zip container is opened by docx-zip.ts, not by mammoth's JSZip, so that zip bombs are
 * refused from the central directory before anything is inflated. The XML parts are parsed by
 * docx-xml.ts, not by mammoth's DOM-based reader, which took two fifths of the time per file.
 * Between parsing and mammoth's reading, docx-annotate.ts removes hidden text and records
 * what mammoth's model lacks (Word's numbers, outline levels, complex-script bold, shading);
 * page headers and footers, which mammoth ignores, are read by docx-furniture.ts.
 *
 * Tree shape (the PDF and text readers produce the same):
 * - root children: `heading`, `paragraph`, `list`, `table`;
 * - `paragraph`/`heading`: the normalized paragraph text, a Word line break (Shift+Enter) as a
 *   `break` between its lines. Inline formatting is dropped, except that a short paragraph bold
 *   from end to end (w:b, or w:bCs for Arabic letters) has its text in one `strong`: the
 *   title line Word users make by hand. Headings come from the style ("heading N", "Title"),
 *   the outline level (w:outlineLvl, direct or through the style), or a style based on a
 *   heading style, so localized style names count. `data.notes` holds the texts of the
 *   footnotes and endnotes whose marks stand in the block;
 * - `list` -> `listItem` -> `paragraph` (and a nested `list` for deeper Word list levels);
 *   Word lists keep `ordered` and, when ordered, `start`: the number Word shows for the first
 *   item (docx-numbering.ts), so a list that restarts or continues another one is numbered as
 *   in Word; each Word item has `data.label`, the text Word shows before it ("2.3", "(b)",
 *   "III."); a heading numbered by its style has its `data.label` too. A number that does not
 *   follow the previous item's starts another list. Paragraphs typed with a leading "-", "–"
 *   or a bullet glyph become items of an unordered list, the marker removed;
 * - `table` -> `tableRow` -> `tableCell`; a cell's children are BLOCK nodes (`paragraph`,
 *   `list`, and `table` for a nested table), not phrasing: GFM cells hold one line, but a
 *   minutes cell holds several paragraphs and lists that must stay apart. mdast's types say
 *   phrasing, hence the one cast in `tableCell`. Merged cells stay one cell with
 *   `data.colSpan` / `data.rowSpan` (> 1 only); the cells a merge covers are not emitted;
 *   a shaded cell has `data.fill` (six hex digits);
 * - the root has `data.furniture` (page headers and footers, see tree.ts) when the file has any;
 * - hidden text (w:vanish) and deleted tracked text are not in the tree: Word does not print them;
 * - every block node (also list, listItem, tableRow, tableCell) has `data.source`: `{}` outside
 *   tables (a .docx has no pages), `{table}` on a table, `{table, row}` on a row and
 *   `{table, row, cell}` on a cell and everything inside it. Tables count from 1 in reading
 *   order (a nested table takes the next number); rows count every row of the table from 1;
 *   `cell` is the cell's position among its row's emitted cells (as in the PDF and text
 *   readers), so below a vertical merge the cells count from the first one not covered.
 */
import { createRequire } from "node:module";
import type {
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from "mdast";
import { BULLET, CHECKBOX, normalizeText } from "../text/normalize.js";
import { DocumentFacts, PartPreparer, type CellFacts, type ParagraphFacts } from "./docx-annotate.js";
import { readFurniture } from "./docx-furniture.js";
import { NumberingDefinitions } from "./docx-numbering.js";
import { StyleSheet } from "./docx-styles.js";
import { PreparedPart, readPart, type MammothXmlElement } from "./docx-xml.js";
import { looksLikeZip, ZipArchive } from "./docx-zip.js";
import { IngestError } from "./errors.js";
import type { DocumentMetadata, Furniture, IngestMessage, Reader, SourceLocation } from "./tree.js";

// ---------------------------------------------------------------------------------------------
// mammoth's document model, as far as this reader uses it (mammoth/lib/documents.js).

interface MammothNumbering {
  isOrdered: boolean;
  /** The list level as a string: "0" is the outermost. */
  level: string;
}
interface MammothParagraph {
  type: "paragraph";
  children: MammothElement[];
  styleId: string | null;
  styleName: string | null;
  numbering: MammothNumbering | null;
}
interface MammothTable {
  type: "table";
  children: MammothElement[];
}
interface MammothTableRow {
  type: "tableRow";
  children: MammothElement[];
}
interface MammothTableCell {
  type: "tableCell";
  children: MammothElement[];
  colSpan: number;
  rowSpan: number;
}
interface MammothText {
  type: "text";
  value: string;
}
interface MammothBreak {
  type: "break";
  breakType: "line" | "page" | "column";
}
interface MammothCheckbox {
  type: "checkbox";
  checked: boolean;
}
/** A bookmark: docx-annotate.ts marks paragraphs and cells with bookmarks that name their facts. */
interface MammothBookmark {
  type: "bookmarkStart";
  name: string;
}
interface MammothNoteReference {
  type: "noteReference";
  noteType: "footnote" | "endnote";
  noteId: string;
}
/** Runs, hyperlinks and the rest: only their children matter here. */
interface MammothOther {
  type: "run" | "hyperlink" | "tab" | "image" | "commentReference";
  children?: MammothElement[];
}
type MammothElement =
  | MammothParagraph
  | MammothTable
  | MammothTableRow
  | MammothTableCell
  | MammothText
  | MammothBreak
  | MammothCheckbox
  | MammothBookmark
  | MammothNoteReference
  | MammothOther;

interface MammothNote {
  body: MammothElement[];
}
interface MammothDocument {
  type: "document";
  children: MammothElement[];
  notes: { findNoteByKey(key: string): MammothNote | null };
  comments: unknown[];
}
interface MammothMessage {
  type: "warning" | "error";
  message: string;
}
/** What mammoth's docx reader needs from a zip: its own zipfile.js has this shape. */
interface MammothDocxFile {
  exists(name: string): boolean;
  /** mammoth reads XML parts with encoding "utf-8" and hands the result to its XML reader: see PreparedPart. */
  read(name: string, encoding?: string): Promise<PreparedPart | Uint8Array>;
}
interface MammothDocxReader {
  read(
    file: MammothDocxFile,
    input: Record<string, never>,
    options: { externalFileAccess: boolean },
  ): Promise<{ value: MammothDocument; messages: MammothMessage[] }>;
}

const require = createRequire(import.meta.url);
const docxReader = require("mammoth/lib/docx/docx-reader.js") as MammothDocxReader;
// mammoth's docx reader calls its XML reader through this module's export at each part. The
// swap is process-wide (the module is shared), and harmless to other users of mammoth in the
// process: docx-xml.ts builds the very elements mammoth's reader builds, and prepares only the
// parts this reader hands to mammoth itself.
(require("mammoth/lib/xml/index.js") as { readString: typeof readPart }).readString = readPart;

// ---------------------------------------------------------------------------------------------
// Guards on the container.

/** First 8 bytes of an OLE compound file: legacy .doc, and every password-protected Office file. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Streams an encrypted OOXML package stores inside its OLE wrapper (MS-OFFCRYPTO), as UTF-16LE directory names. */
const OLE_ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"].map((name) => Buffer.from(name, "utf16le"));
/**
 * An XML part larger than this is refused before parsing: mammoth builds a full DOM
 * (roughly ten times the text in memory). Minutes of a hundred pages stay under 5 MB.
 */
const MAX_XML_PART_BYTES = 32 * 1024 * 1024;
/** OOXML forbids DTDs; refusing them rules out entity expansion whatever the XML parser does. */
const DTD_DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

/** Members that mark a zip as another office format, with the name to tell the user. */
const OTHER_ZIP_FORMATS: ReadonlyArray<[member: string, format: string]> = [
  ["xl/workbook.xml", "an Excel workbook (.xlsx)"],
  ["ppt/presentation.xml", "a PowerPoint presentation (.pptx)"],
  ["mimetype", "an OpenDocument file (.odt/.ods/.odp)"],
  ["META-INF/manifest.xml", "an OpenDocument or EPUB file"],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function refuseNonZip(path: string, bytes: Uint8Array): never {
  if (startsWith(bytes, OLE_MAGIC)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (OLE_ENCRYPTION_STREAMS.some((name) => buffer.includes(name))) {
      throw new IngestError(path, "encrypted", "password-protected Office file: open it in Word and save it without a password");
    }
    throw new IngestError(path, "unsupported", "legacy Word 97-2003 (.doc) file: save it as .docx");
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new IngestError(path, "unsupported", "a PDF file named .docx");
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new IngestError(path, "unsupported", "an RTF file named .docx");
  throw new IngestError(path, "corrupt", "not a Word file (not a zip archive)");
}

/**
 * What one file's parts tell the reader beyond mammoth's model. The style sheet and the
 * numbering are taken from mammoth's own parse of them (mammoth reads them before the notes
 * and the main document, which need them), so no part is parsed twice.
 */
class PartContext {
  private styles: StyleSheet | null = null;
  private numbering: NumberingDefinitions | null = null;
  private preparerMade: PartPreparer | null = null;

  get preparer(): PartPreparer {
    this.preparerMade ??= new PartPreparer(this.styles ?? StyleSheet.empty, this.numbering ?? NumberingDefinitions.empty);
    return this.preparerMade;
  }

  get facts(): DocumentFacts {
    return this.preparer.facts;
  }

  prepare(root: MammothXmlElement): void {
    switch (root.name) {
      case "w:styles":
        this.styles = StyleSheet.read(root);
        break;
      case "w:numbering":
        this.numbering = NumberingDefinitions.read(root);
        break;
      case "w:document":
        this.preparer.prepareDocument(root);
        break;
      case "w:footnotes":
      case "w:endnotes":
      case "w:comments":
        this.preparer.prepareNotes(root);
        break;
      default:
        break;
    }
  }
}

/** mammoth's view of the archive: every XML part is size-checked and DTD-checked before mammoth parses it. */
function mammothFile(path: string, zip: ZipArchive, parts: PartContext): MammothDocxFile {
  const decoder = new TextDecoder("utf-8");
  return {
    exists: (name) => zip.has(name),
    read: async (name, encoding) => {
      if (encoding === undefined) return zip.read(name);
      if (encoding !== "utf-8") throw new IngestError(path, "unsupported", `cannot decode ${name} as ${encoding}`);
      return new PreparedPart(readXmlPart(path, zip, name, decoder), (root) => parts.prepare(root));
    },
  };
}

function readXmlPart(path: string, zip: ZipArchive, name: string, decoder: TextDecoder): string {
  const size = zip.sizeOf(name) ?? 0;
  if (size > MAX_XML_PART_BYTES) {
    throw new IngestError(path, "too-large", `${name} is ${size} bytes of XML (limit ${MAX_XML_PART_BYTES})`);
  }
  const xml = decoder.decode(zip.read(name));
  if (DTD_DECLARATION.test(xml)) {
    throw new IngestError(path, "corrupt", `${name} declares a DTD or entities, which Office files never do`);
  }
  return xml;
}

// ---------------------------------------------------------------------------------------------
// Metadata (docProps/core.xml: Dublin Core elements; prefixes are conventional, not fixed).

const XML_ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

const MAX_CODE_POINT = 0x10ffff;

function decodeXmlText(s: string): string {
  return s.replace(XML_ENTITY, (reference, decimal: string | undefined, hex: string | undefined, named: string | undefined) => {
    if (named) return NAMED_ENTITIES[named]!;
    const codePoint = decimal ? Number(decimal) : parseInt(hex!, 16);
    // An out-of-range reference is malformed XML; keep it as written rather than fail the whole file over a title.
    return codePoint <= MAX_CODE_POINT ? String.fromCodePoint(codePoint) : reference;
  });
}

function coreProperty(xml: string, localName: string): string | undefined {
  const element = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?>([^<]*)</(?:[\\w.-]+:)?${localName}>`).exec(xml);
  return element ? decodeXmlText(element[1]!) : undefined;
}

function readMetadata(path: string, zip: ZipArchive): DocumentMetadata {
  const corePart = "docProps/core.xml";
  if (!zip.has(corePart)) return {};
  const xml = readXmlPart(path, zip, corePart, new TextDecoder("utf-8"));
  const metadata: DocumentMetadata = {};
  const title = normalizeText(coreProperty(xml, "title") ?? "");
  const author = normalizeText(coreProperty(xml, "creator") ?? "");
  const created = coreProperty(xml, "created")?.trim();
  const modified = coreProperty(xml, "modified")?.trim();
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (created) metadata.created = created;
  if (modified) metadata.modified = modified;
  return metadata;
}

// ---------------------------------------------------------------------------------------------
// Document model -> mdast.

/**
 * A typed list marker at the start of a normalized line: the normalizer has already turned
 * every bullet glyph into BULLET + space. A dash counts when a space or a letter follows it
 * ("- item", "-item" as typed in the corpus), not a digit: "-5" is a number.
 */
const TYPED_MARKER = new RegExp(`^(?:${BULLET} ?|[-\\u2010\\u2011\\u2013\\u2014](?: +(?=\\S)|(?=\\p{L})))`, "u");

interface Context {
  nextTable: number;
  images: number;
  facts: DocumentFacts;
  notes: MammothDocument["notes"];
}

type BlockNode = Paragraph | Heading | List | Table;

/** What a paragraph's runs hold besides its text. */
interface Collected {
  text: string[];
  /** Blocks mammoth nests inside runs (text boxes), read after the paragraph. */
  nested: MammothElement[];
  facts?: ParagraphFacts;
  noteReferences: MammothNoteReference[];
}

/** A paragraph's text with line breaks as "\n", its facts and note marks; nested blocks set aside. */
function collectText(elements: MammothElement[], out: Collected, context: Context): void {
  for (const element of elements) {
    switch (element.type) {
      case "text":
        out.text.push(element.value);
        break;
      case "tab":
        out.text.push("\t");
        break;
      case "break":
        out.text.push(element.breakType === "line" ? "\n" : " ");
        break;
      case "checkbox":
        out.text.push(`${element.checked ? CHECKBOX.checked : CHECKBOX.unchecked} `);
        break;
      case "image":
        context.images++;
        break;
      case "bookmarkStart":
        out.facts ??= context.facts.paragraphOf(element.name);
        break;
      case "noteReference":
        out.noteReferences.push(element);
        break;
      case "paragraph":
      case "table":
        out.nested.push(element);
        break;
      default:
        if ("children" in element && element.children) collectText(element.children, out, context);
    }
  }
}

/** A note's text: its paragraphs, each normalized, one per line. */
function noteText(note: MammothNote, context: Context): string {
  const lines: string[] = [];
  const paragraphs = (elements: MammothElement[]): void => {
    for (const element of elements) {
      if (element.type === "paragraph") {
        const collected: Collected = { text: [], nested: [], noteReferences: [] };
        collectText(element.children, collected, context);
        const line = normalizeText(collected.text.join(""));
        if (line) lines.push(line);
        paragraphs(collected.nested);
      } else if ("children" in element && element.children) {
        paragraphs(element.children);
      }
    }
  };
  paragraphs(note.body);
  return lines.join("\n");
}

function textNode(value: string): PhrasingContent {
  return { type: "text", value };
}

/** A Word line break (Shift+Enter) is a hard break, as mdast's `break`: the lines of one paragraph, not one wrapped line. */
function linesOf(text: string): PhrasingContent[] {
  return text.split("\n").flatMap((line, k): PhrasingContent[] => (k === 0 ? [textNode(line)] : [{ type: "break" }, textNode(line)]));
}

function paragraphNode(text: string, source: SourceLocation, strong = false): Paragraph {
  const children: PhrasingContent[] = strong ? [{ type: "strong", children: linesOf(text) }] : linesOf(text);
  return { type: "paragraph", children, data: { source: { ...source } } };
}

/**
 * A paragraph bold from end to end is kept as `strong` when it is short: a title line Word
 * users make by hand (in Arabic often through complex-script bold alone), not a bold sentence.
 */
const MAX_BOLD_TITLE_WORDS = 20;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** A Word list item: its number as Word shows it (docx-numbering.ts), or mammoth's bare level when facts are missing. */
interface WordNumber {
  level: number;
  ordered: boolean;
  value: number | null;
  label: string;
  /** The abstract numbering whose counters it advances: items of one list share it. */
  sequence: string | null;
}

function wordNumber(paragraph: MammothParagraph, facts: ParagraphFacts | undefined): WordNumber | null {
  if (facts) {
    const number = facts.number;
    return number && { level: number.level, ordered: number.ordered, value: number.value, label: number.label, sequence: number.abstractId };
  }
  const numbering = paragraph.numbering;
  return numbering && { level: Number(numbering.level) || 0, ordered: numbering.isOrdered, value: null, label: "", sequence: null };
}

/** Accumulates the blocks of one container (the body or a cell), grouping list paragraphs into lists. */
class BlockBuilder {
  readonly blocks: BlockNode[] = [];
  /** Open Word lists, outermost first, with their level and the last number shown. */
  private wordLists: Array<{ list: List; level: number; sequence: string | null; value: number | null }> = [];
  /** The open list of typed-marker paragraphs, if the previous block was one. */
  private typedList: List | null = null;

  constructor(
    private readonly source: SourceLocation,
    /** Inside a table cell headings are kept as paragraphs: cells hold paragraphs and lists only. */
    private readonly inCell: boolean,
  ) {}

  /** Adds a paragraph; returns the block that stands for it (the first one when typed markers split it), if any. */
  addParagraph(paragraph: MammothParagraph, text: string, facts: ParagraphFacts | undefined): Paragraph | Heading | null {
    const number = wordNumber(paragraph, facts);
    const depth = facts?.headingDepth ?? null;
    const strong = facts?.bold === true && wordCount(text) <= MAX_BOLD_TITLE_WORDS;
    if (depth !== null && !this.inCell) {
      this.closeLists();
      const heading: Heading = {
        type: "heading",
        depth: depth as Heading["depth"],
        children: [textNode(text)],
        data: { source: { ...this.source } },
      };
      if (number?.label) heading.data!.label = number.label;
      this.blocks.push(heading);
      return heading;
    }
    if (number) {
      // A typed bullet inside a Word list item is a second marker, not text.
      const itemText = stripMarker(text);
      return itemText ? this.addWordListItem(number, itemText, strong) : null;
    }
    return this.addPlainParagraph(text, strong);
  }

  addTable(table: Table): void {
    this.closeLists();
    this.blocks.push(table);
  }

  private addPlainParagraph(text: string, strong: boolean): Paragraph | null {
    const lines = text.split("\n");
    const firstItem = lines.findIndex((line) => TYPED_MARKER.test(line));
    if (firstItem < 0) {
      this.closeLists();
      const paragraph = paragraphNode(text, this.source, strong);
      this.blocks.push(paragraph);
      return paragraph;
    }
    // Lines before the first marker are the paragraph's lead-in; each marker starts an item,
    // and unmarked lines after it continue that item (a soft-wrapped item).
    let first: Paragraph | null = null;
    if (firstItem > 0) {
      this.closeLists();
      first = paragraphNode(lines.slice(0, firstItem).join("\n"), this.source);
      this.blocks.push(first);
    }
    let item: string[] = [];
    for (const line of lines.slice(firstItem)) {
      if (TYPED_MARKER.test(line) && item.length > 0) {
        const added = this.addTypedItem(item.join("\n"));
        first ??= added;
        item = [];
      }
      item.push(item.length === 0 ? stripMarker(line) : line);
    }
    const last = this.addTypedItem(item.join("\n"));
    return first ?? last;
  }

  private addTypedItem(text: string): Paragraph | null {
    if (!text) return null;
    if (!this.typedList) {
      this.closeLists();
      this.typedList = this.newList(false, null);
      this.blocks.push(this.typedList);
    }
    const item = this.listItem(text, false);
    this.typedList.children.push(item);
    return item.children[0] as Paragraph;
  }

  private addWordListItem(number: WordNumber, text: string, strong: boolean): Paragraph {
    this.typedList = null;
    const { level } = number;
    const open = this.wordLists;
    while (open.length > 0 && open.at(-1)!.level > level) open.pop();
    let top = open.at(-1);
    // Another numbering, or a number that does not follow the last one (a restart), begins another list.
    const follows =
      top !== undefined &&
      (top.sequence === null || number.sequence === null || top.sequence === number.sequence) &&
      (top.value === null || number.value === null || number.value === top.value + 1);
    if (top && top.level === level && (top.list.ordered !== number.ordered || !follows)) {
      open.pop();
      top = undefined;
    }
    if (!top || top.level < level) {
      const list = this.newList(number.ordered, number.ordered ? number.value : null);
      // Every open list has at least one item: a deeper level nests in the last one.
      const parentItem = open.at(-1)?.list.children.at(-1);
      if (parentItem) parentItem.children.push(list);
      else this.blocks.push(list);
      top = { list, level, sequence: number.sequence, value: null };
      open.push(top);
    }
    top.value = number.value;
    const item = this.listItem(text, strong);
    if (number.label) item.data!.label = number.label;
    top.list.children.push(item);
    return item.children[0] as Paragraph;
  }

  private newList(ordered: boolean, start: number | null): List {
    const list: List = { type: "list", ordered, spread: false, children: [], data: { source: { ...this.source } } };
    if (start !== null) list.start = start;
    return list;
  }

  private listItem(text: string, strong: boolean): ListItem {
    return { type: "listItem", spread: false, children: [paragraphNode(text, this.source, strong)], data: { source: { ...this.source } } };
  }

  closeLists(): void {
    this.wordLists = [];
    this.typedList = null;
  }
}

function stripMarker(text: string): string {
  return text.replace(TYPED_MARKER, "");
}

function convertBlocks(elements: MammothElement[], builder: BlockBuilder, context: Context): void {
  for (const element of elements) {
    if (element.type === "paragraph") {
      const collected: Collected = { text: [], nested: [], noteReferences: [] };
      collectText(element.children, collected, context);
      const text = normalizeText(collected.text.join(""));
      const block = text ? builder.addParagraph(element, text, collected.facts) : null;
      if (block && collected.facts && collected.facts.noteMarks.length > 0) block.data!.noteMarks = collected.facts.noteMarks;
      if (block && collected.noteReferences.length > 0) {
        const notes = collected.noteReferences
          .map((reference) => context.notes.findNoteByKey(`${reference.noteType}-${reference.noteId}`))
          .filter((note): note is MammothNote => note !== null)
          .map((note) => noteText(note, context))
          .filter(Boolean);
        if (notes.length > 0) block.data!.notes = notes;
      }
      if (collected.nested.length > 0) convertBlocks(collected.nested, builder, context);
    } else if (element.type === "table") {
      builder.addTable(convertTable(element, context));
    } else if ("children" in element && element.children) {
      // Content controls and the like wrap blocks without meaning anything themselves.
      convertBlocks(element.children, builder, context);
    }
  }
}

function convertTable(table: MammothTable, context: Context): Table {
  const tableNumber = context.nextTable++;
  const rows: TableRow[] = [];
  let columns = 0;
  for (const rowElement of table.children) {
    if (rowElement.type !== "tableRow") continue;
    const rowSource: SourceLocation = { table: tableNumber, row: rows.length + 1 };
    const cells: TableCell[] = [];
    let width = 0;
    for (const cellElement of rowElement.children) {
      if (cellElement.type !== "tableCell") continue;
      const cellSource: SourceLocation = { ...rowSource, cell: cells.length + 1 };
      const builder = new BlockBuilder(cellSource, true);
      convertBlocks(cellElement.children, builder, context);
      cells.push(tableCell(builder.blocks, cellSource, cellElement, cellFacts(cellElement, context)));
      width += cellElement.colSpan;
    }
    columns = Math.max(columns, width);
    rows.push({ type: "tableRow", children: cells, data: { source: rowSource } });
  }
  return {
    type: "table",
    align: Array.from({ length: columns }, () => null),
    children: rows,
    data: { source: { table: tableNumber } },
  };
}

function cellFacts(cell: MammothTableCell, context: Context): CellFacts | undefined {
  for (const element of cell.children) {
    if (element.type === "bookmarkStart") {
      const facts = context.facts.cellOf(element.name);
      if (facts) return facts;
    }
  }
  return undefined;
}

function tableCell(blocks: BlockNode[], source: SourceLocation, element: MammothTableCell, facts: CellFacts | undefined): TableCell {
  const cell: TableCell = {
    type: "tableCell",
    // Block content in a cell: see the tree shape at the top of this file.
    children: blocks as unknown as PhrasingContent[],
    data: { source },
  };
  if (element.colSpan > 1) cell.data!.colSpan = element.colSpan;
  if (element.rowSpan > 1) cell.data!.rowSpan = element.rowSpan;
  if (facts?.fill) cell.data!.fill = facts.fill;
  return cell;
}

function readerMessages(document: MammothDocument, warnings: MammothMessage[], context: Context): IngestMessage[] {
  // mammoth already reports each distinct warning once.
  const messages: IngestMessage[] = warnings.map((warning) => ({ code: "docx-reader-note", message: `${warning.type}: ${warning.message}` }));
  if (document.comments.length > 0) {
    messages.push({ code: "comments-omitted", message: `${document.comments.length} reviewer comment(s) not included` });
  }
  if (context.images > 0) {
    messages.push({ code: "images-omitted", message: `${context.images} image(s) not read: text inside images is lost` });
  }
  return messages;
}

// ---------------------------------------------------------------------------------------------

export const readDocx: Reader = async (bytes, path) => {
  if (bytes.length === 0) throw new IngestError(path, "empty", "the file is empty (0 bytes)");
  if (!looksLikeZip(bytes)) refuseNonZip(path, bytes);

  const zip = ZipArchive.open(path, bytes);
  if (!zip.has("word/document.xml")) {
    const other = OTHER_ZIP_FORMATS.find(([member]) => zip.has(member));
    if (other) throw new IngestError(path, "unsupported", `${other[1]}, not a Word document`);
  }

  const parts = new PartContext();
  let result: Awaited<ReturnType<MammothDocxReader["read"]>>;
  let furniture: Furniture;
  try {
    result = await docxReader.read(mammothFile(path, zip, parts), {}, { externalFileAccess: false });
    const decoder = new TextDecoder("utf-8");
    furniture = await readFurniture((name) => (zip.has(name) ? readXmlPart(path, zip, name, decoder) : undefined), parts.preparer);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError(path, "corrupt", `not a readable Word document: ${reason}`, { cause: error });
  }

  const context: Context = { nextTable: 1, images: 0, facts: parts.facts, notes: result.value.notes };
  const body = new BlockBuilder({}, false);
  convertBlocks(result.value.children, body, context);
  if (body.blocks.length === 0) {
    const images = context.images > 0 ? ` (${context.images} image(s): scanned pages pasted into Word?)` : "";
    throw new IngestError(path, "empty", `the document has no text${images}`);
  }
  const tree: Root = { type: "root", children: body.blocks as RootContent[] };
  if (furniture.headers.length > 0 || furniture.footers.length > 0) tree.data = { furniture };

  return {
    path,
    format: "docx",
    pages: null,
    metadata: readMetadata(path, zip),
    tree,
    messages: readerMessages(result.value, result.messages, context),
  };
};
