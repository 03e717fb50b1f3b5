import { readFileSync } from "node:fs";
import type { List, ListItem, Nodes, RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/ingest/docx.js";
import { readPdf } from "../src/ingest/pdf.js";
import { buildBlocks, measureLines } from "../src/ingest/pdf-blocks.js";
import type { PageLine } from "../src/ingest/pdf-layout.js";

function textOf(node: Nodes): string {
  if ("value" in node) return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join(" ");
  return "";
}

/** A list as its items' first paragraphs, each followed by the shape of the lists inside it. */
type Shape = Array<string | Shape>;
function shapeOf(list: List): Shape {
  return list.children.flatMap((item: ListItem) => [
    textOf(item.children[0]).replace(/\s+/g, " ").trim(),
    ...item.children.filter((child): child is List => child.type === "list").map(shapeOf),
  ]);
}
const listShapes = (nodes: RootContent[]): Shape[] => nodes.filter((node): node is List => node.type === "list").map(shapeOf);

describe("readPdf: nested lists", () => {
  it("nz-ogp-officials-2017-03-22: the progress bullets under each commitment nest as in the .docx", async () => {
    const read = (ext: string) => {
      const path = `fixtures/pdf/nz-ogp-officials-2017-03-22.${ext}`;
      const bytes = new Uint8Array(readFileSync(path));
      return ext === "pdf" ? readPdf(bytes, path) : readDocx(bytes, path);
    };
    const [pdf, docx] = await Promise.all([read("pdf"), read("docx")]);
    const shapes = listShapes(pdf.tree.children);
    expect(shapes).toEqual(listShapes(docx.tree.children));
    const commitments = shapes.find((shape) => shape[0] === "Commitment 1: Open Budget")!;
    expect(commitments[1]).toEqual(["Update to be provided at the next Officials Group meeting."]);
    expect(commitments.filter((entry) => typeof entry === "string")).toHaveLength(4);
  });

  it("numbered-list-fr: a numbered item keeps its sub-bullets, and the numbering runs on past them, as in the .docx", async () => {
    const read = (ext: string) => {
      const path = `fixtures/extract/numbered-list-fr.${ext}`;
      const bytes = new Uint8Array(readFileSync(path));
      return ext === "pdf" ? readPdf(bytes, path) : readDocx(bytes, path);
    };
    const [pdf, docx] = await Promise.all([read("pdf"), read("docx")]);
    const shapes = listShapes(pdf.tree.children);
    expect(shapes).toEqual(listShapes(docx.tree.children));
    expect(shapes[1]).toHaveLength(4);
    expect(shapes[1][1]).toHaveLength(2);
  });
});

describe("buildBlocks: nested lists from where their markers stand", () => {
  const line = (text: string, x: number, y: number, rtl = false): PageLine => {
    const width = text.length * 5;
    return { text, left: rtl ? x - width : x, right: rtl ? x : x + width, y, size: 10, rtl, bold: false, page: 1 };
  };
  const blocksOf = (lines: PageLine[]) =>
    buildBlocks(lines, { metrics: measureLines([{ lines, inTable: false }]), location: {}, allowHeadings: false });

  it("puts the items indented further inside the item above, right to left as left to right", () => {
    const ltr = [
      line("• Commitment 1", 78, 700),
      line("• Update at the next meeting", 113, 688),
      line("• Delays in delivery", 113, 676),
      line("• Commitment 2", 78, 664),
      line("• Done", 113, 652),
    ];
    const rtl = [
      line("• الالتزام الأول", 517, 700, true),
      line("• تحيين في الاجتماع القادم", 482, 688, true),
      line("• تأخير في الإنجاز", 482, 676, true),
      line("• الالتزام الثاني", 517, 664, true),
      line("• منجز", 482, 652, true),
    ];
    expect(listShapes(blocksOf(ltr) as RootContent[])).toEqual([
      ["Commitment 1", ["Update at the next meeting", "Delays in delivery"], "Commitment 2", ["Done"]],
    ]);
    expect(listShapes(blocksOf(rtl) as RootContent[])).toEqual([
      ["الالتزام الأول", ["تحيين في الاجتماع القادم", "تأخير في الإنجاز"], "الالتزام الثاني", ["منجز"]],
    ]);
  });

  it("reads lower-case Roman numerals as an ordered list, a lost space too, but not 'i.e.' or letters that count nothing", () => {
    const blocks = blocksOf([line("i. Opening", 78, 700), line("ii. Adoption of the agenda", 78, 688), line("iii.Progress report on NAP III", 78, 676), line("iv. Any other business", 78, 664)]) as RootContent[];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ type: "list", ordered: true });
    expect(listShapes(blocks)).toEqual([["Opening", "Adoption of the agenda", "Progress report on NAP III", "Any other business"]]);
    const prose = blocksOf([line("i.e. the members agreed on the report.", 78, 700)]) as RootContent[];
    expect(prose[0].type).toBe("paragraph");
    const notRoman = blocksOf([line("vx. Something", 78, 700)]) as RootContent[];
    expect(notRoman[0].type).toBe("paragraph");
  });

  it("runs a numbered list on past the sub-points indented under its items", () => {
    const lines = [
      line("1. Adopt the minutes", 78, 700),
      line("• moved by the chair", 113, 688),
      line("• seconded by Ms Conteh", 113, 676),
      line("2. Publish the report", 78, 664),
      line("• before June", 113, 652),
      line("3. Next meeting in April", 78, 640),
    ];
    const blocks = blocksOf(lines) as RootContent[];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ type: "list", ordered: true });
    expect(listShapes(blocks)).toEqual([
      ["Adopt the minutes", ["moved by the chair", "seconded by Ms Conteh"], "Publish the report", ["before June"], "Next meeting in April"],
    ]);
  });

  it("keeps one list when the markers stand wherever the text's length puts them (right-to-left text set flush left)", () => {
    const lines = [line("1. متابعة تنفيذ الالتزامات.", 168, 700, true), line("2. ما يستجد من أعمال.", 150, 688, true)];
    expect(listShapes(blocksOf(lines) as RootContent[])).toEqual([["متابعة تنفيذ الالتزامات.", "ما يستجد من أعمال."]]);
  });

  it("keeps an indented item's wrapped line in it when right-to-left text is set flush left", () => {
    // Right-to-left lines end at the left edge (x 60); the page's text starts at 566, the list's items at 506.
    const at = (text: string, right: number, y: number): PageLine => ({ text, left: 60, right, y, size: 12, rtl: true, bold: false, page: 1 });
    const lines = [
      at("أكد الرئيس ضرورة الالتزام بالموعد النهائي لتقديم تقرير التقييم الذاتي في الأجل المحدد.", 566, 720),
      at("1. تكليف وحدة شراكة الحكومة المنفتحة بإعداد مسودة تقرير التقييم الذاتي وتعميمها على", 506, 692),
      at("الأعضاء قبل 15 كانون الأول 2023.", 237, 678),
      at("2. مخاطبة وزارة المالية لتخصيص الموازنة اللازمة.", 506, 664),
    ];
    expect(listShapes(blocksOf(lines) as RootContent[])).toEqual([
      ["تكليف وحدة شراكة الحكومة المنفتحة بإعداد مسودة تقرير التقييم الذاتي وتعميمها على الأعضاء قبل 15 كانون الأول 2023.", "مخاطبة وزارة المالية لتخصيص الموازنة اللازمة."],
    ]);
  });
});

describe("buildBlocks: the line pitch of minutes made of one-line paragraphs", () => {
  /** A line of 12 pt text from x = 57; `wraps`: it runs to the text area's end edge (560), as a wrapped line does. */
  const line = (text: string, y: number, wraps = false): PageLine => ({ text, left: 57, right: wraps ? 560 : 57 + text.length * 6, y, size: 12, rtl: false, bold: false, page: 1 });
  const paragraphs = (lines: PageLine[]) =>
    buildBlocks(lines, { metrics: measureLines([{ lines, inTable: false }]), location: {}, allowHeadings: false }).map((node) => textOf(node as Nodes));

  it("a pitch met twice is the pitch when the other gaps are a blank line's worth more: one-line paragraphs stay apart", () => {
    // Two wrapped paragraphs at a 13.8 pt pitch, and a dozen one-line paragraphs 28 pt apart.
    const lines = [
      line("MINUTES OF THE FOURTH MEETING HELD ON TUESDAY, 9TH APRIL, 2024 AT 10:00", 760.6, true),
      line("A.M. IN THE BOARDROOM, KINGSTON", 746.8),
      line("PRESENT:", 718.8),
      ...Array.from({ length: 12 }, (_, k) => line(`SECTION ${k + 1} TITLE`, 690 - 28 * k)),
      line("Closing remarks of the chair and the date of the next meeting of the", 690 - 28 * 12, true),
      line("committee.", 690 - 28 * 12 - 13.8),
    ];
    const texts = paragraphs(lines);
    expect(texts.slice(0, 3)).toEqual(["MINUTES OF THE FOURTH MEETING HELD ON TUESDAY, 9TH APRIL, 2024 AT 10:00 A.M. IN THE BOARDROOM, KINGSTON", "PRESENT:", "SECTION 1 TITLE"]);
    expect(texts).toHaveLength(15);
    expect(texts.at(-1)).toBe("Closing remarks of the chair and the date of the next meeting of the committee.");
  });

  it("a document set at two line spacings keeps the usual one: its paragraphs' wrapped lines stay together", () => {
    // The title at 13.8 pt twice, the body's paragraphs of three lines at 15.8 pt, 27 pt apart.
    const body = (y: number) => [
      line("The committee reviewed the commitments of the plan and their progress", y, true),
      line("since the last meeting of the group, commitment by commitment, and", y - 15.8, true),
      line("agreed.", y - 31.6),
    ];
    const lines = [
      line("Officials Group meeting of the Open Government Partnership of the", 760, true),
      line("country, minutes", 746.2),
      line("A second title of the minutes set as the first one is, at the same", 720, true),
      line("pitch.", 706.2),
      ...Array.from({ length: 10 }, (_, k) => body(680 - 58.6 * k)).flat(),
    ];
    const texts = paragraphs(lines);
    expect(texts).toHaveLength(12);
    expect(texts[0]).toBe("Officials Group meeting of the Open Government Partnership of the country, minutes");
    expect(texts[2]).toBe("The committee reviewed the commitments of the plan and their progress since the last meeting of the group, commitment by commitment, and agreed.");
  });
});
