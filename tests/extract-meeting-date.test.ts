/**
 * The meeting's own date, however the minutes write it: with a weekday, an ordinal
 * suffix, a time or a comma; on a line of its own under the title; without a year (the
 * year then comes from the title, the file name or the other dates); and never a
 * previous meeting's, a publication's or a cut-off date.
 */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readMarkdown } from "../src/ingest/text.js";
import type { MeetingRecord } from "../src/model/meeting.js";

async function meetingOf(markdown: string, name = "minutes.md"): Promise<MeetingRecord["meeting"]> {
  const doc = await readMarkdown(new TextEncoder().encode(markdown), name);
  return extractRecord(doc, { sha256: "0".repeat(64) }).meeting;
}
const dateOf = async (markdown: string, name?: string) => {
  const m = await meetingOf(markdown, name);
  return m.dateSource === "text" ? m.date : `${m.date} from ${m.dateSource}`;
};

const en = "The committee reviewed the progress of the action plan and agreed on the next steps for each of the commitments in turn.";
const fr = "Le comité a examiné l'état d'avancement des engagements du plan d'action et convenu des prochaines étapes pour chacun d'eux.";
const ar = "استعرضت اللجنة مدى التقدم في تنفيذ التعهدات المدرجة بخطة العمل الوطنية واتفقت على الخطوات القادمة بالنسبة إلى كل تعهد من التعهدات.";

describe("the meeting's date", () => {
  it("reads a date line with a weekday, an ordinal suffix, a time or a comma", async () => {
    expect(await dateOf(`# Steering Committee\n\nTuesday, March 14th, 2023, 10:00-12:00\n\n${en}`)).toBe("2023-03-14");
    expect(await dateOf(`# Comité de pilotage\n\nLe comité s'est réuni le mardi 4 octobre 2022 à 10h30.\n\n${fr}`)).toBe("2022-10-04");
    expect(await dateOf(`# Conseil consultatif\n21 novembre, 2018, 9 h -10 h 30\n\n${fr}`)).toBe("2018-11-21");
    expect(await dateOf(`# محضر اجتماع اللجنة\n\nالخميس 9 آذار 2023\n\n${ar}`)).toBe("2023-03-09");
    expect(await dateOf(`# ICAT Steering Group Meeting #3\n\n9th December 2015 15:00GMT\n\n${en}`)).toBe("2015-12-09");
  });

  it("gives a date line without a year the year of the title, the file name or the other dates", async () => {
    expect(await dateOf(`# 22 March 2017 - Officials Group meeting: minutes\n\nDate / time: Wednesday March 22, 1-2pm\n\n${en}`)).toBe("2017-03-22");
    expect(await dateOf(`# Officials Group meeting\n\nDate / time: Wednesday March 22, 1-2pm\n\n${en}`, "officials-2017.md")).toBe("2017-03-22");
    // 9 March was a Thursday in 2023, not in 2022: the weekday picks the year.
    expect(await dateOf(`# Comité de suivi\n\nDate : jeudi 9 mars\n\n${fr}\n\nLe rapport de décembre 2022 et le bilan de juin 2023 ont été présentés.`)).toBe("2023-03-09");
    expect(await dateOf(`# محضر اجتماع اللجنة 2023\n\nالتاريخ: الخميس 9 آذار\n\n${ar}`)).toBe("2023-03-09");
  });

  it("takes no previous meeting's, publication or cut-off date for the meeting's", async () => {
    expect(await dateOf(`# Minutes\n\n${en}\n\nThe minutes of the previous meeting held on 3 May 2023 were approved.`, "m.md")).toBe("null from null");
    expect(await dateOf(`# Minutes\n\nPublished 10 April 2023\n\n28 March 2023, 10:00\n\n${en}`)).toBe("2023-03-28");
    expect(await dateOf(`# Compte rendu\n\nRapport arrêté au 31 décembre 2022\n\nRéunion du 12 janvier 2023\n\n${fr}`)).toBe("2023-01-12");
    expect(await dateOf(`# محضر\n\nتمت المصادقة على محضر الاجتماع السابق المنعقد يوم 3 ماي 2023.\n\n${ar}`, "m.md")).toBe("null from null");
  });

  it("takes no date of a sentence approving earlier minutes, whatever names that meeting", async () => {
    expect(await dateOf(`# Minutes\n\n${en}\n\nThe minutes of the 11th meeting held on 9th November 2023 were confirmed.`, "m.md")).toBe("null from null");
    expect(await dateOf(`# Procès-verbal\n\n${fr}\n\nLe comité a procédé à l'adoption du procès-verbal de la session du 8 décembre 2022.`, "m.md")).toBe("null from null");
    expect(await dateOf(`# محضر\n\n${ar}\n\nصادقت اللجنة على محضر اجتماعها المنعقد يوم 3 ماي 2023 دون تعديل.`, "m.md")).toBe("null from null");
    // A title naming the minutes is no approval: it dates this meeting.
    expect(await dateOf(`# Minutes of the meeting held on 9 March 2023\n\n${en}`)).toBe("2023-03-09");
    // Nor is a title that says its minutes were approved: it names these minutes, not earlier ones.
    expect(await dateOf(`# Approved minutes of the steering committee meeting held on 8 February 2024\n\n${en}`)).toBe("2024-02-08");
    expect(await dateOf(`# Procès-verbal approuvé de la réunion du comité de pilotage du 16 mars 2023\n\n${fr}`)).toBe("2023-03-16");
  });

  it("reads the date of a title line that names the venue between its cue and its date", async () => {
    const title = "MINUTES OF THE 12TH MEETING HELD AT THE CONFERENCE ROOM, MINISTRY OF INFORMATION, ACCRA ON THURSDAY, 8TH FEBRUARY 2024 AT 10:00 AM";
    expect(await dateOf(`# Steering Committee\n\n${title}\n\n${en}\n\nThe minutes of the 11th meeting held on 9th November 2023 were confirmed.`)).toBe("2024-02-08");
  });

  it("reads a date written in words, as formal openings do", async () => {
    expect(await dateOf(`# Procès-verbal\n\nL'an deux mille vingt-trois et le quatorze mars, le comité s'est réuni au siège du ministère.\n\n${fr}`)).toBe("2023-03-14");
    expect(await dateOf(`# Minutes\n\nThe committee met on the fourteenth of March, two thousand and twenty-three.\n\n${en}`)).toBe("2023-03-14");
    expect(await dateOf(`# محضر\n\nانعقد يوم الخميس التاسع من شهر مارس سنة ألفين وثلاثة وعشرين اجتماع اللجنة.\n\n${ar}`)).toBe("2023-03-09");
  });

  it("prefers the head's cue to a cue in the body, which may name the previous meeting", async () => {
    const text = "# Forum\n\nMinutes of the meeting held on Thursday 9th March at 2pm\n\nThe minutes of the meeting of 9 February 2023 were approved.";
    expect(await dateOf(text)).toBe("2023-03-09");
  });

  it("falls back on the file name when the text gives no date", async () => {
    expect(await dateOf(`# Minutes\n\n${en}`, "2023-05-committee.md")).toBe("2023-05 from filename");
  });
});

describe("dates of minutes published on the web", () => {
  it("prefers the date the text states about the meeting to a bare publication line under the title", async () => {
    const page = "Réunion du comité de pilotage\n\n18 Nov 2021\n\nM. Ahmed Laamoumri, Secrétaire Général du Ministère, a présidé le mercredi 17 novembre 2021, une réunion du comité de pilotage du gouvernement ouvert en présence des représentants des organismes publics et de la société civile.";
    expect(await dateOf(page)).toBe("2021-11-17");
    expect(await dateOf(`Meeting notes 28th April 2021\n\nHigh level summary of the Multi-stakeholder Forum (27/04/2021)\n\n${en}`)).toBe("2021-04-27");
    // With nothing else in the head, the date line under the title is the meeting's.
    expect(await dateOf(`# Steering Committee\n\n14 Mar 2023\n\n${en}`)).toBe("2023-03-14");
  });

  it("reads a date written year first, and an Arabic 'عُقد في' cue", async () => {
    expect(await dateOf("اجتماع فريق العمل الوطني\n\nعُقد في وزارة التخطيط والتعاون الدولي 2024/7/30 اجتماع لفريق العمل الوطني المكلف بإعداد ومتابعة خطط العمل ضمن مبادرة شراكة الحكومات الشفافة، واستعرض الاجتماع التقدم في سير العمل.")).toBe("2024-07-30");
  });
});
