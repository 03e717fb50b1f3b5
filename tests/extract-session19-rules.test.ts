/**
 * Rules added after the lead's held-out minutes of session 19 (UK-style numbered paragraphs,
 * a Jordanian record under axis titles), each on wordings those documents do not contain.
 * Each test builds a tiny Markdown document in code and reads it with the real reader.
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { statedRate } from "../src/extract/record-builder.js";
import { readMarkdown } from "../src/ingest/text.js";
import type { MeetingRecord } from "../src/model/meeting.js";

async function record(markdown: string): Promise<MeetingRecord> {
  const doc = await readMarkdown(new TextEncoder().encode(markdown), "minutes.md");
  return extractRecord(doc, { sha256: "0".repeat(64) });
}

describe("a numbered paragraph giving its title before a colon, then its report", () => {
  it("keeps the title to the words before the colon and reads the sentences after it", async () => {
    const r = await record(
      "## Item 2: Action plan\n\n" +
        "4. Commitment 7 – Citizen budgets: Ms Léa Martin said the citizen budget was published in May. The commitment is complete.\n" +
        "5. Commitment 9 – Open land data: the work has not started, as the survey is still awaited.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.reportedBy])).toEqual([
      ["7", "Citizen budgets", "completed", ["Léa Martin"]],
      ["9", "Open land data", "not_started", []],
    ]);
  });

  it("leaves a colon inside a title alone when no sentence follows it", async () => {
    const r = await record("**Commitment 2 – Open data: budgets and procurement**\n\nStatus: Completed\n");
    expect(r.commitments.map((c) => [c.number, c.title, c.status])).toEqual([["2", "Open data: budgets and procurement", "completed"]]);
  });

  it("still reads a status in brackets before the colon", async () => {
    const r = await record("- Commitment 4 – Whistleblower portal (completed): the portal was launched in March by the ministry.\n");
    expect(r.commitments.map((c) => [c.number, c.title, c.status])).toEqual([["4", "Whistleblower portal", "completed"]]);
  });
});

describe("a rate told with a status in prose", () => {
  it("is the percent two words after the status, punctuation apart", () => {
    expect(statedRate(foldWithMap("The register is on track, with around 50% of the work done."))).toBe(50);
    expect(statedRate(foldWithMap("Le projet est en cours, soit 40 % des communes."))).toBe(40);
    expect(statedRate(foldWithMap("The portal is on track; downloads rose by 35% this year."))).toBeNull();
  });

  it("gives the prose status too when only a percent was given beside it", async () => {
    const r = await record("**Commitment 5: Land registry**\n\nThe extension is on track, with around 50% of the work done.\n");
    expect(r.commitments.map((c) => [c.status, c.progress])).toEqual([["in_progress", 50]]);
  });
});
