/**
 * JSON outputs: the per-meeting record, the tracker and its review. Each value is parsed by
 * its schema first, so what is written is valid and its keys come out in schema
 * order (unknown keys dropped), whatever order the producer built them in: the
 * same data always gives the same bytes. Two-space indent, trailing newline.
 *
 * The tracker of an archive of thousands of meetings is a JSON text of a hundred
 * megabytes and more: it is produced piece by piece (each meeting, commitment and
 * warning parsed and serialized on its own), to be streamed to a file rather than
 * built whole beside a parsed copy of the tracker. The pieces make exactly the
 * text `JSON.stringify(Tracker.parse(tracker), null, 2)` would.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { z } from "zod";
import { MeetingRecord } from "../model/meeting.js";
import { Review, Tracker } from "../model/tracker.js";
import { writePieces } from "./pieces.js";

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Where a value wrapped in `depth` arrays starts and how much follows it, in JSON.stringify(…, null, 2)'s text (`nested`). */
const WRAPPINGS = new Map<number, { start: number; after: number }>();

function wrapped(value: unknown, depth: number): unknown {
  let wrapper = value;
  for (let i = 0; i < depth; i++) wrapper = [wrapper];
  return wrapper;
}

/**
 * `value` as JSON.stringify(…, null, 2) writes it at `depth` levels of nesting, without the
 * first line's indent: stringified inside `depth` arrays, which indent it, and cut out of them
 * (re-indenting the text of 130,000 history entries after the fact cost a third more).
 */
function nested(value: unknown, depth: number): string {
  let wrapping = WRAPPINGS.get(depth);
  if (wrapping === undefined) {
    const text = JSON.stringify(wrapped(0, depth), null, 2);
    const start = text.lastIndexOf("0");
    WRAPPINGS.set(depth, (wrapping = { start, after: text.length - start - 1 }));
  }
  const text = JSON.stringify(wrapped(value, depth), null, 2);
  return text.slice(wrapping.start, text.length - wrapping.after);
}

/** tracker.json in pieces; joined, they are the whole text. */
export function* trackerJsonPieces(tracker: Tracker): Generator<string> {
  const fields = Object.entries(Tracker.shape);
  yield "{\n";
  for (const [index, [key, schema]] of fields.entries()) {
    const value = (tracker as Record<string, unknown>)[key];
    yield `  ${JSON.stringify(key)}: `;
    if (schema instanceof z.ZodArray && Array.isArray(value) && value.length > 0) {
      yield "[\n";
      for (const [at, element] of value.entries()) {
        yield `    ${nested(schema.element.parse(element), 2)}${at < value.length - 1 ? ",\n" : "\n"}`;
      }
      yield "  ]";
    } else {
      yield nested(schema.parse(value), 1);
    }
    yield index < fields.length - 1 ? ",\n" : "\n";
  }
  yield "}\n";
}

export function trackerToJson(tracker: Tracker): string {
  return [...trackerJsonPieces(tracker)].join("");
}

/** Streams tracker.json to `output` and ends it, heeding backpressure. */
export function writeTrackerJson(tracker: Tracker, output: Writable): Promise<void> {
  return writePieces(trackerJsonPieces(tracker), output);
}

/** Streams review.json to `output` and ends it; one item per uncertain fact, so it is written whole. */
export async function writeReviewJson(review: Review, output: Writable): Promise<void> {
  output.end(toJson(Review.parse(review)));
  await once(output, "finish");
}

/** A record as JSON in the schema's key order, whatever order its object was built in (zod rebuilds it so). */
export function recordToJson(record: MeetingRecord): string {
  return toJson(MeetingRecord.parse(record));
}
