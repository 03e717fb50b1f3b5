/**
 * The record builder every layout writes through: drafts of commitments opened by a layout, the
 * blocks each one claimed, and what is read from prose when no field gave it (a status or percent
 * stated about the commitment itself, activities told in sentences).
 */
import { warning, type Activity, type Commitment, type Decision, type SourceRef, type Status, type Warning } from "../model/meeting.js";
import type { MessageCode } from "../model/messages.js";
import { findDates } from "../text/dates.js";
import { ORDERED_MARKER, wordCount, type Block } from "./blocks.js";
import { labelSegments } from "./labels.js";
import { referencedNumbers } from "./item-numbers.js";
import type { Colour } from "./lexicon/index.js";
import { ACTIVITY_CUES, DATE_WORDS, DECISION_PHRASES, OWNER_LINE, PROGRESS_CUES, PROGRESS_WORDS, PROSE_STATUSES, SELF_REFERENCES } from "./lexicon/index.js";
import { firstMatch, foldWithMap, originalSpan, type FoldedText } from "./match.js";
import { reportersIn } from "./people.js";
import { findPercents } from "./percents.js";
import { bestStatus, firstWords, openingStatus, sentences, statusPhrases, subText, toSourceRef } from "./text-helpers.js";

type ActivityState = Activity["state"];

/** A status section: rows or headings that follow it share its status and percent. */
export interface Section {
  status: Status;
  label: string;
  progress: number | null;
}

export interface Draft {
  number: string | null;
  title: string;
  status: Status;
  statusLabel: string | null;
  progress: number | null;
  reportedBy: string[];
  activities: Activity[];
  notes: string[];
  /** Who is to do it and by when, as an action log's columns say. */
  owner: string | null;
  due: string | null;
  /** The traffic-light colour of its status cell (shading or word), when it has one. */
  colour: Colour | null;
  source: SourceRef;
  /** Other places in the document that report the same item. */
  alsoIn: SourceRef[];
  /** Paragraphs elsewhere in the minutes that discuss the item by its number: notes, not activities. */
  discussion: string[];
  /**
   * Opened as an action ("ACTION 4.1: …", a row of a who-does-what-by-when table): a decision of the
   * meeting, unless the minutes review it (a status, a rate) or it re-lists a reviewed item.
   */
  tentative: boolean;
  /** State announced by the last note ending in ":" ("تمّ القيام بالأنشطة التالية:"), for the items after it. */
  introState: ActivityState | null;
  texts: FoldedText[];
}

export interface CommitmentExtraction {
  commitments: Commitment[];
  /** Actions set at the meeting, read from action tables and action headings that no review took up. */
  decisions: Decision[];
  warnings: Warning[];
  /** Blocks of commitment tables and sections, with the number of the commitment they belong to. */
  region: Map<number, string | null>;
  /** Blocks whose text went into a record field or a warning. */
  covered: Set<number>;
  /** Blocks that opened a commitment of the running text: an item reviewed, not an action decided, under any title. */
  openings: Set<number>;
}

const PRIORITY: readonly ActivityState[] = ["unknown", "planned", "ongoing", "done"];
/** An owner is a body or a few people: a longer value is a sentence about them. */
const OWNER_WORDS = 12;
/** A sub-paragraph's letter before its label: "(a) Lead agency: …", "b) Responsable : …". */
const LINE_LETTER = /^\(?[a-z]\)\s+/u;

/** The owner an owner label line gives ("Pilote : SPF Finances", "(a) Lead agency: …"), or null when the line is none. */
function ownerOfLine(line: FoldedText): string | null {
  const lead = LINE_LETTER.exec(line.folded)?.[0].length ?? 0;
  const owned = OWNER_LINE.exec(line.folded.slice(lead));
  const at = owned?.indices?.groups?.owner;
  return owned?.groups && at && wordCount(owned.groups.owner) <= OWNER_WORDS ? originalSpan(line, lead + at[0], lead + at[1]) : null;
}

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
      // "was at 80%" tells where it stood: the cue's own words ("was") tell no work done.
      const rest = sentence.slice(0, cue.index) + " " + sentence.slice(after);
      if (percent && percent.value <= 100) return { value: percent.value, achieved: firstMatch(ACTIVITY_CUES.done, rest) !== null };
    }
  }
  return null;
}

/**
 * The rate prose states: a percent a few words after a progress word ("نسبة الإنجاز فيه 60%", "son taux
 * d'exécution est estimé à 80 %") or after a status ("is partially complete, at 40%"); not a figure of
 * something else ("63 des 71 sociétés, soit 89 %", "downloads rose by 35%").
 */
export function statedRate(ft: FoldedText): number | null {
  // Statuses in the lexicon's words and in prose ("is on track, with around 50% of the work done").
  const prose = proseStatus(ft);
  const statuses = [...statusPhrases(ft).filter((h) => h.status !== "unknown"), ...(prose ? [prose] : [])];
  for (const p of findPercents(ft.text)) {
    if (p.value > 100) continue;
    const before = foldWithMap(ft.text.slice(Math.max(0, p.index - 40), p.index)).folded;
    const cue = firstMatch(PROGRESS_WORDS, before);
    if (cue && wordCount(before.slice(cue.index + cue[0].length)) <= 3) return p.value;
    const status = statuses.filter((h) => ft.map[h.end] <= p.index).sort((a, b) => a.end - b.end).at(-1);
    // Two words at most between them, punctuation apart ("on course, at 65%", "on track, with around 50%").
    if (status && (ft.text.slice(ft.map[status.end], p.index).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 2) return p.value;
  }
  return null;
}

/** A statement of progress in prose ("progress is being made", "a pris du retard"), as written. */
export function proseStatus(ft: FoldedText): { status: Status; label: string; start: number; end: number } | null {
  const m = firstMatch(PROSE_STATUSES.regex, ft.folded);
  const status = m ? PROSE_STATUSES.valueOf(m.groups?.phrase ?? "") : undefined;
  return m && status ? { status, label: originalSpan(ft, m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length } : null;
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

/** Two titles of one item share a word of four letters or more; an action's own "1." rarely shares one with commitment 1. */
export function sharesWords(a: string, b: string): boolean {
  const words = (s: string) => new Set(foldWithMap(s).folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4));
  const theirs = words(b);
  return [...words(a)].some((w) => theirs.has(w));
}

export class CommitmentBuilder {
  readonly drafts: Draft[] = [];
  readonly warnings: Warning[] = [];
  readonly region = new Map<number, string | null>();
  readonly covered = new Set<number>();
  readonly openings = new Set<number>();

  constructor(readonly file: string) {}

  open(number: string | null, title: string, source: SourceRef, section: Section | null): Draft {
    const draft: Draft = {
      number,
      title,
      status: section?.status ?? "unknown",
      statusLabel: section?.label ?? null,
      progress: section?.progress ?? null,
      owner: null,
      due: null,
      colour: null,
      reportedBy: [],
      activities: [],
      notes: [],
      source,
      alsoIn: [],
      discussion: [],
      tentative: false,
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
    // "Pilote : SPF Finances", "(a) Lead agency: …", a card's "Responsable : …" among its other label lines:
    // who is to do the item, a field of its own.
    const lines = block.ft.text.split("\n");
    const kept = lines.filter((line) => {
      const owner = ownerOfLine(foldWithMap(line));
      if (owner !== null) draft.owner ??= owner;
      return owner === null;
    });
    if (kept.length === 0) return;
    const card = kept.length === lines.length ? block.ft : foldWithMap(kept.join("\n"));
    const rest: string[] = [];
    for (const segment of labelSegments(card)) {
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
    if (block.kind === "item" && block.depth === 0 && block.itemNumber !== null) joined = joined.replace(ORDERED_MARKER, "");
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

  /**
   * A paragraph outside the commitments that discusses one of them by number: its text is a note of the
   * commitment. Its speaker reports on the commitment when the paragraph states progress ("Ms Z explained
   * that commitment 3 is 80 % complete", "… que le téléservice de la mesure 1.1 est ouvert"), not when it
   * only comments ("X stressed the delay of commitment 3"). `only: "reports"`: nothing is kept unless the paragraph
   * states progress (a paragraph that names the item less surely, by its owner, and merely mentions it is left alone).
   */
  discuss(number: string, block: Block, only: "any" | "reports" = "any"): void {
    const draft = this.drafts.find((d) => d.number === number);
    if (!draft) return;
    // Progress is stated by a status, a rate, or work told as done, under way or planned ("est ouvert depuis", "will be printed").
    const reports =
      statusPhrases(block.ft).some((h) => h.status !== "unknown") || proseStatus(block.ft) !== null || findPercents(block.ft.text).length > 0 || activityCue(block.ft) !== null;
    if (only === "reports" && !reports) return;
    if (reports) for (const who of reportersIn(block.ft)) if (!draft.reportedBy.includes(who)) draft.reportedBy.push(who);
    draft.discussion.push(block.ft.text);
    draft.alsoIn.push(toSourceRef(this.file, block.source));
  }

  /** A message about this document, its place a block of it or a source already made; the builder stamps its file. */
  warn(code: MessageCode, message: string, block: Block | null, source?: SourceRef): void {
    this.warnings.push(warning(code, message, source ?? (block ? toSourceRef(this.file, block.source) : undefined)));
  }

  /**
   * One record per item number: a review table and a "New actions" table re-listing the same numbers,
   * a table row and a later paragraph about it. The first report opens the record; later ones fill
   * what it lacks and add their reporters, activities and notes; every place is kept in `alsoIn`.
   */
  private merged(): Draft[] {
    // An action table numbered on its own ("1. Share the draft …" beside commitments 1, 2 …): one of its rows
    // whose title shares no word with the commitment of its number shows the whole table counts apart.
    const reviewed = new Map(this.drafts.filter((d) => !d.tentative && d.number !== null).map((d) => [d.number!, d]));
    const ownNumbered = new Set(
      this.drafts
        .filter((d) => d.tentative && d.number !== null && d.source.table !== undefined)
        .filter((d) => {
          const other = reviewed.get(d.number!);
          return other !== undefined && Boolean(other.title) && Boolean(d.title) && !sharesWords(other.title, d.title);
        })
        .map((d) => d.source.table),
    );
    const byNumber = new Map<string, Draft>();
    const kept: Draft[] = [];
    for (const d of this.drafts) {
      if (d.tentative && d.number !== null && d.source.table !== undefined && ownNumbered.has(d.source.table) && reviewed.has(d.number)) d.number = null;
      const first = d.number === null ? undefined : byNumber.get(d.number);
      if (!first) {
        if (d.number !== null) byNumber.set(d.number, d);
        kept.push(d);
        continue;
      }
      if (!first.title) first.title = d.title;
      first.tentative &&= d.tentative;
      if (first.status === "unknown" && d.statusLabel === null && d.status !== "unknown") first.status = d.status;
      if (first.statusLabel === null && d.statusLabel !== null) {
        first.status = d.status;
        first.statusLabel = d.statusLabel;
      }
      first.progress ??= d.progress;
      first.owner ??= d.owner;
      first.due ??= d.due;
      first.colour ??= d.colour;
      for (const who of d.reportedBy) if (!first.reportedBy.includes(who)) first.reportedBy.push(who);
      first.activities.push(...d.activities);
      first.notes.push(...d.notes);
      first.texts.push(...d.texts);
      first.discussion.push(...d.discussion);
      first.alsoIn.push(d.source, ...d.alsoIn);
      this.warnings.push(warning("merged-commitment", `Commitment ${d.number} is reported again here; read into one record with the first report`, d.source));
    }
    return kept;
  }

  /** Actions no review took up: the decisions of the meeting they are, with their owner, due date and the item they name. */
  private actionDecisions(drafts: readonly Draft[]): Decision[] {
    return drafts
      .filter((d) => d.tentative && d.status === "unknown" && d.statusLabel === null && d.progress === null && d.colour === null)
      .map((d) => {
        const ft = foldWithMap([d.title, ...d.notes].join(" "));
        const due = d.due !== null ? (findDates(foldWithMap(d.due).folded, DATE_WORDS)[0]?.date ?? null) : null;
        return {
          text: d.title,
          date: due,
          commitment: referencedNumbers(ft).find((n) => n !== d.number) ?? null,
          ...(d.number !== null ? { item: d.number } : {}),
          ...(d.owner !== null ? { owner: d.owner } : {}),
          ...(due !== null ? { due } : {}),
          source: d.source,
        };
      });
  }

  finish(): { commitments: Commitment[]; decisions: Decision[] } {
    const drafts = this.merged();
    const byNumber = new Map(drafts.filter((d) => d.number !== null).map((d) => [d.number!, d]));
    for (const d of drafts) {
      // A closing word the committee gave as the status ("Status: Withdrawn") is not overridden by the prose around it.
      const closed = d.status === "unknown" && d.statusLabel !== null && statusPhrases(foldWithMap(d.statusLabel)).length > 0;
      if (d.status === "unknown" && !closed) {
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
        d.progress ??= d.texts.map(statedRate).find((v) => v !== null) ?? null;
      }
    }
    // Progress told in prose ("Progress is being made", "Both Commitment 3 and 4 have had delays"): the status
    // of the commitments the sentence names, else of the one it stands under, when no status was given (a percent alone is none).
    for (const d of drafts) {
      for (const ft of d.texts) {
        for (const span of sentences(ft)) {
          const sentence = foldWithMap(ft.text.slice(ft.map[span.start], ft.map[span.end]));
          const hit = proseStatus(sentence);
          if (!hit) continue;
          const named = referencedNumbers(sentence).map((n) => byNumber.get(n)).filter((x): x is Draft => x !== undefined);
          for (const target of named.length ? named : [d]) {
            if (target.status !== "unknown" || target.statusLabel !== null) continue;
            target.status = hit.status;
            target.statusLabel = hit.label;
            this.warnings.push(warning("status-from-prose", `Commitment ${target.number ?? `"${firstWords(target.title, 8)}"`}: status "${hit.status}" read from the prose "${hit.label}"`, target.source));
          }
        }
      }
    }
    // "Ms Jane Doe said that publication is in progress": a status a reporter gives in the commitment's own text,
    // when it gives one and no status was stated otherwise ("the training is complete but the portal is late" gives none).
    for (const d of drafts) {
      if (d.status !== "unknown" || d.statusLabel !== null) continue;
      const reported = d.texts.flatMap((ft) =>
        sentences(ft)
          .map((span) => foldWithMap(ft.text.slice(ft.map[span.start], ft.map[span.end])))
          .filter((sentence) => reportersIn(sentence).length > 0)
          .flatMap((sentence) => statusPhrases(sentence).filter((h) => h.status !== "unknown")),
      );
      if (reported.length === 0 || reported.some((h) => h.status !== reported[0].status)) continue;
      d.status = reported[0].status;
      d.statusLabel = reported[0].label;
      this.warnings.push(warning("status-from-prose", `Commitment ${d.number ?? `"${firstWords(d.title, 8)}"`}: status "${d.status}" read from what its reporter said, "${d.statusLabel}"`, d.source));
    }
    // "DI-02 Digital champions training - AMBER - 60% of volunteers trained": a rate and no status words. The rate
    // tells where the work stands (part done: under way; "تم إنجاز 70 بالمائة", told as done: partly done), as a
    // rate stated in prose does; flagged for review.
    for (const d of drafts) {
      if (d.status !== "unknown" || d.statusLabel !== null || d.progress === null) continue;
      const rate = d.progress;
      const achieved = d.texts.some((ft) =>
        sentences(ft).some((span) => {
          const sentence = subText(ft, span);
          return findPercents(sentence.text).some((p) => p.value === rate) && firstMatch(ACTIVITY_CUES.done, sentence.folded) !== null;
        }),
      );
      d.status = statusOfStatedProgress({ value: rate, achieved });
      this.warnings.push(warning("status-from-progress", `Commitment ${d.number ?? `"${firstWords(d.title, 8)}"`}: status "${d.status}" taken from its ${d.progress} %`, d.source));
    }
    const decisions = this.actionDecisions(drafts);
    const commitments = drafts.filter((d) => !decisions.some((x) => x.source === d.source)).map((d) => {
      if (d.activities.length === 0) d.activities = proseActivities(d.notes);
      d.notes.push(...d.discussion);
      if (d.status === "unknown" && d.progress === null) {
        const why = d.statusLabel ? `"${d.statusLabel}" is not one of the statuses` : "no status words or percent found";
        this.warnings.push(warning("no-status", `Commitment ${d.number ?? `"${firstWords(d.title, 8)}"`}: ${why}`, d.source));
      }
      return {
        number: d.number,
        title: d.title,
        status: d.status,
        statusLabel: d.statusLabel,
        progress: d.progress,
        ...(d.owner !== null ? { owner: d.owner } : {}),
        ...(d.due !== null ? { due: d.due } : {}),
        ...(d.colour !== null ? { colour: d.colour } : {}),
        reportedBy: d.reportedBy,
        activities: d.activities,
        notes: d.notes,
        source: d.source,
        ...(d.alsoIn.length ? { alsoIn: d.alsoIn } : {}),
      };
    });
    return { commitments, decisions };
  }
}
