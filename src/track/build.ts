/**
 * Meeting records -> tracker: every commitment's history across meetings.
 *
 * A commitment is its action plan plus its number: NAP4's 3 is never NAP5's 3,
 * and titles (often in another language from one meeting to the next) never
 * decide a numbered link; a same-language title that disagrees only raises a
 * warning. A record without a number is tied to a commitment of its plan only
 * when its text covers that commitment's title clearly better than any other;
 * otherwise it is kept in `unlinked`. Nothing is dropped silently.
 *
 * Each plan is its own tracker: a commitment's history has an entry for every
 * meeting about its plan, so a meeting that reviews another plan is no gap in it.
 * Values an officer corrected (src/correct/) arrive already in the records; the
 * marks say which, with the extracted value and the note, and stay beside them.
 */
import { messageHead } from "../model/messages.js";
import { compareItemNumbers } from "../text/item-numbers.js";
import { Language, type Commitment, type MeetingRecord } from "../model/meeting.js";
import { foldForMatch } from "../text/normalize.js";
import {
  UNKNOWN_PLAN,
  type Change,
  type Corrected,
  type HistoryEntry,
  type LinkKind,
  type Regression,
  type TrackedCommitment,
  type TrackedMeeting,
  type TrackedPlan,
  type Tracker,
  type TrackerWarning,
  type UnlinkedRecord,
} from "../model/tracker.js";
import { orderMeetings, type OrderedMeeting } from "./meetings.js";
import { compareReports, isInformative, isStalled, type Report } from "./progress.js";
import { contentWords, titleWordsSimilarity, wordCoverage, wordWeights } from "./similarity.js";

/** Same-language titles of one number below this similarity are flagged (the link stays). */
const TITLE_AGREEMENT = 0.6;
/** An unnumbered record is linked when its text covers a title at least this much... */
const LINK_THRESHOLD = 0.5;
/** ...and this much better than the next candidate. */
const LINK_MARGIN = 0.15;

/** What an officer corrected in one record: the meeting's facts, and commitments by their index in the corrected record. */
export interface RecordMarks {
  meeting?: Corrected;
  commitments: ReadonlyMap<number, Corrected & { plan?: string }>;
}

export interface TrackerOptions {
  /** The record's name under meetings/ (without `.json`); default the file name without extension. */
  recordName?: (record: MeetingRecord) => string;
  /** Corrections applied to the records, by the record's source path. */
  marks?: ReadonlyMap<string, RecordMarks>;
}

/** The record name a file gets when no name is given: its file name without extension. */
export function defaultRecordName(record: MeetingRecord): string {
  return (record.source.path.split(/[\\/]/u).pop() ?? record.source.path).replace(/\.[^.]*$/u, "");
}

/** How many words of a normalised title make an unnumbered record's key. */
const TITLE_KEY_WORDS = 12;

/** The key of an unnumbered record: its plan and its normalised title, whatever its position in the minutes. */
export function titleKey(plan: string, title: string): string {
  const words = foldForMatch(title).split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, TITLE_KEY_WORDS);
  return `${plan}#title:${words.join("-")}`;
}

interface LinkedReport {
  commitment: Commitment;
  corrected?: Corrected;
  meeting: OrderedMeeting;
  link: LinkKind;
  similarity?: number;
}

interface NumberedTitle {
  title: string;
  words: string[];
}

interface Series {
  plan: string;
  number: string;
  /** By meeting id. */
  reports: Map<string, LinkedReport>;
  /**
   * Per language, the title as the latest meeting in that language wrote it
   * beside the number (a record linked by similarity carries a sentence, not a
   * title). Fixed once the numbered records are in: linking never changes it.
   */
  titles: Map<Language, NumberedTitle>;
}

function planOf(record: MeetingRecord): string {
  return record.meeting.actionPlan?.key ?? UNKNOWN_PLAN;
}

/** The plan of each commitment of a meeting: the meeting's, unless a correction linked it into another plan. */
function commitmentPlans(meeting: OrderedMeeting, marks: RecordMarks | undefined): string[] {
  const plan = planOf(meeting.record);
  return meeting.record.commitments.map((_, i) => marks?.commitments.get(i)?.plan ?? plan);
}

function seriesKey(plan: string, number: string): string {
  return `${plan}#${number}`;
}

/** Reports in meeting order: one pass over the meetings, since links by similarity are added after the numbered ones. */
function reportsInOrder(series: Series, meetings: readonly OrderedMeeting[]): LinkedReport[] {
  const reports: LinkedReport[] = [];
  for (const meeting of meetings) {
    const report = series.reports.get(meeting.id);
    if (report) reports.push(report);
  }
  return reports;
}

/** `contentWords`, once per distinct text: an archive restates the same titles meeting after meeting. */
function memoizedContentWords(): (text: string) => string[] {
  const cache = new Map<string, string[]>();
  return (text) => {
    let words = cache.get(text);
    if (!words) {
      words = contentWords(text);
      cache.set(text, words);
    }
    return words;
  };
}

/** `series.titles` from its numbered reports, which are in meeting order when nothing is linked yet. */
function collectTitles(series: Series, wordsOf: (text: string) => string[]): void {
  for (const report of series.reports.values()) {
    if (report.link !== "number" || report.commitment.title.trim() === "") continue;
    const title = report.commitment.title;
    series.titles.set(report.meeting.record.meeting.language, { title, words: wordsOf(title) });
  }
}

function lastWhere<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}

function recordText(commitment: Commitment): string {
  return [commitment.title, ...commitment.notes, ...commitment.activities.map((a) => a.text)].join("\n");
}

function dominantLanguage(meetings: readonly OrderedMeeting[]): Language | null {
  const counts = new Map<Language, number>();
  for (const m of meetings) counts.set(m.record.meeting.language, (counts.get(m.record.meeting.language) ?? 0) + 1);
  let best: Language | null = null;
  // Ties go to the language of the earliest meeting: counts iterate in meeting order.
  for (const [language, count] of counts) if (best === null || count > counts.get(best)!) best = language;
  return best;
}

function compareSeries(a: Series, b: Series): number {
  if (a.plan !== b.plan) {
    if (a.plan === UNKNOWN_PLAN) return 1;
    if (b.plan === UNKNOWN_PLAN) return -1;
    return a.plan < b.plan ? -1 : 1;
  }
  return compareItemNumbers(a.number, b.number);
}

export function buildTracker(records: MeetingRecord[], options: TrackerOptions = {}): Tracker {
  const ordered = orderMeetings(records);
  const meetings = ordered.meetings;
  const warnings: TrackerWarning[] = [...ordered.warnings];
  const recordName = options.recordName ?? defaultRecordName;
  const marksOf = (meeting: OrderedMeeting): RecordMarks | undefined => options.marks?.get(meeting.record.source.path);
  const plansOf = new Map(meetings.map((m) => [m.id, commitmentPlans(m, marksOf(m))]));
  const namesOf = new Map(meetings.map((m) => [m.id, recordName(m.record)]));
  /** The plans a meeting reports on: its own, and any a correction linked one of its commitments into. */
  const reportedPlans = new Map(meetings.map((m) => [m.id, new Set([planOf(m.record), ...plansOf.get(m.id)!])]));

  // 1. Numbered records: plan + number.
  const series = new Map<string, Series>();
  for (const meeting of meetings) {
    if (planOf(meeting.record) === UNKNOWN_PLAN) {
      warnings.push({
        ...messageHead("plan-unknown"),
        message: `${meeting.record.source.path}: no action plan key; its commitments are tracked under "${UNKNOWN_PLAN}" with every other such meeting`,
        meeting: meeting.id,
      });
    }
    const plans = plansOf.get(meeting.id)!;
    for (const [index, commitment] of meeting.record.commitments.entries()) {
      if (commitment.number === null) continue;
      const plan = plans[index];
      const key = seriesKey(plan, commitment.number);
      const entry = series.get(key) ?? { plan, number: commitment.number, reports: new Map(), titles: new Map() };
      series.set(key, entry);
      const first = entry.reports.get(meeting.id);
      if (first) {
        warnings.push({
          ...messageHead("duplicate-commitment"),
          message: `commitment ${commitment.number} is reported twice in ${meeting.id}; the tracker keeps the first (${first.commitment.status} ${first.commitment.progress ?? "-"}), this one says ${commitment.status} ${commitment.progress ?? "-"}`,
          meeting: meeting.id,
          source: commitment.source,
        });
        continue;
      }
      const corrected = marksOf(meeting)?.commitments.get(index);
      entry.reports.set(meeting.id, { commitment, meeting, link: "number", ...(corrected ? { corrected: withoutPlan(corrected) } : {}) });
    }
  }

  const wordsOf = memoizedContentWords();
  for (const s of series.values()) collectTitles(s, wordsOf);

  // Word weights per plan and language, from every title of that plan in that language.
  const weightsByGroup = new Map<string, (word: string) => number>();
  const weightsFor = (plan: string, language: Language): ((word: string) => number) => {
    const group = `${plan}|${language}`;
    let weights = weightsByGroup.get(group);
    if (!weights) {
      const titles: string[][] = [];
      for (const s of series.values()) {
        if (s.plan !== plan) continue;
        const title = s.titles.get(language);
        if (title) titles.push(title.words);
      }
      weights = wordWeights(titles);
      weightsByGroup.set(group, weights);
    }
    return weights;
  };

  // 2. Same number, same language, different title: keep the link, say so.
  for (const s of series.values()) {
    const previousTitle = new Map<Language, LinkedReport>();
    // Only numbered reports so far, kept in meeting order.
    for (const report of s.reports.values()) {
      const title = report.commitment.title;
      if (title.trim() === "") continue;
      const language = report.meeting.record.meeting.language;
      const before = previousTitle.get(language);
      // The same title restated agrees with itself.
      if (before && before.commitment.title !== title) {
        const weights = weightsFor(s.plan, language);
        const similarity = titleWordsSimilarity(wordsOf(before.commitment.title), wordsOf(title), weights);
        if (similarity !== null && similarity < TITLE_AGREEMENT) {
          warnings.push({
            ...messageHead("title-mismatch"),
            message: `commitment ${s.number} (${s.plan}) is titled "${before.commitment.title}" in ${before.meeting.id} but "${title}" in ${report.meeting.id} (similarity ${similarity.toFixed(2)}); linked by number`,
            meeting: report.meeting.id,
            source: report.commitment.source,
          });
        }
      }
      previousTitle.set(language, report);
    }
  }

  // 3. Unnumbered records: link by text to a commitment of the same plan and language that this meeting did not report.
  const unlinked: UnlinkedRecord[] = [];
  const seriesOfPlan = new Map<string, [string, Series][]>();
  for (const [key, s] of series) {
    const group = seriesOfPlan.get(s.plan) ?? [];
    group.push([key, s]);
    seriesOfPlan.set(s.plan, group);
  }
  for (const meeting of meetings) {
    const language = meeting.record.meeting.language;
    const plans = plansOf.get(meeting.id)!;
    for (const [index, commitment] of meeting.record.commitments.entries()) {
      if (commitment.number !== null) continue;
      const plan = plans[index];
      const text = contentWords(recordText(commitment));
      const weights = weightsFor(plan, language);
      const candidates: { key: string; series: Series; similarity: number }[] = [];
      for (const [key, s] of seriesOfPlan.get(plan) ?? []) {
        if (s.reports.has(meeting.id)) continue;
        const title = s.titles.get(language);
        if (!title) continue;
        candidates.push({ key, series: s, similarity: wordCoverage(title.words, text, weights) });
      }
      candidates.sort((a, b) => b.similarity - a.similarity || compareSeries(a.series, b.series));
      const [closest, second] = candidates;
      // A title sharing no word with the record is no candidate at all.
      const best = closest && closest.similarity > 0 ? closest : undefined;
      const label = commitment.title.trim() === "" ? "an unnumbered record" : `the unnumbered record "${commitment.title}"`;
      if (best && best.similarity >= LINK_THRESHOLD && (!second || best.similarity - second.similarity >= LINK_MARGIN)) {
        const corrected = marksOf(meeting)?.commitments.get(index);
        best.series.reports.set(meeting.id, { commitment, meeting, link: "similarity", similarity: best.similarity, ...(corrected ? { corrected: withoutPlan(corrected) } : {}) });
        warnings.push({
          ...messageHead("linked-by-similarity"),
          message: `${label} in ${meeting.id} is linked to commitment ${best.series.number} (${plan}) by its text (similarity ${best.similarity.toFixed(2)})`,
          meeting: meeting.id,
          source: commitment.source,
        });
        continue;
      }
      unlinked.push({
        key: titleKey(plan, commitment.title),
        meeting: meeting.id,
        plan,
        title: commitment.title,
        status: commitment.status,
        progress: commitment.progress,
        statusLabel: commitment.statusLabel,
        source: commitment.source,
        bestMatch: best ? { key: best.key, similarity: best.similarity } : null,
      });
      warnings.push({
        ...messageHead("unlinked-record"),
        message: `${label} in ${meeting.id} matches no commitment of ${plan} clearly${best ? ` (closest: ${best.key}, similarity ${best.similarity.toFixed(2)})` : ""}; it is kept under "unlinked"`,
        meeting: meeting.id,
        source: commitment.source,
      });
    }
  }

  // 4. Histories.
  const language = dominantLanguage(meetings);
  const commitments: TrackedCommitment[] = [...series.values()].sort(compareSeries).map((s) => {
    const reports = reportsInOrder(s, meetings);
    const titles: Partial<Record<Language, string>> = {};
    // In the registry's order, so that the same tracker always serializes the same way.
    const reported = new Set(reports.map((report) => report.meeting.record.meeting.language));
    for (const lang of Language.options) {
      const title = s.titles.get(lang);
      if (title && reported.has(lang)) titles[lang] = title.title;
    }
    const latestTitle = lastWhere(reports, (r) => r.commitment.title.trim() !== "")?.commitment.title ?? "";

    const history: HistoryEntry[] = [];
    const regressions: Regression[] = [];
    let previous: { meeting: string; report: Report } | null = null;
    let lastStatedProgress: number | null = null;
    for (const meeting of meetings) {
      const linked = s.reports.get(meeting.id);
      const record = namesOf.get(meeting.id)!;
      if (!linked) {
        // A meeting about another plan says nothing of this one: no gap, no entry.
        // (A commitment linked in from another plan does not make the meeting one about that plan.)
        if (planOf(meeting.record) !== s.plan) continue;
        history.push({ meeting: meeting.id, status: "notReported", progress: null, statusLabel: null, source: null, link: null, change: null, record });
        continue;
      }
      const report: Report = { status: linked.commitment.status, progress: linked.commitment.progress };
      const change: Change | null = previous ? compareReports(previous.report, report, lastStatedProgress) : null;
      if (change === "regressed" && previous) regressions.push({ from: previous.meeting, to: meeting.id });
      history.push({
        meeting: meeting.id,
        status: report.status,
        progress: report.progress,
        statusLabel: linked.commitment.statusLabel,
        source: linked.commitment.source,
        link: linked.link,
        ...(linked.similarity !== undefined ? { similarity: linked.similarity } : {}),
        change,
        record,
        ...(linked.corrected ? { corrected: linked.corrected } : {}),
      });
      if (isInformative(report)) previous = { meeting: meeting.id, report };
      if (report.progress !== null) lastStatedProgress = report.progress;
    }

    const latestEntry = lastWhere(history, (h) => h.status !== "notReported");
    const latest = latestEntry && latestEntry.status !== "notReported"
      ? { meeting: latestEntry.meeting, status: latestEntry.status, progress: latestEntry.progress }
      : null;
    const change = latestEntry?.change ?? null;
    return {
      key: seriesKey(s.plan, s.number),
      number: s.number,
      plan: s.plan,
      title: (language !== null ? titles[language] : undefined) ?? latestTitle,
      titles,
      history,
      latest,
      change,
      stalled: latest !== null && isStalled(latest, change),
      regressed: regressions.length > 0,
      regressions,
    };
  });

  const trackedMeetings: TrackedMeeting[] = meetings.map((m) => ({
    id: m.id,
    date: m.record.meeting.date,
    dateSource: m.record.meeting.dateSource,
    language: m.record.meeting.language,
    title: m.record.meeting.title,
    file: m.record.source.path,
    format: m.record.source.format,
    plan: m.record.meeting.actionPlan?.key ?? null,
    renderings: m.renderings,
    record: namesOf.get(m.id)!,
    sha256: m.record.source.sha256,
    ...dateUncertainty(m.record),
    ...(marksOf(m)?.meeting ? { corrected: marksOf(m)!.meeting } : {}),
  }));

  return { schemaVersion: 1, meetings: trackedMeetings, commitments, unlinked, warnings, plans: groupByPlan(meetings, reportedPlans, commitments) };
}

function withoutPlan(mark: Corrected & { plan?: string }): Corrected {
  const { plan: _plan, ...corrected } = mark;
  return corrected;
}

/** Why a meeting's date may be wrong: only the text states the meeting's own date. */
function dateUncertainty(record: MeetingRecord): { dateUncertain?: string } {
  const { date, dateSource } = record.meeting;
  if (date === null) return {};
  if (dateSource === "metadata") return { dateUncertain: `${date} is the document's creation date, not a date its text or file name states` };
  if (dateSource === "filename") return { dateUncertain: `${date} is read from the file name; the text states no meeting date` };
  return {};
}

/** Each plan's meetings (in meeting order) and commitments (in tracker order). */
function groupByPlan(meetings: readonly OrderedMeeting[], reportedPlans: ReadonlyMap<string, ReadonlySet<string>>, commitments: readonly TrackedCommitment[]): TrackedPlan[] {
  const plans = new Map<string, TrackedPlan>();
  const planEntry = (key: string): TrackedPlan => {
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = { key, meetings: [], commitments: [] }));
    return plan;
  };
  for (const meeting of meetings) {
    for (const key of reportedPlans.get(meeting.id)!) planEntry(key).meetings.push(meeting.id);
  }
  for (const commitment of commitments) planEntry(commitment.plan).commitments.push(commitment.key);
  return [...plans.values()].sort((a, b) => (a.key === b.key ? 0 : a.key === UNKNOWN_PLAN ? 1 : b.key === UNKNOWN_PLAN ? -1 : a.key < b.key ? -1 : 1));
}
