/**
 * The document tree flattened into the units extraction reasons about: blocks
 * (headings, paragraphs, list items) in reading order, and tables as rows of cells
 * holding blocks. Readers differ in small ways (a heading that arrives as a bold
 * paragraph, a list that arrives as "- " paragraphs, list items glued into one
 * paragraph with line breaks); this is the one place that evens them out.
 */
import { SENTENCE_END } from "../text/normalize.js";
import type { Nodes, Root, RootContent, Table, TableCell } from "mdast";
import type { SourceLocation } from "../ingest/tree.js";
import { foldWithMap, type FoldedText } from "./match.js";
import { TRAILING_DATE_WORDS } from "./lexicon/index.js";

export type BlockKind = "heading" | "paragraph" | "item";

export interface Block {
  /** Position in reading order over the whole document. */
  index: number;
  kind: BlockKind;
  /** Heading level, or list nesting level (1 = top list). */
  depth: number;
  /** For items of an ordered list: the number Word or Markdown shows, which is not in the text. */
  itemNumber: number | null;
  /** The number as the reader says it is displayed ("2.3.", "(b)", "III."), when it computed one. */
  label: string | null;
  /** The whole block is bold or emphasized: a heading in all but name. */
  emphasized: boolean;
  ft: FoldedText;
  source: SourceLocation;
  cell: CellRef | null;
}

export interface CellRef {
  table: number;
  /** 0-based index of the row and cell in the table model. */
  row: number;
  cell: number;
}

export interface CellModel {
  blocks: Block[];
  colSpan: number;
  /** Rows the cell is merged down over (1 when it is not): a commitment's title over its milestone rows. */
  rowSpan: number;
  text: string;
  /** The cell's shading as the reader kept it ("FF0000"), for status given as colour. */
  fill?: string;
}

export interface RowModel {
  cells: CellModel[];
  source: SourceLocation;
}

export interface TableModel {
  /** 1-based number of the table in the document. */
  number: number;
  rows: RowModel[];
  source: SourceLocation;
}

export type Unit = { type: "block"; block: Block } | { type: "table"; table: TableModel };

export interface FlatDocument {
  units: Unit[];
  /** Every block, table cells included, in reading order. */
  blocks: Block[];
  tables: TableModel[];
}

/** A line that starts a list item when a reader left the marker in the text: "- ", "-فتح", "• ", "1. ", "1- " (as Arabic minutes number), "a) ". */
const BULLET_LINE = /^(?:[-–—•·*▪◦‣]\s*|\d{1,2}[.)-]\s+)(?=\S)/u;
/** The number a reader left before a list item's text ("1. ", "2) ", "3- "). */
export const ORDERED_MARKER = /^(\d{1,2})[.)-]\s+/u;

/** A newline inside a text node that does not start a marked line: a soft wrap, read as a space. */
const SOFT_WRAP = /\n(?![ \t]*(?:[-–—•·*▪◦‣]|\d{1,2}[.)-]\s))/gu;

function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
      // Markdown and text readers keep wrapped lines as "\n" in the text; a line break is a `break` node.
      return node.value.replace(SOFT_WRAP, " ");
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "image":
      return node.alt ?? "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(inlineText).join("") : "";
  }
}

const withLabel = (node: Nodes): string => {
  const label = node.data?.label?.trim();
  return label ? `${label} ${inlineText(node)}` : inlineText(node);
};

function isEmphasized(node: Nodes): boolean {
  if (!("children" in node)) return false;
  const meaningful = (node.children as Nodes[]).filter((c) => !(c.type === "text" && c.value.trim() === "") && c.type !== "break");
  return meaningful.length > 0 && meaningful.every((c) => c.type === "strong" || c.type === "emphasis");
}

class Flattener {
  readonly blocks: Block[] = [];
  readonly tables: TableModel[] = [];
  readonly units: Unit[] = [];

  private add(kind: BlockKind, depth: number, text: string, source: SourceLocation, cell: CellRef | null, emphasized: boolean, itemNumber: number | null, label: string | null = null): Block[] {
    const made: Block[] = [];
    // A paragraph whose later lines start with a bullet is several list items glued together.
    const lines = text.split("\n");
    let current = "";
    let currentKind = kind;
    let currentNumber = itemNumber;
    const flush = (): void => {
      const ft = foldWithMap(current);
      if (ft.text.length > 0) {
        const block: Block = { index: this.blocks.length, kind: currentKind, depth, itemNumber: currentNumber, label: made.length === 0 ? label : null, emphasized, ft, source, cell };
        this.blocks.push(block);
        made.push(block);
      }
      current = "";
    };
    for (const line of lines) {
      const trimmed = line.trim();
      const bullet = BULLET_LINE.exec(trimmed);
      if (bullet && (kind !== "heading")) {
        flush();
        const ordered = ORDERED_MARKER.exec(trimmed);
        currentKind = "item";
        currentNumber = ordered ? Number(ordered[1]) : null;
        current = trimmed.slice(bullet[0].length);
        // A bare "1." could be a section number as well as a list marker: keep it visible for section detection.
        if (ordered) current = trimmed;
      } else {
        current = current ? `${current}\n${trimmed}` : trimmed;
      }
    }
    flush();
    return made;
  }

  /**
   * The footnotes and endnotes whose marks stand in a block, read right after it as paragraphs of the
   * same place: a note that names a reporter, gives a percent or corrects a figure is then read with
   * the block it annotates, as the commitment's content.
   */
  private notesOf(node: Nodes, source: SourceLocation, cell: CellRef | null): Block[] {
    return (node.data?.notes ?? []).flatMap((note) => this.add("paragraph", 0, note, source, cell, false, null));
  }

  blocksOf(nodes: readonly RootContent[], inherited: SourceLocation, cell: CellRef | null, listDepth: number, out: Unit[] | null): Block[] {
    const made: Block[] = [];
    const push = (bs: Block[]): void => {
      made.push(...bs);
      if (out) for (const b of bs) out.push({ type: "block", block: b });
    };
    // Word numbers the items of one list across the unnumbered paragraphs between them; a reader that
    // could not say where the numbering stands (no `start`) gets it continued from the list before,
    // until a heading or a table.
    let nextNumber: number | null = null;
    for (const node of nodes) {
      const source = { ...inherited, ...(node.data?.source ?? {}) };
      switch (node.type) {
        case "heading":
          nextNumber = null;
          // A number Word computes for a heading or paragraph is shown before its text: "2.3 Open budgets".
          push(this.add("heading", node.depth, withLabel(node), source, cell, false, null));
          push(this.notesOf(node, source, cell));
          break;
        case "paragraph":
          push(this.add("paragraph", 0, withLabel(node), source, cell, isEmphasized(node), null));
          push(this.notesOf(node, source, cell));
          break;
        case "list": {
          let number: number = node.start ?? nextNumber ?? 1;
          for (const item of node.children) {
            const itemSource = { ...source, ...(item.data?.source ?? {}) };
            const [first, ...rest] = item.children;
            if (first && first.type === "paragraph") {
              const text = inlineText(first);
              const bs = this.add("item", listDepth + 1, text, { ...itemSource, ...(first.data?.source ?? {}) }, cell, false, node.ordered ? number : null, item.data?.label ?? null);
              // The first line is the item itself, whatever markers later lines carry.
              if (bs[0]) bs[0].kind = "item";
              push(bs);
              push(this.notesOf(first, itemSource, cell));
              push(this.blocksOf(rest, itemSource, cell, listDepth + 1, null));
            } else {
              push(this.blocksOf(item.children, itemSource, cell, listDepth + 1, null));
            }
            number++;
          }
          if (node.ordered) nextNumber = number;
          break;
        }
        case "blockquote":
          push(this.blocksOf(node.children, source, cell, listDepth, null));
          break;
        case "table":
          nextNumber = null;
          if (cell) {
            // A table nested in a cell: its text stays with the cell.
            for (const row of node.children) for (const c of row.children) push(this.blocksOf(c.children as unknown as RootContent[], source, cell, listDepth, null));
          } else {
            const table = this.table(node, source);
            if (out) out.push({ type: "table", table });
          }
          break;
        case "code":
        case "html":
          push(this.add("paragraph", 0, node.value, source, cell, false, null));
          break;
        default:
          break;
      }
    }
    return made;
  }

  private table(node: Table, source: SourceLocation): TableModel {
    const number = source.table ?? this.tables.length + 1;
    const model: TableModel = { number, rows: [], source };
    this.tables.push(model);
    node.children.forEach((row, r) => {
      const rowSource = { ...source, ...(row.data?.source ?? {}) };
      const cells: CellModel[] = row.children.map((c: TableCell, k) => {
        const cellSource = { ...rowSource, ...(c.data?.source ?? {}) };
        const ref: CellRef = { table: number, row: r, cell: k };
        // Cell children are block nodes in the tree contract; a reader that put phrasing content there gets one paragraph.
        const children = c.children as unknown as RootContent[];
        const blockChildren = children.some((ch) => ch.type === "paragraph" || ch.type === "list" || ch.type === "heading")
          ? children
          : ([{ type: "paragraph", children: c.children }] as unknown as RootContent[]);
        const blocks = this.blocksOf(blockChildren, cellSource, ref, 0, null);
        const fill = c.data?.fill;
        return { blocks, colSpan: c.data?.colSpan ?? 1, rowSpan: c.data?.rowSpan ?? 1, text: blocks.map((b) => b.ft.text).join("\n"), ...(fill ? { fill } : {}) };
      });
      model.rows.push({ cells, source: rowSource });
    });
    return model;
  }
}

export function flatten(root: Root): FlatDocument {
  const f = new Flattener();
  f.blocksOf(root.children, {}, null, 0, f.units);
  return { units: f.units, blocks: f.blocks, tables: f.tables };
}

/** The code units JavaScript's `\s` matches (all in the BMP). */
const isSpace = (code: number): boolean =>
  code === 0x20 ||
  (code >= 0x09 && code <= 0x0d) ||
  (code > 0x7f &&
    (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));

/** Number of words (runs of non-space), for telling labels and titles from prose. Counted without splitting: it is asked of every block several times. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

const LABEL_START = /^[^\s:：]{1,24}\s*[:：]/u;
/** A short line ending with a year, a day number in it: "18 Nov 2021", "Monday 3 May 2021". */
const DATE_LINE = /^(?=(?:\S+\s+){0,4}\S+$)(?=.*(?<!\d)\d{1,2}(?!\d)).*(?<!\d)\d{4}[\s.]*$/u;

/**
 * Paragraphs of running text joined where a reader broke a sentence across them (a PDF
 * line that became a paragraph): a paragraph that does not end a sentence continues in
 * the very next block when that is a paragraph too. Each joined block keeps the index and
 * source of its first part.
 */
export function joinBrokenParagraphs(blocks: readonly Block[]): Block[] {
  // Runs are gathered first and folded once: folding a growing text at each step would be quadratic.
  const runs: Block[][] = [];
  let lastPart = -1;
  for (const b of blocks) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const continues =
      last !== undefined &&
      run[0].kind === "paragraph" &&
      b.kind === "paragraph" &&
      last.cell === null &&
      b.cell === null &&
      b.index === lastPart + 1 &&
      !SENTENCE_END.test(last.ft.text) &&
      // A title (bold, or "ثانياً: …", "Chair: …") is a line of its own, not half a sentence.
      !last.emphasized &&
      !LABEL_START.test(last.ft.text) &&
      // Nor does a label line continue the line before ("دائرة التنمية الإدارية" / "العدد: ت إ/ 412").
      !LABEL_START.test(b.ft.text) &&
      // A date on a line of its own (a web page's publication line under its title) is no sentence's end,
      // unless the line before leads to it ("… the report is due on" / "30 April 2024.").
      !(DATE_LINE.test(b.ft.text.trim()) && !TRAILING_DATE_WORDS.test(last.ft.folded)) &&
      // Nor does the text under such a line continue it ("November 30, 2017" over "2nd National Steering Committee …").
      !DATE_LINE.test(last.ft.text.trim()) &&
      // A capital opens a new sentence, not the rest of one.
      !/^\p{Lu}/u.test(b.ft.text);
    if (continues) run.push(b);
    else runs.push([b]);
    lastPart = b.index;
  }
  return runs.map((run) => (run.length === 1 ? run[0] : { ...run[0], ft: foldWithMap(run.map((b) => b.ft.text).join(" ")) }));
}
