/**
 * Linking rules of the tracker on small records built in code: plans, meeting
 * order and ids, renderings, unnumbered records, title disagreements, and the
 * change/stall/regression judgement.
 */
import { describe, expect, test } from "vitest";
import { MeetingRecord, type Commitment, type Language, type Status } from "../src/model/meeting.js";
import { UNKNOWN_PLAN } from "../src/model/tracker.js";
import { buildTracker } from "../src/track/index.js";
import { compareReports } from "../src/track/progress.js";

interface RowSpec {
  number: string | null;
  title: string;
  status?: Status;
  progress?: number | null;
  notes?: string[];
}

interface MeetingSpec {
  path: string;
  date: string | null;
  language?: Language;
  plan?: string | null;
  rows: RowSpec[];
}

let hashSeed = 0;
/** A meeting id without its content-hash part: the date (or file name) it starts with. */
const dated = (id: string | undefined): string | undefined => id?.replace(/-[0-9a-f]{8}$/u, "");
function record(spec: MeetingSpec): MeetingRecord {
  const format = spec.path.split(".").pop() as "docx" | "pdf" | "txt" | "md";
  const plan = spec.plan === undefined ? "nap4-2021-2023" : spec.plan;
  const commitments: Commitment[] = spec.rows.map((row, i) => ({
    number: row.number,
    title: row.title,
    status: row.status ?? "in_progress",
    statusLabel: null,
    progress: row.progress ?? null,
    reportedBy: [],
    activities: [],
    notes: row.notes ?? [],
    source: { file: spec.path, table: 1, row: i + 2 },
  }));
  return MeetingRecord.parse({
    schemaVersion: 1,
    source: { path: spec.path, sha256: (++hashSeed).toString(16).padStart(8, "0").padEnd(64, "0"), format, pages: null },
    meeting: {
      title: null,
      date: spec.date,
      dateSource: spec.date ? "text" : null,
      language: spec.language ?? "fr",
      actionPlan: plan === null ? null : { text: plan, key: plan, ordinal: null, startYear: null, endYear: null },
      chair: null,
      attendees: [],
      agenda: [],
    },
    commitments,
    decisions: [],
    events: [],
    warnings: [],
  });
}

describe("plans", () => {
  test("NAP4's commitment 3 is never NAP5's commitment 3", () => {
    const tracker = buildTracker([
      record({ path: "a/2023-09.docx", date: "2023-09-14", plan: "nap4-2021-2023", rows: [{ number: "3", title: "Renforcer l'intégrité", status: "completed", progress: 100 }] }),
      record({ path: "a/2024-02.docx", date: "2024-02-01", plan: "nap5-2023-2025", rows: [{ number: "3", title: "Budget participatif", status: "not_started", progress: 0 }] }),
    ]);
    expect(tracker.commitments.map((c) => c.key)).toEqual(["nap4-2021-2023#3", "nap5-2023-2025#3"]);
    const [nap4, nap5] = tracker.commitments;
    // One tracker per plan: a meeting about NAP5 is no gap in NAP4's history, nor the reverse.
    expect(nap4.history.map((h) => h.status)).toEqual(["completed"]);
    expect(nap5.history.map((h) => h.status)).toEqual(["not_started"]);
    expect(tracker.plans?.map((p) => [p.key, p.meetings.length, p.commitments])).toEqual([
      ["nap4-2021-2023", 1, ["nap4-2021-2023#3"]],
      ["nap5-2023-2025", 1, ["nap5-2023-2025#3"]],
    ]);
    // completed then not_started would be a regression were they one commitment.
    expect(tracker.commitments.some((c) => c.regressed)).toBe(false);
    expect(tracker.warnings.filter((w) => w.code === "title-mismatch")).toEqual([]);
  });

  test("records without a plan key share the unknown-plan bucket, with a warning", () => {
    const tracker = buildTracker([
      record({ path: "x/one.docx", date: "2023-01-10", plan: null, rows: [{ number: "1", title: "Open data" }] }),
      record({ path: "x/two.docx", date: "2023-02-10", plan: null, rows: [{ number: "1", title: "Open data" }] }),
    ]);
    expect(tracker.commitments.map((c) => c.key)).toEqual([`${UNKNOWN_PLAN}#1`]);
    expect(tracker.commitments[0].history.map((h) => dated(h.meeting))).toEqual(["2023-01-10", "2023-02-10"]);
    expect(tracker.warnings.filter((w) => w.code === "plan-unknown").map((w) => dated(w.meeting))).toEqual(["2023-01-10", "2023-02-10"]);
    expect(tracker.meetings.map((m) => m.plan)).toEqual([null, null]);
  });
});

describe("meetings", () => {
  test("ordered by date, a month before its days, then file name; ids are the date and the content hash", () => {
    const rows = [{ number: "1", title: "Open data", progress: 40 }];
    const tracker = buildTracker([
      record({ path: "m/z-late.docx", date: "2023-05-10", rows }),
      record({ path: "m/b.docx", date: "2023-05-10", rows }),
      record({ path: "m/a.docx", date: "2023-05-10", rows }),
      record({ path: "m/day.docx", date: "2023-03-15", rows }),
      record({ path: "m/month.docx", date: "2023-03", rows }),
    ]);
    expect(tracker.meetings.map((m) => [dated(m.id), m.file])).toEqual([
      ["2023-03", "m/month.docx"],
      ["2023-03-15", "m/day.docx"],
      ["2023-05-10", "m/a.docx"],
      ["2023-05-10", "m/b.docx"],
      ["2023-05-10", "m/z-late.docx"],
    ]);
    for (const m of tracker.meetings) expect(m.id).toBe(`${m.date}-${m.sha256?.slice(0, 8)}`);
  });

  test("a document with no commitments is left out of the tracker, with a warning", () => {
    const tracker = buildTracker([
      record({ path: "m/letter.docx", date: "2023-05-10", rows: [] }),
      record({ path: "m/minutes.docx", date: "2023-05-11", rows: [{ number: "1", title: "Open data", progress: 40 }] }),
    ]);
    expect(tracker.meetings.map((m) => m.file)).toEqual(["m/minutes.docx"]);
    expect(tracker.warnings).toContainEqual({ code: "no-commitments", stage: "extract", level: "warning", message: expect.stringContaining("m/letter.docx") });
  });

  test("an undated meeting is named after its file, placed last, with a warning", () => {
    const tracker = buildTracker([
      record({ path: "m/procès-verbal.pdf", date: null, rows: [{ number: "1", title: "Open data", status: "completed", progress: 100 }] }),
      record({ path: "m/2022.docx", date: "2022-06-16", rows: [{ number: "1", title: "Open data", progress: 40 }] }),
    ]);
    expect(tracker.meetings.map((m) => dated(m.id))).toEqual(["2022-06-16", "procès-verbal"]);
    expect(tracker.warnings).toContainEqual(expect.objectContaining({ code: "meeting-undated", meeting: tracker.meetings[1].id }));
    expect(tracker.commitments[0].change).toBe("improved");
  });

  test("renderings of one document are one meeting read from the preferred format", () => {
    const rows: RowSpec[] = [{ number: "1", title: "Open data", status: "in_progress", progress: 40 }];
    const tracker = buildTracker([
      record({ path: "arch/minutes.pdf", date: "2023-03", rows }),
      record({ path: "./arch/minutes.txt", date: "2023-03", rows }),
      record({ path: "arch/minutes.docx", date: "2023-03", rows }),
      record({ path: "other/minutes.pdf", date: "2023-04-02", rows }),
    ]);
    expect(tracker.meetings.map((m) => [dated(m.id), m.file, m.renderings])).toEqual([
      ["2023-03", "arch/minutes.docx", ["./arch/minutes.txt", "arch/minutes.pdf"]],
      ["2023-04-02", "other/minutes.pdf", []],
    ]);
    const merged = tracker.warnings.filter((w) => w.code === "rendering-merged");
    expect(merged.map((w) => dated(w.meeting))).toEqual(["2023-03", "2023-03"]);
    expect(merged[1].message).toContain("arch/minutes.pdf");
    expect(tracker.warnings.filter((w) => w.code === "renderings-disagree")).toEqual([]);
  });

  test("renderings that disagree are merged with a warning naming the difference", () => {
    const tracker = buildTracker([
      record({ path: "minutes.md", date: "2023-03", rows: [{ number: "1", title: "Open data", progress: 40 }] }),
      record({ path: "minutes.pdf", date: "2023-03", rows: [{ number: "1", title: "Open data", progress: 45 }, { number: "2", title: "Budget" }] }),
    ]);
    expect(tracker.meetings.map((m) => m.file)).toEqual(["minutes.md"]);
    const disagree = tracker.warnings.filter((w) => w.code === "renderings-disagree");
    expect(disagree).toHaveLength(1);
    expect(disagree[0].message).toContain("1: in_progress 40 vs in_progress 45");
    expect(disagree[0].message).toContain("2: absent vs in_progress -");
    expect(tracker.commitments.map((c) => c.number)).toEqual(["1"]);
  });

  test("a commitment reported twice in one meeting keeps the first, with a warning", () => {
    const tracker = buildTracker([
      record({ path: "m.docx", date: "2023-03", rows: [{ number: "4", title: "Budget", progress: 20 }, { number: "4", title: "Budget", progress: 30 }] }),
    ]);
    expect(tracker.commitments[0].history[0].progress).toBe(20);
    expect(tracker.warnings).toContainEqual(expect.objectContaining({ code: "duplicate-commitment", source: { file: "m.docx", table: 1, row: 3 } }));
  });
});

/** The 4th Tunisian plan's titles as the 2022-06 minutes write them (corpus text). */
const NAP4_TITLES_AR = [
  "استكمال الاطار التنظيمي لتكريس حق النفاذ إلى المعلومة",
  "تعزيز الشفافية والمساءلة في ما يخص التقارير الرقابية",
  "تعزيز النزاهة بالقطاع العمومي في ما يخصّ التصريح بالمكاسب والمصالح وبمكافحة الإثراء غير المشروع",
  "تكريس الشفافية المالية",
  "تعزيز فتح البيانات العمومية والرفع من نسق إعادة استعمالها",
  "ضبط المرجعيات الوطنية لتحديد المواصفات والتسميات المشتركة للبيانات العمومية",
  "تعزيز الشفافية في مجال الطاقة والمناجم",
  "تحديد الأولويات الاستراتيجية للحكومة المفتوحة في تونس",
  "تعزيز استعمال البوابات الوطنية للمشاركة العمومية",
  "تفعيل دور الشباب في ضبط المشاريع العمومية ومتابعة تنفيذها على المستوى المحلي",
  "تكريس مبادئ شراكة الحكومة المفتوحة على المستوى المحليّ",
  "تعزيز شفافية المالية المحلية عبر منصة إلكترونية",
  "تطوير عدد من الخدمات الإداريّة على الخطّ على مستوى عدد من القطاعات",
];
/** The 2023-03 minutes' progress row whose commitment cell is empty (corpus text). */
const UNNUMBERED_PLATFORM_ROW =
  "بالنسبة لتطوير المنصة الالكترونية :تم تصميم و تطوير منظومة تحقيق الموارد البلدية المحلية من طرف الهيئة العليا للمالية المحلية: تتضمن مؤشرات تتعلق بالمالية المحلية واحصائيات ذات صبغة اقتصادية واجتماعية، وسيتمّ بعد ذلك وضع المنصّة على الخط .";

const midTerm = (): MeetingRecord =>
  record({
    path: "corpus/2022-06.docx",
    date: "2022-06-16",
    language: "ar",
    rows: NAP4_TITLES_AR.map((title, i) => ({ number: String(i + 1), title, status: "in_progress", progress: 25 })),
  });

describe("unnumbered records", () => {
  test("linked by similarity to the same plan's title in the same language, with a warning", () => {
    const tracker = buildTracker([
      midTerm(),
      record({ path: "corpus/2023-03.docx", date: "2023-03", language: "ar", rows: [{ number: null, title: UNNUMBERED_PLATFORM_ROW, status: "partially_completed" }] }),
    ]);
    const twelve = tracker.commitments.find((c) => c.number === "12")!;
    expect(twelve.history[1]).toMatchObject({ meeting: tracker.meetings[1].id, status: "partially_completed", link: "similarity" });
    expect(twelve.history[1].similarity).toBeGreaterThan(0.5);
    expect(twelve.change).toBe("improved");
    expect(tracker.unlinked).toEqual([]);
    expect(tracker.warnings).toContainEqual(expect.objectContaining({ code: "linked-by-similarity", meeting: tracker.meetings[1].id, source: { file: "corpus/2023-03.docx", table: 1, row: 2 } }));
    // Every other commitment was not reported by 2023-03.
    expect(tracker.commitments.filter((c) => c.history[1].status !== "notReported").map((c) => c.number)).toEqual(["12"]);
  });

  test("text in another language, another plan, or unlike every title stays unlinked with a warning", () => {
    const tracker = buildTracker([
      midTerm(),
      record({ path: "corpus/2023-09.docx", date: "2023-09-14", language: "fr", rows: [{ number: null, title: "Renforcer la transparence des finances locales à travers une plateforme électronique" }] }),
      record({ path: "corpus/2023-10.docx", date: "2023-10-01", language: "ar", plan: "nap5-2023-2025", rows: [{ number: null, title: UNNUMBERED_PLATFORM_ROW }] }),
      record({ path: "corpus/2023-11.docx", date: "2023-11-01", language: "ar", rows: [{ number: null, title: "نقاط متفرقة وموعد الجلسة القادمة" }] }),
    ]);
    expect(tracker.unlinked.map((u) => [dated(u.meeting), u.plan, u.bestMatch])).toEqual([
      ["2023-09-14", "nap4-2021-2023", null],
      ["2023-10-01", "nap5-2023-2025", null],
      ["2023-11-01", "nap4-2021-2023", null],
    ]);
    expect(tracker.warnings.filter((w) => w.code === "unlinked-record").map((w) => dated(w.meeting))).toEqual(["2023-09-14", "2023-10-01", "2023-11-01"]);
    // NAP4's commitments: a gap at its own plan's meetings, no entry at NAP5's.
    expect(tracker.commitments.every((c) => c.history.slice(1).every((h) => h.status === "notReported"))).toBe(true);
    expect(tracker.commitments.every((c) => c.history.every((h) => dated(h.meeting) !== "2023-10-01"))).toBe(true);
    expect(tracker.unlinked[1].key).toMatch(/^nap5-2023-2025#title:/u);
  });

  test("a commitment the meeting already reported by number is no candidate", () => {
    const tracker = buildTracker([
      midTerm(),
      record({
        path: "corpus/2023-03.docx",
        date: "2023-03",
        language: "ar",
        rows: [
          { number: "12", title: NAP4_TITLES_AR[11], status: "completed", progress: 100 },
          { number: null, title: UNNUMBERED_PLATFORM_ROW },
        ],
      }),
    ]);
    expect(tracker.commitments.find((c) => c.number === "12")!.history[1].link).toBe("number");
    expect(tracker.unlinked).toHaveLength(1);
  });
});

describe("titles", () => {
  test("same number, same language, different title: linked by number with a warning", () => {
    const tracker = buildTracker([
      record({ path: "t/1.docx", date: "2023-01-05", rows: [{ number: "7", title: "Renforcer la transparence dans le secteur de l'énergie et des mines" }] }),
      record({ path: "t/2.docx", date: "2023-06-05", rows: [{ number: "7", title: "Former les journalistes au journalisme de données" }] }),
      record({ path: "t/3.docx", date: "2023-09-05", rows: [{ number: "7", title: "Former les journalistes au journalisme de données" }] }),
    ]);
    expect(tracker.commitments).toHaveLength(1);
    expect(tracker.commitments[0].history.map((h) => h.link)).toEqual(["number", "number", "number"]);
    const mismatches = tracker.warnings.filter((w) => w.code === "title-mismatch");
    expect(mismatches.map((w) => dated(w.meeting))).toEqual(["2023-06-05"]);
  });

  test("a truncated or reworded title agrees; titles in different languages are never compared", () => {
    const tracker = buildTracker([
      record({ path: "t/1.docx", date: "2023-01-05", language: "ar", rows: [{ number: "12", title: NAP4_TITLES_AR[11] }] }),
      record({ path: "t/2.docx", date: "2023-03-05", language: "ar", rows: [{ number: "12", title: "تعزيز شفافية المالية المحلية" }] }),
      record({ path: "t/3.docx", date: "2023-09-05", language: "fr", rows: [{ number: "12", title: "Renforcer la transparence des finances locales" }] }),
    ]);
    expect(tracker.warnings.filter((w) => w.code === "title-mismatch")).toEqual([]);
    expect(tracker.commitments[0].titles).toEqual({ ar: "تعزيز شفافية المالية المحلية", fr: "Renforcer la transparence des finances locales" });
  });
});

describe("change, stalls and regressions", () => {
  const r = (status: Status, progress: number | null) => ({ status, progress });

  test("status order decides first", () => {
    expect(compareReports(r("in_progress", 40), r("partially_completed", null), 40)).toBe("improved");
    expect(compareReports(r("completed", 100), r("partially_completed", 90), 100)).toBe("regressed");
    expect(compareReports(r("not_started", 0), r("not_completed", null), 0)).toBe("unchanged");
  });

  test("percents at an equal status; a percent becoming null is not a regression", () => {
    expect(compareReports(r("in_progress", 60), r("in_progress", 40), 60)).toBe("regressed");
    expect(compareReports(r("in_progress", 40), r("in_progress", null), 40)).toBe("unchanged");
    expect(compareReports(r("partially_completed", null), r("partially_completed", 60), 20)).toBe("improved");
    // Lower than a percent stated two reports back, at another status: no regression.
    expect(compareReports(r("partially_completed", null), r("partially_completed", 30), 40)).toBe("unchanged");
  });

  test("unknown statuses are compared by their percents only", () => {
    expect(compareReports(r("unknown", 60), r("unknown", 40), 60)).toBe("regressed");
    expect(compareReports(r("unknown", null), r("completed", 100), null)).toBe(null);
    expect(compareReports(r("partially_completed", 50), r("unknown", null), 50)).toBe(null);
  });

  test("a gap is never a drop; stalls need two unchanged reports; regressions are listed", () => {
    const tracker = buildTracker([
      record({ path: "s/1.docx", date: "2022-01-01", rows: [{ number: "1", title: "A", status: "completed", progress: 100 }, { number: "2", title: "B", status: "in_progress", progress: 30 }, { number: "3", title: "C", status: "partially_completed", progress: 70 }] }),
      record({ path: "s/2.docx", date: "2022-06-01", rows: [{ number: "2", title: "B", status: "in_progress", progress: null }, { number: "3", title: "C", status: "in_progress", progress: 50 }] }),
      record({ path: "s/3.docx", date: "2023-01-01", rows: [{ number: "1", title: "A", status: "completed", progress: 100 }, { number: "2", title: "B", status: "in_progress", progress: 30 }, { number: "3", title: "C", status: "partially_completed", progress: 80 }] }),
    ]);
    const [a, b, c] = tracker.commitments;
    expect(a.history.map((h) => [h.status, h.change])).toEqual([["completed", null], ["notReported", null], ["completed", "unchanged"]]);
    expect([a.stalled, a.regressed]).toEqual([false, false]);
    expect([b.stalled, b.regressed, b.change]).toEqual([true, false, "unchanged"]);
    expect([c.stalled, c.regressed, c.change]).toEqual([false, true, "improved"]);
    expect(c.regressions.map((r) => [dated(r.from), dated(r.to)])).toEqual([["2022-01-01", "2022-06-01"]]);
    expect({ ...c.latest, meeting: dated(c.latest?.meeting) }).toEqual({ meeting: "2023-01-01", status: "partially_completed", progress: 80 });
  });
});
