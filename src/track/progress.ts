/**
 * Judging one report of a commitment against the report before it.
 *
 * Status order: not_started = not_completed < in_progress < partially_completed
 * < completed. `not_started` then `not_completed` is the mid-term "not begun"
 * becoming the end-of-plan "not done": the same rank, a stall. `unknown` has no
 * rank; such reports are compared by their percents alone.
 *
 * Percents: minutes often state a percent at one meeting and only a status word
 * at the next. A missing percent is no evidence of change, so a report without
 * one is compared with the last percent stated before it when that shows a rise
 * (20 % then "partially completed" then 60 % is progress), but a fall is only a
 * regression when the report just before stated the higher percent itself
 * (a percent becoming null, or reappearing lower after a status change, is not).
 */
import type { Status } from "../model/meeting.js";
import type { Change } from "../model/tracker.js";

const STATUS_RANK: Record<Exclude<Status, "unknown">, number> = {
  not_started: 0,
  not_completed: 0,
  in_progress: 1,
  partially_completed: 2,
  completed: 3,
};

export function statusRank(status: Status): number | null {
  return status === "unknown" ? null : STATUS_RANK[status];
}

export interface Report {
  status: Status;
  progress: number | null;
}

/** A report that states neither a known status nor a percent tells nothing to compare with. */
export function isInformative(report: Report): boolean {
  return report.status !== "unknown" || report.progress !== null;
}

/**
 * The change from `previous` to `current`. `lastStatedProgress` is the last
 * percent any report before `current` stated. Null when not comparable.
 */
export function compareReports(previous: Report, current: Report, lastStatedProgress: number | null): Change | null {
  const rankBefore = statusRank(previous.status);
  const rankNow = statusRank(current.status);
  const ranked = rankBefore !== null && rankNow !== null;
  if (ranked && rankBefore !== rankNow) return rankNow > rankBefore ? "improved" : "regressed";

  // Same rank, or a status without rank: the percents decide, if there are two to compare.
  const noEvidence: Change | null = ranked ? "unchanged" : null;
  if (current.progress === null) return noEvidence;
  const before = previous.progress ?? lastStatedProgress;
  if (before === null) return noEvidence;
  if (current.progress > before) return "improved";
  if (current.progress < before) return previous.progress !== null ? "regressed" : noEvidence;
  return "unchanged";
}

/** Not completed and unchanged between the latest report and the one before: two or more reports without movement. */
export function isStalled(latest: Report, latestChange: Change | null): boolean {
  return latestChange === "unchanged" && latest.status !== "completed" && latest.progress !== 100;
}
