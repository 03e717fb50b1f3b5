/**
 * The tracker over the three corpus meetings (records built from their gold
 * facts) against series.gold.json: the checks of eval/score-tracker.mjs,
 * reimplemented here, plus the stalls and gaps the scorer does not read.
 */
import { describe, expect, test } from "vitest";
import { Tracker, type TrackedCommitment } from "../src/model/tracker.js";
import { buildTracker } from "../src/track/index.js";
import { trackerToJson } from "../src/write/json.js";
import { scoreTracker } from "./series-score.js";
import { goldMeetingRecord, goldRecords, readSeriesGold } from "./track-gold-records.js";

describe("tracker over the corpus series", () => {
  const gold = readSeriesGold();
  const tracker = buildTracker(goldRecords());
  const commitment = (n: string): TrackedCommitment => {
    const c = tracker.commitments.find((x) => x.number === n);
    if (!c) throw new Error(`commitment ${n} not tracked`);
    return c;
  };

  test("is a valid tracker", () => {
    expect(() => Tracker.parse(tracker)).not.toThrow();
  });

  test("scores 1.0 on the series scorer's checks", () => {
    const { missed, total } = scoreTracker(tracker, gold);
    expect(total).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });

  /** The id of the meeting the gold calls `goldId`: its date and the start of its content hash. */
  const idOf = (goldId: string): string => tracker.meetings.find((m) => m.id.startsWith(`${goldId}-`))!.id;

  test("meetings are ordered by date; each id is the gold id (the date) and the content hash", () => {
    expect(tracker.meetings.map((m) => m.id.replace(/-[0-9a-f]{8}$/u, ""))).toEqual(gold.meetings.map((m) => m.id));
    for (const m of tracker.meetings) expect(m.id).toBe(`${m.date}-${m.sha256?.slice(0, 8)}`);
    expect(tracker.meetings.map((m) => m.language)).toEqual(["ar", "ar", "fr"]);
  });

  test("one plan: every commitment keyed nap4-2021-2023#n, numbers 1-13 in order", () => {
    expect(tracker.commitments.map((c) => c.key)).toEqual(Array.from({ length: 13 }, (_, i) => `nap4-2021-2023#${i + 1}`));
  });

  test("the only regression is 11, from 2023-03 to 2023-09-14", () => {
    expect(tracker.commitments.filter((c) => c.regressed).map((c) => c.number)).toEqual(["11"]);
    expect(commitment("11").regressions).toEqual([{ from: idOf("2023-03"), to: idOf("2023-09-14") }]);
    expect(commitment("11").change).toBe("regressed");
    expect(commitment("11").history.map((h) => h.change)).toEqual([null, "improved", "regressed"]);
  });

  test("the stalls are 3, 6 and 7 (not_started then not_completed is the same rank)", () => {
    expect(tracker.commitments.filter((c) => c.stalled).map((c) => c.number)).toEqual(gold.stalls);
    expect(commitment("3").history.map((h) => h.change)).toEqual([null, "unchanged", "unchanged"]);
  });

  test("a percent reappearing after a status-only report counts as progress, not a stall", () => {
    // 4: in_progress 20 -> partially_completed (no percent) -> partially_completed 60.
    expect(commitment("4").change).toBe("improved");
    expect(commitment("4").stalled).toBe(false);
  });

  test("commitment 2 is a gap in 2023-09-14, not a drop", () => {
    const c = commitment("2");
    expect(c.history[2]).toMatchObject({ meeting: idOf("2023-09-14"), status: "notReported", progress: null, source: null, change: null, record: "2023-09-committee-minutes" });
    expect(c.latest).toEqual({ meeting: idOf("2023-03"), status: "partially_completed", progress: null });
    expect(c.change).toBe("improved");
    expect(c.regressed).toBe(false);
  });

  test("the unnumbered 2023-03 row is kept, never dropped", () => {
    const twelve = commitment("12").history[1];
    const kept = tracker.unlinked.find((u) => u.meeting === idOf("2023-03") && u.title.startsWith("بالنسبة لتطوير المنصة الالكترونية"));
    if (twelve.status === "notReported") {
      expect(kept).toMatchObject({ plan: "nap4-2021-2023", status: "partially_completed" });
      expect(tracker.warnings.some((w) => w.code === "unlinked-record" && w.meeting === idOf("2023-03"))).toBe(true);
    } else {
      expect(twelve.link).toBe("similarity");
    }
  });

  test("titles are kept per language; the tracker title is in the language most minutes use", () => {
    expect(commitment("5").titles).toEqual({ ar: "تعزيز فتح البيانات العمومية", fr: "Renforcer l'ouverture des données publiques" });
    expect(commitment("5").title).toBe("تعزيز فتح البيانات العمومية");
    expect(tracker.warnings.filter((w) => w.code === "title-mismatch")).toEqual([]);
  });

  test("source of every reported value", () => {
    for (const c of tracker.commitments) {
      for (const h of c.history) {
        if (h.status === "notReported") expect(h.source).toBeNull();
        else expect(h.source?.file).toMatch(/^fixtures\/ogp-tunisia\/.*\.docx$/);
      }
    }
  });

  test("does not depend on the order the records arrive in", () => {
    const reversed = buildTracker(goldRecords().reverse());
    expect(trackerToJson(reversed)).toBe(trackerToJson(tracker));
  });

  test("any mix of renderings gives the same histories", () => {
    const mixed = buildTracker([
      goldMeetingRecord("2022-06-committee-minutes", "pdf"),
      goldMeetingRecord("2023-03-committee-minutes", "txt"),
      goldMeetingRecord("2023-09-committee-minutes", "docx"),
    ]);
    expect(scoreTracker(mixed, gold).missed).toEqual([]);
    expect(mixed.commitments.map((c) => c.history.map((h) => [h.status, h.progress]))).toEqual(
      tracker.commitments.map((c) => c.history.map((h) => [h.status, h.progress])),
    );
  });
});
