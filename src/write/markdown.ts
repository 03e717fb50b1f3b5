/**
 * Prints a document tree as Markdown so a person can see what the pipeline sees,
 * the way pandoc or Docling show a converted document. It is a view for people,
 * not a round-trip format: a table cell's blocks are joined with `<br>`, and the
 * positions a merged cell covers are marked, because GFM pipe tables cannot span.
 * What a reader keeps beside the body is shown too: page headers and footers (root
 * `data.furniture`) as quoted lines before and after it, a block's notes (`data.notes`) as
 * GFM footnotes and its bare note marks (`data.noteMarks`) as superscripts, and the number
 * Word displays (`data.label`) before its heading or item.
 */
import type { List, Nodes, PhrasingContent, Root, RootContent, Table, TableCell } from "mdast";
import type { SourceLocation } from "../ingest/tree.js";

export interface MarkdownOptions {
  /** Follow each block with an HTML comment giving its source location. */
  sources?: boolean;
}

/** One rendering: the options, and the notes met so far (numbered in reading order). */
interface Rendering {
  options: MarkdownOptions;
  notes: string[];
}

/**
 * GFM footnote references for a block's notes, which are collected for the end of the
 * document; note marks a reader kept without their note's text (`data.noteMarks`) as superscripts.
 */
function noteMarks(node: Nodes, rendering: Rendering): string {
  const notes = node.data?.notes ?? [];
  const references = notes.map((note) => {
    rendering.notes.push(note);
    return `[^${rendering.notes.length}]`;
  });
  const marks = (node.data?.noteMarks ?? []).map((mark) => `<sup>${escapeCell(mark)}</sup>`);
  return [...references, ...marks].join("");
}

/** A list item's marker: Word's label when it is not the plain "N." Markdown would show anyway. */
function itemMarker(list: List, index: number): { marker: string; label: string } {
  const label = list.children[index]?.data?.label;
  const number = `${(list.start ?? 1) + index}.`;
  if (!list.ordered) return { marker: "-", label: "" };
  return label === undefined || label === number ? { marker: number, label: "" } : { marker: "-", label: `${escapeCell(label)} ` };
}

/** Characters that would start Markdown syntax inside a text run. */
const INLINE_SPECIAL = /[\\`*_[\]<>|]/g;
/** A line that would read as a heading, quote or list item; a number's "." or ")" is what gets escaped ("1\. "). */
const LINE_START_MARKER = /^(\s*)([#>+-])(?=\s)/gm;
const LINE_START_NUMBER = /^(\s*\d+)([.)])(?=\s)/gm;
const NEWLINES = /\n/g;

function escapeInline(text: string): string {
  return escapeCell(text).replace(LINE_START_MARKER, "$1\\$2").replace(LINE_START_NUMBER, "$1\\$2");
}

/** Inside a pipe-table cell nothing starts a line, so only inline syntax needs escaping. */
function escapeCell(text: string): string {
  return text.replace(INLINE_SPECIAL, "\\$&");
}

function formatSource(source: SourceLocation | undefined): string {
  if (!source) return "";
  const parts = (["page", "table", "row", "cell", "line"] as const)
    .filter((key) => source[key] !== undefined)
    .map((key) => `${key} ${source[key]}`);
  return parts.length > 0 ? ` <!-- ${parts.join(", ")} -->` : "";
}

function phrasing(nodes: PhrasingContent[]): string {
  return nodes.map(inline).join("");
}

function inline(node: PhrasingContent): string {
  switch (node.type) {
    case "text":
      return escapeInline(node.value);
    case "emphasis":
      return `*${phrasing(node.children)}*`;
    case "strong":
      return `**${phrasing(node.children)}**`;
    case "delete":
      return `~~${phrasing(node.children)}~~`;
    case "inlineCode":
      return `\`${node.value}\``;
    case "break":
      return "\\\n";
    case "link":
      return `[${phrasing(node.children)}](${node.url})`;
    case "image":
      return `![${node.alt ?? ""}](${node.url})`;
    case "html":
      return node.value;
    case "footnoteReference":
      return `[^${node.identifier}]`;
    default:
      return "";
  }
}

/** Plain text of any node, for table cells where block syntax cannot appear. */
function plainText(node: Nodes): string {
  if (node.type === "break") return " ";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/** A cell's blocks, as one line: readers put paragraphs and lists in cells (see ingest/text.ts). */
function cellBlocks(cell: TableCell): RootContent[] {
  return cell.children as unknown as RootContent[];
}

/** Each block of a cell as one line of text, list items prefixed by their marker; a nested table's cells each on a line. */
function cellLines(cell: TableCell, rendering: Rendering): string[] {
  const lines: string[] = [];
  for (const block of cellBlocks(cell)) {
    if (block.type === "list") {
      block.children.forEach((item, i) => {
        const { marker, label } = itemMarker(block, i);
        const notes = item.children.map((child) => noteMarks(child, rendering)).join("");
        lines.push(`${marker === "-" ? "•" : marker} ${label}${escapeCell(plainText(item).replace(NEWLINES, " "))}${notes}`);
      });
    } else if (block.type === "table") {
      for (const row of block.children) lines.push(`⟨${row.children.map((inner) => cellLines(inner, rendering).join(" ")).join(" ¦ ")}⟩`);
    } else {
      lines.push(escapeCell(plainText(block).replace(NEWLINES, " ")) + noteMarks(block, rendering));
    }
  }
  return lines;
}

/** Shown in the grid positions a merged cell covers, since pipe tables cannot span. */
export const MERGED_CELL_MARKER = "⟨merged⟩";

/**
 * The table as a grid of cell texts. Readers follow HTML's convention: a cell with
 * colSpan n stands for n columns, and a cell with rowSpan n is absent from the n - 1
 * rows below, so those positions are filled with the marker here.
 */
function tableGrid(table: Table, rendering: Rendering): string[][] {
  const grid: string[][] = table.children.map(() => []);
  table.children.forEach((row, r) => {
    const out = grid[r];
    let column = 0;
    for (const cell of row.children) {
      while (out[column] !== undefined) column++;
      const colSpan = Math.max(1, cell.data?.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.data?.rowSpan ?? 1);
      const text = cellLines(cell, rendering).join("<br>");
      for (let dr = 0; dr < rowSpan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr][column + dc] = dr === 0 && dc === 0 ? text : MERGED_CELL_MARKER;
      }
      column += colSpan;
    }
  });
  return grid;
}

function pipeTable(table: Table, rendering: Rendering): string {
  const { options } = rendering;
  const grid = tableGrid(table, rendering);
  const columns = grid.reduce((n, row) => Math.max(n, row.length), Math.max(1, table.align?.length ?? 0));
  const rows = grid.map((cells) => {
    const padded = Array.from({ length: columns }, (_, i) => cells[i] ?? "");
    return `| ${padded.join(" | ")} |`;
  });
  const delimiter = `|${" --- |".repeat(columns)}`;
  const comment = options.sources ? formatSource(table.data?.source) : "";
  return [rows[0] + comment, delimiter, ...rows.slice(1)].join("\n");
}

function list(node: List, rendering: Rendering, indent: string): string {
  return node.children
    .map((item, i) => {
      const { marker, label } = itemMarker(node, i);
      const pad = " ".repeat(marker.length + 1);
      const body = item.children.map((child) => block(child, rendering, indent + pad)).join("\n\n");
      return `${indent}${marker} ${label}${body.slice(indent.length + pad.length)}`;
    })
    .join("\n");
}

function block(node: RootContent, rendering: Rendering, indent = ""): string {
  const { options } = rendering;
  const comment = options.sources ? formatSource(node.data?.source) : "";
  const indented = (text: string) => text.split("\n").map((line) => indent + line).join("\n");
  switch (node.type) {
    case "heading": {
      const label = node.data?.label ? `${escapeCell(node.data.label)} ` : "";
      return indented(`${"#".repeat(node.depth)} ${label}${phrasing(node.children)}${noteMarks(node, rendering)}${comment}`);
    }
    case "paragraph":
      return indented(phrasing(node.children) + noteMarks(node, rendering) + comment);
    case "list":
      return list(node, rendering, indent);
    case "blockquote":
      return node.children.map((child) => block(child, rendering, `${indent}> `)).join(`\n${indent}>\n`);
    case "code":
      return indented(`\`\`\`${node.lang ?? ""}\n${node.value}\n\`\`\``);
    case "thematicBreak":
      return indented("---");
    case "html":
      return indented(node.value);
    case "table":
      return indented(pipeTable(node, rendering));
    default:
      return indented(plainText(node));
  }
}

/** Page headers or footers as quoted lines: "> header: …". */
function furnitureLines(kind: "header" | "footer", texts: readonly string[]): string[] {
  return texts.length > 0 ? [texts.map((text) => `> ${kind}: ${escapeCell(text).replace(NEWLINES, " ")}`).join("\n")] : [];
}

/** The tree as Markdown: headings, paragraphs, lists, and tables with each cell's blocks joined by `<br>`. */
export function treeToMarkdown(tree: Root, options: MarkdownOptions = {}): string {
  const rendering: Rendering = { options, notes: [] };
  const furniture = tree.data?.furniture;
  const parts = [
    ...furnitureLines("header", furniture?.headers ?? []),
    ...tree.children.map((node) => block(node, rendering)),
    ...furnitureLines("footer", furniture?.footers ?? []),
  ];
  if (rendering.notes.length > 0) {
    parts.push(rendering.notes.map((note, i) => `[^${i + 1}]: ${escapeCell(note).replace(NEWLINES, " ")}`).join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
