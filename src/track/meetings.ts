/**
 * Which records are meetings, in which order, under which ids.
 *
 * An archive often holds one document several times (minutes.docx and the
 * minutes.pdf exported from it): those renderings are one meeting, read from the
 * rendering that loses least (Word keeps tables and lists; PDF text layers lose
 * most). Documents that report no commitment are not meetings of the tracker.
 * Files with the same content (a copy under another name or folder) are one
 * meeting too. Meetings are ordered by date, a month-only date before the days
 * of that month, undated meetings last, then by file name. A meeting's id is
 * its date (else its file name) and the start of its content hash: it depends
 * on that file alone, never on which other files the archive holds.
 */
import { messageHead } from "../model/messages.js";
import { posix } from "node:path";
import { compareItemNumbers } from "../text/item-numbers.js";
import { FORMATS_BY_FIDELITY, type MeetingRecord } from "../model/meeting.js";
import type { TrackerWarning } from "../model/tracker.js";


export interface OrderedMeeting {
  id: string;
  record: MeetingRecord;
  /** Paths of the renderings and copies set aside for this one. */
  renderings: string[];
}

/** Hex digits of the content hash in an id: the date (or file name) already tells most meetings apart. */
const ID_HASH_DIGITS = 8;

/** The id `orderMeetings` gives the meeting read from `record`. */
export function meetingId(record: MeetingRecord): string {
  return `${record.meeting.date ?? fileStem(record.source.path)}-${record.source.sha256.slice(0, ID_HASH_DIGITS)}`;
}

/** Whether `reference` (an id, possibly from before a date was corrected) names the meeting of `record`: the hash part decides. */
export function idNamesRecord(reference: string, record: MeetingRecord): boolean {
  const hash = /-([0-9a-f]{8,64})$/u.exec(reference)?.[1];
  return hash !== undefined && record.source.sha256.startsWith(hash);
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The path without its extension: renderings of one document share it. */
function documentStem(path: string): string {
  return posix.normalize(path.replace(/\\/g, "/")).replace(/\.[^./]*$/, "");
}

function fileStem(path: string): string {
  return fileName(path).replace(/\.[^.]*$/, "");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Date order; `2023-03` sorts before `2023-03-15` since a prefix sorts first. Undated last. */
function compareMeetings(a: MeetingRecord, b: MeetingRecord): number {
  const dateA = a.meeting.date;
  const dateB = b.meeting.date;
  if (dateA !== dateB) {
    if (dateA === null) return 1;
    if (dateB === null) return -1;
    return compareText(dateA, dateB);
  }
  return compareText(fileName(a.source.path), fileName(b.source.path)) || compareText(a.source.path, b.source.path);
}

function renderingRank(record: MeetingRecord): number {
  return FORMATS_BY_FIDELITY.indexOf(record.source.format);
}

/** What a record says of each numbered commitment, to tell whether two renderings agree. */
function statedProgress(record: MeetingRecord): Map<string, string> {
  const stated = new Map<string, string>();
  for (const c of record.commitments) {
    if (c.number !== null && !stated.has(c.number)) stated.set(c.number, `${c.status} ${c.progress ?? "-"}`);
  }
  return stated;
}

function disagreements(kept: MeetingRecord, other: MeetingRecord): string[] {
  const a = statedProgress(kept);
  const b = statedProgress(other);
  const numbers = [...new Set([...a.keys(), ...b.keys()])].sort(compareItemNumbers);
  return numbers
    .filter((n) => a.get(n) !== b.get(n))
    .map((n) => `${n}: ${a.get(n) ?? "absent"} vs ${b.get(n) ?? "absent"}`);
}

/**
 * Merges renderings of one document, orders the meetings and gives them ids.
 * Independent of the order of `records`.
 */
export function orderMeetings(records: readonly MeetingRecord[]): { meetings: OrderedMeeting[]; warnings: TrackerWarning[] } {
  const warnings: TrackerWarning[] = [];
  // Renderings of one document share its path without extension; copies share a content hash.
  // Both make one group, whatever order the records come in.
  const kept = records.filter((record) => {
    // A document that reviews no commitment (a letter, an agenda, a co-creation workshop's
    // notes) would only add an empty column: its record stays in meetings/, with a note here.
    if (record.commitments.length > 0) return true;
    warnings.push({
      ...messageHead("no-commitments"),
      message: `${record.source.path}: no commitments found; left out of the tracker (its record is still written)`,
    });
    return false;
  });
  const parent = kept.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const firstWith = new Map<string, number>();
  kept.forEach((record, i) => {
    for (const key of [`stem:${documentStem(record.source.path)}`, `sha:${record.source.sha256}`]) {
      const other = firstWith.get(key);
      if (other === undefined) firstWith.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const byDocument = new Map<number, MeetingRecord[]>();
  kept.forEach((record, i) => {
    const group = byDocument.get(root(i)) ?? [];
    group.push(record);
    byDocument.set(root(i), group);
  });

  const chosen: { record: MeetingRecord; others: MeetingRecord[] }[] = [];
  for (const group of byDocument.values()) {
    const [record, ...others] = [...group].sort(
      (a, b) => renderingRank(a) - renderingRank(b) || compareText(a.source.path, b.source.path),
    );
    chosen.push({ record, others });
  }
  chosen.sort((a, b) => compareMeetings(a.record, b.record));

  const meetings: OrderedMeeting[] = [];
  const usedIds = new Map<string, string>();
  for (const { record, others } of chosen) {
    let id = meetingId(record);
    // Two contents whose hashes start alike on one date: the longer hash tells them apart.
    const clash = usedIds.get(id);
    if (clash !== undefined && clash !== record.source.sha256) id = `${record.meeting.date ?? fileStem(record.source.path)}-${record.source.sha256}`;
    usedIds.set(id, record.source.sha256);
    meetings.push({ id, record, renderings: others.map((o) => o.source.path) });

    if (record.meeting.date === null) {
      warnings.push({
        ...messageHead("meeting-undated"),
        message: `${record.source.path}: no meeting date found; the meeting is named after its file and placed after the dated meetings`,
        meeting: id,
      });
    } else if (record.meeting.dateSource === "metadata") {
      warnings.push({
        ...messageHead("date-from-metadata"),
        message: `${record.source.path}: dated ${record.meeting.date} from the document's creation date, not its text or file name; check it (set: { date: … } in corrections.yaml)`,
        meeting: id,
      });
    }
    for (const other of others) {
      const sameFile = other.source.path === record.source.path;
      const sameContent = other.source.sha256 === record.source.sha256;
      warnings.push({
        ...messageHead(sameFile ? "duplicate-input" : sameContent ? "duplicate-content" : "rendering-merged"),
        message: sameFile
          ? `${record.source.path} was given more than once; it is read once`
          : sameContent
            ? `${other.source.path} has the same content as ${record.source.path}; they are one meeting`
            : `${other.source.path} is another rendering of ${record.source.path}; the tracker reads ${record.source.format}`,
        meeting: id,
      });
      const differences = disagreements(record, other);
      if (differences.length > 0) {
        warnings.push({
          ...messageHead("renderings-disagree"),
          message: `${record.source.path} and ${other.source.path} state different progress: ${differences.join("; ")}`,
          meeting: id,
        });
      }
      if (other.meeting.date !== record.meeting.date) {
        warnings.push({
          ...messageHead("renderings-disagree"),
          message: `${record.source.path} is dated ${record.meeting.date ?? "nothing"} but ${other.source.path} ${other.meeting.date ?? "nothing"}`,
          meeting: id,
        });
      }
    }
  }
  return { meetings, warnings };
}
