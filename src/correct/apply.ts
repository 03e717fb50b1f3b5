/**
 * Corrections applied between extraction and tracking: records in, corrected records
 * out, with marks saying what was corrected, what extraction had read and the officer's
 * note, so the tracker can show both. The records given are never changed. An entry
 * that names no meeting or commitment of the records is a warning naming its line.
 */
import { messageHead } from "../model/messages.js";
import { foldForMatch } from "../text/normalize.js";
import type { Commitment, MeetingRecord } from "../model/meeting.js";
import { UNKNOWN_PLAN, type Corrected } from "../model/tracker.js";
import { defaultRecordName, titleKey, type RecordMarks } from "../track/build.js";
import { idNamesRecord, meetingId } from "../track/meetings.js";
import type { CorrectionEntry, CorrectionWarning } from "./parse.js";

export interface CorrectedRecords {
  /** The records as corrected; a dropped file is left out. */
  records: MeetingRecord[];
  /** By the record's source path. */
  marks: Map<string, RecordMarks>;
  warnings: CorrectionWarning[];
  /** How many entries applied. */
  applied: number;
}

type CommitmentMark = Corrected & { plan?: string };

interface WorkingRecord {
  record: MeetingRecord;
  commitments: { commitment: Commitment; mark?: CommitmentMark; dropped?: boolean }[];
  meetingMark?: Corrected;
  dropped?: boolean;
}

const planOf = (record: MeetingRecord): string => record.meeting.actionPlan?.key ?? UNKNOWN_PLAN;
const sameText = (a: string, b: string): boolean => a.normalize("NFC") === b.normalize("NFC");

function namesMeeting(reference: string, record: MeetingRecord, name: string): boolean {
  return sameText(reference, name) || reference === meetingId(record) || idNamesRecord(reference, record) || sameText(reference, record.source.path);
}

/** Whether `reference` names the commitment: its number, its key, its title key, or the start of its title. */
function namesCommitment(reference: string, commitment: Commitment, plan: string): boolean {
  if (commitment.number !== null && (reference === commitment.number || reference === `${plan}#${commitment.number}`)) return true;
  if (reference === titleKey(plan, commitment.title)) return true;
  if (commitment.number === null && !reference.includes("#")) {
    const folded = foldForMatch(reference);
    return folded.length > 0 && foldForMatch(commitment.title).startsWith(folded);
  }
  return false;
}

/** The mark of a commitment, created on first correction; the extracted value of a field is kept from the first. */
function markOf(slot: { mark?: CommitmentMark }, entry: CorrectionEntry): CommitmentMark {
  slot.mark ??= { note: null, extracted: {}, line: entry.line };
  if (entry.note !== undefined) slot.mark.note = slot.mark.note ? `${slot.mark.note}; ${entry.note}` : entry.note;
  return slot.mark;
}

function keepExtracted(mark: Corrected, field: string, value: string | number | null): void {
  if (!(field in mark.extracted)) mark.extracted[field] = value;
}

/** `link` target as a plan and number: "7" in the commitment's plan, or a key "nap4-2021-2023#7". */
function linkTarget(target: string, plan: string): { plan: string; number: string } | null {
  const hash = target.lastIndexOf("#");
  const number = hash < 0 ? target : target.slice(hash + 1);
  if (!/^(?:[A-Z]{1,3}[-.]?)?\d+(?:\.\d+){0,3}$/u.test(number)) return null;
  return { plan: hash < 0 ? plan : target.slice(0, hash), number };
}

export function applyCorrections(
  records: readonly MeetingRecord[],
  entries: readonly CorrectionEntry[],
  options: { file: string; recordName?: (record: MeetingRecord) => string },
): CorrectedRecords {
  const recordName = options.recordName ?? defaultRecordName;
  const working: WorkingRecord[] = records.map((record) => ({ record, commitments: record.commitments.map((commitment) => ({ commitment })) }));
  const names = new Map(working.map((w) => [w, recordName(w.record)]));
  const warnings: CorrectionWarning[] = [];
  const warn = (entry: CorrectionEntry, why: string): void => {
    warnings.push({ ...messageHead("correction-unmatched"), message: `${options.file} line ${entry.line}: ${why}; entry not applied`, line: entry.line });
  };
  let applied = 0;

  for (const entry of entries) {
    const meetings = entry.meeting === undefined ? working : working.filter((w) => namesMeeting(entry.meeting!, w.record, names.get(w)!));
    if (meetings.length === 0) {
      warn(entry, `no meeting is named "${entry.meeting}" (give a record name under meetings/ or a meeting id)`);
      continue;
    }
    if (entry.add) {
      for (const w of meetings) {
        const commitment: Commitment = { ...entry.add, statusLabel: null, reportedBy: [], activities: [], notes: [], source: { file: w.record.source.path } };
        w.commitments.push({ commitment, mark: { note: entry.note ?? null, extracted: {}, added: true, line: entry.line } });
      }
      applied++;
      continue;
    }
    if (entry.commitment === undefined) {
      for (const w of meetings) {
        if (entry.drop) w.dropped = true;
        if (entry.set?.date !== undefined) {
          w.meetingMark ??= { note: null, extracted: {}, line: entry.line };
          keepExtracted(w.meetingMark, "date", w.record.meeting.date);
          if (entry.note !== undefined) w.meetingMark.note = entry.note;
          w.record = { ...w.record, meeting: { ...w.record.meeting, date: entry.set.date, dateSource: "correction" } };
        }
      }
      applied++;
      continue;
    }
    const targets = meetings.flatMap((w) => w.commitments.filter((slot) => !slot.dropped && namesCommitment(entry.commitment!, slot.commitment, planOf(w.record))).map((slot) => ({ w, slot })));
    if (targets.length === 0) {
      warn(entry, `no commitment "${entry.commitment}" in ${entry.meeting === undefined ? "any meeting" : `"${entry.meeting}"`}`);
      continue;
    }
    const perMeeting = new Map<WorkingRecord, number>();
    for (const { w } of targets) perMeeting.set(w, (perMeeting.get(w) ?? 0) + 1);
    if ([...perMeeting.values()].some((n) => n > 1)) {
      warn(entry, `"${entry.commitment}" names ${targets.length} records; give its number or its key (review.json lists them)`);
      continue;
    }
    let ok = true;
    for (const { w, slot } of targets) {
      if (entry.drop) {
        slot.dropped = true;
        continue;
      }
      if (entry.link !== undefined) {
        const target = linkTarget(entry.link, planOf(w.record));
        if (!target) {
          warn(entry, `link "${entry.link}" is not a number or a commitment key`);
          ok = false;
          break;
        }
        const mark = markOf(slot, entry);
        keepExtracted(mark, "number", slot.commitment.number);
        slot.commitment = { ...slot.commitment, number: target.number };
        if (target.plan !== planOf(w.record)) mark.plan = target.plan;
        continue;
      }
      const set = entry.set!;
      const mark = markOf(slot, entry);
      const next = { ...slot.commitment };
      if (set.status !== undefined) {
        keepExtracted(mark, "status", slot.commitment.status);
        next.status = set.status;
      }
      if (set.progress !== undefined) {
        keepExtracted(mark, "progress", slot.commitment.progress);
        next.progress = set.progress;
      }
      if (set.title !== undefined) {
        keepExtracted(mark, "title", slot.commitment.title);
        next.title = set.title;
      }
      slot.commitment = next;
    }
    if (ok) applied++;
  }

  const marks = new Map<string, RecordMarks>();
  const corrected: MeetingRecord[] = [];
  for (const w of working) {
    if (w.dropped) continue;
    const kept = w.commitments.filter((slot) => !slot.dropped);
    const commitmentMarks = new Map<number, CommitmentMark>();
    kept.forEach((slot, i) => {
      if (slot.mark) commitmentMarks.set(i, slot.mark);
    });
    const changed = kept.length !== w.record.commitments.length || kept.some((slot, i) => slot.commitment !== w.record.commitments[i]);
    corrected.push(changed ? { ...w.record, commitments: kept.map((slot) => slot.commitment) } : w.record);
    if (commitmentMarks.size > 0 || w.meetingMark) {
      marks.set(w.record.source.path, { ...(w.meetingMark ? { meeting: w.meetingMark } : {}), commitments: commitmentMarks });
    }
  }
  return { records: corrected, marks, warnings, applied };
}
