/**
 * Rules for statuses, rates and reporters in table cells and in the prose about them, and for the
 * meeting the minutes record named by a demonstrative. Each test builds a tiny Markdown document
 * in code and reads it with the real reader, on wordings of no fixture.
 */
import { describe, expect, it } from "vitest";
import { markdownTable, record } from "./markdown-minutes.js";

describe("a status cell with a rate after a dash", () => {
  it("takes the rate standing alone after the dash", async () => {
    const r = await record(
      "# Compte rendu\n\n" +
        markdownTable("N°|Engagement|Avancement", [
          ["1", "Registre foncier ouvert", "En cours – 40 %"],
          ["2", "Marchés publics ouverts", "Achevé – 100%"],
        ]),
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([
      ["1", "in_progress", 40],
      ["2", "completed", 100],
    ]);
  });
});

describe("a bare word for a delay in a status cell", () => {
  it("is a status in French and Arabic as in English", async () => {
    const fr = await record("# Compte rendu\n\n" + markdownTable("N°|Engagement|Statut", [["1", "Archives numériques", "Retard"]]));
    const en = await record("# Minutes\n\n" + markdownTable("No.|Commitment|Status", [["1", "Digital archives", "Delay – 30%"]]));
    const ar = await record("# محضر\n\n" + markdownTable("رقم|الالتزام|الحالة", [["1", "رقمنة الأرشيف الوطني", "متأخرة"]]));
    expect([fr, en, ar].map((r) => [r.commitments[0]?.status, r.commitments[0]?.progress])).toEqual([
      ["in_progress", null],
      ["in_progress", 30],
      ["in_progress", null],
    ]);
  });
  it("is a comment, not a report, in a sentence", async () => {
    const r = await record(
      "# Compte rendu\n\n" +
        markdownTable("N°|Engagement|Statut", [["1", "Archives numériques", "Achevé"], ["2", "Registre foncier", "Non entamé"]]) +
        "\nM. Omar Kane a souligné le retard de l'engagement 2.\n",
    );
    expect(r.commitments.find((c) => c.number === "2")?.reportedBy).toEqual([]);
  });
});

describe("a speaker who says the work is in the approval process", () => {
  it("reports on the commitment named", async () => {
    const r = await record(
      "# Compte rendu\n\n" +
        markdownTable("N°|Engagement|Statut", [["1", "Registre des associations", "Non entamé"], ["2", "Portail des pétitions", "Achevé"]]) +
        "\nConcernant l'engagement 1, Mme Leila Haddad, du Ministère de la Justice, a indiqué que le texte est dans le circuit de signature.\n",
    );
    expect(r.commitments.find((c) => c.number === "1")?.reportedBy).toEqual(["Leila Haddad"]);
    expect(r.commitments.find((c) => c.number === "1")?.status).toBe("not_started");
  });
  it("in English too", async () => {
    const r = await record(
      "# Minutes\n\n" +
        markdownTable("No.|Commitment|Status", [["1", "Beneficial ownership register", "Not started"], ["2", "Petitions portal", "Completed"]]) +
        "\nOn commitment 1, Ms Grace Mensah noted that the regulations are in the pipeline.\n",
    );
    expect(r.commitments.find((c) => c.number === "1")?.reportedBy).toEqual(["Grace Mensah"]);
  });
});

describe("a meeting word after a demonstrative", () => {
  it("is the meeting recorded, not an event, in each language", async () => {
    const en = await record("# Minutes of the working group, 12 March 2024\n\nThis meeting was held on 4 March 2024 in the Treasury's offices.\n");
    const fr = await record("# Compte rendu du groupe de travail, 12 mars 2024\n\nCette réunion a eu lieu le 4 mars 2024 à Rabat.\n");
    const ar = await record("# محضر فريق العمل\n\nانعقد هذا الاجتماع يوم 4 مارس 2024 بمدينة صفاقس.\n");
    expect([en, fr, ar].map((r) => r.events.map((e) => e.date))).toEqual([[], [], []]);
  });
  it("leaves another meeting the sentence places an event", async () => {
    const r = await record("# Minutes of the working group, 12 March 2024\n\nThe regional meeting will take place in Nairobi on 3 June 2024.\n");
    expect(r.events.map((e) => [e.date, e.place])).toEqual([["2024-06-03", "Nairobi"]]);
  });
});

describe("a status cell that says the work is stalled", () => {
  it("is work begun, not done, in each language", async () => {
    const en = await record("# Minutes\n\n" + markdownTable("No.|Commitment|Status", [["1", "Digital archives", "On hold"]]));
    const fr = await record("# Compte rendu\n\n" + markdownTable("N°|Engagement|Statut", [["1", "Archives numériques", "Au point mort"]]));
    const ar = await record("# محضر\n\n" + markdownTable("رقم|الالتزام|الحالة", [["1", "رقمنة الأرشيف الوطني", "متعثرة"]]));
    expect([en, fr, ar].map((r) => r.commitments[0]?.status)).toEqual(["in_progress", "in_progress", "in_progress"]);
  });
});

describe("a chair named by 'Presiding:' or 'تحت رئاسة'", () => {
  it("is the meeting's chair", async () => {
    const en = await record("# Minutes of the steering committee\n\nDate: 4 March 2024\n\nPresiding: Ms. Ana Lopez, Department of Finance\n");
    const ar = await record("# محضر\n\nعقدت اللجنة اجتماعها يوم 4 مارس 2024 تحت رئاسة السيد منير الصغير، المدير العام.\n");
    expect([en.meeting.chair, ar.meeting.chair]).toEqual(["Ana Lopez", "منير الصغير"]);
  });
});

describe("events the lexicons name: open days, national weeks, joint missions", () => {
  it("are events where the sentence dates and places them", async () => {
    const fr = await record("# Compte rendu, 12 mars 2024\n\nLes Journées de la transparence se tiendront à Sousse du 6 au 8 mai 2024.\n");
    const ar = await record("# محضر\n\nأعلن الرئيس عن تنظيم يوم مفتوح حول الشفافية بدار الثقافة يوم 5 ماي 2024.\n");
    const en = await record("# Minutes, 12 March 2024\n\nThe joint mission will visit Kisumu from 6 to 8 May 2024.\n");
    expect([fr, ar, en].map((r) => r.events.map((e) => e.date))).toEqual([["2024-05-06"], ["2024-05-05"], ["2024-05-06"]]);
  });
});

describe("a list line that sets an action item for someone", () => {
  it("is a decision of the meeting", async () => {
    const r = await record("# Minutes, 12 March 2024\n\n## 3. Data working group\n\n* Survey of departments\n* Action item for the Data WG to publish the catalogue and list its owners\n");
    expect(r.decisions.map((d) => d.text)).toEqual(["Action item for the Data WG to publish the catalogue and list its owners"]);
  });
});
