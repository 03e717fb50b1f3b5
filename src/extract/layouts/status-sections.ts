/**
 * Status sections: a short block naming commitments and a status ("التعهدات المنجزة بصفة كلية (100%)",
 * "Engagements réalisés"), as a table row spanning the table or as a line of the running text;
 * the commitments after it share its status and percent.
 */
import { wordCount } from "../blocks.js";
import { matchCommitmentHeading } from "../item-numbers.js";
import { hasLabel } from "../labels.js";
import { COMMITMENT_PLURAL } from "../lexicon/index.js";
import { firstMatch, type FoldedText } from "../match.js";
import { findPercents } from "../percents.js";
import type { Section } from "../record-builder.js";
import { bestStatus, cleanTitle, openingStatus, type StatusHit } from "../text-helpers.js";

/** Labels and section titles are short: longer blocks are prose. */
export const LABEL_WORDS = 12;

/**
 * A block that is nothing but a status ("Réalisé", "1. Completed (100%)"): the status phrase is most
 * of its letters. A title that merely starts with a status word ("Complete the legal framework") is not.
 */
export function statusOnly(ft: FoldedText): StatusHit | null {
  // "Statut : réalisé" is a label line, read by `absorb`.
  if (wordCount(ft.text) > 6 || matchCommitmentHeading(ft) || hasLabel(ft)) return null;
  const hit = bestStatus(ft);
  if (!hit) return null;
  const letters = (s: string): number => [...s.matchAll(/\p{L}/gu)].length;
  return letters(ft.folded.slice(hit.start, hit.end)) * 2 >= letters(ft.folded) ? hit : null;
}

/** A status that opens a block, a reason after it past a colon or dash: "Not started: blocked on the agreement", "En retard – le décret …". */
export function statusWithReason(ft: FoldedText): StatusHit | null {
  const hit = openingStatus(ft);
  return hit && /^\s*[:：–—-]\s*\S/u.test(ft.folded.slice(hit.end)) ? hit : null;
}

/** A short block naming commitments and a status ("2. التعهدات غير المنجزة", "Engagements réalisés (100 %)"), or a bare status. */
export function sectionOf(ft: FoldedText): Section | null {
  if (wordCount(ft.text) > LABEL_WORDS) return null;
  const hit = bestStatus(ft);
  if (!hit) return null;
  if (!firstMatch(COMMITMENT_PLURAL, ft.folded) && !statusOnly(ft)) return null;
  const percent = findPercents(ft.text)[0];
  const label = cleanTitle(ft.text.replace(/^\s*\d{1,2}\s*[.)-]\s*/u, "").replace(/\(?\s*\d{1,3}(?:[.,]\d+)?\s*\.?\s*%\s*\)?|\(?\s*%\s*\d{1,3}\s*\)?/gu, ""));
  return { status: hit.status, label, progress: percent && percent.value <= 100 ? percent.value : null };
}
