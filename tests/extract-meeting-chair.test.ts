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

describe("the chair in other committees' templates", () => {
  it("takes a proper name without a courtesy title after a chair phrase, not lower-case words", async () => {
    expect(await chairOf(`Le conseil s'est réuni sous la présidence de René CLINCHARD, Maire.\n\n${frenchBody}`)).toBe("René CLINCHARD");
    expect(await chairOf(`The meeting was chaired by the deputy of policy.\n\n${englishBody}`)).toBeNull();
  });

  it("names the person an attendance item opens with, and keeps the title of a surname alone", async () => {
    expect(await chairOf(`Attendance\n\n- Steve Fisher (SF), STFC\n- Andy Gotz (AG), ESRF (Chair)\n- Milan Prica (MP), ELETTRA\n\n${englishBody}`)).toBe("Andy Gotz");
    expect(await chairOf(`Attendees\n\n- Mr Adam, Minister for Parliamentary Business (chair)\n- Lucy McTernan, Chair of Civil Society Network\n\n${englishBody}`)).toBe("Mr Adam");
    expect(await chairOf(`Present: Cllr Margaret Hughes (in the chair), Cllr David Osei, Ms Priya Raman (Head of Digital Services)\n\n${englishBody}`)).toBe("Margaret Hughes");
  });

  it("reads the chair from a key/value table, or from its row joined into one line", async () => {
    const table = "| Meeting | 11th meeting of the steering committee |\n| --- | --- |\n| Chair | Hon. Abena Osei-Asare, Deputy Minister of Finance |\n| Secretary | Mr Emmanuel Tetteh |";
    expect(await chairOf(`${table}\n\n${englishBody}`)).toBe("Abena Osei-Asare");
    expect(await chairOf(`Venue Conference Room 2, Accra\n\nChair Hon. Abena Osei-Asare, Deputy Minister of Finance\n\n${englishBody}`)).toBe("Abena Osei-Asare");
    const arabic = "| التاريخ | الثلاثاء 14 أيار 2024 |\n| --- | --- |\n| رئيس الجلسة | الدكتورة نادين الحسيني، رئيسة اللجنة التوجيهية |";
    expect(await chairOf(`${arabic}\n\nتم استعراض التقدم في تنفيذ الالتزامات.`)).toBe("نادين الحسيني");
    expect(await chairOf("المكان قاعة الاجتماعات، بيروت رئيس الجلسة الدكتورة نادين الحسيني، رئيسة اللجنة\n\nتم استعراض التقدم في تنفيذ الالتزامات.")).toBe("نادين الحسيني");
    // A label with no courtesy title after it is no chair line: "the Chair thanked members".
    expect(await chairOf(`The Chair thanked the members for their work.\n\n${englishBody}`)).toBeNull();
  });

  it("reads the person given the chair's capacity ('X, as Lead Government Chair, welcomed')", async () => {
    expect(await chairOf(`Minister Kuntoro Mangkusubroto of Indonesia, as Lead Government Chair of the Open Government Partnership, welcomed participants.\n\n${englishBody}`)).toContain(
      "Kuntoro Mangkusubroto",
    );
    expect(await chairOf(`The minutes, as the chair noted, were approved.\n\n${englishBody}`)).toBeNull();
  });

  it("reads a subject before a long role in apposition, and an Arabic relative clause", async () => {
    expect(
      await chairOf(
        `M. Ahmed LAAMOUMRI, Secrétaire Général du Ministère de la Transition Numérique et de la Réforme de l'Administration, a présidé le mercredi 17 novembre 2021 une réunion du comité.\n\n${frenchBody}`,
      ),
    ).toBe("Ahmed LAAMOUMRI");
    expect(await chairOf("عقد اجتماع للفريق الوطني، واستعرض الاجتماع الذي ترأسه أمين عام الوزارة مروان الرفاعي، التقدم في سير العمل.")).toContain("مروان الرفاعي");
  });
});
