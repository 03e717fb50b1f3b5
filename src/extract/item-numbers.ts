/** Item numbers in the text: the headings that open one numbered commitment ("Engagement n°1 :", "التعهد الثالث", "ثانيا: الالتزام …"). */
import {
  COMMITMENT_HEADING,
  COMMITMENT_MARKED_HEADING,
  COMMITMENT_ORDINAL_FIRST_HEADING,
  COMMITMENT_ORDINAL_HEADING,
  COMMITMENT_ORDINAL_REFERENCE,
  COMMITMENT_REFERENCE,
  COMMITMENT_TRAILING_REFERENCE,
  LABEL_NUMBER_WORDS,
  REFERENCE_CONTINUATION,
  SECTION_MARKER,
  SECTION_MARKER_VALUES,
} from "./lexicon/index.js";
import { firstLineEnd, type FoldedText } from "./match.js";
import { cleanTitle } from "./text-helpers.js";
import { normalItemNumber } from "../text/item-numbers.js";

interface CommitmentHeading {
  number: string;
  title: string;
  separated: boolean;
  /** Named by an action word ("ACTION 3.4"), not a commitment word: an action set at the meeting unless it is reviewed. */
  action: boolean;
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

/** The minutes' own letter or Roman numeral of a sub-item (folded): "a. ", "B) ", "iv. ". */
const OUTLINE_LETTER = /^(?:[a-z]|[ivx]{1,5})[.)]\s+(?=\S)/u;

function findCommitmentHeading(ft: FoldedText): CommitmentHeading | null {
  const firstLine = ft.folded.slice(0, firstLineEnd(ft));
  // "ثانيا: التعهد عدد 7: …", "B. Commitment 5 – …": a section marker or an outline letter before a numbered
  // commitment; the commitment's own number wins.
  const marker = SECTION_MARKER.exec(firstLine) ?? OUTLINE_LETTER.exec(firstLine);
  const base = marker ? marker[0].length + (/^\s*/u.exec(firstLine.slice(marker[0].length))?.[0].length ?? 0) : 0;
  const afterMarker = firstLine.slice(base);
  const own = COMMITMENT_HEADING.exec(afterMarker) ?? COMMITMENT_ORDINAL_HEADING.exec(afterMarker) ?? COMMITMENT_ORDINAL_FIRST_HEADING.exec(afterMarker);
  const m = own ?? COMMITMENT_MARKED_HEADING.exec(firstLine);
  if (!m || !m.groups) return null;
  const value =
    m.groups.number !== undefined ? normalItemNumber(m.groups.number) : m.groups.ordinal !== undefined ? LABEL_NUMBER_WORDS.valueOf(m.groups.ordinal) : SECTION_MARKER_VALUES.valueOf(m.groups.marker);
  if (value === undefined || value === null) return null;
  const number = String(value);
  const restStart = (own ? base : 0) + m[0].length - m.groups.rest.length;
  const between = firstLine.slice(0, restStart);
  const title = ft.text.slice(ft.map[restStart], ft.map[firstLine.length]);
  return { number, title: cleanTitle(title), separated: /[:：\-–—.)]\s*$/u.test(between), action: m.groups.action !== undefined };
}

/** The minutes' own number of a sub-item before its title: "4.1 ", "4.1. ", "3) ". */
const OUTLINE_NUMBER = /^\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+(?=\S)/u;

/** Where a title starts after the minutes' own numbering: an outline number ("4.1 ") or a section marker ("ثالثا: "). */
function outlineEnd(firstLine: string): number {
  const marker = SECTION_MARKER.exec(firstLine);
  if (marker) return marker[0].length + (/^\s*/u.exec(firstLine.slice(marker[0].length))?.[0].length ?? 0);
  return OUTLINE_NUMBER.exec(firstLine)?.[0].length ?? 0;
}

/**
 * A title numbered as a sub-item of the minutes that names its commitment by number:
 * "4.1 Proactive disclosure (Commitment 3)", "4.2 Commitment 5: Open contracting", "4.1 Commitment One: …",
 * "Open contracting – Engagement n° 5", "ثالثا: نشر الميزانية (الالتزام عدد 4)". The commitment's own number wins over the minutes'
 * outline number; the title is what is left. Not separated: only a heading, a bold line or a
 * line followed by label lines is one (a sentence may end on "(Commitment 3)" too).
 */
export function matchReferencedTitle(ft: FoldedText): Readonly<CommitmentHeading> | null {
  const own = matchCommitmentHeading(ft);
  if (own) return own;
  const firstLine = ft.folded.slice(0, firstLineEnd(ft));
  const outline = outlineEnd(firstLine);
  const rest = firstLine.slice(outline);
  const original = (from: number, to: number): string => ft.text.slice(ft.map[outline + from], ft.map[outline + to]);
  const lead = COMMITMENT_HEADING.exec(rest) ?? COMMITMENT_ORDINAL_HEADING.exec(rest);
  if (outline > 0 && lead?.groups) {
    const byWord = lead.groups.ordinal !== undefined ? LABEL_NUMBER_WORDS.valueOf(lead.groups.ordinal) : undefined;
    const number = byWord !== undefined ? String(byWord) : normalItemNumber(lead.groups.number);
    const restStart = lead[0].length - lead.groups.rest.length;
    if (number !== null) return { number, title: cleanTitle(original(restStart, rest.length)), separated: /[:：\-–—.)]\s*$/u.test(rest.slice(0, restStart)), action: lead.groups.action !== undefined };
  }
  const trailing = COMMITMENT_TRAILING_REFERENCE.exec(rest);
  const number = trailing?.groups ? normalItemNumber(trailing.groups.number) : null;
  if (number === null || !trailing?.groups) return null;
  return { number, title: cleanTitle(original(0, trailing.groups.title.length)), separated: false, action: false };
}

/** The item numbers a text refers to, by number or ordinal word, with the numbers joined to them ("Both Commitment 3 and 4 have had delays" → 3, 4), in order, once each. */
export function referencedNumbers(ft: FoldedText): string[] {
  const found: string[] = [];
  const add = (n: string | null): void => {
    if (n !== null && !found.includes(n)) found.push(n);
  };
  for (const ref of itemReferences(ft)) {
    add(ref.number);
    let at = ref.end;
    for (let next = REFERENCE_CONTINUATION.exec(ft.folded.slice(at)); next; next = REFERENCE_CONTINUATION.exec(ft.folded.slice(at))) {
      add(normalItemNumber(next.groups!.number));
      at += next[0].length;
    }
  }
  return found;
}

export interface ItemReference {
  number: string;
  /** Named by an action word ("ACTION 5.8"), not a commitment word. */
  action: boolean;
  /** Folded offsets of the reference in the text. */
  start: number;
  end: number;
}

/** The items a text names, by number ("Action 3.4") or by ordinal ("الالتزام الثاني"), left to right. */
export function itemReferences(ft: FoldedText): ItemReference[] {
  const found: ItemReference[] = [];
  for (const m of ft.folded.matchAll(COMMITMENT_REFERENCE)) {
    const number = normalItemNumber(m.groups!.number);
    if (number !== null) found.push({ number, action: m.groups!.action !== undefined, start: m.index, end: m.index + m[0].length });
  }
  for (const m of ft.folded.matchAll(COMMITMENT_ORDINAL_REFERENCE)) {
    const value = LABEL_NUMBER_WORDS.valueOf(m.groups!.ordinal ?? m.groups!.ordinalFirst);
    if (value !== undefined) found.push({ number: String(value), action: false, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
