/**
 * Text lines in logical order from positioned PDF text items.
 *
 * A PDF text layer is a set of glyph runs placed on the page, in whatever order
 * the producer wrote them. Reading runs in stream order is what reverses Arabic
 * words, moves a split lam-alef to the wrong end of the line and puts
 * punctuation on the wrong side of numbers. Positions do not lie: we group runs
 * by baseline, lay each line out left to right as it is seen, and let the
 * Unicode bidirectional algorithm turn that visual order back into logical order.
 */
import bidiModule, { type Bidi } from "bidi-js";

/** A run of text placed on the page (one pdfjs text item). */
export interface PlacedText {
  str: string;
  /** Left edge, baseline, width: PDF user space, y upwards. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  /** pdfjs's guess at the run's direction. */
  rtl: boolean;
  /** Set in a font whose name says bold. */
  bold?: boolean;
  /**
   * The run's text in visual order (as `visualOrder` gives it), cut into glyphs, when a glyph
   * stands for several characters (a lam-alef ligature's "لا"): such a glyph's characters are
   * already in logical order and must move as one when the line is reordered.
   */
  glyphs?: string[];
  /** Recognised by OCR, with the engine's confidence (0-100). */
  confidence?: number;
}

export interface TextLine {
  /** Logical-order text, not yet normalized. */
  text: string;
  left: number;
  right: number;
  /** Baseline. */
  y: number;
  /** The font size most of the line is set in. */
  size: number;
  rtl: boolean;
  /** Every run of the line with a letter in it is bold. */
  bold: boolean;
  /** Recognised by OCR: the engine's mean confidence over the line's runs (0-100). */
  confidence?: number;
  /** Footnote marks set as small raised text (the "1" of "commitment 9¹"), in reading order, kept out of `text`. */
  noteMarks?: string[];
}

// bidi-js is CommonJS with ESM-style typings: at runtime the default import is the factory itself, TypeScript sees a namespace.
const bidiFactory = (typeof bidiModule === "function" ? bidiModule : bidiModule.default) as () => Bidi;
const bidi = bidiFactory();

/** Runs whose baselines differ by less than this fraction of the font size share a line. */
const SAME_BASELINE = 0.35;
/** A horizontal gap wider than this fraction of the font size separates words. */
const WORD_GAP = 0.18;

/** A line with fewer letters than this (a name, an acronym, a number) takes its direction from its context. */
const MIN_LETTERS_FOR_DIRECTION = 12;

const RTL_LETTER = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]$/u;
const LETTER = /^\p{L}$/u;
const LETTER_TEST = /\p{L}/u;
const LAST_LETTER = /\p{L}(?=[^\p{L}]*$)/u;

const enum CharClass {
  Unknown = 0,
  NotLetter = 1,
  Letter = 2,
  RtlLetter = 3,
}
function classify(char: string): CharClass {
  if (!LETTER.test(char)) return CharClass.NotLetter;
  return RTL_LETTER.test(char) ? CharClass.RtlLetter : CharClass.Letter;
}
/**
 * Class of each UTF-16 code unit, filled in as characters are met: every line of every page
 * is counted, and a regular expression per character was 4 % of the reader's time.
 */
const CLASS_OF_CODE_UNIT = new Uint8Array(0x10000);

function codeUnitClass(s: string, index: number): CharClass {
  const code = s.charCodeAt(index);
  let kind = CLASS_OF_CODE_UNIT[code] as CharClass;
  if (kind === CharClass.Unknown) kind = CLASS_OF_CODE_UNIT[code] = classify(s[index]);
  return kind;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** The class of one character (a code point). */
function charClass(char: string): CharClass {
  if (char.length === 1) return codeUnitClass(char, 0);
  return char.length === 2 && isHighSurrogate(char.charCodeAt(0)) ? classify(char) : CharClass.NotLetter;
}

/** The class of the leftmost letter of a line's visual characters (glyphs); undefined when it has none. */
function firstLetterClass(visual: readonly string[]): CharClass | undefined {
  for (const glyph of visual) {
    for (const char of glyph) {
      const kind = charClass(char);
      if (kind >= CharClass.Letter) return kind;
    }
  }
  return undefined;
}

/** The class of the rightmost letter of a line's visual characters (glyphs); undefined when it has none. */
function lastLetterClass(visual: readonly string[]): CharClass | undefined {
  for (let index = visual.length - 1; index >= 0; index--) {
    const chars = Array.from(visual[index]);
    for (let at = chars.length - 1; at >= 0; at--) {
      const kind = charClass(chars[at]);
      if (kind >= CharClass.Letter) return kind;
    }
  }
  return undefined;
}

/** How many letters a text has, and how many of them are from right-to-left scripts. */
function letterCounts(s: string): { letters: number; rtl: number } {
  let letters = 0;
  let rtl = 0;
  for (let index = 0; index < s.length; index++) {
    let kind: CharClass;
    if (isHighSurrogate(s.charCodeAt(index)) && index + 1 < s.length) {
      kind = classify(s.slice(index, index + 2));
      index++;
    } else {
      kind = codeUnitClass(s, index);
    }
    if (kind >= CharClass.Letter) letters++;
    if (kind === CharClass.RtlLetter) rtl++;
  }
  return { letters, rtl };
}

/** Direction of a text by its letters: right-to-left when most letters are from RTL scripts; undefined when it has no letters. */
export function letterDirection(s: string): "rtl" | "ltr" | undefined {
  return directionOf(letterCounts(s));
}

function directionOf({ letters, rtl }: { letters: number; rtl: number }): "rtl" | "ltr" | undefined {
  if (letters === 0) return undefined;
  return rtl * 2 > letters ? "rtl" : "ltr";
}

/**
 * Group runs into lines (top to bottom) and put each line in logical order.
 * A line's direction: the container's (`defaultRtl`: the document's, or its table's) when the
 * line opens with one of its letters on the container's reading side, as a line of a paragraph
 * in the container's language does however many foreign words it quotes ("مشاركة تونس في Open
 * Government Partnership Global Summit" is right to left in Arabic minutes; "Intervention de
 * M. محمد بن سالم" left to right in French ones). Otherwise the direction of most of its
 * letters; and a line with few letters (a number, a name, an acronym) takes the direction of
 * the line above it.
 */
export function buildLines(runs: PlacedText[], defaultRtl: boolean): TextLine[] {
  // Whitespace runs are dropped: LibreOffice lays some over whole words; spaces come back from the gaps between runs.
  const visible = runs.filter((r) => r.str.trim().length > 0);
  const lineY = noteMarkHosts(visible);
  const yOf = (run: PlacedText): number => lineY.get(run) ?? run.y;
  const sorted = visible.sort((a, b) => yOf(b) - yOf(a) || a.x - b.x);
  const groups: PlacedText[][] = [];
  let current: PlacedText[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(baseline - yOf(run)) <= SAME_BASELINE * Math.max(size, run.size)) {
      current.push(run);
      size = Math.max(size, run.size);
    } else {
      if (current.length > 0) groups.push(current);
      current = [run];
      baseline = yOf(run);
      size = run.size;
    }
  }
  if (current.length > 0) groups.push(current);
  const lines: TextLine[] = [];
  // A short line takes the direction of the line above ("PAGOF2." ending an Arabic paragraph is right to left).
  let contextRtl = defaultRtl;
  let contextLetter = "";
  for (const group of groups) {
    const line = orderLine(group, defaultRtl, contextRtl, contextLetter);
    if (line.text.trim().length > 0) {
      lines.push(line);
      contextRtl = line.rtl;
      contextLetter = LAST_LETTER.exec(line.text)?.[0] ?? contextLetter;
    }
  }
  return lines;
}

/** Part of a visual line: a run, or runs laid over a run (a quote, a mark drawn by itself). */
interface Segment {
  x: number;
  end: number;
  /** Characters in visual order; a glyph standing for several characters is one entry. */
  chars: string[];
  spaceBefore: boolean;
}

/**
 * A run's text in the order it is seen, left to right. pdfjs reorders an RTL run with the
 * bidi algorithm; reordering it again restores the order it is seen in (a plain reversal
 * would flip the digits of "٤٠", which stay left to right).
 */
export function visualOrder(run: Pick<PlacedText, "str" | "rtl">): string {
  if (!run.rtl) return run.str;
  return isSingleLevelRtl(run.str) ? reverse(run.str) : reorder(run.str, true);
}

/** A footnote mark sits at most this fraction of its line's size above the line's baseline (LibreOffice raises it 0.39). */
const NOTE_MARK_MAX_RISE = 0.6;

/**
 * The baseline of the line each footnote mark belongs to, for marks raised so high that their
 * own baseline would start a line of their own above (a lone "1" over "reported that 60").
 */
function noteMarkHosts(runs: readonly PlacedText[]): Map<PlacedText, number> {
  const hosts = new Map<PlacedText, number>();
  for (const mark of runs) {
    if (!NOTE_MARK_TEXT.test(mark.str.trim())) continue;
    for (const host of runs) {
      const rise = mark.y - host.y;
      if (
        host !== mark &&
        mark.size <= NOTE_MARK_MAX_SIZE * host.size &&
        rise >= NOTE_MARK_MIN_RISE * host.size &&
        rise <= NOTE_MARK_MAX_RISE * host.size &&
        Math.min(Math.abs(mark.x - (host.x + host.width)), Math.abs(host.x - (mark.x + mark.width))) <= NOTE_MARK_MAX_GAP * host.size
      ) {
        hosts.set(mark, host.y);
        break;
      }
    }
  }
  return hosts;
}

/** What a footnote mark says: one to three digits, or the reference signs. */
const NOTE_MARK_TEXT = /^(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3})$/u;
/** A note mark is set at most this fraction of the line's size ... */
const NOTE_MARK_MAX_SIZE = 0.8;
/** ... with its baseline raised by at least this fraction of it ... */
const NOTE_MARK_MIN_RISE = 0.2;
/** ... and touches the text it marks: no wider gap than this fraction of the line's size. */
const NOTE_MARK_MAX_GAP = 0.3;

/**
 * A line's footnote marks: runs of digits or reference signs set small and raised, right
 * beside other text. Read as part of the line they glue to the number they follow
 * ("commitment 9" with note 1 reads "91"); so they are taken out and kept apart. Letters set
 * so (the "er" of a French "1er") stay in the text.
 */
function takeNoteMarks(runs: PlacedText[]): PlacedText[] {
  if (runs.length < 2) return [];
  const size = dominantSize(runs);
  const body = runs.filter((run) => run.size === size);
  const baseline = body.reduce((sum, run) => sum + run.y, 0) / body.length;
  return runs.filter(
    (run) =>
      NOTE_MARK_TEXT.test(run.str.trim()) &&
      run.size <= NOTE_MARK_MAX_SIZE * size &&
      run.y - baseline >= NOTE_MARK_MIN_RISE * size &&
      body.some((other) => Math.min(Math.abs(run.x - (other.x + other.width)), Math.abs(other.x - (run.x + run.width))) <= NOTE_MARK_MAX_GAP * size),
  );
}

/** Lay a line's runs out left to right in visual order, then reorder it logically with the bidi algorithm. */
/**
 * A Latin letter or a symbol between two Arabic letters: a glyph the font maps to no text (a
 * ligature's or a connection's piece), which pdfjs reads as its character code's Latin-1
 * character ("الإل&كتروني", "إلÖكترونية"). No word of Arabic script holds one.
 */
const UNMAPPED_IN_WORD = /(?<=\p{L})(?<=\p{Script=Arabic})[\p{Script=Latin}\p{S}&#@*](?=\p{L})(?=\p{Script=Arabic})/gu;

function orderLine(allRuns: PlacedText[], containerRtl: boolean, contextRtl: boolean, contextLetter: string): TextLine {
  allRuns.sort((a, b) => a.x - b.x);
  const noteMarks = takeNoteMarks(allRuns);
  const runs = noteMarks.length > 0 ? allRuns.filter((run) => !noteMarks.includes(run)) : allRuns;
  const segments: Segment[] = [];
  let logicalGuess = "";
  const marks: PlacedText[] = [];
  for (const run of runs) {
    logicalGuess += run.str;
    if (MARKS_ONLY.test(run.str)) {
      marks.push(run);
      continue;
    }
    const chars = run.glyphs ? [...run.glyphs] : Array.from(visualOrder(run));
    const host = segments.at(-1);
    const center = run.x + run.width / 2;
    if (host && center < host.end - 0.5 && host.end - host.x > run.width * 2) {
      insertInto(host, chars, center);
      continue;
    }
    // A note mark taken out between two runs is no space between them: the gap is measured from the mark's end.
    const gapStart = host === undefined ? 0 : noteMarks.reduce((end, mark) => (mark.x >= end - 1 && mark.x < run.x ? Math.max(end, mark.x + mark.width) : end), host.end);
    const spaceBefore = host !== undefined && run.x - gapStart > WORD_GAP * run.size;
    segments.push({ x: run.x, end: run.x + run.width, chars, spaceBefore });
  }
  for (const mark of marks) placeMark(segments, mark);
  const visual: string[] = [];
  for (const segment of segments) {
    if (segment.spaceBefore && visual.at(-1) !== " ") visual.push(" ");
    visual.push(...segment.chars);
  }
  const visualText = visual.join("");
  const counts = letterCounts(logicalGuess);
  const readingSideLetter = containerRtl ? lastLetterClass(visual) : firstLetterClass(visual);
  const opensInContainerDirection = readingSideLetter === (containerRtl ? CharClass.RtlLetter : CharClass.Letter);
  const direction =
    opensInContainerDirection ? (containerRtl ? "rtl" : "ltr")
    : counts.letters >= MIN_LETTERS_FOR_DIRECTION ? directionOf(counts)
    : undefined;
  const rtl = direction === undefined ? contextRtl : direction === "rtl";
  const text = rtl || /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(visualText) ? visualToLogical(visual, rtl, contextLetter).replace(UNMAPPED_IN_WORD, "") : visualText;
  const confidence = meanConfidence(runs);
  const line: TextLine = {
    ...(confidence === undefined ? {} : { confidence }),
    text,
    left: runs[0].x,
    right: Math.max(...segments.map((s) => s.end)),
    y: runs.reduce((sum, r) => sum + r.y, 0) / runs.length,
    size: dominantSize(runs),
    rtl,
    // Punctuation may come from a fallback font: letters decide.
    bold: runs.every((run) => run.bold === true || !LETTER_TEST.test(run.str)),
  };
  if (noteMarks.length > 0) line.noteMarks = (rtl ? [...noteMarks].reverse() : noteMarks).map((run) => run.str.trim());
  return line;
}

/** The mean OCR confidence of the runs that have one, weighted by length; undefined for a text layer's runs. */
export function meanConfidence(items: ReadonlyArray<{ str?: string; text?: string; confidence?: number }>): number | undefined {
  let weighted = 0;
  let length = 0;
  for (const item of items) {
    if (item.confidence === undefined) continue;
    const n = Math.max(1, (item.str ?? item.text ?? "").length);
    weighted += item.confidence * n;
    length += n;
  }
  return length > 0 ? Math.round(weighted / length) : undefined;
}

/** The size most of the line's characters are set in: a bullet or a percent sign from a fallback font may be larger. */
function dominantSize(runs: PlacedText[]): number {
  const chars = new Map<number, number>();
  for (const run of runs) chars.set(run.size, (chars.get(run.size) ?? 0) + run.str.length);
  let best = runs[0].size;
  for (const [size, count] of chars) if (count > (chars.get(best) ?? 0)) best = size;
  return best;
}

const MARKS_ONLY = /^\p{M}+$/u;

/**
 * Put a run drawn over another one (LibreOffice draws quotes in another font and some marks
 * by themselves, inside the span of the surrounding run) where it shows. Glyph positions are
 * not known, so the place is estimated from the run's width, counting characters (a ligature
 * standing for two is about as wide as two): a mark goes to the nearest word end, anything
 * else to the nearest word boundary.
 */
function insertInto(host: Segment, chars: string[], center: number): void {
  const n = host.chars.length;
  // Characters before each entry of host.chars, and in all.
  const offsets = [0];
  let total = 0;
  for (const glyph of host.chars) offsets.push((total += Array.from(glyph).length));
  const charWidth = (host.end - host.x) / Math.max(1, total);
  const estimate = Math.round((center - host.x) / charWidth);
  const nearest = (i: number, j: number) => Math.abs(offsets[i] - estimate) < Math.abs(offsets[j] - estimate);
  const isSpace = (i: number) => i < 0 || i >= n || host.chars[i] === " ";
  let index = 0;
  for (let i = 1; i <= n; i++) if (nearest(i, index)) index = i;
  if (MARKS_ONLY.test(chars.join(""))) {
    // A mark sits on a letter; at a word's visual left edge it belongs to that edge letter.
    for (const candidate of [index, index - 1, index + 1]) {
      if (candidate >= 0 && candidate < n && !isSpace(candidate) && isSpace(candidate - 1)) {
        index = candidate;
        break;
      }
    }
  } else {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (host.chars[i] === " " && (best < 0 || nearest(i, best))) best = i;
    }
    if (best >= 0) index = center < host.x + (offsets[best] + 0.5) * charWidth ? best : best + 1;
  }
  host.chars.splice(index, 0, ...chars);
}

/**
 * Put a run of combining marks drawn by itself (LibreOffice draws some tanween this way, as a
 * zero-width run) on its base letter. Inside a word's span it goes where it shows. Next to a
 * word it belongs to the letter at that edge, which must be the word's last letter: the
 * visual left edge of a right-to-left word, the right edge of a left-to-right one. A mark must
 * not stay beside a neighbouring colon or digit, where the bidi reordering would carry it off.
 */
function placeMark(segments: Segment[], mark: PlacedText): void {
  const center = mark.x + mark.width / 2;
  const inside = segments.find((s) => center > s.x + 0.5 && center < s.end - 0.5 && s.chars.some((c) => LETTER_TEST.test(c)));
  if (inside) {
    insertInto(inside, Array.from(mark.str), center);
    return;
  }
  let best: { segment: Segment; atStart: boolean; distance: number } | undefined;
  for (const segment of segments) {
    // The mark follows the edge glyph's characters; with a ligature, its last letter is the one it sits on.
    const first = lastCharOf(segment.chars[0] ?? "");
    const last = lastCharOf(segment.chars.at(-1) ?? "");
    if (charClass(first) === CharClass.RtlLetter) {
      const distance = Math.abs(segment.x - center);
      if (!best || distance < best.distance) best = { segment, atStart: true, distance };
    }
    if (charClass(last) === CharClass.Letter) {
      const distance = Math.abs(center - segment.end);
      if (!best || distance < best.distance) best = { segment, atStart: false, distance };
    }
  }
  if (best && best.distance <= mark.size) {
    if (best.atStart) {
      best.segment.chars.unshift(...Array.from(mark.str));
      best.segment.x = Math.min(best.segment.x, mark.x);
    } else {
      best.segment.chars.push(...Array.from(mark.str));
    }
    return;
  }
  // No letter near: keep the mark where it is drawn, as its own segment.
  const index = segments.findIndex((s) => s.x > mark.x);
  const segment: Segment = { x: mark.x, end: mark.x + mark.width, chars: Array.from(mark.str), spaceBefore: false };
  segments.splice(index < 0 ? segments.length : index, 0, segment);
}

/**
 * Bidi classes that all end at level 1 in right-to-left text holding nothing else: with no
 * number, the weak types become neutrals (rules W4-W7 act only next to numbers), and with no
 * left-to-right letter every neutral takes the right-to-left level (N1-N2). Such a run or line,
 * most Arabic prose, is one level: reordering it is a plain reversal, without the bidi algorithm.
 */
const ONE_LEVEL_IN_RTL = new Set(["R", "AL", "NSM", "WS", "ON", "CS", "ES", "ET", "S", "B"]);

/** Whether right-to-left text (a string, or a line's glyphs) is all at one level. */
function isSingleLevelRtl(chars: Iterable<string>): boolean {
  for (const glyph of chars) {
    for (const char of glyph) if (!ONE_LEVEL_IN_RTL.has(bidi.getBidiCharTypeName(char))) return false;
  }
  return true;
}

function lastCharOf(glyph: string): string {
  return Array.from(glyph).at(-1) ?? "";
}

function reverse(s: string): string {
  return Array.from(s).reverse().join("");
}

/** Apply rule L2 to a string whose levels are resolved as if it were logical text: the bidi reordering pdfjs applied to a run. */
function reorder(s: string, rtl: boolean): string {
  const chars = Array.from(s);
  return applyLevels(chars, resolveLevels(chars, rtl)).join("");
}

function resolveLevels(chars: string[], rtl: boolean): number[] {
  // bidi-js resolves UTF-16 units; each code point takes the level of its first unit.
  const { levels } = bidi.getEmbeddingLevels(chars.join(""), rtl ? "rtl" : "ltr");
  const result: number[] = [];
  let unit = 0;
  for (const ch of chars) {
    result.push(levels[unit]);
    unit += ch.length;
  }
  return result;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above. */
function applyLevels(chars: string[], levels: number[]): string[] {
  const out = [...chars];
  const lv = [...levels];
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const level of lv) {
    highest = Math.max(highest, level);
    if (level % 2 === 1) lowestOdd = Math.min(lowestOdd, level);
  }
  const n = out.length;
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < n; ) {
      if (lv[i] < level) {
        i++;
        continue;
      }
      let end = i;
      while (end + 1 < n && lv[end + 1] >= level) end++;
      reverseRange(out, i, end);
      reverseRange(lv, i, end);
      i = end + 1;
    }
  }
  return out;
}

/**
 * Visual to logical order. Reordering (rule L2: reverse every run at level k or above, for
 * each k from the highest down) is its own inverse once each character keeps its level, so
 * the work is finding the levels the producer used. They must be resolved in logical context:
 * a number after Arabic letters is an Arabic number (rule W2), so "2021-2023" after Arabic is
 * two numbers either side of a neutral dash, shown "2023-2021". For a right-to-left line the
 * reversed visual string is that context (its RTL runs read logically), so levels are resolved
 * on it and mapped back. Mirrored brackets are left alone: a PDF text layer already maps a
 * mirrored glyph to its logical character. `chars` are the line's visual characters, a glyph
 * standing for several characters as one entry, so that it keeps its characters' logical order.
 */
function visualToLogical(chars: string[], rtl: boolean, context: string): string {
  if (rtl && isSingleLevelRtl(chars)) return [...chars].reverse().join("");
  const n = chars.length;
  // Resolve levels on the logical-context string: the context character (the last letter of the
  // line above) first, as W2 looks back across the line break; then drop its level.
  const pseudoLogical = [...(context ? [context] : []), ...(rtl ? [...chars].reverse() : chars)];
  const levels = resolveLevels(pseudoLogical, rtl).slice(context ? 1 : 0);
  const visualLevels = chars.map((_, i) => levels[rtl ? n - 1 - i : i]);
  return applyLevels(chars, visualLevels).join("");
}

function reverseRange<T>(values: T[], from: number, to: number): void {
  for (let a = from, b = to; a < b; a++, b--) [values[a], values[b]] = [values[b], values[a]];
}
