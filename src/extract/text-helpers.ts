/** Small text operations shared by the extractors: sentences, status phrases, sources. */
import type { SourceLocation } from "../ingest/tree.js";
import type { SourceRef, Status } from "../model/meeting.js";
import { capitalizedAt, foldWithMap, originalSpan, type FoldedText } from "./match.js";
import { ABBREVIATED_REFERENCE_LABELS, PARTIAL_AFTER, PARTIAL_BEFORE, STATUS_NEGATION_BEFORE, STATUS_PHRASES } from "./lexicon/index.js";

export interface Span {
  start: number;
  end: number;
}

/**
 * Sentences of folded text. A full stop ends a sentence unless it closes an
 * abbreviation ("M.", "Mr.", "MIN. 05") or stands before a percent sign ("100. %").
 */
export function sentences(ft: FoldedText): Span[] {
  const spans: Span[] = [];
  const s = ft.folded;
  let start = 0;
  const re = /[.!?؟;؛]+(?=\s|$)|\n/gu;
  for (const m of s.matchAll(re)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith(".")) {
      // The word before the stop, found by scanning back a few characters (searching the whole text
      // before it, at every stop, would be quadratic on a long paragraph).
      let wordStart = m.index;
      while (wordStart > start && m.index - wordStart < 4 && !/\s/u.test(s[wordStart - 1])) wordStart--;
      const before = s.slice(wordStart, m.index);
      const abbreviation = /^\p{Script=Latin}{1,2}$/u.test(before) && capitalizedAt(ft, m.index - before.length);
      // A reference's label before its number: "MIN. 05/01/2024", "Ref. 12".
      const referenceLabel = ABBREVIATED_REFERENCE_LABELS.has(before) && /^\s*\d/u.test(s.slice(end, end + 3));
      const beforePercent = /^\s*%/u.test(s.slice(end, end + 4));
      if (abbreviation || referenceLabel || beforePercent) continue;
    }
    if (s.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  }
  if (s.slice(start).trim()) spans.push({ start, end: s.length });
  return spans;
}

/** A span of folded text as written. */
export const originalOf = (ft: FoldedText, span: Span): string => originalSpan(ft, span.start, span.end);

/** A slice of folded text as its own folded text (for per-line or per-sentence work). */
export function subText(ft: FoldedText, span: Span): FoldedText {
  return foldWithMap(originalOf(ft, span));
}

export interface StatusHit {
  status: Status;
  /** The phrase as written. */
  label: string;
  start: number;
  end: number;
}

/** Status phrases found per folded text: one block is asked for its status by several extractors. */
const statusPhrasesOf = new WeakMap<FoldedText, readonly StatusHit[]>();

/** Status phrases in text, left to right; at each place the longest phrase wins. */
export function statusPhrases(ft: FoldedText): readonly StatusHit[] {
  let hits = statusPhrasesOf.get(ft);
  if (!hits) {
    hits = findStatusPhrases(ft);
    statusPhrasesOf.set(ft, hits);
  }
  return hits;
}

/** What a negated status means: work not done is not completed; work not begun (or not under way) is not started. */
const NEGATED: Record<Status, Status> = {
  completed: "not_completed",
  partially_completed: "not_completed",
  in_progress: "not_started",
  not_completed: "not_completed",
  not_started: "not_started",
  unknown: "unknown",
};

function findStatusPhrases(ft: FoldedText): StatusHit[] {
  const hits: StatusHit[] = [];
  for (const m of ft.folded.matchAll(STATUS_PHRASES.regex)) {
    let status = STATUS_PHRASES.valueOf(m.groups?.phrase ?? "");
    if (!status) continue;
    let start = m.index;
    // "Not done", "pas encore réalisé", "لم يتم إنجازه": a negation the lexicon does not list with the phrase turns it.
    const from = Math.max(0, m.index - 24);
    const negation = STATUS_NEGATION_BEFORE.exec(ft.folded.slice(from, m.index));
    const wholeWord = negation !== null && (negation.index > 0 || from === 0 || !/[\p{L}\p{N}]/u.test(ft.folded[from - 1]));
    let end = m.index + m[0].length;
    if (negation && wholeWord) {
      status = NEGATED[status];
      start = m.index - negation[0].length;
    } else if (status === "completed") {
      // "Partially done", "réalisé en partie": done only in part.
      const before = PARTIAL_BEFORE.exec(ft.folded.slice(from, m.index));
      const after = PARTIAL_AFTER.exec(ft.folded.slice(end, end + 24));
      if (before && (before.index > 0 || from === 0 || !/[\p{L}\p{N}]/u.test(ft.folded[from - 1]))) {
        status = "partially_completed";
        start = m.index - before[0].length;
      } else if (after) {
        status = "partially_completed";
        end += after[0].length;
      }
    }
    hits.push({ status, label: ft.text.slice(ft.map[start], ft.map[end]), start, end });
  }
  return hits;
}

/** A completion word given with a rate under 100 tells the work done only in part: "Réalisé à 60 %", "تم إنجازه بنسبة 60%". */
export function statusAtRate(status: Status, rate: number | null): Status {
  return status === "completed" && rate !== null && rate < 100 ? "partially_completed" : status;
}

/** The status a text opens with ("بصدد الإنجاز: أفادت…"), ignoring bullets and numbering before it. */
export function openingStatus(ft: FoldedText): StatusHit | null {
  const first = statusPhrases(ft)[0];
  if (!first) return null;
  const before = ft.folded.slice(0, first.start);
  return /^[\s\p{P}\p{S}\d]*$/u.test(before) ? first : null;
}

/** The most specific status phrase anywhere in a short text (a status cell, a section row). */
export function bestStatus(ft: FoldedText): StatusHit | null {
  const hits = statusPhrases(ft);
  if (hits.length === 0) return null;
  return hits.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
}

/** Readers count from 1; anything else is left out rather than failing the record's validation. */
const positive = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;

export function toSourceRef(file: string, loc: SourceLocation, heading?: string): SourceRef {
  const ref: SourceRef = { file };
  if (positive(loc.page)) ref.page = loc.page;
  if (positive(loc.table)) ref.table = loc.table;
  if (positive(loc.row)) ref.row = loc.row;
  if (positive(loc.line)) ref.line = loc.line;
  if (heading) ref.heading = heading;
  if (loc.ocrConfidence !== undefined) ref.ocrConfidence = loc.ocrConfidence;
  return ref;
}

/** The first words of a text, for titles of records that have none. */
export function firstWords(text: string, count: number): string {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.slice(0, count).join(" ") + (words.length > count ? " …" : "");
}

/** Trailing separators a title keeps from its layout ("تكريس الشفافية المالية:"). */
export function cleanTitle(text: string): string {
  return text.replace(/\s+/gu, " ").replace(/^[\s:：\-–—.,،;؛]+|[\s:：\-–—,،;؛]+$/gu, "").trim();
}

/**
 * "(AB) Check and send …", "(Met Office team) To run …": who is to do an item, in brackets before it;
 * "@maxnbk: Check with LF Marketing …": a repository's user name before a colon.
 */
const OWNER_IN_BRACKETS = /^(?:\(\s*(?<owner>\p{Lu}[^()]{1,38}?)\s*\)\s+|(?<handle>@[\w.-]{1,39})\s*[:：]\s*)(?=\S)/u;
/** Words a bracketed owner may have: "(All Met Office)"; a longer bracket is a remark. */
const OWNER_WORDS = 4;

/** The owner an item names in brackets before its text, and the text after it; not a numbering ("(IV)"). */
export function ownerInBrackets(text: string): { owner: string; rest: string } | null {
  const trimmed = text.trim();
  const m = OWNER_IN_BRACKETS.exec(trimmed);
  const owner = m?.groups?.owner ?? m?.groups?.handle;
  if (!m || !owner || /^[IVXLC]+$/u.test(owner) || owner.split(/\s+/u).length > OWNER_WORDS) return null;
  return { owner, rest: trimmed.slice(m[0].length) };
}

/** Regex source: dot leaders between a title and what follows it on the line ("Portail ........ Réalisé"). */
export const DOT_LEADER = String.raw`\.{3,}|…`;
