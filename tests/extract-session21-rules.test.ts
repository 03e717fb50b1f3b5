/**
 * Rules found on the lead's held-out minutes of session 21: a Canadian-style procès-verbal in the
 * present of narration with "État : en bonne voie" lines, and public consultations as an event.
 */
import { describe, expect, it } from "vitest";
import { record } from "./markdown-minutes.js";

const section = (title: string, lines: string, talk: string) => `### ${title}\n\nResponsable : Secrétariat\\\n${lines}\n\n${talk}\n\n`;

describe("minutes written in the present of narration", () => {
  it("'X indique que …', 'Y précise que …' name the reporters, with no courtesy title", async () => {
    const r = await record(
      "## 2. Tour de table\n\n" +
        section("Engagement 3 — Données ouvertes sur les subventions", "État : terminé", "Jean-François Gagnon indique que le jeu de données est publié sur le portail.") +
        section("Engagement 5 — Propriété effective", "État : en bonne voie", "Amira Benali précise que le registre est ouvert.") +
        "## 3. Varia\n\nRien.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.reportedBy])).toEqual([
      ["3", ["Jean-François Gagnon"]],
      ["5", ["Amira Benali"]],
    ]);
  });
  it("a participle that folds to the present ('Aucun avancement signalé', 'Le rapport indiqué') names no reporter", async () => {
    const r = await record("## Engagement 2 — Budget citoyen\n\nÉtat : en cours\n\nAucun avancement signalé. Le rapport indiqué plus haut reste à publier.\n");
    expect(r.commitments[0].reportedBy).toEqual([]);
  });
});

describe("statuses on track and not begun", () => {
  it("'en bonne voie', 'pas commencé', 'في المسار الصحيح', 'on track' keep the label and read the status", async () => {
    const r = await record(
      "## Engagement 5 — Registre\n\nÉtat : en bonne voie\n\n## Engagement 9 — Délais\n\nÉtat : pas commencé\n\n## Commitment 10 — Portal\n\nStatus: on track\n\n## الالتزام 11 — البوابة\n\nالحالة: في المسار الصحيح\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.statusLabel])).toEqual([
      ["5", "in_progress", "en bonne voie"],
      ["9", "not_started", "pas commencé"],
      ["10", "in_progress", "on track"],
      ["11", "in_progress", "في المسار الصحيح"],
    ]);
  });
});

describe("public consultations are events", () => {
  it("'des consultations publiques auront lieu à Montréal du 15 au 17 avril 2024'", async () => {
    const r = await record("Procès-verbal de la réunion du 7 mars 2024.\n\nLe secrétariat rappelle que des consultations publiques auront lieu à Montréal du 15 au 17 avril 2024.\n");
    expect(r.events).toMatchObject([{ date: "2024-04-15", endDate: "2024-04-17", place: "Montréal" }]);
  });
  it("'public consultations will be held in Leeds from 3 to 5 June 2024'", async () => {
    const r = await record("Minutes of the meeting of 12 March 2024.\n\nThe Secretariat noted that public consultations will be held in Leeds from 3 to 5 June 2024.\n");
    expect(r.events).toMatchObject([{ date: "2024-06-03", endDate: "2024-06-05", place: "Leeds" }]);
  });
});

describe("attendees listed on the cue's line", () => {
  const attendees = async (line: string) => (await record(`Procès-verbal de la réunion du 7 mars 2024.\n\n${line}\n`)).meeting.attendees;
  it("'Présences : A; B; C (secrétariat)' and 'Présents : A, B, C': names without titles", async () => {
    expect(await attendees("**Présences :** Marie Tremblay; Jean-François Gagnon; Sophie Nguyen (secrétariat)")).toEqual(["Marie Tremblay", "Jean-François Gagnon", "Sophie Nguyen"]);
    expect(await attendees("Présents : Marie Tremblay, Jean-François Gagnon, Amira Benali")).toEqual(["Marie Tremblay", "Jean-François Gagnon", "Amira Benali"]);
  });
  it("a list that titles its people keeps their roles out ('Mr X, Ministry of Finance, Ms Y, Open Data Office')", async () => {
    expect(await attendees("Present: Mr John Smith, Ministry of Finance, Ms Jane Doe, Open Data Office")).toEqual(["John Smith", "Jane Doe"]);
    expect(await attendees("Présents : Mme Marie Tremblay, directrice, M. Jean Gagnon")).toEqual(["Marie Tremblay", "Jean Gagnon"]);
  });
  it("'الحضور: الدكتورة …، السيد …، المهندسة …' in Arabic", async () => {
    expect(await attendees("الحضور: الدكتورة نادين الحسيني (رئيسة اللجنة)، السيد وائل شمس الدين (وزارة المالية)، المهندسة رنا حداد")).toEqual(["نادين الحسيني", "وائل شمس الدين", "رنا حداد"]);
  });
  it("'Absences :' is no attendance line", async () => {
    expect(await attendees("**Absences :** Robert Lavoie")).toEqual([]);
  });
});

describe("sections lettered A., B., C. …", () => {
  const minutes =
    "Record of the meeting of 12 June 2024.\n\n**A. CALL TO ORDER**\n\nThe meeting was called to order at 2:10 PM.\n\n**B. REVIEW OF THE PREVIOUS RECORD**\n\nApproved.\n\n" +
    "**C. STATUS OF COMMITMENTS**\n\nThe Secretariat reported.\n\n**D. ACTION POINTS**\n\n1. COA to submit a revised timeline by 30 June 2024.\n2. Secretariat to circulate the report by 15 July 2024.\n\n**E. ADJOURNMENT**\n\nThe meeting was adjourned at 4:25 PM.\n";
  it("are the agenda when the minutes list none", async () => {
    expect((await record(minutes)).meeting.agenda).toEqual(["CALL TO ORDER", "REVIEW OF THE PREVIOUS RECORD", "STATUS OF COMMITMENTS", "ACTION POINTS", "ADJOURNMENT"]);
  });
  it("'D. ACTION POINTS' opens a decision section, its items owned by the body named first", async () => {
    const r = await record(minutes);
    expect(r.decisions.map((d) => [d.owner, d.date])).toEqual([
      ["COA", "2024-06-30"],
      ["Secretariat", "2024-07-15"],
    ]);
  });
  it("'ب. القرارات' and 'C. Décisions' in Arabic and French numbering open decision sections too", async () => {
    const fr = await record("**C. Décisions**\n\n- Transmettre le rapport avant le 30 juin 2024.\n");
    expect(fr.decisions.map((d) => d.text)).toEqual(["Transmettre le rapport avant le 30 juin 2024."]);
    const ar = await record("**ب. القرارات**\n\n- إعداد التقرير قبل 30 جوان 2024.\n");
    expect(ar.decisions.map((d) => d.text)).toEqual(["إعداد التقرير قبل 30 جوان 2024."]);
  });
});

describe("a subject named across a possessive and function words", () => {
  it("'the People's Budget' names '1.1 Expand the People's Budget to all regions'", async () => {
    const r = await record(
      "| Commitment | Agency | Status |\n| --- | --- | --- |\n| 1.1 Expand the People's Budget to all regions | DBM | Completed |\n| 1.2 Open procurement data | PS-DBM | Ongoing |\n\n" +
        "Mr. Ramon Cruz reported that regional editions of the People's Budget had been uploaded in June.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["Ramon Cruz"], []]);
  });
  it("a sentence on one commitment's subject before another's number goes to the first ('… the People's Budget … . Atty. Y added that … commitment 1.2 …')", async () => {
    const r = await record(
      "| Commitment | Agency | Status |\n| --- | --- | --- |\n| 1.1 Expand the People's Budget to all regions | DBM | Completed |\n| 1.2 Open procurement data | PS-DBM | Ongoing |\n\n" +
        "Mr. Ramon Cruz reported that regional editions of the People's Budget had been uploaded in June. Atty. Liza Reyes added that the data standard for commitment 1.2 was adopted.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["Ramon Cruz"], ["Liza Reyes"]]);
  });
});
