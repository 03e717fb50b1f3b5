/**
 * Synthetic inputs for the benchmarks. Meeting records for the tracker (`tracker.mjs`,
 * `archive.mjs`): the three corpus .docx minutes (two Arabic, one French) as extracted,
 * replicated under new file names and dates, one plan, statuses and percents varying from
 * meeting to meeting, one meeting in five with a row unnumbered. New minutes files: a .docx
 * made new by a zip comment (`run.mjs`, `archive.mjs`).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const FIXTURES = ["2022-06", "2023-03", "2023-09"].map((m) => join(ROOT, "fixtures/ogp-tunisia", `${m}-committee-minutes.docx`));
const STATUSES = ["not_started", "in_progress", "partially_completed", "completed", "not_completed", "unknown"];

/** A deterministic pseudo-random integer in [0, n) from two integers. */
function pick(a, b, n) {
  let h = (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 7, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return ((h ^ (h >>> 13)) >>> 0) % n;
}

function isoDay(index) {
  return new Date(Date.UTC(1990, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
}

export function synthesize(bases, count) {
  const plan = bases[0].meeting.actionPlan;
  const records = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length];
    const date = isoDay(i);
    const record = structuredClone(base);
    record.source.path = `archive/${date.slice(0, 4)}/minutes ${i}.docx`;
    record.source.sha256 = i.toString(16).padStart(64, "0");
    record.meeting.date = date;
    record.meeting.actionPlan = plan;
    for (const [n, commitment] of record.commitments.entries()) {
      commitment.source.file = record.source.path;
      const status = STATUSES[pick(i, n, STATUSES.length)];
      commitment.status = status;
      commitment.progress = status === "completed" ? 100 : pick(n, i, 3) === 0 ? null : pick(i, n + 100, 101);
      // One meeting in five reports one row without its number, as minutes often do.
      if (commitment.number !== null && i % 5 === 0 && n === i % record.commitments.length) commitment.number = null;
    }
    for (const item of [...record.decisions, ...record.events, ...record.warnings]) if (item.source) item.source.file = record.source.path;
    records.push(record);
  }
  return records;
}

/** A zip comment makes a new file (new hash) with the same document inside. */
export function tagDocx(bytes, tag) {
  const end = bytes.length - 22;
  if (bytes.readUInt32LE(end) !== 0x06054b50 || bytes.readUInt16LE(end + 20) !== 0) throw new Error("expected a zip without a comment");
  const comment = Buffer.from(tag, "utf8");
  const tagged = Buffer.concat([bytes, comment]);
  tagged.writeUInt16LE(comment.length, end + 20);
  return tagged;
}
