import { readFileSync } from "node:fs";
import type { Nodes, Root, RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/ingest/docx.js";
import { IngestError } from "../src/ingest/errors.js";
import { readPdf } from "../src/ingest/pdf.js";
import { withGlyphs } from "../src/ingest/pdf-glyphs.js";
import { buildLines, type PlacedText } from "../src/ingest/pdf-lines.js";
import type { DocumentTree, ReadOptions, SourceLocation } from "../src/ingest/tree.js";

const CORPUS = "fixtures/ogp-tunisia";
const MEETINGS = ["2022-06", "2023-03", "2023-09"] as const;

function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

const trees = new Map<string, Promise<DocumentTree>>();
function read(path: string): Promise<DocumentTree> {
  let tree = trees.get(path);
  if (!tree) trees.set(path, (tree = path.endsWith(".pdf") ? readPdf(bytesOf(path), path) : readDocx(bytesOf(path), path)));
  return tree;
}
const meetingPdf = (meeting: string) => read(`${CORPUS}/${meeting}-committee-minutes.pdf`);
const meetingDocx = (meeting: string) => read(`${CORPUS}/${meeting}-committee-minutes.docx`);

/** A node's text, a line break as "\n". */
function textOf(node: Nodes): string {
  if ("value" in node) return node.value;
  if (node.type === "break") return "\n";
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join(" ");
  return "";
}

/**
 * What must agree between renderings: table rows (each cell's blocks), list items and
 * paragraphs, as text. Headings count as paragraphs (a PDF only shows a heading by its size),
 * and a Word paragraph's soft line breaks separate paragraphs (a PDF cannot tell a soft break
 * from a paragraph end).
 */
function contentEntries(nodes: RootContent[]): string[] {
  const entries: string[] = [];
  for (const node of nodes) {
    if (node.type === "table") {
      for (const row of node.children) {
        const cells = row.children.map((cell) => {
          const blocks = contentEntries(cell.children as unknown as RootContent[]).join(" / ");
          return cell.data?.colSpan ? `${blocks} {colspan ${cell.data.colSpan}}` : blocks;
        });
        entries.push(`row: ${cells.join(" | ")}`);
      }
    } else if (node.type === "list") {
      for (const item of node.children) {
        for (const entry of contentEntries(item.children)) entries.push(`item: ${entry.replace(/^(?:text|item): /, "")}`);
      }
    } else {
      for (const line of textOf(node).split("\n")) entries.push(`text: ${line.replace(/\s+/g, " ").trim()}`);
    }
  }
  return entries;
}

function blocksWithSource(root: Root): Array<{ type: string; source: SourceLocation | undefined }> {
  const out: Array<{ type: string; source: SourceLocation | undefined }> = [];
  const visit = (node: Nodes) => {
    if (node.type === "text") return;
    out.push({ type: node.type, source: node.data?.source });
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  for (const child of root.children) visit(child);
  return out;
}

describe("readPdf on the corpus", () => {
  it.each(MEETINGS)("%s: the PDF gives the same rows, list items and paragraphs as the .docx", async (meeting) => {
    const [pdf, docx] = await Promise.all([meetingPdf(meeting), meetingDocx(meeting)]);
    expect(contentEntries(pdf.tree.children)).toEqual(contentEntries(docx.tree.children));
  });

  it.each(MEETINGS)("%s: every block knows its page", async (meeting) => {
    const pdf = await meetingPdf(meeting);
    const blocks = blocksWithSource(pdf.tree);
    expect(blocks.length).toBeGreaterThan(10);
    for (const { type, source } of blocks) {
      expect(source?.page, type).toBeGreaterThanOrEqual(1);
      expect(source?.page, type).toBeLessThanOrEqual(pdf.pages!);
    }
  });

  it("2023-03: one commitments table across the page breaks, rows in order, sections as spanning cells", async () => {
    const pdf = await meetingPdf("2023-03");
    expect(pdf.pages).toBe(7);
    const tables = pdf.tree.children.filter((node) => node.type === "table");
    expect(tables).toHaveLength(2);
    const [commitments] = tables;
    const rows = commitments.children;
    const firstCell = rows.map((row) => textOf(row.children[0]));

    const numbered = firstCell.flatMap((text) => /^(?:ال)?تعهد ?عدد ?(\d+)/u.exec(text)?.[1] ?? []).map(Number);
    expect(numbered).toEqual([10, 11, 8, 5, 3, 6, 7, 1, 2, 4, 9, 13]);

    const sections = rows.filter((row) => row.children.length === 1);
    expect(sections.map((row) => textOf(row.children[0]))).toEqual([
      "1. التعهدات المنجزة بصفة كلية(100%)",
      "2. التعهدات غير المنجزة",
      "3. التعهدات المنجزة بصفة جزئية",
    ]);
    for (const row of sections) expect(row.children[0].data?.colSpan).toBe(2);

    // The commitment 9 row goes on in a row of its own whose commitment cell is empty.
    const emptyCommitment = rows.findIndex(
      (row) => row.children.length === 2 && textOf(row.children[0]) === "" && textOf(row.children[1]) !== "",
    );
    expect(firstCell[emptyCommitment - 1]).toMatch(/^التعهد عدد 9/u);
    expect(textOf(rows[emptyCommitment].children[1])).toMatch(/^بالنسبة لتطوير المنصة/u);

    // Right-to-left table: the first logical cell is the rightmost column, the commitment.
    expect(firstCell[0]).toBe("التعهد");
    const pages = new Set(rows.map((row) => row.data?.source?.page));
    expect([...pages]).toEqual([1, 2, 3, 4, 5, 6]);
    rows.forEach((row, i) => {
      expect(row.data?.source).toMatchObject({ table: 1, row: i + 1 });
      row.children.forEach((cell, c) => expect(cell.data?.source).toMatchObject({ table: 1, row: i + 1, cell: c + 1 }));
    });
  });

  it("2023-03: a cell broken by a page break stays one cell, its paragraphs and list items apart", async () => {
    const pdf = await meetingPdf("2023-03");
    const [commitments] = pdf.tree.children.filter((node) => node.type === "table");
    const commitment10 = commitments.children.find((row) => /^تعهدعدد 10/u.test(textOf(row.children[0])))!;
    const notes = commitment10.children[1].children as unknown as RootContent[];
    expect(notes.map((block) => block.type)).toEqual(["paragraph", "list"]);
    const items = (notes[1] as Extract<RootContent, { type: "list" }>).children;
    expect(items).toHaveLength(9);
    expect(items[0].data?.source?.page).toBe(1);
    expect(items[1].data?.source?.page).toBe(2);
  });

  it("2022-06: the table split over three pages keeps one header row and merges the row cut by the page break", async () => {
    const pdf = await meetingPdf("2022-06");
    const tables = pdf.tree.children.filter((node) => node.type === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0].children;
    expect(rows.map((row) => textOf(row.children[0]))).toEqual([
      "عدد التعهد",
      ...Array.from({ length: 13 }, (_, i) => String(i + 1)),
    ]);
    const row10 = rows[10];
    expect(textOf(row10.children[2])).toBe("70%");
    expect(textOf(row10.children[3])).toMatch(/^بصدد الإنجاز: .*ورشات صياغة الخطط\.$/u);
  });

  it("puts right-to-left lines in logical order: words, split ligatures, numbers beside punctuation, marks", async () => {
    const text = contentEntries((await meetingPdf("2023-03")).tree.children).join("\n");
    expect(text).toContain("تقديم المستجدّات المتعلقة بتسيير وحدة الإدارة الإلكترونية برئاسة الحكومة.");
    expect(text).toContain("الرابعة لشراكة الحكومة المفتوحة (2021-2023).");
    expect(text).toContain("تعهدعدد 3: تعزيز النزاهة بالقطاع العمومي");
    expect(text).toContain("قد تمّ تنفيذه بنسبة 100. % وقد تمّ في هذا الإطار");
    expect(text).not.toMatch(/\uF06C|\u0640|℅/u);
    const june = contentEntries((await meetingPdf("2022-06")).tree.children).join("\n");
    // Arabic-Indic digits ٤٠٪ are drawn left to right inside a right-to-left run.
    expect(june).toContain("| text: 40% |");
    expect(june).toContain('حول صياغة "خطط عمل الشباب" لفائدة');
  });

  it("finds headings by size, and bold titles after body text, not the bold labels under them or a letterhead", async () => {
    const pdf = await meetingPdf("2023-09");
    const docx = await meetingDocx("2023-09");
    const headings = pdf.tree.children.filter((node) => node.type === "heading");
    expect(headings.slice(0, 4).map((h) => [h.depth, textOf(h)])).toEqual([
      [1, "PROCÈS-VERBAL DE RÉUNION"],
      [2, "Comité consultatif conjoint chargé du suivi du 4ème plan d'action national du Partenariat pour un Gouvernement Ouvert (2021-2023)"],
      [3, "1. Bilan final des engagements"],
      [3, "Engagement n°1 : Compléter le cadre réglementaire du droit d'accès à l'information"],
    ]);
    // The engagement titles are bold at body size, headings in the .docx; the bold "Taux de
    // réalisation" and "Statut" lines under each stay paragraphs, as the letterhead does.
    const titles = (root: Root) =>
      root.children.filter((node) => node.type === "heading" && textOf(node).startsWith("Engagement")).map((node) => textOf(node));
    expect(titles(pdf.tree)).toEqual(titles(docx.tree));
    expect(titles(pdf.tree)).toHaveLength(12);
    expect(headings.map((h) => textOf(h)).filter((t) => /^(Taux|Statut|République)/.test(t))).toEqual([]);
  });

  it("reads the info dictionary", async () => {
    const pdf = await meetingPdf("2023-03");
    expect(pdf.format).toBe("pdf");
    expect(pdf.metadata.title).toBe("اجتماع اللجنة الاستشارية المشتركة لشراكة الحكومة المفتوحة - مارس 2023");
    expect(pdf.metadata.created).toBe("2026-11-24T20:02:25.000Z");
    expect(pdf.messages).toEqual([]);
  });

  it("leaves the caller's bytes usable, and takes a Node Buffer", async () => {
    const path = `${CORPUS}/2023-09-committee-minutes.pdf`;
    const buffer = readFileSync(path);
    await readPdf(buffer, path);
    expect(buffer.byteLength).toBeGreaterThan(0);
    expect((await readPdf(buffer, path)).pages).toBe(3);
  });
});

/**
 * A minimal PDF written by hand: Helvetica text and stroked lines, one content stream per page.
 * Enough to build the inputs the corpus does not have (running headers, scans, long files).
 */
interface HandPage {
  /** `mono` sets the text in Courier, whose fixed advance makes line widths exact. */
  texts?: Array<{ x: number; y: number; size?: number; text: string; mono?: boolean }>;
  lines?: Array<[number, number, number, number]>;
}

function handMadePdf(pages: HandPage[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const courier = 4 + pages.length * 2;
  objects[courier] = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>";
  pages.forEach((page, i) => {
    const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
    const content = [
      ...(page.lines ?? []).map(([x1, y1, x2, y2]) => `${x1} ${y1} m ${x2} ${y2} l S`),
      ...(page.texts ?? []).map((t) => `BT /${t.mono ? "F2" : "F1"} ${t.size ?? 11} Tf ${t.x} ${t.y} Td (${escape(t.text)}) Tj ET`),
    ].join("\n");
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 ${courier} 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
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

async function ingestError(bytes: Uint8Array, path: string, options?: ReadOptions): Promise<IngestError> {
  const error = await readPdf(bytes, path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

const FIELD = "fixtures/field";
/** Field minutes whose commitments table LibreOffice exported without any border: cells wrap over several lines. */
const BORDERLESS = ["en-msf-nap4-2024-03", "en-msf-nap4-2024-06", "fr-ma-pan-2024-03", "ar-table-nap5-2024-06"] as const;

/** Each table row as its cells' text, a cell's blocks joined by a space. */
function tableRows(root: Root): string[][][] {
  return root.children
    .filter((node) => node.type === "table")
    .map((table) => table.children.map((row) => row.children.map((cell) => textOf(cell).replace(/\s+/g, " ").trim())));
}

describe("readPdf on tables drawn without borders", () => {
  it.each(BORDERLESS)("%s: the PDF gives the .docx's one table, same rows and cells", async (name) => {
    const pdf = await read(`${FIELD}/${name}.pdf`);
    const docx = await read(`${FIELD}/${name}.docx`);
    expect(tableRows(pdf.tree)).toHaveLength(1);
    expect(tableRows(pdf.tree)).toEqual(tableRows(docx.tree));
  });

  it.each(BORDERLESS)(
    "%s: the whole document gives the same rows, list items and paragraphs as the .docx",
    async (name) => {
      const pdf = await read(`${FIELD}/${name}.pdf`);
      const docx = await read(`${FIELD}/${name}.docx`);
      expect(contentEntries(pdf.tree.children)).toEqual(contentEntries(docx.tree.children));
    },
  );

  it("reads a table with horizontal rules only and a shaded header row (its fill is a one-cell frame, not a grid)", async () => {
    const pdf = await read("fixtures/pdf/booktabs-shaded-header.pdf");
    const docx = await read("fixtures/pdf/booktabs-shaded-header.docx");
    const rows = tableRows(pdf.tree);
    expect(rows).toHaveLength(1);
    expect(rows[0].map((row) => row[0])).toEqual(["No.", "1", "2", "3"]);
    expect(rows).toEqual(tableRows(docx.tree));
  });

  it("reads tables with double borders and with inner borders only, wrapped cells kept whole", async () => {
    const pdf = await read("fixtures/pdf/double-and-partial-borders.pdf");
    const commitment =
      "Publish the budget of every municipality in open data formats each quarter of the year, with the notes the finance committee asked for in March";
    const expected = [
      ["No.", "Commitment", "Status"],
      ["1", commitment, "In progress"],
      ["2", "Open registry", "Not started"],
    ];
    expect(tableRows(pdf.tree)).toEqual([expected, expected]);
  });

  it("joins a borderless table over its pages, the row cut by a page break merged back", async () => {
    const pdf = await read("fixtures/pdf/borderless-table-over-pages.pdf");
    const docx = await read("fixtures/pdf/borderless-table-over-pages.docx");
    expect(pdf.pages).toBeGreaterThan(2);
    const rows = tableRows(pdf.tree);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(36);
    expect(rows).toEqual(tableRows(docx.tree));
  });

  it("rejoins a word a narrow column broke without a hyphen, and keeps a wrapped phrase's space", async () => {
    const pdf = await read(`${FIELD}/en-msf-nap4-2024-03.pdf`);
    const [rows] = tableRows(pdf.tree);
    expect(rows[0]).toEqual(["No.", "Commitment", "Lead agency", "Status", "Progress", "Comments"]);
    expect(rows[1][3]).toBe("Substantial");
    expect(rows[4][3]).toBe("Not started");
  });

  it("keeps a tanween drawn as its own zero-width run on its letter, not after the colon beside it", async () => {
    const pdf = await read(`${FIELD}/ar-table-nap5-2024-06.pdf`);
    const texts = pdf.tree.children.map((node) => textOf(node));
    expect(texts).toContain("أولاً: متابعة تنفيذ الالتزامات");
    expect(texts).toContain("ثانياً: ما يستجد من أعمال");
    expect(texts.join("\n")).not.toMatch(/:\u064B/u);
  });

  it("orders a right-to-left table's columns from the right, and ends it before the paragraph under it", async () => {
    const pdf = await read(`${FIELD}/ar-table-nap5-2024-06.pdf`);
    const table = pdf.tree.children.findIndex((node) => node.type === "table");
    const [rows] = tableRows(pdf.tree);
    expect(rows[0]).toEqual(["الرقم", "الالتزام", "الجهة المسؤولة", "الحالة", "نسبة الإنجاز", "الملاحظات"]);
    expect(rows.map((row) => row[0])).toEqual(["الرقم", "1", "2", "3", "4"]);
    expect(textOf(pdf.tree.children[table + 1])).toMatch(/^وبلغ المعدل العام/);
    expect(pdf.tree.children[table].data?.source).toEqual({ page: 1, table: 1 });
  });
});

describe("readPdf on glyphs standing for several characters", () => {
  it("keeps a lam-alef ligature's letters in order (Amiri Bold maps it to 'لا'), and finds the bold titles under a larger heading", async () => {
    const pdf = await read("fixtures/field2/ar-ma-pv-2024-07.pdf");
    const docx = await read("fixtures/field2/ar-ma-pv-2024-07.docx");
    const text = pdf.tree.children.map((node) => textOf(node)).join("\n");
    expect(text).toContain("تتبع تنفيذ الالتزامات");
    expect(text).toContain("أولا: الالتزام المتعلق بنشر المعطيات المفتوحة للجماعات الترابية");
    expect(text).not.toMatch(/االلتزام|أوال/u);
    const headings = (root: Root) => root.children.filter((node) => node.type === "heading").map((node) => textOf(node));
    expect(headings(pdf.tree)).toEqual(headings(docx.tree));
  });

  it("leaves out a vowel mark the font maps to a letter ('أُنجز' drawn with its damma as a 'P' of no advance)", async () => {
    const text = (await read("fixtures/written/l-ar-jo-ijraat-mutaba.pdf")).tree.children.map((node) => textOf(node)).join("\n");
    expect(text).toContain("أنجز");
    expect(text).toContain("نشرت على الموقع");
    expect(text).not.toMatch(/\p{Script=Arabic}P|P\p{Script=Arabic}/u);
  });

  it("matches a run against the glyphs drawn, so a ligature moves as one when the line is reordered", () => {
    // pdfjs reads the glyphs م ا ز ت ل [لا] ا, drawn left to right, as "االلتزام": it reverses the ligature's letters too.
    const run: PlacedText = { str: "االلتزام", x: 100, y: 700, width: 60, size: 12, rtl: true };
    const drawn = ["أ", "و", "م", "ا", "ز", "ت", "ل", "لا", "ا"];
    const [matched] = withGlyphs([run], drawn);
    expect(matched.glyphs).toEqual(["م", "ا", "ز", "ت", "ل", "لا", "ا"]);
    expect(buildLines([matched], true).map((line) => line.text)).toEqual(["الالتزام"]);
    // Glyphs that do not give the run's text leave it as pdfjs read it.
    expect(withGlyphs([run], ["ب", "لا"])[0].glyphs).toBeUndefined();
  });
});

describe("buildLines: visual order back to logical order", () => {
  const line = (str: string) => buildLines([{ str, x: 100, y: 700, width: 6 * str.length, size: 12, rtl: true }], true)[0].text;

  it.each([
    "تمّ الاتفاق على: نشر التقرير، (المرحلة الأولى) قبل نهاية السنة.",
    "أشارت السيدة «ممثلة الوزارة» إلى أنّ المنصّة جاهزة؟ نعم!",
    "التعهد رقم 3: تعزيز النزاهة (2021-2023) بنسبة 75%",
    "مشروع الحكومة المفتوحة OGP: الالتزام 12 (Open Data) جاهز للنشر.",
    "شراكة الحكومة المفتوحة ✓ ★ — بدون أرقام ﴿ ﴾",
  ])("reads a right-to-left line as written: %s", (logical) => {
    expect(line(logical)).toBe(logical);
  });

  const run = (str: string, x: number, width: number, rtl: boolean): PlacedText => ({ str, x, y: 700, width, size: 12, rtl });

  it("keeps a line that opens in the container's direction in it, however many foreign letters it quotes", () => {
    // Arabic minutes: the Arabic words on the right, the English title to their left.
    const arabic = [run("مشاركة تونس في", 400, 100, true), run("Open Government Partnership Global Summit", 100, 290, false)];
    expect(buildLines(arabic, true).map((l) => [l.text, l.rtl])).toEqual([["مشاركة تونس في Open Government Partnership Global Summit", true]]);
    // French minutes: the French words on the left, the Arabic name to their right.
    const french = [run("Intervention de M.", 100, 120, false), run("محمد العربي بن سالم الورتاني", 230, 150, true)];
    expect(buildLines(french, false).map((l) => [l.text, l.rtl])).toEqual([["Intervention de M. محمد العربي بن سالم الورتاني", false]]);
    // A line that opens in the other script takes the direction of most of its letters.
    const english = [run("Open Government Partnership: national action plan", 100, 300, false)];
    expect(buildLines(english, true)[0].rtl).toBe(false);
  });
});

describe("readPdf on hand-made and bad files", () => {
  it("builds paragraphs, lists and a ruled table from a simple left-to-right page", async () => {
    const bytes = handMadePdf([
      {
        texts: [
          { x: 72, y: 770, size: 18, text: "Minutes of the meeting" },
          { x: 72, y: 740, text: "The committee met on 3 May 2024 and reviewed the plan." },
          { x: 72, y: 722, text: "- first point" },
          { x: 72, y: 708, text: "- second point" },
          { x: 80, y: 660, text: "No." },
          { x: 180, y: 660, text: "Status" },
          { x: 80, y: 640, text: "1" },
          { x: 180, y: 640, text: "done" },
        ],
        lines: [
          [72, 675, 372, 675],
          [72, 655, 372, 655],
          [72, 635, 372, 635],
          [72, 675, 72, 635],
          [172, 675, 172, 635],
          [372, 675, 372, 635],
        ],
      },
    ]);
    const doc = await readPdf(bytes, "simple.pdf");
    expect(contentEntries(doc.tree.children)).toEqual([
      "text: Minutes of the meeting",
      "text: The committee met on 3 May 2024 and reviewed the plan.",
      "item: first point",
      "item: second point",
      "row: text: No. | text: Status",
      "row: text: 1 | text: done",
    ]);
    expect(doc.tree.children[0]).toMatchObject({ type: "heading", depth: 1 });
    expect(doc.pages).toBe(1);
  });

  it("keeps a merged cell as one cell with its span, and a spanning row as one cell", async () => {
    // Rows: header (2 cells) / "Item A" with a note spanning two rows / "Item B" / a full-width row.
    const bytes = handMadePdf([
      {
        texts: [
          { x: 80, y: 760, text: "Item" },
          { x: 180, y: 760, text: "Note" },
          { x: 80, y: 740, text: "Item A" },
          { x: 180, y: 730, text: "Shared note" },
          { x: 80, y: 720, text: "Item B" },
          { x: 80, y: 700, text: "Closing row" },
        ],
        lines: [
          [72, 775, 372, 775],
          [72, 755, 372, 755],
          [72, 735, 172, 735],
          [72, 715, 372, 715],
          [72, 695, 372, 695],
          [72, 775, 72, 695],
          [172, 775, 172, 715],
          [372, 775, 372, 695],
        ],
      },
    ]);
    const doc = await readPdf(bytes, "merged.pdf");
    const table = doc.tree.children.find((node) => node.type === "table")!;
    expect(table.children.map((row) => row.children.map((cell) => [textOf(cell), cell.data?.colSpan ?? 1, cell.data?.rowSpan ?? 1]))).toEqual([
      [["Item", 1, 1], ["Note", 1, 1]],
      [["Item A", 1, 1], ["Shared note", 1, 2]],
      [["Item B", 1, 1]],
      [["Closing row", 2, 1]],
    ]);
  });

  it("joins a table broken by a page break: repeated header dropped, the cut row merged back", async () => {
    const grid = (top: number, bottom: number): Array<[number, number, number, number]> => [
      [72, top, 372, top],
      [72, top - 20, 372, top - 20],
      [72, bottom, 372, bottom],
      [72, top, 72, bottom],
      [172, top, 172, bottom],
      [372, top, 372, bottom],
    ];
    const header = (y: number) => [
      { x: 80, y, text: "No." },
      { x: 180, y, text: "Note" },
    ];
    const bytes = handMadePdf([
      {
        texts: [
          { x: 72, y: 760, text: "Progress by commitment:" },
          ...header(135),
          { x: 80, y: 115, text: "1" },
          { x: 180, y: 115, text: "The survey of the" },
          { x: 180, y: 101, text: "fourteen ministries" },
        ],
        lines: grid(150, 90),
      },
      {
        texts: [...header(785), { x: 180, y: 765, text: "is complete." }, { x: 80, y: 745, text: "2" }, { x: 180, y: 745, text: "Not started." }],
        lines: [...grid(800, 720), [72, 760, 372, 760]],
      },
    ]);
    const doc = await readPdf(bytes, "split.pdf");
    expect(contentEntries(doc.tree.children)).toEqual([
      "text: Progress by commitment:",
      "row: text: No. | text: Note",
      "row: text: 1 | text: The survey of the fourteen ministries is complete.",
      "row: text: 2 | text: Not started.",
    ]);
    const table = doc.tree.children.find((node) => node.type === "table")!;
    expect(table.children.map((row) => row.data?.source)).toEqual([
      { page: 1, table: 1, row: 1 },
      { page: 1, table: 1, row: 2 },
      { page: 2, table: 1, row: 3 },
    ]);
  });

  it("reads a page drawing thousands of lines as text, without looking for tables", async () => {
    // Dashes: 30 rows of 70 short strokes, 2,100 separate horizontal lines.
    const hatching = Array.from({ length: 2100 }, (_, i): [number, number, number, number] => {
      const x = 72 + (i % 70) * 6;
      const y = 100 + Math.floor(i / 70) * 10;
      return [x, y, x + 3, y];
    });
    const doc = await readPdf(handMadePdf([{ texts: [{ x: 72, y: 740, text: "A chart follows." }], lines: hatching }]), "chart.pdf");
    expect(contentEntries(doc.tree.children)).toEqual(["text: A chart follows."]);
    expect(doc.messages.map((m) => m.code)).toEqual(["pdf-drawing-not-table"]);
  });

  it("starts a paragraph at a first-line indent, even after a full line", async () => {
    // Courier 11pt: 6.6pt a character. Indented first lines of 56 characters end where full lines of 59 do.
    const line = (words: string, length: number) => words.padEnd(length - 1, " x").slice(0, length - 1) + ".";
    const bytes = handMadePdf([
      {
        texts: [
          { x: 91.8, y: 700, mono: true, text: line("The committee opened the session", 56) },
          { x: 72, y: 687, mono: true, text: line("and heard the reports of the members", 59) },
          { x: 72, y: 674, mono: true, text: line("who described their progress in turn", 59) },
          { x: 91.8, y: 661, mono: true, text: line("The chair then closed the session", 56) },
          { x: 72, y: 648, mono: true, text: "at noon." },
        ],
      },
    ]);
    const entries = contentEntries((await readPdf(bytes, "indent.pdf")).tree.children);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatch(/^text: The chair then closed the session.* at noon\.$/);
  });

  it("drops a running header and page numbers repeated on every page, and says so", async () => {
    const pages = [1, 2, 3].map((n) => ({
      texts: [
        { x: 72, y: 800, size: 9, text: "Joint committee - minutes" },
        { x: 72, y: 740, text: `Body text of page ${n}.` },
        { x: 290, y: 40, size: 9, text: `Page ${n} of 3` },
      ],
    }));
    const doc = await readPdf(handMadePdf(pages), "running.pdf");
    expect(contentEntries(doc.tree.children)).toEqual([
      "text: Body text of page 1.",
      "text: Body text of page 2.",
      "text: Body text of page 3.",
    ]);
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0].code).toBe("pdf-running-lines-dropped");
  });

  it("keeps a line that repeats on some pages only", async () => {
    const pages = [1, 2, 3].map((n) => ({
      texts: [
        ...(n < 3 ? [{ x: 72, y: 800, size: 9, text: "Draft" }] : []),
        { x: 72, y: 740, text: `Body text of page ${n}.` },
      ],
    }));
    const doc = await readPdf(handMadePdf(pages), "partial.pdf");
    expect(contentEntries(doc.tree.children).filter((e) => e === "text: Draft")).toHaveLength(2);
    expect(doc.messages).toEqual([]);
  });

  it("reads a 300-page file", async () => {
    const pages = Array.from({ length: 300 }, (_, i) => ({
      texts: [{ x: 72, y: 740, text: `Decision ${i + 1} was adopted.` }],
    }));
    const doc = await readPdf(handMadePdf(pages), "long.pdf");
    expect(doc.pages).toBe(300);
    const entries = contentEntries(doc.tree.children);
    expect(entries).toHaveLength(300);
    expect(entries[299]).toBe("text: Decision 300 was adopted.");
  });

  it("refuses an empty file", async () => {
    expect((await ingestError(new Uint8Array(), "empty.pdf")).code).toBe("empty");
  });

  it("refuses a file that is not a PDF", async () => {
    const error = await ingestError(new TextEncoder().encode("Minutes, plain text.\n"), "notes.pdf");
    expect(error.code).toBe("corrupt");
    expect(error.message).toContain("notes.pdf");
  });

  it("refuses a truncated PDF", async () => {
    const bytes = bytesOf(`${CORPUS}/2023-09-committee-minutes.pdf`);
    for (const length of [1500, Math.floor(bytes.length / 2)]) {
      expect((await ingestError(bytes.subarray(0, length), "truncated.pdf")).code).toBe("corrupt");
    }
  });

  it("refuses a password-protected PDF", async () => {
    const error = await ingestError(bytesOf("fixtures/pdf/encrypted.pdf"), "fixtures/pdf/encrypted.pdf");
    expect(error.code).toBe("encrypted");
  });

  it("refuses pages without a text layer, as scans are, when OCR is off", async () => {
    const error = await ingestError(handMadePdf([{ lines: [[72, 700, 500, 700]] }, {}]), "scan.pdf", { ocr: { mode: "never" } });
    expect(error.code).toBe("no-text-layer");
    expect(error.reason).toBe("no text layer: needs OCR");
  });

  it("OCRs pages without a text layer, and says when nothing on them is legible", async () => {
    const error = await ingestError(handMadePdf([{ lines: [[72, 700, 500, 700]] }, {}]), "scan.pdf");
    expect(error.code).toBe("no-text-layer");
    expect(error.reason).toBe("no legible text: OCR read nothing on its 2 pages");
  });
});
