/** Where a commitment read from the running text ends: the titles of the minutes' own parts. */
import { wordCount, type Block } from "../blocks.js";
import { hasLabel } from "../labels.js";
import { SECTION_MARKER } from "../lexicon/index.js";
import { findPercents } from "../percents.js";
import { bestStatus } from "../text-helpers.js";
import { romanValue } from "../../text/item-numbers.js";
import { LABEL_WORDS } from "./status-sections.js";

const NUMBERED_SECTION = /^\d{1,2}\s*[.)-]\s+\S/u;
/**
 * "III. PRÉPARATION DE LA SEMAINE …", "IV - Divers": the minutes number their own parts in upper-case
 * Roman numerals; a commitment's items and a person's initial ("I. Traoré") are not written so before a title.
 */
const ROMAN_SECTION = /^(?<roman>[IVXLC]{1,6})\s*[.)-]\s+\S/u;

function romanSection(text: string): boolean {
  const m = ROMAN_SECTION.exec(text);
  return m !== null && romanValue(m.groups!.roman) !== null;
}

/** The number a block opens with ("2. Rapport …"), else null. */
export function leadingNumber(block: Block): number | null {
  const m = /^(\d{1,2})\s*[.)-]\s+\S/u.exec(block.ft.text);
  return m ? Number(m[1]) : null;
}

/** The number a block shows: in its text, or given by its top-level list ("3. Any other business" as a list item). */
export function shownNumber(block: Block): number | null {
  return leadingNumber(block) ?? (block.kind === "item" && block.depth <= 1 ? block.itemNumber : null);
}

/** A title of the minutes' own parts, not of a commitment: "2. Rapport …" (short, no final stop), "ثانيا: …". */
function isPartTitle(block: Block): boolean {
  if (block.cell !== null || block.depth > 1) return false;
  if (SECTION_MARKER.test(block.ft.folded)) return true;
  const short = wordCount(block.ft.text) <= LABEL_WORDS && !/[.;:،؛,]\s*$/u.test(block.ft.text);
  return short && (NUMBERED_SECTION.test(block.ft.text) || romanSection(block.ft.text));
}

/** A block that ends a commitment's section: a heading of its level or above, or a title of the minutes' parts. */
export function isSectionBreak(block: Block, start: Block): boolean {
  if (block.kind === "heading") return start.kind !== "heading" || block.depth <= start.depth;
  if (isPartTitle(block)) return true;
  // Under a commitment opened by a paragraph, bold or plain ("Dr X said that work on commitment 3 …"), the next bold
  // title that opens no commitment is the next part of the minutes ("**Point 3 : Préparation du rapport …**",
  // "**Item 4 – OGP regional meeting**"), however long; a bold intro to a list ("**Activités :**") is not.
  if (start.kind === "paragraph" && isBoldTitle(block)) return true;
  // A short line that is neither a sentence, a label nor a status ("Other matters") is the next part's
  // title, whatever formatting the reader kept; a bold one under a heading is the commitment's own sub-heading.
  return isTitleLine(block) && !(start.kind === "heading" && block.emphasized);
}

/**
 * "Lead: Ministry of Finance", "Point focal : DGCL", "الجهة المسؤولة: وزارة المالية": a field of the
 * commitment under a label of one or two words without a number, whatever the label says. A part
 * title numbered before its colon ("Item 5: Other business") is not one.
 */
const FIELD_LINE = /^[\p{L}\p{M}'’-]+(?:\s+[\p{L}\p{M}'’-]+)?\s*[:：]\s*\S/u;

/** Words a bold title may run to. */
const TITLE_WORDS = 15;

function isBoldTitle(block: Block): boolean {
  return (
    block.kind === "paragraph" &&
    block.emphasized &&
    block.cell === null &&
    wordCount(block.ft.text) <= TITLE_WORDS &&
    !/[.;:,،؛!?؟]\s*$/u.test(block.ft.text) &&
    !hasLabel(block.ft) &&
    bestStatus(block.ft) === null
  );
}

function isTitleLine(block: Block): boolean {
  return (
    block.kind === "paragraph" &&
    block.cell === null &&
    wordCount(block.ft.text) <= 6 &&
    !/[.;:,،؛!?؟)%]\s*$/u.test(block.ft.text) &&
    !FIELD_LINE.test(block.ft.text) &&
    !hasLabel(block.ft) &&
    bestStatus(block.ft) === null &&
    findPercents(block.ft.text).length === 0
  );
}
