/**
 * Reporters named in a discussion, with a courtesy title and a role in apposition, in
 * French, English and Arabic; the document's language decides which function words end
 * a name.
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { readMarkdown } from "../src/ingest/text.js";
import { reportersIn } from "../src/extract/people.js";

const reporters = (s: string, language: "ar" | "fr" | "en" | null = null) => reportersIn(foldWithMap(s), language);

describe("reporters with a role in apposition", () => {
  it("takes the name before a role set off by commas", () => {
    expect(reporters("En réponse, M. Yassine Gharbi, directeur à la Cour des comptes, a précisé que le rapport est prêt.")).toEqual(["Yassine Gharbi"]);
    expect(reporters("Mme Sonia Haddad, représentante du ministère des Finances, a indiqué que la plateforme est en ligne.")).toEqual(["Sonia Haddad"]);
    expect(reporters("Ms Zainab Koroma, Director of Budget, explained that the budget was published.")).toEqual(["Zainab Koroma"]);
  });

  it("ends a titled name at the first lower-case word of its role", () => {
    expect(reporters("Ms Zainab Koroma from the Ministry of Finance explained that the budget was published.")).toEqual(["Zainab Koroma"]);
    expect(reporters("Mr Ali Ben Salah of the Audit Office reported that the audit is under way.")).toEqual(["Ali Ben Salah"]);
  });

  it("reads the Arabic name after the verb, up to the role after the comma", () => {
    expect(reporters("وأوضح السيد محمد العربي، مدير عام بوزارة المالية، أن التقرير جاهز.")).toEqual(["محمد العربي"]);
    expect(reporters("وأفادت الدكتورة سلمى الزين، ممثلة هيئة النفاذ إلى المعلومة، بأن الموقع جاهز.")).toEqual(["سلمى الزين"]);
  });

  it("takes no clause in apposition that is not a role, and keeps bodies named without a title", () => {
    expect(reporters("Le rapport, publié en mars, a précisé que les délais sont tenus.")).toEqual([]);
    expect(reporters("Le représentant du ministère des finances a indiqué que le budget est publié.")).toEqual(["représentant du ministère des finances"]);
  });

  it("takes no subject of a passive reporting verb", () => {
    expect(reporters("The amendment to the Companies Act has not yet been presented to Parliament.", "en")).toEqual([]);
    expect(reporters("Members were informed that the Open Government Week would be held in May.", "en")).toEqual([]);
    expect(reporters("Mr. Kofi Annor explained that the pilot was completed.", "en")).toEqual(["Kofi Annor"]);
  });

  it("ends a titled name at its first lower-case word, however long the role after it", () => {
    expect(reporters("Commitment 2.1: Mr. Joseph Flomo from the Ministry of Finance and Development Planning explained that the budget is drafted.", "en")).toEqual(["Joseph Flomo"]);
    expect(reporters("The representative of the Ministry of Finance explained that the budget is drafted.", "en")).toEqual(["representative of the Ministry of Finance"]);
  });

  it("applies the function words of the text's language, else of the document's", () => {
    // "de" ends no English name; in French it is a particle inside one.
    expect(reporters("Dr. Maria De Souza reported that the portal is live.")).toEqual(["Maria De Souza"]);
    expect(reporters("Dr. Maria De Souza reported.", "en")).toEqual(["Maria De Souza"]);
    expect(reporters("M. Karim de la Rosa a indiqué que le portail est en ligne.", "fr")).toEqual(["Karim de la Rosa"]);
  });
});

describe("reporters in other committees' minutes", () => {
  it("takes any role between commas after a titled name, and no apposition after an untitled subject", () => {
    expect(reporters("M. Karim Belkacem, chef de projet à la DINUM, a précisé que la mesure 1.1 est achevée.")).toEqual(["Karim Belkacem"]);
    expect(reporters("Pour sa part, M. Boukary Zongo, chef du service juridique de l’ARCOP, a précisé que les rapports seraient publiés.")).toEqual(["Boukary Zongo"]);
    expect(reporters("Mr Kwame Boateng, Deputy Registrar at the Registrar-General’s Department, reported that 41,000 companies had filed.")).toEqual(["Kwame Boateng"]);
    // Without a courtesy title before it, a clause between commas is no role: nobody is named.
    expect(reporters("Le comité, après une longue discussion, a indiqué que le calendrier est tenu.")).toEqual([]);
  });

  it("reads the body an Arabic 'as reported by' phrase names", () => {
    expect(reporters("بانتظار إقرار التعديلات التشريعية، وفق ما أفاد به مندوب هيئة النزاهة ومكافحة الفساد.")).toEqual(["مندوب هيئة النزاهة ومكافحة الفساد"]);
  });
});

describe("reporters of a commitment discussed after the table", () => {
  it("takes the speaker who tells work begun on a commitment ('باشر') as its reporter", async () => {
    const table = [
      "| الرقم | الالتزام | الجهة المسؤولة | نسبة الإنجاز | الحالة |",
      "| --- | --- | --- | --- | --- |",
      "| 1 | تطوير منصة الشكاوى الحكومية الموحدة | وزارة الاقتصاد الرقمي | 90% | قيد التنفيذ |",
      "| 2 | نشر بيانات الموازنة بصيغة مفتوحة | وزارة المالية | 100% | منجز |",
    ].join("\n");
    const text = `# محضر الاجتماع\n\n${table}\n\nوأفاد الدكتور خالد المومني بأن ديوان المحاسبة باشر مراجعة بيانات الالتزام رقم 2 المنشورة.\n`;
    const doc = await readMarkdown(new TextEncoder().encode(text), "minutes.md");
    const byNumber = Object.fromEntries(extractRecord(doc, { sha256: "0".repeat(64) }).commitments.map((c) => [c.number, c.reportedBy]));
    expect(byNumber).toEqual({ "1": [], "2": ["خالد المومني"] });
  });
});
