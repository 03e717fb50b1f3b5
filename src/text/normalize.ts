/**
 * Text normalization shared by every reader and by extraction.
 *
 * Minutes reach us through Word, PDF text layers and plain-text exports; each
 * leaves its own debris (bidi controls, private-use bullet glyphs, presentation
 * forms, Arabic-Indic digits, shadda split off its letter). `normalizeText`
 * removes that debris so the same sentence reads the same whatever the source.
 * `foldForMatch` goes further and is for comparison only, never for display.
 *
 * All patterns are compiled once at module load: readers call these per text node.
 */

/** Directional marks, embeddings, overrides and isolates: they carry no text, and pdftotext wraps every RTL run in them. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Percent look-alikes. `℅` (care of) is what some Arabic fonts map their percent glyph to,
 * and NFKC would turn it into "c/o", so it must be replaced before NFKC. U+066A is the
 * Arabic percent sign, which NFKC leaves alone.
 */
const PERCENT_LOOKALIKES = /[\u2105\u066A]/g;

/** Line breaks of every kind become "\n": CRLF, CR, vertical tab (Word's soft break), form feed (pdftotext's page break), U+2028/2029. */
const LINE_BREAKS = /\r\n?|[\v\f\u2028\u2029\u0085]/g;

/** Control characters other than tab and newline: never text. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

/**
 * ZWNJ is meaningful between two letters (Persian and Urdu write it inside words);
 * anywhere else it is an artifact, like every other format character (ZWSP, ZWJ,
 * word joiner, BOM, soft hyphen, Arabic number signs).
 */
const ZWNJ_BETWEEN_LETTERS = /(?<=\p{L}\p{M}*)\u200C(?=\p{L})/gu;
const ZWNJ_PLACEHOLDER = "\u{F0000}"; // a supplementary private-use code point no source text uses
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const ZWNJ_PLACEHOLDER_PATTERN = /\u{F0000}/gu;

/** Tatweel (kashida) stretches a word for justification; it is not a letter. */
const TATWEEL = /\u0640/g;

/** Horizontal whitespace of every kind (NBSP, narrow NBSP, em space, ideographic space, tab). */
const HORIZONTAL_SPACE = /[\t\p{Zs}]+/gu;

/**
 * A combining mark (shadda, harakat, any \p{M}) separated from its letter by spaces, as PDF
 * text extraction does when a mark is positioned as its own glyph: "تم ّ" → "تمّ".
 */
const DETACHED_MARK = /(?<=\p{L}\p{M}*) +(?=\p{M})/gu;
const SPACE_BEFORE_MARK = / \p{M}/u;

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
/** Arabic decimal and thousands separators, which only ever appear inside numbers. */
const ARABIC_DECIMAL_SEPARATOR = /\u066B/g;
const ARABIC_THOUSANDS_SEPARATOR = /\u066C/g;

/** The bullet every list marker becomes. */
export const BULLET = "•";
/** A ticked and an empty checkbox as every reader writes them: Word's check box content control, Markdown's task list "- [x]". */
export const CHECKBOX = { checked: "☒", unchecked: "☐" } as const;

/**
 * Glyphs used as list bullets. Word's Symbol and Wingdings bullets arrive as private-use
 * code points (U+F0B7, U+F0A7, U+F06C, U+F0D8, ...), so any private-use character at the
 * start of a line is taken as a bullet: it cannot be text anyone can read. Check marks and
 * empty boxes are left alone: in minutes they can mean "done" / "not done".
 */
const BULLET_CHARS = "•·▪▫◦‣⁃∙●○■◆◇►▸➢➤❖\uE000-\uF8FF";
const LEADING_BULLET = new RegExp(`^[${BULLET_CHARS}]+ *(?=[^\\n])`, "gmu");
const BARE_BULLET_LINE = new RegExp(`^[${BULLET_CHARS}]+$`, "gmu");

const SPACES_AROUND_NEWLINE = / *\n */g;
const BLANK_LINE_RUNS = /\n{3,}/g;

/**
 * Characters one of normalizeText's steps replaces or removes, and whitespace other than a
 * single space or newline. Bullet glyphs are included anywhere (they are only rewritten at a
 * line's start; anywhere is simpler and merely takes the full path). Keep in step with the
 * patterns above.
 */
const REPLACED_CHARACTER = new RegExp(
  `[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u2105\\u066A\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F\\p{Cf}\\u0640\\u0660-\\u066C\\u06F0-\\u06F9${BULLET_CHARS}]|[^\\S\\n ]`,
  "u",
);
const MARK = /^\p{M}$/u;
/** Arabic harakat, sukun and dagger alef: alone after a letter, NFKC neither reorders nor composes them. */
const isLoneSafeMark = (code: number): boolean => (code >= 0x064b && code <= 0x0652) || code === 0x0670;
/** Hangul jamo compose with their neighbours under NFKC although they are letters. */
const isJamo = (code: number): boolean => code >= 0x1100 && code <= 0x11ff;

const CLEAN = 1;
const SAFE_MARK = 2;
const NOT_CLEAN = 3;
/** Per code unit: CLEAN (stays as is), SAFE_MARK (stays if alone after a non-mark) or NOT_CLEAN; 0 = not yet known. */
const cleanliness = new Uint8Array(0x10000);
function classify(code: number): number {
  const c = String.fromCharCode(code);
  if ((code & 0xf800) === 0xd800 || REPLACED_CHARACTER.test(c) || isJamo(code) || c.normalize("NFKC") !== c) return NOT_CLEAN;
  if (MARK.test(c)) return isLoneSafeMark(code) ? SAFE_MARK : NOT_CLEAN;
  return CLEAN;
}

/**
 * True when normalizeText would return `s` unchanged, proved in one pass over its code
 * units: no character any step replaces, no NFKC change (every character stable alone, no
 * mark that could reorder or compose), no space doubled, before a mark or beside a
 * newline, no three newlines, no whitespace at either end. Anything else takes the full path.
 */
function isAlreadyNormal(s: string): boolean {
  const length = s.length;
  if (length === 0) return true;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(length - 1);
  if (first === 0x20 || first === 0x0a || last === 0x20 || last === 0x0a) return false;
  let previous = 0;
  let newlines = 0;
  let previousWasMark = false;
  for (let i = 0; i < length; i++) {
    const code = s.charCodeAt(i);
    let kind = cleanliness[code];
    if (kind === 0) kind = cleanliness[code] = classify(code);
    if (kind === NOT_CLEAN) return false;
    if (kind === SAFE_MARK) {
      if (previousWasMark || previous === 0x20) return false;
      previousWasMark = true;
    } else previousWasMark = false;
    if (code === 0x20 && (previous === 0x20 || previous === 0x0a)) return false;
    if (code === 0x0a) {
      if (previous === 0x20 || ++newlines === 3) return false;
    } else newlines = 0;
    previous = code;
  }
  return true;
}

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII, and the Arabic decimal/thousands separators to "." and ",". */
export function toAsciiDigits(s: string): string {
  return s
    .replace(ARABIC_INDIC_DIGITS, (d) => {
      const code = d.charCodeAt(0);
      return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
    })
    .replace(ARABIC_DECIMAL_SEPARATOR, ".")
    .replace(ARABIC_THOUSANDS_SEPARATOR, ",");
}

/**
 * Canonical text for display and extraction. Line structure is kept: lines are
 * trimmed and their inner whitespace collapsed, runs of blank lines become one,
 * and a bullet glyph at the start of a line becomes "• ".
 */
export function normalizeText(s: string): string {
  // Most texts reach here already clean (readers normalize, extraction refolds their slices).
  if (isAlreadyNormal(s)) return s;
  let t = s
    // A space, not nothing: deleting a mark between "10" and a word glues them together.
    .replace(BIDI_CONTROLS, " ")
    .replace(PERCENT_LOOKALIKES, "%")
    .normalize("NFKC")
    .replace(LINE_BREAKS, "\n")
    .replace(OTHER_CONTROLS, "");
  if (t.includes("\u200C")) t = t.replace(ZWNJ_BETWEEN_LETTERS, ZWNJ_PLACEHOLDER);
  t = t.replace(FORMAT_CHARACTERS, "");
  if (t.includes(ZWNJ_PLACEHOLDER)) t = t.replace(ZWNJ_PLACEHOLDER_PATTERN, "\u200C");
  t = t
    .replace(TATWEEL, "")
    .replace(HORIZONTAL_SPACE, " ");
  // The lookbehind makes DETACHED_MARK slow to try everywhere; a space before a mark is rare.
  if (SPACE_BEFORE_MARK.test(t)) t = t.replace(DETACHED_MARK, "");
  t = toAsciiDigits(t)
    .replace(SPACES_AROUND_NEWLINE, "\n")
    .trim()
    .replace(BLANK_LINE_RUNS, "\n\n")
    .replace(LEADING_BULLET, `${BULLET} `)
    .replace(BARE_BULLET_LINE, BULLET);
  return t;
}

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671]/g;
const ALEF_MAKSURA = /\u0649/g;
/** Combining diacritical marks as NFD splits them off Latin letters. */
const LATIN_COMBINING_MARKS = /[\u0300-\u036F]/g;
const ZWNJ = /\u200C/g;

/**
 * A key for comparing and searching words, never for display: normalized text with
 * Arabic diacritics and dagger alef removed, hamza'd/madda/wasla alefs to bare alef,
 * alef maksura to ya (ta marbuta is kept: it distinguishes words), lowercase, and Latin
 * diacritics folded (é → e).
 */
export function foldForMatch(s: string): string {
  return normalizeText(s)
    .replace(ARABIC_DIACRITICS, "")
    .replace(ALEF_VARIANTS, "ا")
    .replace(ALEF_MAKSURA, "ي")
    .replace(ZWNJ, "")
    .toLowerCase()
    // NFD splits Latin letters from their accents. Only the Latin combining block is
    // stripped: NFD also splits ؤ and ئ into letter + hamza, which must stay distinct.
    .normalize("NFD")
    .replace(LATIN_COMBINING_MARKS, "")
    .normalize("NFC");
}

/**
 * Text that ends a sentence, or a lead-in to what follows (a colon): Latin and Arabic stops, an
 * ellipsis, then any closing quote or bracket. The one test of "this line or block is complete",
 * for the PDF reader joining lines and for extraction joining broken paragraphs.
 */
export const SENTENCE_END = /[.!?؟:;؛…]["'»”’)\]]*\s*$/u;
