/**
 * The agenda: a list after its cue, continued by the numbered sections that carry on its
 * numbering when each item opens a section; or, with no agenda at all, the numbered
 * section headings; in English, French and Arabic.
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readMarkdown, readText } from "../src/ingest/text.js";

const encoder = new TextEncoder();
async function agendaOf(markdown: string): Promise<string[]> {
  return extractRecord(await readMarkdown(encoder.encode(markdown), "m.md"), { sha256: "0".repeat(64) }).meeting.agenda;
}
async function agendaOfText(text: string): Promise<string[]> {
  return extractRecord(await readText(encoder.encode(text), "m.txt"), { sha256: "0".repeat(64) }).meeting.agenda;
}

describe("the agenda", () => {
  it("continues a list cut short by the text of its first item", async () => {
    const text = [
      "Agenda & Topics",
      "",
      "1. Welcome and acknowledgements",
      "",
      "Apologies noted from the Ministry of Justice and the Treasury.",
      "",
      "2. Update on commitments",
      "",
      "Progress updates were provided.",
      "",
      "  • Commitment 1: Open Budget",
      "    • Update to be provided at the next meeting.",
      "",
      "3. Any other business",
    ].join("\n");
    expect(await agendaOfText(text)).toEqual(["Welcome and acknowledgements", "Update on commitments", "Any other business"]);
  });

  it("does not double a complete agenda by the sections that repeat it", async () => {
    const md = ["## Ordre du jour", "1. Introduction", "2. Tour de table", "", "## 1. Introduction", "Texte.", "## 2. Tour de table", "Texte.", "## 3. Divers", "Texte."].join("\n");
    expect(await agendaOf(md)).toEqual(["Introduction", "Tour de table"]);
  });

  it("reads numbered section headings as the agenda when there is no agenda, in every language", async () => {
    expect(await agendaOf("# Minutes\n\n## 1. Welcome\n\nText.\n\n## 2. Review of actions\n\nText.\n\n## 3. Any other business\n\nText.")).toEqual([
      "Welcome",
      "Review of actions",
      "Any other business",
    ]);
    expect(await agendaOf("# محضر\n\n## 1. افتتاح الجلسة\n\nنص.\n\n## 2. متابعة التعهدات\n\nنص.")).toEqual(["افتتاح الجلسة", "متابعة التعهدات"]);
    expect(await agendaOf("# Compte rendu\n\n**1. Ouverture**\n\nTexte.\n\n**2. Suivi des engagements**\n\nTexte.")).toEqual(["Ouverture", "Suivi des engagements"]);
  });

  it("reads plain text's numbered section lines as the agenda, and a numbered list as none", async () => {
    const text = ["Forum minutes", "", "1. Minutes of the last meeting", "The minutes were approved.", "", "2. Actions arising", "- RL to circulate the list.", "- TH to draft the note.", "", "3. Date of next meeting", "To be set."].join("\n");
    expect(await agendaOfText(text)).toEqual(["Minutes of the last meeting", "Actions arising", "Date of next meeting"]);
    expect(await agendaOfText("Forum minutes\n\nThe forum agreed:\n\n1. To publish the report.\n2. To meet again in May.")).toEqual([]);
  });

  it("reads no agenda from section numbers with a gap or one section", async () => {
    expect(await agendaOf("## 1. Welcome\n\nText.\n\n## 2. Actions\n\nText.\n\n## 4. Website\n\nText.")).toEqual([]);
    expect(await agendaOf("## 1. Welcome\n\nText.")).toEqual([]);
  });
});

describe("the agenda in other committees' templates", () => {
  it("reads the rows of an agenda table, not its header row, even when a commitment layout claims the table", async () => {
    const markdown = [
      "**Agenda**",
      "",
      "| Item | Subject | Lead |",
      "| --- | --- | --- |",
      "| 1 | Opening, apologies and adoption of the agenda | Chair |",
      "| 2 | Matters arising from the minutes of 15 June 2023 | Secretariat |",
      "| 3 | Progress on the NAP4 commitments | Lead agencies |",
      "",
      "The Chair opened the meeting and welcomed the members of the committee.",
    ].join("\n");
    expect(await agendaOf(markdown)).toEqual(["Opening, apologies and adoption of the agenda", "Matters arising from the minutes of 15 June 2023", "Progress on the NAP4 commitments"]);
  });

  it("reads ordinal-word lines run into one paragraph, and Roman-numeral section titles", async () => {
    const arabic = "جدول الأعمال:\n\nأولاً: المصادقة على محضر الاجتماع السابق. ثانياً: متابعة تنفيذ التزامات خطة العمل. ثالثاً: التحضير لمؤتمر الحكومة المنفتحة.\n\nصادقت اللجنة على المحضر.";
    expect(await agendaOf(arabic)).toHaveLength(3);
    const sections = ["**I. ADOPTION DU COMPTE RENDU**", "Le compte rendu a été adopté.", "**II. ÉTAT DE MISE EN ŒUVRE**", "Le secrétariat a présenté le bilan.", "**III. DIVERS**", "Aucun point."].join("\n\n");
    expect(await agendaOf(sections)).toEqual(["ADOPTION DU COMPTE RENDU", "ÉTAT DE MISE EN ŒUVRE", "DIVERS"]);
  });

  it("takes escaped section numbers of repository Markdown as the agenda, and no agenda from a sentence naming the word", async () => {
    const markdown = ["1\\. Welcome", "", "AG welcomed those present. The proposed agenda was agreed.", "", "2\\. Minutes of the previous meeting", "", "These were agreed.", "", "3\\. AOB", "", "No business."].join("\n");
    expect(await agendaOf(markdown)).toEqual(["Welcome", "Minutes of the previous meeting", "AOB"]);
    // Numbers with a gap are no agenda.
    expect(await agendaOf(["1\\. Welcome", "", "Text.", "", "3\\. AOB", "", "No business."].join("\n"))).toEqual([]);
  });
});
