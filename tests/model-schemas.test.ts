/** The JSON Schemas published in schema/ are the ones the zod schemas give today. */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
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
