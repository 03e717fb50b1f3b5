/** The commitment-table layout on tables built in code: action logs and plan trackers in three languages. */
import { describe, expect, it } from "vitest";
import { expectSameAsFile } from "../expect-record.js";
import { extract, facts, h, p, table } from "../tree-builders.js";

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
