/** The commitment-table layout on tables built in code: action logs and plan trackers in three languages. */
import { describe, expect, it } from "vitest";
import { expectSameAsFile } from "../expect-record.js";
import { extract, facts, h, merged, p, table } from "../tree-builders.js";

describe("an action log (No. / Detail / Resp. / Status)", () => {
  const record = extract([
    h(2, "Actions of the previous meeting"),
    table([
      ["No.", "Detail", "Resp.", "Status"],
      ["2.1", "Add the terms of reference to the website", "TG", "Done"],
      ["2.2", "Update the ToR to include a section on voting", "TG", "Not Done"],
      ["2.3", "Ask ELETTRA if they wish to continue", "AG", "Done- Milan is ELETTRA's representative"],
      ["2.4", "Check with CLF that they are represented", "BM", "TG to discuss with BM and CLF"],
      ["2.10", "Write a specification of the authorization service", "SR", "Withdrawn"],
    ]),
  ]);

  it("keeps dotted numbers as written (2.10 is not 2.1), reads owners, and negated, noted and closing statuses", () => {
    expect(facts(record)).toEqual([
      { number: "2.1", title: "Add the terms of reference to the website", status: "completed", statusLabel: "Done", progress: null, owner: "TG", reportedBy: [], activities: 0 },
      { number: "2.2", title: "Update the ToR to include a section on voting", status: "not_completed", statusLabel: "Not Done", progress: null, owner: "TG", reportedBy: [], activities: 0 },
      { number: "2.3", title: "Ask ELETTRA if they wish to continue", status: "completed", statusLabel: "Done", progress: null, owner: "AG", reportedBy: [], activities: 0 },
      { number: "2.4", title: "Check with CLF that they are represented", status: "unknown", statusLabel: null, progress: null, owner: "BM", reportedBy: [], activities: 0 },
      { number: "2.10", title: "Write a specification of the authorization service", status: "unknown", statusLabel: "Withdrawn", progress: null, owner: "SR", reportedBy: [], activities: 0 },
    ]);
  });

  it("keeps the note after a status word and the next step of a status cell as notes, and says which rows gave no status", () => {
    expect(record.commitments[2].notes).toEqual(["Milan is ELETTRA's representative"]);
    expect(record.commitments[3].notes).toEqual(["TG to discuss with BM and CLF"]);
    const noStatus = record.warnings.filter((w) => w.code === "no-status").map((w) => w.message);
    expect(noStatus).toEqual([expect.stringContaining("Commitment 2.4: no status words"), expect.stringContaining('Commitment 2.10: "Withdrawn" is not one of the statuses')]);
  });

  it("reads a second table re-listing the same numbers into the same records, keeping both places", () => {
    const twice = extract([
      table([
        ["No.", "Detail", "Resp.", "Status"],
        ["2.2", "Update the ToR to include a section on voting", "TG", "Not done"],
        ["2.4", "Check with CLF that they are represented", "BM", "Done"],
      ]),
      p("New actions"),
      table(
        [
          ["No.", "Detail", "Resp."],
          ["2.2", "Update the ToR to include a section on voting", "TG"],
          ["2.4", "Check with CLF that they are represented", "TG & BM"],
        ],
        2,
      ),
    ]);
    expect(twice.commitments.map((c) => [c.number, c.status, c.owner])).toEqual([
      ["2.2", "not_completed", "TG"],
      ["2.4", "completed", "BM"],
    ]);
    expect(twice.commitments[0].alsoIn).toEqual([{ file: "minutes.docx", table: 2, row: 2 }]);
    expect(twice.warnings.filter((w) => w.code === "merged-commitment")).toHaveLength(2);
  });
});

describe("plan trackers in French and Arabic", () => {
  it("reads a relevé de décisions table (N° / Mesure / Responsable / Échéance / État d'avancement)", () => {
    const record = extract([
      table([
        ["N°", "Mesure", "Responsable", "Échéance", "État d'avancement"],
        ["1", "Publier le budget citoyen", "Ministère des Finances", "juin 2024", "Réalisé"],
        ["2", "Adopter le décret d'application", "Présidence du gouvernement", "T3 2024", "Pas encore réalisé"],
        ["3", "Former les points focaux", "ENA", "décembre 2024", "En retard"],
      ]),
    ]);
    expect(record.commitments.map((c) => [c.number, c.title, c.status, c.owner, c.due])).toEqual([
      ["1", "Publier le budget citoyen", "completed", "Ministère des Finances", "juin 2024"],
      ["2", "Adopter le décret d'application", "not_completed", "Présidence du gouvernement", "T3 2024"],
      ["3", "Former les points focaux", "in_progress", "ENA", "décembre 2024"],
    ]);
  });

  it("reads an Arabic action table (الرقم / الإجراء / الجهة المسؤولة / الآجال / الحالة) with a negated status", () => {
    const record = extract([
      table([
        ["الرقم", "الإجراء", "الجهة المسؤولة", "الآجال", "الحالة"],
        ["1", "نشر الميزانية المواطنية", "وزارة المالية", "جوان 2024", "منجز"],
        ["2", "إعداد الأمر الترتيبي", "رئاسة الحكومة", "سبتمبر 2024", "لم يتم إنجازه"],
        ["3", "تكوين نقاط الاتصال", "المدرسة الوطنية للإدارة", "ديسمبر 2024", "قيد الإنجاز"],
      ]),
    ]);
    expect(record.commitments.map((c) => [c.number, c.status, c.owner])).toEqual([
      ["1", "completed", "وزارة المالية"],
      ["2", "not_completed", "رئاسة الحكومة"],
      ["3", "in_progress", "المدرسة الوطنية للإدارة"],
    ]);
  });
});

describe("a progress column that gives a status with its percent", () => {
  it("reads both the status and the percent of \"En cours (45 %)\", \"In progress (45%)\", \"قيد التنفيذ (٤٥٪)\", and of a bare figure the percent, the status it implies without a label", () => {
    const rows = (header: string[], cells: string[][]) => extract([table([header, ...cells])]).commitments.map((c) => [c.number, c.status, c.statusLabel, c.progress]);
    expect(rows(["N°", "Engagement", "Avancement"], [["1", "Numériser les archives de l'état civil", "En cours (45 %)"], ["2", "Publier les textes réglementaires", "Réalisé (100 %) – plateforme en ligne"]])).toEqual([
      ["1", "in_progress", "En cours (45 %)", 45],
      ["2", "completed", "Réalisé (100 %)", 100],
    ]);
    expect(rows(["No.", "Commitment", "Progress"], [["1", "Publish the citizens' budget", "In progress (45%)"], ["2", "Open contracting data", "60%"]])).toEqual([
      ["1", "in_progress", "In progress (45%)", 45],
      ["2", "in_progress", null, 60],
    ]);
    expect(rows(["الرقم", "التعهد", "نسبة الإنجاز"], [["1", "نشر الميزانية المواطنية", "قيد التنفيذ (٤٥٪)"]])).toEqual([["1", "in_progress", expect.stringContaining("قيد التنفيذ"), 45]]);
  });
});

describe("rows and tables that are not commitments", () => {
  it("does not take an agenda table (No. / Item / Presenter) for commitments", () => {
    const record = extract([
      table([
        ["No.", "Item", "Presenter"],
        ["1", "Welcome and apologies", "Chair"],
        ["2", "Minutes of the last meeting", "Secretariat"],
      ]),
    ]);
    expect(record.commitments).toEqual([]);
  });

  it("gives no decisions and no commitments from an agenda table whose presenters head a \"Lead\" column, in three languages", () => {
    for (const rows of [
      [["Item", "Subject", "Lead"], ["1", "Opening, apologies and adoption of the agenda", "Chair"], ["2", "Progress on the NAP4 commitments", "Lead agencies"]],
      [["N°", "Sujet", "Intervenant"], ["1", "Ouverture de la séance", "Le Président"], ["2", "Point sur les engagements", "Secrétariat"]],
      [["الرقم", "الموضوع", "المقدم"], ["1", "افتتاح الجلسة", "الرئيس"], ["2", "متابعة التعهدات", "الكتابة القارة"]],
    ]) {
      const record = extract([table(rows)]);
      expect(record.commitments).toEqual([]);
      expect(record.decisions).toEqual([]);
    }
  });

  it("reads an action log numbered in an \"Item\" column (Item / Action / Lead / Due) as decisions titled by their action", () => {
    const record = extract([
      table([
        ["Item", "Action", "Lead", "Due"],
        ["1", "Circulate the draft report to members", "Secretariat", "30 June 2024"],
        ["2", "Convene the working group on open data", "Chair", "15 July 2024"],
      ]),
    ]);
    expect(record.decisions.map((d) => [d.text, d.owner, d.due])).toEqual([
      ["Circulate the draft report to members", "Secretariat", "2024-06-30"],
      ["Convene the working group on open data", "Chair", "2024-07-15"],
    ]);
  });

  it("keeps a numberless row that states its own status as a record of its own, with a warning, instead of merging it above", () => {
    const record = extract([
      table([
        ["No.", "Action", "Owner", "Status"],
        ["A-12", "Publish the open data inventory", "MoF", "Ongoing"],
        ["", "Translate the portal into Arabic", "MoICT", "Completed"],
        ["", "and French", "", ""],
      ]),
    ]);
    expect(record.commitments.map((c) => [c.number, c.title, c.status])).toEqual([
      ["A-12", "Publish the open data inventory", "in_progress"],
      [null, "Translate the portal into Arabic and French", "completed"],
    ]);
    expect(record.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["unnumbered-commitment", "row-continued"]));
  });

  it("reads more than 999 numbered rows, none cut", () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [String(i + 1), `Action ${i + 1} of the log`, "Done"]);
    const record = extract([table([["No.", "Action", "Status"], ...rows])]);
    expect(record.commitments).toHaveLength(1200);
    expect(record.commitments[1199].number).toBe("1200");
  });
});

describe("a whole record, compared with its file", () => {
  it("matches expected/action-log.json", () => {
    const record = extract([
      h(1, "Steering Committee — Meeting 4"),
      table([
        ["Ref", "Action", "Action by", "Due date", "RAG status", "Comments"],
        ["C-1", "Circulate the revised workplan", "Secretariat", "15 May", "Complete", "Sent on 12 May"],
        ["C-2", "Agree the data-sharing protocol", "Legal", "30 June", "Behind schedule", "Awaiting comments"],
      ]),
    ]);
    expectSameAsFile(record.commitments, new URL("./expected/action-log.json", import.meta.url).pathname);
  });
});

describe("status given as colour", () => {
  it("reads RAG words through the document's own key, and keeps the colour", () => {
    const record = extract([
      p("Key: Green = completed; Amber = in progress; Red = not started"),
      table([
        ["No.", "Commitment", "RAG"],
        ["1", "Open budget portal", "Green"],
        ["2", "Beneficial ownership register", "Amber"],
        ["3", "Whistleblower law", "Red"],
      ]),
    ]);
    expect(record.commitments.map((c) => [c.number, c.status, c.statusLabel, c.colour])).toEqual([
      ["1", "completed", "Green", "green"],
      ["2", "in_progress", "Amber", "amber"],
      ["3", "not_started", "Red", "red"],
    ]);
  });

  it("reads shaded status cells through a legend table, in French", () => {
    const shaded = (fill: string) => ({ type: "tableCell", data: { fill }, children: [] }) as never;
    const t = table([
      ["N°", "Engagement", "Statut"],
      ["1", "Budget citoyen", ""],
      ["2", "Registre foncier", ""],
    ]);
    t.children[1].children[2] = shaded("00B050");
    t.children[2].children[2] = shaded("FFC000");
    const legend = table(
      [
        ["", "réalisé"],
        ["", "en cours"],
      ],
      2,
    );
    legend.children[0].children[0] = shaded("C6EFCE");
    legend.children[1].children[0] = shaded("FFEB9C");
    const record = extract([t, legend]);
    expect(record.commitments.map((c) => [c.number, c.status, c.colour])).toEqual([
      ["1", "completed", "green"],
      ["2", "in_progress", "amber"],
    ]);
  });

  it("falls back to in progress for a colour the document does not explain", () => {
    const record = extract([table([["No.", "Action", "Status"], ["1", "Draft the decree", "Red"]])]);
    expect(record.commitments.map((c) => [c.status, c.colour])).toEqual([["in_progress", "red"]]);
  });
});

describe("actions set at the meeting", () => {
  it("reads a who-does-what table without status as decisions, and a re-listed reviewed item into its record", () => {
    const record = extract([
      table([
        ["No.", "Detail", "Resp.", "Status"],
        ["2.4", "Check with CLF that they are represented", "BM", "Not done"],
      ]),
      p("New Actions"),
      table(
        [
          ["No.", "Detail", "Resp.", "Due"],
          ["2.4", "Check with CLF that they are represented", "BM", ""],
          ["4.1", "Provide a summary page for the website on commitment 2.4", "AG, SR", "15 March 2017"],
        ],
        2,
      ),
    ]);
    expect(record.commitments.map((c) => [c.number, c.status])).toEqual([["2.4", "not_completed"]]);
    expect(record.decisions).toEqual([
      expect.objectContaining({ text: "Provide a summary page for the website on commitment 2.4", item: "4.1", owner: "AG, SR", due: "2017-03-15", date: "2017-03-15", commitment: "2.4" }),
    ]);
  });

  it("keeps an ACTION heading the minutes review as a commitment, and one only set as a decision", () => {
    const reviewed = extract([h(3, "ACTION 3.4: Secretariat to circulate the terms of reference"), p("Status: Completed")]);
    expect(reviewed.commitments.map((c) => c.number)).toEqual(["3.4"]);
    const set = extract([h(3, "ACTION 5.1: Secretariat to circulate the terms of reference")]);
    expect(set.commitments).toEqual([]);
    expect(set.decisions.map((d) => [d.item, d.text])).toEqual([["5.1", "Secretariat to circulate the terms of reference"]]);
  });
});

describe("a milestone tracker (commitment cells merged down over their milestone rows)", () => {
  const record = extract([
    table([
      ["No.", "Commitment", "Milestone", "Lead agency", "End", "Status"],
      [merged("1", { rowSpan: 3 }), merged("Beneficial ownership transparency", { rowSpan: 3 }), "Amend the Companies Regulations", "RGD", "Jun 2023", "Completed"],
      ["Launch a public register", "RGD", "Mar 2024", "75% – on track"],
      ["Link the register to e-procurement", "PPA", "Dec 2024", "Not started"],
      ["2", "Open contracting data", "Publish award data", "PPA", "Dec 2023", "Delayed – server migration"],
      [merged("3", { rowSpan: 2 }), merged("Citizens’ budget", { rowSpan: 2 }), "Publish the citizens’ budget", "MoF", "Jan 2024", "Completed"],
      ["Publish the budget hearings’ report", "MoF", "Dec 2024", "Completed"],
    ]),
  ]);

  it("reads each commitment once, its milestones as activities with their own state, no milestone row as a record", () => {
    expect(record.commitments.map((c) => [c.number, c.title, c.activities.map((a) => `${a.state}: ${a.text}`)])).toEqual([
      ["1", "Beneficial ownership transparency", ["done: Amend the Companies Regulations", "ongoing: Launch a public register", "planned: Link the register to e-procurement"]],
      ["2", "Open contracting data", ["ongoing: Publish award data"]],
      ["3", "Citizens’ budget", ["done: Publish the citizens’ budget", "done: Publish the budget hearings’ report"]],
    ]);
    expect(record.warnings.filter((w) => w.code === "unnumbered-commitment" || w.code === "row-continued")).toEqual([]);
  });

  it("gives a commitment its milestones' status only when they all say the same", () => {
    expect(record.commitments.map((c) => [c.number, c.status, c.statusLabel])).toEqual([
      ["1", "unknown", null],
      ["2", "in_progress", "Delayed"],
      ["3", "completed", "Completed"],
    ]);
  });

  it("keeps a status cell merged down over the milestones as the commitment's own", () => {
    const own = extract([
      table([
        ["N°", "Engagement", "Activités", "Responsable", "État d'avancement"],
        [merged("4", { rowSpan: 2 }), merged("Charte des services publics", { rowSpan: 2 }), "Rédiger le projet de charte", "DRSP", merged("En cours", { rowSpan: 2 })],
        ["Faire valider la charte", "DRSP"],
      ]),
    ]);
    expect(own.commitments.map((c) => [c.number, c.status, c.statusLabel, c.activities.length])).toEqual([["4", "in_progress", "En cours", 2]]);
  });

  it("reads an activity column as the item column when the table has no commitment column", () => {
    const only = extract([
      table([
        ["N°", "Activités", "Structure responsable", "Niveau d’exécution", "Taux d’exécution"],
        ["1.1", "Mise en production du SIGAE", "DAGE", "Achevé", "100 %"],
        ["1.2", "Recensement biométrique des agents", "Direction de la Solde", "En cours", "65 %"],
      ]),
    ]);
    expect(facts(only)).toEqual([
      { number: "1.1", title: "Mise en production du SIGAE", status: "completed", statusLabel: "Achevé", progress: 100, owner: "DAGE", reportedBy: [], activities: 0 },
      { number: "1.2", title: "Recensement biométrique des agents", status: "in_progress", statusLabel: "En cours", progress: 65, owner: "Direction de la Solde", reportedBy: [], activities: 0 },
    ]);
  });
});

describe("follow-up cards (one commitment down the rows of its own table)", () => {
  const card = (n: number, rows: string[][]) => table(rows, n);
  const record = extract([
    card(1, [
      ["رقم الالتزام", "١"],
      ["الالتزام", "إتاحة بيانات الموازنة العامة في صيغة مفتوحة"],
      ["الجهة المسؤولة", "وزارة المالية"],
      ["الحالة", "منفذ بالكامل"],
      ["نسبة الإنجاز", "١٠٠٪"],
    ]),
    card(2, [
      ["Commitment", "2"],
      ["Title", "Open contracting portal"],
      ["Lead", "Public Procurement Authority"],
      ["Status", "Ongoing – pilot with four ministries"],
      ["Progress", "40%"],
    ]),
    card(3, [
      ["Date", "12 February 2023"],
      ["Venue", "Ministry of Planning"],
      ["Chair", "Dr Ahmed Abdel Hamid"],
    ]),
  ]);

  it("reads each card as one commitment: number, title, owner, status with its note, percent", () => {
    expect(facts(record)).toEqual([
      { number: "1", title: "إتاحة بيانات الموازنة العامة في صيغة مفتوحة", status: "completed", statusLabel: "منفذ بالكامل", progress: 100, owner: "وزارة المالية", reportedBy: [], activities: 0 },
      { number: "2", title: "Open contracting portal", status: "in_progress", statusLabel: "Ongoing", progress: 40, owner: "Public Procurement Authority", reportedBy: [], activities: 0 },
    ]);
    expect(record.commitments[1].notes).toEqual(["pilot with four ministries"]);
  });

  it("reads no commitment from a table of meeting details", () => {
    expect(record.commitments.some((c) => c.title.includes("Ministry of Planning") || c.number === "3")).toBe(false);
  });
});

describe("an action table that numbers its own rows", () => {
  it("keeps actions 1-3 apart from commitments 1-3 of other titles: decisions, not merged into them", () => {
    const record = extract([
      table([
        ["No.", "Commitment", "Status"],
        ["1", "Beneficial ownership register", "Completed"],
        ["2", "Open contracting portal", "Ongoing"],
      ]),
      p("Action items"),
      table(
        [
          ["#", "Action", "Responsible", "By"],
          ["1", "Write to the Ministry of Finance about the audit funding", "Co-Chairs", "15 March 2024"],
          ["2", "Circulate the draft data template", "GSS", "8 March 2024"],
        ],
        2,
      ),
    ]);
    expect(record.commitments.map((c) => [c.number, c.title, c.status])).toEqual([
      ["1", "Beneficial ownership register", "completed"],
      ["2", "Open contracting portal", "in_progress"],
    ]);
    expect(record.decisions.map((d) => [d.text, d.date])).toEqual([
      ["Write to the Ministry of Finance about the audit funding", "2024-03-15"],
      ["Circulate the draft data template", "2024-03-08"],
    ]);
  });
});

describe("a status cell that carries a percent and a note", () => {
  it("reads the percent given with the status, not one inside the note after it", () => {
    const record = extract([
      table([
        ["N°", "Engagement", "Statut", "Observations"],
        ["1", "Portail des données ouvertes", "En cours (60 %)", "Migration prévue en mai"],
        ["2", "Registre des bénéficiaires effectifs", "75% – on track", ""],
        ["3", "Budget citoyen", "Done – the printing budget is 45 % spent", ""],
        ["4", "نشر بيانات المشاريع", "منجز جزئياً (٤٠٪) – نُشرت بيانات ٦ محافظات", ""],
      ]),
    ]);
    expect(record.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([
      ["1", "in_progress", 60],
      ["2", "in_progress", 75],
      ["3", "completed", null],
      ["4", "partially_completed", 40],
    ]);
  });
});

describe("a paragraph after the table that names no number but one commitment's owner", () => {
  const record = extract([
    table([
      ["Ref.", "Commitment", "Implementing Agency", "Status", "% Complete"],
      ["1", "Implementation of the Right to Information Act", "RTI Commission", "Ongoing", "70%"],
      ["2", "Beneficial Ownership Transparency", "Ministry of Finance", "Completed", "100%"],
      ["3", "Citizens' Budget", "Ministry of Finance", "Ongoing", "60%"],
    ]),
    p("Ms. Efua Asante noted that the RTI Commission had received 412 requests in 2023, of which 65% were granted."),
    p("Mr. Yaw Boateng noted that the Ministry of Finance had published 40% of its data."),
    p("Mrs. Gifty Owusu of the RTI Commission sent her apologies."),
  ]);

  it("is that commitment's report when it states progress; an owner of two commitments names neither, and a mere mention is no report", () => {
    expect(record.commitments.map((c) => [c.number, c.reportedBy, c.notes.length])).toEqual([
      ["1", ["Efua Asante"], 1],
      ["2", [], 0],
      ["3", [], 0],
    ]);
  });
});

describe("an action table numbered on its own, before the commitments of the same numbers", () => {
  const record = extract([
    table([
      ["#", "Action", "Responsible", "By when"],
      ["1", "Share the draft self-assessment with members", "Secretariat", "10 May 2024"],
      ["2", "Convene district health officers on open contracting", "PPDA", "31 May 2024"],
    ]),
    h(3, "Commitment 1 – Access to Information Act implementation"),
    p("Status: On track"),
    h(3, "Commitment 2 – Open contracting in the health sector"),
    p("Status: Completed"),
  ]);

  it("keeps its rows as the meeting's decisions, even one sharing words with the commitment of its number", () => {
    expect(record.commitments.map((c) => [c.number, c.title])).toEqual([
      ["1", "Access to Information Act implementation"],
      ["2", "Open contracting in the health sector"],
    ]);
    expect(record.decisions.map((d) => d.text)).toEqual(["Share the draft self-assessment with members", "Convene district health officers on open contracting"]);
  });
});
