/** The heading + label lines layout on trees built in code: numbering in every form the lexicons know. */
import { describe, expect, it } from "vitest";
import { bold, extract, facts, h, li, p, ul } from "../tree-builders.js";

const numbersOf = (children: Parameters<typeof extract>[0]) => extract(children).commitments.map((c) => [c.number, c.title]);

describe("commitment headings", () => {
  it("reads dotted, prefixed and Roman numbers and ordinal words before or after the commitment word", () => {
    expect(numbersOf([h(2, "Commitment 2.1: Open contracting"), p("Status: Completed")])).toEqual([["2.1", "Open contracting"]]);
    expect(numbersOf([h(2, "Action A-12 – Publish the register"), p("Status: Ongoing")])).toEqual([["A-12", "Publish the register"]]);
    expect(numbersOf([h(2, "Engagement III : Budget ouvert"), p("Statut : réalisé")])).toEqual([["3", "Budget ouvert"]]);
    expect(numbersOf([h(2, "Second commitment: Beneficial ownership"), p("Status: Limited")])).toEqual([["2", "Beneficial ownership"]]);
    expect(numbersOf([h(2, "Premier engagement : Données ouvertes"), p("Statut : en cours")])).toEqual([["1", "Données ouvertes"]]);
    expect(numbersOf([h(2, "الالتزام الثاني: النفاذ إلى المعلومة"), p("الحالة: منجز")])).toEqual([["2", "النفاذ إلى المعلومة"]]);
  });

  it("reads an ACTION paragraph and the later table row of the same number into one record", () => {
    const record = extract([p(bold("ACTION 3.4: Secretariat to circulate the revised terms of reference")), p("Status: In progress")]);
    expect(facts(record)).toEqual([
      { number: "3.4", title: "Secretariat to circulate the revised terms of reference", status: "in_progress", statusLabel: "In progress", progress: null, reportedBy: [], activities: 0 },
    ]);
  });
});

describe("progress told in prose", () => {
  it("gives a bullet's commitment the status its prose states, and a sentence naming two commitments to both", () => {
    const record = extract([
      h(2, "Update on commitments"),
      ul([
        li("Commitment 1: Open Budget", ul(["Update to be provided at the next meeting."])),
        li("Commitment 2: Official information", ul(["Progress is being made on building agency capability."])),
        li("Commitment 3: Open data principles"),
        li("Commitment 4: Tracking open data release", ul(["Both Commitment 3 and 4 have had delays in delivery."])),
      ]),
    ]);
    expect(record.commitments.map((c) => [c.number, c.status, c.statusLabel])).toEqual([
      ["1", "unknown", null],
      ["2", "in_progress", "Progress is being made"],
      ["3", "in_progress", "have had delays"],
      ["4", "in_progress", "have had delays"],
    ]);
    expect(record.warnings.filter((w) => w.code === "status-from-prose")).toHaveLength(3);
  });

  it("reads French and Arabic prose the same way", () => {
    const fr = extract([h(2, "Engagement 5 : Redevabilité locale"), p("Les travaux ont pris du retard en raison du remaniement.")]);
    expect(fr.commitments[0].status).toBe("in_progress");
    const ar = extract([h(2, "الالتزام 6: الشفافية الجبائية"), p("يجري العمل على إعداد المنصة بالتعاون مع الوزارة.")]);
    expect(ar.commitments[0].status).toBe("in_progress");
  });
});

describe("discussion of a commitment elsewhere in the minutes", () => {
  it("adds the paragraph as a note and its speaker as a reporter when it states progress, not when it comments", () => {
    const record = extract([
      h(2, "Commitment 3: Open contracting"),
      p("Status: In progress"),
      h(2, "Other business"),
      p("Ms Amina Diallo from the Ministry of Finance explained that commitment 3 is 80% complete."),
      p("Mr John Bako noted that commitment 3 would need more funds."),
    ]);
    const c = record.commitments[0];
    expect(c.reportedBy).toEqual([expect.stringMatching(/^Amina Diallo/)]);
    expect(c.notes).toEqual(expect.arrayContaining([expect.stringContaining("80% complete"), expect.stringContaining("more funds")]));
    expect(c.alsoIn).toHaveLength(2);
  });
});

describe("sub-item headings that name their commitment", () => {
  it("takes the commitment's number, not the minutes' sub-item number, and the title before the reference", () => {
    const record = extract([
      h(2, "4. Review of the action plan"),
      h(3, "4.1 Proactive disclosure under the RTI Act (Commitment 3)"),
      ul(["Lead agency: Right to Information Commission", "Status: Completed", "Next steps: None."]),
      h(3, "4.2 Open contracting – Commitment 5"),
      ul(["Status: In progress (65%)"]),
      h(3, "4.3 Commitment 6: Beneficial ownership register"),
      ul(["Status: Withdrawn", "Progress: Parliament asked that the commitment be withdrawn from the plan."]),
      h(3, "4.4 Citizen's budget (Commitment 1)"),
      ul(["Status: Ongoing, behind schedule"]),
      h(2, "5. Any other business"),
    ]);
    expect(facts(record).map((c) => [c.number, c.title, c.status, c.statusLabel, c.progress])).toEqual([
      ["3", "Proactive disclosure under the RTI Act", "completed", "Completed", null],
      ["5", "Open contracting", "in_progress", "In progress (65%)", 65],
      ["6", "Beneficial ownership register", "unknown", "Withdrawn", null],
      ["1", "Citizen's budget", "in_progress", "Ongoing, behind schedule", null],
    ]);
  });

  it("reads the same in French and Arabic", () => {
    const fr = extract([h(3, "2.1 Publication des contrats (engagement n° 4)"), p("Statut : réalisé")]);
    expect(facts(fr).map((c) => [c.number, c.title, c.status])).toEqual([["4", "Publication des contrats", "completed"]]);
    const ar = extract([h(3, "2.1 نشر الميزانية البلدية (الالتزام عدد 4)"), p("الحالة: منجز")]);
    expect(facts(ar).map((c) => [c.number, c.title, c.status])).toEqual([["4", "نشر الميزانية البلدية", "completed"]]);
    const marked = extract([h(3, "ثالثا: النفاذ إلى المعلومة (الالتزام عدد 7)"), p("الحالة: بصدد الإنجاز")]);
    expect(facts(marked).map((c) => [c.number, c.title, c.status])).toEqual([["7", "النفاذ إلى المعلومة", "in_progress"]]);
  });

  it("opens nothing at a sentence that only ends on a reference", () => {
    const record = extract([h(2, "Decisions"), p("The Secretariat will write to the ministry about the delay (Commitment 3)."), p("The next meeting will be held in May.")]);
    expect(record.commitments).toEqual([]);
  });
});

describe("bold paragraphs that open commitments", () => {
  it("ends the last commitment at the next bold part title, however long, and reads the rate told in its prose", () => {
    const record = extract([
      p(bold("Point 2 : Point sur la mise en œuvre des engagements")),
      p(bold("Engagement 1 – Publication des rapports trimestriels d'exécution budgétaire")),
      p("Le comité a constaté que l'engagement est entièrement réalisé."),
      p(bold("Engagement 2 – Mise en ligne des rapports de la Cour des comptes")),
      p("Les rapports antérieurs à 2015 restent à numériser. L'engagement est en cours ; son taux d'exécution est estimé à 80 %."),
      p(bold("Point 3 : Préparation du rapport d'auto-évaluation à mi-parcours")),
      p("Le secrétariat a présenté le plan du rapport, qui sera transmis aux membres en janvier."),
    ]);
    expect(facts(record).map((c) => [c.number, c.status, c.progress])).toEqual([
      ["1", "completed", null],
      ["2", "in_progress", 80],
    ]);
    expect(record.commitments[1].notes.join(" ")).not.toContain("plan du rapport");
  });
});
