/**
 * Layouts beyond the corpus, each on a document made for it (fixtures/extract/, the
 * .docx files made by LibreOffice from the .html next to them), and the numbering and
 * status vocabulary of each lexicon.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { matchCommitmentHeading } from "../src/extract/item-numbers.js";
import { detectLanguage, extractRecord } from "../src/extract/index.js";
import { LEXICONS } from "../src/extract/lexicon/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { bestStatus } from "../src/extract/text-helpers.js";
import { readDocument } from "../src/ingest/index.js";
import type { MeetingRecord } from "../src/model/meeting.js";
import { STATUSES } from "../src/model/meeting.js";

async function extract(path: string, date?: string): Promise<MeetingRecord> {
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await readDocument(path, bytes);
  return extractRecord(doc, { sha256: createHash("sha256").update(bytes).digest("hex"), date });
}

const summary = (r: MeetingRecord) => r.commitments.map((c) => [c.number, c.status, c.progress, c.title]);

describe("commitments as a numbered Word list (numbers not in the text)", async () => {
  const record = await extract("fixtures/extract/numbered-list-fr.docx");

  it("numbers the items as Word shows them and reads status and percent after the title", () => {
    expect(summary(record)).toEqual([
      ["1", "completed", 100, "Publier les contrats de la commande publique en données ouvertes"],
      ["2", "partially_completed", 60, "Créer un registre des bénéficiaires effectifs"],
      ["3", "not_started", 0, "Adopter la loi sur la protection des lanceurs d'alerte"],
    ]);
  });

  it("takes the sub-items as the commitment's activities, with their tense", () => {
    expect(record.commitments[0].activities.map((a) => a.state)).toEqual(["done", "planned"]);
  });

  it("does not take the numbered agenda for commitments, and reads the meeting", () => {
    expect(record.meeting.agenda).toHaveLength(2);
    expect(record.meeting).toMatchObject({ date: "2023-11-07", dateSource: "text", language: "fr", chair: "Karim Ben Salah" });
    expect(record.meeting.actionPlan).toMatchObject({ key: "nap2-2022-2024", ordinal: 2 });
    expect(record.decisions).toEqual([expect.objectContaining({ date: "2024-01-15" })]);
  });
});

describe("a numbered Word list whose label lines stand under each item (Arabic, standard month names)", async () => {
  const record = await extract("fixtures/extract/numbered-list-labels-ar.docx");

  it("continues Word's numbering across the unnumbered paragraphs and reads the labels under each item", () => {
    expect(summary(record)).toEqual([
      ["1", "in_progress", 80, "إطلاق بوابة البيانات المفتوحة"],
      ["2", "completed", 100, "نشر تقارير ديوان المحاسبة"],
      ["3", "not_started", null, "إشراك الشباب في الموازنة المحلية"],
    ]);
    expect(record.commitments[0].reportedBy).toEqual(["ليلى الزعبي"]);
  });

  it("reads the meeting and keeps the agenda apart", () => {
    expect(record.meeting).toMatchObject({ date: "2024-01-15", chair: "يوسف العمري", language: "ar" });
    expect(record.meeting.agenda).toHaveLength(2);
    expect(record.meeting.actionPlan).toMatchObject({ key: "nap3-2023-2025" });
    expect(record.events).toEqual([expect.objectContaining({ date: "2024-02-20", place: "إربد" })]);
  });
});

describe("a table with a status column (Arabic, Levantine months, 'الالتزام رقم (3)')", async () => {
  const record = await extract("fixtures/extract/status-column-ar-levant.docx");

  it("finds the columns by their header words and reads each percent form", () => {
    expect(summary(record)).toEqual([
      ["3", "completed", 100, "نشر بيانات الموازنة العامة"],
      ["4", "in_progress", 75, "إنشاء سجل المستفيدين الحقيقيين"],
      ["7", "not_started", null, "إعداد قانون حماية المبلغين"],
    ]);
    expect(record.commitments.map((c) => c.statusLabel)).toEqual(["مكتمل", "قيد التنفيذ", "لم ينطلق"]);
    expect(record.commitments[0].reportedBy).toEqual(["رامي خوري"]);
  });

  it("dates the meeting from the text, not from the signature, with Levantine month names", () => {
    expect(record.meeting).toMatchObject({ date: "2024-01-03", dateSource: "text", language: "ar", chair: "سلمى حداد" });
    expect(record.decisions).toEqual([expect.objectContaining({ date: "2024-05-07" })]);
  });
});

describe("English minutes with the IRM completion scale", async () => {
  const record = await extract("fixtures/extract/irm-en.md");

  it("maps Complete, Substantial, Limited and Not started and keeps the words", () => {
    expect(record.commitments.map((c) => [c.number, c.status, c.statusLabel, c.progress])).toEqual([
      ["5", "partially_completed", "Substantial", 75],
      ["6", "in_progress", "Limited", null],
      ["7", "completed", "Complete", 100],
      ["8", "not_started", "Not started", null],
    ]);
  });

  it("keeps a figure inside the prose out of progress, and reads reporters, activities and events", () => {
    expect(record.commitments[1].notes.join(" ")).toContain("40%");
    expect(record.commitments[0].reportedBy).toEqual(["Kwame Mensah"]);
    expect(record.commitments[0].activities.map((a) => a.state)).toEqual(["done", "planned"]);
    expect(record.events).toEqual([expect.objectContaining({ date: "2024-04-22", place: "Kumasi" })]);
  });

  it("reads the meeting", () => {
    expect(record.meeting).toMatchObject({ date: "2024-03-14", language: "en", chair: "Abena Owusu", attendees: ["Abena Owusu", "Kwame Mensah", "Efua Asante"] });
    expect(record.meeting.actionPlan).toMatchObject({ key: "nap5-2023-2025" });
  });
});

describe("the PDF LibreOffice exports from each made document", () => {
  for (const name of ["numbered-list-fr", "numbered-list-labels-ar", "status-column-ar-levant"]) {
    it(`${name}: gives the same commitments, date and decisions as the .docx`, async () => {
      const [docx, pdf] = await Promise.all([extract(`fixtures/extract/${name}.docx`), extract(`fixtures/extract/${name}.pdf`)]);
      const key = (r: MeetingRecord) => ({
        commitments: r.commitments.map((c) => [c.number, c.status, c.progress, c.title, c.statusLabel, c.reportedBy, c.activities.length]),
        date: r.meeting.date,
        decisions: r.decisions.map((d) => d.date),
      });
      expect(docx.commitments.length).toBeGreaterThan(0);
      expect(key(pdf)).toEqual(key(docx));
    });
  }
});

describe("meeting date fallbacks", () => {
  it("falls back to the file name, then to --date", async () => {
    const fromName = await extract("fixtures/ogp-tunisia/2023-03-committee-minutes.txt");
    expect(fromName.meeting).toMatchObject({ date: "2023-03", dateSource: "filename" });
    const doc = await readDocument("minutes.md", new TextEncoder().encode("# Minutes\n\nCommitment 1: Open data\n\nStatus: complete\n"));
    const fromOption = extractRecord(doc, { sha256: "0".repeat(64), date: "2024-02" });
    expect(fromOption.meeting).toMatchObject({ date: "2024-02", dateSource: "option" });
    expect(fromOption.commitments).toEqual([expect.objectContaining({ number: "1", status: "completed" })]);
  });
});

describe("commitment numbering", () => {
  const cases: [string, string, string][] = [
    ["الالتزام رقم (3): نشر بيانات الموازنة", "3", "نشر بيانات الموازنة"],
    ["Engagement n° 4 : Consacrer la transparence financière", "4", "Consacrer la transparence financière"],
    ["Engagement n°1 : Compléter le cadre", "1", "Compléter le cadre"],
    ["Commitment 5: Open contracting", "5", "Open contracting"],
    ["Commitment No. 12 – Citizen budget", "12", "Citizen budget"],
    ["تعهد عدد 10: تفعيل دور الشباب", "10", "تفعيل دور الشباب"],
    ["تعهدعدد 3: تعزيز النزاهة", "3", "تعزيز النزاهة"],
    ["تعهد عدد11 :تكريس مبادئ", "11", "تكريس مبادئ"],
    ["التعهد الثالث: تعزيز النزاهة", "3", "تعزيز النزاهة"],
    ["الالتزام الثاني عشر - الشفافية المالية المحلية", "12", "الشفافية المالية المحلية"],
  ];
  for (const [text, number, title] of cases) {
    it(text, () => {
      expect(matchCommitmentHeading(foldWithMap(text))).toMatchObject({ number, title });
    });
  }
  it("takes no percent or plain sentence for a number", () => {
    expect(matchCommitmentHeading(foldWithMap("Commitment 50 % done"))).toBeNull();
    expect(matchCommitmentHeading(foldWithMap("بخصوص التعهد عدد 7، وبعد النقاش"))).toBeNull();
  });
});

describe("lexicons", () => {
  it("map status phrases of every language, longest phrase first", () => {
    const status = (s: string) => bestStatus(foldWithMap(s))?.status;
    expect(status("partiellement réalisé (90 %)")).toBe("partially_completed");
    expect(status("non réalisé")).toBe("not_completed");
    expect(status("réalisé")).toBe("completed");
    expect(status("التعهدات المنجزة بصفة كلية(100℅)")).toBe("completed");
    expect(status("التعهدات غير المنجزة")).toBe("not_completed");
    expect(status("التعهدات المنجزة بصفة جزئية")).toBe("partially_completed");
    expect(status("بصدد الإنجاز مع تسجيل تأخير")).toBe("in_progress");
    expect(status("Not started")).toBe("not_started");
  });

  it("give each language statuses within the record's scale, and months 1-12", () => {
    for (const lexicon of LEXICONS) {
      for (const s of lexicon.statuses) expect(STATUSES).toContain(s.status);
      expect(new Set(Object.values(lexicon.months))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    }
  });

  it("detect the language from the text", () => {
    expect(detectLanguage("انعقد يوم الخميس اجتماع اللجنة")).toBe("ar");
    expect(detectLanguage("Le comité s'est réuni pour le bilan des engagements et de la stratégie")).toBe("fr");
    expect(detectLanguage("The committee met to review the progress of the commitments")).toBe("en");
  });
});
