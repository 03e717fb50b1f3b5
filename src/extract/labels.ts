/**
 * Label lines: "Taux de réalisation : 80 %", "Statut : partiellement réalisé", "Progress: Substantial
 * (about 60%)". A block is cut at its labels into the values they give and the text around them.
 */
import type { Status } from "../model/meeting.js";
import { LABELS, NO_VALUE_WORDS, RATE_LINKS } from "./lexicon/index.js";
import { foldWithMap, type FoldedText } from "./match.js";
import { findPercents } from "./percents.js";
import { openingStatus, statusAtRate, statusPhrases } from "./text-helpers.js";

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
/**
 * "on track, about 60% done", "en cours – 40 %": the rate after a comma or dash, up to two words hedging it;
 * "réalisé à 90 %", "completed at 80%": after the word that links a status to its rate.
 */
const PERCENT_AFTER_STATUS = new RegExp(
  `^\\s*(?:[,،–—-]\\s*(?:[\\p{L}\\p{M}.]+\\s+){0,2}|(?:${RATE_LINKS})\\s+)(?:\\d{1,3}(?:[.,]\\d+)?\\s*%|%\\s*\\d{1,3})`,
  "u",
);

/**
 * The rate a status label's value gives after its status, and the folded length it takes: in
 * parentheses, or after a comma or dash when nothing follows it but a status word ("done") and
 * the clause's end.
 */
function percentAfterStatus(after: string): { value: number; length: number } | null {
  const inParentheses = PERCENT_IN_PARENTHESES.exec(after);
  const m = inParentheses ?? PERCENT_AFTER_STATUS.exec(after);
  const stated = m ? findPercents(m[0])[0] : undefined;
  if (!m || !stated || stated.value > 100) return null;
  if (inParentheses) return { value: stated.value, length: m[0].length };
  // Folding trims the space before the word: its offsets count from the word.
  const gap = /^\s*/u.exec(after.slice(m[0].length))![0].length;
  const rest = foldWithMap(after.slice(m[0].length + gap));
  const word = openingStatus(rest);
  const length = m[0].length + (word ? gap + rest.map[word.end] : 0);
  return /^\s*(?:[.;؛,،)]|$)/u.test(after.slice(length)) ? { value: stated.value, length } : null;
}

/** "(en cours)", "– on track", ", done": after a rate, a status and nothing else, in parentheses or after a comma or dash. */
const STATUS_AFTER_PERCENT = /^\s*(?:\(\s*(?<inner>[^()\n]+?)\s*\)|[,،–—-]\s*(?<after>[^.;؛\n]+?)\s*(?=[.;؛\n]|$))/u;

/** The status a rate's own label gives after it, with the length it takes of `after` (original text), or null. */
function statusAfterPercent(after: string): { status: Status; length: number } | null {
  const m = STATUS_AFTER_PERCENT.exec(after);
  const words = m?.groups?.inner ?? m?.groups?.after;
  if (!m || words === undefined) return null;
  const ft = foldWithMap(words);
  const hit = openingStatus(ft);
  // The whole of it is the status ("en cours", "partiellement réalisée"), not a sentence that opens with one.
  return hit && hit.status !== "unknown" && ft.folded.slice(hit.end).trim() === "" ? { status: hit.status, length: m[0].length } : null;
}

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
        const value = percent.value <= 100 ? percent.value : null;
        // "Avancement : 80 % (en cours)", "Progress: 60% – on track": the status after the rate is the label's too.
        const after = statusAfterPercent(regionText.slice(percent.length));
        if (after) {
          consumed = foldedOffset(ft, valueStart, regionEnd, ft.map[valueStart] + percent.length + after.length) - valueStart;
          segment = { kind: "status", status: statusAtRate(after.status, value), label: regionText.slice(0, percent.length + after.length).trim(), percent: value };
        } else segment = { kind: "progress", value };
      } else if (none) {
        consumed = none[0].length;
        segment = { kind: "progress", value: null };
      } else {
        // "Achievement: 32 of 40 districts (80%).": the rate in brackets after the count it sums up. The words are
        // kept as the item's text, label and all.
        const clause = regionText.split(/[.;؛\n]/u)[0];
        const bracketed = findPercents(clause).find((p) => p.value <= 100 && clause[p.index - 1] === "(");
        if (bracketed) {
          consumed = m.index - valueStart;
          segment = { kind: "progress", value: bracketed.value };
        }
      }
    }
    // A status label's value, or a progress label's that opens with a status rather than a
    // figure ("Progress: Substantial (about 60%)", "Avancement : En cours"): a status.
    if (!segment) {
      const regionText = foldWithMap(ft.text.slice(ft.map[valueStart], ft.map[regionEnd]));
      const hit = openingStatus(regionText);
      if (hit) {
        // "Status: Ongoing, behind schedule": statuses joined by a comma or a dash are one label, in the committee's words.
        let statusEnd = hit.end;
        for (const next of statusPhrases(regionText)) {
          if (next.start < statusEnd) continue;
          if (!/^[\s,،;–—-]*$/u.test(regionText.folded.slice(statusEnd, next.start))) break;
          statusEnd = next.end;
        }
        const percent = percentAfterStatus(regionText.folded.slice(statusEnd));
        const labelEnd = statusEnd + (percent?.length ?? 0);
        const labelText = regionText.text.slice(0, regionText.map[labelEnd]).trim();
        segment = { kind: "status", status: statusAtRate(hit.status, percent?.value ?? null), label: labelText, percent: percent?.value ?? null };
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

export const hasLabel = (ft: FoldedText): boolean => labelSegments(ft).some((s) => s.kind !== "text");
export const opensWithLabel = (ft: FoldedText): boolean => {
  const first = labelSegments(ft)[0];
  return first !== undefined && first.kind !== "text";
};
