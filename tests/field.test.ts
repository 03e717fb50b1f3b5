/**
 * Field test: minutes the extractor was not written against (other countries,
 * committees, templates and languages), in every rendering, checked fact by fact
 * against the `*.expected.json` a careful reader wrote next to each document in
 * fixtures/field/.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { extractMeeting } from "../src/index.js";
import type { MeetingRecord } from "../src/model/meeting.js";
import type { Tracker } from "../src/model/tracker.js";
import { buildTracker } from "../src/track/index.js";
import { norm } from "./gold-compare.js";

const DIR = "fixtures/field";

interface ExpectedCommitment {
  number: string;
  titleStartsWith: string;
  status: string;
  progress: number | null;
  reportedBy: string[];
}
interface ExpectedDecision {
  textStartsWith: string;
  date?: string;
  commitment?: string | null;
}
interface Expected {
  meeting: { language: string; date?: string; actionPlan?: string; chair?: string; agendaItems?: number };
  commitments: ExpectedCommitment[];
  decisions: ExpectedDecision[];
  events: { date: string; place: string }[];
  warnings?: string[];
}

const same = (a: unknown, b: string): boolean => norm(a) === norm(b);
const startsWith = (a: unknown, b: string): boolean => norm(a).startsWith(norm(b));

interface Fact {
  name: string;
  holds: (record: MeetingRecord) => boolean;
}

/** Every fact of an expected file, named so that a miss reads as a sentence. */
function factsOf(expected: Expected): Fact[] {
  const facts: Fact[] = [];
  const m = expected.meeting;
  facts.push({ name: `language ${m.language}`, holds: (r) => r.meeting.language === m.language });
  if (m.date) facts.push({ name: `date ${m.date}`, holds: (r) => r.meeting.date === m.date });
  if (m.actionPlan) facts.push({ name: `action plan ${m.actionPlan}`, holds: (r) => r.meeting.actionPlan?.key === m.actionPlan });
  if (m.chair) {
    const chair = m.chair;
    facts.push({ name: `chair ${chair}`, holds: (r) => same(r.meeting.chair, chair) });
  }
  if (m.agendaItems !== undefined) facts.push({ name: `agenda ${m.agendaItems} items`, holds: (r) => r.meeting.agenda.length === m.agendaItems });

  for (const c of expected.commitments) {
    const find = (r: MeetingRecord) => r.commitments.find((x) => x.number === c.number);
    const label = `commitment ${c.number}`;
    facts.push({ name: `${label} found`, holds: (r) => find(r) !== undefined });
    facts.push({ name: `${label} title`, holds: (r) => startsWith(find(r)?.title, c.titleStartsWith) });
    facts.push({ name: `${label} status ${c.status}`, holds: (r) => find(r)?.status === c.status });
    facts.push({ name: `${label} progress ${c.progress}`, holds: (r) => find(r) !== undefined && find(r)?.progress === c.progress });
    facts.push({
      name: `${label} reportedBy [${c.reportedBy.join(", ")}]`,
      holds: (r) => {
        const found = find(r)?.reportedBy;
        return found !== undefined && found.length === c.reportedBy.length && c.reportedBy.every((who) => found.some((x) => same(x, who)));
      },
    });
  }
  facts.push({ name: `${expected.commitments.length} commitments, none invented`, holds: (r) => r.commitments.length === expected.commitments.length });

  expected.decisions.forEach((d, i) => {
    const find = (r: MeetingRecord) => r.decisions.find((x) => startsWith(x.text, d.textStartsWith));
    const label = `decision ${i + 1}`;
    facts.push({ name: `${label} text starts "${d.textStartsWith}"`, holds: (r) => find(r) !== undefined });
    if (d.date) facts.push({ name: `${label} date ${d.date}`, holds: (r) => find(r)?.date === d.date });
    if (d.commitment !== undefined) facts.push({ name: `${label} commitment ${d.commitment}`, holds: (r) => find(r) !== undefined && find(r)?.commitment === d.commitment });
  });
  facts.push({ name: `${expected.decisions.length} decisions`, holds: (r) => r.decisions.length === expected.decisions.length });

  for (const e of expected.events) {
    facts.push({ name: `event ${e.date} ${e.place}`, holds: (r) => r.events.some((x) => x.date === e.date && same(x.place, e.place)) });
  }
  facts.push({ name: `${expected.events.length} events`, holds: (r) => r.events.length === expected.events.length });

  for (const code of expected.warnings ?? []) facts.push({ name: `warning ${code}`, holds: (r) => r.warnings.some((w) => w.code === code) });
  return facts;
}

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

function readExpected(doc: string): Expected {
  return JSON.parse(readFileSync(`${DIR}/${doc}.expected.json`, "utf8")) as Expected;
}

for (const [doc, renderings] of Object.entries(DOCUMENTS)) {
  const facts = factsOf(readExpected(doc));
  for (const ext of renderings) {
    const file = `${doc}.${ext}`;
    describe(file, () => {
      let record: MeetingRecord;
      beforeAll(async () => {
        record = await extractMeeting(`${DIR}/${file}`);
      });
      for (const fact of facts) {
        it(fact.name, () => {
          expect(fact.holds(record), `${file}: ${fact.name}`).toBe(true);
        });
      }
    });
  }
}

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
    expect(nap5First?.history.filter((h) => h.status !== "notReported").map((h) => h.meeting)).toEqual(["2025-02-06"]);
  });
  it("shows improvement, regression, stall and a gap within NAP4", () => {
    expect(tracked("nap4-2022-2024", "1")?.change).toBe("improved");
    expect(tracked("nap4-2022-2024", "5")?.change).toBe("improved");
    expect(tracked("nap4-2022-2024", "3")?.regressed).toBe(true);
    expect(tracked("nap4-2022-2024", "3")?.change).toBe("regressed");
    expect(tracked("nap4-2022-2024", "2")?.stalled).toBe(true);
    expect(tracked("nap4-2022-2024", "1")?.regressed).toBe(false);
    const four = tracked("nap4-2022-2024", "4");
    expect(four?.history.find((h) => h.meeting === "2024-06-20")?.status).toBe("notReported");
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
