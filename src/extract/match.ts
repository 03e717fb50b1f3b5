/**
 * Matching lexicon phrases in text while keeping the text as written.
 *
 * Phrases and text are compared in `foldForMatch` form (no harakat, one alef, no
 * accents, lowercase), but what the record shows must be the original words. So the
 * text is folded code point by code point with a map from each folded character back
 * to its position in the original: a match in the folded text is cut from the original.
 */
import { foldForMatch, normalizeText } from "../text/normalize.js";

export interface FoldedText {
  /** The text as it will be shown (normalized, not folded). */
  text: string;
  folded: string;
  /** `map[i]` is the index in `text` of `folded[i]`; `map[folded.length] === text.length`. */
  map: number[];
}

/** Typographic apostrophes fold to ASCII: "l’engagement" and "l'engagement" are one word. */
const APOSTROPHES = /[\u2019\u2018\u02BC\u0060\u00B4]/g;

/** What each code point folds to, filled as met: a text is folded one code point at a time. */
const bmpFolds: (string | undefined)[] = new Array<string | undefined>(0x10000);
const astralFolds = new Map<string, string>();
const WHITESPACE = /^\s$/u;

function computeFold(c: string): string {
  return WHITESPACE.test(c) ? " " : foldForMatch(c).replace(APOSTROPHES, "'");
}

function foldBmp(code: number): string {
  let f = bmpFolds[code];
  if (f === undefined) {
    f = computeFold(String.fromCharCode(code));
    bmpFolds[code] = f;
  }
  return f;
}

function foldAstral(c: string): string {
  let f = astralFolds.get(c);
  if (f === undefined) {
    f = computeFold(c);
    astralFolds.set(c, f);
  }
  return f;
}

/**
 * Texts folded while extracting one document. Extraction folds the same cell or line
 * several times (a table's header is checked for roles, repeated rows are compared, a
 * line is refolded as a sentence); a folded text is never modified, so one object serves
 * every caller. Emptied for each document and bounded by characters, so that memory stays
 * flat however long the batch or the document.
 */
const recentFolds = new Map<string, FoldedText>();
const RECENT_FOLDS_MAX_CHARS = 1 << 20;
let recentFoldsChars = 0;

/** Forgets the texts folded so far: called when a new document's extraction starts. */
export function forgetRecentFolds(): void {
  recentFolds.clear();
  recentFoldsChars = 0;
}

export function foldWithMap(raw: string): FoldedText {
  const known = recentFolds.get(raw);
  if (known) return known;
  const ft = fold(normalizeText(raw));
  if (recentFoldsChars + raw.length > RECENT_FOLDS_MAX_CHARS) forgetRecentFolds();
  recentFolds.set(raw, ft);
  recentFoldsChars += raw.length;
  return ft;
}

function fold(text: string): FoldedText {
  const length = text.length;
  const map: number[] = new Array<number>(length + 1);
  // Most characters fold to themselves: runs of them are copied whole, not character by character.
  const pieces: string[] = [];
  let unchangedFrom = 0;
  let j = 0;
  for (let index = 0; index < length; ) {
    const code = text.charCodeAt(index);
    let width = 1;
    let f: string;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      f = foldAstral(text.slice(index, index + 2));
      if (f === text.slice(index, index + 2)) {
        map[j++] = index;
        map[j++] = index;
        index += 2;
        continue;
      }
    } else {
      f = foldBmp(code);
      if (f.length === 1 && f.charCodeAt(0) === code) {
        map[j++] = index;
        index += 1;
        continue;
      }
    }
    if (unchangedFrom < index) pieces.push(text.slice(unchangedFrom, index));
    pieces.push(f);
    for (let k = 0; k < f.length; k++) map[j++] = index;
    index += width;
    unchangedFrom = index;
  }
  if (unchangedFrom < length) pieces.push(text.slice(unchangedFrom));
  map[j] = length;
  map.length = j + 1;
  return { text, folded: pieces.join(""), map };
}

/** Folds a lexicon phrase the same way as text. */
export function foldPhrase(phrase: string): string {
  return foldWithMap(phrase).folded;
}

/** The original text under folded span [start, end). */
export function originalSpan(ft: FoldedText, start: number, end: number): string {
  return ft.text.slice(ft.map[start], ft.map[end]).trim();
}

/** The first folded position whose original offset reaches `textIndex` (the map only grows). */
function foldedAt(ft: FoldedText, textIndex: number): number {
  let low = 0;
  let high = ft.folded.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ft.map[mid] < textIndex) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Folding writes a line break as a space: the folded offset where the text's first line ends (its length when it has one line). */
export function firstLineEnd(ft: FoldedText): number {
  const at = ft.text.indexOf("\n");
  return at < 0 ? ft.folded.length : foldedAt(ft, at);
}

/** The folded offset where the line holding folded position `pos` starts. */
export function lineStart(ft: FoldedText, pos: number): number {
  const at = ft.text.lastIndexOf("\n", ft.map[pos] - 1);
  return at < 0 ? 0 : foldedAt(ft, at + 1);
}

/** The original letter at a folded position is upper case: Latin names and abbreviations are capitalized. */
export function capitalizedAt(ft: FoldedText, pos: number): boolean {
  const c = ft.text[ft.map[pos]] ?? "";
  return c !== c.toLowerCase();
}

/** A word of the Latin script (names there are capitalized; Arabic has no case). */
export const isLatinWord = (word: string): boolean => /^\p{Script=Latin}/u.test(word);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A regex source for folded phrases, longest first so that the most specific wins; spaces
 * match any run of spaces. No phrases (a lexicon that lists none) give a pattern that never
 * matches, not the empty pattern that matches everywhere.
 */
export function alternation(phrases: readonly string[]): string {
  const unique = [...new Set(phrases.map(foldPhrase).filter((p) => p.length > 0))];
  if (unique.length === 0) return "(?!)";
  unique.sort((a, b) => b.length - a.length);
  return unique.map((p) => escapeRegex(p).replace(/ +/g, "\\s*")).join("|");
}

/** Letters and digits: what a word boundary separates. */
export const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}]";

/**
 * A regex matching any of the phrases as whole words in folded text, optionally with
 * one attached proclitic (Arabic "و"). Group `phrase` holds the phrase itself.
 */
export function phraseRegex(phrases: readonly string[], proclitics: readonly string[], flags = "gu"): RegExp {
  const prefix = proclitics.length ? `(?:${alternation(proclitics)})?` : "";
  const before = `(?<!${WORD_CHAR})`;
  // A phrase that ends with punctuation ("M.", "n°") needs no boundary after it.
  const after = `(?!(?<=${WORD_CHAR})${WORD_CHAR})`;
  return new RegExp(`${before}${prefix}(?<phrase>${alternation(phrases)})${after}`, flags);
}

/**
 * The first match of a shared global regex, leaving it as found: `exec` and `test` move a
 * global regex's `lastIndex`, and `matchAll` starts from it, so a stale value would make
 * a later search skip text.
 */
export function firstMatch(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  re.lastIndex = 0;
  return m;
}
