/**
 * Page headers and footers (word/header*.xml, word/footer*.xml): letterheads, the committee's
 * name, often the meeting's date. mammoth does not read them; they are read here, apart from
 * the body, as plain paragraph texts (see `Furniture` in tree.ts).
 *
 * The parts are the ones the main document's relationships name, in the order of their part
 * names (header1, header2, ...: first-page, default and even-page headers of each section).
 * The same paragraph repeated by several headers is kept once.
 */
import { normalizeText } from "../text/normalize.js";
import type { PartPreparer } from "./docx-annotate.js";
import { child, children } from "./docx-styles.js";
import { readXmlString, WORD_NAMESPACES, type MammothXmlElement } from "./docx-xml.js";
import type { Furniture } from "./tree.js";

const RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_RELATIONSHIP_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/** Reads a part as text, or undefined when the archive lacks it; refusals (size, DTD) are the caller's. */
export type PartText = (name: string) => string | undefined;

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["word"];
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

async function furnitureParts(readPart: PartText, kind: "header" | "footer"): Promise<string[]> {
  const rels = readPart("word/_rels/document.xml.rels");
  if (rels === undefined) return [];
  const root = await readXmlString(rels, WORD_NAMESPACES);
  const types = new Set([RELATIONSHIP_TYPE + kind, STRICT_RELATIONSHIP_TYPE + kind]);
  return children(root, "relationships:Relationship")
    .filter((relationship) => types.has(relationship.attributes.Type ?? "") && relationship.attributes.TargetMode !== "External")
    .map((relationship) => resolveTarget(relationship.attributes.Target ?? ""))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Elements whose text Word does not show, or shows elsewhere (a field's code, a deleted run). */
const NOT_SHOWN = new Set(["w:instrText", "w:delText", "w:del", "w:moveFrom", "w:pPr", "w:rPr"]);

/** The texts of a part's paragraphs in reading order, a text box's and a table cell's paragraphs each on their own. */
function paragraphTexts(root: MammothXmlElement): string[] {
  const out: string[] = [];
  const paragraph = (p: MammothXmlElement): void => {
    const text: string[] = [];
    const nested: MammothXmlElement[] = [];
    const walk = (element: MammothXmlElement): void => {
      for (const node of element.children) {
        if (node.type === "text") continue;
        if (NOT_SHOWN.has(node.name)) continue;
        if (node.name === "w:t") text.push(node.children.map((t) => (t.type === "text" ? t.value : "")).join(""));
        else if (node.name === "w:tab") text.push("\t");
        else if (node.name === "w:br" || node.name === "w:cr") text.push("\n");
        else if (node.name === "w:p") nested.push(node);
        else if (node.name === "mc:AlternateContent") {
          const fallback = child(node, "mc:Fallback");
          if (fallback) walk(fallback);
        } else walk(node);
      }
    };
    walk(p);
    const normalized = normalizeText(text.join(""));
    if (normalized) out.push(normalized);
    nested.forEach(paragraph);
  };
  const visit = (element: MammothXmlElement): void => {
    for (const node of element.children) {
      if (node.type === "text") continue;
      if (node.name === "w:p") paragraph(node);
      else if (node.name === "mc:AlternateContent") {
        const fallback = child(node, "mc:Fallback");
        if (fallback) visit(fallback);
      } else visit(node);
    }
  };
  visit(root);
  return out;
}

export async function readFurniture(readPart: PartText, preparer: PartPreparer): Promise<Furniture> {
  const furniture: Furniture = { headers: [], footers: [] };
  for (const kind of ["header", "footer"] as const) {
    const texts = kind === "header" ? furniture.headers : furniture.footers;
    for (const name of await furnitureParts(readPart, kind)) {
      const xml = readPart(name);
      if (xml === undefined) continue;
      const root = await readXmlString(xml.replace(/^\uFEFF/, ""), WORD_NAMESPACES);
      preparer.prepareNotes(root);
      for (const text of paragraphTexts(root)) if (!texts.includes(text)) texts.push(text);
    }
  }
  return furniture;
}
