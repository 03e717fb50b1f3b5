/** What a Word file keeps apart from the body, read by extraction: page headers and footers, footnotes. */
import type { RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import { extractRecord } from "../../src/extract/index.js";
import { doc, h, p } from "./tree-builders.js";

const withFurniture = (children: RootContent[], headers: string[], footers: string[] = []) => {
  const document = doc(children);
  document.tree.data = { furniture: { headers, footers } };
  return extractRecord(document, { sha256: "0".repeat(64) });
};

describe("page headers and footers", () => {
  it("give the meeting's date and title when the body gives none, after the body's own", () => {
    const body = [h(2, "Commitment 1: Open contracting"), p("Status: Complete")];
    const record = withFurniture(body, ["Ghana OGP Steering Committee – Minutes of 24 September 2024"], ["OGP Secretariat, Accra – page 1"]);
    expect(record.meeting).toMatchObject({ date: "2024-09-24", dateSource: "text", title: "Ghana OGP Steering Committee – Minutes of 24 September 2024" });
    const own = withFurniture([p("The committee met on 3 October 2024."), ...body], ["Minutes of 24 September 2024"]);
    expect(own.meeting.date).toBe("2024-10-03");
  });
});

describe("footnotes and endnotes", () => {
  it("are read with the block their mark stands in: a note giving a rate gives its commitment's progress", () => {
    const heading = h(2, "Commitment 9: Open budgets");
    const status = p("Status: In progress");
    status.data = { notes: ["Progress: 60%"] };
    const record = extractRecord(doc([heading, status, p("Other business")]), { sha256: "0".repeat(64) });
    expect(record.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([["9", "in_progress", 60]]);
  });
});
