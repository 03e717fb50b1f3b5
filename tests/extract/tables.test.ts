/** tables.ts on tables built in code: the grid of merged cells, and cards read across. */
import { describe, expect, it } from "vitest";
import { flatten } from "../../src/extract/blocks.js";
import { planColumns, readAcross, tableGrid, tableKind } from "../../src/extract/tables.js";
import { doc, merged, table } from "./tree-builders.js";

const modelOf = (t: ReturnType<typeof table>) => flatten(doc([t]).tree).tables[0];

describe("tableGrid", () => {
  it("places the cells of rows under a cell merged down in the columns they stand in, and says which row the merge comes from", () => {
    const grid = tableGrid(
      modelOf(
        table([
          ["No.", "Commitment", "Milestone", "Status"],
          [merged("1", { rowSpan: 2 }), merged("Open data", { rowSpan: 2 }), "Publish", "Done"],
          ["Review", "Ongoing"],
          [merged("Group 2", { colSpan: 4 })],
          ["2", "Budget", "Hearings", "Ongoing"],
        ]),
      ),
    );
    expect(grid.starts).toEqual([[0, 1, 2, 3], [0, 1, 2, 3], [2, 3], [0], [0, 1, 2, 3]]);
    expect(grid.mergedFrom.map((m) => [...m])).toEqual([[], [], [[0, 1], [1, 1]], [], []]);
  });
});

describe("readAcross", () => {
  it("reads a card (labels down the first column) as a header of labels over one row of values", () => {
    const across = readAcross(
      modelOf(
        table([
          ["Commitment", "3"],
          ["Title", "Open contracting portal"],
          ["Lead", "Public Procurement Authority"],
          ["Status", "Ongoing"],
        ]),
      ),
    );
    expect(across?.plan.roles).toEqual(["number", "commitment", "owner", "status"]);
    expect(across?.table.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ["Commitment", "Title", "Lead", "Status"],
      ["3", "Open contracting portal", "Public Procurement Authority", "Ongoing"],
    ]);
  });

  it("reads no card from a table of meeting details, nor from a two-column tracker with a header row", () => {
    expect(readAcross(modelOf(table([["Date", "12 February 2023"], ["Venue", "Ministry of Planning"], ["Chair", "Dr Ahmed"]])))).toBeNull();
    expect(readAcross(modelOf(table([["Commitment", "Status"], ["Open data portal", "Done"], ["Citizens' budget", "Ongoing"], ["Audit", "Not started"]])))).toBeNull();
  });
});

describe("tableKind and planColumns on agenda tables and action logs", () => {
  const kindOf = (rows: Parameters<typeof table>[0]) => {
    const model = modelOf(table(rows));
    return tableKind(model, planColumns(model));
  };

  it("takes a table of subjects and who presents them for the agenda, in English, French and Arabic", () => {
    expect(kindOf([["Item", "Subject", "Lead"], ["1", "Opening and adoption of the agenda", "Chair"], ["2", "Matters arising", "Secretariat"]])).toBe("agenda");
    expect(kindOf([["No.", "Item", "Presenter"], ["1", "Welcome and apologies", "Chair"], ["2", "Minutes of the last meeting", "Secretariat"]])).toBe("agenda");
    expect(kindOf([["N°", "Objet", "Intervenant"], ["1", "Ouverture de la séance", "Le Président"], ["2", "Point sur les engagements", "Secrétariat"]])).toBe("agenda");
    expect(kindOf([["الرقم", "الموضوع", "المقدم"], ["1", "افتتاح الجلسة", "الرئيس"], ["2", "متابعة التعهدات", "الكتابة القارة"]])).toBe("agenda");
  });

  it("keeps action logs (an action, an owner, a due date or a status) as actions or commitments, even beside a subject column", () => {
    expect(kindOf([["Item", "Action", "Lead", "Due"], ["1", "Circulate the draft report", "Secretariat", "30 June 2024"]])).toBe("actions");
    expect(kindOf([["Item", "Subject", "Lead", "Due"], ["1", "Circulate the draft report", "Secretariat", "30 June 2024"]])).toBe("actions");
    expect(kindOf([["N°", "Objet", "Responsable", "Statut"], ["1", "Publier le budget citoyen", "Ministère des Finances", "Réalisé"]])).toBe("commitments");
    expect(kindOf([["No.", "Action", "Presenter"], ["1", "Publish the open data inventory", "MoF"]])).not.toBe("agenda");
    expect(kindOf([["N°", "Objet", "Activités", "Responsable"], ["1", "Budget citoyen", "Publier le budget citoyen", "Ministère des Finances"]])).not.toBe("agenda");
  });

  it("reads an item column that holds only numbers as the number column, the column after it as the titles", () => {
    const model = modelOf(table([["Item", "Action", "Lead", "Due"], ["1", "Circulate the draft report", "Secretariat", "30 June 2024"], ["2", "Convene the working group", "Chair", "15 July 2024"]]));
    expect(planColumns(model)?.roles).toEqual(["number", "commitment", "owner", "due"]);
    const titled = modelOf(table([["Item", "Action"], ["Circulate the draft report", "Secretariat"]]));
    expect(planColumns(titled)?.roles).toEqual(["commitment", "commitment"]);
  });
});
