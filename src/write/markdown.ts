/**
 * Prints a document tree as Markdown so a person can see what the pipeline sees,
 * the way pandoc or Docling show a converted document. It is a view for people,
 * not a round-trip format: a table cell's blocks are joined with `<br>`, and the
 * positions a merged cell covers are marked, because GFM pipe tables cannot span.
 */
import type { List, Nodes, PhrasingContent, Root, RootContent, Table, TableCell } from "mdast";
import type { SourceLocation } from "../ingest/tree.js";

export interface MarkdownOptions {
  /** Follow each block with an HTML comment giving its source location. */
  sources?: boolean;
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

/** Each block of a cell as one line of text, list items prefixed by their marker. */
function cellLines(cell: TableCell): string[] {
  const lines: string[] = [];
  for (const block of cellBlocks(cell)) {
    if (block.type === "list") {
      block.children.forEach((item, i) => {
        const marker = block.ordered ? `${(block.start ?? 1) + i}.` : "•";
        lines.push(`${marker} ${plainText(item).replace(NEWLINES, " ")}`);
      });
    } else {
      lines.push(plainText(block).replace(NEWLINES, " "));
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
function tableGrid(table: Table): string[][] {
  const grid: string[][] = table.children.map(() => []);
  table.children.forEach((row, r) => {
    const out = grid[r];
    let column = 0;
    for (const cell of row.children) {
      while (out[column] !== undefined) column++;
      const colSpan = Math.max(1, cell.data?.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.data?.rowSpan ?? 1);
      const text = cellLines(cell).map(escapeCell).join("<br>");
      for (let dr = 0; dr < rowSpan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr][column + dc] = dr === 0 && dc === 0 ? text : MERGED_CELL_MARKER;
      }
      column += colSpan;
    }
  });
  return grid;
}

function pipeTable(table: Table, options: MarkdownOptions): string {
  const grid = tableGrid(table);
  const columns = grid.reduce((n, row) => Math.max(n, row.length), Math.max(1, table.align?.length ?? 0));
  const rows = grid.map((cells) => {
    const padded = Array.from({ length: columns }, (_, i) => cells[i] ?? "");
    return `| ${padded.join(" | ")} |`;
  });
  const delimiter = `|${" --- |".repeat(columns)}`;
  const comment = options.sources ? formatSource(table.data?.source) : "";
  return [rows[0] + comment, delimiter, ...rows.slice(1)].join("\n");
}

function list(node: List, options: MarkdownOptions, indent: string): string {
  return node.children
    .map((item, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}.` : "-";
      const pad = " ".repeat(marker.length + 1);
      const body = item.children.map((child) => block(child, options, indent + pad)).join("\n\n");
      return `${indent}${marker} ${body.slice(indent.length + pad.length)}`;
    })
    .join("\n");
}

function block(node: RootContent, options: MarkdownOptions, indent = ""): string {
  const comment = options.sources ? formatSource(node.data?.source) : "";
  const indented = (text: string) => text.split("\n").map((line) => indent + line).join("\n");
  switch (node.type) {
    case "heading":
      return indented(`${"#".repeat(node.depth)} ${phrasing(node.children)}${comment}`);
    case "paragraph":
      return indented(phrasing(node.children) + comment);
    case "list":
      return list(node, options, indent);
    case "blockquote":
      return node.children.map((child) => block(child, options, `${indent}> `)).join(`\n${indent}>\n`);
    case "code":
      return indented(`\`\`\`${node.lang ?? ""}\n${node.value}\n\`\`\``);
    case "thematicBreak":
      return indented("---");
    case "html":
      return indented(node.value);
    case "table":
      return indented(pipeTable(node, options));
    default:
      return indented(plainText(node));
  }
}

/** The tree as Markdown: headings, paragraphs, lists, and tables with each cell's blocks joined by `<br>`. */
export function treeToMarkdown(tree: Root, options: MarkdownOptions = {}): string {
  return `${tree.children.map((node) => block(node, options)).join("\n\n")}\n`;
}
