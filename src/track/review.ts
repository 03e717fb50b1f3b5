/**
 * What an officer should check before reporting the tracker upward: every fact whose
 * extraction was uncertain, with why, where it was read and how to correct it, most
 * consequential first (a regression or a stall that rests on an uncertain fact before a
 * commitment nobody will look at). Pure: the tracker and its records in, the list out.
 */
import type { Commitment, MeetingRecord, SourceRef } from "../model/meeting.js";
import type { Consequence, Review, ReviewItem, TrackedCommitment, Tracker } from "../model/tracker.js";

const CONSEQUENCE_ORDER: readonly Consequence[] = ["regression", "stall", "latest", "history", "none"];
/** Reasons, worst first at equal consequence: a wrong date reorders a whole meeting. */
const REASON_ORDER = [
  "date-from-metadata",
  "meeting-undated",
  "status-from-prose",
  "status-from-progress",
  "percent-contradicts-status",
  "renderings-disagree",
  "merged-commitment",
  "duplicate-commitment",
  "no-status",
  "title-mismatch",
  "linked-by-similarity",
  "no-number",
  "date-from-filename",
];
/** Record warnings that make a commitment's values uncertain. */
const COMMITMENT_WARNINGS = new Set(["status-from-prose", "status-from-progress", "merged-commitment", "no-status"]);
/** Tracker warnings that make a report uncertain. */
const TRACKER_WARNINGS = new Set(["renderings-disagree", "duplicate-commitment", "title-mismatch", "linked-by-similarity"]);

const sourceKey = (source: SourceRef | null | undefined): string =>
  source ? JSON.stringify([source.file, source.page, source.table, source.row, source.line, source.heading]) : "";

/** A status and a percent that cannot both be right. */
function contradiction(c: Commitment): string | null {
  if (c.progress === null) return null;
  if (c.status === "completed" && c.progress < 100) return `status "completed" but ${c.progress} %`;
  if (c.status === "not_started" && c.progress > 0) return `status "not started" but ${c.progress} %`;
  if (c.progress === 100 && c.status !== "completed" && c.status !== "unknown") return `100 % but status "${c.status}"`;
  return null;
}

/** The meetings where a commitment's regressions and its stall (its last two reports) stand. */
interface Flagged {
  regressed: Set<string>;
  stalled: Set<string>;
}

function flaggedMeetings(commitment: TrackedCommitment): Flagged {
  const regressed = new Set(commitment.regressions.flatMap((r) => [r.from, r.to]));
  const stalled = new Set<string>();
  if (commitment.stalled) {
    for (let i = commitment.history.length - 1; i >= 0 && stalled.size < 2; i--) {
      if (commitment.history[i].status !== "notReported") stalled.add(commitment.history[i].meeting);
    }
  }
  return { regressed, stalled };
}

/**
 * What an uncertain fact of `meeting` weighs on in `commitment`. Each commitment's flagged
 * meetings are found once (`flags`): an archive of thousands of meetings asks for every one.
 */
function consequenceAt(commitment: TrackedCommitment | undefined, meeting: string, flags: Map<TrackedCommitment, Flagged>): Consequence {
  if (!commitment) return "none";
  let flagged = flags.get(commitment);
  if (!flagged) flags.set(commitment, (flagged = flaggedMeetings(commitment)));
  if (flagged.regressed.has(meeting)) return "regression";
  if (flagged.stalled.has(meeting)) return "stall";
  if (commitment.latest?.meeting === meeting) return "latest";
  return "history";
}

function worst(consequences: Consequence[]): Consequence {
  return consequences.reduce<Consequence>((a, b) => (CONSEQUENCE_ORDER.indexOf(b) < CONSEQUENCE_ORDER.indexOf(a) ? b : a), "none");
}

export function buildReview(tracker: Tracker, records: readonly MeetingRecord[]): Review {
  const byPath = new Map<string, MeetingRecord>();
  for (const record of records) if (!byPath.has(record.source.path)) byPath.set(record.source.path, record);
  const order = new Map(tracker.meetings.map((m, i) => [m.id, i]));
  const items: ReviewItem[] = [];
  const flags = new Map<TrackedCommitment, Flagged>();

  // Where each report of a meeting went: its source, to the tracked commitment.
  const bySource = new Map<string, { commitment: TrackedCommitment; corrected: boolean }>();
  const byMeeting = new Map<string, TrackedCommitment[]>();
  for (const c of tracker.commitments) {
    for (const h of c.history) {
      if (h.status === "notReported") continue;
      bySource.set(`${h.meeting}|${sourceKey(h.source)}`, { commitment: c, corrected: h.corrected !== undefined });
      const list = byMeeting.get(h.meeting) ?? [];
      list.push(c);
      byMeeting.set(h.meeting, list);
    }
  }
  const correctByOf = (record: string, commitment: TrackedCommitment | undefined, fallback?: string) => ({
    meeting: record,
    ...(commitment ? { commitment: commitment.number } : fallback ? { commitment: fallback } : {}),
  });

  for (const meeting of tracker.meetings) {
    const record = byPath.get(meeting.file);
    const name = meeting.record ?? meeting.file;
    if (meeting.dateUncertain) {
      const consequence = worst((byMeeting.get(meeting.id) ?? []).map((c) => consequenceAt(c, meeting.id, flags)));
      items.push({
        reason: meeting.dateSource === "metadata" ? "date-from-metadata" : "date-from-filename",
        message: `Meeting date ${meeting.dateUncertain}; a wrong date puts the meeting out of order and changes every comparison with it`,
        consequence,
        meeting: meeting.id,
        record: name,
        commitment: null,
        source: { file: meeting.file },
        correctBy: { meeting: name },
        corrected: meeting.corrected !== undefined,
      });
    }
    if (meeting.date === null) {
      items.push({
        reason: "meeting-undated",
        message: `No meeting date in the text, the file name or the metadata: the meeting is placed after every dated one, and compared as if it were the latest`,
        consequence: worst((byMeeting.get(meeting.id) ?? []).map((c) => consequenceAt(c, meeting.id, flags))),
        meeting: meeting.id,
        record: name,
        commitment: null,
        source: { file: meeting.file },
        correctBy: { meeting: name },
        corrected: false,
      });
    }
    if (!record) continue;
    for (const warning of record.warnings) {
      if (!COMMITMENT_WARNINGS.has(warning.code)) continue;
      const linked = bySource.get(`${meeting.id}|${sourceKey(warning.source)}`);
      items.push({
        reason: warning.code,
        message: warning.message,
        consequence: consequenceAt(linked?.commitment, meeting.id, flags),
        meeting: meeting.id,
        record: name,
        commitment: linked?.commitment.key ?? null,
        source: warning.source ?? null,
        correctBy: correctByOf(name, linked?.commitment),
        corrected: linked?.corrected ?? false,
      });
    }
    for (const c of record.commitments) {
      const linked = bySource.get(`${meeting.id}|${sourceKey(c.source)}`);
      const why = contradiction(c);
      if (why) {
        items.push({
          reason: "percent-contradicts-status",
          message: `Commitment ${c.number ?? `"${c.title.slice(0, 60)}"`}: ${why}`,
          consequence: consequenceAt(linked?.commitment, meeting.id, flags),
          meeting: meeting.id,
          record: name,
          commitment: linked?.commitment.key ?? null,
          source: c.source,
          correctBy: correctByOf(name, linked?.commitment, c.title.slice(0, 40)),
          corrected: linked?.corrected ?? false,
        });
      }
    }
  }
  for (const u of tracker.unlinked) {
    const meeting = tracker.meetings[order.get(u.meeting) ?? -1];
    const name = meeting?.record ?? meeting?.file ?? u.meeting;
    items.push({
      reason: "no-number",
      message: `An item with no number matched no commitment clearly${u.bestMatch ? ` (closest ${u.bestMatch.key}, similarity ${u.bestMatch.similarity.toFixed(2)})` : ""}: link it, drop it, or leave it: "${u.title.slice(0, 80)}"`,
      consequence: "none",
      meeting: u.meeting,
      record: name,
      commitment: u.key ?? null,
      source: u.source,
      correctBy: { meeting: name, commitment: u.key ?? u.title.slice(0, 40) },
      corrected: false,
    });
  }
  const byKey = new Map(tracker.commitments.map((c) => [c.key, c]));
  for (const warning of tracker.warnings) {
    if (!TRACKER_WARNINGS.has(warning.code) || warning.meeting === undefined) continue;
    const meeting = tracker.meetings[order.get(warning.meeting) ?? -1];
    const name = meeting?.record ?? meeting?.file ?? warning.meeting;
    const linked = warning.source ? bySource.get(`${warning.meeting}|${sourceKey(warning.source)}`) : undefined;
    const commitment = linked?.commitment;
    items.push({
      reason: warning.code,
      message: warning.message,
      consequence: commitment ? consequenceAt(byKey.get(commitment.key), warning.meeting, flags) : "history",
      meeting: warning.meeting,
      record: name,
      commitment: commitment?.key ?? null,
      source: warning.source ?? null,
      correctBy: correctByOf(name, commitment),
      corrected: linked?.corrected ?? false,
    });
  }

  const rank = (item: ReviewItem): number[] => [
    item.corrected ? 1 : 0,
    CONSEQUENCE_ORDER.indexOf(item.consequence),
    REASON_ORDER.indexOf(item.reason) < 0 ? REASON_ORDER.length : REASON_ORDER.indexOf(item.reason),
    order.get(item.meeting) ?? Number.MAX_SAFE_INTEGER,
  ];
  const ranked = items.map((item) => ({ item, rank: rank(item) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return (a.item.commitment ?? "") < (b.item.commitment ?? "") ? -1 : (a.item.commitment ?? "") > (b.item.commitment ?? "") ? 1 : 0;
  });
  return { schemaVersion: 1, items: ranked.map((r) => r.item) };
}
