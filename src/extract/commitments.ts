/**
 * Commitments, whatever the layout:
 * - a table with a commitment column (number / commitment / percent / status / notes,
 *   columns found by header words), whose single-cell rows may open status sections
 *   ("التعهدات المنجزة بصفة كلية (100%)");
 * - one heading (or bold paragraph) per commitment, "Engagement n°1 : …" or "3. Open budgets",
 *   followed by label lines ("Taux de réalisation : 80 %", "Statut : …"), prose and bullets;
 * - an ordered list whose items are commitments (Word numbering: the number is not in the text),
 *   with the status in the item ("… — réalisé (100 %)") or in label lines under it.
 * Every block of a commitment table or section lands in a field, or in a warning.
 */
import type { Activity, Commitment, SourceRef, Status, Warning } from "../model/meeting.js";
import { findPercents as findPercentSigns, parsePercentValue as parsePercentSigns } from "../text/percent.js";
import { wordCount, type Block, type FlatDocument, type RowModel, type TableModel } from "./blocks.js";
import {
  ACTIVITY_CUES,
  COMMITMENT_HEADING,
  COMMITMENT_MARKED_HEADING,
  COMMITMENT_ORDINAL_HEADING,
  COMMITMENT_PLURAL,
  DECISION_PHRASES,
  HEADER_ROLES,
  HEADER_WORDS,
  LABELS,
  NO_VALUE_WORDS,
  ORDINALS,
  PERCENT_WORDS,
  PROGRESS_CUES,
  SECTION_MARKER,
  SECTION_MARKER_VALUES,
  SELF_REFERENCES,
  type ColumnRole,
} from "./lexicon/index.js";
import { firstMatch, foldWithMap, originalSpan, type FoldedText } from "./match.js";
import { reportersIn } from "./people.js";
import { bestStatus, cleanTitle, firstWords, openingStatus, sentences, toSourceRef, type StatusHit } from "./text-helpers.js";

type ActivityState = Activity["state"];

/** Percents written with a sign or with the lexicons' words ("60 pour cent", "60 بالمائة"). */
const findPercents = (text: string) => findPercentSigns(text, PERCENT_WORDS);
const parsePercentValue = (text: string) => parsePercentSigns(text, PERCENT_WORDS);

/** A status section: rows or headings that follow it share its status and percent. */
interface Section {
  status: Status;
  label: string;
  progress: number | null;
}

interface Draft {
  number: string | null;
  title: string;
  status: Status;
  statusLabel: string | null;
  progress: number | null;
  reportedBy: string[];
  activities: Activity[];
  notes: string[];
  source: SourceRef;
  /** State announced by the last note ending in ":" ("تمّ القيام بالأنشطة التالية:"), for the items after it. */
  introState: ActivityState | null;
  texts: FoldedText[];
}

export interface CommitmentExtraction {
  commitments: Commitment[];
  warnings: Warning[];
  /** Blocks of commitment tables and sections, with the number of the commitment they belong to. */
  region: Map<number, string | null>;
  /** Blocks whose text went into a record field or a warning. */
  covered: Set<number>;
}

/** Longest header phrase per role, earliest first: the roles a header cell names. */
function headerRoles(ft: FoldedText): ColumnRole[] {
  const hits: { role: ColumnRole; start: number; end: number }[] = [];
  for (const role of HEADER_ROLES) {
    for (const m of ft.folded.matchAll(HEADER_WORDS[role].regex)) hits.push({ role, start: m.index, end: m.index + m[0].length });
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  kept.sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((h) => h.role))];
}

const LABEL_WORDS = 12;

/**
 * A block that is nothing but a status ("Réalisé", "1. Completed (100%)"): the status phrase is most
 * of its letters. A title that merely starts with a status word ("Complete the legal framework") is not.
 */
function statusOnly(ft: FoldedText): StatusHit | null {
  // "Statut : réalisé" is a label line, read by `absorb`.
  if (wordCount(ft.text) > 6 || matchCommitmentHeading(ft) || hasLabel(ft)) return null;
  const hit = bestStatus(ft);
  if (!hit) return null;
  const letters = (s: string): number => [...s.matchAll(/\p{L}/gu)].length;
  return letters(ft.folded.slice(hit.start, hit.end)) * 2 >= letters(ft.folded) ? hit : null;
}

/** A short block naming commitments and a status ("2. التعهدات غير المنجزة", "Engagements réalisés (100 %)"), or a bare status. */
export function sectionOf(ft: FoldedText): Section | null {
  if (wordCount(ft.text) > LABEL_WORDS) return null;
  const hit = bestStatus(ft);
  if (!hit) return null;
  if (!firstMatch(COMMITMENT_PLURAL, ft.folded) && !statusOnly(ft)) return null;
  const percent = findPercents(ft.text)[0];
  const label = cleanTitle(ft.text.replace(/^\s*\d{1,2}\s*[.)-]\s*/u, "").replace(/\(?\s*\d{1,3}(?:[.,]\d+)?\s*\.?\s*%\s*\)?|\(?\s*%\s*\d{1,3}\s*\)?/gu, ""));
  return { status: hit.status, label, progress: percent && percent.value <= 100 ? percent.value : null };
}

const PRIORITY: readonly ActivityState[] = ["unknown", "planned", "ongoing", "done"];

/** The state an activity's own words give it, or null when they carry no tense or aspect cue. */
function activityCue(ft: FoldedText): ActivityState | null {
  const found: ActivityState[] = [];
  const probe = (re: RegExp, state: ActivityState): void => {
    if (firstMatch(re, ft.folded)) found.push(state);
  };
  // Negated work ("لم ينجز", "non réalisé") is neither done nor planned: the record says so by not guessing.
  probe(ACTIVITY_CUES.negation, "unknown");
  probe(ACTIVITY_CUES.planned, "planned");
  probe(ACTIVITY_CUES.ongoing, "ongoing");
  probe(ACTIVITY_CUES.done, "done");
  if (found.length === 0) return null;
  // A negation or a future outweighs a past cue in the same activity: "la mise en ligne … est reportée" is planned,
  // "تمّ تطوير عدد من الخدمات ويتم العمل على البقية" is ongoing.
  return found.reduce((a, b) => (PRIORITY.indexOf(b) < PRIORITY.indexOf(a) ? b : a));
}

export function activityState(ft: FoldedText, inherited: ActivityState | null): ActivityState {
  return activityCue(ft) ?? inherited ?? "unknown";
}

/**
 * Activities told in prose, for a commitment reported without bullets: each sentence that
 * says what was done, is under way or is planned. The prose stays in the notes as written.
 */
function proseActivities(notes: readonly string[]): Activity[] {
  const activities: Activity[] = [];
  for (const note of notes) {
    const ft = foldWithMap(note);
    for (const span of sentences(ft)) {
      let sentence = foldWithMap(ft.text.slice(ft.map[span.start], ft.map[span.end]));
      // "بصدد الإنجاز: أفادت …": the opening status is the commitment's, not the activity's.
      const opening = openingStatus(sentence);
      if (opening && /^\s*[:：.\-–]/u.test(sentence.folded.slice(opening.end))) {
        sentence = foldWithMap(sentence.text.slice(sentence.map[opening.end]).replace(/^\s*[:：.\-–]\s*/u, ""));
      }
      // A decision of the meeting ("وتمّ الاتفاق على …") is recorded as a decision, not as work reported.
      if (firstMatch(DECISION_PHRASES, sentence.folded)) continue;
      const state = activityCue(sentence);
      if (state !== null && sentence.text) activities.push({ text: sentence.text.replace(/[.;؛]\s*$/u, ""), state });
    }
  }
  return activities;
}

interface StatedProgress {
  value: number;
  /** The sentence says the work was done to that extent ("تم إنجاز …", "completed at"), not merely where it stands. */
  achieved: boolean;
}

/** A percent stated about the commitment itself in prose: "هذا التعهد قد تمّ تنفيذه بنسبة 100. %". */
function selfStatedProgress(ft: FoldedText): StatedProgress | null {
  for (const span of sentences(ft)) {
    const sentence = ft.folded.slice(span.start, span.end);
    if (!firstMatch(SELF_REFERENCES, sentence)) continue;
    for (const cue of sentence.matchAll(PROGRESS_CUES)) {
      const after = cue.index + cue[0].length;
      const percent = findPercents(sentence.slice(after)).find((p) => p.index <= 3);
      if (percent && percent.value <= 100) return { value: percent.value, achieved: firstMatch(ACTIVITY_CUES.done, sentence) !== null };
    }
  }
  return null;
}

/** A status stated about the commitment itself in prose: "لم يتم بعد الشروع في تنفيذ هذا الالتزام", "this commitment is delayed". */
function selfStatedStatus(ft: FoldedText): { status: Status; label: string } | null {
  for (const span of sentences(ft)) {
    const sentence = foldWithMap(ft.text.slice(ft.map[span.start], ft.map[span.end]));
    if (!firstMatch(SELF_REFERENCES, sentence.folded)) continue;
    const hit = bestStatus(sentence);
    // "Cet engagement a été réalisé à 70 %": done only in part; the figure decides the status.
    const figure = selfStatedProgress(sentence);
    if (hit && hit.status === "completed" && figure !== null && figure.value < 100) continue;
    if (hit) return { status: hit.status, label: originalSpan(sentence, hit.start, hit.end) };
  }
  return null;
}

/**
 * The status a figure stated in prose implies when no status words were given: all of it is
 * completed, none not started; part of it partially completed when the sentence says it was
 * achieved to that extent ("تم إنجاز هذا الالتزام بنسبة 80 في المائة"), else in progress ("stands at 40%").
 */
function statusOfStatedProgress(stated: StatedProgress): Status {
  if (stated.value >= 100) return "completed";
  if (stated.value <= 0) return "not_started";
  return stated.achieved ? "partially_completed" : "in_progress";
}

interface CommitmentHeading {
  number: string;
  title: string;
  separated: boolean;
}

/** Headings found per folded text: whether a block opens a commitment is asked by several layouts. */
const commitmentHeadingOf = new WeakMap<FoldedText, Readonly<CommitmentHeading> | null>();

export function matchCommitmentHeading(ft: FoldedText): Readonly<CommitmentHeading> | null {
  let heading = commitmentHeadingOf.get(ft);
  if (heading === undefined) {
    heading = findCommitmentHeading(ft);
    commitmentHeadingOf.set(ft, heading);
  }
  return heading;
}

function findCommitmentHeading(ft: FoldedText): CommitmentHeading | null {
  const lineEnd = ft.folded.indexOf("\n");
  const firstLine = lineEnd < 0 ? ft.folded : ft.folded.slice(0, lineEnd);
  // "ثانيا: التعهد عدد 7: …": a section marker before a numbered commitment; the commitment's own number wins.
  const marker = SECTION_MARKER.exec(firstLine);
  const base = marker ? marker[0].length + (/^\s*/u.exec(firstLine.slice(marker[0].length))?.[0].length ?? 0) : 0;
  const afterMarker = firstLine.slice(base);
  const own = COMMITMENT_HEADING.exec(afterMarker) ?? COMMITMENT_ORDINAL_HEADING.exec(afterMarker);
  const m = own ?? COMMITMENT_MARKED_HEADING.exec(firstLine);
  if (!m || !m.groups) return null;
  const number =
    m.groups.number !== undefined ? Number(m.groups.number) : m.groups.ordinal !== undefined ? ORDINALS.valueOf(m.groups.ordinal) : SECTION_MARKER_VALUES.valueOf(m.groups.marker);
  if (number === undefined) return null;
  const restStart = (own ? base : 0) + m[0].length - m.groups.rest.length;
  const between = firstLine.slice(0, restStart);
  const title = ft.text.slice(ft.map[restStart], ft.map[firstLine.length]);
  return { number: String(number), title: cleanTitle(title), separated: /[:：\-–—.)]\s*$/u.test(between) };
}

/** A block cut at its labels: the label values, and the text around them. */
type Segment =
  | { kind: "text"; text: string }
  | { kind: "progress"; value: number | null }
  | { kind: "status"; status: Status; label: string; percent: number | null };

/** A progress label's way of saying "no value": a dash, or the lexicons' words ("n/a", "s.o."). */
const NO_PROGRESS = new RegExp(`^(?:[—–-](?!\\S)|${NO_VALUE_WORDS.source})`, "u");

/** The first folded position in [from, to) whose original offset reaches `original`. */
function foldedOffset(ft: FoldedText, from: number, to: number, original: number): number {
  let j = from;
  while (j < to && ft.map[j] < original) j++;
  return j;
}
const LABEL_COLON = /[:：]/u;
/** "(60 %)", "(about 60%)", "(environ 60 %)", "(حوالي 60%)": up to two words may hedge the figure. */
const PERCENT_IN_PARENTHESES = /^\s*\(\s*(?:[\p{L}\p{M}.]+\s+){0,2}(?:\d{1,3}(?:[.,]\d+)?\s*%|%\s*\d{1,3})\s*\)/u;

/** Segments found per folded text: a block is asked whether it has or opens with a label, then read. */
const labelSegmentsOf = new WeakMap<FoldedText, readonly Segment[]>();

export function labelSegments(ft: FoldedText): readonly Segment[] {
  let segments = labelSegmentsOf.get(ft);
  if (!segments) {
    segments = findLabelSegments(ft);
    labelSegmentsOf.set(ft, segments);
  }
  return segments;
}

function findLabelSegments(ft: FoldedText): Segment[] {
  const segments: Segment[] = [];
  const pushText = (from: number, to: number): void => {
    const text = ft.text.slice(ft.map[from], ft.map[to]).replace(/^[\s;؛.,،]+/u, "").trim();
    if (text) segments.push({ kind: "text", text });
  };
  // A label always ends with a colon: a text without one is dismissed without trying every label.
  const matches = LABEL_COLON.test(ft.folded) ? [...ft.folded.matchAll(LABELS)] : [];
  let pos = 0;
  matches.forEach((m, k) => {
    const valueStart = m.index + m[0].length;
    const regionEnd = matches[k + 1]?.index ?? ft.folded.length;
    const region = ft.folded.slice(valueStart, regionEnd);
    let consumed = 0;
    let segment: Segment | null = null;
    if (m.groups?.progress) {
      const regionText = ft.text.slice(ft.map[valueStart], ft.map[regionEnd]);
      const percent = findPercents(regionText)[0];
      const none = NO_PROGRESS.exec(region);
      if (percent && percent.index === 0) {
        consumed = foldedOffset(ft, valueStart, regionEnd, ft.map[valueStart] + percent.length) - valueStart;
        segment = { kind: "progress", value: percent.value <= 100 ? percent.value : null };
      } else if (none) {
        consumed = none[0].length;
        segment = { kind: "progress", value: null };
      }
    }
    // A status label's value, or a progress label's that opens with a status rather than a
    // figure ("Progress: Substantial (about 60%)", "Avancement : En cours"): a status.
    if (!segment) {
      const regionText = foldWithMap(ft.text.slice(ft.map[valueStart], ft.map[regionEnd]));
      const hit = openingStatus(regionText);
      if (hit) {
        const after = regionText.folded.slice(hit.end);
        const percent = PERCENT_IN_PARENTHESES.exec(after);
        const labelEnd = hit.end + (percent ? percent[0].length : 0);
        const labelText = regionText.text.slice(0, regionText.map[labelEnd]).trim();
        const stated = percent ? findPercents(percent[0])[0] : undefined;
        segment = { kind: "status", status: hit.status, label: labelText, percent: stated && stated.value <= 100 ? stated.value : null };
        // Back from the region's own folding to this block's.
        consumed = foldedOffset(ft, valueStart, regionEnd, ft.map[valueStart] + regionText.map[labelEnd]) - valueStart;
      }
    }
    if (!segment) return;
    pushText(pos, m.index);
    segments.push(segment);
    pos = valueStart + consumed;
  });
  pushText(pos, ft.folded.length);
  return segments;
}

const hasLabel = (ft: FoldedText): boolean => labelSegments(ft).some((s) => s.kind !== "text");
const opensWithLabel = (ft: FoldedText): boolean => {
  const first = labelSegments(ft)[0];
  return first !== undefined && first.kind !== "text";
};

class CommitmentBuilder {
  readonly drafts: Draft[] = [];
  readonly warnings: Warning[] = [];
  readonly region = new Map<number, string | null>();
  readonly covered = new Set<number>();

  constructor(private readonly file: string) {}

  open(number: string | null, title: string, source: SourceRef, section: Section | null): Draft {
    const draft: Draft = {
      number,
      title,
      status: section?.status ?? "unknown",
      statusLabel: section?.label ?? null,
      progress: section?.progress ?? null,
      reportedBy: [],
      activities: [],
      notes: [],
      source,
      introState: null,
      texts: [],
    };
    this.drafts.push(draft);
    return draft;
  }

  claim(block: Block, draft: Draft | null): void {
    this.region.set(block.index, draft?.number ?? null);
    this.covered.add(block.index);
  }

  /** Puts a block of a commitment's content where it belongs: label lines into fields, bullets into activities, the rest into notes. */
  absorb(draft: Draft, block: Block): void {
    this.claim(block, draft);
    const rest: string[] = [];
    for (const segment of labelSegments(block.ft)) {
      if (segment.kind === "progress") draft.progress = segment.value;
      else if (segment.kind === "status") {
        draft.status = segment.status;
        draft.statusLabel = segment.label;
        if (segment.percent !== null && draft.progress === null) draft.progress = segment.percent;
      } else rest.push(segment.text);
    }
    if (rest.length === 0) return;
    let joined = rest.join(block.kind === "item" ? " " : "\n");
    // A "2. " a reader left in the text is the item's marker, not its words.
    if (block.kind === "item" && block.depth === 0 && block.itemNumber !== null) joined = joined.replace(/^\d{1,2}[.)]\s+/u, "");
    const ft = foldWithMap(joined);
    draft.texts.push(ft);
    for (const who of reportersIn(ft)) if (!draft.reportedBy.includes(who)) draft.reportedBy.push(who);
    if (block.kind === "item") {
      draft.activities.push({ text: ft.text, state: activityState(ft, draft.introState) });
    } else {
      draft.notes.push(ft.text);
      draft.introState = /[:：]\s*$/u.test(ft.text) ? activityState(ft, null) : null;
    }
  }

  warn(code: string, message: string, block: Block | null, source?: SourceRef): void {
    this.warnings.push({ code, message, source: source ?? (block ? toSourceRef(this.file, block.source) : undefined) });
  }

  finish(): Commitment[] {
    const seen = new Map<string, Draft>();
    return this.drafts.map((d) => {
      if (d.status === "unknown") {
        const stated = d.texts.map(selfStatedStatus).find((p) => p !== null) ?? null;
        if (stated) {
          d.status = stated.status;
          d.statusLabel = stated.label;
        }
      }
      if (d.progress === null) {
        const stated = d.texts.map(selfStatedProgress).find((p) => p !== null) ?? null;
        d.progress = stated?.value ?? null;
        if (stated && d.status === "unknown") d.status = statusOfStatedProgress(stated);
      }
      if (d.activities.length === 0) d.activities = proseActivities(d.notes);
      if (d.status === "unknown" && d.progress === null)
        this.warnings.push({ code: "no-status", message: `Commitment ${d.number ?? `"${firstWords(d.title, 8)}"`}: no status words or percent found`, source: d.source });
      if (d.number !== null) {
        const earlier = seen.get(d.number);
        if (earlier) this.warnings.push({ code: "duplicate-commitment", message: `Commitment ${d.number} is reported twice in this document; both records are kept`, source: d.source });
        else seen.set(d.number, d);
      }
      return {
        number: d.number,
        title: d.title,
        status: d.status,
        statusLabel: d.statusLabel,
        progress: d.progress,
        reportedBy: d.reportedBy,
        activities: d.activities,
        notes: d.notes,
        source: d.source,
      };
    });
  }
}

interface ColumnPlan {
  headerRow: number;
  /** Role of each grid column. */
  roles: (ColumnRole | null)[];
}

function gridColumns(row: RowModel): number[] {
  const starts: number[] = [];
  let col = 0;
  for (const c of row.cells) {
    starts.push(col);
    col += Math.max(1, c.colSpan);
  }
  return starts;
}

function planColumns(table: TableModel): ColumnPlan | null {
  for (let r = 0; r < Math.min(table.rows.length, 3); r++) {
    const row = table.rows[r];
    const nonEmpty = row.cells.filter((c) => c.text.trim());
    if (nonEmpty.length < 2 || row.cells.some((c) => wordCount(c.text) > 12)) continue;
    const starts = gridColumns(row);
    const width = starts.length ? starts[starts.length - 1] + Math.max(1, row.cells[row.cells.length - 1].colSpan) : 0;
    const roles: (ColumnRole | null)[] = new Array(width).fill(null);
    let any = false;
    row.cells.forEach((c, k) => {
      const found = headerRoles(foldWithMap(c.text));
      if (found.length) {
        roles[starts[k]] = found[0];
        any = true;
      }
    });
    if (any) return { headerRow: r, roles };
  }
  return null;
}

export type TableKind = "commitments" | "events" | "other";

export function classifyTable(table: TableModel): { kind: TableKind; plan: ColumnPlan | null } {
  const plan = planColumns(table);
  const headingRows = table.rows.filter((row) => row.cells.some((c) => c.blocks[0] && matchCommitmentHeading(c.blocks[0].ft))).length;
  if (plan && (plan.roles.includes("commitment") || plan.roles.includes("number"))) return { kind: "commitments", plan };
  if (headingRows >= 2) return { kind: "commitments", plan };
  if (plan && plan.roles.includes("date") && (plan.roles.includes("place") || plan.roles.includes("participants"))) return { kind: "events", plan };
  return { kind: "other", plan };
}

const sameRowText = (a: RowModel, b: RowModel): boolean =>
  a.cells.length === b.cells.length && a.cells.every((c, k) => foldWithMap(c.text).folded === foldWithMap(b.cells[k].text).folded);

/**
 * A status cell's status: the phrase it opens with (label up to the first stop, the rest of the
 * cell a note), or a phrase anywhere in a cell of a few words. Null when the cell states none.
 */
function statusOfCell(blocks: readonly Block[]): { hit: StatusHit; label: string; rest: Block[] } | null {
  const [first, ...others] = blocks;
  if (!first) return null;
  const opening = openingStatus(first.ft);
  if (opening) {
    const head = /^[^:：.،;]*/u.exec(first.ft.text.slice(first.ft.map[opening.start]))?.[0] ?? opening.label;
    const label = (wordCount(head) <= 8 ? head : opening.label).trim();
    const tail = first.ft.text.slice(first.ft.map[opening.start] + label.length).replace(/^[\s:：.،;]+/u, "");
    const rest = tail ? [{ ...first, ft: foldWithMap(tail) }, ...others] : others;
    return { hit: opening, label, rest };
  }
  const text = blocks.map((b) => b.ft.text).join(" ");
  const hit = wordCount(text) <= 6 ? bestStatus(foldWithMap(text)) : null;
  return hit ? { hit, label: text.trim(), rest: [] } : null;
}

function tableCommitments(builder: CommitmentBuilder, table: TableModel, plan: ColumnPlan | null, file: string): void {
  const headerRow = plan?.headerRow ?? -1;
  let section: Section | null = null;
  let previous: Draft | null = null;
  const hasNumberColumn = plan?.roles.includes("number") ?? false;

  table.rows.forEach((row, r) => {
    const blocks = row.cells.flatMap((c) => c.blocks);
    const claimAll = (draft: Draft | null): void => blocks.forEach((b) => builder.claim(b, draft));
    if (r <= headerRow || (headerRow >= 0 && sameRowText(row, table.rows[headerRow]))) {
      // The header, or its repetition on a later page.
      claimAll(null);
      return;
    }
    const filled = row.cells.filter((c) => c.text.trim());
    if (filled.length === 0) return;
    const rowSource = toSourceRef(file, row.source);

    // A row with one cell of text opens a status section (spanning the table, or with its other cells left empty).
    if (filled.length === 1) {
      const ft = foldWithMap(filled[0].text);
      const found = sectionOf(ft);
      if (found) {
        section = found;
        claimAll(null);
        return;
      }
      // Any other text spanning the whole row (a group title, a remark) is no commitment: kept in a warning.
      const spans = row.cells.length === 1 || filled[0].colSpan > 1;
      const first = filled[0].blocks[0];
      if (spans && first && !matchCommitmentHeading(first.ft) && leadingNumber(first) === null) {
        claimAll(null);
        builder.warn("table-note", `Row ${row.source.row ?? r + 1} of table ${table.number} spans the table and names no commitment: "${filled[0].text.replace(/\s+/gu, " ")}"`, null, rowSource);
        return;
      }
    }

    const starts = gridColumns(row);
    const roleOf = (k: number): ColumnRole | null => plan?.roles[starts[k]] ?? null;
    let commitmentCell = row.cells.findIndex((_, k) => roleOf(k) === "commitment");
    if (commitmentCell < 0) commitmentCell = row.cells.findIndex((c) => c.blocks[0] && matchCommitmentHeading(c.blocks[0].ft));
    const numberCell = row.cells.findIndex((_, k) => roleOf(k) === "number");

    let number: string | null = null;
    let title = "";
    const content: Block[] = [];
    /** The first block of the notes column (else of any other column): where a row opens with its status or percent. */
    let notesFirst: Block | undefined;
    let statusCellText: string | null = null;
    let statusHit: StatusHit | null = null;
    let percentCellValue: number | null | undefined;

    if (numberCell >= 0) {
      const digits = /^\D{0,3}(\d{1,3})\D{0,3}$/u.exec(row.cells[numberCell].text.trim());
      if (digits) number = String(Number(digits[1]));
      row.cells[numberCell].blocks.forEach((b) => builder.claim(b, null));
    }
    if (commitmentCell >= 0) {
      const [first, ...more] = row.cells[commitmentCell].blocks;
      if (first) {
        // A title wrapped onto more lines may arrive as several paragraphs: the lines that continue it are the title too.
        const titleParts = [first];
        while (
          more[0] &&
          more[0].kind === "paragraph" &&
          more[0].source.table === first.source.table &&
          !SENTENCE_END.test(titleParts[titleParts.length - 1].ft.text)
        )
          titleParts.push(more.shift()!);
        const titleText = foldWithMap(titleParts.map((b) => b.ft.text).join(" "));
        const heading = matchCommitmentHeading(titleText);
        const numbered = /^(\d{1,3})\s*[.)\-–—:]\s+(?=\S)/u.exec(titleText.text);
        if (heading) {
          number = number ?? heading.number;
          title = heading.title;
        } else if (numbered) {
          // In the commitment column, "3. Open budgets" is commitment 3.
          number = number ?? String(Number(numbered[1]));
          title = cleanTitle(titleText.text.slice(numbered[0].length));
        } else title = cleanTitle(titleText.text);
        titleParts.forEach((b) => builder.claim(b, null));
      }
      if (!title && more[0]) title = cleanTitle(more.shift()!.ft.text);
      content.push(...more);
    }
    row.cells.forEach((cell, k) => {
      if (k === commitmentCell || k === numberCell) return;
      const role = roleOf(k);
      if (!cell.text.trim()) return;
      if (role === "status" && statusOfCell(cell.blocks)) {
        // The cell's opening status is the status; what follows it in the cell is a note.
        const { hit, label, rest } = statusOfCell(cell.blocks)!;
        statusHit = hit;
        statusCellText = label;
        cell.blocks.forEach((b) => builder.claim(b, null));
        content.push(...rest);
      } else if (role === "progress" && wordCount(cell.text) <= 4) {
        percentCellValue = parsePercentValue(cell.text);
        cell.blocks.forEach((b) => builder.claim(b, null));
      } else {
        if (role === "notes" && !notesFirst) notesFirst = cell.blocks[0];
        content.push(...cell.blocks);
      }
    });

    // In a table that numbers its rows, a row without a number is the rest of the row above, broken
    // across a page. Elsewhere a row without number or title is a progress report of its own, kept unnumbered.
    if (number === null && hasNumberColumn && previous) {
      if (title) previous.title = cleanTitle(`${previous.title} ${title}`);
      content.forEach((b) => builder.absorb(previous!, b));
      claimAll(previous);
      builder.warn("row-continued", `Row ${row.source.row ?? r + 1} of table ${table.number} has no number; read as the rest of commitment ${previous.number ?? "above"}`, null, rowSource);
      return;
    }
    if (number === null && !title) {
      const text = content.map((b) => b.ft.text).join(" ");
      const draft = builder.open(null, firstWords(text, 8), rowSource, section);
      content.forEach((b) => builder.absorb(draft, b));
      claimAll(draft);
      builder.warn("unnumbered-commitment", `Row ${row.source.row ?? r + 1} of table ${table.number} has no commitment number or title; kept as an unnumbered record: "${firstWords(text, 8)}"`, null, rowSource);
      previous = draft;
      return;
    }

    const draft = builder.open(number, title, rowSource, section);
    if (number === null) builder.warn("unnumbered-commitment", `Commitment without a number in table ${table.number}: "${firstWords(title, 8)}"`, null, rowSource);
    if (percentCellValue !== undefined) draft.progress = percentCellValue;
    if (statusHit !== null && statusCellText !== null) {
      draft.status = (statusHit as StatusHit).status;
      draft.statusLabel = statusCellText;
    } else if (!section) {
      // No status column and no section: the notes open with the status ("بصدد الإنجاز: …").
      const first = notesFirst ?? content[0];
      const hit = first ? openingStatus(first.ft) : null;
      if (hit && first) {
        draft.status = hit.status;
        const head = /^[^:：.،;]*/u.exec(first.ft.text.slice(first.ft.map[hit.start]))?.[0] ?? hit.label;
        draft.statusLabel = (wordCount(head) <= 8 ? head : hit.label).trim();
      }
    }
    // No progress column: a notes cell that opens with a percent ("100 % ; 45 rapports publiés") states it.
    const firstNote = notesFirst ?? content[0];
    if (percentCellValue === undefined && firstNote) {
      const opening = findPercents(firstNote.ft.text)[0];
      if (opening && opening.index === 0 && opening.value <= 100) draft.progress = opening.value;
    }
    content.forEach((b) => builder.absorb(draft, b));
    claimAll(draft);
    previous = draft;
  });
}

/** Text that ends a sentence (or introduces what follows). */
const SENTENCE_END = /[.!?؟:;؛]\s*$/u;
const NUMBERED_SECTION = /^\d{1,2}\s*[.)-]\s+\S/u;

/** The number a block opens with ("2. Rapport …"), else null. */
function leadingNumber(block: Block): number | null {
  const m = /^(\d{1,2})\s*[.)-]\s+\S/u.exec(block.ft.text);
  return m ? Number(m[1]) : null;
}

/** The number a block shows: in its text, or given by its top-level list ("3. Any other business" as a list item). */
function shownNumber(block: Block): number | null {
  return leadingNumber(block) ?? (block.kind === "item" && block.depth <= 1 ? block.itemNumber : null);
}

/** A title of the minutes' own parts, not of a commitment: "2. Rapport …" (short, no final stop), "ثانيا: …". */
function isPartTitle(block: Block): boolean {
  if (block.cell !== null || block.depth > 1) return false;
  if (SECTION_MARKER.test(block.ft.folded)) return true;
  const short = wordCount(block.ft.text) <= LABEL_WORDS && !/[.;:،؛,]\s*$/u.test(block.ft.text);
  return short && NUMBERED_SECTION.test(block.ft.text);
}

/** A block that ends a commitment's section: a heading of its level or above, or a title of the minutes' parts. */
function isSectionBreak(block: Block, start: Block): boolean {
  if (block.kind === "heading") return start.kind !== "heading" || block.depth <= start.depth;
  if (isPartTitle(block)) return true;
  // A short line that is neither a sentence, a label nor a status ("Other matters") is the next part's
  // title, whatever formatting the reader kept; a bold one under a heading is the commitment's own sub-heading.
  return isTitleLine(block) && !(start.kind === "heading" && block.emphasized);
}

/**
 * "Lead: Ministry of Finance", "Point focal : DGCL", "الجهة المسؤولة: وزارة المالية": a field of the
 * commitment under a label of one or two words without a number, whatever the label says. A part
 * title numbered before its colon ("Item 5: Other business") is not one.
 */
const FIELD_LINE = /^[\p{L}\p{M}'’-]+(?:\s+[\p{L}\p{M}'’-]+)?\s*[:：]\s*\S/u;

function isTitleLine(block: Block): boolean {
  return (
    block.kind === "paragraph" &&
    block.cell === null &&
    wordCount(block.ft.text) <= 6 &&
    !/[.;:,،؛!?؟)%]\s*$/u.test(block.ft.text) &&
    !FIELD_LINE.test(block.ft.text) &&
    !hasLabel(block.ft) &&
    bestStatus(block.ft) === null &&
    findPercents(block.ft.text).length === 0
  );
}

/**
 * A block that opens one commitment: "Engagement n°1 : …" as a heading, in bold, with a
 * separator or followed by label lines; or a numbered title without the commitment word
 * ("3. Open budgets") when label lines follow it.
 */
function startsCommitment(block: Block, following: readonly Block[]): ReturnType<typeof matchCommitmentHeading> {
  const labelled = following[0] !== undefined && opensWithLabel(following[0].ft);
  const heading = matchCommitmentHeading(block.ft);
  if (!heading) {
    const number = leadingNumber(block);
    const titled = block.cell === null && (block.kind === "heading" || block.emphasized || block.depth === 0);
    if (number === null || !titled || !labelled || hasLabel(block.ft)) return null;
    return { number: String(number), title: cleanTitle(block.ft.text.replace(/^\d{1,2}\s*[.)-]\s*/u, "")), separated: true };
  }
  if (block.kind === "heading" || block.emphasized || heading.separated || labelled || hasLabel(block.ft)) return heading;
  return null;
}

/** A top-level numbered item: from a Word or Markdown list (depth 1), or a "1. " line a PDF reader left as text (depth 0). */
const isListStart = (b: Block): boolean => b.kind === "item" && b.depth <= 1 && b.itemNumber !== null && b.cell === null;

/**
 * Items of an ordered list that are commitments: most carry a status word or a percent,
 * in their own text ("Publier les contrats — réalisé (100 %)") or in the label lines
 * right under them ("Taux de réalisation : 75 %"). Blocks between items belong to the item above.
 * Returns the list's items whatever the verdict, so that a list is judged once.
 */
function commitmentListItems(blocks: readonly Block[], from: number): { items: Block[]; commitments: boolean } {
  const items: Block[] = [];
  const following = new Map<Block, Block[]>();
  for (let k = from; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.cell !== null || b.kind === "heading") break;
    const previous = items[items.length - 1];
    if (isListStart(b)) {
      if (previous && b.itemNumber !== previous.itemNumber! + 1) break;
      items.push(b);
      following.set(b, []);
    } else if (previous && isSectionBreak(b, previous)) break;
    else if (previous) following.get(previous)!.push(b);
  }
  const informative = items.filter((item) => {
    if (bestStatus(item.ft) || findPercents(item.ft.text).length > 0 || hasLabel(item.ft)) return true;
    return following.get(item)!.slice(0, 3).some((b) => opensWithLabel(b.ft));
  }).length;
  if (items.length < 2 || informative < Math.ceil(items.length * 0.6)) return { items, commitments: false };
  // The list must follow a mention of commitments, or the agenda would qualify too.
  const before = blocks.slice(Math.max(0, from - 3), from).filter((b) => b.kind !== "item");
  const introduced = before.some((b) => firstMatch(COMMITMENT_PLURAL, b.ft.folded) !== null || matchCommitmentHeading(b.ft) !== null);
  return { items, commitments: introduced };
}

/** A title that carries its status after a dash or in parentheses, split; null when it carries none. */
function statusAfterSeparator(title: string): ReturnType<typeof splitListItem> | null {
  const ft = foldWithMap(title);
  const hit = bestStatus(ft);
  const percent = findPercents(ft.text)[0];
  const at = Math.min(hit ? ft.map[hit.start] : ft.text.length, percent ? percent.index : ft.text.length);
  if (at >= ft.text.length || !/(?:[—–(]|\s-\s)[^—–(]*$/u.test(ft.text.slice(0, at))) return null;
  const parts = splitListItem(ft);
  return parts.title ? parts : null;
}

/** "Open contracting portal — Complete (100%)": the title is what comes before the status or percent. */
function splitListItem(item: FoldedText): { title: string; status: Status; statusLabel: string | null; progress: number | null } {
  // A number the reader left in the text ("1. Publier …") is the item's marker, not its title.
  const ft = foldWithMap(item.text.replace(/^\d{1,2}[.)]\s+/u, ""));
  const hit = bestStatus(ft);
  const percent = findPercents(ft.text)[0];
  const label = firstMatch(LABELS, ft.folded);
  const end = Math.min(hit ? ft.map[hit.start] : ft.text.length, percent ? percent.index : ft.text.length, label ? ft.map[label.index] : ft.text.length);
  const head = ft.text.slice(0, end);
  // The title ends at the last separator before the status: "—", "–", ":", "(", " - ".
  const separator = /\s*(?:[—–:(]|\s-\s)[^—–:(]*$/u.exec(head);
  const title = cleanTitle(separator ? head.slice(0, separator.index) : head);
  return { title: title || cleanTitle(head), status: hit?.status ?? "unknown", statusLabel: hit?.label ?? null, progress: percent && percent.value <= 100 ? percent.value : null };
}

export function extractCommitments(doc: FlatDocument, file: string): CommitmentExtraction {
  const builder = new CommitmentBuilder(file);
  const tableKinds = new Map<number, TableKind>();

  // Tables first: their rows are self-contained.
  for (const table of doc.tables) {
    const { kind, plan } = classifyTable(table);
    tableKinds.set(table.number, kind);
    if (kind === "commitments") tableCommitments(builder, table, plan, file);
  }

  // Then the running text: headings per commitment, status sections, commitment lists.
  const flow = doc.units.filter((u): u is { type: "block"; block: Block } => u.type === "block").map((u) => u.block);
  let section: Section | null = null;
  /** The commitment being read, and the numbers that opened blocks of its content ("1.", "2." of its own list). */
  type Open = { draft: Draft; start: Block; numbers: Set<number> };
  let current: Open | null = null;
  /** The number of the minutes' section being read ("1. Bilan des engagements"), to see the next one ("2. …") coming. */
  let sectionNumber: number | null = null;
  const listStarts = new Set<number>();
  /** Items of lists already judged, commitments or not: a long list is judged once, not once per item. */
  const judgedItems = new Set<number>();
  const openListCommitment = (block: Block): Open => {
    // A commitment list item opens a commitment like a heading does; what follows it is its content.
    const parts = splitListItem(block.ft);
    const draft = builder.open(String(block.itemNumber), parts.title, toSourceRef(file, block.source), section);
    if (parts.status !== "unknown") {
      draft.status = parts.status;
      draft.statusLabel = parts.statusLabel;
    }
    if (parts.progress !== null) draft.progress = parts.progress;
    builder.claim(block, draft);
    for (const who of reportersIn(block.ft)) draft.reportedBy.push(who);
    return { draft, start: block, numbers: new Set() };
  };
  for (let k = 0; k < flow.length; k++) {
    const block = flow[k];
    if (listStarts.has(block.index)) {
      current = openListCommitment(block);
      continue;
    }
    const heading = startsCommitment(block, flow.slice(k + 1, k + 2));
    if (heading) {
      // The heading may carry its label lines (a PDF reader joined them): the title stops at the first label.
      const [first, ...others] = labelSegments(block.ft);
      const titled = first?.kind === "text" ? matchCommitmentHeading(foldWithMap(first.text)) : null;
      // "Engagement 3 : Publier les budgets — réalisé (100 %)": a status after a separator belongs to the record, not the title.
      const inline = statusAfterSeparator(titled?.title ?? heading.title);
      const draft = builder.open(heading.number, inline?.title ?? titled?.title ?? heading.title, toSourceRef(file, block.source, firstWords(block.ft.text.split("\n")[0], 12)), section);
      if (inline) {
        if (inline.status !== "unknown") {
          draft.status = inline.status;
          draft.statusLabel = inline.statusLabel;
        }
        if (inline.progress !== null) draft.progress = inline.progress;
      }
      builder.claim(block, draft);
      if (titled && others.length) {
        const restText = block.ft.text.slice(block.ft.text.indexOf(first.kind === "text" ? first.text : "") + (first.kind === "text" ? first.text.length : 0));
        builder.absorb(draft, { ...block, kind: "paragraph", ft: foldWithMap(restText) });
      }
      current = { draft, start: block, numbers: new Set() };
      continue;
    }
    // A bare status right under a commitment that has none yet is that commitment's status, not a new section.
    const bare = current && current.draft.statusLabel === null && !firstMatch(COMMITMENT_PLURAL, block.ft.folded) ? statusOnly(block.ft) : null;
    if (current && bare) {
      current.draft.status = bare.status;
      current.draft.statusLabel = block.ft.text.replace(/[.;]\s*$/u, "");
      const percent = findPercents(block.ft.text)[0];
      if (percent && percent.value <= 100 && current.draft.progress === null) current.draft.progress = percent.value;
      builder.claim(block, current.draft);
      continue;
    }
    const found = sectionOf(block.ft);
    if (found && (block.kind !== "item" || block.itemNumber !== null || block.emphasized)) {
      section = found;
      if (current) builder.claim(block, null);
      current = null;
      continue;
    }
    const opening = shownNumber(block);
    if (current) {
      // "2. Rapport …" after section 1 ends the commitments even when a reader glued the title to its prose,
      // unless the commitment itself is counting ("1. …", "2. …" of its own activities).
      const nextSection = sectionNumber !== null && opening === sectionNumber + 1 && block.depth <= 1 && !current.numbers.has(sectionNumber);
      if (isSectionBreak(block, current.start) || nextSection) {
        current = null;
        section = null;
      } else {
        builder.absorb(current.draft, block);
        if (opening !== null) current.numbers.add(opening);
        continue;
      }
    }
    if (opening !== null && block.cell === null && (block.kind === "heading" || block.depth <= 1)) sectionNumber = opening;
    if (isListStart(block) && !judgedItems.has(block.index)) {
      const list = commitmentListItems(flow, k);
      for (const item of list.items) judgedItems.add(item.index);
      if (list.commitments) {
        for (const item of list.items) listStarts.add(item.index);
        current = openListCommitment(block);
      }
    }
  }

  // Nothing lost: text in a commitment table that no field took.
  for (const table of doc.tables) {
    if (tableKinds.get(table.number) !== "commitments") continue;
    for (const row of table.rows)
      for (const cell of row.cells)
        for (const b of cell.blocks) {
          if (builder.covered.has(b.index)) continue;
          builder.warn("unassigned-text", `Text of a commitment table not attached to any commitment: "${firstWords(b.ft.text, 12)}"`, b);
          builder.covered.add(b.index);
          builder.region.set(b.index, null);
        }
  }

  return { commitments: builder.finish(), warnings: builder.warnings, region: builder.region, covered: builder.covered };
}

