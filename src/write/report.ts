/**
 * What every end-of-run writer takes: the tracker made complete. The tracker
 * names each meeting's file; the writers also need the meeting's record (its
 * decisions, events, attendees), which commitment each row of a record was
 * linked to, the run's failures, and the language the reports speak. Those
 * joins are made here, once, so every writer has one signature and none of them
 * re-joins records to the tracker on its own.
 */
import { writingDirection } from "../extract/lexicon/languages.js";
import type { Failure } from "../batch/run.js";
import { englishReportWords } from "../extract/lexicon/en.js";
import { LEXICONS } from "../extract/lexicon/index.js";
import type { ReportWords } from "../extract/lexicon/types.js";
import type { Language, MeetingRecord, SourceRef } from "../model/meeting.js";
import { UNKNOWN_PLAN, type TrackedCommitment, type TrackedMeeting, type Tracker } from "../model/tracker.js";

/** A tracked meeting with the record it was read from (absent only when the caller did not pass it). */
export interface ReportMeeting {
  meeting: TrackedMeeting;
  record: MeetingRecord | undefined;
  /** The action plan the meeting's commitments are tracked under. */
  plan: string;
}

export interface TrackerReport {
  tracker: Tracker;
  /** The tracker's meetings in its order, each with its record. */
  meetings: readonly ReportMeeting[];
  /** Files that failed, by file name. */
  failures: readonly Failure[];
  /** The language most meetings are written in: the reports' words, and right-to-left for Arabic. */
  language: Language;
  rightToLeft: boolean;
  words: ReportWords;
  /** Each plan key as the minutes wrote it (a meeting in the report's language first), in order of first meeting. */
  plans: ReadonlyMap<string, string>;
  /** The tracked commitment a record's row was linked to (by number or by similarity), by meeting and source. */
  linkedCommitment(meeting: string, source: SourceRef): TrackedCommitment | undefined;
}

/** Words of `language`, each one missing from its lexicon said in English. */
export function reportWords(language: Language): ReportWords {
  const own = LEXICONS.find((lexicon) => lexicon.language === language)?.report ?? {};
  const words: Record<string, unknown> = { ...englishReportWords };
  for (const [group, value] of Object.entries(own)) {
    const english = (englishReportWords as unknown as Record<string, unknown>)[group];
    words[group] = typeof value === "string" ? value : { ...(english as object), ...value };
  }
  return words as unknown as ReportWords;
}

/** `{name}` placeholders of a report phrase filled in. */
export function fill(phrase: string, values: Record<string, string | number>): string {
  return phrase.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function sourceKey(meeting: string, source: SourceRef): string {
  return JSON.stringify([meeting, source.file, source.page, source.table, source.row, source.line, source.heading]);
}

/** The reports' language: the one most meetings are written in; on a tie, the latest meeting's. */
export function reportLanguage({ meetings }: Pick<Tracker, "meetings">): Language {
  const counts = new Map<Language, number>();
  for (const meeting of meetings) counts.set(meeting.language, (counts.get(meeting.language) ?? 0) + 1);
  let best: Language = meetings.at(-1)?.language ?? "en";
  for (const [language, count] of counts) if (count > (counts.get(best) ?? 0)) best = language;
  return best;
}

/**
 * Joins the records to the tracker's meetings (a meeting's `file` is its
 * record's `source.path`); records of renderings the tracker set aside are left out.
 */
export function trackerReport(tracker: Tracker, records: readonly MeetingRecord[], failures: readonly Failure[] = []): TrackerReport {
  const byPath = new Map<string, MeetingRecord>();
  for (const record of records) if (!byPath.has(record.source.path)) byPath.set(record.source.path, record);
  const meetings = tracker.meetings.map((meeting) => ({ meeting, record: byPath.get(meeting.file), plan: meeting.plan ?? UNKNOWN_PLAN }));

  const links = new Map<string, TrackedCommitment>();
  for (const commitment of tracker.commitments) {
    for (const entry of commitment.history) if (entry.source) links.set(sourceKey(entry.meeting, entry.source), commitment);
  }

  const language = reportLanguage(tracker);
  // A plan as written, preferring the words of a meeting in the report's language, the latest of them.
  const plans = new Map<string, string>();
  const written = new Map<string, string>();
  for (const { meeting, record, plan } of meetings) {
    if (!plans.has(plan)) plans.set(plan, plan);
    const text = record?.meeting.actionPlan?.text;
    if (text && (meeting.language === language || !written.has(plan))) written.set(plan, text);
  }
  for (const [plan, text] of written) plans.set(plan, text);

  return {
    tracker,
    meetings,
    failures: [...failures].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    language,
    rightToLeft: writingDirection(language) === "rtl",
    words: reportWords(language),
    plans,
    linkedCommitment: (meeting, source) => links.get(sourceKey(meeting, source)),
  };
}
