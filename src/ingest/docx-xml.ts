/**
 * The XML reader mammoth's docx reader parses every part with, rebuilt on saxes.
 *
 * mammoth parses a part into a full DOM with @xmldom/xmldom, then converts that DOM into its
 * own light elements (mammoth/lib/xml/reader.js). Measured on the corpus documents, the DOM
 * step was 41 % of the time a batch worker spends on a .docx; saxes, a strict streaming
 * parser (the one jsdom and exceljs use), builds the same elements directly in about half
 * the time. The elements are mammoth's own (mammoth/lib/xml/nodes.js), named as mammoth names
 * them: a mapped namespace as its prefix (`w:p`), any other as `{uri}local`, namespace
 * declarations kept as attributes; tests/ingest-docx.test.ts compares the result with
 * mammoth's reader on every fixture. Like mammoth's reader, a malformed part is an error,
 * not a partial tree. DTDs never reach it: docx.ts refuses them first.
 */
import { createRequire } from "node:module";
import { SaxesParser, type SaxesTagNS } from "saxes";

/** mammoth's element: what its docx reader walks. */
export interface MammothXmlElement {
  type: "element";
  name: string;
  attributes: Record<string, string>;
  children: MammothXmlNode[];
}
export type MammothXmlNode = MammothXmlElement | { type: "text"; value: string };

interface MammothXmlNodes {
  Element: new (name: string, attributes: Record<string, string>, children: MammothXmlNode[]) => MammothXmlElement;
  text(value: string): MammothXmlNode;
}

const require = createRequire(import.meta.url);
const nodes = require("mammoth/lib/xml/nodes.js") as MammothXmlNodes;

/** mammoth's `readString(xml, namespaceMap)`: the document element, with names mapped. */
export function readXmlString(xml: string, namespaceMap: Record<string, string> = {}): Promise<MammothXmlElement> {
  const nameOf = (uri: string, local: string): string => {
    if (!uri) return local;
    const prefix = namespaceMap[uri];
    return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
  };
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: MammothXmlElement = new nodes.Element("", {}, []);
  const open: MammothXmlElement[] = [root];
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const key in tag.attributes) {
      const attribute = tag.attributes[key];
      attributes[nameOf(attribute.uri, attribute.local)] = attribute.value;
    }
    open.push(new nodes.Element(nameOf(tag.uri, tag.local), attributes, []));
  });
  parser.on("closetag", () => {
    const element = open.pop() as MammothXmlElement;
    open[open.length - 1].children.push(element);
  });
  parser.on("text", (text) => {
    // Text outside the document element (line breaks around it) is not part of the tree.
    if (open.length > 1) open[open.length - 1].children.push(nodes.text(text));
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const document = root.children.find((child): child is MammothXmlElement => child.type === "element");
  return document ? Promise.resolve(document) : Promise.reject(new Error("the XML has no document element"));
}

/** A bookmark start, which mammoth passes through to its model with its name (see docx-annotate.ts). */
export function markerElement(name: string): MammothXmlElement {
  return new nodes.Element("w:bookmarkStart", { "w:name": name }, []);
}

/**
 * A part handed to mammoth with work to do on its elements once parsed (hidden runs dropped,
 * facts about paragraphs recorded: see docx-annotate.ts). mammoth reads a part as a string,
 * strips a byte-order mark with `replace`, and gives the result to its XML reader, which
 * docx.ts has replaced by `readPart`; so a part travels through mammoth as this object and is
 * parsed, with mammoth's namespace map, only once. Nothing global is shared between files.
 */
export class PreparedPart {
  constructor(
    private xml: string,
    private readonly prepare: (document: MammothXmlElement) => void,
  ) {}

  /** What mammoth calls on the "string" (its stripUtf8Bom). */
  replace(pattern: RegExp, replacement: string): this {
    this.xml = this.xml.replace(pattern, replacement);
    return this;
  }

  async parse(namespaceMap: Record<string, string>): Promise<MammothXmlElement> {
    const document = await readXmlString(this.xml, namespaceMap);
    this.prepare(document);
    return document;
  }
}

/** The XML reader mammoth is given: its own strings as before, prepared parts with their work done. */
export function readPart(xml: string | PreparedPart, namespaceMap: Record<string, string> = {}): Promise<MammothXmlElement> {
  return xml instanceof PreparedPart ? xml.parse(namespaceMap) : readXmlString(xml, namespaceMap);
}

/** Namespaces of the parts this project reads itself (headers, footers), named as mammoth names them. */
export const WORD_NAMESPACES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/package/2006/relationships": "relationships",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
};
