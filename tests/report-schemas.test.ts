/**
 * The contract documented: every field of the published JSON Schemas says what
 * it holds, and the schemas, read by Ajv (an independent JSON Schema validator),
 * accept what the writers write: records, the tracker, and a record and a
 * tracker made by real extraction, and reject what breaks the contract.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { extractMeeting } from "../src/index.js";
import { jsonSchemaFiles } from "../src/model/schemas.js";
import { buildTracker } from "../src/track/index.js";
import { buildReview } from "../src/track/review.js";
import { recordToJson, trackerToJson } from "../src/write/json.js";
import { CORPUS_DIR, goldRecords } from "./track-gold-records.js";

const files = jsonSchemaFiles();
const schemas = {
  meeting: JSON.parse(files["meeting.schema.json"]) as object,
  tracker: JSON.parse(files["tracker.schema.json"]) as object,
  review: JSON.parse(files["review.schema.json"]) as object,
  errors: JSON.parse(files["errors.schema.json"]) as object,
};

/** Paths of the properties, at any depth, that have no description. */
function undescribed(node: unknown, path = "$"): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => undescribed(item, `${path}[${i}]`));
  if (node === null || typeof node !== "object") return [];
  const missing: string[] = [];
  const properties = (node as { properties?: Record<string, { description?: string }> }).properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (!property.description) missing.push(`${path}.${name}`);
    missing.push(...undescribed(property, `${path}.${name}`));
  }
  for (const [key, value] of Object.entries(node)) if (key !== "properties") missing.push(...undescribed(value, `${path}/${key}`));
  return missing;
}

describe("the published schemas", () => {
  test("every field has a description", () => {
    expect(undescribed(schemas.meeting)).toEqual([]);
    expect(undescribed(schemas.tracker)).toEqual([]);
    expect(undescribed(schemas.review)).toEqual([]);
    expect(undescribed(schemas.errors)).toEqual([]);
    // The check finds a field without one.
    expect(undescribed({ properties: { a: { type: "string" }, b: { type: "object", description: "b", properties: { c: {} } } } })).toEqual(["$.a", "$.b.c"]);
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validRecord = ajv.compile(schemas.meeting);
  const validTracker = ajv.compile(schemas.tracker);
  const validReview = ajv.compile(schemas.review);
  const validErrors = ajv.compile(schemas.errors);

  test("Ajv accepts an errors.json the batch writes, and refuses a code outside the registry", () => {
    const failures = [{ file: "a.pdf", code: "no-text-layer", reason: "a.pdf: the PDF has no text layer" }, { file: "b.docx", code: "timeout", reason: "stopped after 60 s" }];
    expect(validErrors(failures), JSON.stringify(validErrors.errors)).toBe(true);
    expect(validErrors([{ file: "c.docx", code: "made-up", reason: "?" }])).toBe(false);
  });

  test("Ajv accepts every record and the tracker the writers write for the corpus series", () => {
    const records = goldRecords();
    for (const record of records) expect(validRecord(JSON.parse(recordToJson(record))), JSON.stringify(validRecord.errors)).toBe(true);
    const tracker = buildTracker(records);
    expect(validTracker(JSON.parse(trackerToJson(tracker))), JSON.stringify(validTracker.errors)).toBe(true);
    const review = buildReview(tracker, records);
    expect(review.items.length).toBeGreaterThan(0);
    expect(validReview(JSON.parse(JSON.stringify(review))), JSON.stringify(validReview.errors)).toBe(true);
  });

  test("Ajv accepts a record and a tracker made by real extraction", async () => {
    const record = await extractMeeting(join(CORPUS_DIR, "2023-09-committee-minutes.docx"));
    expect(validRecord(JSON.parse(recordToJson(record))), JSON.stringify(validRecord.errors)).toBe(true);
    expect(validTracker(JSON.parse(trackerToJson(buildTracker([record])))), JSON.stringify(validTracker.errors)).toBe(true);
  });

  test("Ajv rejects what breaks the contract", () => {
    const record = JSON.parse(recordToJson(goldRecords()[0])) as { meeting: { date: string }; commitments: { progress: number }[] };
    record.meeting.date = "14/09/2023";
    record.commitments[0].progress = 140;
    expect(validRecord(record)).toBe(false);
    expect(validRecord.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(["/meeting/date", "/commitments/0/progress"]));
  });
});
