import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { List, ListItem, Node, Parent, Root, RootContent, Table, TableCell, TableRow, Text } from "mdast";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/ingest/docx.js";
import { readXmlString } from "../src/ingest/docx-xml.js";
import { ZipArchive } from "../src/ingest/docx-zip.js";
import { IngestError, type IngestErrorCode } from "../src/ingest/errors.js";
import type { DocumentTree } from "../src/ingest/tree.js";
import { buildZip, type ZipMember } from "./bad-input-builders.js";

const corpus = (name: string): string => `fixtures/ogp-tunisia/${name}`;

async function read(path: string): Promise<DocumentTree> {
  return readDocx(new Uint8Array(readFileSync(path)), path);
}

function isParent(node: Node): node is Parent {
  return "children" in node && Array.isArray((node as Parent).children);
}

function* walk(node: Node): Generator<Node> {
  yield node;
  if (isParent(node)) for (const child of node.children) yield* walk(child);
}

/** A block's text, a line break (Word's Shift+Enter, an mdast `break`) as "\n"; blocks one a line. */
function textOf(node: Node): string {
  if (node.type === "text") return (node as Text).value;
  if (node.type === "break") return "\n";
  const phrasing = node.type === "paragraph" || node.type === "heading" || node.type === "strong";
  return isParent(node) ? node.children.map(textOf).join(phrasing ? "" : "\n") : "";
}

/** Cell children are block nodes (see docx.ts); mdast's types say phrasing. */
function cellBlocks(cell: TableCell): RootContent[] {
  return cell.children as unknown as RootContent[];
}

function tables(tree: Root): Table[] {
  return [...walk(tree)].filter((node): node is Table => node.type === "table");
}

function listAfter(tree: Root, lead: RegExp): List {
  const index = tree.children.findIndex((node) => node.type === "paragraph" && lead.test(textOf(node)));
  expect(index).toBeGreaterThanOrEqual(0);
  const next = tree.children[index + 1]!;
  expect(next.type).toBe("list");
  return next as List;
}

async function expectIngestError(promise: Promise<unknown>, code: IngestErrorCode): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IngestError);
  expect((error as IngestError).code).toBe(code);
  return error as IngestError;
}

describe("readDocx on the 2023-03 minutes (two-column right-to-left commitments table)", async () => {
  const document = await read(corpus("2023-03-committee-minutes.docx"));
  const [commitments, workshops] = tables(document.tree);
  const rows = commitments!.children;
  const firstCellText = (row: TableRow): string => textOf(row.children[0]!);

  it("keeps both tables, numbered in reading order", () => {
    expect(tables(document.tree)).toHaveLength(2);
    expect(commitments!.data?.source).toEqual({ table: 1 });
    expect(workshops!.data?.source).toEqual({ table: 2 });
    expect(workshops!.children[0]!.children).toHaveLength(3);
  });

  it("has the 12 numbered commitment rows", () => {
    const numbered = rows
      .map((row) => /^(?:ال)?تعهد\s*عدد\s*(\d+)\s*:/.exec(firstCellText(row))?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    expect(numbered).toHaveLength(12);
    expect(new Set(numbered)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]));
  });

  it("keeps the row whose commitment cell is empty, with its progress cell", () => {
    const orphan = rows.filter((row) => row.children.length === 2 && firstCellText(row) === "" && textOf(row.children[1]!) !== "");
    expect(orphan).toHaveLength(1);
    expect(textOf(orphan[0]!.children[1]!)).toContain("المنصة الالكترونية");
    expect(cellBlocks(orphan[0]!.children[0]!)).toEqual([]);
  });

  it("keeps the three status-section rows as one cell spanning both columns", () => {
    const sections = rows.filter((row) => row.children.length === 1);
    expect(sections).toHaveLength(3);
    for (const row of sections) expect(row.children[0]!.data?.colSpan).toBe(2);
    expect(sections.map(firstCellText)).toEqual([
      "1. التعهدات المنجزة بصفة كلية(100%)",
      "2. التعهدات غير المنجزة",
      "3. التعهدات المنجزة بصفة جزئية",
    ]);
  });

  it("keeps a cell's paragraphs separate and its typed dash lines as one list", () => {
    const commitment6 = rows.find((row) => /عدد\s*6\s*:/.test(firstCellText(row)))!;
    const progress = cellBlocks(commitment6.children[1]!);
    expect(progress.map((node) => node.type)).toEqual(["paragraph", "paragraph"]);

    // Commitment 10: a lead-in paragraph then nine lines typed "- ..." or "-...".
    const commitment10 = rows.find((row) => /عدد\s*10\s*:/.test(firstCellText(row)))!;
    const blocks = cellBlocks(commitment10.children[1]!);
    expect(blocks.map((node) => node.type)).toEqual(["paragraph", "list"]);
    const dashes = blocks[1] as List;
    expect(dashes.ordered).toBe(false);
    expect(dashes.children).toHaveLength(9);
    expect(textOf(dashes.children[0]!)).toMatch(/^فتح باب الترشح/);
    expect(textOf(dashes.children[1]!)).toMatch(/^تنظيم جلسات عمل/);
  });

  it("turns Word bullet lists inside cells into lists", () => {
    const commitment8 = rows.find((row) => /عدد\s*8\s*:/.test(firstCellText(row)))!;
    const blocks = cellBlocks(commitment8.children[1]!);
    expect(blocks.map((node) => node.type)).toEqual(["paragraph", "list"]);
    expect((blocks[1] as List).children).toHaveLength(2);
  });

  it("locates every table block by table, row and cell", () => {
    const row = rows.find((candidate) => /عدد\s*10\s*:/.test(firstCellText(candidate)))!;
    const rowNumber = rows.indexOf(row) + 1;
    expect(row.data?.source).toEqual({ table: 1, row: rowNumber });
    for (const node of walk(row.children[1]!)) {
      if (node.type !== "text") expect(node.data?.source).toEqual({ table: 1, row: rowNumber, cell: 2 });
    }
  });

  it("reads the title from docProps/core.xml and has no pages", () => {
    expect(document.metadata.title).toBe("اجتماع اللجنة الاستشارية المشتركة لشراكة الحكومة المفتوحة - مارس 2023");
    expect(document.pages).toBeNull();
    expect(document.format).toBe("docx");
  });
});

describe("readDocx on the 2022-06 minutes (four-column table, Word lists)", async () => {
  const document = await read(corpus("2022-06-committee-minutes.docx"));

  it("turns the attendees into a bulleted list and the agenda into a numbered list", () => {
    const attendees = listAfter(document.tree, /^الحاضرون/);
    expect(attendees.ordered).toBe(false);
    expect(attendees.children).toHaveLength(11);
    expect(textOf(attendees.children[0]!)).toBe("السيد خالد السلامي، المدير العام لوحدة الإدارة الإلكترونية، رئاسة الحكومة");

    const agenda = listAfter(document.tree, /جدول أعمال/);
    expect(agenda.ordered).toBe(true);
    expect(agenda.children).toHaveLength(4);
    expect(textOf(agenda.children[3]!)).toBe("مسائل مختلفة.");
  });

  it("turns heading styles into headings", () => {
    const headings = document.tree.children.filter((node) => node.type === "heading");
    expect(headings.map((node) => [node.depth, textOf(node)]).slice(0, 3)).toEqual([
      [1, "محضر جلسة"],
      [2, expect.stringMatching(/^اجتماع اللجنة الاستشارية/)],
      [3, "أولا: مدى التقدّم في تنفيذ التعهدات"],
    ]);
  });

  it("passes text through the shared normalizer (Arabic-Indic digits and percent sign)", () => {
    const [table] = tables(document.tree);
    expect(table!.children).toHaveLength(14);
    const percents = table!.children.slice(1).map((row) => textOf(row.children[2]!));
    expect(percents[0]).toBe("40%");
    expect(percents.every((percent) => /^\d+%$/.test(percent))).toBe(true);
  });

  it("keeps Word's line breaks as breaks between the lines of one paragraph", () => {
    expect(textOf(document.tree.children[0]!)).toBe("الجمهورية التونسية\nرئاسة الحكومة\nوحدة الإدارة الإلكترونية");
  });
});

describe("readDocx on the 2023-09 minutes (French, one heading per commitment)", async () => {
  const document = await read(corpus("2023-09-committee-minutes.docx"));

  it("turns each 'Engagement n°N : ...' into a heading", () => {
    const engagements = document.tree.children
      .filter((node) => node.type === "heading")
      .map((node) => /^Engagement n° ?(\d+) : /.exec(textOf(node))?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    expect(engagements).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it("keeps the status lines under a heading as separate paragraphs", () => {
    const index = document.tree.children.findIndex((node) => node.type === "heading" && textOf(node).startsWith("Engagement n°11"));
    const [rate, status] = document.tree.children.slice(index + 1, index + 3);
    expect(rate).toMatchObject({ type: "paragraph" });
    expect(textOf(rate!)).toBe("Taux de réalisation : 90 %");
    expect(textOf(status!)).toBe("Statut : partiellement réalisé (90 %)");
  });
});

describe("readDocx: every block node carries data.source", () => {
  it.each([
    "fixtures/ogp-tunisia/2022-06-committee-minutes.docx",
    "fixtures/ogp-tunisia/2023-03-committee-minutes.docx",
    "fixtures/ogp-tunisia/2023-09-committee-minutes.docx",
    "fixtures/docx/structure.docx",
  ])("%s", async (path) => {
    const document = await read(path);
    let blocks = 0;
    const visit = (node: Node, inTable: boolean): void => {
      // Phrasing (a whole-bold paragraph's strong) belongs to its block.
      if (node.type === "text" || node.type === "strong" || node.type === "break") return;
      if (node.type !== "root") {
        blocks++;
        expect(node.data?.source, `${node.type} without source`).toBeDefined();
        if (inTable) expect(node.data!.source!.table).toBeGreaterThan(0);
        else expect(node.data!.source).toEqual(node.type === "table" ? { table: expect.any(Number) } : {});
      }
      if (isParent(node)) for (const child of node.children) visit(child, inTable || node.type === "table");
    };
    visit(document.tree, false);
    expect(blocks).toBeGreaterThan(10);
  });
});

describe("readDocx on fixtures/docx/structure.docx (LibreOffice rendering of structure.html)", async () => {
  const document = await read("fixtures/docx/structure.docx");
  const [outer, inner] = tables(document.tree);

  it("keeps vertical merges as rowSpan and numbers cells by position in their row", () => {
    const merged = outer!.children[2]!.children[0]!;
    expect(merged.data).toMatchObject({ rowSpan: 2, source: { table: 1, row: 3, cell: 1 } });
    // The next row has one cell left (in the second column): it is that row's cell 1.
    const below = outer!.children[3]!;
    expect(below.children).toHaveLength(1);
    expect(below.children[0]!.data?.source).toEqual({ table: 1, row: 4, cell: 1 });
    expect(cellBlocks(below.children[0]!)[0]!.type).toBe("list");
  });

  it("keeps a nested table inside its cell, numbered after its parent", () => {
    const host = outer!.children[4]!.children[0]!;
    expect(cellBlocks(host).map((node) => node.type)).toEqual(["paragraph", "table"]);
    expect(cellBlocks(host)[1]).toBe(inner);
    expect(inner!.children[0]!.children[1]!.data?.source).toEqual({ table: 2, row: 1, cell: 2 });
    expect(textOf(outer!.children[4]!.children[1]!)).toBe("after the inner table");
  });

  it("nests Word sub-lists under their item", () => {
    const agenda = document.tree.children.find((node): node is List => node.type === "list" && node.ordered === true)!;
    expect(agenda.children).toHaveLength(3);
    const review = agenda.children[1] as ListItem;
    expect(review.children.map((node) => node.type)).toEqual(["paragraph", "list"]);
    expect((review.children[1] as List).children.map(textOf)).toEqual(["Commitment 1", "Commitment 2"]);
  });

  it("turns typed bullet lines (soft-broken or separate paragraphs) into one list, but not '-5%'", () => {
    const typed = listAfter(document.tree, /^Typed bullets in one paragraph:$/);
    expect(typed.ordered).toBe(false);
    expect(typed.children.map(textOf)).toEqual(["first typed item", "second typed item", "glyph bullet item", "middle dot item"]);
    expect(document.tree.children.some((node) => node.type === "paragraph" && textOf(node) === "-5% is a number, not a bullet.")).toBe(true);
  });

  it("reads title and author from docProps/core.xml, decoding XML entities", () => {
    expect(document.metadata).toEqual({ title: "Structure sample minutes", author: "Jane Rapporteur & Co" });
  });
});

// ------------------------------------------------------------------------------------------
// Bad input. Files are built here, byte by byte, with a minimal zip writer.

/** Word writes deflated members; the builder takes a lie about sizes for the bomb tests. */
const zip = (members: ZipMember[]): Uint8Array => new Uint8Array(buildZip(members));

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function documentXml(body: string, prolog = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

function docx(body: string, prolog = ""): Uint8Array {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: PACKAGE_RELS },
    { name: "word/document.xml", data: documentXml(body, prolog) },
  ]);
}

const para = (text: string, style = ""): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe("readDocx on files built in code", () => {
  it("reads a minimal docx (the control for the refusals below)", async () => {
    const document = await readDocx(docx(para("Heading", "Heading2") + para("-typed item") + para("plain")), "minimal.docx");
    expect(document.tree.children.map((node) => node.type)).toEqual(["heading", "list", "paragraph"]);
    expect(document.metadata).toEqual({});
    // No styles.xml: the heading is recognised by its style id, and mammoth's warning is passed on.
    expect(document.messages).toEqual([
      { code: "docx-reader-note", message: "warning: Paragraph style with ID Heading2 was referenced but not defined in the document" },
    ]);
  });

  it("reads all four core properties, whatever the namespace prefixes", async () => {
    const core = `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:t="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><d:title>&#x645;&#x62D;&#x636;&#x631; &amp; PV</d:title><d:creator> Sonia  Gharbi </d:creator><t:created xsi:type="dcterms:W3CDTF">2023-09-19T08:00:00Z</t:created><t:modified xsi:type="dcterms:W3CDTF">2023-09-20T10:30:00Z</t:modified></cp:coreProperties>`;
    const archive = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "_rels/.rels", data: PACKAGE_RELS },
      { name: "word/document.xml", data: documentXml(para("text")) },
      { name: "docProps/core.xml", data: core },
    ]);
    const document = await readDocx(archive, "core.docx");
    expect(document.metadata).toEqual({
      title: "محضر & PV",
      author: "Sonia Gharbi",
      created: "2023-09-19T08:00:00Z",
      modified: "2023-09-20T10:30:00Z",
    });
  });

  it("refuses malformed XML as corrupt", async () => {
    await expectIngestError(readDocx(docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "broken.docx"), "corrupt");
  });

  it("refuses an empty file", async () => {
    const error = await expectIngestError(readDocx(new Uint8Array(0), "empty.docx"), "empty");
    expect(error.message).toContain("empty.docx");
  });

  it("refuses a document without any text", async () => {
    await expectIngestError(readDocx(docx("<w:p/>"), "blank.docx"), "empty");
  });

  it("refuses bytes that are not a zip", async () => {
    await expectIngestError(readDocx(new TextEncoder().encode("just some text"), "text.docx"), "corrupt");
  });

  it("refuses a truncated zip", async () => {
    const whole = new Uint8Array(readFileSync(corpus("2023-09-committee-minutes.docx")));
    await expectIngestError(readDocx(whole.subarray(0, Math.floor(whole.length / 2)), "half.docx"), "corrupt");
    // Cut inside the central directory: the end record survives nowhere.
    await expectIngestError(readDocx(whole.subarray(0, whole.length - 30), "cut.docx"), "corrupt");
  });

  it("refuses a zip without word/document.xml", async () => {
    const archive = zip([{ name: "notes.txt", data: "hello" }]);
    await expectIngestError(readDocx(archive, "notes.docx"), "corrupt");
  });

  it("refuses other zipped office formats as unsupported", async () => {
    const workbook = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "xl/workbook.xml", data: "<workbook/>" },
    ]);
    await expectIngestError(readDocx(workbook, "sheet.docx"), "unsupported");
    const odt = zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text" }]);
    await expectIngestError(readDocx(odt, "text.docx"), "unsupported");
  });

  it("refuses a member declaring a huge size before inflating anything", async () => {
    const archive = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "_rels/.rels", data: PACKAGE_RELS },
      { name: "word/document.xml", data: documentXml(para("x")), declaredSize: 0xfffffff0 },
    ]);
    const error = await expectIngestError(readDocx(archive, "bomb.docx"), "too-large");
    expect(error.reason).toMatch(/zip bomb/);
  });

  it("refuses a member declaring an implausible compression ratio, even under the total limit", async () => {
    // 20 MB from a few bytes: within the 200 MB total, but no honest part compresses 1000:1 at that size.
    const archive = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "_rels/.rels", data: PACKAGE_RELS },
      { name: "word/document.xml", data: documentXml(para("x")) },
      { name: "word/media/blank.bin", data: new Uint8Array(1000), declaredSize: 20 * 1024 * 1024 },
    ]);
    const error = await expectIngestError(readDocx(archive, "ratio.docx"), "too-large");
    expect(error.reason).toMatch(/ratio above 1000:1/);
  });

  it("refuses an XML part too large to parse before inflating it", async () => {
    // 33 MB declared from 40 KB of incompressible bytes: a plausible ratio, but more XML than mammoth should build a DOM of.
    const archive = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "_rels/.rels", data: PACKAGE_RELS },
      { name: "word/document.xml", data: randomBytes(40 * 1024), declaredSize: 33 * 1024 * 1024 },
    ]);
    const error = await expectIngestError(readDocx(archive, "huge-xml.docx"), "too-large");
    expect(error.reason).toMatch(/word\/document\.xml is 34603008 bytes of XML/);
  });

  it("stops inflating a member at its declared size", async () => {
    const big = documentXml(para("x".repeat(100_000)));
    const archive = zip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "_rels/.rels", data: PACKAGE_RELS },
      { name: "word/document.xml", data: big, declaredSize: 1000 },
    ]);
    const error = await expectIngestError(readDocx(archive, "liar.docx"), "corrupt");
    expect(error.reason).toMatch(/declared 1000 bytes/);
  });

  it("refuses XML parts with a DTD or entity declarations", async () => {
    const laughs = `<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
    const error = await expectIngestError(readDocx(docx(para("&b;"), laughs), "laughs.docx"), "corrupt");
    expect(error.reason).toMatch(/word\/document\.xml declares a DTD/);
  });

  it("recognises password-protected Office files and legacy .doc files", async () => {
    const ole = (streamName: string): Uint8Array => {
      const bytes = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
      Buffer.from(streamName, "utf16le").copy(bytes, 1024);
      return new Uint8Array(bytes);
    };
    await expectIngestError(readDocx(ole("EncryptionInfo"), "locked.docx"), "encrypted");
    await expectIngestError(readDocx(ole("WordDocument"), "old.doc"), "unsupported");
  });

  it("refuses a PDF renamed to .docx as unsupported", async () => {
    const pdf = new Uint8Array(readFileSync(corpus("2023-09-committee-minutes.pdf")));
    await expectIngestError(readDocx(pdf, "renamed.docx"), "unsupported");
  });
});

describe("XML parts through saxes (docx-xml.ts)", () => {
  const require = createRequire(import.meta.url);
  /** mammoth's own DOM-based reader, which docx.ts replaces: the reference. */
  const mammothReader = require("mammoth/lib/xml/reader.js") as { readString: typeof readXmlString };
  const namespaces = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://schemas.openxmlformats.org/package/2006/relationships": "relationships",
    "http://schemas.openxmlformats.org/package/2006/content-types": "content-types",
  };
  const parts = ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/comments.xml"];
  const fixtures = readdirSync("fixtures", { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".docx"))
    .map((name) => `fixtures/${name}`);

  it("gives the same elements as mammoth's reader for every part of every fixture", async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    let compared = 0;
    for (const path of fixtures) {
      const zip = ZipArchive.open(path, new Uint8Array(readFileSync(path)));
      for (const part of parts.filter((name) => zip.has(name))) {
        const xml = new TextDecoder().decode(zip.read(part)).replace(/^\uFEFF/, "");
        expect(JSON.stringify(await readXmlString(xml, namespaces)), `${path} ${part}`).toBe(
          JSON.stringify(await mammothReader.readString(xml, namespaces)),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(fixtures.length * 4);
  });

  it("keeps names unmapped as {uri}local, namespace declarations as attributes, and text in order", async () => {
    const xml = `<?xml version="1.0"?>\n<a:doc xmlns:a="urn:a" xmlns="urn:default" x="1"><p>one <b a:y="2">two</b> three</p></a:doc>\n`;
    const expected = await mammothReader.readString(xml, { "urn:a": "a" });
    expect(await readXmlString(xml, { "urn:a": "a" })).toEqual(expected);
    expect(JSON.stringify(expected)).toContain('"{urn:default}p"');
  });

  it("rejects malformed XML instead of returning part of it", async () => {
    await expect(readXmlString("<w:document xmlns:w='urn:w'><w:body></w:document>")).rejects.toThrow();
    await expect(readXmlString("")).rejects.toThrow();
  });
});
