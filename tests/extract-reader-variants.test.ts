/**
 * Readers differ in small ways: a heading arrives as a plain paragraph, a list as
 * paragraphs that start with "• ", list items glued into one paragraph with line breaks.
 * The Word renderings of the corpus, rewritten in code into those shapes, must still
 * give the same commitments.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { List, Nodes, Paragraph, Root, RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readDocument } from "../src/ingest/index.js";
import type { DocumentTree } from "../src/ingest/tree.js";
import type { MeetingRecord } from "../src/model/meeting.js";

type Rewrite = (nodes: RootContent[]) => RootContent[];

function mapChildren(node: Nodes, rewrite: Rewrite): void {
  if (!("children" in node)) return;
  const children = node.children as RootContent[];
  for (const child of children) mapChildren(child, rewrite);
  if (node.type === "root" || node.type === "tableCell" || node.type === "listItem" || node.type === "blockquote") {
    (node as { children: RootContent[] }).children = rewrite(children);
  }
}

const textOf = (node: Nodes): string =>
  node.type === "text" ? node.value : node.type === "break" ? "\n" : "children" in node ? (node.children as Nodes[]).map(textOf).join("") : "";

const paragraph = (text: string, from: RootContent): Paragraph => ({ type: "paragraph", children: [{ type: "text", value: text }], data: from.data });

/** Headings become plain paragraphs. */
const headingsAsParagraphs: Rewrite = (nodes) => nodes.map((n) => (n.type === "heading" ? paragraph(textOf(n), n) : n));

/** Each list item becomes a paragraph starting with "• ". */
const listsAsBulletParagraphs: Rewrite = (nodes) =>
  nodes.flatMap((n) => (n.type === "list" ? (n as List).children.flatMap((item) => item.children.map((c) => paragraph(`• ${textOf(c)}`, c))) : [n]));

/** Each list becomes one paragraph, its items on "- " lines. */
const listsAsOneParagraph: Rewrite = (nodes) =>
  nodes.map((n) => (n.type === "list" ? paragraph((n as List).children.map((item) => `- ${textOf(item)}`).join("\n"), n) : n));

/** A heading and the paragraph after it become one paragraph, as a PDF reader may join them. */
const headingsGluedToProse: Rewrite = (nodes) => {
  const out: RootContent[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k];
    const next = nodes[k + 1];
    if (n.type === "heading" && next?.type === "paragraph") {
      out.push(paragraph(`${textOf(n)} ${textOf(next)}`, n));
      k++;
    } else out.push(n);
  }
  return out;
};

async function variant(path: string, rewrite: Rewrite | null): Promise<MeetingRecord> {
  const bytes = new Uint8Array(readFileSync(path));
  const doc: DocumentTree = await readDocument(path, bytes);
  if (rewrite) mapChildren(doc.tree as Root, rewrite);
  return extractRecord(doc, { sha256: createHash("sha256").update(bytes).digest("hex") });
}

const key = (r: MeetingRecord) =>
  r.commitments.map((c) => ({ number: c.number, status: c.status, progress: c.progress, title: c.title, reportedBy: c.reportedBy, activities: c.activities.length }));

describe("reader variants of the corpus", () => {
  for (const meeting of ["2022-06", "2023-03", "2023-09"]) {
    const path = `fixtures/ogp-tunisia/${meeting}-committee-minutes.docx`;
    for (const [name, rewrite] of [
      ["headings as paragraphs", headingsAsParagraphs],
      ["lists as bullet paragraphs", listsAsBulletParagraphs],
      ["lists as one paragraph of lines", listsAsOneParagraph],
      ["headings glued to the paragraph after them", headingsGluedToProse],
    ] as const) {
      it(`${meeting}: ${name}`, async () => {
        const [original, changed] = await Promise.all([variant(path, null), variant(path, rewrite)]);
        expect(key(changed)).toEqual(key(original));
        expect(changed.meeting.agenda).toHaveLength(original.meeting.agenda.length);
        expect(changed.events.map((e) => e.date)).toEqual(original.events.map((e) => e.date));
      });
    }
  }
});
