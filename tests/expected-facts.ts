/**
 * Field tests: documents the extractor was not written against, each with the
 * `NAME.expected.json` a careful reader wrote next to it, checked fact by fact in
 * every rendering. One test per fact, named so that a miss reads as a sentence.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { extractMeeting } from "../src/index.js";
import type { MeetingRecord } from "../src/model/meeting.js";
import { norm } from "./gold-compare.js";

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

/** Declares the tests: for each document of `dir`, each rendering, each expected fact. */
export function describeExpectedFacts(dir: string, documents: Record<string, string[]>): void {
  for (const [doc, renderings] of Object.entries(documents)) {
    const expected = JSON.parse(readFileSync(`${dir}/${doc}.expected.json`, "utf8")) as Expected;
    const facts = factsOf(expected);
    for (const ext of renderings) {
      const file = `${doc}.${ext}`;
      describe(file, () => {
        let record: MeetingRecord;
        beforeAll(async () => {
          record = await extractMeeting(`${dir}/${file}`);
        });
        for (const fact of facts) {
          it(fact.name, () => {
            expect(fact.holds(record), `${file}: ${fact.name}`).toBe(true);
          });
        }
      });
    }
  }
}
