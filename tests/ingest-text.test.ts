import { readFileSync } from "node:fs";
import type { List, Nodes, Paragraph, Root, RootContent, Table, TableCell } from "mdast";
import { describe, expect, it } from "vitest";
import { IngestError } from "../src/ingest/errors.js";
import { readMarkdown, readText } from "../src/ingest/text.js";

const TXT = "fixtures/ogp-tunisia/2023-03-committee-minutes.txt";
const encoder = new TextEncoder();

function textOf(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join(" ");
  return "";
}

function blocksOf(cell: TableCell): RootContent[] {
  return cell.children as unknown as RootContent[];
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

async function readTxt(text: string): Promise<Root> {
  return (await readText(encoder.encode(text), "test.txt")).tree;
}

describe("readText on the 2023-03 minutes (Word's text export)", async () => {
  const doc = await readText(new Uint8Array(readFileSync(TXT)), TXT);
  const tables = doc.tree.children.filter((n): n is Table => n.type === "table");
  const [commitments, workshops] = tables;

  it("finds the commitments table and the workshops table", () => {
    expect(doc.format).toBe("txt");
    expect(tables).toHaveLength(2);
    expect(commitments.align).toEqual([null, null]);
    expect(commitments.children).toHaveLength(18);
    expect(workshops.children.map((row) => row.children.length)).toEqual([3, 3, 3, 3]);
  });

  it("rebuilds the three section rows as one cell spanning both columns", () => {
    const sections = commitments.children.filter((row) => row.children.length === 1);
    expect(sections.map((row) => row.data?.source?.row)).toEqual([2, 7, 12]);
    for (const row of sections) expect(row.children[0].data?.colSpan).toBe(2);
    const lists = sections.map((row) => blocksOf(row.children[0])[0] as List);
    expect(lists.map((l) => l.start)).toEqual([1, 2, 3]);
    expect(textOf(lists[0])).toBe("التعهدات المنجزة بصفة كلية(100%)");
    expect(textOf(lists[1])).toBe("التعهدات غير المنجزة");
  });

  it("has the twelve numbered commitment rows, one row with an empty commitment cell and one empty row", () => {
    const twoCell = commitments.children.slice(1).filter((row) => row.children.length === 2);
    const numbers = twoCell.map((row) => /عدد\s*(\d+)/.exec(textOf(row.children[0]))?.[1]).filter(Boolean);
    expect(numbers).toEqual(["10", "11", "8", "5", "3", "6", "7", "1", "2", "4", "9", "13"]);
    const emptyFirst = twoCell.filter((row) => row.children[0].children.length === 0);
    expect(emptyFirst.map((row) => row.children[1].children.length > 0)).toEqual([false, true]);
  });

  it("joins a commitment cell split by an empty paragraph with the status cell after it", () => {
    const row = commitments.children.find((r) => textOf(r.children[0]).startsWith("التعهد عدد 4"))!;
    expect(row.children).toHaveLength(2);
    expect(textOf(row.children[1])).toMatch(/^اشارت السيدة ريم القرناوي أنه:/);
    expect(blocksOf(row.children[1])).toHaveLength(6);
  });

  it("keeps cell paragraphs after an empty paragraph in the cell, and dash lines as a list", () => {
    const row = commitments.children[2];
    expect(textOf(row.children[0])).toMatch(/^تعهدعدد 10:/);
    const blocks = blocksOf(row.children[1]);
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "list"]);
    expect((blocks[1] as List).children).toHaveLength(9);
    expect(textOf((blocks[1] as List).children[0])).toMatch(/^فتح باب الترشح/);
  });

  it("puts the workshop participants as a list inside their cell", () => {
    const cell = workshops.children[1].children[2];
    const [list] = blocksOf(cell) as List[];
    expect(list.type).toBe("list");
    expect(list.children).toHaveLength(2);
    expect(textOf(workshops.children[1].children[0])).toBe("03 ماي 2023");
  });

  it("reads the agenda as a list and ends with the closing paragraph", () => {
    const agenda = doc.tree.children[2] as List;
    expect(agenda.type).toBe("list");
    expect(agenda.children).toHaveLength(3);
    expect(agenda.data?.source).toEqual({ line: 3 });
    const last = doc.tree.children.at(-1) as Paragraph;
    expect(textOf(last)).toBe("وبذلك اختتمت الجلسة.");
    expect(last.data?.source).toEqual({ line: 148 });
  });

  it("gives every block its line, and table, row and cell inside tables", () => {
    for (const [t, table] of tables.entries()) {
      walk(table, (node) => {
        if (node.type === "text" || node.type === "table" || node.type === "tableRow") return;
        expect(node.data?.source?.table).toBe(t + 1);
        expect(node.data?.source?.line).toBeGreaterThan(0);
        if (node.type !== "tableCell") expect(node.data?.source?.cell).toBeGreaterThan(0);
      });
    }
    const section = commitments.children[6].children[0];
    expect(section.data?.source).toEqual({ table: 1, row: 7, cell: 1, line: 51 });
    expect(blocksOf(section)[0].data?.source).toEqual({ table: 1, row: 7, cell: 1, line: 52 });
  });

  it("normalizes the text: percent sign, no tatweel", () => {
    expect(textOf(commitments)).not.toMatch(/[℅\u0640]/);
  });
});

describe("readText on small texts", () => {
  it("groups bullet lines into lists, one per bullet kind, and numbered lines into ordered lists", async () => {
    const tree = await readTxt("Agenda:\n\uF0B7 one\n· two\n- sub a\n-sub b\n\n1. first\n2) second\n-5 degrees");
    expect(tree.children.map((n) => n.type)).toEqual(["paragraph", "list", "list", "list", "paragraph"]);
    expect((tree.children[1] as List).children.map(textOf)).toEqual(["one", "two"]);
    expect((tree.children[2] as List).children.map(textOf)).toEqual(["sub a", "sub b"]);
    expect(tree.children[3]).toMatchObject({ ordered: true, start: 1 });
    expect((tree.children[3] as List).children).toHaveLength(2);
  });

  it("nests an indented bullet's items in the item above, and goes back out with the indent", async () => {
    const tree = await readTxt(
      [
        "Progress updates were provided.",
        "  \u2022 Commitment 1: Open Budget",
        "    \u2022 Update at the next meeting.",
        "  \u2022 Commitment 2: Official information",
        "    \u2022 Progress is being made.",
        "      - on capability",
        "    \u2022 Delays in delivery.",
        "  \u2022 Commitment 3: Open data",
        "Next meeting in April.",
      ].join("\n"),
    );
    expect(tree.children.map((n) => n.type)).toEqual(["paragraph", "list", "paragraph"]);
    const outer = tree.children[1] as List;
    expect(outer.children.map((item) => textOf(item.children[0]))).toEqual([
      "Commitment 1: Open Budget",
      "Commitment 2: Official information",
      "Commitment 3: Open data",
    ]);
    const sub = (item: List["children"][number]) => item.children[1] as List;
    expect(sub(outer.children[0]).children.map(textOf)).toEqual(["Update at the next meeting."]);
    expect(sub(outer.children[1]).children.map((item) => textOf(item.children[0]))).toEqual(["Progress is being made.", "Delays in delivery."]);
    expect(textOf(sub(sub(outer.children[1]).children[0]))).toBe("on capability");
    expect(outer.children[2].children).toHaveLength(1);
    expect(sub(outer.children[0]).data?.source).toEqual({ line: 3 });
  });

  it("treats each line as a paragraph in Word-style text, and joins hard-wrapped lines", async () => {
    const long = "word ".repeat(40).trim();
    expect((await readTxt(`${long}\n${long}`)).children).toHaveLength(2);
    const lines = [
      "The committee met on 14 September and reviewed the",
      "progress of every commitment of the national action",
      "plan, starting with the ones that were behind their",
      "schedule.",
      "",
      "Second paragraph.",
    ];
    const tree = await readTxt(lines.join("\n"));
    expect(tree.children).toHaveLength(2);
    // Soft line breaks stay in the text, as remark keeps them for Markdown.
    expect(textOf(tree.children[0])).toBe(lines.slice(0, 4).join("\n"));
    expect(tree.children[1].data?.source?.line).toBe(6);
  });

  it("does not mistake tab-indented paragraphs for a table", async () => {
    const tree = await readTxt("\tFirst indented paragraph.\n\n\tSecond indented paragraph.\n");
    expect(tree.children.map((n) => n.type)).toEqual(["paragraph", "paragraph"]);
  });

  it("rebuilds a small tab table and ends it at two blank lines", async () => {
    const tree = await readTxt("Intro\n\tA\n\tB\n\n\ta1\n\tb1\nmore b1\n\n\ta2\n\tb2\n\n\nAfter.");
    expect(tree.children.map((n) => n.type)).toEqual(["paragraph", "table", "paragraph"]);
    const table = tree.children[1] as Table;
    expect(table.children.map((r) => r.children.map((c) => textOf(c)))).toEqual([
      ["A", "B"],
      ["a1", "b1 more b1"],
      ["a2", "b2"],
    ]);
  });

  it("reads a long file (more lines than a call's argument limit) with tables and paragraphs", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `\tcommitment ${i}\n\tdone\n\nnote ${i}\n`).join("\n");
    const tree = await readTxt(`\tA\n\tB\n\n${rows}`);
    const table = tree.children[0] as Table;
    expect(table.children).toHaveLength(40_001);
    expect(textOf(table.children.at(-2)!.children[1])).toBe("done note 39998");
    // After the last row nothing says the table goes on, so its note is text after the table.
    expect(textOf(table.children.at(-1)!.children[1])).toBe("done");
    expect(textOf(tree.children[1])).toBe("note 39999");
  });

  it("decodes UTF-16 with a byte order mark", async () => {
    const text = "تعهد عدد 1\n";
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const tree = (await readText(le, "utf16.txt")).tree;
    expect(textOf(tree.children[0])).toBe("تعهد عدد 1");
  });

  it("rejects text in a legacy code page and files with no text", async () => {
    const cp1256 = new Uint8Array([0xc7, 0xe1, 0xe1, 0xcc, 0xe4, 0xc9]); // "اللجنة" in Windows-1256
    await expect(readText(cp1256, "old.txt")).rejects.toMatchObject({ code: "unsupported", file: "old.txt" });
    await expect(readText(encoder.encode(" \n\u200F\n\t\n"), "blank.txt")).rejects.toBeInstanceOf(IngestError);
    await expect(readText(encoder.encode(" \n\n"), "blank.txt")).rejects.toMatchObject({ code: "empty" });
  });
});

describe("readMarkdown", () => {
  const markdown = [
    "# Procès-verbal",
    "",
    "Taux de réalisation : 75℅ et ٧٥٪",
    "",
    "- un *premier* point",
    "- second",
    "",
    "| Engagement | Statut |",
    "| --- | --- |",
    "| Engagement 1 | Réalisé<br>• note |",
    "| | |",
  ].join("\n");

  it("parses with remark and records every block's line", async () => {
    const doc = await readMarkdown(encoder.encode(markdown), "pv.md");
    expect(doc.format).toBe("md");
    const [heading, para, list, table] = doc.tree.children;
    expect(heading).toMatchObject({ type: "heading", depth: 1, data: { source: { line: 1 } } });
    expect(para.data?.source).toEqual({ line: 3 });
    expect(textOf(para)).toBe("Taux de réalisation : 75% et 75%");
    expect(list.data?.source).toEqual({ line: 5 });
    expect(textOf((list as List).children[0])).toBe("un  premier  point");
    expect(((list as List).children[0].children[0] as Paragraph).children.map((n) => n.type)).toEqual(["text", "emphasis", "text"]);
    expect(table.data?.source).toEqual({ table: 1, line: 8 });
  });

  it("gives table cells block children, split at <br>, with table, row and cell", async () => {
    const doc = await readMarkdown(encoder.encode(markdown), "pv.md");
    const table = doc.tree.children[3] as Table;
    const status = table.children[1].children[1];
    expect(status.data?.source).toEqual({ table: 1, row: 2, cell: 2, line: 10 });
    const blocks = blocksOf(status);
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
    expect(blocks.map(textOf)).toEqual(["Réalisé", "• note"]);
    expect(blocks[0].data?.source).toEqual({ table: 1, row: 2, cell: 2, line: 10 });
    expect(table.children[2].children.map((c) => c.children.length)).toEqual([0, 0]);
  });
});

describe("readMarkdown on Markdown as repositories hold it", () => {
  it("reads YAML front matter as the document's title and date, not as a heading", async () => {
    const doc = await readMarkdown(encoder.encode("---\ntitle: Meeting 03\ndate: 2015-12-09\nlayout: page\n---\n\n# ICAT Steering Group Meeting #3\n\nText."), "m.md");
    expect(doc.metadata).toEqual({ title: "Meeting 03", created: "2015-12-09" });
    expect(doc.tree.children.map((n) => n.type)).toEqual(["heading", "paragraph"]);
    expect(textOf(doc.tree.children[0])).toBe("ICAT Steering Group Meeting #3");
  });

  it("writes a task list's boxes as text, as the Word reader writes a check box: '- [x] Publish' is '☒ Publish'", async () => {
    const doc = await readMarkdown(encoder.encode("- [x] **AI-31** Publish the dataset\n- [ ] AI-32 Draft the FAQ\n- Plain item\n"), "m.md");
    const list = doc.tree.children[0];
    expect(list.type).toBe("list");
    expect(list.type === "list" && list.children.map((item) => [textOf(item).replace(/\s+/gu, " "), item.checked ?? null])).toEqual([
      ["☒ AI-31 Publish the dataset", null],
      ["☐ AI-32 Draft the FAQ", null],
      ["Plain item", null],
    ]);
  });

  it("keeps a date it cannot read as ISO out of the metadata, and reports front matter it cannot parse", async () => {
    expect((await readMarkdown(encoder.encode("---\ntitle: Réunion\ndate: 9 décembre 2015\n---\n\nTexte."), "m.md")).metadata).toEqual({ title: "Réunion" });
    const broken = await readMarkdown(encoder.encode("---\ntitle: [unclosed\n---\n\nText."), "m.md");
    expect(broken.metadata).toEqual({});
    expect(broken.messages.map((m) => m.code)).toEqual(["front-matter-unreadable"]);
    expect(broken.tree.children.map((n) => n.type)).toEqual(["paragraph"]);
  });

  it("splits cells at HTML paragraphs and list items, keeps <b> and <i> as emphasis and drops other tags", async () => {
    const doc = await readMarkdown(
      encoder.encode("| No. | Status |\n| --- | --- |\n| 1 | <b>Done</b> – see <span>note</span><ul><li>first</li><li>second</li></ul> |\n| 2 | <p>En cours</p><p><i>à suivre</i></p> |"),
      "t.md",
    );
    const table = doc.tree.children[0] as Table;
    const first = blocksOf(table.children[1].children[1]);
    expect(first.map(textOf)).toEqual(["Done  – see  note", "first", "second"]);
    expect((first[0] as Paragraph).children[0]).toMatchObject({ type: "strong", children: [{ type: "text", value: "Done" }] });
    const second = blocksOf(table.children[2].children[1]);
    expect(second.map(textOf)).toEqual(["En cours", "à suivre"]);
    expect((second[1] as Paragraph).children[0].type).toBe("emphasis");
  });

  it("gives a row that stops short of the header the header's cells, the missing ones empty", async () => {
    const doc = await readMarkdown(encoder.encode("| No. | Detail | Resp. | Status |\n| --- | --- | --- | --- |\n| 2.1 | Add the terms | TG |\n| 2.2 | Update |"), "t.md");
    const table = doc.tree.children[0] as Table;
    expect(table.children.map((row) => row.children.length)).toEqual([4, 4, 4]);
    expect(table.children[2].children.map((c) => blocksOf(c).map(textOf).join())).toEqual(["2.2", "Update", "", ""]);
    expect(table.children[2].children[3].data?.source).toMatchObject({ table: 1, row: 3, cell: 4 });
  });

  it("reads an escaped number as the number it shows, in a paragraph rather than a list", async () => {
    const doc = await readMarkdown(encoder.encode("2\\. Actions of the previous meeting\n\n3\\. Review of membership\\\nNo business"), "m.md");
    expect(doc.tree.children.map((n) => n.type)).toEqual(["paragraph", "paragraph"]);
    expect(textOf(doc.tree.children[0])).toBe("2. Actions of the previous meeting");
    expect((doc.tree.children[1] as Paragraph).children.map((n) => n.type)).toEqual(["text", "break", "text"]);
  });
});
