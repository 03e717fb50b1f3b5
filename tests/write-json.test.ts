/** tracker.json and meeting JSON: schema-valid, stable key order, same bytes for the same data. */
import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";
import { Tracker, trackerJsonSchema } from "../src/model/tracker.js";
import { buildTracker } from "../src/track/index.js";
import { recordToJson, trackerToJson, writeTrackerJson } from "../src/write/json.js";
import { goldMeetingRecord, goldRecords } from "./track-gold-records.js";

/** The same object with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

describe("trackerToJson", () => {
  const json = trackerToJson(buildTracker(goldRecords()));

  test("two runs give the same bytes", () => {
    expect(trackerToJson(buildTracker(goldRecords()))).toBe(json);
  });

  test("keys follow the schema whatever order the object was built in", () => {
    const tracker = buildTracker(goldRecords());
    expect(trackerToJson(reverseKeys(tracker) as Tracker)).toBe(json);
    expect(Object.keys(JSON.parse(json))).toEqual(["schemaVersion", "meetings", "commitments", "unlinked", "warnings", "plans"]);
    expect(Object.keys(JSON.parse(json).commitments[0])).toEqual(Object.keys(Tracker.shape.commitments.element.shape));
  });

  test("two-space indent, trailing newline, parses back to a valid tracker", () => {
    expect(json.endsWith("}\n")).toBe(true);
    expect(json.split("\n")[1]).toBe('  "schemaVersion": 1,');
    expect(() => Tracker.parse(JSON.parse(json))).not.toThrow();
  });

  test("is exactly JSON.stringify of the parsed tracker, also with empty lists, and streams the same text", async () => {
    const tracker = buildTracker(goldRecords());
    expect(json).toBe(`${JSON.stringify(Tracker.parse(tracker), null, 2)}\n`);
    const empty = { ...tracker, commitments: [], unlinked: [], warnings: [] };
    expect(trackerToJson(empty)).toBe(`${JSON.stringify(Tracker.parse(empty), null, 2)}\n`);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeTrackerJson(tracker, output);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(json);
  });

  test("an invalid tracker is refused, not written", () => {
    const tracker = buildTracker(goldRecords());
    const broken = { ...tracker, commitments: [{ ...tracker.commitments[0], number: "three" }] };
    expect(() => trackerToJson(broken)).toThrow();
  });

  test("the JSON Schema describes the contract fields", () => {
    const schema = trackerJsonSchema() as { properties: Record<string, { items?: { required?: string[] } }> };
    expect(Object.keys(schema.properties)).toEqual(["schemaVersion", "meetings", "commitments", "unlinked", "warnings", "plans"]);
    expect(schema.properties.meetings.items?.required).toEqual(expect.arrayContaining(["id", "date", "file"]));
    expect(schema.properties.commitments.items?.required).toEqual(
      expect.arrayContaining(["number", "plan", "title", "history", "latest", "change", "stalled", "regressed"]),
    );
  });
});

describe("recordToJson", () => {
  test("stable bytes, schema key order, trailing newline", () => {
    const record = goldMeetingRecord("2023-09-committee-minutes");
    const json = recordToJson(record);
    expect(recordToJson(reverseKeys(record) as MeetingRecord)).toBe(json);
    expect(Object.keys(JSON.parse(json))).toEqual(["schemaVersion", "source", "meeting", "commitments", "decisions", "events", "warnings"]);
    expect(json.endsWith("]\n}\n")).toBe(true);
    expect(MeetingRecord.parse(JSON.parse(json))).toEqual(record);
  });
});
