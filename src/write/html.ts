/**
 * report.html: the picture of progress, for the officers who report upward and
 * the monitors who watch them. Per action plan: the status counts at each
 * meeting as a stacked bar chart, a grid of commitments by meetings coloured by
 * status with the percent, each commitment's progress over time, then the
 * regressions, stalls and gaps, each with the file, page, table and row to check
 * it against, and the rows the tracker could link to no commitment.
 *
 * One self-contained file that opens from a USB stick and prints: the charts are
 * SVG drawn here, at build time, so the page needs no script, no font and no
 * network (its Content-Security-Policy forbids them all), and a print
 * stylesheet lays it out on A4 landscape. Arabic minutes give a right-to-left
 * page with Arabic words, French ones French (`report.ts` picks the language).
 * The tables come from `views.ts`, as the workbook's and the CSV files' do.
 */
import type { Writable } from "node:stream";
import type { ReportWords } from "../extract/lexicon/types.js";
import type { SourceRef } from "../model/meeting.js";
import type { HistoryEntry, HistoryStatus, TrackedCommitment } from "../model/tracker.js";
import { css, REGRESSION_FILL, STALL_FILL, STATUS_FILL, STATUS_MARK } from "./colours.js";
import { writePieces } from "./pieces.js";
import { fill, type ReportMeeting, type TrackerReport } from "./report.js";
import { attentionView, describeSource, SUMMARY_STATUSES, summaryView, type Attention, type AttentionRow, type SummaryRow } from "./views.js";

/** Meetings a plan's charts and grid show, the latest ones: more would not fit a page. tracker.xlsx has them all. */
export const MAX_MEETINGS_SHOWN = 24;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A meeting id or date kept left to right inside Arabic text, where the bidi algorithm would reverse "2023-09-14". */
function ltr(text: string): string {
  return `<bdi dir="ltr">${escape(text)}</bdi>`;
}

/** A number as SVG writes it: at most two decimals, no trailing zeros. */
const n = (value: number): string => String(Math.round(value * 100) / 100);

interface PlanSection {
  plan: string;
  name: string;
  /** The plan's meetings shown, in order. */
  meetings: { meeting: ReportMeeting }[];
  /** How many meetings the plan has, shown or not. */
  totalMeetings: number;
  commitments: TrackedCommitment[];
  summary: SummaryRow[];
  attention: AttentionRow[];
}

function planSections(report: TrackerReport): PlanSection[] {
  const summary = [...summaryView(report).rows()].map((row) => row.subject);
  const attention = [...attentionView(report).rows()].map((row) => row.subject);
  return [...report.plans].map(([plan, name]) => {
    const all = report.meetings.flatMap((meeting) => (meeting.plan === plan ? [{ meeting }] : []));
    const meetings = all.slice(-MAX_MEETINGS_SHOWN);
    const shown = new Set(meetings.map((m) => m.meeting.meeting.id));
    return {
      plan,
      name,
      meetings,
      totalMeetings: all.length,
      commitments: report.tracker.commitments.filter((c) => c.plan === plan),
      summary: summary.filter((row) => row.plan === plan && shown.has(row.meeting.meeting.id)),
      // Every regression and stall; the gaps of the meetings shown (an archive of years has thousands).
      attention: attention.filter((row) => row.commitment.plan === plan && (row.kind !== "gap" || shown.has(row.entry.meeting))),
    };
  });
}

/** x of the i-th of `count` slots `step` wide from the reading side: right to left for Arabic. */
function slotX(i: number, count: number, step: number, left: number, rightToLeft: boolean): number {
  return left + step * (rightToLeft ? count - 1 - i : i);
}

/** The status counts at each meeting as stacked bars, done at the bottom, gaps on top. */
function statusChart(section: PlanSection, report: TrackerReport): string {
  const { words, rightToLeft } = report;
  const rows = section.summary;
  const total = Math.max(1, section.commitments.length);
  // Wide enough for a meeting id under each bar.
  const step = 76;
  const bar = 40;
  const plotHeight = 220;
  const axis = 34;
  const top = 12;
  const bottom = 40;
  const width = axis * 2 + step * Math.max(1, rows.length);
  const height = top + plotHeight + bottom;
  const y = (count: number): number => top + plotHeight - (plotHeight * count) / total;
  const parts: string[] = [];
  // Grid lines and their counts on the reading side.
  // Whole steps up to the number of commitments, which tops the axis unless a step falls just below it.
  const tickStep = Math.max(1, Math.ceil(total / 5));
  const ticks: number[] = [];
  for (let count = 0; count < total; count += tickStep) ticks.push(count);
  if (total - (ticks.at(-1) ?? 0) < tickStep / 2 && ticks.length > 1) ticks.pop();
  ticks.push(total);
  for (const count of ticks) {
    const at = y(count);
    parts.push(`<line class="grid-line" x1="${axis}" x2="${width - axis}" y1="${n(at)}" y2="${n(at)}"/>`);
    const tx = rightToLeft ? width - axis + 6 : axis - 6;
    parts.push(`<text class="tick" x="${tx}" y="${n(at + 4)}" text-anchor="${rightToLeft ? "start" : "end"}">${count}</text>`);
  }
  rows.forEach((row, i) => {
    const x = slotX(i, rows.length, step, axis, rightToLeft) + (step - bar) / 2;
    let stacked = 0;
    const segments: string[] = [];
    for (const status of SUMMARY_STATUSES) {
      const count = row.counts[status];
      if (count === 0) continue;
      const y1 = y(stacked + count);
      const h = y(stacked) - y1;
      const label = `${report.meetingLabel(row.meeting.meeting.id)} · ${words.statuses[status]}: ${count}`;
      segments.push(
        `<rect class="bar" data-status="${status}" x="${n(x)}" y="${n(y1)}" width="${bar}" height="${n(h)}" fill="${css(STATUS_MARK[status])}"><title>${escape(label)}</title></rect>`,
      );
      if (h >= 14) segments.push(`<text class="count" x="${n(x + bar / 2)}" y="${n(y1 + h / 2 + 4)}" text-anchor="middle">${count}</text>`);
      stacked += count;
    }
    parts.push(`<g class="meeting">${segments.join("")}</g>`);
    const label = report.meetingLabel(row.meeting.meeting.id);
    parts.push(`<text class="axis-label" x="${n(x + bar / 2)}" y="${top + plotHeight + 16}" text-anchor="middle">${escape(label)}</text>`);
    const flags: string[] = [];
    if (row.regressed > 0) flags.push(`▼${row.regressed}`);
    if (row.stalled > 0) flags.push(`■${row.stalled}`);
    if (flags.length > 0) parts.push(`<text class="flags" x="${n(x + bar / 2)}" y="${top + plotHeight + 31}" text-anchor="middle">${flags.join(" ")}</text>`);
  });
  const title = escape(`${words.labels.statusChart} (${section.name})`);
  return `<svg class="chart status-chart" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${parts.join("")}</svg>`;
}

function legend(words: ReportWords): string {
  const items = SUMMARY_STATUSES.map(
    (status) => `<li><span class="swatch" style="background:${css(STATUS_MARK[status])}"></span>${escape(words.statuses[status])}</li>`,
  );
  items.push(`<li><span class="mark">▼</span>${escape(words.changes.regressed)}</li>`, `<li><span class="mark stall">■</span>${escape(words.stalledFlag)}</li>`);
  return `<ul class="legend">${items.join("")}</ul>`;
}

function percentText(progress: number | null): string {
  return progress === null ? "" : `${progress}%`;
}

/** Each commitment at each meeting: its status's fill, its status and percent, a regression or stall marked. */
function grid(section: PlanSection, report: TrackerReport): string {
  const { words } = report;
  const head = section.meetings.map(({ meeting }) => `<th scope="col">${ltr(report.meetingLabel(meeting.meeting.id))}</th>`).join("");
  const regressedAt = new Set(section.attention.filter((a) => a.kind === "regressed").map((a) => `${a.commitment.key} ${a.entry.meeting}`));
  const body = section.commitments.map((commitment) => {
    const cells = section.meetings.map(({ meeting }) => {
      const entry = report.historyEntry(commitment, meeting.meeting.id);
      if (!entry) return "<td></td>";
      const regressed = regressedAt.has(`${commitment.key} ${entry.meeting}`);
      const title = entry.source ? `${words.labels.source}: ${describeSource(entry.source, words)}` : words.labels.notMentioned;
      const classes = `cell s-${entry.status}${regressed ? " regressed" : ""}`;
      return `<td class="${classes}" title="${escape(title)}"><span class="status">${escape(words.statuses[entry.status])}</span>${
        entry.progress === null ? "" : ` <span class="pct">${percentText(entry.progress)}</span>`
      }${regressed ? ' <span class="mark">▼</span>' : ""}</td>`;
    });
    const flag = commitment.regressed ? " flag-regressed" : commitment.stalled ? " flag-stalled" : "";
    return `<tr class="commitment${flag}"><th scope="row" class="no">${escape(commitment.number)}</th><th scope="row" class="title">${escape(commitment.title)}</th>${cells.join("")}</tr>`;
  });
  return `<table class="grid"><thead><tr><th scope="col">${escape(words.columns.number)}</th><th scope="col">${escape(words.columns.commitment)}</th>${head}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}

/** One commitment's percent at each meeting as a line over a strip of its statuses. */
function progressChart(commitment: TrackedCommitment, section: PlanSection, report: TrackerReport): string {
  const { words, rightToLeft } = report;
  const count = section.meetings.length;
  const step = Math.max(12, Math.min(40, Math.floor(220 / Math.max(1, count))));
  const margin = 8;
  const width = margin * 2 + step * Math.max(1, count);
  const plotTop = 6;
  const plotHeight = 56;
  const stripTop = plotTop + plotHeight + 6;
  const height = stripTop + 12;
  const y = (progress: number): number => plotTop + plotHeight - (plotHeight * progress) / 100;
  const parts: string[] = [
    `<line class="grid-line" x1="${margin}" x2="${width - margin}" y1="${y(0)}" y2="${y(0)}"/>`,
    `<line class="grid-line" x1="${margin}" x2="${width - margin}" y1="${y(100)}" y2="${y(100)}"/>`,
  ];
  const points: string[] = [];
  section.meetings.forEach(({ meeting }, i) => {
    const entry = report.historyEntry(commitment, meeting.meeting.id);
    if (!entry) return;
    const x = slotX(i, count, step, margin, rightToLeft);
    const label = `${report.meetingLabel(entry.meeting)}: ${words.statuses[entry.status]}${entry.progress === null ? "" : ` ${entry.progress}%`}`;
    parts.push(
      `<rect class="strip" data-status="${entry.status}" x="${x + 1}" y="${stripTop}" width="${step - 2}" height="10" fill="${css(STATUS_MARK[entry.status])}"><title>${escape(label)}</title></rect>`,
    );
    if (entry.progress !== null) {
      const cx = x + step / 2;
      points.push(`${n(cx)},${n(y(entry.progress))}`);
      parts.push(`<circle class="point" cx="${n(cx)}" cy="${n(y(entry.progress))}" r="3" fill="${css(STATUS_MARK[entry.status])}"><title>${escape(label)}</title></circle>`);
    }
  });
  // A gap breaks no line: the percents reported are joined in meeting order.
  if (points.length > 1) parts.unshift(`<polyline class="line" points="${points.join(" ")}"/>`);
  const title = escape(`${commitment.number}. ${commitment.title}`);
  return `<svg class="chart progress-chart" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${parts.join("")}</svg>`;
}

function progressCharts(section: PlanSection, report: TrackerReport): string {
  const items = section.commitments.map((commitment) => {
    const latest = commitment.latest;
    const state = latest ? `${report.words.statuses[latest.status]} ${percentText(latest.progress)}` : "";
    return `<figure class="small"><figcaption><b>${escape(commitment.number)}.</b> ${escape(commitment.title)}<br><span class="latest">${escape(state)}</span></figcaption>${progressChart(commitment, section, report)}</figure>`;
  });
  return `<div class="small-multiples">${items.join("")}</div>`;
}

/** File anchors of the Files list, so every source links to what is known of its file. */
function fileAnchors(report: TrackerReport): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const { meeting } of report.meetings) for (const file of [meeting.file, ...meeting.renderings]) if (!anchors.has(file)) anchors.set(file, `file-${anchors.size + 1}`);
  return anchors;
}

function sourceLink(source: SourceRef | null, report: TrackerReport, anchors: Map<string, string>): string {
  if (source === null) return "";
  const anchor = anchors.get(source.file);
  const text = escape(describeSource(source, report.words));
  return anchor ? `<a href="#${anchor}">${text}</a>` : text;
}

/** A report's status and percent, after its meeting. */
function state(entry: HistoryEntry | undefined, report: TrackerReport): string {
  if (!entry) return "";
  return `${ltr(report.meetingLabel(entry.meeting))} ${escape(report.words.statuses[entry.status])}${entry.progress === null ? "" : ` ${entry.progress}%`}`;
}

/** A phrase of the report's words with its `{name}` places filled with HTML. */
function fillHtml(phrase: string, values: Record<string, string>): string {
  return phrase.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name !== undefined && name in values ? values[name] : escape(part);
  }).join("");
}

/** A list of regressions, stalls or gaps, in pieces: an archive of years has thousands of rows. */
function* attentionList(kind: Attention, section: PlanSection, report: TrackerReport, anchors: Map<string, string>): Generator<string> {
  const { words } = report;
  const heading = kind === "regressed" ? words.labels.regressions : kind === "stalled" ? words.labels.stalls : words.labels.gaps;
  const rows = section.attention.filter((a) => a.kind === kind);
  yield `<section class="attention ${kind}"><h3>${escape(heading)} (${rows.length})</h3>`;
  if (rows.length === 0) {
    yield `<p class="none">${escape(words.labels.none)}</p>`;
  } else {
    yield `<table class="list"><thead><tr><th>${escape(words.columns.number)}</th><th>${escape(words.columns.commitment)}</th><th>${escape(words.columns.status)}</th><th>${escape(words.labels.source)}</th></tr></thead><tbody>`;
    for (const row of rows) {
      const what =
        kind === "regressed" ? fillHtml(words.labels.regressedFromTo, { from: state(row.before, report), to: state(row.entry, report) })
        : kind === "stalled" ? `${state(row.entry, report)}, ${fillHtml(words.labels.stalledSince, { from: ltr(row.before ? report.meetingLabel(row.before.meeting) : "") })}`
        : `${ltr(report.meetingLabel(row.entry.meeting))}: ${escape(words.labels.notMentioned)}`;
      yield `<tr class="${kind}"><td class="no">${escape(row.commitment.number)}</td><td>${escape(row.commitment.title)}</td><td>${what}</td><td class="source">${sourceLink(row.source, report, anchors)}</td></tr>`;
    }
    yield "</tbody></table>";
  }
  yield "</section>";
}

/** Rows of the plan's minutes the tracker linked to no commitment: for a person to judge. */
function reviewItems(section: PlanSection, report: TrackerReport, anchors: Map<string, string>): string {
  const { words } = report;
  const unlinked = report.tracker.unlinked.filter((u) => u.plan === section.plan);
  if (unlinked.length === 0) return "";
  const items = unlinked.map((u) => {
    const best = u.bestMatch ? `${words.labels.bestMatch}: ${u.bestMatch.key} (${u.bestMatch.similarity.toFixed(2)})` : "";
    return `<tr><td>${ltr(report.meetingLabel(u.meeting))}</td><td>${escape(u.title)}</td><td>${escape(`${words.statuses[u.status]} ${percentText(u.progress)}`)}</td><td>${escape(best)}</td><td class="source">${sourceLink(u.source, report, anchors)}</td></tr>`;
  });
  return `<section class="review"><h3>${escape(words.labels.reviewItems)}: ${escape(words.labels.unlinked)} (${unlinked.length})</h3><table class="list"><thead><tr><th>${escape(words.columns.meeting)}</th><th>${escape(words.columns.commitment)}</th><th>${escape(words.columns.status)}</th><th>${escape(words.labels.bestMatch)}</th><th>${escape(words.labels.source)}</th></tr></thead><tbody>${items.join("")}</tbody></table></section>`;
}

/** A plan's section in pieces, its parts on lines of their own. */
function* planSection(section: PlanSection, report: TrackerReport, anchors: Map<string, string>): Generator<string> {
  const { words } = report;
  const truncated =
    section.totalMeetings > section.meetings.length ? `<p class="note">${escape(fill(words.labels.meetingsShown, { shown: section.meetings.length, total: section.totalMeetings }))}</p>` : "";
  yield `<section class="plan"><h2>${escape(section.name)}</h2>${truncated}\n`;
  yield `<figure class="status"><figcaption>${escape(words.labels.statusChart)}</figcaption>${statusChart(section, report)}${legend(words)}</figure>\n`;
  yield `<section class="grid-section"><h3>${escape(words.labels.grid)}</h3>${grid(section, report)}</section>\n`;
  yield `<section class="progress"><h3>${escape(words.labels.progressChart)}</h3>${progressCharts(section, report)}</section>\n`;
  for (const kind of ["regressed", "stalled", "gap"] as const) {
    yield* attentionList(kind, section, report, anchors);
    yield "\n";
  }
  yield `${reviewItems(section, report, anchors)}\n</section>`;
}

function filesList(report: TrackerReport, anchors: Map<string, string>): string {
  const { words } = report;
  const items = report.meetings.map(({ meeting, record }) => {
    const renderings = meeting.renderings.map((file) => `<li id="${anchors.get(file)}" class="rendering">${escape(file)}</li>`).join("");
    const pages = record?.source.pages ? `, ${words.columns.pages} ${record.source.pages}` : "";
    return `<li id="${anchors.get(meeting.file)}"><b>${ltr(meeting.id)}</b> ${escape(meeting.file)} (${escape(meeting.format)}${escape(pages)})${renderings ? `<ul>${renderings}</ul>` : ""}</li>`;
  });
  return `<section class="files"><h2>${escape(words.labels.files)}</h2><ul>${items.join("")}</ul></section>`;
}

function dateRange(report: TrackerReport): string {
  const dates = report.tracker.meetings.map((m) => m.date).filter((d): d is string => d !== null).sort();
  if (dates.length === 0) return "";
  return dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} – ${dates.at(-1)}`;
}

const STYLE = `
:root { --ink: #1f2933; --muted: #5f6b7a; --rule: #d5dae0; }
* { box-sizing: border-box; }
body { font-family: "Noto Naskh Arabic", "Noto Sans", "DejaVu Sans", Tahoma, Arial, sans-serif; color: var(--ink); margin: 1.5rem; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.subtitle, .note, .none { color: var(--muted); }
figure { margin: 0; }
figcaption { font-weight: bold; margin-bottom: .25rem; }
svg .grid-line { stroke: var(--rule); stroke-width: 1; }
/* The charts' text is numbers and meeting ids: left to right even on a right-to-left page. */
svg text { direction: ltr; }
svg .tick, svg .axis-label, svg .flags { font-size: 11px; fill: var(--muted); }
svg .count { font-size: 11px; fill: #fff; font-weight: bold; }
svg .line { fill: none; stroke: var(--ink); stroke-width: 1.5; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .85rem; }
.legend .swatch { display: inline-block; width: .9em; height: .9em; margin-inline-end: .3em; vertical-align: -.1em; }
.legend .mark, .grid .mark { color: #9c0006; margin-inline-end: .3em; }
.legend .mark.stall { color: #b8860b; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid var(--rule); padding: .2rem .4rem; text-align: start; vertical-align: top; }
thead th { background: ${css("FFDDEBF7")}; }
.grid th.title { font-weight: normal; max-width: 28rem; }
.grid td.cell { white-space: nowrap; }
.grid td.regressed { font-weight: bold; color: #9c0006; }
.grid tr.flag-regressed th { background: ${css(REGRESSION_FILL)}; }
.grid tr.flag-stalled th { background: ${css(STALL_FILL)}; }
${(Object.keys(STATUS_FILL) as HistoryStatus[]).map((status) => `.s-${status} { background: ${css(STATUS_FILL[status])}; }`).join("\n")}
.small-multiples { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; }
.small figcaption { font-weight: normal; font-size: .8rem; max-width: 16rem; }
.small .latest { color: var(--muted); }
.list td.source { font-size: .8rem; color: var(--muted); }
a { color: inherit; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 9pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.plan + section.plan, section.files { break-before: page; }
  figure, tr, .small { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8pt; }
}
`;

/** report.html's text in pieces; joined, they are the whole page. */
export function* reportHtmlPieces(report: TrackerReport): Generator<string> {
  const { words, language, rightToLeft } = report;
  const anchors = fileAnchors(report);
  const plans = [...report.plans.values()].join(" · ");
  const range = dateRange(report);
  const subtitle = `${escape(plans)}${range === "" ? "" : ` · ${ltr(range)}`}`;
  yield `<!DOCTYPE html>
<html lang="${language}" dir="${rightToLeft ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="minutes-tracker">
<title>${escape(words.labels.reportTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escape(words.labels.reportTitle)}</h1><p class="subtitle">${subtitle}</p></header>
`;
  for (const [i, section] of planSections(report).entries()) {
    if (i > 0) yield "\n";
    yield* planSection(section, report, anchors);
  }
  yield `
${filesList(report, anchors)}
</body>
</html>
`;
}

/** report.html's text. */
export function reportHtml(report: TrackerReport): string {
  return [...reportHtmlPieces(report)].join("");
}

/**
 * Streams report.html to `output` and ends it, heeding backpressure: at 10,000 meetings the
 * page is over 20 MB, which is not built whole beside the tracker.
 */
export function writeReportHtml(report: TrackerReport, output: Writable): Promise<void> {
  return writePieces(reportHtmlPieces(report), output);
}
