/**
 * How closely two texts of ONE language speak of the same commitment. Titles in
 * different languages are never compared: there the plan and number decide.
 *
 * Minutes restate a title loosely (truncated, reworded, with or without the
 * article, a clitic glued on: "المنصة" / "منصة", "للمالية" / "المالية"), and an
 * unnumbered progress row speaks of its commitment in a sentence rather than
 * repeating the title. So the measure is word coverage, not whole-string
 * distance: the share of a title's words found in the other text, each word
 * matched by Jaro-Winkler so that inflected forms still count, and each word
 * weighted by how rare it is among the titles it is compared against (a word
 * every commitment title uses, like "تعزيز" or "renforcer", says little).
 */
import { JaroWinklerDistance } from "natural/lib/natural/distance/index.js";
import { foldForMatch } from "../text/normalize.js";

/** Two words are the same word at this Jaro-Winkler similarity or above. */
const WORD_MATCH = 0.88;
/** Shorter tokens are mostly particles and prepositions in all three languages. */
const MIN_WORD_LENGTH = 3;

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** The comparable words of a text: folded (case, diacritics, alef forms), split on anything not a letter or digit. */
export function contentWords(text: string): string[] {
  return foldForMatch(text)
    .split(WORD_SEPARATOR)
    .filter((word) => word.length >= MIN_WORD_LENGTH);
}

/**
 * Whether two words are one, by pair, as computed before: an archive's minutes reuse one
 * vocabulary meeting after meeting, and linking its unnumbered rows compares the same pairs
 * thousands of times. Pure, so remembered; forgotten past a bound, so a long-lived process
 * does not grow with every word it meets.
 */
const sameWords = new Map<string, Map<string, boolean>>();
let rememberedPairs = 0;
const MAX_REMEMBERED_PAIRS = 200_000;

function sameWord(word: string, other: string): boolean {
  let byOther = sameWords.get(word);
  if (!byOther) sameWords.set(word, (byOther = new Map()));
  let same = byOther.get(other);
  if (same === undefined) {
    same = JaroWinklerDistance(other, word) >= WORD_MATCH;
    if (++rememberedPairs > MAX_REMEMBERED_PAIRS) {
      sameWords.clear();
      rememberedPairs = 0;
    } else {
      byOther.set(other, same);
    }
  }
  return same;
}

function hasWord(words: ReadonlySet<string>, word: string): boolean {
  if (words.has(word)) return true;
  for (const other of words) if (sameWord(word, other)) return true;
  return false;
}

/** Word weights from their rarity among a set of titles (a smoothed inverse document frequency). */
export function wordWeights(titles: readonly (readonly string[])[]): (word: string) => number {
  const documentFrequency = new Map<string, number>();
  for (const words of titles) {
    for (const word of new Set(words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const count = titles.length;
  return (word) => Math.log((count + 1) / ((documentFrequency.get(word) ?? 0) + 0.5));
}

/**
 * The weighted share (0-1) of `needle`'s words found in `haystack`. 0 when the
 * needle has no comparable word.
 */
export function wordCoverage(
  needle: readonly string[],
  haystack: readonly string[],
  weight: (word: string) => number = () => 1,
): number {
  let total = 0;
  let found = 0;
  // A long text repeats its words: each is compared once.
  const words = new Set(haystack);
  for (const word of new Set(needle)) {
    const w = weight(word);
    total += w;
    if (hasWord(words, word)) found += w;
  }
  return total > 0 ? found / total : 0;
}

/**
 * Whether two titles of the same commitment, in the same language, agree: the
 * shorter one's words are covered by the longer one (a truncated title agrees).
 * Null when either title has no comparable word.
 */
export function titleSimilarity(a: string, b: string, weight?: (word: string) => number): number | null {
  return titleWordsSimilarity(contentWords(a), contentWords(b), weight);
}

/** `titleSimilarity` of two titles' `contentWords`, for a caller that has them already. */
export function titleWordsSimilarity(
  wordsA: readonly string[],
  wordsB: readonly string[],
  weight?: (word: string) => number,
): number | null {
  if (wordsA.length === 0 || wordsB.length === 0) return null;
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  return wordCoverage(shorter, longer, weight);
}
