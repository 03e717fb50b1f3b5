/**
 * The corrections stage on records built in code: the file's entries (meeting by record
 * name or id, commitment by number, key or title), what they set, link, drop and add, a bad
 * entry a warning naming its line, and the tracker showing corrected values beside the
 * extracted ones.
 */
import { describe, expect, test } from "vitest";
import { correctRecords, parseCorrections } from "../src/correct/index.js";
import { MeetingRecord, warning, type Commitment, type DateSource } from "../src/model/meeting.js";
import { Tracker } from "../src/model/tracker.js";
import { buildTracker } from "../src/track/index.js";
import { buildReview } from "../src/track/review.js";

interface Row {
  number: string | null;
  title?: string;
  status?: Commitment["status"];
  progress?: number | null;
}

function record(path: string, sha: string, date: string | null, rows: Row[], options: { plan?: string; dateSource?: DateSource } = {}): MeetingRecord {
  const plan = options.plan ?? "nap4-2021-2023";
  return MeetingRecord.parse({
    schemaVersion: 1,
    source: { path, sha256: sha.padEnd(64, "0"), format: "docx", pages: null },
    meeting: { title: null, date, dateSource: date ? (options.dateSource ?? "text") : null, language: "fr", actionPlan: { text: plan, key: plan, ordinal: null, startYear: null, endYear: null }, chair: null, attendees: [], agenda: [] },
    commitments: rows.map((row, i) => ({
      number: row.number,
      title: row.title ?? `Engagement ${row.number}`,
      status: row.status ?? "in_progress",
      statusLabel: null,
      progress: row.progress ?? null,
      reportedBy: [],
      activities: [],
      notes: [],
      source: { file: path, table: 1, row: i + 2 },
    })),
    decisions: [],
    events: [],
    warnings: [],
  });
}

/** The case: the March minutes dated from the PDF's creation date, 2026-11-24. */
const archive = (): MeetingRecord[] => [
  record("a/2022-06-minutes.docx", "a1", "2022-06-16", [{ number: "9", status: "in_progress", progress: 40 }, { number: "11", status: "in_progress", progress: 60 }]),
  record("a/محضر مارس.pdf", "b2", "2026-11-24", [{ number: "9", status: "partially_completed", progress: 70 }, { number: "11", status: "completed", progress: 100 }], { dateSource: "metadata" }),
  record("a/2023-09-committee-minutes.docx", "c3", "2023-09-14", [{ number: "9", status: "partially_completed", progress: 80 }, { number: "11", status: "partially_completed", progress: 90 }]),
];

describe("parseCorrections", () => {
  test("a bad entry is a warning naming its line; the others still apply", () => {
    const parsed = parseCorrections(
      [
        "# checked with the ministry",
        "- meeting: 2023-09-committee-minutes",
        '  commitment: "11"',
        "  set: { status: completed, progress: 100 }",
        "  note: confirmed by the ministry on 2 October",
        "- meeting: x",
        "  set: { status: finished }",
        "- meeting: محضر مارس",
        "  set: { date: 2023-03-15 }",
        "- commitment: 3",
        "  drop: true",
      ].join("\n"),
      "out/corrections.yaml",
    );
    expect(parsed.entries.map((e) => e.line)).toEqual([2, 8]);
    expect(parsed.entries[0]).toMatchObject({ meeting: "2023-09-committee-minutes", commitment: "11", set: { status: "completed", progress: 100 }, note: "confirmed by the ministry on 2 October" });
    expect(parsed.warnings.map((w) => [w.line, w.code])).toEqual([[6, "bad-correction"], [10, "bad-correction"]]);
    expect(parsed.warnings[0].message).toMatch(/^out\/corrections\.yaml line 6: /u);
  });

  test("broken YAML spoils only the entry it is in", () => {
    const parsed = parseCorrections(['- meeting: a', '  commitment: "1"', "  set: { progress: 50 }", "- meeting: b", "  set: { status: [", "- meeting: c", "  drop: true"].join("\n"), "c.yaml");
    expect(parsed.warnings.length).toBeGreaterThan(0);
    expect(parsed.warnings[0].message).toContain("c.yaml line");
    expect(parsed.entries.map((e) => e.meeting)).toContain("a");
  });
});

describe("applyCorrections and the tracker", () => {
  test("a corrected date undoes the false regression of 9 and shows the real one of 11", () => {
    const before = buildTracker(archive());
    const nine = (t: Tracker) => t.commitments.find((c) => c.number === "9")!;
    const eleven = (t: Tracker) => t.commitments.find((c) => c.number === "11")!;
    expect(nine(before).regressed).toBe(true);
    expect(eleven(before).regressed).toBe(false);

    const corrected = correctRecords(archive(), "- meeting: محضر مارس\n  set: { date: 2023-03-15 }\n  note: date on the signature page\n", { file: "corrections.yaml" });
    expect(corrected.warnings).toEqual([]);
    const after = buildTracker(corrected.records, { marks: corrected.marks });
    expect(nine(after).regressed).toBe(false);
    expect(eleven(after).regressed).toBe(true);
    const march = after.meetings[1];
    expect(march).toMatchObject({ date: "2023-03-15", dateSource: "correction", corrected: { note: "date on the signature page", extracted: { date: "2026-11-24" } } });
    // The id keeps its hash: an entry naming the old id still finds the meeting.
    expect(march.id).toBe("2023-03-15-b2000000");
    const byOldId = correctRecords(archive(), `- meeting: ${before.meetings[2].id}\n  set: { date: 2023-03-15 }\n`, { file: "c.yaml" });
    expect(byOldId.warnings).toEqual([]);
    expect(byOldId.records[1].meeting.date).toBe("2023-03-15");
  });

  test("a corrected status is marked with its note, the extracted value kept beside it", () => {
    const text = ['- meeting: 2023-09-committee-minutes', '  commitment: "11"', "  set: { status: completed, progress: 100 }", "  note: confirmed by the ministry on 2 October"].join("\n");
    const { records, marks, applied } = correctRecords(archive(), text, { file: "corrections.yaml" });
    expect(applied).toBe(1);
    const tracker = buildTracker(records, { marks });
    const september = tracker.meetings.find((m) => m.record === "2023-09-committee-minutes")!.id;
    const entry = tracker.commitments.find((c) => c.number === "11")!.history.find((h) => h.meeting === september)!;
    expect(entry).toMatchObject({
      status: "completed",
      progress: 100,
      corrected: { note: "confirmed by the ministry on 2 October", extracted: { status: "partially_completed", progress: 90 }, line: 1 },
    });
    expect(() => Tracker.parse(tracker)).not.toThrow();
    // The records given are left as extracted.
    expect(archive()[2].commitments[1].status).toBe("partially_completed");
  });

  test("link, drop and add", () => {
    const records = [
      ...archive(),
      record("a/2024-01.docx", "d4", "2024-01-10", [{ number: null, title: "Plateforme des finances locales", status: "in_progress", progress: 30 }, { number: "99", title: "Divers" }]),
    ];
    const text = [
      "- meeting: 2024-01",
      '  commitment: "Plateforme des finances"',
      '  link: "9"',
      "- meeting: 2024-01",
      '  commitment: "99"',
      "  drop: true",
      "- meeting: 2023-09-committee-minutes",
      '  add: { number: "12", title: "Services en ligne", status: not_started, progress: 0 }',
      '  note: "missed: in the annex"',
      "- meeting: nowhere",
      "  drop: true",
    ].join("\n");
    const corrected = correctRecords(records, text, { file: "corrections.yaml" });
    expect(corrected.warnings.map((w) => [w.line, w.code])).toEqual([[10, "correction-unmatched"]]);
    const tracker = buildTracker(corrected.records, { marks: corrected.marks });
    const nine = tracker.commitments.find((c) => c.number === "9")!;
    expect(nine.history.find((h) => h.record === "2024-01")).toMatchObject({ status: "in_progress", progress: 30, link: "number", corrected: { extracted: { number: null } } });
    expect(tracker.commitments.map((c) => c.number)).not.toContain("99");
    expect(tracker.unlinked).toEqual([]);
    const twelve = tracker.commitments.find((c) => c.number === "12")!;
    expect(twelve.history.find((h) => h.status !== "notReported")).toMatchObject({ status: "not_started", corrected: { added: true, note: "missed: in the annex" } });
  });

  test("a link to another plan's key joins the two series, and that meeting is no gap in the plan's other commitments", () => {
    const records = [
      record("p/nap4.docx", "e5", "2023-01-10", [{ number: "7", progress: 20 }, { number: "8", progress: 10 }]),
      record("p/nap5.docx", "f6", "2024-01-10", [{ number: "3", progress: 50 }], { plan: "nap5-2023-2025" }),
    ];
    const corrected = correctRecords(records, '- commitment: "nap5-2023-2025#3"\n  link: "nap4-2021-2023#7"\n  note: renumbered in NAP5\n', { file: "c.yaml" });
    expect(corrected.warnings).toEqual([]);
    const tracker = buildTracker(corrected.records, { marks: corrected.marks });
    expect(tracker.commitments.map((c) => c.key)).toEqual(["nap4-2021-2023#7", "nap4-2021-2023#8"]);
    expect(tracker.commitments[0].history.map((h) => h.progress)).toEqual([20, 50]);
    expect(tracker.commitments[0].change).toBe("improved");
    expect(tracker.commitments[1].history.map((h) => h.status)).toEqual(["in_progress"]);
  });
});

describe("buildReview", () => {
  test("every uncertain fact says why, most consequential first, with the entry to correct it by", () => {
    const records = archive();
    records[2].commitments[1] = { ...records[2].commitments[1], status: "completed", progress: 90 };
    records[2].warnings.push(warning("status-from-prose", "Commitment 9: status read from the prose", records[2].commitments[0].source));
    records.push(record("a/2024-01.docx", "d4", "2024-01-10", [{ number: null, title: "Point divers sans numéro" }]));
    records.push(record("a/pv-sans-date.docx", "e5", null, [{ number: "9", status: "completed", progress: 100 }]));
    const tracker = buildTracker(records);
    const review = buildReview(tracker, records);
    const reasons = review.items.map((i) => i.reason);
    expect(reasons).toEqual(expect.arrayContaining(["date-from-metadata", "meeting-undated", "status-from-prose", "percent-contradicts-status", "no-number"]));
    expect(review.items.find((i) => i.reason === "meeting-undated")).toMatchObject({ record: "pv-sans-date", consequence: "latest" });
    // The metadata date puts March last, making 9 regress: it comes first.
    expect(review.items[0]).toMatchObject({ reason: "date-from-metadata", consequence: "regression", record: "محضر مارس", correctBy: { meeting: "محضر مارس" } });
    const prose = review.items.find((i) => i.reason === "status-from-prose")!;
    expect(prose).toMatchObject({ commitment: "nap4-2021-2023#9", correctBy: { meeting: "2023-09-committee-minutes", commitment: "9" } });
    expect(review.items.at(-1)).toMatchObject({ reason: "no-number", consequence: "none" });
  });
});
