/**
 * Layout: a table with a commitment column (number / commitment / percent / status / notes, columns
 * found by header words), whose single-cell rows may open status sections ("التعهدات المنجزة بصفة كلية (100%)").
 */
import { wordCount, type Block, type TableModel } from "../blocks.js";
import { SENTENCE_END } from "../../text/normalize.js";
import { matchCommitmentHeading } from "../item-numbers.js";
import { CELL_STATUSES, type ColumnRole } from "../lexicon/index.js";
import { colourOfCell, DEFAULT_COLOUR_STATUS } from "../colour-key.js";
import type { Colour } from "../lexicon/index.js";
import { foldWithMap, type FoldedText } from "../match.js";
import { normalItemNumber } from "../../text/item-numbers.js";
import { findPercents, parsePercentValue } from "../percents.js";
import type { Activity, Status } from "../../model/meeting.js";
import type { Draft, Section } from "../record-builder.js";
import { cellNumber, readAcross, sameRowText, tableGrid, tableKind, type ColumnPlan } from "../tables.js";
import { cleanTitle, firstWords, openingStatus, bestStatus, toSourceRef, type StatusHit } from "../text-helpers.js";
import { leadingNumber } from "./boundaries.js";
import { sectionOf } from "./status-sections.js";
import type { LayoutContext, TableLayout } from "./types.js";

/** Where a status label ends: a stop, a colon, or a dash before a note ("Done- Milan is …", "Complete – Rolf …"). */
const LABEL_END = /\s*(?:[:：.،;–—]|\s-(?=\s)|-(?=\s))/u;

/** Where a status cell's note begins: a dash between spaces, a colon, a semicolon. */
const STATUS_NOTE = /\s[–—-]\s|[:：;؛]/u;

/** A text that is a rate and nothing more ("70 %", " 45% "): its value, else null. */
function percentAlone(text: string): number | null {
  const found = findPercents(text.trim());
  return found.length === 1 && found[0].index === 0 && found[0].length === text.trim().length && found[0].value <= 100 ? found[0].value : null;
}

/** The committee's own words for a status that opens a text: up to the first stop, eight words at most. */
function openingLabel(ft: FoldedText, hit: StatusHit): string {
  const from = ft.text.slice(ft.map[hit.start]);
  const end = LABEL_END.exec(from.slice(hit.label.length));
  const head = end ? from.slice(0, hit.label.length + end.index) : from;
  return (wordCount(head) <= 8 ? head : hit.label).trim();
}

/**
 * A status cell's status: the phrase it opens with (label up to the first stop, the rest of the
 * cell a note), or a phrase anywhere in a cell of a few words. Null when the cell states none.
 */
function statusOfCell(blocks: readonly Block[]): { hit: StatusHit; label: string; rest: Block[] } | null {
  const [first, ...others] = blocks;
  if (!first) return null;
  const opening = openingStatus(first.ft);
  if (opening) {
    const label = openingLabel(first.ft, opening);
    const tail = first.ft.text.slice(first.ft.map[opening.start] + label.length).replace(/^[\s:：.،;\-–—]+/u, "");
    const rest = tail ? [{ ...first, ft: foldWithMap(tail) }, ...others] : others;
    return { hit: opening, label, rest };
  }
  const text = blocks.map((b) => b.ft.text).join(" ");
  const hit = wordCount(text) <= 6 ? bestStatus(foldWithMap(text)) : null;
  if (hit) return { hit, label: text.trim(), rest: [] };
  // "Retard", "Retard – 30 %": a word that is a status only as the cell's own, before any note.
  const label = first.ft.text.split(STATUS_NOTE)[0].trim();
  const status = CELL_STATUSES.valueOf(foldWithMap(label).folded);
  if (!status) return null;
  const tail = first.ft.text.slice(first.ft.text.indexOf(label) + label.length).replace(/^[\s:：.،;\-–—]+/u, "");
  return { hit: { status, label, start: 0, end: label.length }, label, rest: tail ? [{ ...first, ft: foldWithMap(tail) }, ...others] : others };
}

/** "3. Open budgets", "2.1 Add the terms of reference", "A-12: …": an item number opening a title. A whole number needs a separator. */
const NUMBERED_TITLE = /^(?:(?<whole>\d{1,4})\s*[.)\-–—:]|(?<dotted>\d+(?:\.\d+){1,3}|[A-Za-z]{1,3}-\d+(?:\.\d+){0,3})\s*[.)\-–—:]?)\s+(?=\S)/u;

/** What a part's status says of the work on it (a milestone "Completed" is done, "Not started" planned). */
const PART_STATE: Record<Status, Activity["state"]> = {
  completed: "done",
  partially_completed: "ongoing",
  in_progress: "ongoing",
  not_started: "planned",
  not_completed: "unknown",
  unknown: "unknown",
};

/** A part of an item (a milestone row under its commitment) and the status its own row gives it. */
interface Part {
  status: Status;
  label: string | null;
  progress: number | null;
}

/**
 * The item's status from its parts' rows: theirs when all say the same; else none, since a milestone's
 * "Completed" is not the commitment's (the parts keep theirs as activities).
 */
function settleFromParts(draft: Draft, parts: readonly Part[], section: Section | null): void {
  const [first] = parts;
  const same = parts.every((p) => p.status === first.status && p.label === first.label);
  draft.status = same ? first.status : (section?.status ?? "unknown");
  draft.statusLabel = same ? first.label : (section?.label ?? null);
  draft.progress = parts.every((p) => p.progress === first.progress) ? first.progress : (section?.progress ?? null);
}


function readTable(table: TableModel, plan: ColumnPlan | null, ctx: LayoutContext): void {
  // A follow-up card (one item down the rows, "Commitment | 3", "Status | …") is read as a one-row tracker.
  const across = readAcross(table);
  if (across) readRows(across.table, across.plan, ctx);
  else readRows(table, plan, ctx);
}

function readRows(table: TableModel, plan: ColumnPlan | null, { builder, colourKey }: LayoutContext): void {
  const file = builder.file;
  const headerRow = plan?.headerRow ?? -1;
  let section: Section | null = null;
  let previous: Draft | null = null;
  const hasNumberColumn = plan?.roles.includes("number") ?? false;
  /** A table of actions set at the meeting: its rows are decisions unless they re-list a reviewed item. */
  const actions = tableKind(table, plan) === "actions";
  const grid = tableGrid(table);
  /** Grid columns that name the item (its number, its title): a cell merged down over them makes the rows under it its parts. */
  const itemColumns = (plan?.roles ?? []).flatMap((role, col) => (role === "number" || role === "commitment" ? [col] : []));
  const hasPartColumn = plan?.roles.includes("milestone") ?? false;
  /** The draft each row was read into, and the parts (milestone rows) of each item. */
  const draftOfRow = new Map<number, Draft>();
  const parts = new Map<Draft, Part[]>();
  const sectionOfDraft = new Map<Draft, Section | null>();

  table.rows.forEach((row, r) => {
    const blocks = row.cells.flatMap((c) => c.blocks);
    const claimAll = (draft: Draft | null): void => blocks.forEach((b) => builder.claim(b, draft));
    if (r <= headerRow || (headerRow >= 0 && sameRowText(row, table.rows[headerRow]))) {
      // The header, or its repetition on a later page.
      claimAll(null);
      return;
    }
    const filled = row.cells.filter((c) => c.text.trim());
    if (filled.length === 0) return;
    const rowSource = toSourceRef(file, row.source);

    // A row with one cell of text opens a status section (spanning the table, or with its other cells left empty).
    if (filled.length === 1) {
      const ft = foldWithMap(filled[0].text);
      const found = sectionOf(ft);
      if (found) {
        section = found;
        claimAll(null);
        return;
      }
      // Any other text spanning the whole row (a group title, a remark) is no commitment: kept in a warning.
      const spans = row.cells.length === 1 || filled[0].colSpan > 1;
      const first = filled[0].blocks[0];
      if (spans && first && !matchCommitmentHeading(first.ft) && leadingNumber(first) === null) {
        claimAll(null);
        builder.warn("table-note", `Row ${row.source.row ?? r + 1} of table ${table.number} spans the table and names no commitment: "${filled[0].text.replace(/\s+/gu, " ")}"`, null, rowSource);
        return;
      }
    }

    const starts = grid.starts[r];
    const roleOf = (k: number): ColumnRole | null => plan?.roles[starts[k]] ?? null;
    let commitmentCell = row.cells.findIndex((_, k) => roleOf(k) === "commitment");
    if (commitmentCell < 0) commitmentCell = row.cells.findIndex((c) => c.blocks[0] && matchCommitmentHeading(c.blocks[0].ft));
    const numberCell = row.cells.findIndex((_, k) => roleOf(k) === "number");

    let number: string | null = null;
    let title = "";
    const content: Block[] = [];
    /** The first block of the notes column (else of any other column): where a row opens with its status or percent. */
    let notesFirst: Block | undefined;
    let statusCellText: string | null = null;
    let statusHit: StatusHit | null = null;
    let percentCellValue: number | null | undefined;
    let colour: Colour | null = null;
    let owner: string | null = null;
    let due: string | null = null;
    /** The row's part ("Launch the public register"), when the table has a column of parts; its status cell is merged over the item's rows when it is the item's. */
    let partText: string | null = null;
    /** A percent the status cell gives with its status ("75% – on track", "En cours (60 %)", "قيد التنفيذ (٧٠٪)"). */
    let statusPercent: number | null = null;
    let statusIsItems = false;

    if (numberCell >= 0) {
      number = cellNumber(row.cells[numberCell].text);
      row.cells[numberCell].blocks.forEach((b) => builder.claim(b, null));
    }
    if (commitmentCell >= 0) {
      const [first, ...more] = row.cells[commitmentCell].blocks;
      if (first) {
        // A title wrapped onto more lines may arrive as several paragraphs: the lines that continue it are the title too.
        const titleParts = [first];
        while (
          more[0] &&
          more[0].kind === "paragraph" &&
          more[0].source.table === first.source.table &&
          !SENTENCE_END.test(titleParts[titleParts.length - 1].ft.text)
        )
          titleParts.push(more.shift()!);
        const titleText = foldWithMap(titleParts.map((b) => b.ft.text).join(" "));
        const heading = matchCommitmentHeading(titleText);
        const numbered = NUMBERED_TITLE.exec(titleText.text);
        if (heading) {
          number = number ?? heading.number;
          title = heading.title;
        } else if (numbered) {
          // In the commitment column, "3. Open budgets" is commitment 3.
          number = number ?? normalItemNumber(numbered.groups?.whole ?? numbered.groups?.dotted ?? "");
          title = cleanTitle(titleText.text.slice(numbered[0].length));
        } else title = cleanTitle(titleText.text);
        titleParts.forEach((b) => builder.claim(b, null));
      }
      if (!title && more[0]) title = cleanTitle(more.shift()!.ft.text);
      content.push(...more);
    }
    row.cells.forEach((cell, k) => {
      if (k === commitmentCell || k === numberCell) return;
      const role = roleOf(k);
      if (!cell.text.trim() && !(role === "status" && cell.fill)) return;
      // A progress column that gives words instead of a figure ("On track", "Done"), or with it ("En cours (45 %)"), states the status.
      const statusLike = role === "status" || (role === "progress" && (findPercents(cell.text).length === 0 || statusOfCell(cell.blocks) !== null));
      if (role === "status") colour = colourOfCell(cell, cell.blocks[0]?.ft);
      if (role === "status" || role === "progress") statusIsItems ||= cell.rowSpan > 1;
      if (role === "milestone") {
        partText = cell.text.replace(/\s+/gu, " ").trim();
        cell.blocks.forEach((b) => builder.claim(b, null));
        return;
      }
      if (statusLike && colour && !statusOfCell(cell.blocks)) {
        // "Amber", a green cell: the document's key says what the colour means, else the default does.
        const meaning = colourKey.get(colour);
        const [first, ...others] = cell.blocks;
        const words = first?.ft.text.trim() ?? "";
        statusHit = { status: meaning?.status ?? DEFAULT_COLOUR_STATUS[colour], label: words || colour, start: 0, end: 0 };
        statusCellText = words && wordCount(words) <= 8 ? words : colour;
        if (first) builder.claim(first, null);
        // A longer remark in the cell ("Amber: awaiting the decree of …") is a note of the row.
        if (words && wordCount(words) > 8) content.push(first!);
        content.push(...others);
      } else if (statusLike && statusOfCell(cell.blocks)) {
        // The cell's opening status is the status; what follows it in the cell is a note.
        const { hit, label, rest } = statusOfCell(cell.blocks)!;
        statusHit = hit;
        statusCellText = label;
        // Before the note ("En cours (60 %) – …"), or the whole of what follows the status's stop ("En cours – 70 %"):
        // a rate standing alone after the dash is the status's; a note that opens with a percent gives it below.
        const [head, after] = cell.text.split(STATUS_NOTE);
        statusPercent = findPercents(head).find((p) => p.value <= 100)?.value ?? percentAlone(after ?? "");
        cell.blocks.forEach((b) => builder.claim(b, null));
        content.push(...rest);
      } else if (role === "status" && wordCount(cell.text) <= 4) {
        // A short status in words no lexicon knows ("Watch list", "See annex") is still the committee's label; a longer cell is a note.
        statusCellText = cell.text.replace(/\s+/gu, " ").trim();
        cell.blocks.forEach((b) => builder.claim(b, null));
      } else if ((role === "owner" || role === "due") && wordCount(cell.text) <= 12) {
        if (role === "owner") owner = cell.text.replace(/\s+/gu, " ").trim();
        else due = cell.text.replace(/\s+/gu, " ").trim();
        cell.blocks.forEach((b) => builder.claim(b, null));
      } else if (role === "progress" && wordCount(cell.text) <= 4) {
        percentCellValue = parsePercentValue(cell.text);
        cell.blocks.forEach((b) => builder.claim(b, null));
      } else {
        if (role === "notes" && !notesFirst) notesFirst = cell.blocks[0];
        content.push(...cell.blocks);
      }
    });

    // In a table that numbers its rows, a row without a number that states nothing of its own (no
    // status, percent, owner or due date) is the rest of the row above, broken across a page; said in a
    // warning. A row that states its own status is a record of its own, kept unnumbered.
    const statesItsOwn = statusHit !== null || percentCellValue !== undefined || owner !== null || due !== null;
    // Assigned in the cell loop's closure, which the compiler does not follow.
    const rowStatus: Status = (statusHit as StatusHit | null)?.status ?? "unknown";
    const partWords = partText as string | null;
    const rowPercent = percentCellValue !== undefined ? percentCellValue : (statusPercent as number | null);
    const part = (): Part => ({
      status: rowStatus,
      label: statusCellText,
      progress: rowPercent,
    });
    // A row under an item whose number or title is merged down over it (or, in a table of parts, a row
    // with neither) is a part of that item: an activity with its own status, not a record.
    const mergedParent = [...grid.mergedFrom[r]].find(([col]) => itemColumns.includes(col))?.[1];
    // A status merged down from the item's row is the item's, not this part's.
    if ([...grid.mergedFrom[r].keys()].some((col) => plan?.roles[col] === "status" || plan?.roles[col] === "progress")) statusIsItems = true;
    const parent = mergedParent !== undefined ? draftOfRow.get(mergedParent) : number === null && !title && hasPartColumn && partWords ? previous : undefined;
    if (parent) {
      if (partWords) parent.activities.push({ text: partWords, state: PART_STATE[rowStatus] });
      if (!statusIsItems) parts.get(parent)?.push(part());
      content.forEach((b) => builder.absorb(parent, b));
      claimAll(parent);
      draftOfRow.set(r, parent);
      return;
    }
    if (number === null && hasNumberColumn && previous && !statesItsOwn) {
      if (title) previous.title = cleanTitle(`${previous.title} ${title}`);
      content.forEach((b) => builder.absorb(previous!, b));
      claimAll(previous);
      builder.warn("row-continued", `Row ${row.source.row ?? r + 1} of table ${table.number} has no number; read as the rest of commitment ${previous.number ?? "above"}`, null, rowSource);
      return;
    }
    if (number === null && !title) {
      const text = content.map((b) => b.ft.text).join(" ");
      const draft = builder.open(null, firstWords(text, 8), rowSource, section);
      content.forEach((b) => builder.absorb(draft, b));
      claimAll(draft);
      builder.warn("unnumbered-commitment", `Row ${row.source.row ?? r + 1} of table ${table.number} has no commitment number or title; kept as an unnumbered record: "${firstWords(text, 8)}"`, null, rowSource);
      previous = draft;
      return;
    }

    // An action table numbered on its own beside commitments of the same numbers is told apart when the records are merged.
    const draft = builder.open(number, title, rowSource, section);
    if (number === null) builder.warn("unnumbered-commitment", `Commitment without a number in table ${table.number}: "${firstWords(title, 8)}"`, null, rowSource);
    if (percentCellValue !== undefined) draft.progress = percentCellValue;
    else if (rowPercent !== null) draft.progress = rowPercent;
    draft.tentative = actions;
    draft.owner = owner;
    draft.colour = colour;
    draft.due = due;
    if (statusHit !== null && statusCellText !== null) {
      draft.status = (statusHit as StatusHit).status;
      draft.statusLabel = statusCellText;
    } else if (statusCellText !== null) {
      // A status cell in words none of the lexicons knows ("Watch list", "See annex"): no status, but the committee's word is kept.
      draft.statusLabel = statusCellText;
    } else if (!section) {
      // No status column and no section: the notes open with the status ("بصدد الإنجاز: …").
      const first = notesFirst ?? content[0];
      const hit = first ? openingStatus(first.ft) : null;
      if (hit && first) {
        draft.status = hit.status;
        draft.statusLabel = openingLabel(first.ft, hit);
      }
    }
    // No progress column: a notes cell that opens with a percent ("100 % ; 45 rapports publiés") states it.
    const firstNote = notesFirst ?? content[0];
    if (percentCellValue === undefined && rowPercent === null && firstNote) {
      const opening = findPercents(firstNote.ft.text)[0];
      if (opening && opening.index === 0 && opening.value <= 100) draft.progress = opening.value;
    }
    if (partWords) {
      draft.activities.push({ text: partWords, state: PART_STATE[rowStatus] });
      parts.set(draft, statusIsItems ? [] : [part()]);
      sectionOfDraft.set(draft, section);
    }
    content.forEach((b) => builder.absorb(draft, b));
    claimAll(draft);
    draftOfRow.set(r, draft);
    previous = draft;
  });
  for (const [draft, itsParts] of parts) if (itsParts.length > 0) settleFromParts(draft, itsParts, sectionOfDraft.get(draft) ?? null);
}

export const commitmentTable: TableLayout = {
  name: "commitment-table",
  claims: (table, plan) => ["commitments", "actions"].includes(tableKind(table, plan)),
  read: readTable,
};
