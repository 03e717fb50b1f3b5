/** Meeting-level facts: language, date, title, action plan, chair, attendees, agenda. */
import type { DocumentMetadata } from "../ingest/tree.js";
import { PartialDate, type ActionPlan, type DateSource, type Language, type Warning } from "../model/meeting.js";
import { dateFromFileName, findDates } from "../text/dates.js";
import { wordCount, type Block } from "./blocks.js";
import {
  ABSENTEE_CUES,
  ACTION_PLAN_WORDS,
  AGENDA_CUES,
  ATTENDEE_CUES,
  CHAIR_MARKER,
  CHAIR_PHRASES,
  HONORIFICS,
  LEXICONS,
  MEETING_DATE_CUES,
  MONTHS,
  ORDINALS,
} from "./lexicon/index.js";
import { firstMatch, foldPhrase, foldWithMap, type FoldedText } from "./match.js";
import { namesAfterTitles } from "./people.js";
import { cleanTitle } from "./text-helpers.js";

/** Each lexicon's detection words, folded once; the script of a lexicon that owns one. */
const DETECTORS = LEXICONS.map((lex) => ({
  language: lex.language,
  script: lex.script ? new RegExp(`^\\p{Script=${lex.script}}$`, "u") : null,
  words: new Set(lex.detectionWords.map(foldPhrase)),
}));
const WORD_DETECTORS = DETECTORS.filter((detector) => !detector.script);
const NOT_WORD = /[^\p{L}']+/u;
const LETTER = /^\p{L}$/u;

/**
 * What detection needs to know of a code point, computed once per code point met: bit 0
 * "known", bit 1 "a letter", bit 2 + i "in the script of DETECTORS[i]".
 */
const classOfBmp = new Uint8Array(0x10000);
function classOf(c: string): number {
  let bits = 1 | (LETTER.test(c) ? 2 : 0);
  DETECTORS.forEach((d, i) => {
    if (d.script?.test(c)) bits |= 4 << i;
  });
  return bits;
}

/** The language most of the text is written in: a script share first, then function words. */
export function detectLanguage(text: string): Language {
  return languageOf([foldWithMap(text)]);
}

/** `detectLanguage` over texts already folded (a document's blocks), as if they were one text. */
export function languageOf(texts: readonly FoldedText[]): Language {
  const inScript = DETECTORS.map(() => 0);
  let letters = 0;
  for (const { text } of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let bits: number;
      if ((code & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bits = classOf(text.slice(i, i + 2));
        i++;
      } else {
        bits = classOfBmp[code] || (classOfBmp[code] = classOf(String.fromCharCode(code)));
      }
      if (bits & 2) letters++;
      if (bits > 3) for (let d = 0; d < DETECTORS.length; d++) if (bits & (4 << d)) inScript[d]++;
    }
  }
  // A script holding over 30% of the letters decides alone; otherwise the function words do.
  const byScript = DETECTORS.find((detector, d) => detector.script && inScript[d] / (letters || 1) > 0.3);
  if (byScript) return byScript.language;
  const scores = WORD_DETECTORS.map(() => 0);
  for (const { folded } of texts) {
    for (const w of folded.split(NOT_WORD)) {
      for (let d = 0; d < WORD_DETECTORS.length; d++) if (WORD_DETECTORS[d].words.has(w)) scores[d]++;
    }
  }
  // On a tie the lexicon listed first wins.
  let best = -1;
  for (let d = 0; d < WORD_DETECTORS.length; d++) if (scores[d] > 0 && (best < 0 || scores[d] > scores[best])) best = d;
  return best >= 0 ? WORD_DETECTORS[best].language : "en";
}

/** How far a date may stand from its cue: "انعقد اجتماع اللجنة … يوم 3 كانون الثاني 2024" names the committee in between. */
const CUE_WINDOW = 160;

/**
 * The meeting's own date: a date right after (or just before) a phrase such as
 * "انعقد يوم", "s'est réuni le", "meeting held on". A date elsewhere (the signature,
 * another meeting, a workshop) is never taken for it.
 */
export function meetingDateFromText(blocks: readonly Block[]): string | null {
  for (const b of blocks) {
    const f = b.ft.folded;
    let dates: ReturnType<typeof findDates> | null = null;
    for (const cue of f.matchAll(MEETING_DATE_CUES)) {
      const cueEnd = cue.index + cue[0].length;
      dates ??= findDates(f, MONTHS);
      const after = dates.find((d) => d.index >= cueEnd && d.index - cueEnd <= CUE_WINDOW && !/[.!?؟]/u.test(f.slice(cueEnd, d.index)));
      const before = dates.filter((d) => d.index + d.length <= cue.index && cue.index - (d.index + d.length) <= 40).pop();
      const found = after ?? before;
      if (found) return found.date;
    }
  }
  return null;
}

/** A meeting date and where it came from; `warning` says why a date is uncertain. */
export interface MeetingDate {
  date: string | null;
  dateSource: DateSource | null;
  warning?: Warning;
}

export function meetingDate(
  blocks: readonly Block[],
  path: string,
  metadata: DocumentMetadata,
  option: string | undefined,
): MeetingDate {
  const fromText = meetingDateFromText(blocks);
  if (fromText) return { date: fromText, dateSource: "text" };
  const fileName = path.split(/[\\/]/u).pop() ?? path;
  const fromName = dateFromFileName(foldPhrase(fileName), MONTHS);
  if (fromName) return { date: fromName, dateSource: "filename" };
  const created = metadata.created ? /^(\d{4}-\d{2}-\d{2})/u.exec(metadata.created) : null;
  if (created && PartialDate.safeParse(created[1]).success) {
    // A creation date is when the file was made (often an export or a scan years later), not when the committee met.
    return {
      date: created[1],
      dateSource: "metadata",
      warning: {
        code: "date-from-metadata",
        message: `No meeting date in the text or the file name: ${created[1]} is the document's creation date, which may not be the meeting's; check it and correct it in corrections.yaml`,
      },
    };
  }
  if (option && PartialDate.safeParse(option).success) return { date: option, dateSource: "option" };
  return { date: null, dateSource: null };
}

const SUBJECT = /^[^:：]{1,25}[:：]\s*/u;

/** The subject line ("الموضوع: …", "Objet : …"), else the longest heading before the body. */
export function meetingTitle(blocks: readonly Block[], subjectLine: RegExp, metadata: DocumentMetadata): string | null {
  for (const b of blocks.slice(0, 10)) {
    const m = subjectLine.exec(b.ft.folded);
    if (m) return cleanTitle(b.ft.text.replace(SUBJECT, ""));
  }
  const headings: Block[] = [];
  for (const b of blocks) {
    if (b.kind === "heading" || (b.emphasized && wordCount(b.ft.text) <= 30)) headings.push(b);
    else if (wordCount(b.ft.text) > 25) break;
  }
  const longest = headings.filter((h) => h.cell === null).sort((a, b) => b.ft.text.length - a.ft.text.length)[0];
  return longest ? cleanTitle(longest.ft.text) : metadata.title?.trim() || null;
}

const YEARS = /\(?\s*(\d{4})\s*[-–/]\s*(\d{4})\s*\)?/u;

/** "خطة العمل الوطنية الرابعة لشراكة الحكومة المفتوحة 2021-2023" → ordinal 4, years 2021-2023, key nap4-2021-2023. */
export function actionPlan(blocks: readonly Block[]): ActionPlan | null {
  for (const b of blocks) {
    const ft = b.ft;
    const m = firstMatch(ACTION_PLAN_WORDS, ft.folded);
    if (!m) continue;
    // An ordinal before the phrase ("4ème plan", "fourth national action plan") or within a few words after ("الرابعة").
    const windowStart = Math.max(0, m.index - 30);
    const windowEnd = Math.min(ft.folded.length, m.index + m[0].length + 120);
    // The phrase itself, without an attached preposition ("لخطة العمل" → "خطة العمل").
    const phraseStart = m.index + m[0].length - (m.groups?.phrase.length ?? m[0].length);
    let start = phraseStart;
    let ordinal: number | null = null;
    let ordinalEnd = 0;
    const phraseEnd = m.index + m[0].length;
    for (const o of ft.folded.slice(windowStart, windowEnd).matchAll(ORDINALS.regex)) {
      const at = windowStart + o.index;
      const wordsBetween = (from: number, to: number): number => ft.folded.slice(from, to).trim().split(/\s+/u).filter(Boolean).length;
      // Only an ordinal that qualifies this phrase: two words before it at most, or three after it.
      if (at < m.index ? wordsBetween(at + o[0].length, m.index) > 2 : wordsBetween(phraseEnd, at) > 3) continue;
      ordinal = ORDINALS.valueOf(o.groups?.phrase ?? "") ?? null;
      if (at < m.index) start = at;
      else ordinalEnd = at + o[0].length;
      break;
    }
    let end = phraseEnd;
    let startYear: number | null = null;
    let endYear: number | null = null;
    const years = YEARS.exec(ft.folded.slice(end, windowEnd));
    if (years) {
      startYear = Number(years[1]);
      endYear = Number(years[2]);
      end = end + years.index + years[0].length;
    } else {
      // No years: the plan's name runs on to the end of its clause, six words at most.
      end = Math.max(end, ordinalEnd);
      const clause = /^(?:\s+[^\s,،.;:()]+){0,6}/u.exec(ft.folded.slice(end, windowEnd));
      end += clause ? clause[0].length : 0;
    }
    const text = cleanTitle(ft.text.slice(ft.map[start], ft.map[end]));
    const key = ordinal || startYear ? `nap${ordinal ?? ""}${startYear ? `-${startYear}-${endYear}` : ""}` : null;
    return { text, key, ordinal, startYear, endYear };
  }
  return null;
}

/** Who chaired: named after a chair phrase ("برئاسة", "sous la présidence de", "Chaired by:"), else marked in the attendee list. */
export function chair(blocks: readonly Block[]): string | null {
  for (const b of blocks) {
    for (const m of b.ft.folded.matchAll(CHAIR_PHRASES)) {
      const names = namesAfterTitles(b.ft, m.index + m[0].length);
      if (names[0]) return names[0];
    }
  }
  return chairInAttendance(blocks);
}

/** "Ms. Fatmata Kamara (Chair, Ministry of …)", "السيد مروان الرفاعي (رئيساً)": the person right before the marker. */
function chairInAttendance(blocks: readonly Block[]): string | null {
  const at = blocks.findIndex((b) => b.cell === null && cueBlock(b, ATTENDEE_CUES));
  if (at < 0) return null;
  for (const b of [blocks[at], ...listAfter(blocks, at)]) {
    const marker = CHAIR_MARKER.exec(b.ft.folded);
    if (!marker) continue;
    const before = b.ft.text.slice(0, b.ft.map[marker.index]);
    const person = before.split(/[,;:،؛：]/u).pop()?.trim();
    if (person) return personOf(person);
  }
  return null;
}

/** A label block: the cue opens it ("Étaient présents :", "الحاضرون:") and it is short or ends with a colon. */
const cueBlock = (b: Block, cue: RegExp): boolean => {
  const m = firstMatch(cue, b.ft.folded);
  if (!m || !/^[\s\p{P}]*$/u.test(b.ft.folded.slice(0, m.index))) return false;
  return wordCount(b.ft.text) <= 6 || /[:：]/u.test(b.ft.folded.slice(m.index + m[0].length, m.index + m[0].length + 3));
};

/** The items of the list that follows a cue block (or the marker-led paragraphs a PDF gives for it). */
function listAfter(blocks: readonly Block[], at: number): Block[] {
  const items: Block[] = [];
  for (let k = at + 1; k < blocks.length; k++) {
    const b = blocks[k];
    const previous = items[items.length - 1];
    // A list's items share one depth: a bold "1. État d'avancement …" after a bulleted agenda is the next part's title.
    if (b.emphasized || (previous && b.kind === "item" && b.depth !== previous.depth && b.depth <= 1)) break;
    // Numbering that starts again ("1. Bilan …" after items 1-3) is the next section's title, not a fourth item.
    if (b.itemNumber !== null && previous?.itemNumber != null && b.itemNumber !== previous.itemNumber + 1) break;
    if (b.kind === "item" && b.depth <= 1) items.push(b);
    else if (b.kind === "item" || (b.kind === "paragraph" && b.depth > 0)) continue;
    else break;
  }
  return items;
}

/** Text after a cue on its own line ("Excusée : Mme X"), when no list follows. */
function inlineAfterCue(b: Block): string[] {
  const colon = b.ft.text.search(/[:：]/u);
  if (colon < 0) return [];
  return b.ft.text.slice(colon + 1).split(/[;؛\n]/u).map((s) => s.trim()).filter(Boolean);
}

function personOf(item: string): string {
  const ft = foldWithMap(item);
  const honorific = new RegExp(`^(?:${HONORIFICS.regex.source})\\s*`, "u").exec(ft.folded);
  const start = honorific ? ft.map[honorific[0].length] : 0;
  return item.slice(start).split(/[,،;؛]/u)[0].trim();
}

export function attendees(blocks: readonly Block[]): string[] {
  const at = blocks.findIndex((b) => b.cell === null && cueBlock(b, ATTENDEE_CUES) && !cueBlock(b, ABSENTEE_CUES));
  if (at < 0) return [];
  const items = listAfter(blocks, at);
  const texts = items.length ? items.map((b) => b.ft.text) : inlineAfterCue(blocks[at]);
  return texts.map(personOf).filter(Boolean);
}

export function agenda(blocks: readonly Block[]): string[] {
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.cell !== null || !firstMatch(AGENDA_CUES, b.ft.folded)) continue;
    const items = listAfter(blocks, k);
    if (items.length) return items.map((i) => cleanTitle(i.ft.text.replace(/^\d{1,2}[.)]\s*/u, "")));
    // "Ordre du jour : 1) bilan ; 2) rapport." — the items written on the cue's own line.
    const inline = inlineAfterCue(b)
      .flatMap((part) => part.split(/(?:^|\s)\d{1,2}[.)-]\s+/u))
      .map(cleanTitle)
      .filter(Boolean);
    if (inline.length > 1) return inline;
  }
  return [];
}

