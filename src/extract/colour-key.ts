/**
 * Status given as colour: a status cell that is shaded red, amber or green, or says so in words
 * ("Amber", "Vert", "أخضر"), read through the document's own key when it gives one ("Green: on
 * track", "Rouge = non démarré", a two-column legend table), else through DEFAULT_COLOUR_STATUS.
 */
import type { Status } from "../model/meeting.js";
import type { Block, CellModel } from "./blocks.js";
import { statusOfFill } from "./colour-status.js";
import { COLOUR_WORDS, type Colour } from "./lexicon/index.js";
import { foldWithMap, type FoldedText } from "./match.js";
import { bestStatus } from "./text-helpers.js";

/**
 * Without a key, a traffic light says the item is open and being followed, not how far it got: on
 * track (green), at risk (amber) or off track (red) are all work in progress; blue, where a scale has
 * it (BRAG), is done. The colour itself is kept on the record.
 */
export const DEFAULT_COLOUR_STATUS: Readonly<Record<Colour, Status>> = { green: "in_progress", amber: "in_progress", red: "in_progress", blue: "completed" };

export type ColourKey = ReadonlyMap<Colour, { status: Status; label: string }>;

/** "Green: on track", "Vert = réalisé", "أحمر - لم ينطلق": a colour word, a separator, its meaning (folded text). */
const KEY_ENTRY = new RegExp(`(?<entry>${COLOUR_WORDS.regex.source})\\s*[:=：–—-]\\s*(?<meaning>[^;,،؛\\n]+)`, "gu");

function colourWord(text: string): Colour | null {
  const ft = foldWithMap(text.trim());
  const m = new RegExp(`^(?:${COLOUR_WORDS.regex.source})$`, "u").exec(ft.folded);
  return m ? (COLOUR_WORDS.valueOf(m.groups?.phrase ?? "") ?? null) : null;
}

function meaningOf(text: string): { status: Status; label: string } | null {
  const hit = bestStatus(foldWithMap(text));
  return hit && hit.status !== "unknown" ? { status: hit.status, label: text.trim() } : null;
}

/** The key the document gives, from legend lines ("Green: on track") and legend rows (a colour cell, then its meaning). */
export function colourKey(blocks: readonly Block[], rows: readonly (readonly CellModel[])[]): ColourKey {
  const key = new Map<Colour, { status: Status; label: string }>();
  const add = (colour: Colour | null, meaning: { status: Status; label: string } | null): void => {
    if (colour && meaning && !key.has(colour)) key.set(colour, meaning);
  };
  for (const b of blocks) {
    if (b.ft.text.length > 400) continue;
    for (const m of b.ft.folded.matchAll(KEY_ENTRY)) {
      const meaningStart = m.index + m[0].length - m.groups!.meaning.length;
      add(COLOUR_WORDS.valueOf(m.groups!.phrase) ?? null, meaningOf(b.ft.text.slice(b.ft.map[meaningStart], b.ft.map[m.index + m[0].length])));
    }
  }
  for (const cells of rows) {
    const filled = cells.filter((c) => c.text.trim() || c.fill);
    if (filled.length !== 2) continue;
    const [swatch, meaning] = filled;
    add(colourWord(swatch.text) ?? (swatch.fill ? statusOfFill(swatch.fill) : null), meaningOf(meaning.text));
  }
  return key;
}

/** The colour a status cell shows: its words ("Amber", "Green – on track") first, else its shading. */
export function colourOfCell(cell: CellModel, first: FoldedText | undefined): Colour | null {
  const word = first ? colourWord(first.text.split(/\s*[:=：–—(-]\s*/u)[0]) : null;
  return word ?? (cell.fill ? statusOfFill(cell.fill) : null);
}
