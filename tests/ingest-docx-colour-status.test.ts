import { describe, expect, it } from "vitest";
import { statusOfFill } from "../src/extract/colour-status.js";

describe("statusOfFill: a status cell's shading as red, amber or green", () => {
  it("reads Word's and Excel's traffic-light colours and their light tints", () => {
    const statuses = (fills: string[]) => fills.map(statusOfFill);
    expect(statuses(["FF0000", "C00000", "FFC7CE", "E6B8B7"])).toEqual(["red", "red", "red", "red"]);
    expect(statuses(["FFC000", "FFFF00", "FFEB9C", "F79646"])).toEqual(["amber", "amber", "amber", "amber"]);
    expect(statuses(["00B050", "92D050", "C6EFCE", "00FF00", "70AD47"])).toEqual(["green", "green", "green", "green", "green"]);
  });

  it("gives no status to header greys, white, black, blues and purples, or to what is not a colour", () => {
    expect(["D9D9D9", "FFFFFF", "000000", "F2F2F2", "4472C4", "DEEAF6", "7030A0", "auto", "", "12345"].map(statusOfFill)).toEqual(
      Array.from({ length: 10 }, () => null),
    );
  });

  it("accepts lowercase digits and a leading #", () => {
    expect(statusOfFill("#00b050")).toBe("green");
    expect(statusOfFill(" ff0000 ")).toBe("red");
  });
});
