/**
 * PDF footnote marks: a small raised digit right after a number is a note mark, not a digit
 * of that number ("commitment 9" with note 1 must not read "91"). Files built here, in Courier,
 * whose fixed advance (0.6 em) puts each mark exactly where the text it follows ends.
 */
import { readFileSync } from "node:fs";
import type { Paragraph, Root, Text } from "mdast";
import { describe, expect, it } from "vitest";
import { flatten } from "../src/extract/blocks.js";
import { readPdf } from "../src/ingest/pdf.js";
import { buildLines, type PlacedText } from "../src/ingest/pdf-lines.js";
import { treeToMarkdown } from "../src/write/markdown.js";

interface Placed {
  x: number;
  y: number;
  size: number;
  text: string;
}

function courierPdf(texts: Placed[]): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = texts.map((t) => `BT /F1 ${t.size} Tf ${t.x} ${t.y} Td (${escape(t.text)}) Tj ET`).join("\n");
  const objects = [
    "",
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** Where Courier text of this size that starts at x ends. */
const after = (x: number, text: string, size: number): number => x + text.length * 0.6 * size;

const run = (str: string, x: number, y: number, size = 11): PlacedText => ({ str, x, y, size, width: str.length * 0.6 * size, rtl: false });

describe("PDF footnote marks", () => {
  it("keeps a raised small digit after a number out of the number, as the line's note mark", () => {
    const lead = "Commitment 9";
    const [line] = buildLines([run(lead, 56, 700), run("1", after(56, lead, 11), 703.5, 7), run(": completed.", after(56, lead, 11) + 4.2, 700)], false);
    expect(line!.text).toBe("Commitment 9: completed.");
    expect(line!.noteMarks).toEqual(["1"]);
  });

  it("takes a mark raised as high as LibreOffice sets it (0.39 em) into the line below, not a line of its own", () => {
    const lead = "reported that 60";
    const lines = buildLines([run(lead, 56, 575.79, 12), run("1", after(56, lead, 12), 580.49, 7), run("contracts were published.", after(56, lead, 12) + 6.5, 575.79, 12)], false);
    expect(lines.map((line) => [line.text, line.noteMarks])).toEqual([["reported that 60 contracts were published.", ["1"]]]);
  });

  it("reads the mark of a PDF LibreOffice wrote (fixtures/word) apart from the number it follows", async () => {
    const path = "fixtures/word/en-libreoffice-notes-2024-09.pdf";
    const tree = (await readPdf(new Uint8Array(readFileSync(path)), path)).tree;
    const marked = tree.children.filter((node) => node.data?.noteMarks);
    expect(marked.map((node) => [(node as Paragraph).children.map((child) => (child as Text).value).join(""), node.data!.noteMarks])).toEqual([
      ["Mr. Yaw Owusu reported that 60 contracts were published on the portal.", ["1"]],
    ]);
    expect(tree.children.some((node) => node.type === "heading" && (node.children[0] as Text).value === "1")).toBe(false);
  });

  it("leaves superscript letters (a French 1er) and digits on the baseline in the text", () => {
    const [ordinal] = buildLines([run("le 1", 56, 700), run("er", after(56, "le 1", 11), 703.5, 7), run(" trimestre", after(56, "le 1", 11) + 8.4, 700)], false);
    expect(ordinal!.text).toBe("le 1er trimestre");
    expect(ordinal!.noteMarks).toBeUndefined();
    const [plain] = buildLines([run("Commitment 9", 56, 700), run("1", after(56, "Commitment 9", 11), 700, 11)], false);
    expect(plain!.text).toBe("Commitment 91");
  });

  it("puts the mark on the tree's block, and extraction reads the commitment's own number", async () => {
    const lead = "Commitment 9";
    const x = after(56, lead, 11);
    const tree: Root = (
      await readPdf(
        courierPdf([
          { x: 56, y: 780, size: 11, text: lead },
          { x, y: 783.5, size: 7, text: "1" },
          { x: x + 4.2, y: 780, size: 11, text: ": completed (100%)." },
          { x: 56, y: 740, size: 11, text: "Next paragraph without a mark." },
        ]),
        "marks.pdf",
      )
    ).tree;
    const [marked, plain] = tree.children as Paragraph[];
    expect((marked!.children[0] as Text).value).toBe("Commitment 9: completed (100%).");
    expect(marked!.data?.noteMarks).toEqual(["1"]);
    expect(plain!.data?.noteMarks).toBeUndefined();
    expect(flatten(tree).blocks[0]!.ft.text).toBe("Commitment 9: completed (100%).");
    expect(treeToMarkdown(tree)).toContain("Commitment 9: completed (100%).<sup>1</sup>");
  });
});
