/**
 * Readers for plain text (.txt) and Markdown (.md).
 *
 * Plain-text minutes are mostly what Word's "save as text" writes: one line per
 * paragraph, and each table cell starting on a new line with a TAB, one blank line
 * after each table row. `readText` rebuilds lists and those tables as far as the
 * text allows; `readMarkdown` lets remark do the parsing. Both return the same
 * tree shape as the docx and PDF readers: table cells hold block nodes.
 */
import type {
  BlockContent,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import { BULLET, CHECKBOX, normalizeText } from "../text/normalize.js";
import { IngestError } from "./errors.js";
import type { DocumentMetadata, DocumentTree, IngestMessage, Reader, SourceLocation } from "./tree.js";

// ---------------------------------------------------------------------------
// Decoding

const UTF8_DECODER = new TextDecoder("utf-8", { fatal: true });
const UTF16LE_DECODER = new TextDecoder("utf-16le", { fatal: true });
const UTF16BE_DECODER = new TextDecoder("utf-16be", { fatal: true });

/** How many leading bytes are inspected to guess a BOM-less UTF-16 file. */
const UTF16_SNIFF_BYTES = 512;

/** The text encoding of `bytes`, or null if they are not UTF-8 or UTF-16 text. */
export function detectTextEncoding(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const head = bytes.subarray(0, UTF16_SNIFF_BYTES);
  if (!head.includes(0)) {
    try {
      UTF8_DECODER.decode(bytes);
      return "utf-8";
    } catch {
      return null;
    }
  }
  // No BOM but NUL bytes: UTF-16 text of a Latin or Arabic script has a zero (or a
  // small 0x06) high byte in every other position; anything else is binary.
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const pairs = Math.floor(head.length / 2);
  const candidate = zeroOdd > pairs * 0.3 && zeroEven === 0 ? "utf-16le" : zeroEven > pairs * 0.3 && zeroOdd === 0 ? "utf-16be" : null;
  if (candidate === null || bytes.length % 2 !== 0) return null;
  try {
    (candidate === "utf-16le" ? UTF16LE_DECODER : UTF16BE_DECODER).decode(bytes);
    return candidate;
  } catch {
    return null;
  }
}

/** Control characters that never occur in a text file (tab, LF, VT, FF, CR excepted). */
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/;

/** Decodes a text file (UTF-8 with or without BOM, UTF-16 with or without BOM); anything else is an IngestError. */
export function decodeText(bytes: Uint8Array, path: string): string {
  const encoding = detectTextEncoding(bytes);
  if (encoding === null) {
    throw new IngestError(path, "unsupported", "not UTF-8 or UTF-16 text (legacy code pages such as Windows-1256 are not supported: re-save the file as UTF-8)");
  }
  const decoder = encoding === "utf-8" ? UTF8_DECODER : encoding === "utf-16le" ? UTF16LE_DECODER : UTF16BE_DECODER;
  // TextDecoder strips the BOM by default.
  const text = decoder.decode(bytes);
  if (BINARY_CONTROL.test(text)) throw new IngestError(path, "unsupported", "binary content, not a text file");
  return text;
}

// ---------------------------------------------------------------------------
// Shared tree helpers

/**
 * mdast types table cells as holding phrasing content only, but minutes put
 * paragraphs and lists in cells. Every reader keeps those blocks (flattening
 * would lose the list structure extraction needs), so the children are cast here,
 * in one place.
 */
function tableCell(blocks: BlockContent[], source: SourceLocation, colSpan?: number): TableCell {
  const cell: TableCell = { type: "tableCell", children: blocks as unknown as PhrasingContent[], data: { source } };
  if (colSpan !== undefined && colSpan > 1) cell.data = { ...cell.data, colSpan };
  return cell;
}

function documentTree(path: string, format: "txt" | "md", tree: Root, messages: IngestMessage[], metadata: DocumentMetadata = {}): DocumentTree {
  if (tree.children.length === 0) throw new IngestError(path, "empty", "the file contains no text");
  return { path, format, pages: null, metadata, tree, messages };
}

// ---------------------------------------------------------------------------
// Plain text: lines to blocks

/** A source line after normalization; `text` is "" for a blank line. */
interface TextLine {
  text: string;
  line: number;
  /** How far the line was indented (spaces, a tab counting as four) before normalization trimmed it. */
  indent?: number;
}

/** A list item line; `symbol` is its bullet ("•", "-", ...) or "1." for numbered items. */
type Marker = { kind: "bullet"; symbol: string; text: string } | { kind: "ordered"; symbol: string; start: number; text: string };

/**
 * normalizeText's bullet (every bullet glyph became it), and dashes even without a space
 * ("-فتح ..." is how people type them) unless a number or another dash follows; "*" and
 * "+" need a space.
 */
const BULLET_ITEM = new RegExp(`^(${BULLET}|[-–—](?![\\d\\-–—])|[*+](?= ))(.*)$`, "su");
const ORDERED_ITEM = /^(\d{1,3})[.)] +(.+)$/su;

function listMarker(text: string): Marker | null {
  const ordered = ORDERED_ITEM.exec(text);
  if (ordered) return { kind: "ordered", symbol: "1.", start: Number(ordered[1]), text: ordered[2] };
  const bullet = BULLET_ITEM.exec(text);
  // A lone dash line is a separator, not an empty item.
  if (bullet && bullet[2].trim() !== "") return { kind: "bullet", symbol: bullet[1], text: bullet[2].trim() };
  return null;
}

function paragraph(text: string, source: SourceLocation): Paragraph {
  return { type: "paragraph", children: [{ type: "text", value: text }], data: { source } };
}

/** Words a title line runs to: "III. PRÉPARATION DE LA SEMAINE DU GOUVERNEMENT OUVERT", "ACTION POINTS". */
const CAPITAL_TITLE_WORDS = 12;
/** A word this long in capitals is a word, not an initialism: "AGENDA", "DIVERS" (a line of only "OGP", "PGO – CI" is a name). */
const CAPITAL_WORD = /\p{Lu}{5,}/u;

/**
 * Plain text cannot bold a title, so minutes typed as text write it in capitals on a line of its own
 * ("PRESENT", "ACTION POINTS", "I. ADOPTION DU COMPTE RENDU"), where Word would set it bold: such a line
 * is read as emphasized. Every letter must be a capital, so a script without case (Arabic) never makes
 * one, nor does a line that only names bodies by their initials; a sentence ends with its stop.
 */
export function isCapitalTitle(text: string): boolean {
  if (text.includes("\n") || /[.;,!?؟]\s*$/u.test(text)) return false;
  if (text.split(/\s+/u).filter(Boolean).length > CAPITAL_TITLE_WORDS) return false;
  return CAPITAL_WORD.test(text) && !/(?!\p{Lu})\p{L}/u.test(text);
}

/** A paragraph of one line in capitals, its text made strong as a reader of Word gives a bold title. */
function emphasizeCapitalTitle(block: BlockContent): BlockContent {
  if (block.type !== "paragraph" || block.children.length !== 1 || block.children[0].type !== "text") return block;
  const text = block.children[0];
  return isCapitalTitle(text.value) ? { ...block, children: [{ type: "strong", children: [text] }] } : block;
}

/** A list being filled, and where its items' markers stand. */
interface OpenList {
  list: List;
  indent: number;
  symbol: string;
}

/**
 * Turns a run of lines into paragraphs and lists. A blank line ends a paragraph or a
 * list, and so does a change of bullet: "·" items followed by "-" items are two lists
 * (often a point and its sub-points), as in Markdown. An item indented further than the one
 * above opens a list inside it (a sub-point), as Word's text export and hand-typed notes
 * indent them; an item indented less goes back to the list its indent belongs to. In
 * `wrapped` text a plain line continues the paragraph (or list item) above it; otherwise
 * each line is its own paragraph, as Word's text export writes them.
 */
function linesToBlocks(lines: TextLine[], wrapped: boolean, location: Omit<SourceLocation, "line">): BlockContent[] {
  const blocks: BlockContent[] = [];
  // The paragraph a following line may extend, or the lists open from the outermost in; both
  // empty after a blank line.
  let openParagraph: Paragraph | null = null;
  const openLists: OpenList[] = [];
  for (const { text, line, indent = 0 } of lines) {
    if (text === "") {
      openParagraph = null;
      openLists.length = 0;
      continue;
    }
    const source = { ...location, line };
    const marker = listMarker(text);
    if (marker) {
      openParagraph = null;
      const item: ListItem = { type: "listItem", spread: false, children: [paragraph(marker.text, source)], data: { source } };
      while (openLists.length > 1 && openLists[openLists.length - 1].indent > indent) openLists.pop();
      const innermost = openLists.at(-1);
      if (innermost && innermost.indent === indent && innermost.symbol === marker.symbol) {
        innermost.list.children.push(item);
        continue;
      }
      const ordered = marker.kind === "ordered";
      const start = marker.kind === "ordered" ? marker.start : null;
      const list: List = { type: "list", ordered, start, spread: false, children: [item], data: { source } };
      if (innermost && indent > innermost.indent) {
        innermost.list.children.at(-1)!.children.push(list);
      } else {
        // The same indent with another bullet, or one further out than the outermost list: a list of its own.
        if (innermost) openLists.pop();
        const parent = openLists.at(-1);
        if (parent) parent.list.children.at(-1)!.children.push(list);
        else blocks.push(list);
      }
      openLists.push({ list, indent, symbol: marker.symbol });
      continue;
    }
    const innermost = openLists.at(-1);
    if (wrapped && (openParagraph || innermost)) {
      const target = openParagraph ?? (innermost!.list.children.at(-1)!.children[0] as Paragraph);
      (target.children[0] as { value: string }).value += `\n${text}`;
      continue;
    }
    openLists.length = 0;
    openParagraph = paragraph(text, source);
    blocks.push(openParagraph);
  }
  return blocks;
}

/** Hard-wrapped text has short lines that mostly fill the wrap width; Word's text export writes a paragraph per line instead. */
const MAX_WRAP_WIDTH = 100;
const MIN_WRAPPED_LINES = 3;

function looksHardWrapped(lines: TextLine[]): boolean {
  // A loop, not Math.max(...): spreading a long file's lines overflows the call stack.
  let widest = 0;
  for (const l of lines) widest = Math.max(widest, l.text.length);
  if (widest === 0 || widest > MAX_WRAP_WIDTH) return false;
  // Lines followed by another plain line are wrapped lines if the text is wrapped: they should be near the width.
  let followed = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].text === "" || lines[i + 1].text === "" || listMarker(lines[i + 1].text)) continue;
    followed++;
    if (lines[i].text.length >= widest * 0.6) full++;
  }
  return followed >= MIN_WRAPPED_LINES && full >= followed * 0.75;
}

// ---------------------------------------------------------------------------
// Plain text: tab-indented tables

interface RawLine {
  /** The line starts with a TAB: it opens a table cell. */
  cell: boolean;
  text: string;
  line: number;
  indent: number;
}

interface CellLines {
  lines: TextLine[];
}

/** Cells that follow each other with no blank line between: one row, or part of one. */
interface CellGroup {
  cells: CellLines[];
  line: number;
}

interface TextTable {
  groups: CellGroup[];
  /** Index after the last line of the table. */
  end: number;
}

function isBlank(l: RawLine): boolean {
  return !l.cell && l.text === "";
}

/**
 * After a single blank line inside a table, a non-indented line is either more of the
 * current cell (Word writes an empty paragraph in a cell as a blank line) or the text
 * after the table. It belongs to the cell if another cell line follows before two
 * blank lines and then non-indented text (which is how a table's end looks).
 *
 * `resumes[i]` answers that for a scan starting at line i, for every i at once (one
 * backward pass, so a long file of such lines is not rescanned from each of them).
 */
function tableResumesFrom(lines: RawLine[]): boolean[] {
  // State after reading i lines backwards: the answer when the scan reaches line i having
  // seen 0, 1, or 2+ blank lines just before it.
  let afterNone = false;
  let afterOne = false;
  let afterTwo = false;
  const resumes = new Array<boolean>(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.cell) {
      afterNone = afterOne = afterTwo = true;
    } else if (isBlank(l)) {
      afterNone = afterOne;
      afterOne = afterTwo;
    } else {
      afterOne = afterNone;
      afterTwo = false;
    }
    resumes[i] = afterNone;
  }
  return resumes;
}

/** Reads the table that starts at `start` (a cell line) up to where its text ends. */
function scanTable(lines: RawLine[], start: number, resumes: boolean[]): TextTable {
  const groups: CellGroup[] = [];
  let group: CellGroup | null = null;
  let cell: CellLines | null = null;
  let blanks = 0;
  let end = start;
  let i = start;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (isBlank(l)) {
      blanks++;
      continue;
    }
    if (l.cell) {
      if (group === null || blanks > 0) {
        group = { cells: [], line: l.line };
        groups.push(group);
      }
      cell = { lines: [{ text: l.text, line: l.line }] };
      group.cells.push(cell);
    } else if (blanks === 0 || (blanks === 1 && resumes[i])) {
      if (blanks > 0) cell!.lines.push({ text: "", line: l.line - 1 });
      cell!.lines.push({ text: l.text, line: l.line });
    } else {
      break;
    }
    blanks = 0;
    end = i + 1;
  }
  return { groups, end };
}

/**
 * Rows from cell groups. A row whose first cell ends with an empty paragraph is split
 * by a blank line like two rows are, so a short group is joined with the next when
 * together they make a full row. A lone cell that stays alone is a section row
 * spanning the table. (Two consecutive one-cell section rows in a two-column table
 * cannot be told from one row split this way; the text does not say.)
 */
function groupsToRows(groups: CellGroup[], columns: number): CellGroup[] {
  const rows: CellGroup[] = [];
  for (const g of groups) {
    const last = rows.at(-1);
    if (last && last.cells.length < columns && last.cells.length + g.cells.length <= columns) {
      last.cells.push(...g.cells);
    } else {
      rows.push({ cells: [...g.cells], line: g.line });
    }
  }
  return rows;
}

function buildTable(rows: CellGroup[], columns: number, tableNumber: number, wrapped: boolean): Table {
  const tableRows: TableRow[] = rows.map((row, r) => {
    const rowSource = { table: tableNumber, row: r + 1, line: row.line };
    const spanning = row.cells.length === 1 && columns > 1;
    const cells = row.cells.map((c, k) => {
      const location = { table: tableNumber, row: r + 1, cell: k + 1 };
      return tableCell(linesToBlocks(c.lines, wrapped, location), { ...location, line: c.lines[0].line }, spanning ? columns : undefined);
    });
    return { type: "tableRow", children: cells, data: { source: rowSource } };
  });
  return {
    type: "table",
    align: new Array<null>(columns).fill(null),
    children: tableRows,
    data: { source: { table: tableNumber, line: rows[0].line } },
  };
}

/** A run of cell lines is a table only if at least two groups fill its widest row: an indented paragraph is not a table. */
function columnCount(groups: CellGroup[]): number | null {
  const widest = groups.reduce((n, g) => Math.max(n, g.cells.length), 0);
  const full = groups.filter((g) => g.cells.length === widest).length;
  return widest >= 2 && full >= 2 ? widest : null;
}

const LINE_SPLIT = /\r\n|\r|\n/;
const TAB_WIDTH = 4;

/** The width of a line's leading blanks, a tab counting as TAB_WIDTH spaces. */
function indentOf(value: string): number {
  let width = 0;
  for (const char of value) {
    if (char === "\t") width += TAB_WIDTH;
    else if (char === " " || char === "\u00a0") width++;
    else break;
  }
  return width;
}

function parsePlainText(text: string): { tree: Root; tables: number } {
  const raw = text.split(LINE_SPLIT);
  const lines: RawLine[] = raw.map((value, i) => {
    const cell = value.startsWith("\t");
    const content = cell ? value.slice(1) : value;
    return { cell, text: normalizeText(content), line: i + 1, indent: indentOf(content) };
  });
  const wrapped = looksHardWrapped(lines.map((l) => ({ text: l.text, line: l.line })));
  const children: RootContent[] = [];
  let pending: TextLine[] = [];
  const flush = () => {
    // Outside tables only: a table's header cells in capitals are read by their words, not as titles.
    children.push(...linesToBlocks(pending, wrapped, {}).map(emphasizeCapitalTitle));
    pending = [];
  };
  let tables = 0;
  const resumes = tableResumesFrom(lines);
  for (let i = 0; i < lines.length; ) {
    const l = lines[i];
    if (l.cell) {
      const table = scanTable(lines, i, resumes);
      const columns = columnCount(table.groups);
      if (columns !== null) {
        flush();
        tables++;
        children.push(buildTable(groupsToRows(table.groups, columns), columns, tables, wrapped));
        i = table.end;
        continue;
      }
    }
    pending.push({ text: l.text, line: l.line, indent: l.indent });
    i++;
  }
  flush();
  return { tree: { type: "root", children }, tables };
}

export const readText: Reader = async (bytes, path) => {
  const { tree, tables } = parsePlainText(decodeText(bytes, path));
  const messages: IngestMessage[] = [];
  if (tables > 0) {
    messages.push({
      code: "tables-from-text",
      message: `${tables} table(s) rebuilt from tab-indented lines; row and cell boundaries are inferred from blank lines`,
    });
  }
  return documentTree(path, "txt", tree, messages);
};

// ---------------------------------------------------------------------------
// Markdown

// YAML front matter (as static-site generators and repositories write it) is the document's metadata, not a heading.
const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);

/** Whitespace (including bidi marks) at either end of an inline text, which normalizeText would trim. */
const LEADING_SPACE = /^[\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const TRAILING_SPACE = /[\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;

/** Normalizes an inline text node without gluing it to its neighbours ("a *b* c"). */
function normalizeInline(value: string): string {
  const core = normalizeText(value);
  if (core === "") return value === "" ? "" : " ";
  return (LEADING_SPACE.test(value) ? " " : "") + core + (TRAILING_SPACE.test(value) ? " " : "");
}

const BLOCK_TYPES = new Set(["paragraph", "heading", "thematicBreak", "blockquote", "list", "listItem", "table", "tableRow", "tableCell", "html", "code", "definition", "footnoteDefinition"]);

/**
 * HTML tags that end a block: `<br>` (how Markdown writers, ours included, put several
 * blocks in a GFM cell), and the paragraphs, list items and divisions HTML-minded writers
 * put in cells.
 */
const HTML_BREAK = /^<\/?(?:br|p|li|ul|ol|div)(?:\s[^>]*)?\/?>$/i;
/** Inline HTML that carries emphasis, as its Markdown equivalent: `<b>Done</b>` is `**Done**`. */
const HTML_EMPHASIS = /^<(\/?)(b|strong|i|em)(?:\s[^>]*)?>$/i;

/**
 * Splits a GFM cell's inline content at block-ending HTML into paragraphs, so cells hold
 * blocks as in every other reader; `<b>`/`<strong>` and `<i>`/`<em>` become strong and
 * emphasis nodes; any other tag (`<span>`, `<a>`, `<font>`) is dropped and its text kept.
 */
function cellParagraphs(cell: TableCell, source: SourceLocation): BlockContent[] {
  const paragraphs: BlockContent[] = [];
  let current: PhrasingContent[] = [];
  /** Open emphasis tags, innermost last, each with the content gathered before it opened. */
  const open: { type: "strong" | "emphasis"; outer: PhrasingContent[] }[] = [];
  const closeAll = () => {
    while (open.length > 0) {
      const { type, outer } = open.pop()!;
      outer.push({ type, children: current } as PhrasingContent);
      current = outer;
    }
  };
  const push = () => {
    closeAll();
    const first = current[0];
    const last = current.at(-1);
    if (first?.type === "text") first.value = first.value.trimStart();
    if (last?.type === "text") last.value = last.value.trimEnd();
    const content = current.filter((n) => !(n.type === "text" && n.value === ""));
    if (content.length > 0) paragraphs.push({ type: "paragraph", children: content, data: { source } });
    current = [];
  };
  for (const child of cell.children) {
    if (child.type !== "html") {
      current.push(child);
      continue;
    }
    const tag = child.value.trim();
    const emphasis = HTML_EMPHASIS.exec(tag);
    if (HTML_BREAK.test(tag)) push();
    else if (emphasis && !emphasis[1]) {
      open.push({ type: /^(?:b|strong)$/i.test(emphasis[2]) ? "strong" : "emphasis", outer: current });
      current = [];
    } else if (emphasis && open.length > 0) {
      const { type, outer } = open.pop()!;
      outer.push({ type, children: current } as PhrasingContent);
      current = outer;
    }
  }
  push();
  return paragraphs;
}

/** Normalizes text nodes and records every block's line (and table, row, cell inside tables). */
function annotate(node: Nodes, location: Omit<SourceLocation, "line">, tables: { count: number }): void {
  if (node.type === "text") {
    node.value = normalizeInline(node.value);
    return;
  }
  if (node.type === "table") {
    annotateTable(node, ++tables.count, tables);
    return;
  }
  if (BLOCK_TYPES.has(node.type) && node.position) {
    node.data = { ...node.data, source: { ...location, line: node.position.start.line } };
  }
  // A task list's box ("- [x] Publish …") is text, as a Word check box is: the item reads "☒ Publish …".
  if (node.type === "listItem" && typeof node.checked === "boolean") {
    const first = node.children[0];
    if (first?.type === "paragraph") first.children.unshift({ type: "text", value: `${node.checked ? CHECKBOX.checked : CHECKBOX.unchecked} ` });
    node.checked = null;
  }
  if ("children" in node) for (const child of node.children) annotate(child, location, tables);
}

function annotateTable(table: Table, tableNumber: number, tables: { count: number }): void {
  table.data = { ...table.data, source: { table: tableNumber, line: table.position?.start.line } };
  // GFM lets a row stop short of the header; every row gets the header's cells, the missing ones empty.
  const columns = table.children[0]?.children.length ?? 0;
  for (const row of table.children) while (row.children.length < columns) row.children.push({ type: "tableCell", children: [] });
  table.children.forEach((row, r) => {
    row.data = { ...row.data, source: { table: tableNumber, row: r + 1, line: row.position?.start.line } };
    row.children.forEach((cell, c) => {
      const location = { table: tableNumber, row: r + 1, cell: c + 1 };
      const source = { ...location, line: cell.position?.start.line };
      for (const child of cell.children) annotate(child, location, tables);
      row.children[c] = { ...tableCell(cellParagraphs(cell, source), source), position: cell.position };
    });
  });
}

/** A front matter's `date` the metadata can hold: ISO 8601, as YAML writers put it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u;

/** The document's title and date from YAML front matter; the front matter leaves the tree. */
function frontMatter(tree: Root, messages: IngestMessage[]): DocumentMetadata {
  const metadata: DocumentMetadata = {};
  const first = tree.children[0];
  tree.children = tree.children.filter((n) => n.type !== "yaml" && (n.type as string) !== "toml");
  if (first?.type !== "yaml") return metadata;
  let fields: unknown;
  try {
    fields = parseYaml(first.value);
  } catch (error) {
    messages.push({ code: "front-matter-unreadable", message: `The YAML front matter could not be read (${(error as Error).message.split("\n")[0]}); it is ignored.`, source: { line: 1 } });
    return metadata;
  }
  if (typeof fields !== "object" || fields === null) return metadata;
  const { title, date } = fields as Record<string, unknown>;
  if (typeof title === "string" && title.trim()) metadata.title = normalizeText(title);
  const dateText = date instanceof Date ? date.toISOString() : typeof date === "string" ? date.trim() : "";
  if (ISO_DATE.test(dateText)) metadata.created = dateText;
  return metadata;
}

/** A MediaWiki table's lines: "{| attributes" opens it, "|}" closes it, "|-" parts the rows. */
const WIKI_TABLE_START = /^\s*\{\|/u;
const WIKI_TABLE_END = /^\s*\|\}/u;
const WIKI_ROW = /^\s*\|-/u;
/** A cell's attributes before its content: `| style="color:red" | En cours`. */
const WIKI_CELL_ATTRIBUTES = /^\s*[\w-]+\s*=\s*(?:"[^"]*"|&quot;.*?&quot;|\S+)(?:\s+[\w-]+\s*=\s*(?:"[^"]*"|&quot;.*?&quot;|\S+))*\s*\|(?!\|)/u;

/**
 * MediaWiki tables in Markdown (pages exported from a wiki keep "{| … |}" markup, which Markdown
 * reads as a paragraph) rewritten as GFM tables, in as many lines, so that every other line keeps
 * its number: the opening line becomes the blank line a table needs before it, the header row
 * (or the first row) and the delimiter follow, then one line a row, then blank lines.
 */
export function wikiTablesAsGfm(text: string): string {
  const lines = text.split("\n");
  for (let start = 0; start < lines.length; start++) {
    if (!WIKI_TABLE_START.test(lines[start])) continue;
    const end = lines.findIndex((line, k) => k > start && WIKI_TABLE_END.test(line));
    if (end < 0) break;
    const rows: string[][] = [[]];
    for (const line of lines.slice(start + 1, end)) {
      if (WIKI_ROW.test(line)) {
        if (rows[rows.length - 1].length > 0) rows.push([]);
        continue;
      }
      const m = /^\s*([!|])(?!\+)(.*)$/u.exec(line);
      // A line that opens no cell continues the cell before it.
      if (!m) {
        const row = rows[rows.length - 1];
        if (row.length > 0) row[row.length - 1] += ` ${line.trim()}`;
        continue;
      }
      const separator = m[1] === "!" ? /!!|\|\|/u : /\|\|/u;
      for (const cell of m[2].split(separator)) rows[rows.length - 1].push(cell.replace(WIKI_CELL_ATTRIBUTES, "").trim());
    }
    const cells = rows.filter((row) => row.length > 0);
    if (cells.length === 0) continue;
    const width = Math.max(...cells.map((row) => row.length));
    const gfmRow = (row: string[]): string => `| ${Array.from({ length: width }, (_, k) => (row[k] ?? "").replace(/\|/gu, "\\|")).join(" | ")} |`;
    const gfm = ["", gfmRow(cells[0]), `| ${Array(width).fill("---").join(" | ")} |`, ...cells.slice(1).map(gfmRow)];
    const span = end - start + 1;
    // A table of one line a row is no longer than its markup: the rows follow, their lines kept below it.
    if (gfm.length > span) continue;
    lines.splice(start, span, ...gfm, ...Array(span - gfm.length).fill(""));
    start = end;
  }
  return lines.join("\n");
}

export const readMarkdown: Reader = async (bytes, path) => {
  const tree = markdownParser.parse(wikiTablesAsGfm(decodeText(bytes, path)));
  const messages: IngestMessage[] = [];
  const metadata = frontMatter(tree, messages);
  annotate(tree, {}, { count: 0 });
  return documentTree(path, "md", tree, messages, metadata);
};
