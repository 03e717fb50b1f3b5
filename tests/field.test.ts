/**
 * Field test: minutes the extractor was not written against (other countries,
 * committees, templates and languages), in every rendering, checked fact by fact
 * against the `*.expected.json` a careful reader wrote next to each document in
 * fixtures/field/.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { extractMeeting } from "../src/index.js";
import { describeExpectedFacts } from "./expected-facts.js";
import type { Tracker } from "../src/model/tracker.js";
import { buildTracker } from "../src/track/index.js";

const DIR = "fixtures/field";

const DOCUMENTS: Record<string, string[]> = {
  "en-msf-nap4-2024-03": ["docx", "pdf"],
  "en-msf-nap4-2024-06": ["docx", "pdf"],
  "en-msf-nap5-2025-02": ["txt"],
  "ar-jo-nap5-2024-01": ["docx", "pdf"],
  "ar-table-nap5-2024-06": ["docx", "pdf"],
  "fr-ma-pan-2024-03": ["docx", "pdf"],
  "en-numbered-list-2024-05": ["docx", "pdf"],
  "en-not-minutes-letter": ["docx", "pdf"],
};

describeExpectedFacts(DIR, DOCUMENTS);

describe("tracker over two meetings of NAP4 and one of NAP5 reusing its numbers", () => {
  let tracker: Tracker;
  beforeAll(async () => {
    const records = await Promise.all(
      ["en-msf-nap4-2024-03.docx", "en-msf-nap4-2024-06.docx", "en-msf-nap5-2025-02.txt"].map((f) => extractMeeting(`${DIR}/${f}`)),
    );
    tracker = buildTracker(records);
  });
  const tracked = (plan: string, number: string) => tracker.commitments.find((c) => c.plan === plan && c.number === number);

  it("orders the meetings by date", () => {
    expect(tracker.meetings.map((m) => m.date)).toEqual(["2024-03-12", "2024-06-20", "2025-02-06"]);
  });
  it("keeps NAP4's and NAP5's commitments with the same number apart", () => {
    for (const number of ["1", "2", "3", "5"]) {
      expect(tracked("nap4-2022-2024", number), `nap4 #${number}`).toBeDefined();
      expect(tracked("nap5-2025-2027", number), `nap5 #${number}`).toBeDefined();
    }
    const nap5First = tracked("nap5-2025-2027", "1");
    expect(nap5First?.history.filter((h) => h.status !== "notReported").map((h) => h.meeting.slice(0, 10))).toEqual(["2025-02-06"]);
    // One tracker per plan: NAP4's meetings are no gap in NAP5's history.
    expect(nap5First?.history.map((h) => h.meeting.slice(0, 10))).toEqual(["2025-02-06"]);
  });
  it("shows improvement, regression, stall and a gap within NAP4", () => {
    expect(tracked("nap4-2022-2024", "1")?.change).toBe("improved");
    expect(tracked("nap4-2022-2024", "5")?.change).toBe("improved");
    expect(tracked("nap4-2022-2024", "3")?.regressed).toBe(true);
    expect(tracked("nap4-2022-2024", "3")?.change).toBe("regressed");
    expect(tracked("nap4-2022-2024", "2")?.stalled).toBe(true);
    expect(tracked("nap4-2022-2024", "1")?.regressed).toBe(false);
    const four = tracked("nap4-2022-2024", "4");
    expect(four?.history.find((h) => h.meeting.startsWith("2024-06-20-"))?.status).toBe("notReported");
    expect(four?.regressed).toBe(false);
  });
});

describe("tracker over one Arabic plan whose template changed from headings to a table", () => {
  let tracker: Tracker;
  beforeAll(async () => {
    const records = await Promise.all(["ar-jo-nap5-2024-01.docx", "ar-table-nap5-2024-06.docx"].map((f) => extractMeeting(`${DIR}/${f}`)));
    tracker = buildTracker(records);
  });
  const tracked = (number: string) => tracker.commitments.find((c) => c.plan === "nap5-2021-2025" && c.number === number);

  it("links every commitment across the two layouts", () => {
    expect(tracker.commitments.map((c) => c.number).sort()).toEqual(["1", "2", "3", "4"]);
    for (const c of tracker.commitments) expect(c.history.filter((h) => h.status !== "notReported")).toHaveLength(2);
  });
  it("sees commitment 2 improve (75 -> 85) and commitment 3 stall at 40", () => {
    expect(tracked("2")?.change).toBe("improved");
    expect(tracked("3")?.stalled).toBe(true);
  });
  it("keeps the completed commitment 1 unchanged and not stalled", () => {
    expect(tracked("1")?.change).toBe("unchanged");
    expect(tracked("1")?.stalled).toBe(false);
  });
  it("sees commitment 4 start (not started -> in progress 10)", () => {
    expect(tracked("4")?.change).toBe("improved");
  });
});
