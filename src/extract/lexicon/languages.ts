/**
 * What follows from the list of lexicons alone: the record's language codes, the
 * fallback language, each language's writing direction. Data only, so that the model's
 * schemas can derive their language codes from it without loading the matchers.
 */
import { LEXICONS } from "./registry.js";
import type { Lexicon } from "./types.js";

/** A language code of one of the lexicons. */
export type Language = (typeof LEXICONS)[number]["language"];

const lexicons: readonly Lexicon<Language>[] = LEXICONS;

export const LANGUAGES = lexicons.map((l) => l.language) as [Language, ...Language[]];

/** The language of a text that shows no sign of any: the lexicon marked `fallback`, else the first. */
export const DEFAULT_LANGUAGE: Language = lexicons.find((l) => l.fallback)?.language ?? LANGUAGES[0];

/** Unicode scripts written right to left (those whose letters are of bidi class R or AL). */
const RIGHT_TO_LEFT_SCRIPTS = new Set(["Arabic", "Hebrew", "Syriac", "Thaana", "Nko", "Samaritan", "Mandaic", "Adlam", "Hanifi_Rohingya", "Yezidi"]);

export function lexiconFor(language: string): Lexicon | undefined {
  return lexicons.find((l) => l.language === language);
}

/** "rtl" when the language's lexicon names a right-to-left script. */
export function writingDirection(language: string): "rtl" | "ltr" {
  const script = lexiconFor(language)?.script;
  return script !== undefined && RIGHT_TO_LEFT_SCRIPTS.has(script) ? "rtl" : "ltr";
}
