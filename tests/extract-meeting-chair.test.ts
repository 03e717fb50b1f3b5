/**
 * The chair, however minutes name them: after a chair phrase or label, as the subject of
 * a chair verb, or marked in the attendance list; with titles and initials. Function
 * words apply to their own language only: French "de" and "a" do not end an English
 * name ("Dr. De Souza", "Ms A. Kamara").
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readMarkdown } from "../src/ingest/text.js";

async function chairOf(markdown: string): Promise<string | null> {
  const doc = await readMarkdown(new TextEncoder().encode(markdown), "minutes.md");
  return extractRecord(doc, { sha256: "0".repeat(64) }).meeting.chair;
}

const englishBody = "The committee reviewed the progress of the action plan and the commitments of the ministries.";
const frenchBody = "Le comité a examiné l'état d'avancement des engagements du plan d'action et la suite des travaux.";

describe("the chair", () => {
  it("keeps English names that hold a French function word", async () => {
    expect(await chairOf(`The meeting was chaired by Dr. De Souza.\n\n${englishBody}`)).toBe("De Souza");
    expect(await chairOf(`The meeting was chaired by Ms A. Kamara of the Ministry of Finance.\n\n${englishBody}`)).toBe("A. Kamara");
    expect(await chairOf(`Chairperson: Ms A. Kamara\n\n${englishBody}`)).toBe("A. Kamara");
  });

  it("still ends a French name at a French function word", async () => {
    expect(await chairOf(`La réunion s'est tenue sous la présidence de M. Karim Ben Salah de la Présidence du gouvernement.\n\n${frenchBody}`)).toBe(
      "Karim Ben Salah",
    );
  });

  it("reads the subject of a chair verb in English and French, not a passive subject", async () => {
    expect(await chairOf(`Dr. Amina De Souza chaired the meeting.\n\n${englishBody}`)).toBe("Amina De Souza");
    expect(await chairOf(`Mme Leila Trabelsi a présidé la séance.\n\n${frenchBody}`)).toBe("Leila Trabelsi");
    expect(await chairOf(`At ten o'clock Peter Mwangi chaired the session.\n\n${englishBody}`)).toBe("Peter Mwangi");
    expect(await chairOf(`The meeting was chaired.\n\n${englishBody}`)).toBeNull();
  });

  it("reads Arabic chair verbs and titles", async () => {
    expect(await chairOf("ترأست الدكتورة سلمى الزين الاجتماع بمقر الوزارة.\n\nتم استعراض التقدم في تنفيذ التعهدات.")).toBe("سلمى الزين");
    expect(await chairOf("ترأس السيد منير العلوي الجلسة.\n\nتم استعراض التقدم في تنفيذ التعهدات.")).toBe("منير العلوي");
  });

  it("reads titles in each language: Pr., Prof, Hon., المهندسة", async () => {
    expect(await chairOf(`La séance était présidée par Pr. Hédi Mansour.\n\n${frenchBody}`)).toBe("Hédi Mansour");
    expect(await chairOf(`Chaired by Prof Grace Mutua.\n\n${englishBody}`)).toBe("Grace Mutua");
    expect(await chairOf(`Chairperson: Hon. Peter Obi\n\n${englishBody}`)).toBe("Peter Obi");
    expect(await chairOf("ترأست المهندسة ليلى حداد الاجتماع.\n\nتم استعراض التقدم في تنفيذ التعهدات.")).toBe("ليلى حداد");
  });

  it("reads a chair label in each language", async () => {
    expect(await chairOf(`Présidente : Mme Sonia Haddad\n\n${frenchBody}`)).toBe("Sonia Haddad");
    expect(await chairOf(`Chairman: Mr. John Otieno\n\n${englishBody}`)).toBe("John Otieno");
    expect(await chairOf("الرئيسة: السيدة سلمى الزين\n\nتم استعراض التقدم في تنفيذ التعهدات.")).toBe("سلمى الزين");
  });

  it("reads the chair marked in the attendance list, in parentheses or after a comma", async () => {
    expect(await chairOf(`Present:\n\n- Dr. John Otieno, Chair\n- Ms Mary Wanjiku, Treasury\n\n${englishBody}`)).toBe("John Otieno");
    expect(await chairOf(`Étaient présents :\n\n- Mme Sonia Haddad (présidente)\n- M. Ali Rekik\n\n${frenchBody}`)).toBe("Sonia Haddad");
    expect(await chairOf(`Present:\n\n- Ms Mary Wanjiku, Chair of the Audit Committee\n\n${englishBody}`)).toBeNull();
    expect(await chairOf(`## Attendance\n\n- Dr. Amina De Souza – Chairperson, Office of the Deputy President\n- Ms A. Kamara, Ministry of Finance\n\n${englishBody}`)).toBe(
      "Amina De Souza",
    );
  });

  it("reads the attendees' names without their bodies, roles or initials", async () => {
    const doc = await readMarkdown(
      new TextEncoder().encode(`## Attendance\n\n- Dr. Amina De Souza – Chairperson\n- Steve Fisher (SF), STFC\n- Mme Fatou Ndiaye (rapporteure)\n- Jean-Pierre Diallo, Cour des comptes\n\n${englishBody}`),
      "minutes.md",
    );
    expect(extractRecord(doc, { sha256: "0".repeat(64) }).meeting.attendees).toEqual(["Amina De Souza", "Steve Fisher", "Fatou Ndiaye", "Jean-Pierre Diallo"]);
  });
});
