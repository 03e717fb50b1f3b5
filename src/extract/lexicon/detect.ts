/**
 * Which language a text is written in, from the lexicons alone: the share of letters
 * in a lexicon's own script first (Arabic), then the function words of the languages
 * that share a script (French, English).
 */
import { foldPhrase, foldWithMap, type FoldedText } from "../match.js";
import { DEFAULT_LANGUAGE, type Language } from "./languages.js";
import { LEXICONS } from "./index.js";

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
  return evidentLanguage(texts, "first") ?? DEFAULT_LANGUAGE;
}

/**
 * The language a text shows, or null when it shows none (no letters of a script, no
 * function word) or, with `ties: "none"`, when two languages tie: a short line ("Chair:
 * Ms A. Kamara") says nothing and its reader falls back on the document's language.
 */
export function evidentLanguage(texts: readonly FoldedText[], ties: "first" | "none"): Language | null {
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
  // On a tie the lexicon listed first wins, or none does.
  let best = -1;
  let tied = false;
  for (let d = 0; d < WORD_DETECTORS.length; d++) {
    if (scores[d] === 0) continue;
    if (best < 0 || scores[d] > scores[best]) [best, tied] = [d, false];
    else if (scores[d] === scores[best]) tied = true;
  }
  if (best < 0 || (tied && ties === "none")) return null;
  return WORD_DETECTORS[best].language;
}

/** The language of one text within a document: its own when it shows one, else the document's. */
export function textLanguage(ft: FoldedText, documentLanguage: Language | null): Language | null {
  return evidentLanguage([ft], "none") ?? documentLanguage;
}
