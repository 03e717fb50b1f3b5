/**
 * The .docx reader on what Word itself writes and HTML conversions never hold: hidden text,
 * Word's own list and heading numbers, outline levels and localized heading styles,
 * complex-script bold, page headers and footers, footnotes and endnotes, cell shading.
 * Every file is built here, its XML parts written out, as mammoth's tests do.
 */
import type { Heading, List, ListItem, Node, Paragraph, Parent, Root, RootContent, Table, TableCell, Text } from "mdast";
import { describe, expect, it } from "vitest";
import { flatten } from "../src/extract/blocks.js";
import { readDocx } from "../src/ingest/docx.js";
import { formatNumber } from "../src/ingest/docx-numbering.js";
import { treeToMarkdown } from "../src/write/markdown.js";
import { buildZip, type ZipMember } from "./bad-input-builders.js";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;

interface WordParts {
  body: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  endnotes?: string;
  headers?: string[];
  footers?: string[];
}

const part = (root: string, content: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}" xmlns:r="${R}">${content}</w:${root}>`;

/** A .docx with the given parts; headers and footers are related to the main document as Word relates them. */
function wordFile(parts: WordParts): Uint8Array {
  const members: ZipMember[] = [
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: PACKAGE_RELS },
    { name: "word/document.xml", data: part("document", `<w:body>${parts.body}</w:body>`) },
  ];
  const relationships: string[] = [];
  if (parts.styles) members.push({ name: "word/styles.xml", data: part("styles", parts.styles) });
  if (parts.numbering) members.push({ name: "word/numbering.xml", data: part("numbering", parts.numbering) });
  if (parts.footnotes) members.push({ name: "word/footnotes.xml", data: part("footnotes", parts.footnotes) });
  if (parts.endnotes) members.push({ name: "word/endnotes.xml", data: part("endnotes", parts.endnotes) });
  for (const kind of ["header", "footer"] as const) {
    (kind === "header" ? parts.headers : parts.footers)?.forEach((content, i) => {
      members.push({ name: `word/${kind}${i + 1}.xml`, data: part(kind === "header" ? "hdr" : "ftr", content) });
      relationships.push(`<Relationship Id="r${kind}${i}" Type="${R}/${kind}" Target="${kind}${i + 1}.xml"/>`);
    });
  }
  members.push({
    name: "word/_rels/document.xml.rels",
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join("")}</Relationships>`,
  });
  return new Uint8Array(buildZip(members));
}

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const run = (text: string, rPr = ""): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const p = (content: string, pPr = ""): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${content}</w:p>`;
const numbered = (text: string, numId: number, level = 0, pPr = ""): string =>
  p(run(text), `${pPr}<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`);
const styled = (text: string, styleId: string, pPr = ""): string => p(run(text), `<w:pStyle w:val="${styleId}"/>${pPr}`);

const level = (ilvl: number, format: string, text: string, extra = ""): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

async function read(parts: WordParts, name = "word.docx"): Promise<Root> {
  return (await readDocx(wordFile(parts), name)).tree;
}

function isParent(node: Node): node is Parent {
  return "children" in node && Array.isArray((node as Parent).children);
}
function* walk(node: Node): Generator<Node> {
  yield node;
  if (isParent(node)) for (const child of node.children) yield* walk(child);
}
function textOf(node: Node): string {
  if (node.type === "text") return (node as Text).value;
  return isParent(node) ? node.children.map(textOf).join("\n") : "";
}
const items = (tree: Root): ListItem[] => [...walk(tree)].filter((node): node is ListItem => node.type === "listItem");
const cellBlocks = (cell: TableCell): RootContent[] => cell.children as unknown as RootContent[];

describe("hidden and deleted text", () => {
  it("drops hidden runs, directly or through a character or paragraph style, and keeps tracked deletions dropped", async () => {
    const tree = await read({
      styles:
        `<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="DraftNote"><w:name w:val="Draft note"/><w:rPr><w:vanish/></w:rPr></w:style>`,
      body:
        p(run("Commitment 4: 60 %") + run(" (decoy 95 %)", "<w:vanish/>")) +
        p(run("Reporter: ") + run("Ms Draft ", `<w:rStyle w:val="Secret"/>`) + run("Mr Ali")) +
        styled("drafting note: check the figure", "DraftNote") +
        p(run("Status: ") + `<w:del w:id="1" w:author="A"><w:r><w:delText>ongoing</w:delText></w:r></w:del>` + `<w:ins w:id="2" w:author="A">${run("completed")}</w:ins>`) +
        p(run("visible again", `<w:vanish w:val="0"/>`)),
    });
    expect(tree.children.map(textOf)).toEqual(["Commitment 4: 60 %", "Reporter: Mr Ali", "Status: completed", "visible again"]);
  });

  it("keeps a date field's shown result when its code is hidden", async () => {
    const field =
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:instrText> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("12 March 2024")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const document = await readDocx(wordFile({ body: p(run("Meeting held on ") + field) }), "field.docx");
    expect(textOf(document.tree)).toBe("Meeting held on 12 March 2024");
    expect(document.messages).toEqual([]);
  });
});

describe("list numbers as Word shows them", () => {
  // One abstract numbering with three levels; num 1 and num 3 share its counters, num 2 restarts it.
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${level(0, "decimal", "%1.")}${level(1, "decimal", "%1.%2")}${level(2, "lowerLetter", "(%3)")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${level(0, "upperRoman", "%1.")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${level(0, "bullet", "•")}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>` +
    `<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>`;

  it("labels every level, continues a shared definition across lists, restarts on a start override, skips what is hidden", async () => {
    const tree = await read({
      numbering,
      body:
        numbered("Review of commitments", 1) +
        numbered("Access to information", 1, 1) +
        numbered("Open budget", 1, 1) +
        numbered("portal launched", 1, 2) +
        numbered("law drafted", 1, 2) +
        p(run("withdrawn item", "<w:vanish/>"), `<w:rPr><w:vanish/></w:rPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`) +
        numbered("Any other business", 1) +
        p(run("Commitments reviewed in detail:")) +
        numbered("Third item of the same sequence", 3) +
        numbered("Commitment restarted", 2) +
        numbered("Next commitment", 2) +
        numbered("Pillar three", 4) +
        numbered("a bullet", 5),
    });
    expect(items(tree).map((item) => [item.data?.label ?? null, textOf(item.children[0]!)])).toEqual([
      ["1.", "Review of commitments"],
      ["1.1", "Access to information"],
      ["1.2", "Open budget"],
      ["(a)", "portal launched"],
      ["(b)", "law drafted"],
      ["2.", "Any other business"],
      ["3.", "Third item of the same sequence"],
      ["1.", "Commitment restarted"],
      ["2.", "Next commitment"],
      ["III.", "Pillar three"],
      [null, "a bullet"],
    ]);
    const lists = tree.children.filter((node): node is List => node.type === "list");
    expect(lists.map((list) => [list.ordered, list.start ?? null, list.children.length])).toEqual([
      [true, 1, 2],
      [true, 3, 1],
      [true, 1, 2],
      [true, 3, 1],
      [false, null, 1],
    ]);
    // minutes tree: Word's label where Markdown's own "N." would show something else.
    const markdown = treeToMarkdown(tree);
    expect(markdown).toContain("1. Review of commitments\n\n   - 1.1 Access to information\n   - 1.2 Open budget\n");
    expect(markdown).toContain("- (a) portal launched");
    expect(markdown).toContain("3. Third item of the same sequence");
    expect(markdown).toContain("- III. Pillar three");
  });

  it("gives extraction Word's numbers, not a count carried on from the list before", async () => {
    const tree = await read({
      numbering,
      body:
        numbered("Agenda item", 1) +
        numbered("Another agenda item", 1) +
        p(run("Commitments:")) +
        numbered("Commitment one", 2) +
        numbered("Commitment two", 2),
    });
    const numbers = flatten(tree).blocks.filter((block) => block.kind === "item").map((block) => block.itemNumber);
    expect(numbers).toEqual([1, 2, 1, 2]);
  });

  it("numbers headings through their styles' numbering, and their levels through the styles' links", async () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
    const headingNumbering =
      `<w:abstractNum w:abstractNumId="5">${level(0, "decimal", "%1.", `<w:pStyle w:val="Heading1"/>`)}${level(1, "decimal", "%1.%2.", `<w:pStyle w:val="Heading2"/>`)}</w:abstractNum>` +
      `<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>`;
    const tree = await read({
      styles,
      numbering: headingNumbering,
      body: styled("Opening", "Heading1") + styled("Agenda", "Heading2") + styled("Minutes", "Heading2") + styled("Commitments", "Heading1") + styled("Pillar A", "Heading2"),
    });
    const headings = tree.children as Heading[];
    expect(headings.map((heading) => [heading.type, heading.depth, heading.data?.label, textOf(heading)])).toEqual([
      ["heading", 1, "1.", "Opening"],
      ["heading", 2, "1.1.", "Agenda"],
      ["heading", 2, "1.2.", "Minutes"],
      ["heading", 1, "2.", "Commitments"],
      ["heading", 2, "2.1.", "Pillar A"],
    ]);
  });

  it("follows a numbering style link, a whole-level override and w:lvlRestart", async () => {
    const styles =
      `<w:style w:type="numbering" w:styleId="EngagementList"><w:name w:val="Liste des engagements"/><w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Engagement"><w:name w:val="Engagement"/><w:pPr><w:numPr><w:numId w:val="12"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="EngagementRouge"><w:name w:val="Engagement rouge"/><w:basedOn w:val="Engagement"/></w:style>`;
    const linked =
      `<w:abstractNum w:abstractNumId="10"><w:numStyleLink w:val="EngagementList"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="11"><w:styleLink w:val="EngagementList"/>${level(0, "decimal", "Engagement %1 :")}${level(1, "decimal", "%2)", `<w:lvlRestart w:val="0"/>`)}</w:abstractNum>` +
      `<w:num w:numId="11"><w:abstractNumId w:val="11"/></w:num>` +
      `<w:num w:numId="12"><w:abstractNumId w:val="10"/></w:num>` +
      `<w:num w:numId="13"><w:abstractNumId w:val="11"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride></w:num>`;
    const tree = await read({
      styles,
      numbering: linked,
      body:
        styled("Accès à l'information", "Engagement") +
        numbered("first activity", 12, 1) +
        styled("Budget ouvert", "EngagementRouge") +
        // Level 2 never restarts (w:lvlRestart 0): it counts on under the new level-1 item.
        numbered("second activity", 12, 1) +
        p(run("—")) +
        numbered("an overridden level", 13),
    });
    expect(items(tree).map((item) => item.data?.label)).toEqual(["Engagement 1 :", "1)", "Engagement 2 :", "2)", "G."]);
  });

  it("formats numbers as Word's number formats do", () => {
    expect([1, 4, 9, 14, 40, 1999].map((n) => formatNumber(n, "upperRoman"))).toEqual(["I", "IV", "IX", "XIV", "XL", "MCMXCIX"]);
    expect([1, 3, 26, 27, 28].map((n) => formatNumber(n, "lowerLetter"))).toEqual(["a", "c", "z", "aa", "bb"]);
    expect(formatNumber(2, "upperLetter")).toBe("B");
    expect([1, 2, 3, 4, 10].map((n) => formatNumber(n, "arabicAbjad"))).toEqual(["أ", "ب", "ج", "د", "ي"]);
    expect([1, 2, 3, 4].map((n) => formatNumber(n, "arabicAlpha"))).toEqual(["أ", "ب", "ت", "ث"]);
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(5, "none")).toBe("");
    expect(formatNumber(12, "hindiNumbers")).toBe("12");
  });

  it("shows other levels as decimal in a legal-style level, and right-to-left labels as written", async () => {
    const legal =
      `<w:abstractNum w:abstractNumId="0">${level(0, "upperRoman", "%1.")}${level(1, "decimal", "%1.%2", "<w:isLgl/>")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${level(0, "arabicAbjad", "%1-")}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const tree = await read({
      numbering: legal,
      body: numbered("Part", 1) + numbered("Section", 1, 1) + numbered("Part", 1) + numbered("Section", 1, 1) + p(run("—")) + numbered("الالتزام الأول", 2, 0, "<w:bidi/>") + numbered("الالتزام الثاني", 2, 0, "<w:bidi/>"),
    });
    expect(items(tree).map((item) => item.data?.label)).toEqual(["I.", "1.1", "II.", "2.1", "أ-", "ب-"]);
  });
});

describe("headings Word users make", () => {
  const styles =
    `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="Titre 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="عنوان 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="Engagement"/><w:basedOn w:val="Heading1"/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Bold"><w:name w:val="Gras"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>`;

  it("reads outline levels, localized style names and styles based on a heading", async () => {
    const tree = await read({
      styles,
      body:
        styled("Procès-verbal", "Titre1") +
        styled("الالتزامات", "a1") +
        styled("Engagement 1 : accès à l'information", "Custom") +
        p(run("Suivi des recommandations"), `<w:outlineLvl w:val="2"/>`) +
        styled("Body text in a heading style", "Heading1", `<w:outlineLvl w:val="9"/>`),
    });
    expect(tree.children.map((node) => [node.type, node.type === "heading" ? node.depth : null])).toEqual([
      ["heading", 1],
      ["heading", 2],
      ["heading", 1],
      ["heading", 3],
      ["paragraph", null],
    ]);
  });

  it("keeps a short paragraph bold from end to end as strong, Arabic through complex-script bold", async () => {
    const tree = await read({
      styles,
      body:
        p(run("الالتزام الثالث: النفاذ إلى المعلومة", "<w:bCs/><w:rtl/>"), "<w:bidi/>") +
        p(run("الالتزام الرابع", "<w:b/><w:rtl/>"), "<w:bidi/>") +
        p(run("Commitment 5 – ") + run("Open data", "<w:b/>")) +
        p(run("Commitment 6 – Open contracting", "<w:b/>")) +
        styled("Engagement 7 : budget ouvert", "Bold") +
        p(run("A bold paragraph that runs on and on, far too long to be a title line, because it holds a whole sentence of the minutes.", "<w:b/>")),
    });
    const strong = (tree.children as Paragraph[]).map((paragraph) => paragraph.children[0]!.type === "strong");
    // Word shows Arabic letters bold through w:bCs only: w:b alone leaves them plain.
    expect(strong).toEqual([true, false, false, true, true, false]);
    const blocks = flatten(tree).blocks;
    expect(blocks[0]!.emphasized).toBe(true);
    expect(blocks[0]!.ft.text).toBe("الالتزام الثالث: النفاذ إلى المعلومة");
  });

  it("judges bold by letters and digits: the colon LibreOffice sets with w:b alone in a w:bCs Arabic title does not make it plain", async () => {
    const tree = await read({
      styles,
      body: p(run("ثانياً", "<w:bCs/><w:rtl/>") + run(": ", "<w:b/><w:rtl/>") + run("التوصيات", "<w:bCs/><w:rtl/>"), "<w:bidi/>") + p(run("ثالثاً", "<w:bCs/><w:rtl/>") + run(": ") + run("متفرقات", "<w:rtl/>"), "<w:bidi/>"),
    });
    expect((tree.children as Paragraph[]).map((paragraph) => paragraph.children[0]!.type === "strong")).toEqual([true, false]);
  });
});

describe("page headers and footers", () => {
  it("reads them apart from the body, without their hidden text, each distinct paragraph once", async () => {
    const document = await readDocx(
      wordFile({
        headers: [
          p(run("Comité de pilotage du Gouvernement Ouvert")) + p(run("PV n° 3 – ") + run("brouillon", "<w:vanish/>") + run("réunion du 14 mars 2024")),
          p(run("Comité de pilotage du Gouvernement Ouvert")),
        ],
        footers: [p(run("Page ") + `<w:fldSimple w:instr=" PAGE ">${run("1")}</w:fldSimple>`)],
        body: p(run("Ordre du jour")),
      }),
      "furniture.docx",
    );
    expect(document.tree.children.map(textOf)).toEqual(["Ordre du jour"]);
    expect(document.tree.data?.furniture).toEqual({
      headers: ["Comité de pilotage du Gouvernement Ouvert", "PV n° 3 – réunion du 14 mars 2024"],
      footers: ["Page 1"],
    });
    const markdown = treeToMarkdown(document.tree);
    expect(markdown).toBe(
      "> header: Comité de pilotage du Gouvernement Ouvert\n> header: PV n° 3 – réunion du 14 mars 2024\n\nOrdre du jour\n\n> footer: Page 1\n",
    );
  });

  it("leaves the root without furniture when there is none", async () => {
    const tree = await read({ body: p(run("text")) });
    expect(tree.data).toBeUndefined();
  });
});

describe("footnotes and endnotes", () => {
  const separators = `<w:footnote w:type="separator" w:id="-1">${p("<w:r><w:separator/></w:r>")}</w:footnote><w:footnote w:type="continuationSeparator" w:id="0">${p("<w:r><w:continuationSeparator/></w:r>")}</w:footnote>`;
  const footnotes =
    separators +
    `<w:footnote w:id="1">${p(`<w:r><w:footnoteRef/></w:r>${run(" Reported by Ms Amal Ben Salem (Ministry of Finance).")}`)}</w:footnote>` +
    `<w:footnote w:id="2">${p(`<w:r><w:footnoteRef/></w:r>${run(" Corrected: 75 %, not 70 %.")}${run(" [draft]", "<w:vanish/>")}`)}</w:footnote>`;
  const endnotes = `<w:endnote w:id="1">${p(`<w:r><w:endnoteRef/></w:r>${run(" Source: OGP portal.")}`)}</w:endnote>`;
  const mark = (kind: "footnote" | "endnote", id: number): string => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;

  it("attaches each note to the block where its mark stands, and minutes tree shows them", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${level(0, "decimal", "%1.")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const document = await readDocx(
      wordFile({
        footnotes,
        endnotes,
        numbering,
        body:
          p(run("Commitment 9") + mark("footnote", 1) + run(": completed.")) +
          p(run("Progress of commitment 10: 70 %") + mark("footnote", 2) + mark("endnote", 1)) +
          numbered("Open data portal", 1) +
          `<w:tbl><w:tr><w:tc>${p(run("Budget") + mark("footnote", 1))}</w:tc></w:tr></w:tbl>` +
          p(run("No note here.")),
      }),
      "notes.docx",
    );
    const tree = document.tree;
    const [first, second] = tree.children as Paragraph[];
    expect(textOf(first!)).toBe("Commitment 9: completed.");
    expect(first!.data?.notes).toEqual(["Reported by Ms Amal Ben Salem (Ministry of Finance)."]);
    expect(second!.data?.notes).toEqual(["Corrected: 75 %, not 70 %.", "Source: OGP portal."]);
    const cell = (tree.children[3] as Table).children[0]!.children[0]!;
    expect(cellBlocks(cell)[0]!.data?.notes).toEqual(["Reported by Ms Amal Ben Salem (Ministry of Finance)."]);
    expect(tree.children[4]!.data?.notes).toBeUndefined();
    expect(document.messages.map((message) => message.code)).not.toContain("notes-omitted");

    const markdown = treeToMarkdown(tree);
    expect(markdown).toContain("Commitment 9: completed.[^1]");
    expect(markdown).toContain("Progress of commitment 10: 70 %[^2][^3]");
    expect(markdown).toContain("| Budget[^4] |");
    expect(markdown).toMatch(/\[\^1\]: Reported by Ms Amal Ben Salem \(Ministry of Finance\)\.\n\[\^2\]: Corrected: 75 %, not 70 %\.\n\[\^3\]: Source: OGP portal\.\n\[\^4\]: Reported/);
  });
});

describe("typed footnote marks", () => {
  it("keeps a superscript number after text out of it, as the block's note mark; a superscript ordinal stays", async () => {
    const tree = await read({
      styles: `<w:style w:type="character" w:styleId="Exposant"><w:name w:val="Exposant"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>`,
      body:
        p(run("Commitment 9") + run("1", `<w:vertAlign w:val="superscript"/>`) + run(": completed.")) +
        p(run("Engagement 4") + run("*", `<w:rStyle w:val="Exposant"/>`)) +
        p(run("le 1") + run("er", `<w:vertAlign w:val="superscript"/>`) + run(" trimestre")),
    });
    expect(tree.children.map((node) => [textOf(node), node.data?.noteMarks ?? null])).toEqual([
      ["Commitment 9: completed.", ["1"]],
      ["Engagement 4", ["*"]],
      ["le 1er trimestre", null],
    ]);
  });
});

describe("tables", () => {
  it("keeps cell shading as data.fill, a solid pattern's colour included, and no fill for auto", async () => {
    const cell = (text: string, shd: string): string => `<w:tc><w:tcPr>${shd}</w:tcPr>${p(run(text))}</w:tc>`;
    const tree = await read({
      body:
        `<w:tbl><w:tr>${cell("Commitment 1", "")}${cell("", `<w:shd w:val="clear" w:color="auto" w:fill="00b050"/>`)}</w:tr>` +
        `<w:tr>${cell("Commitment 2", `<w:shd w:val="clear" w:color="auto" w:fill="auto"/>`)}${cell("late", `<w:shd w:val="solid" w:color="FF0000" w:fill="FFFFFF"/>`)}</w:tr></w:tbl>`,
    });
    const table = tree.children[0] as Table;
    expect(table.children.map((row) => row.children.map((c) => c.data?.fill ?? null))).toEqual([
      [null, "00B050"],
      [null, "FF0000"],
    ]);
  });

  it("keeps a table nested in a cell as a table there, and minutes tree shows its rows apart", async () => {
    const inner = `<w:tbl><w:tr><w:tc>${p(run("Milestone"))}</w:tc><w:tc>${p(run("Due"))}</w:tc></w:tr><w:tr><w:tc>${p(run("Decree drafted"))}</w:tc><w:tc>${p(run("June 2024"))}</w:tc></w:tr></w:tbl>`;
    const tree = await read({ body: `<w:tbl><w:tr><w:tc>${p(run("Commitment 3"))}</w:tc><w:tc>${p(run("Milestones:"))}${inner}${p("")}</w:tc></w:tr></w:tbl>` });
    const host = (tree.children[0] as Table).children[0]!.children[1]!;
    expect(cellBlocks(host).map((node) => node.type)).toEqual(["paragraph", "table"]);
    expect((cellBlocks(host)[1] as Table).children.map((row) => row.children.map(textOf))).toEqual([
      ["Milestone", "Due"],
      ["Decree drafted", "June 2024"],
    ]);
    // Extraction still reads the nested table's text as the cell's.
    expect(flatten(tree).tables[0]!.rows[0]!.cells[1]!.text).toBe("Milestones:\nMilestone\nDue\nDecree drafted\nJune 2024");
    expect(treeToMarkdown(tree)).toContain("| Commitment 3 | Milestones:<br>⟨Milestone ¦ Due⟩<br>⟨Decree drafted ¦ June 2024⟩ |");
  });
});

describe("what was already read right stays so", () => {
  it("reads a text box once, a content control's shown value, accepted insertions and moves", async () => {
    const textBox = (text: string): string =>
      `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(run(text))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(run(text))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const tree = await read({
      body:
        p(run("Anchor paragraph") + textBox("Text box: 40 %")) +
        `<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>${p(run("14 mars 2024"))}</w:sdtContent></w:sdt>` +
        p(`<w:ins w:id="3" w:author="B">${run("Inserted and accepted")}</w:ins>`) +
        p(run("Moved: ") + `<w:moveFrom w:id="4" w:author="B">${run("old place ")}</w:moveFrom>` + `<w:moveTo w:id="5" w:author="B">${run("new place")}</w:moveTo>`),
    });
    expect(tree.children.map(textOf)).toEqual(["Anchor paragraph", "Text box: 40 %", "14 mars 2024", "Inserted and accepted", "Moved: new place"]);
  });
});
