/** tables.ts on tables built in code: the grid of merged cells, and cards read across. */
import { describe, expect, it } from "vitest";
import { flatten } from "../../src/extract/blocks.js";
import { readAcross, tableGrid } from "../../src/extract/tables.js";
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
