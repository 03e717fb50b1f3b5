/**
 * TEST DATA, not extraction: turns the hand-annotated facts of
 * fixtures/ogp-tunisia/*.gold.json into valid MeetingRecords, so the tracker and
 * its writers can be tested against series.gold.json on their own. Titles are
 * the gold's `titleStartsWith`; the unnumbered 2023-03 row keeps its
 * `textStartsWith` as its title, as extraction would keep it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MeetingRecord, type Commitment, type Language, type Status } from "../src/model/meeting.js";

export const CORPUS_DIR = fileURLToPath(new URL("../fixtures/ogp-tunisia/", import.meta.url));
export const GOLD_MEETINGS = ["2022-06-committee-minutes", "2023-03-committee-minutes", "2023-09-committee-minutes"] as const;

interface GoldCommitment {
  number: string | null;
  titleStartsWith?: string;
  textStartsWith?: string;
  status: Status;
  progress: number | null;
  reportedBy?: string[];
  activities?: number;
}

interface GoldMeeting {
  meeting: { language: Language; date?: string; actionPlan: string; chair: string };
  commitments: GoldCommitment[];
  events: { date: string; place: string }[];
  decisions: { textContains: string; date?: string; commitment?: string }[];
}

export interface SeriesGold {
  meetings: { id: string; file: string; language: Language }[];
  commitments: Record<string, { meeting: string; status: string; progress: number | null; alsoAcceptable?: string }[]>;
  regressions: { commitment: string; from: string; to: string }[];
  stalls: string[];
  notReported: { commitment: string; meeting: string }[];
}

export function readSeriesGold(): SeriesGold {
  return JSON.parse(readFileSync(join(CORPUS_DIR, "series.gold.json"), "utf8")) as SeriesGold;
}

/** A MeetingRecord carrying exactly the gold facts of one corpus meeting. */
export function goldMeetingRecord(stem: (typeof GOLD_MEETINGS)[number], format: "docx" | "pdf" | "txt" = "docx"): MeetingRecord {
  const raw = readFileSync(join(CORPUS_DIR, `${stem}.gold.json`), "utf8");
  const gold = JSON.parse(raw) as GoldMeeting;
  const file = `fixtures/ogp-tunisia/${stem}.${format}`;
  // The 2023-03 minutes state no day: extraction falls back to the month in the file name.
  const date = gold.meeting.date ?? stem.slice(0, 7);
  const commitments: Commitment[] = gold.commitments.map((c, i) => ({
    number: c.number,
    title: c.titleStartsWith ?? c.textStartsWith ?? "",
    status: c.status,
    statusLabel: null,
    progress: c.progress,
    reportedBy: c.reportedBy ?? [],
    activities: Array.from({ length: c.activities ?? 0 }, (_, a) => ({ text: `activity ${a + 1} of row ${i + 1}`, state: "unknown" as const })),
    notes: [],
    source: { file, table: 1, row: i + 2 },
  }));
  return MeetingRecord.parse({
    schemaVersion: 1,
    source: { path: file, sha256: createHash("sha256").update(`${raw}${format}`).digest("hex"), format, pages: null },
    meeting: {
      title: null,
      date,
      dateSource: gold.meeting.date ? "text" : "filename",
      language: gold.meeting.language,
      // Every corpus meeting reviews the 4th plan, 2021-2023 (see each gold's actionPlan text).
      actionPlan: { text: gold.meeting.actionPlan, key: "nap4-2021-2023", ordinal: 4, startYear: 2021, endYear: 2023 },
      chair: gold.meeting.chair,
      attendees: [],
      agenda: [],
    },
    commitments,
    decisions: gold.decisions.map((d, i) => ({
      text: d.textContains,
      date: d.date ?? null,
      commitment: d.commitment ?? null,
      source: { file, line: 100 + i },
    })),
    events: gold.events.map((e, i) => ({
      title: `workshop ${i + 1}`,
      date: e.date,
      endDate: null,
      place: e.place,
      participants: [],
      source: { file, table: 2, row: i + 2 },
    })),
    warnings: [],
  });
}

export function goldRecords(): MeetingRecord[] {
  return GOLD_MEETINGS.map((stem) => goldMeetingRecord(stem));
}

/** `count` French meetings of one plan, a month apart, from the 2023-09 minutes. */
export function monthlyMeetings(count: number): MeetingRecord[] {
  const base = goldMeetingRecord("2023-09-committee-minutes");
  return Array.from({ length: count }, (_, i) => {
    const record = structuredClone(base);
    const date = `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-15`;
    record.source.path = `archive/${date}.docx`;
    record.source.sha256 = i.toString(16).padStart(64, "0");
    record.meeting.date = date;
    for (const item of [...record.commitments, ...record.decisions, ...record.events]) item.source.file = record.source.path;
    return MeetingRecord.parse(record);
  });
}
