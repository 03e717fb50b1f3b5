/**
 * mdast trees built in code, as mammoth's tests build XmlElements: each layout test states the
 * document it reads in a few lines instead of pointing at a file.
 */
import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from "mdast";
import type { DocumentTree } from "../../src/ingest/tree.js";
import { extractRecord } from "../../src/extract/index.js";
import type { MeetingRecord } from "../../src/model/meeting.js";

type Inline = string | PhrasingContent;
const inline = (parts: Inline[]): PhrasingContent[] => parts.map((p) => (typeof p === "string" ? { type: "text", value: p } : p));

export const p = (...parts: Inline[]): Paragraph => ({ type: "paragraph", children: inline(parts) });
export const bold = (text: string): PhrasingContent => ({ type: "strong", children: [{ type: "text", value: text }] });
export const h = (depth: 1 | 2 | 3 | 4, text: string): RootContent => ({ type: "heading", depth, children: [{ type: "text", value: text }] });

/** A list item: its first text, then nested lists or paragraphs. */
export const li = (text: string, ...children: BlockContent[]): ListItem => ({ type: "listItem", spread: false, children: [p(text), ...children] });
export const ol = (items: (string | ListItem)[], start = 1): List => ({
  type: "list",
  ordered: true,
  start,
  spread: false,
  children: items.map((i) => (typeof i === "string" ? li(i) : i)),
});
export const ul = (items: (string | ListItem)[]): List => ({ type: "list", ordered: false, spread: false, children: items.map((i) => (typeof i === "string" ? li(i) : i)) });

/** A cell merged across columns or down rows, as readers emit it: once, in its first row and column. */
export const merged = (text: string, spans: { rowSpan?: number; colSpan?: number }): TableCell => ({
  type: "tableCell",
  data: spans,
  children: [p(text)] as unknown as PhrasingContent[],
});

/** A table from rows of cell texts; a cell may be a list of paragraphs (several lines in one cell), or a `merged` cell. */
export function table(rows: (string | string[] | TableCell)[][], number = 1): Table {
  return {
    type: "table",
    data: { source: { table: number } },
    children: rows.map(
      (cells, r): TableRow => ({
        type: "tableRow",
        data: { source: { table: number, row: r + 1 } },
        children: cells.map((c): TableCell =>
          typeof c === "object" && !Array.isArray(c) ? c : { type: "tableCell", children: (Array.isArray(c) ? c.map((t) => p(t)) : [p(c)]) as unknown as PhrasingContent[] },
        ),
      }),
    ),
  };
}

export function doc(children: RootContent[], path = "minutes.docx"): DocumentTree {
  const tree: Root = { type: "root", children };
  return { path, format: "docx", pages: null, metadata: {}, tree, messages: [] };
}

export const extract = (children: RootContent[], path?: string): MeetingRecord => extractRecord(doc(children, path), { sha256: "0".repeat(64) });

/** What a layout test compares: the commitments' facts without their sources. */
export const facts = (record: MeetingRecord) =>
  record.commitments.map((c) => ({
    number: c.number,
    title: c.title,
    status: c.status,
    statusLabel: c.statusLabel,
    progress: c.progress,
    ...(c.owner !== undefined ? { owner: c.owner } : {}),
    ...(c.due !== undefined ? { due: c.due } : {}),
    reportedBy: c.reportedBy,
    activities: c.activities.length,
  }));
