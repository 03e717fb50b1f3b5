/**
 * Percents as minutes write them: "75%", "75 %" (often with a no-break space), "٧٥٪"
 * (Arabic-Indic digits and sign), "%75" (a right-to-left rendering that put the sign
 * first), "100. %" (a stray full stop), "12,5 %". A dash or an empty cell means no value.
 */
import { toAsciiDigits } from "./normalize.js";

export interface PercentMatch {
  value: number;
  /** Position and length in the text given. */
  index: number;
  length: number;
}

const NUMBER = String.raw`\d{1,3}(?:[.,]\d+)?`;
/** Number then sign; a full stop may stand between them ("100. %"). The number must not continue a longer one. */
const NUMBER_FIRST = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s*\.?\s*%`, "gu");
/** Sign then number, as right-to-left text sometimes comes out of Word and PDF. */
const DIGIT = /\d/;
const SIGN_FIRST = new RegExp(String.raw`%\s*(${NUMBER})(?![\d%]|\s*%)`, "gu");

/** Same-length replacements only, so match positions stay positions in the caller's text. */
function prepare(text: string): string {
  return toAsciiDigits(text).replace(/[\u066A\uFE6A\uFF05]/g, "%");
}

function toNumber(digits: string): number {
  return Number(digits.replace(",", "."));
}

const wordPatterns = new Map<string, RegExp>();
/** "60 pour cent", "60 بالمائة", "60 per cent": the caller's words for the sign (they are language data). */
function wordPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const key = words.join("\u0000");
  let re = wordPatterns.get(key);
  if (!re) {
    const alternation = [...words]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ +/g, "\\s+"))
      .join("|");
    re = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s*(?:${alternation})(?![\p{L}\p{N}])`, "giu");
    wordPatterns.set(key, re);
  }
  return re;
}

/** Percents in text, in order. `words` are spelled-out percent signs ("pour cent", "بالمائة"). */
export function findPercents(text: string, words: readonly string[] = []): PercentMatch[] {
  const t = prepare(text);
  const found: PercentMatch[] = [];
  // Every pattern needs a digit, and those of the sign a sign: most texts are dismissed without trying them.
  if (!DIGIT.test(t)) return found;
  const hasSign = t.includes("%");
  const signsUsed = new Set<number>();
  if (hasSign) for (const m of t.matchAll(NUMBER_FIRST)) {
    found.push({ value: toNumber(m[1]), index: m.index, length: m[0].length });
    signsUsed.add(m.index + m[0].length - 1);
  }
  if (hasSign) for (const m of t.matchAll(SIGN_FIRST)) {
    if (signsUsed.has(m.index)) continue;
    found.push({ value: toNumber(m[1]), index: m.index, length: m[0].length });
  }
  const spelled = wordPattern(words);
  if (spelled) for (const m of t.matchAll(spelled)) found.push({ value: toNumber(m[1]), index: m.index, length: m[0].length });
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The percent a table cell or a label line states: the first percent in it, or a bare
 * number 0-100 when the whole cell is that number (a "%" column). `null` for a dash,
 * an empty cell, "n/a" or any text with no percent: the words for "no value" need no list here.
 */
export function parsePercentValue(text: string, words: readonly string[] = []): number | null {
  const t = prepare(text).trim();
  const first = findPercents(t, words)[0];
  if (first) return first.value <= 100 ? first.value : null;
  const bare = /^(\d{1,3}(?:[.,]\d+)?)\s*\.?$/u.exec(t);
  if (bare) {
    const value = toNumber(bare[1]);
    return value <= 100 ? value : null;
  }
  return null;
}
