/**
 * The reports' colours, one per status and flag, shared by tracker.xlsx and
 * report.html so the two read alike: light fills a column of words reads at a
 * glance on screen and in print, a gap grey. As ARGB, Excel's notation; `css`
 * turns one into a CSS colour.
 */
import type { HistoryStatus } from "../model/tracker.js";

export const STATUS_FILL: Record<HistoryStatus, string> = {
  completed: "FFC6EFCE",
  partially_completed: "FFE2F0B6",
  in_progress: "FFBDD7EE",
  not_completed: "FFFFC7CE",
  not_started: "FFFCE4D6",
  unknown: "FFE4DFEC",
  notReported: "FFD9D9D9",
};
export const REGRESSION_FILL = "FFFF7C80";
export const STALL_FILL = "FFFFD966";

/**
 * Stronger shades of the same hues, for chart marks: a bar or a point must stand
 * out from the page, which the fills, made to sit behind text, do not.
 */
export const STATUS_MARK: Record<HistoryStatus, string> = {
  completed: "FF2E8B57",
  partially_completed: "FF8DB600",
  in_progress: "FF4A86C8",
  not_completed: "FFD9534F",
  not_started: "FFE8964A",
  unknown: "FF9B87C0",
  notReported: "FFB0B0B0",
};

export function css(argb: string): string {
  return `#${argb.slice(2)}`;
}
