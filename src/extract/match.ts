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

const foldCache = new Map<string, string>();
function foldChar(c: string): string {
  if (/\s/u.test(c)) return " ";
  let f = foldCache.get(c);
  if (f === undefined) {
    f = foldForMatch(c).replace(APOSTROPHES, "'");
    foldCache.set(c, f);
  }
  return f;
}

export function foldWithMap(raw: string): FoldedText {
  const text = normalizeText(raw);
  let folded = "";
  const map: number[] = [];
  let index = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let k = 0; k < f.length; k++) map.push(index);
    folded += f;
    index += c.length;
  }
  map.push(text.length);
  return { text, folded, map };
}

/** Folds a lexicon phrase the same way as text. */
export function foldPhrase(phrase: string): string {
  return foldWithMap(phrase).folded;
}

/** The original text under folded span [start, end). */
export function originalSpan(ft: FoldedText, start: number, end: number): string {
  return ft.text.slice(ft.map[start], ft.map[end]).trim();
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regex source for folded phrases, longest first so that the most specific wins; spaces match any run of spaces. */
export function alternation(phrases: readonly string[]): string {
  const unique = [...new Set(phrases.map(foldPhrase).filter((p) => p.length > 0))];
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
