/**
 * Decisions: sentences with a decision phrase, and the items of decision, resolution,
 * recommendation and follow-up sections, with their owner, due date and commitment when
 * the text gives them; in English, French and Arabic.
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readMarkdown, readText } from "../src/ingest/text.js";
import type { Decision } from "../src/model/meeting.js";

async function decisionsOf(markdown: string): Promise<Decision[]> {
  const doc = await readMarkdown(new TextEncoder().encode(markdown), "minutes.md");
  return extractRecord(doc, { sha256: "0".repeat(64) }).decisions;
}
const texts = (ds: Decision[]) => ds.map((d) => d.text);

describe("decision sections", () => {
  it("takes each top-level item of a follow-up section, not its sub-items nor the next section", async () => {
    const ds = await decisionsOf(
      [
        "## 7. Tour de table",
        "* Github a présenté les tâches de travail.",
        "## 8. Mesures de suivi",
        "* Participer et examiner le programme du Sommet.",
        "  * Comment pouvons-nous inclure le secteur privé?",
        "* Fournir une rétroaction sur la feuille de route.",
        "## 9. Divers",
        "* Prochaine réunion en janvier.",
      ].join("\n"),
    );
    expect(texts(ds)).toEqual(["Participer et examiner le programme du Sommet.", "Fournir une rétroaction sur la feuille de route."]);
  });

  it("reads English and Arabic section titles, bold or as labels, and numbered resolutions", async () => {
    expect(texts(await decisionsOf("**Action items**\n\n1. Circulate the revised terms of reference.\n2. Invite the new members.\n\n**Any other business**\n\nNone."))).toEqual([
      "Circulate the revised terms of reference.",
      "Invite the new members.",
    ]);
    expect(texts(await decisionsOf("Resolutions:\n\n1. The committee adopts the annual report.\n\n2. The budget is approved."))).toEqual([
      "The committee adopts the annual report.",
      "The budget is approved.",
    ]);
    expect(texts(await decisionsOf("## التوصيات\n\n- موافاة اللجنة بالتقارير الدورية.\n- تنظيم ورشة حول النفاذ إلى المعلومة.\n\n## مختلفات\n\nلا شيء."))).toEqual([
      "موافاة اللجنة بالتقارير الدورية.",
      "تنظيم ورشة حول النفاذ إلى المعلومة.",
    ]);
    expect(texts(await decisionsOf("### Relevé de décisions\n\n- Valider le calendrier des ateliers."))).toEqual(["Valider le calendrier des ateliers."]);
  });

  it("takes no section that reviews commitments, and no unnumbered paragraph such as a signature", async () => {
    expect(await decisionsOf("## 1. Suivi des engagements\n\n1. Publier les contrats — réalisé (100 %)\n2. Créer un registre — en cours")).toEqual([]);
    expect(texts(await decisionsOf("## Decisions\n\nIt was agreed that the Secretariat convene the agencies in January 2025.\n\nPrepared by Paolo Garcia, 18 November 2024."))).toEqual([
      "It was agreed that the Secretariat convene the agencies in January 2025.",
    ]);
    expect(texts(await decisionsOf("## Décisions\n\n1\\. Le comité adopte le rapport annuel.\n\n2\\. Le budget est approuvé.\n\nFait à Tunis, le 10 novembre 2023"))).toEqual([
      "Le comité adopte le rapport annuel.",
      "Le budget est approuvé.",
    ]);
  });

  it("does not take an agenda item or a long paragraph that names a section for its title", async () => {
    expect(await decisionsOf("Agenda:\n\n1. Welcome\n2. Decisions\n3. Any other business")).toEqual([]);
    expect(await decisionsOf("The decisions of the previous meeting were reviewed at length by the members present today.\n\n- A point.")).toEqual([]);
  });

  it("reads a section title numbered by a word, as Arabic and French minutes number their parts", async () => {
    const ar = await decisionsOf(
      ["ثانياً: استعرضت اللجنة سير التنفيذ.", "", "ثالثاً: القرارات:", "", "1. مخاطبة ديوان التشريع بخصوص الالتزام رقم 4.", "2. عقد ورشة عمل في مدينة إربد بتاريخ 10/5/2023.", "", "ورُفع الاجتماع."].join("\n"),
    );
    expect(ar.map((d) => [d.text, d.commitment, d.date])).toEqual([
      ["مخاطبة ديوان التشريع بخصوص الالتزام رقم 4.", "4", null],
      ["عقد ورشة عمل في مدينة إربد بتاريخ 10/5/2023.", null, "2023-05-10"],
    ]);
    expect(texts(await decisionsOf("Troisièmement : décisions :\n\n- Relancer le ministère.\n- Publier le rapport."))).toEqual(["Relancer le ministère.", "Publier le rapport."]);
  });
});

describe("decision sections in plain text", () => {
  it("ends a section titled by a numbered line at the next numbered line", async () => {
    const text = ["Forum minutes", "", "3. Actions arising", "- RL to circulate the refreshed dataset list by 31 March 2023.", "- TH to draft the consultation note.", "", "4. Date of next meeting", "- To be confirmed."].join("\n");
    const doc = await readText(new TextEncoder().encode(text), "m.txt");
    expect(texts(extractRecord(doc, { sha256: "0".repeat(64) }).decisions)).toEqual(["RL to circulate the refreshed dataset list by 31 March 2023.", "TH to draft the consultation note."]);
  });
});

describe("numbered decisions", () => {
  it("reads a decision numbered by its noun anywhere, in English, French and Arabic", async () => {
    expect(texts(await decisionsOf("Resolution 3: The committee adopts the mid-term report."))).toEqual(["The committee adopts the mid-term report."]);
    expect(texts(await decisionsOf("Décision n° 2 : le calendrier des ateliers est validé."))).toEqual(["le calendrier des ateliers est validé."]);
    expect(texts(await decisionsOf("القرار عدد 3: اعتماد التقرير نصف المرحلي."))).toEqual(["اعتماد التقرير نصف المرحلي."]);
    expect(await decisionsOf("The decision 3 of the previous meeting was discussed at length by all the members.")).toEqual([]);
  });
});

describe("a decision's owner, due date and commitment", () => {
  it("reads an owner label and a due date in English, French and Arabic", async () => {
    const [en] = await decisionsOf("## Action items\n\n- Publish the commitment 4 progress report (Owner: Ministry of Finance) by 30 June 2023.");
    expect([en.owner, en.due, en.commitment]).toEqual(["Ministry of Finance", "2023-06-30", "4"]);
    const [fr] = await decisionsOf("## Mesures de suivi\n\n- Transmettre les fiches d'avancement avant le 15 mars 2024 ; responsable : Mme Sonia Haddad.");
    expect([fr.owner, fr.due]).toEqual(["Mme Sonia Haddad", "2024-03-15"]);
    const [ar] = await decisionsOf("## القرارات\n\n- إعداد التقرير النهائي في أجل أقصاه 15 جويلية 2022 (المسؤول: وحدة الإدارة الإلكترونية).");
    expect([ar.owner, ar.due]).toEqual(["وحدة الإدارة الإلكترونية", "2022-07-15"]);
  });

  it("reads the owner a resolution names by its frame, in English, French and Arabic", async () => {
    const en = await decisionsOf(
      "## Resolutions\n\n1. The Federal Ministry of Justice to present the asset recovery regulations by 31st March, 2024.\n2. The Secretariat to circulate the draft programme to members.",
    );
    expect(en.map((d) => d.owner)).toEqual(["Federal Ministry of Justice", "Secretariat"]);
    const fr = await decisionsOf("## Recommandations\n\n- Charger la DGB de mobiliser le financement avant le 31 janvier 2024.\n- Le Secrétariat est chargé de transmettre le compte rendu.");
    expect(fr.map((d) => d.owner)).toEqual(["DGB", "Secrétariat"]);
    const ar = await decisionsOf("## التوصيات\n\n- تكليف وزارة الانتقال الرقمي بإعداد دفتر التحملات قبل 31 دجنبر 2023.\n- دعوة الهيئة الوطنية للنزاهة إلى نشر تقريرها.");
    expect(ar.map((d) => d.owner)).toEqual(["وزارة الانتقال الرقمي", "الهيئة الوطنية للنزاهة"]);
  });

  it("takes no owner from a sentence whose subject is no name ('Members agreed to meet', 'It was resolved to')", async () => {
    const ds = await decisionsOf("## Resolutions\n\n1. Members agreed to meet again in May.\n2. It was resolved to adopt the report.");
    expect(ds.map((d) => d.owner)).toEqual([undefined, undefined]);
  });

  it("leaves owner and due out when the text gives none", async () => {
    const [d] = await decisionsOf("It was agreed that the next meeting should be face-to-face.");
    expect(d.owner).toBeUndefined();
    expect(d.due).toBeUndefined();
  });
});

describe("decisions in other committees' templates", () => {
  const facts = (ds: Decision[]) => ds.map((d) => [d.commitment, d.date]);

  it("names the item a decision concerns by an ordinal word, in French and Arabic", async () => {
    expect(facts(await decisionsOf("## Mesures de suivi\n\n- Le ministère du Budget soumettra une demande de financement (troisième engagement).\n"))).toEqual([["3", null]]);
    expect(facts(await decisionsOf("## التوصيات\n\n- مخاطبة هيئة النزاهة ومكافحة الفساد لتحديد موعد إقرار النظام (الالتزام الرابع).\n"))).toEqual([["4", null]]);
  });

  it("reads no day in the number of the item it names", async () => {
    expect(facts(await decisionsOf("## القرارات\n\n1. تمديد موعد الإجراء رقم 4 حتى 15 نيسان 2023.\n"))).toEqual([["4", "2023-04-15"]]);
    expect(facts(await decisionsOf("## Decisions\n\n- Extend action 3 to 20 May 2023.\n"))).toEqual([["3", "2023-05-20"]]);
  });

  it("takes the items of a singular 'Action Item' section and abbreviated months without a full stop", async () => {
    expect(texts(await decisionsOf("## 7. Action Item\n\n* Share the Guidance on Secure development\n* Prioritize Internal DVCS\n"))).toEqual([
      "Share the Guidance on Secure development",
      "Prioritize Internal DVCS",
    ]);
    expect(facts(await decisionsOf("## Action points\n\n- The Secretariat will circulate the draft by 15 Mar 2024.\n"))).toEqual([[null, "2024-03-15"]]);
  });
});
