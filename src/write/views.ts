/**
 * The tables the reports show: which rows, which columns, in which order, under
 * which headers (in the report's language). Computed here once and rendered by
 * the workbook, the CSV files and report.html, which differ only in how a cell
 * looks. A cell holds data, not display text: a status is its key, a date its
 * ISO text, a percent its number; `cellText` says it in words where a renderer
 * has only text.
 *
 * Rows are generators, so a renderer can stream an archive of thousands of
 * meetings (and walk them twice, as the workbook does to measure its columns)
 * without holding a table in memory.
 */
import type { ReportColumn, ReportSheet, ReportWords } from "../extract/lexicon/types.js";
import type { SourceRef } from "../model/meeting.js";
import type { Change, Consequence, HistoryEntry, HistoryStatus, ReviewItem, TrackedCommitment } from "../model/tracker.js";
import { fill, type ReportMeeting, type TrackerReport } from "./report.js";

/**
 * `text` is document text (a title, a file name): it may begin with anything.
 * `code` is the program's own words (ids, keys, formats). `status` and `change`
 * hold keys, said in the report's words; `flag` a boolean, said by the column's `flag` word.
 */
export type CellKind = "text" | "code" | "integer" | "number" | "percent" | "date" | "status" | "change" | "flag";
export type ViewValue = string | number | boolean | null;

export interface ViewColumn {
  id: ReportColumn | "meetingStatus" | "meetingPercent" | HistoryStatus | ReviewColumn;
  header: string;
  kind: CellKind;
  /** A `flag` column's word for true. */
  flag?: string;
}

export interface ViewRow<Subject> {
  values: ViewValue[];
  /** What the row is about, for a renderer that styles it (fills, notes, links). */
  subject: Subject;
}

export interface TableView<Subject = null> {
  sheet: ReportSheet | "review";
  /** The sheet's name in the report's language. */
  name: string;
  columns: ViewColumn[];
  /** Leading columns that identify a row (kept in view when scrolling sideways). */
  frozenColumns?: number;
  /** Each call walks the rows again, yielding the same values. */
  rows(): Iterable<ViewRow<Subject>>;
}

/** A cell as text, for renderers without types (CSV, HTML): statuses, changes and flags in the report's words. */
export function cellText(column: ViewColumn, value: ViewValue, words: ReportWords): string {
  if (value === null || value === false) return "";
  switch (column.kind) {
    case "status":
      return words.statuses[value as HistoryStatus] ?? String(value);
    case "change":
      return words.changes[value as Change] ?? String(value);
    case "flag":
      return column.flag ?? "";
    default:
      return String(value);
  }
}

function column(words: ReportWords, id: ReportColumn, kind: CellKind): ViewColumn {
  return { id, header: words.columns[id], kind };
}

const SOURCE_COLUMNS: readonly [ReportColumn, CellKind][] = [
  ["file", "text"],
  ["page", "integer"],
  ["table", "integer"],
  ["row", "integer"],
  ["line", "integer"],
  ["heading", "text"],
];

function sourceColumns(words: ReportWords): ViewColumn[] {
  return SOURCE_COLUMNS.map(([id, kind]) => column(words, id, kind));
}

export function sourceValues(source: SourceRef | null | undefined): ViewValue[] {
  return [source?.file ?? null, source?.page ?? null, source?.table ?? null, source?.row ?? null, source?.line ?? null, source?.heading ?? null];
}

/** "file, page 2, table 1, row 3": where a fact was read, in one line. */
export function describeSource(source: SourceRef, words: ReportWords): string {
  const parts = [source.file];
  const part = (id: ReportColumn, value: number | undefined) => {
    if (value !== undefined) parts.push(`${words.columns[id]} ${value}`);
  };
  part("page", source.page);
  part("table", source.table);
  part("row", source.row);
  part("line", source.line);
  if (source.heading !== undefined) parts.push(`“${source.heading}”`);
  return parts.join(", ");
}

function commitmentColumns(words: ReportWords): ViewColumn[] {
  return [column(words, "plan", "text"), column(words, "number", "integer"), column(words, "commitment", "text")];
}

/** An item number as a cell: a number when it is one ("7"), else as the committee writes it ("2.10", "A-12"). */
export function numberValue(number: string): ViewValue {
  return /^\d+$/u.test(number) ? Number(number) : number;
}

function commitmentValues(commitment: TrackedCommitment): ViewValue[] {
  return [commitment.plan, numberValue(commitment.number), commitment.title];
}

function latestColumns(words: ReportWords): ViewColumn[] {
  return [
    column(words, "latestMeeting", "code"),
    column(words, "latestStatus", "status"),
    column(words, "latestProgress", "percent"),
    column(words, "change", "change"),
    { ...column(words, "stalled", "flag"), flag: words.stalledFlag },
    { ...column(words, "regressed", "flag"), flag: words.changes.regressed },
  ];
}

/** `meeting` names the latest meeting: its id, or as the Tracker sheet's columns name it. */
function latestValues(commitment: TrackedCommitment, meeting: (id: string) => string = (id) => id): ViewValue[] {
  return [
    commitment.latest ? meeting(commitment.latest.meeting) : null,
    commitment.latest?.status ?? null,
    commitment.latest?.progress ?? null,
    commitment.change,
    commitment.stalled,
    commitment.regressed,
  ];
}

export const KEY_COLUMNS = 3;
const LATEST_COLUMNS = 6;

export interface TrackerView extends TableView<TrackedCommitment> {
  /** Index in the tracker's meetings of the first meeting shown: the earlier ones did not fit. */
  firstShown: number;
  /** 1-based column of the first meeting's status; its percent follows, then the next meeting's. */
  firstMeetingColumn: number;
  /** 1-based column of the latest meeting (the latest state's first column). */
  latestColumn: number;
}

/** How many meetings fit beside the key and latest columns in `maxColumns` columns. */
export function meetingsThatFit(report: TrackerReport, maxColumns: number): number {
  return Math.min(report.tracker.meetings.length, Math.max(0, Math.floor((maxColumns - KEY_COLUMNS - LATEST_COLUMNS) / 2)));
}

/** A row per commitment: its status and percent at every meeting shown (the latest `maxColumns` allows), then its latest state. */
export function trackerView(report: TrackerReport, maxColumns = Number.POSITIVE_INFINITY): TrackerView {
  const { tracker, words } = report;
  const firstShown = tracker.meetings.length - meetingsThatFit(report, maxColumns);
  const shown = tracker.meetings.slice(firstShown);
  const columns = commitmentColumns(words);
  for (const meeting of shown) {
    const label = report.meetingLabel(meeting.id);
    columns.push(
      { id: "meetingStatus", header: fill(words.meetingStatus, { meeting: label }), kind: "status" },
      { id: "meetingPercent", header: fill(words.meetingPercent, { meeting: label }), kind: "percent" },
    );
  }
  columns.push(...latestColumns(words));
  return {
    sheet: "tracker",
    name: words.sheets.tracker,
    columns,
    frozenColumns: KEY_COLUMNS,
    firstShown,
    firstMeetingColumn: KEY_COLUMNS + 1,
    latestColumn: KEY_COLUMNS + 1 + 2 * shown.length,
    *rows() {
      for (const commitment of tracker.commitments) {
        const values = commitmentValues(commitment);
        // A meeting about another plan has no entry: its cells stay empty.
        for (const meeting of shown) {
          const entry = report.historyEntry(commitment, meeting.id);
          values.push(entry?.status ?? null, entry?.progress ?? null);
        }
        values.push(...latestValues(commitment, report.meetingLabel));
        yield { values, subject: commitment };
      }
    },
  };
}

/** A row per commitment: its latest state and where it was read (commitments.csv). */
export function commitmentsView(report: TrackerReport): TableView<TrackedCommitment> {
  const { tracker, words } = report;
  return {
    sheet: "tracker",
    name: words.sheets.tracker,
    columns: [...commitmentColumns(words), ...latestColumns(words), ...sourceColumns(words)],
    frozenColumns: KEY_COLUMNS,
    *rows() {
      for (const commitment of tracker.commitments) {
        const latest = commitment.latest && commitment.history.find((entry) => entry.meeting === commitment.latest?.meeting);
        yield { values: [...commitmentValues(commitment), ...latestValues(commitment), ...sourceValues(latest?.source)], subject: commitment };
      }
    },
  };
}

export interface HistoryRow {
  commitment: TrackedCommitment;
  entry: HistoryEntry;
}

/** A row per commitment and meeting, gaps included: the long table for pivot tables (tracker.csv). */
export function historyView(report: TrackerReport): TableView<HistoryRow> {
  const { tracker, words } = report;
  const dates = new Map(tracker.meetings.map((m) => [m.id, m.date]));
  return {
    sheet: "history",
    name: words.sheets.history,
    columns: [
      ...commitmentColumns(words),
      column(words, "meeting", "code"),
      column(words, "date", "date"),
      column(words, "status", "status"),
      column(words, "statusAsWritten", "text"),
      column(words, "progress", "percent"),
      column(words, "change", "change"),
      column(words, "link", "code"),
      column(words, "similarity", "number"),
      ...sourceColumns(words),
    ],
    frozenColumns: KEY_COLUMNS,
    *rows() {
      for (const commitment of tracker.commitments) {
        // The same for each of the commitment's thousands of entries.
        const leading = commitmentValues(commitment);
        for (const entry of commitment.history) {
          yield {
            values: [
              ...leading,
              entry.meeting,
              dates.get(entry.meeting) ?? null,
              entry.status,
              entry.statusLabel,
              entry.progress,
              entry.change,
              entry.link,
              entry.similarity ?? null,
              ...sourceValues(entry.source),
            ],
            subject: { commitment, entry },
          };
        }
      }
    },
  };
}

/** The statuses a summary counts, in the order of a stacked bar: done first, gaps last. */
export const SUMMARY_STATUSES: readonly HistoryStatus[] = ["completed", "partially_completed", "in_progress", "not_started", "not_completed", "unknown", "notReported"];

export interface SummaryRow {
  plan: string;
  meeting: ReportMeeting;
  counts: Record<HistoryStatus, number>;
  regressed: number;
  stalled: number;
}

/** A report that is not completed and says the same as the report before it. */
function stalledAt(entry: HistoryEntry): boolean {
  return entry.change === "unchanged" && entry.status !== "completed";
}

/** Per plan and per meeting of that plan: how many of the plan's commitments stood at each status, regressed, stalled. */
export function summaryView(report: TrackerReport): TableView<SummaryRow> {
  const { tracker, words } = report;
  const byPlan = new Map<string, TrackedCommitment[]>();
  for (const commitment of tracker.commitments) {
    const list = byPlan.get(commitment.plan) ?? [];
    list.push(commitment);
    byPlan.set(commitment.plan, list);
  }
  return {
    sheet: "summary",
    name: words.sheets.summary,
    columns: [
      column(words, "plan", "text"),
      column(words, "meeting", "code"),
      column(words, "date", "date"),
      ...SUMMARY_STATUSES.map((status): ViewColumn => ({ id: status, header: words.statuses[status], kind: "integer" })),
      column(words, "regressed", "integer"),
      column(words, "stalled", "integer"),
    ],
    frozenColumns: 2,
    *rows() {
      for (const plan of report.plans.keys()) {
        const commitments = byPlan.get(plan) ?? [];
        for (const meeting of report.meetings) {
          if (meeting.plan !== plan) continue;
          const counts = Object.fromEntries(SUMMARY_STATUSES.map((status) => [status, 0])) as Record<HistoryStatus, number>;
          let regressed = 0;
          let stalled = 0;
          for (const commitment of commitments) {
            const entry = report.historyEntry(commitment, meeting.meeting.id);
            if (!entry) continue;
            counts[entry.status] += 1;
            if (entry.change === "regressed") regressed += 1;
            if (stalledAt(entry)) stalled += 1;
          }
          yield {
            values: [report.plans.get(plan) ?? plan, meeting.meeting.id, meeting.meeting.date, ...SUMMARY_STATUSES.map((s) => counts[s]), regressed, stalled],
            subject: { plan, meeting, counts, regressed, stalled },
          };
        }
      }
    },
  };
}

export type Attention = "regressed" | "stalled" | "gap";

export interface AttentionRow {
  kind: Attention;
  commitment: TrackedCommitment;
  /** The report (or, for a gap, the meeting's entry) this is about. */
  entry: HistoryEntry;
  /** The report it is compared with: the one before a regression or a stall. */
  before: HistoryEntry | undefined;
  /** Where to look: the report's source, or for a gap the minutes that do not mention the commitment. */
  source: SourceRef | null;
}

/** What needs attention: every regression, every stall, every meeting of a plan that did not mention one of its commitments. */
export function attentionView(report: TrackerReport): TableView<AttentionRow> {
  const { tracker, words } = report;
  const files = new Map(tracker.meetings.map((m) => [m.id, m.file]));
  return {
    sheet: "warnings",
    name: words.labels.reviewItems,
    columns: [
      column(words, "change", "code"),
      ...commitmentColumns(words),
      column(words, "meeting", "code"),
      column(words, "status", "status"),
      column(words, "progress", "percent"),
      ...sourceColumns(words),
    ],
    *rows() {
      for (const commitment of tracker.commitments) {
        // The report before each entry, and each meeting's entry, found in one pass: a history has an entry per meeting.
        const previousReports: (HistoryEntry | undefined)[] = [];
        const indexes = new Map<string, number>();
        let lastReport: HistoryEntry | undefined;
        for (const [index, entry] of commitment.history.entries()) {
          previousReports.push(lastReport);
          if (!indexes.has(entry.meeting)) indexes.set(entry.meeting, index);
          if (entry.status !== "notReported") lastReport = entry;
        }
        const emit = (kind: Attention, index: number, source: SourceRef | null): ViewRow<AttentionRow> => {
          const entry = commitment.history[index];
          return {
            values: [kind, ...commitmentValues(commitment), entry.meeting, entry.status, entry.progress, ...sourceValues(source)],
            subject: { kind, commitment, entry, before: previousReports[index], source },
          };
        };
        const indexOf = (meeting: string): number => indexes.get(meeting) ?? -1;
        for (const regression of commitment.regressions) {
          const index = indexOf(regression.to);
          if (index >= 0) yield emit("regressed", index, commitment.history[index].source);
        }
        if (commitment.stalled && commitment.latest) {
          const index = indexOf(commitment.latest.meeting);
          if (index >= 0) yield emit("stalled", index, commitment.history[index].source);
        }
        // Only a meeting about the commitment's plan has a `notReported` entry: a meeting about another plan is no gap.
        for (const [index, entry] of commitment.history.entries()) {
          // A gap's source is the minutes themselves: the file that does not mention the commitment.
          if (entry.status === "notReported") yield emit("gap", index, { file: files.get(entry.meeting) ?? entry.meeting });
        }
      }
    },
  };
}

export function meetingsView(report: TrackerReport): TableView {
  const { words } = report;
  const kinds: [ReportColumn, CellKind][] = [
    ["meeting", "code"], ["date", "date"], ["dateFrom", "code"], ["language", "code"], ["title", "text"], ["plan", "text"],
    ["planAsWritten", "text"], ["chair", "text"], ["attendees", "text"], ["agenda", "text"], ["commitments", "integer"],
    ["decisions", "integer"], ["events", "integer"], ["file", "text"], ["format", "code"], ["pages", "integer"], ["sha256", "code"],
    ["otherRenderings", "text"],
  ];
  return {
    sheet: "meetings",
    name: words.sheets.meetings,
    columns: kinds.map(([id, kind]) => column(words, id, kind)),
    *rows() {
      for (const { meeting, record } of report.meetings) {
        yield {
          values: [
            meeting.id,
            meeting.date,
            meeting.dateSource,
            meeting.language,
            meeting.title,
            meeting.plan,
            record?.meeting.actionPlan?.text ?? null,
            record?.meeting.chair ?? null,
            record ? record.meeting.attendees.join("\n") : null,
            record ? record.meeting.agenda.join("\n") : null,
            record?.commitments.length ?? null,
            record?.decisions.length ?? null,
            record?.events.length ?? null,
            meeting.file,
            meeting.format,
            record?.source.pages ?? null,
            record?.source.sha256 ?? null,
            meeting.renderings.join("\n"),
          ],
          subject: null,
        };
      }
    },
  };
}

export function activitiesView(report: TrackerReport): TableView {
  const { words } = report;
  return {
    sheet: "activities",
    name: words.sheets.activities,
    columns: [
      column(words, "meeting", "code"),
      column(words, "plan", "text"),
      column(words, "number", "integer"),
      column(words, "commitment", "text"),
      column(words, "activity", "text"),
      column(words, "state", "code"),
      ...sourceColumns(words),
    ],
    *rows() {
      for (const { meeting, record } of report.meetings) {
        for (const commitment of record?.commitments ?? []) {
          // Unnumbered rows linked by similarity take their commitment's number here too.
          const number = commitment.number ?? report.linkedCommitment(meeting.id, commitment.source)?.number ?? null;
          for (const activity of commitment.activities) {
            yield {
              values: [meeting.id, meeting.plan, number === null ? null : numberValue(number), commitment.title, activity.text, activity.state, ...sourceValues(commitment.source)],
              subject: null,
            };
          }
        }
      }
    },
  };
}

/** Every decision of every meeting (decisions.csv). */
export function decisionsView(report: TrackerReport): TableView {
  const { words } = report;
  return {
    sheet: "decisions",
    name: words.sheets.decisions,
    columns: [
      column(words, "meeting", "code"),
      column(words, "decision", "text"),
      column(words, "date", "date"),
      column(words, "commitment", "integer"),
      ...sourceColumns(words),
    ],
    *rows() {
      for (const { meeting, record } of report.meetings) {
        for (const decision of record?.decisions ?? []) {
          yield {
            values: [meeting.id, decision.text, decision.date, decision.commitment === null ? null : numberValue(decision.commitment), ...sourceValues(decision.source)],
            subject: null,
          };
        }
      }
    },
  };
}

export function eventsView(report: TrackerReport): TableView {
  const { words } = report;
  return {
    sheet: "events",
    name: words.sheets.events,
    columns: [
      column(words, "meeting", "code"),
      column(words, "event", "text"),
      column(words, "date", "date"),
      column(words, "endDate", "date"),
      column(words, "place", "text"),
      column(words, "participants", "text"),
      ...sourceColumns(words),
    ],
    *rows() {
      for (const { meeting, record } of report.meetings) {
        for (const event of record?.events ?? []) {
          yield {
            values: [meeting.id, event.title, event.date, event.endDate, event.place, event.participants.join("\n"), ...sourceValues(event.source)],
            subject: null,
          };
        }
      }
    },
  };
}

/**
 * The Review sheet is a form: the officer types the right value into its "Correct …" cells and
 * `minutes corrections` reads them back by these headers, so its name and its own headers stay
 * in English whatever the report's language (the source columns are said in it).
 */
export const REVIEW_SHEET = "Review";
const REVIEW_COLUMNS = [
  ["priority", "Priority", "integer"],
  ["weighsOn", "Weighs on", "text"],
  ["reason", "Why uncertain", "code"],
  ["message", "Message", "text"],
  ["meeting", "Meeting", "code"],
  ["record", "Record", "text"],
  ["commitment", "Commitment", "text"],
  ["corrected", "Corrected", "flag"],
  ["correctStatus", "Correct status", "text"],
  ["correctPercent", "Correct %", "percent"],
  ["correctDate", "Correct date", "text"],
  ["correctTitle", "Correct title", "text"],
  ["note", "Note", "text"],
] as const satisfies readonly (readonly [string, string, CellKind])[];
export type ReviewColumn = `review:${(typeof REVIEW_COLUMNS)[number][0]}`;
/** The Review sheet's own headers, in order; the source columns follow. */
export const REVIEW_HEADERS: readonly string[] = REVIEW_COLUMNS.map(([, header]) => header);
/** The columns an officer fills in. */
export const REVIEW_INPUT_HEADERS = ["Correct status", "Correct %", "Correct date", "Correct title", "Note"] as const;
const CONSEQUENCE_TEXT: Record<Consequence, string> = { regression: "a regression", stall: "a stall", latest: "the latest state", history: "the history", none: "nothing tracked" };

/** Every uncertain fact of review.json, most consequential first, with empty cells to type its correction into. */
export function reviewView(report: TrackerReport): TableView<ReviewItem> {
  const { words } = report;
  return {
    sheet: "review",
    name: REVIEW_SHEET,
    columns: [
      ...REVIEW_COLUMNS.map(([id, header, kind]): ViewColumn => ({ id: `review:${id}`, header, kind, ...(id === "corrected" ? { flag: "corrected" } : {}) })),
      ...sourceColumns(words),
    ],
    frozenColumns: 3,
    *rows() {
      for (const [i, item] of report.review.items.entries()) {
        yield {
          values: [
            i + 1,
            CONSEQUENCE_TEXT[item.consequence],
            item.reason,
            item.message,
            item.meeting,
            item.record,
            item.correctBy.commitment ?? null,
            item.corrected,
            ...REVIEW_INPUT_HEADERS.map(() => null),
            ...sourceValues(item.source),
          ],
          subject: item,
        };
      }
    },
  };
}

/** A note of a writer's own, listed with the warnings (the workbook's, when it leaves meetings out of a sheet). */
export interface WriterNote {
  from: string;
  code: string;
  message: string;
}

/** Warnings of extraction and of the tracker, then `notes`, then the files that failed. */
export function warningsView(report: TrackerReport, notes: readonly WriterNote[] = []): TableView {
  const { tracker, words } = report;
  return {
    sheet: "warnings",
    name: words.sheets.warnings,
    columns: [column(words, "from", "code"), column(words, "meeting", "code"), column(words, "code", "code"), column(words, "message", "text"), ...sourceColumns(words)],
    *rows() {
      for (const { meeting, record } of report.meetings) {
        for (const warning of record?.warnings ?? []) {
          yield { values: ["extraction", meeting.id, warning.code, warning.message, ...sourceValues(warning.source ?? { file: record?.source.path ?? meeting.file })], subject: null };
        }
      }
      for (const warning of tracker.warnings) {
        yield { values: ["tracker", warning.meeting ?? null, warning.code, warning.message, ...sourceValues(warning.source)], subject: null };
      }
      for (const note of notes) yield { values: [note.from, null, note.code, note.message, ...sourceValues(undefined)], subject: null };
      for (const failure of report.failures) {
        yield { values: ["batch", null, failure.code, failure.reason, ...sourceValues({ file: failure.file })], subject: null };
      }
    },
  };
}

export type KeyEntry = { status: HistoryStatus } | { flag: Change | "stalled" | "notes" };

/** What each status, change word and flag means. */
export function keyView(report: TrackerReport): TableView<KeyEntry> {
  const { words } = report;
  return {
    sheet: "key",
    name: words.sheets.key,
    columns: [column(words, "value", "text"), column(words, "meaning", "text")],
    *rows() {
      for (const status of Object.keys(words.statuses) as HistoryStatus[]) {
        yield { values: [words.statuses[status], words.statusMeanings[status]], subject: { status } };
      }
      for (const flag of ["improved", "unchanged", "regressed", "stalled", "notes"] as const) {
        const value = flag === "stalled" ? words.stalledFlag : flag === "notes" ? words.labels.notes : words.changes[flag];
        yield { values: [value, words.flagMeanings[flag]], subject: { flag } };
      }
    },
  };
}
