/**
 * Glyph boundaries in text runs, for glyphs that stand for several characters.
 *
 * A font may draw several characters with one glyph and map it to all of them: Arabic fonts
 * draw lam followed by alef as one lam-alef ligature, mapped to "لا" in logical order. pdfjs
 * joins a run's glyph texts in the order they are drawn (left to right) and reverses the
 * result character by character to read a right-to-left run, which turns that "لا" into "ال"
 * ("الالتزام" comes out "االلتزام", "أولا" as "أوال"; pdftotext does the same). Its text items
 * keep no glyph boundaries, but the operator list holds every glyph drawn with its text, in
 * the same order: matching a run's visual text against it recovers the glyphs, and the line
 * reader then moves each glyph's characters as one.
 */
import { OPS } from "./pdf-engine.js";
import { type PlacedText, visualOrder } from "./pdf-lines.js";

/** How far past the last matched glyph a run's first glyph is looked for (runs pdfjs reorders its own way do not match and are skipped). */
const RUN_START_SEARCH = 2000;
/** Glyphs inside a run that pdfjs may leave out of its text (drawn outside the page). */
const MAX_GLYPHS_LEFT_OUT = 4;

const INVISIBLE = /[\s\p{Cf}]/gu;

/**
 * The text of every glyph a page draws, in drawing order, from its operator list (pdfjs turns
 * every text-showing operator into showText, whose first argument lists the glyphs, with
 * numbers for position adjustments between them). Glyphs without visible text are left out.
 */
export function drawnGlyphTexts(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>): string[] {
  const texts: string[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== OPS.showText) continue;
    const args = argsArray[i];
    const glyphs: unknown = Array.isArray(args) ? args[0] : undefined;
    if (!Array.isArray(glyphs)) continue;
    for (const glyph of glyphs as unknown[]) {
      if (typeof glyph !== "object" || glyph === null || !("unicode" in glyph) || typeof glyph.unicode !== "string") continue;
      const text = glyph.unicode.replace(INVISIBLE, "");
      if (text.length > 0) texts.push(text);
    }
  }
  return texts;
}

const codePoints = (s: string): number => Array.from(s).length;

/**
 * The runs, those with a glyph standing for several characters given their glyphs
 * (`PlacedText.glyphs`). Runs come in pdfjs's order, which is drawing order, so each is
 * looked for after the previous one; a run that cannot be matched keeps its characters.
 */
export function withGlyphs(runs: PlacedText[], drawn: string[]): PlacedText[] {
  // Most pages have no such glyph: nothing to match.
  if (!drawn.some((text) => codePoints(text) > 1)) return runs;
  let next = 0;
  return runs.map((run) => {
    const match = matchRun(Array.from(visualOrder(run)), drawn, next);
    if (!match) return run;
    next = match.next;
    return match.glyphs.some((glyph) => codePoints(glyph) > 1) ? { ...run, glyphs: match.glyphs } : run;
  });
}

/** The run's visual characters grouped by the glyphs drawn from `from` on, spaces (which pdfjs adds from gaps) as themselves. */
function matchRun(visual: string[], drawn: string[], from: number): { glyphs: string[]; next: number } | undefined {
  const firstLetter = visual.findIndex((c) => !/\s/u.test(c));
  if (firstLetter < 0) return undefined;
  const last = Math.min(drawn.length, from + RUN_START_SEARCH);
  for (let start = from; start < last; start++) {
    if (!matchesAt(visual, firstLetter, drawn[start])) continue;
    const match = matchFrom(visual, drawn, start);
    if (match) return match;
  }
  return undefined;
}

function matchesAt(visual: string[], at: number, glyph: string): boolean {
  let i = at;
  for (const c of glyph) if (visual[i++] !== c) return false;
  return true;
}

function matchFrom(visual: string[], drawn: string[], start: number): { glyphs: string[]; next: number } | undefined {
  const glyphs: string[] = [];
  let g = start;
  let leftOut = 0;
  for (let i = 0; i < visual.length; ) {
    if (/\s/u.test(visual[i])) {
      glyphs.push(visual[i++]);
      continue;
    }
    while (g < drawn.length && !matchesAt(visual, i, drawn[g])) {
      if (++leftOut > MAX_GLYPHS_LEFT_OUT) return undefined;
      g++;
    }
    if (g >= drawn.length) return undefined;
    glyphs.push(drawn[g]);
    i += codePoints(drawn[g]);
    g++;
  }
  return { glyphs, next: g };
}
