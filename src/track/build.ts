/**
 * Meeting records -> tracker: every commitment's history across meetings.
 *
 * A commitment is its action plan plus its number: NAP4's 3 is never NAP5's 3,
 * and titles (often in another language from one meeting to the next) never
 * decide a numbered link; a same-language title that disagrees only raises a
 * warning. A record without a number is tied to a commitment of its plan only
 * when its text covers that commitment's title clearly better than any other;
 * otherwise it is kept in `unlinked`. Nothing is dropped silently.
 */
import { compareItemNumbers } from "../text/item-numbers.js";
import { Language, type Commitment, type MeetingRecord } from "../model/meeting.js";
import {
  UNKNOWN_PLAN,
  type Change,
  type HistoryEntry,
  type LinkKind,
  type Regression,
  type TrackedCommitment,
  type TrackedMeeting,
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

interface LinkedReport {
  commitment: Commitment;
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

export function buildTracker(records: MeetingRecord[]): Tracker {
  const ordered = orderMeetings(records);
  const meetings = ordered.meetings;
  const warnings: TrackerWarning[] = [...ordered.warnings];

  // 1. Numbered records: plan + number.
  const series = new Map<string, Series>();
  for (const meeting of meetings) {
    const plan = planOf(meeting.record);
    if (plan === UNKNOWN_PLAN) {
      warnings.push({
        code: "plan-unknown",
        message: `${meeting.record.source.path}: no action plan key; its commitments are tracked under "${UNKNOWN_PLAN}" with every other such meeting`,
        meeting: meeting.id,
      });
    }
    for (const commitment of meeting.record.commitments) {
      if (commitment.number === null) continue;
      const key = seriesKey(plan, commitment.number);
      const entry = series.get(key) ?? { plan, number: commitment.number, reports: new Map(), titles: new Map() };
      series.set(key, entry);
      const first = entry.reports.get(meeting.id);
      if (first) {
        warnings.push({
          code: "duplicate-commitment",
          message: `commitment ${commitment.number} is reported twice in ${meeting.id}; the tracker keeps the first (${first.commitment.status} ${first.commitment.progress ?? "-"}), this one says ${commitment.status} ${commitment.progress ?? "-"}`,
          meeting: meeting.id,
          source: commitment.source,
        });
        continue;
      }
      entry.reports.set(meeting.id, { commitment, meeting, link: "number" });
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
            code: "title-mismatch",
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
    const plan = planOf(meeting.record);
    const language = meeting.record.meeting.language;
    for (const commitment of meeting.record.commitments) {
      if (commitment.number !== null) continue;
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
        best.series.reports.set(meeting.id, { commitment, meeting, link: "similarity", similarity: best.similarity });
        warnings.push({
          code: "linked-by-similarity",
          message: `${label} in ${meeting.id} is linked to commitment ${best.series.number} (${plan}) by its text (similarity ${best.similarity.toFixed(2)})`,
          meeting: meeting.id,
          source: commitment.source,
        });
        continue;
      }
      unlinked.push({
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
        code: "unlinked-record",
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
      if (!linked) {
        history.push({ meeting: meeting.id, status: "notReported", progress: null, statusLabel: null, source: null, link: null, change: null });
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
  }));

  return { schemaVersion: 1, meetings: trackedMeetings, commitments, unlinked, warnings };
}
