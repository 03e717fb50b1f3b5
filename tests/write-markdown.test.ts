import { readFileSync } from "node:fs";
import type { Root, RootContent, Table, TableCell } from "mdast";
import { describe, expect, it } from "vitest";
import { readMarkdown, readText } from "../src/ingest/text.js";
import { MERGED_CELL_MARKER, treeToMarkdown } from "../src/write/markdown.js";

const text = (value: string) => ({ type: "text" as const, value });
const para = (value: string, line?: number) => ({ type: "paragraph" as const, children: [text(value)], data: line ? { source: { line } } : undefined });
/** Cells hold blocks in our trees (see src/ingest/text.ts), which mdast's types do not allow. */
const cell = (blocks: RootContent[], data?: TableCell["data"]): TableCell => ({ type: "tableCell", children: blocks as unknown as TableCell["children"], data });

const tree: Root = {
  type: "root",
  children: [
    { type: "heading", depth: 2, children: [text("Suivi des engagements")], data: { source: { page: 1 } } },
    para("1. Not a list: a paragraph that starts with a number", 3),
    {
      type: "list",
      ordered: true,
      start: 3,
      children: [
        { type: "listItem", children: [para("troisième")] },
        { type: "listItem", children: [para("quatrième *étoile*")] },
      ],
    },
    {
      type: "table",
      data: { source: { page: 2, table: 1 } },
      children: [
        { type: "tableRow", children: [cell([para("N°")]), cell([para("Engagement")]), cell([para("Statut")])] },
        { type: "tableRow", children: [cell([para("Réalisés (100%)")], { colSpan: 3 })] },
        {
          type: "tableRow",
          children: [
            cell([para("1")], { rowSpan: 2 }),
            cell([para("Accès à l'information")]),
            cell([
              para("En cours | 60%"),
              { type: "list", ordered: false, children: [{ type: "listItem", children: [para("décret rédigé")] }] },
            ]),
          ],
        },
        { type: "tableRow", children: [cell([]), cell([para("Non démarré")])] },
      ],
    },
  ],
};

describe("treeToMarkdown", () => {
  it("prints headings, escaped paragraphs, numbered lists and a pipe table with cell blocks joined by <br>", () => {
    expect(treeToMarkdown(tree)).toBe(
      [
        "## Suivi des engagements",
        "",
        "1\\. Not a list: a paragraph that starts with a number",
        "",
        "3. troisième",
        "4. quatrième \\*étoile\\*",
        "",
        "| N° | Engagement | Statut |",
        "| --- | --- | --- |",
        `| Réalisés (100%) | ${MERGED_CELL_MARKER} | ${MERGED_CELL_MARKER} |`,
        "| 1 | Accès à l'information | En cours \\| 60%<br>• décret rédigé |",
        `| ${MERGED_CELL_MARKER} |  | Non démarré |`,
        "",
      ].join("\n"),
    );
  });

  it("adds each block's source as a comment when asked", () => {
    const out = treeToMarkdown(tree, { sources: true });
    expect(out).toContain("## Suivi des engagements <!-- page 1 -->");
    expect(out).toContain("a number <!-- line 3 -->");
    expect(out).toContain("| N° | Engagement | Statut | <!-- page 2, table 1 -->");
  });

  it("shows the 2023-03 text minutes as a readable document whose tables read back the same", async () => {
    const path = "fixtures/ogp-tunisia/2023-03-committee-minutes.txt";
    const source = await readText(new Uint8Array(readFileSync(path)), path);
    const out = treeToMarkdown(source.tree);
    expect(out).toContain(`| 1. التعهدات المنجزة بصفة كلية(100%) | ${MERGED_CELL_MARKER} |`);
    expect(out).toContain("| تاريخ ورشة العمل | مكان ورشة العمل | المشاركين |");
    expect(out).toMatch(/^- تقديم المستجدّات المتعلقة/m);

    const back = await readMarkdown(new TextEncoder().encode(out), "view.md");
    const tables = (root: Root) => root.children.filter((n): n is Table => n.type === "table");
    const shape = (root: Root) => tables(root).map((t) => t.children.map((row) => row.children.length));
    const widths = shape(source.tree).map((rows) => rows.map(() => Math.max(...rows)));
    expect(shape(back.tree)).toEqual(widths);
    // Every cell keeps its blocks: one paragraph per block or list item.
    const commitmentCell = tables(back.tree)[0].children[2].children[1];
    expect(commitmentCell.children).toHaveLength(10);
  });
});
