/** The JSON Schemas published in schema/ are the ones the zod schemas give today. */
import { readFileSync } from "node:fs";
import { describe, expect, it, test } from "vitest";
import { jsonSchemaFiles } from "../src/model/schemas.js";

describe("published JSON Schemas", () => {
  for (const [name, text] of Object.entries(jsonSchemaFiles())) {
    test(`schema/${name} is up to date (regenerate with: minutes schema --out schema)`, () => {
      expect(readFileSync(new URL(`../schema/${name}`, import.meta.url), "utf8")).toBe(text);
    });
  }

  test("the meeting schema names the record contract's fields", () => {
    const schema = JSON.parse(jsonSchemaFiles()["meeting.schema.json"]) as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required).toEqual(expect.arrayContaining(["source", "meeting", "commitments", "decisions", "events", "warnings"]));
    expect(schema.properties.meeting.required).toEqual(expect.arrayContaining(["date", "dateSource", "language", "actionPlan", "chair", "attendees", "agenda"]));
  });
});

describe("one message type", () => {
  it("gives every record warning its stage and level from the registry, and rejects a code outside it", async () => {
    const { MESSAGE_CODES } = await import("../src/model/messages.js");
    const { Warning, warning } = await import("../src/model/meeting.js");
    const made = warning("no-status", "Commitment 3: no status words or percent found", { file: "x.docx", table: 1, row: 4 });
    expect(made).toEqual({ code: "no-status", stage: "extract", level: "warning", message: "Commitment 3: no status words or percent found", source: { file: "x.docx", table: 1, row: 4 } });
    expect(Warning.safeParse({ ...made, code: "made-up" }).success).toBe(false);
    for (const [code, spec] of Object.entries(MESSAGE_CODES)) expect(spec.means, code).toMatch(/\S/);
  });
});
