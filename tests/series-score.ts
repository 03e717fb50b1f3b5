/**
 * The checks of eval/score-tracker.mjs, reimplemented for the project's own tests
 * (CI must not read ../shared): a tracker against series.gold.json.
 */
import type { Tracker } from "../src/model/tracker.js";
import type { SeriesGold } from "./track-gold-records.js";

const sameMeeting = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

/** Returns the names of the failed checks and how many there were. */
export function scoreTracker(tracker: Tracker, gold: SeriesGold): { missed: string[]; total: number } {
  const checks: [string, boolean][] = [];
  for (const g of gold.meetings) checks.push([`meeting ${g.id}`, tracker.meetings.some((m) => sameMeeting(m.id, g.id))]);
  const byNumber = new Map(tracker.commitments.map((c) => [c.number, c]));
  for (const [number, history] of Object.entries(gold.commitments)) {
    const c = byNumber.get(number);
    checks.push([`commitment ${number} tracked`, c !== undefined]);
    for (const g of history) {
      const h = c?.history.find((e) => sameMeeting(e.meeting, g.meeting));
      const label = `commitment ${number} @ ${g.meeting}`;
      const gap = c !== undefined && (!h || h.status === "notReported");
      if (g.status === "notReported") {
        checks.push([`${label} not reported`, gap]);
        continue;
      }
      const alsoOk = g.alsoAcceptable === "notReported" && gap;
      checks.push([`${label} status`, alsoOk || h?.status === g.status]);
      checks.push([`${label} progress`, alsoOk || (h !== undefined && h.progress === g.progress)]);
    }
  }
  const regressed = new Set(gold.regressions.map((r) => r.commitment));
  for (const c of tracker.commitments) {
    if (c.number in gold.commitments) checks.push([`commitment ${c.number} regressed = ${regressed.has(c.number)}`, c.regressed === regressed.has(c.number)]);
  }
  return { missed: checks.filter(([, ok]) => !ok).map(([name]) => name), total: checks.length };
}
