/**
 * JSON outputs: the per-meeting record and the tracker. Each value is parsed by
 * its schema first, so what is written is valid and its keys come out in schema
 * order (unknown keys dropped), whatever order the producer built them in: the
 * same data always gives the same bytes. Two-space indent, trailing newline.
 */
import { MeetingRecord } from "../model/meeting.js";
import { Tracker } from "../model/tracker.js";

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function trackerToJson(tracker: Tracker): string {
  return toJson(Tracker.parse(tracker));
}

export function recordToJson(record: MeetingRecord): string {
  return toJson(MeetingRecord.parse(record));
}
