/**
 * Which records are meetings, in which order, under which ids.
 *
 * An archive often holds one document several times (minutes.docx and the
 * minutes.pdf exported from it): those renderings are one meeting, read from the
 * rendering that loses least (Word keeps tables and lists; PDF text layers lose
 * most). Documents that report no commitment are not meetings of the tracker.
 * Meetings are ordered by date, a month-only date before the days of that
 * month, undated meetings last, then by file name.
 */
import { posix } from "node:path";
import { FORMATS_BY_FIDELITY, type MeetingRecord } from "../model/meeting.js";
import type { TrackerWarning } from "../model/tracker.js";


export interface OrderedMeeting {
  id: string;
  record: MeetingRecord;
  /** Paths of the renderings set aside for this one. */
  renderings: string[];
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
  const numbers = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => Number(x) - Number(y));
  return numbers
    .filter((n) => a.get(n) !== b.get(n))
    .map((n) => `${n}: ${a.get(n) ?? "absent"} vs ${b.get(n) ?? "absent"}`);
}

function suffix(index: number): string {
  // -b, -c, ... -z, then -27, -28: past 25 same-day meetings letters run out.
  return index < 26 ? String.fromCharCode(0x61 + index) : String(index + 1);
}

/**
 * Merges renderings of one document, orders the meetings and gives them ids.
 * Independent of the order of `records`.
 */
export function orderMeetings(records: readonly MeetingRecord[]): { meetings: OrderedMeeting[]; warnings: TrackerWarning[] } {
  const warnings: TrackerWarning[] = [];
  const byDocument = new Map<string, MeetingRecord[]>();
  for (const record of records) {
    // A document that reviews no commitment (a letter, an agenda, a co-creation workshop's
    // notes) would only add an empty column: its record stays in meetings/, with a note here.
    if (record.commitments.length === 0) {
      warnings.push({
        code: "no-commitments",
        message: `${record.source.path}: no commitments found; left out of the tracker (its record is still written)`,
      });
      continue;
    }
    const stem = documentStem(record.source.path);
    const group = byDocument.get(stem) ?? [];
    group.push(record);
    byDocument.set(stem, group);
  }

  const chosen: { record: MeetingRecord; others: MeetingRecord[] }[] = [];
  for (const group of byDocument.values()) {
    const [record, ...others] = [...group].sort(
      (a, b) => renderingRank(a) - renderingRank(b) || compareText(a.source.path, b.source.path),
    );
    chosen.push({ record, others });
  }
  chosen.sort((a, b) => compareMeetings(a.record, b.record));

  const meetings: OrderedMeeting[] = [];
  const usedIds = new Set<string>();
  for (const { record, others } of chosen) {
    const base = record.meeting.date ?? fileStem(record.source.path);
    let id = base;
    for (let n = 1; usedIds.has(id); n++) id = `${base}-${suffix(n)}`;
    usedIds.add(id);
    meetings.push({ id, record, renderings: others.map((o) => o.source.path) });

    if (record.meeting.date === null) {
      warnings.push({
        code: "meeting-undated",
        message: `${record.source.path}: no meeting date found; the meeting is named after its file and placed after the dated meetings`,
        meeting: id,
      });
    }
    for (const other of others) {
      const sameFile = other.source.path === record.source.path;
      warnings.push({
        code: sameFile ? "duplicate-input" : "rendering-merged",
        message: sameFile
          ? `${record.source.path} was given more than once; it is read once`
          : `${other.source.path} is another rendering of ${record.source.path}; the tracker reads ${record.source.format}`,
        meeting: id,
      });
      const differences = disagreements(record, other);
      if (differences.length > 0) {
        warnings.push({
          code: "renderings-disagree",
          message: `${record.source.path} and ${other.source.path} state different progress: ${differences.join("; ")}`,
          meeting: id,
        });
      }
      if (other.meeting.date !== record.meeting.date) {
        warnings.push({
          code: "renderings-disagree",
          message: `${record.source.path} is dated ${record.meeting.date ?? "nothing"} but ${other.source.path} ${other.meeting.date ?? "nothing"}`,
          meeting: id,
        });
      }
    }
  }
  return { meetings, warnings };
}
