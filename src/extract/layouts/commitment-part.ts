/**
 * Layout: the part of the minutes that reviews the commitments ("2. Update on commitments", "## État
 * d'avancement des engagements", "**التعهدات**"), each commitment under a numbered sub-title of its
 * own ("2.1 Open budgets", "**3. Beneficial ownership**", "### 4 – Access to information") followed by
 * prose, bullets or label lines. No commitment word is needed: the part's title names commitments,
 * and a sub-title is numbered below the part (restarting, or dotted under its number), never as the
 * part's next sibling ("3. Website" after "2. Update on commitments" is the next part).
 */
import { wordCount, type Block } from "../blocks.js";
import { COMMITMENT_PLURAL } from "../lexicon/index.js";
import { firstMatch } from "../match.js";
import { cleanTitle, firstWords, toSourceRef } from "../text-helpers.js";
import { normalItemNumber } from "../../text/item-numbers.js";
import type { FlowLayout } from "./types.js";

/** Titles are short; a sub-title may carry a short title after its number. */
const TITLE_WORDS = 15;
/** "2.1 Open budgets", "3. Open budgets", "(4) …", "A-2: …", "M4 – …": a number, a separator (optional after a dotted one), the title. */
const NUMBERED_TITLE = /^\(?(?<number>\d{1,3}(?:\.\d{1,3}){0,2}|[A-Za-z]{1,2}-?\d{1,3})\)?(?:\s*[.)\-–—:]\s*|\s+(?=\S))(?<title>\S.*)$/su;

interface Part {
  /** Heading depth of the part's title, or 0 when it is a paragraph (bold or numbered). */
  depth: number;
  /** The part's own number ("2" of "2. Update on commitments"), when it has one. */
  number: string | null;
}

const titleLike = (b: Block): boolean =>
  b.cell === null && wordCount(b.ft.text) <= TITLE_WORDS && !/[.;:,،؛]\s*$/u.test(b.ft.text) && (b.kind === "heading" || b.emphasized || b.depth <= 1);

function numbered(b: Block): { number: string; title: string } | null {
  const m = NUMBERED_TITLE.exec(b.ft.text.split("\n")[0]);
  const number = m?.groups ? normalItemNumber(m.groups.number) : null;
  if (number === null && b.kind === "item" && b.itemNumber !== null && b.depth <= 1) {
    return { number: (b.label !== null ? normalItemNumber(b.label) : null) ?? String(b.itemNumber), title: cleanTitle(b.ft.text) };
  }
  return number !== null && m?.groups ? { number, title: cleanTitle(m.groups.title) } : null;
}

/** A sub-title's number is below the part's: dotted under it ("2.1" in part 2), or counting on its own (not the part's next sibling). */
function below(part: Part, number: string): boolean {
  if (part.number === null) return true;
  // "5.0 PROGRESS REPORT" numbers part 5 as a whole, as the decimal-numbered minutes of English-speaking Africa write it: "6.0" is its next sibling.
  const [partWhole, whole] = [part.number, number].map((n) => n.replace(/\.0$/u, ""));
  if (whole.startsWith(`${partWhole}.`)) return true;
  return !/^\d+$/u.test(whole) || Number(whole) !== Number(partWhole) + 1;
}

export const commitmentPart: FlowLayout = {
  name: "commitment-part",
  reader(flow, { builder, section }) {
    let part: Part | null = null;
    return {
      interrupt(k) {
        const block = flow[k];
        if (!titleLike(block)) return null;
        const own = numbered(block);
        // A title naming commitments opens the part; a title at the part's level or above ends it.
        if (firstMatch(COMMITMENT_PLURAL, block.ft.folded) && wordCount(block.ft.text) <= 12) {
          part = { depth: block.kind === "heading" ? block.depth : 0, number: own?.number ?? null };
          return null;
        }
        if (!part) return null;
        if (block.kind === "heading" && part.depth > 0 && block.depth <= part.depth) {
          part = null;
          return null;
        }
        if (!own || !below(part, own.number)) {
          if (own || (block.kind === "heading" && part.depth === 0)) part = null;
          return null;
        }
        // A sub-title is set apart from prose: a heading, bold, or a numbered line of its own.
        if (block.kind !== "heading" && !block.emphasized && !(own.title && wordCount(own.title) <= TITLE_WORDS && block.kind === "paragraph")) return null;
        const draft = builder.open(own.number, own.title, toSourceRef(builder.file, block.source, firstWords(block.ft.text, 12)), section());
        builder.claim(block, draft);
        return { draft, start: block };
      },
    };
  },
};
