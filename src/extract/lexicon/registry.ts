/**
 * The lexicons the tool knows: adding a language is adding its file and a line here.
 * Everything else about languages (their codes in the record, the fallback, each one's
 * writing direction, every matcher) is derived from this list.
 */
import { ar } from "./ar.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import type { Lexicon } from "./types.js";

export const LEXICONS = [ar, fr, en] as const satisfies readonly Lexicon[];
