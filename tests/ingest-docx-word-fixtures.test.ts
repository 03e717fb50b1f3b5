/**
 * The minutes of fixtures/word/, written the way Word writes them (see its README): their
 * trees keep Word's numbers, headers, footers, notes and nested tables and lose hidden text,
 * and their records hold every fact of their `*.expected.json`.
 */
import { readFileSync } from "node:fs";
import type { List, Node, Parent, Root, Table, TableCell, Text } from "mdast";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/ingest/docx.js";
import { treeToMarkdown } from "../src/write/markdown.js";
import { describeExpectedFacts } from "./expected-facts.js";

const DIR = "fixtures/word";

describeExpectedFacts(DIR, {
  "en-word-lists-2024-04": ["docx"],
  "fr-word-styles-2024-05": ["docx"],
  "ar-word-bcs-2024-06": ["docx"],
  "en-libreoffice-notes-2024-09": ["docx"],
});

async function tree(name: string): Promise<Root> {
  const path = `${DIR}/${name}.docx`;
  return (await readDocx(new Uint8Array(readFileSync(path)), path)).tree;
}
function isParent(node: Node): node is Parent {
  return "children" in node && Array.isArray((node as Parent).children);
}
function* walk(node: Node): Generator<Node> {
  yield node;
  if (isParent(node)) for (const child of node.children) yield* walk(child);
}
const textOf = (node: Node): string => (node.type === "text" ? (node as Text).value : isParent(node) ? node.children.map(textOf).join("\n") : "");
const lists = (root: Root): List[] => root.children.filter((node): node is List => node.type === "list");

describe("the trees of the Word fixtures", () => {
  it("en: two lists of one numbering, the commitments restarted at 1; no hidden or deleted text", async () => {
    const root = await tree("en-word-lists-2024-04");
    expect(lists(root).map((list) => [list.start, list.children.map((item) => item.data?.label)])).toEqual([
      [1, ["1.", "2."]],
      [1, ["1."]],
      [2, ["2."]],
      [3, ["3."]],
    ]);
    const all = textOf(root);
    expect(all).not.toMatch(/95%|Limited\s*Substantial|Drafting note/);
    expect(all).toContain("Status: Substantial");
    expect(root.data?.furniture).toEqual({
      headers: ["Kenya OGP Multi-Stakeholder Forum", "Minutes of the meeting of 18 April 2024"],
      footers: ["OGP Secretariat – Page 1"],
    });
    const noted = [...walk(root)].filter((node) => node.data?.notes);
    expect(noted.map((node) => [textOf(node), node.data!.notes])).toEqual([
      ["Progress: 35%", ["Figure corrected by the Office of the Controller of Budget after the meeting (first reported as 30%)."]],
    ]);
  });

  it("fr: headings from localized styles, numbered by their style; the hidden-style paragraph is gone", async () => {
    const root = await tree("fr-word-styles-2024-05");
    const headings = root.children.filter((node) => node.type === "heading");
    expect(headings.map((heading) => [heading.depth, heading.data?.label ?? null, textOf(heading)])).toEqual([
      [1, "I.", "Ordre du jour"],
      [1, "II.", "État d'avancement des engagements"],
      [2, null, "Engagement n°1 : Publication des contrats miniers"],
      [2, null, "Engagement n°2 : Portail des données ouvertes"],
      [2, null, "Engagement n°3 : Loi sur l'accès à l'information"],
      [1, "III.", "Divers"],
    ]);
    expect(textOf(root)).not.toMatch(/Engagement n°9|60 %/);
    expect(root.data?.furniture).toEqual({ headers: ["Comité national PGO – Bénin"], footers: ["Procès-verbal – réunion du 22 mai 2024"] });
    const markdown = treeToMarkdown(root);
    expect(markdown).toContain("# II. État d'avancement des engagements");
    expect(markdown).toContain("[^2]: Rapporteur : Mme Florence Houngbo, au nom de la société civile.");
  });

  it("LibreOffice's own .docx: outline-numbered headings, the restarted list, note, header, footer, shading, nested table", async () => {
    const root = await tree("en-libreoffice-notes-2024-09");
    const headings = root.children.filter((node) => node.type === "heading");
    expect(headings.map((heading) => [heading.data?.label, textOf(heading)])).toEqual([
      ["1.", "Agenda"],
      ["2.", "Progress of the National Action Plan 2021-2023 commitments"],
      ["3.", "Any other business"],
    ]);
    expect(lists(root).map((list) => [list.start, list.children.map(textOf)])).toEqual([
      [1, ["Progress of the National Action Plan 2021-2023 commitments", "Any other business"]],
      [1, ["Open contracting in the health sector"]],
      [2, ["Right to Information law implementation"]],
    ]);
    expect(textOf(root)).not.toContain("90%");
    expect(root.data?.furniture).toEqual({
      headers: ["Ghana OGP Steering Committee – Minutes of 24 September 2024"],
      footers: ["OGP Secretariat, Accra – page 1"],
    });
    expect([...walk(root)].filter((node) => node.data?.notes).map((node) => node.data!.notes)).toEqual([
      ["The portal count was checked by the Secretariat on 30 September 2024."],
    ]);
    const key = root.children.find((node): node is Table => node.type === "table")!;
    expect(key.children.map((row) => row.children[0]!.data?.fill)).toEqual(["00B050", "FFC000"]);
    expect((key.children[0]!.children[1]!.children as unknown as Node[]).map((node) => node.type)).toEqual(["paragraph", "table"]);
  });

  it("ar: complex-script bold titles as strong, Arabic-letter agenda labels, the nested activities table", async () => {
    const root = await tree("ar-word-bcs-2024-06");
    const strong = root.children.filter((node) => node.type === "paragraph" && node.children[0]?.type === "strong").map(textOf);
    expect(strong).toEqual([
      "محضر اجتماع اللجنة الوطنية للحكومة المنفتحة",
      "الالتزام رقم (1): نشر البيانات المفتوحة للصفقات العمومية",
      "الالتزام رقم (2): إرساء إطار قانوني للاستشارة العمومية",
      "مسائل مختلفة",
    ]);
    expect(lists(root)[0]!.children.map((item) => item.data?.label)).toEqual(["أ-", "ب-"]);
    expect(textOf(root)).not.toContain("80%");
    const outer = root.children.find((node): node is Table => node.type === "table")!;
    const [label, host] = outer.children[0]!.children as [TableCell, TableCell];
    expect(label.data?.fill).toBe("D9D9D9");
    const nested = (host.children as unknown as Node[]).find((node): node is Table => node.type === "table")!;
    expect(nested.children.map((row) => row.children.map(textOf))).toEqual([
      ["النشاط", "الأجل"],
      ["إعداد مشروع الأمر الحكومي", "جوان 2024"],
    ]);
  });
});
