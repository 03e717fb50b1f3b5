/**
 * Rules for commitments in typed prose: a title in capitals standing alone in plain text, a part of
 * the minutes numbered in Roman numerals, a commitment named by its subject in a paragraph and its
 * progress told as a phase reached. Each test builds its document in code (plain text or Markdown)
 * and reads it with the real reader, on wordings no fixture contains.
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readParagraphStatus } from "../src/extract/layouts/item-paragraphs.js";
import { foldWithMap } from "../src/extract/match.js";
import { isCapitalTitle, readMarkdown, readText } from "../src/ingest/text.js";
import type { MeetingRecord } from "../src/model/meeting.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const fromText = async (text: string): Promise<MeetingRecord> => extractRecord(await readText(bytes(text), "minutes.txt"), { sha256: "0".repeat(64) });
const fromMarkdown = async (md: string): Promise<MeetingRecord> => extractRecord(await readMarkdown(bytes(md), "minutes.md"), { sha256: "0".repeat(64) });

describe("a line in capitals standing alone in plain text", () => {
  it("is a title, not when it only names bodies by initials, has no case, or is a sentence", () => {
    expect(isCapitalTitle("FOLLOW-UP ACTIONS")).toBe(true);
    expect(isCapitalTitle("IV. QUESTIONS DIVERSES")).toBe(true);
    expect(isCapitalTitle("PRÉSENTS")).toBe(true);
    expect(isCapitalTitle("OGP")).toBe(false);
    expect(isCapitalTitle("PNUD – UE – OGP")).toBe(false);
    expect(isCapitalTitle("جدول الأعمال")).toBe(false);
    expect(isCapitalTitle("محضر اجتماع OGP")).toBe(false);
    expect(isCapitalTitle("Follow-up actions")).toBe(false);
    expect(isCapitalTitle("RIEN À SIGNALER.")).toBe(false);
    expect(isCapitalTitle("THE MEETING WAS ADJOURNED AT NOON AFTER THE MEMBERS HAD AGREED ON THE NEXT DATE")).toBe(false);
  });
  it("is read as emphasized, as Word's bold is", async () => {
    const doc = await readText(bytes("STEERING GROUP OF THE OPEN DATA PROGRAMME\n\nDECISIONS\nThe chair thanked members.\n"), "minutes.txt");
    const kinds = doc.tree.children.map((c) => (c.type === "paragraph" ? c.children[0].type : c.type));
    expect(kinds).toEqual(["strong", "strong", "text"]);
  });
  it("opens the decisions it titles", async () => {
    const r = await fromText(
      "Minutes of the open data steering group, 12 June 2024\n\nThe group reviewed the data strategy.\n\nFOLLOW-UP ACTIONS\n- The Data Office to publish the revised licence by 30 June 2024.\n- The Treasury to nominate a data steward.\n",
    );
    expect(r.decisions.map((d) => d.text)).toEqual(["The Data Office to publish the revised licence by 30 June 2024.", "The Treasury to nominate a data steward."]);
  });
});

describe("a part of the minutes numbered in Roman numerals", () => {
  const minutes = (title: string) =>
    "Procès-verbal de la réunion du 3 mars 2022\n\nDeuxième engagement : Ouvrir les données des marchés publics\nM. Paul Diouf a indiqué que la plateforme est achevée.\n\n" +
    `${title}\n\nLa prochaine réunion se tiendra à Thiès le 12 mai 2022.\n`;
  it("ends the commitment above it, in capitals or not", async () => {
    for (const title of ["IV. QUESTIONS DIVERSES", "III - Préparation du forum"]) {
      const r = await fromText(minutes(title));
      expect(r.commitments).toHaveLength(1);
      expect(r.commitments[0].notes.join(" ")).not.toContain("prochaine réunion");
    }
  });
  it("is not a person's initial opening a sentence", async () => {
    const r = await fromMarkdown("**Commitment 2: Open budgets**\n\nThe portal is in progress.\n\nV. Mensah added that the portal will be launched in May.\n");
    expect(r.commitments[0].notes.join(" ")).toContain("V. Mensah added");
  });
});

describe("a commitment named by its subject in a paragraph", () => {
  it("is an unnumbered commitment with its status and reporter, in each language", async () => {
    const en = await fromMarkdown(
      "Minutes of 4 April 2023\n\nMs Grace Otieno presented the commitment on open contracting in county procurement. She said that the work had reached the piloting stage in two counties.\n",
    );
    expect(en.commitments.map((c) => [c.number, c.title, c.status])).toEqual([[null, "open contracting in county procurement", "in_progress"]]);
    expect(en.commitments[0].reportedBy).toContain("Grace Otieno");
    const fr = await fromMarkdown("Réunion du 4 avril 2023\n\nM. Ali Sassi a présenté l'engagement portant sur la publication des budgets municipaux. Il a précisé que ce travail est en cours.\n");
    expect(fr.commitments.map((c) => [c.number, c.title, c.status])).toEqual([[null, "la publication des budgets municipaux", "in_progress"]]);
    const ar = await fromMarkdown("اجتماع 4 أفريل 2023\n\nقدمت السيدة ليلى الهاشمي الالتزام المتعلق بنشر بيانات الميزانية المفتوحة، وأفادت أن العمل بلغ المرحلة الثانية.\n");
    expect(ar.commitments.map((c) => [c.number, c.status])).toEqual([[null, "in_progress"]]);
    expect(ar.commitments[0].title).toContain("بيانات الميزانية المفتوحة");
  });
  it("is named by its whole subject, a clause longer than a number's apposition", async () => {
    const r = await fromMarkdown(
      "Minutes of 4 April 2023\n\nMr Peter Kamau presented the commitment on publishing the contracts of all public works above the threshold set in the procurement law. It is behind schedule.\n",
    );
    expect(r.commitments.map((c) => c.title)).toEqual(["publishing the contracts of all public works above the threshold set in the procurement law"]);
  });
  it("opens one commitment a paragraph in a run of them", async () => {
    const r = await fromMarkdown(
      "Minutes of 4 April 2023\n\nMs Grace Otieno presented the commitment on open contracting in county procurement, which is behind schedule.\n\n" +
        "Mr Peter Kamau presented the commitment on beneficial ownership transparency, which has been completed.\n",
    );
    expect(r.commitments.map((c) => [c.title, c.status])).toEqual([
      ["open contracting in county procurement", "in_progress"],
      ["beneficial ownership transparency", "completed"],
    ]);
  });
  it("is no commitment when the paragraph says nothing of its progress, nor under a numbered commitment", async () => {
    expect((await fromMarkdown("The committee recalled the commitment on open contracting in county procurement.\n")).commitments).toEqual([]);
    const r = await fromMarkdown("**Commitment 3: Open contracting**\n\nMs Grace Otieno said that the commitment on open contracting in counties is in progress.\n");
    expect(r.commitments.map((c) => c.number)).toEqual(["3"]);
  });
});

describe("a phase the work reached", () => {
  it("is work under way, in each language", () => {
    const status = (text: string) => readParagraphStatus(foldWithMap(text), { start: 0, end: 0 }, "")?.status ?? null;
    expect(status("La mise en œuvre a atteint la troisième étape.")).toBe("in_progress");
    expect(status("The project has reached the final testing stage.")).toBe("in_progress");
    expect(status("وصل المشروع إلى المرحلة الأخيرة")).toBe("in_progress");
    expect(status("The project reached many citizens.")).toBe(null);
  });
});
