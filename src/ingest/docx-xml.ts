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
interface MammothXmlElement {
  type: "element";
  name: string;
  attributes: Record<string, string>;
  children: MammothXmlNode[];
}
type MammothXmlNode = MammothXmlElement | { type: "text"; value: string };

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
