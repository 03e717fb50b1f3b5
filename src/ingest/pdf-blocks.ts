/**
 * Paragraphs, lists and headings from the text lines of one container (the page
 * flow or a table cell).
 *
 * A PDF keeps lines, not paragraphs. A line ends a paragraph when the next line
 * starts a list item or changes font size, when the first word of the next line
 * would have fitted on it (a layout engine only wraps early at a paragraph end or
 * a line break), or when the next line sits clearly further down than the line
 * pitch (paragraph spacing), or starts with a first-line indent. Across a page
 * break, where there is no gap to measure, a sentence end closes the paragraph.
 * Lines are joined with a space.
 *
 * Headings are only found outside tables: a block of at most three lines in a font
 * clearly larger than the body text, a short numbered line standing alone, or a short
 * bold title followed by text that is not bold.
 */
import type { BlockContent, Heading, List, ListItem, Paragraph } from "mdast";
import { BULLET, normalizeText, SENTENCE_END } from "../text/normalize.js";
import { romanValue } from "../text/item-numbers.js";
import type { PageLine } from "./pdf-layout.js";
import { meanConfidence } from "./pdf-lines.js";
import type { SourceLocation } from "./tree.js";

/**
 * The typed list markers, as docx.ts recognises them (keep the two alike): a bullet glyph
 * (the normalizer turns every bullet into BULLET), or a dash before a space or a letter (not "-5").
 */
const TYPED_MARKER = new RegExp(`^(?:${BULLET} ?|[-\\u2010\\u2011\\u2013\\u2014](?: +(?=\\S)|(?=\\p{L})))`, "u");
/**
 * An ordered item as rendered text: "1." / "2)" then the item, or a lower-case Roman numeral as
 * agendas and resolutions number them ("iv. Progress report", "iii.Review": the space a
 * justified list loses), followed by a space or a capital (not "i.e.").
 */
const ORDERED_MARKER = /^(?:(\d{1,2})[.)] *(?=\p{L})|([ivx]{1,5})[.)](?: +|(?=\p{Lu})))/u;
/** The ordinal of an ordered marker's match, or null for letters that only look Roman ("vx."). */
const ordinalOf = (m: RegExpExecArray): number | null => (m[1] !== undefined ? Number(m[1]) : romanValue(m[2]));
/** A short numbered title ("2. Rapport d'auto-évaluation") has at most this many words and no final punctuation. */
const MAX_TITLE_WORDS = 10;

export interface LineMetrics {
  /** Smallest baseline-to-baseline distance between two lines of one paragraph, by font size (rounded to 0.5pt). */
  pitchBySize: Map<number, number>;
  /** The same in table cells, which are often set with other line spacing than the running text. */
  cellPitchBySize: Map<number, number>;
  /** The font size most text outside tables is set in. */
  bodySize: number;
  /** Font sizes clearly larger than the body, largest first: heading levels. */
  headingSizes: number[];
}

const sizeKey = (size: number): number => Math.round(size * 2) / 2;

/**
 * Line pitch and heading sizes of the whole document, so that every container is judged alike.
 * The body size comes from text outside tables: tables are often set smaller, and a document
 * made mostly of tables must not turn its running text into headings.
 */
export function measureLines(containers: Array<{ lines: PageLine[]; inTable: boolean }>): LineMetrics {
  const charsBySize = new Map<number, number>();
  const flowPitches = new Map<number, number[]>();
  const cellPitches = new Map<number, number[]>();
  for (const { lines, inTable } of containers) {
    const pitches = inTable ? cellPitches : flowPitches;
    for (let i = 0; i < lines.length; i++) {
      const key = sizeKey(lines[i].size);
      if (!inTable) charsBySize.set(key, (charsBySize.get(key) ?? 0) + lines[i].text.length);
      const next = lines[i + 1];
      if (!next || next.page !== lines[i].page || sizeKey(next.size) !== key) continue;
      const gap = lines[i].y - next.y;
      if (gap >= 0.8 * lines[i].size && gap <= 3 * lines[i].size) {
        let list = pitches.get(key);
        if (!list) pitches.set(key, (list = []));
        list.push(gap);
      }
    }
  }
  let bodySize = 0;
  let bodyChars = -1;
  for (const [size, chars] of charsBySize) {
    if (chars > bodyChars) [bodySize, bodyChars] = [size, chars];
  }
  const headingSizes = [...charsBySize.keys()].filter((s) => s >= bodySize * 1.15).sort((a, b) => b - a);
  return { pitchBySize: lowQuantiles(flowPitches), cellPitchBySize: lowQuantiles(cellPitches), bodySize, headingSizes };
}

/** Two gaps this close are one line pitch met twice. */
const SAME_GAP = 0.5;
/** A quantile this many times a repeated gap is paragraph spacing (a blank line's worth), not another line spacing. */
const PARAGRAPH_SPACING = 1.6;

/**
 * A low quantile of each size's gaps, not the minimum: one line squeezed by a small inline glyph must
 * not set the pitch. But a gap met twice is the pitch, however rare, when the quantile is a blank
 * line's worth more: minutes of one-line paragraphs wrap few lines, and their paragraph spacing would
 * otherwise pass for the line pitch (a document set at two line spacings keeps the quantile).
 */
function lowQuantiles(gapsBySize: Map<number, number[]>): Map<number, number> {
  const quantiles = new Map<number, number>();
  for (const [size, gaps] of gapsBySize) {
    gaps.sort((a, b) => a - b);
    const quantile = gaps[Math.floor(gaps.length * 0.1)];
    const repeated = gaps.find((g, k) => k + 1 < gaps.length && gaps[k + 1] - g <= SAME_GAP);
    quantiles.set(size, repeated !== undefined && repeated * PARAGRAPH_SPACING <= quantile ? repeated : quantile);
  }
  return quantiles;
}

interface Block {
  kind: "paragraph" | "bullet" | "ordered";
  lines: PageLine[];
  text: string;
  /** The text with its marker, for an ordered-looking line that turns out not to be a list item. */
  markedText: string;
  ordinal?: number;
}

export interface BlockOptions {
  metrics: LineMetrics;
  /** Where blocks come from, apart from the page: `{table, row, cell}` in a cell. */
  location: Omit<SourceLocation, "page">;
  /** Cells hold paragraphs and lists only. */
  allowHeadings: boolean;
}

/** The mdast blocks for a container's lines, top to bottom (lines may run across pages). */
export function buildBlocks(lines: PageLine[], options: BlockOptions): BlockContent[] {
  const { pitchBySize, cellPitchBySize } = options.metrics;
  const inCell = options.location.table !== undefined;
  const blocks = groupLines(lines, inCell ? new Map([...pitchBySize, ...cellPitchBySize]) : pitchBySize);
  return toMdast(blocks, options);
}

/** `pitchBySize`: the line pitch of the container's kind (see LineMetrics). */
function groupLines(lines: PageLine[], pitchBySize: Map<number, number>): Block[] {
  if (lines.length === 0) return [];
  // The container's text area: lines of one page flow or cell share its edges.
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    left = Math.min(left, line.left);
    right = Math.max(right, line.right);
  }
  // Every line ending at the end edge and the start edges ragged: text set flush with its end
  // edge (right-to-left text flush left), where a line starting further in is no indent.
  const endOffset = (l: PageLine) => (l.rtl ? l.left - left : right - l.right);
  const flushEnd = lines.length > 1 && lines.every((l) => endOffset(l) < l.size / 2);
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = normalizeText(line.text);
    if (!text) continue;
    const marker = TYPED_MARKER.exec(text);
    const orderedMatch = marker ? null : ORDERED_MARKER.exec(text);
    const ordinal = orderedMatch ? ordinalOf(orderedMatch) : null;
    const ordered = ordinal === null ? null : orderedMatch;
    const previous = current?.lines.at(-1);
    if (
      current &&
      previous &&
      !marker &&
      !ordered &&
      continuesParagraph(previous, current.text, line, text, itemEdges(current, left, right), pitchBySize) &&
      !(current.kind === "paragraph" && !flushEnd && startsIndented(previous, line, left, right))
    ) {
      current.lines.push(line);
      // A line ending in a hyphen after a letter or digit ("2021-", "auto-") was cut inside a compound,
      // one ending in an opening bracket before its content: no space.
      const joiner = /[\p{L}\p{N}]-$|[([{“]$/u.test(current.text) ? "" : " ";
      current.text += joiner + text;
      current.markedText += joiner + text;
      continue;
    }
    current = marker
      ? { kind: "bullet", lines: [line], text: text.slice(marker[0].length).trim(), markedText: text }
      : ordered
        ? { kind: "ordered", lines: [line], text: text.slice(ordered[0].length).trim(), markedText: text, ordinal: ordinal ?? undefined }
        : { kind: "paragraph", lines: [line], text, markedText: text };
    blocks.push(current);
  }
  for (const block of blocks) {
    block.text = attachStraightQuotes(block.text);
    block.markedText = attachStraightQuotes(block.markedText);
  }
  return blocks;
}

/**
 * The edges a block's lines are set between. A list item's start edge is its marker's: the
 * list's indent is no free room, so in a list set flush with its end edge (right-to-left,
 * flush left) the wrapped line of an indented item still continues it.
 */
function itemEdges(block: Block, left: number, right: number): { left: number; right: number } {
  if (block.kind === "paragraph") return { left, right };
  const first = block.lines[0];
  return first.rtl ? { left, right: first.right } : { left: first.left, right };
}

function continuesParagraph(
  previous: PageLine,
  previousText: string,
  line: PageLine,
  text: string,
  { left, right }: { left: number; right: number },
  pitchBySize: Map<number, number>,
): boolean {
  if (Math.abs(sizeKey(previous.size) - sizeKey(line.size)) >= 0.5) return false;
  // Free space where the next word would have gone: at the line's end (left for RTL), or, in a
  // block aligned on its end edge (an Arabic signature set flush left), at its start.
  const startEdge = (l: PageLine) => (l.rtl ? l.right : l.left);
  const endEdge = (l: PageLine) => (l.rtl ? l.left : l.right);
  const startRoom = previous.rtl ? right - previous.right : previous.left - left;
  const endRoom = previous.rtl ? previous.left - left : right - previous.right;
  const endAligned = Math.abs(endEdge(previous) - endEdge(line)) < 2 && Math.abs(startEdge(previous) - startEdge(line)) >= 2;
  const room = endAligned && startRoom > 2 * line.size ? startRoom : endRoom;
  const firstWord = text.split(" ", 1)[0];
  const charWidth = (line.right - line.left) / Math.max(1, text.length);
  // A wrapping layout moves a word down only when it does not fit: if it would have, the line ended on purpose.
  // The estimate is padded: glyph widths vary, and a false break costs more than a missed one.
  const wordWouldFit = room > (firstWord.length + 1) * charWidth * 1.2 + line.size * 0.5;
  if (wordWouldFit) return false;
  // Across a page break there is no gap to measure: a sentence end is taken as the paragraph end.
  if (previous.page !== line.page) return !SENTENCE_END.test(previousText);
  const gap = previous.y - line.y;
  const pitch = pitchBySize.get(sizeKey(line.size)) ?? line.size * 1.2;
  // Paragraph spacing: a gap clearly above the line pitch.
  return gap >= 0 && gap <= pitch + Math.max(2, line.size * 0.12) && !(gap > pitch + 1 && SENTENCE_END.test(previousText));
}

/**
 * A first-line indent is a few ems (Word's 1.25 cm is three at 12 pt). A line starting further in that
 * reaches the end edge is the last line of a paragraph set flush with its end edge, as LibreOffice sets
 * right-to-left text aligned left: "… أفاد السيد هشام الجلاصي أنه" over "تم إنجاز 70 بالمائة …".
 */
const MAX_INDENT_EMS = 4;

/**
 * A first-line indent: the line above starts at the text area's start edge, this one starts
 * more than an em further in yet runs to the end edge, as a wrapped line does (a centred line
 * reaches neither edge). Not for list items, whose wrapped lines hang indented.
 */
function startsIndented(previous: PageLine, line: PageLine, left: number, right: number): boolean {
  const em = line.size;
  const startOffset = (l: PageLine) => (l.rtl ? right - l.right : l.left - left);
  const endOffset = (l: PageLine) => (l.rtl ? l.left - left : right - l.right);
  return startOffset(previous) < em / 2 && startOffset(line) > em && startOffset(line) <= MAX_INDENT_EMS * em && endOffset(line) < em;
}


/**
 * Straight double quotes carry no direction, and a quote drawn over a run lands on either
 * side of a space: pair them up and attach the opening one to the word after it, the closing
 * one to the word before it.
 */
function attachStraightQuotes(text: string): string {
  // Only balanced quotes can be paired; an odd count means the source itself is unbalanced.
  const count = text.split('"').length - 1;
  if (count === 0 || count % 2 === 1) return text;
  let open = true;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '"') {
      out += ch;
      continue;
    }
    if (open) {
      if (out.length > 0 && !out.endsWith(" ") && /\p{L}/u.test(out.at(-1) ?? "")) out += " ";
      out += ch;
      while (text[i + 1] === " ") i++;
    } else {
      out = out.trimEnd() + ch;
      if (i + 1 < text.length && /\p{L}/u.test(text[i + 1])) out += " ";
    }
    open = !open;
  }
  return out;
}

/** A bold title is at most this many lines. */
const MAX_BOLD_TITLE_LINES = 2;
/** A bold block ending so is a sentence, a list's lead-in or a label ("Présents :"), not a title. */
const NOT_TITLE_END = /[.!?:;,،؛…]$/u;

/**
 * A title set bold at body size: a block of one or two lines, all bold, not ending as a
 * sentence or a label does, after text that is not bold and before more text. Minutes bold
 * whole sentences, labels and names too: those end in punctuation, run on, or follow the
 * title as more bold lines ("Taux de réalisation : 80 %" under "Engagement n°1 : ..."). Under
 * a heading set larger than the body, though, a bold title is the first of its sections
 * ("Firstly: …" under "Follow-up of the commitments"). A letterhead opens the document, after
 * nothing.
 */
function isBoldTitle(block: Block, previous: Block | undefined, next: Block | undefined, metrics: LineMetrics): boolean {
  return (
    block.kind === "paragraph" &&
    block.lines.length <= MAX_BOLD_TITLE_LINES &&
    block.lines.every((line) => line.bold) &&
    !NOT_TITLE_END.test(block.markedText) &&
    previous !== undefined &&
    (!previous.lines.every((line) => line.bold) || isSetLarger(previous, metrics)) &&
    next !== undefined
  );
}

/**
 * A block is a heading when its font is clearly larger than the body's (level by size rank),
 * when it is a short numbered line standing alone, not in a run of numbered items, or a bold
 * title (see isBoldTitle); the last two rank below every size.
 */
function headingDepth(block: Block, standaloneNumbered: boolean, boldTitle: boolean, metrics: LineMetrics): Heading["depth"] | null {
  if (block.kind === "bullet" || block.lines.length > 3) return null;
  const rank = sizeRank(block, metrics);
  if (rank >= 0) return Math.min(6, rank + 1) as Heading["depth"];
  if (
    standaloneNumbered &&
    block.lines.length === 1 &&
    block.markedText.split(" ").length <= MAX_TITLE_WORDS &&
    !/[.;،,]$/u.test(block.markedText)
  ) {
    return Math.min(6, metrics.headingSizes.length + 1) as Heading["depth"];
  }
  if (boldTitle) return Math.min(6, metrics.headingSizes.length + 1) as Heading["depth"];
  return null;
}

/** The block's rank among the heading sizes (larger than the body's), -1 when it is set at body size. */
function sizeRank(block: Block, metrics: LineMetrics): number {
  return metrics.headingSizes.indexOf(sizeKey(Math.max(...block.lines.map((l) => l.size))));
}

function isSetLarger(block: Block, metrics: LineMetrics): boolean {
  return block.lines.length <= 3 && sizeRank(block, metrics) >= 0;
}

/** Where a block's first line starts, growing inwards: its list marker's indent. */
function markerIndent(block: Block): number {
  const [first] = block.lines;
  return first.rtl ? -first.right : first.left;
}

/**
 * Numbered blocks are list items only in a run: the item before or after carries the
 * neighbouring number, past the sub-points between them (list items indented further in).
 */
function inNumberedRun(blocks: Block[], index: number): boolean {
  const block = blocks[index];
  const ordinal = block.ordinal;
  if (block.kind !== "ordered" || ordinal === undefined) return false;
  const neighbourNumbered = (direction: 1 | -1): boolean => {
    for (let k = index + direction; k >= 0 && k < blocks.length; k += direction) {
      const other = blocks[k];
      if (other.kind === "ordered" && other.ordinal === ordinal + direction) return true;
      if (other.kind === "paragraph" || markerIndent(other) <= markerIndent(block) + block.lines[0].size / 2) return false;
    }
    return false;
  };
  return neighbourNumbered(-1) || neighbourNumbered(1);
}

/** List markers this close (points) stand at one list level. */
const SAME_INDENT = 1;

function toMdast(blocks: Block[], options: BlockOptions): BlockContent[] {
  const out: BlockContent[] = [];
  // Open lists, outermost first, with where their items' markers stand.
  const openLists: Array<{ list: List; ordered: boolean; indent: number }> = [];
  const indents = blocks.filter((block) => block.kind !== "paragraph").map(markerIndent);
  const source = (block: Block): SourceLocation => {
    const confidence = meanConfidence(block.lines);
    return { page: block.lines[0].page, ...options.location, ...(confidence === undefined ? {} : { ocrConfidence: confidence }) };
  };
  blocks.forEach((block, index) => {
    const listed = block.kind !== "ordered" || inNumberedRun(blocks, index);
    const depth = options.allowHeadings ? headingDepth(block, !listed, isBoldTitle(block, blocks[index - 1], blocks[index + 1], options.metrics), options.metrics) : null;
    if (depth !== null) {
      openLists.length = 0;
      const heading: Heading = { type: "heading", depth, children: [{ type: "text", value: block.markedText }], data: { source: source(block) } };
      markNotes(heading, block);
      out.push(heading);
      return;
    }
    if (block.kind === "paragraph" || !listed) {
      openLists.length = 0;
      out.push(markNotes(paragraph(block.markedText, source(block)), block));
      return;
    }
    const ordered = block.kind === "ordered";
    // An item whose marker stands more than half an em further in than the items above is a
    // sub-point: its list goes inside the item above, as Word's deeper list levels do. The
    // indent is a list level's only when another item's marker stands there too: in text set
    // flush with its end edge (right-to-left text flush left), every marker stands elsewhere.
    const indent = markerIndent(block);
    const tolerance = block.lines[0].size / 2;
    while (openLists.length > 1 && openLists[openLists.length - 1].indent > indent + tolerance) openLists.pop();
    const innermost = openLists.at(-1);
    const level = indents.filter((other) => Math.abs(other - indent) <= SAME_INDENT).length > 1;
    const deeper = innermost !== undefined && level && indent > innermost.indent + tolerance;
    if (!innermost || deeper || innermost.ordered !== ordered) {
      const list: List = { type: "list", ordered, spread: false, children: [], data: { source: source(block) } };
      if (ordered && block.ordinal !== undefined && block.ordinal !== 1) list.start = block.ordinal;
      if (!deeper && innermost) openLists.pop();
      const parent = openLists.at(-1);
      if (parent) parent.list.children.at(-1)!.children.push(list);
      else out.push(list);
      openLists.push({ list, ordered, indent });
    }
    const item: ListItem = {
      type: "listItem",
      spread: false,
      children: [markNotes(paragraph(block.text, source(block)), block)],
      data: { source: source(block) },
    };
    openLists[openLists.length - 1].list.children.push(item);
  });
  return out;
}

/** The footnote marks of a block's lines (pdf-lines.ts keeps them out of the text) on its node. */
function markNotes<T extends Paragraph | Heading>(node: T, block: Block): T {
  const marks = block.lines.flatMap((line) => line.noteMarks ?? []);
  if (marks.length > 0) node.data!.noteMarks = marks;
  return node;
}

function paragraph(text: string, source: SourceLocation): Paragraph {
  return { type: "paragraph", children: [{ type: "text", value: text }], data: { source } };
}
