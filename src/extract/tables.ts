/**
 * Tables: which columns a table's header names (number, commitment, status, …) and what kind of
 * table it is. Shared by every extractor that reads tables: commitments, decisions, events.
 */
import { wordCount, type CellModel, type RowModel, type TableModel } from "./blocks.js";
import { matchCommitmentHeading } from "./item-numbers.js";
import { AGENDA_COLUMNS, COLOUR_WORDS, COMMITMENT_NOUN, COMMITMENT_WORD, HEADER_ROLES, HEADER_WORDS, type ColumnRole } from "./lexicon/index.js";
import { firstMatch, foldWithMap, type FoldedText } from "./match.js";
import { statusPhrases } from "./text-helpers.js";
import { normalItemNumber } from "../text/item-numbers.js";

/** Longest header phrase per role, earliest first: the roles a header cell names. */
function headerRoles(ft: FoldedText): ColumnRole[] {
  const hits: { role: ColumnRole; start: number; end: number }[] = [];
  for (const role of HEADER_ROLES) {
    for (const m of ft.folded.matchAll(HEADER_WORDS[role].regex)) hits.push({ role, start: m.index, end: m.index + m[0].length });
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  kept.sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((h) => h.role))];
}

export interface ColumnPlan {
  headerRow: number;
  /** Role of each grid column. */
  roles: (ColumnRole | null)[];
}

export function gridColumns(row: RowModel): number[] {
  return tableGrid({ number: 0, rows: [row], source: row.source }).starts[0];
}

/** Where each row's cells stand in the table's grid, cells merged down from the rows above counted. */
export interface TableGrid {
  /** Grid column each cell of each row starts at. */
  starts: number[][];
  /** For each row, the grid columns a cell of an earlier row is merged down over, with that row's index. */
  mergedFrom: Map<number, number>[];
}

/**
 * The grid of a table whose cells may be merged across (colSpan) and down (rowSpan): a reader emits a
 * merged cell once, in its first row, so the rows under it have fewer cells, and their cells start
 * further right than their index says.
 */
export function tableGrid(table: TableModel): TableGrid {
  /** Per grid column: the row of the cell that takes it, and the last row it takes. */
  const taken: { row: number; until: number }[] = [];
  const starts: number[][] = [];
  const mergedFrom: Map<number, number>[] = [];
  table.rows.forEach((row, r) => {
    const rowStarts: number[] = [];
    const merged = new Map<number, number>();
    taken.forEach((t, col) => {
      if (t && t.row < r && t.until >= r) merged.set(col, t.row);
    });
    let col = 0;
    for (const c of row.cells) {
      while (merged.has(col)) col++;
      rowStarts.push(col);
      for (let k = col; k < col + Math.max(1, c.colSpan); k++) taken[k] = { row: r, until: r + Math.max(1, c.rowSpan) - 1 };
      col += Math.max(1, c.colSpan);
    }
    starts.push(rowStarts);
    mergedFrom.push(merged);
  });
  return { starts, mergedFrom };
}

/** A label cell of a card: a few words naming a column role ("Lead", "الحالة", "Taux d'exécution"). */
function labelRoles(text: string): ColumnRole[] {
  return wordCount(text) <= 5 ? headerRoles(foldWithMap(text)) : [];
}

/**
 * A table that gives one item down its rows, a label and its value on each ("Commitment | 3",
 * "Lead | Ministry of …", "Status | Ongoing"; "رقم الالتزام | ٣", "الحالة | …"), read across: a
 * header row of the labels over one row of their values, as a tracker with columns would give it.
 * Null unless the labels name the item (its number or title) and its state (status or percent)
 * in at least three rows of two cells: a table of meeting details (Date | Venue | Chair) is none.
 */
export function readAcross(table: TableModel): { table: TableModel; plan: ColumnPlan } | null {
  const rows = table.rows.filter((row) => row.cells.some((c) => c.text.trim()));
  if (rows.length < 3 || rows.some((row) => row.cells.length !== 2)) return null;
  const labelled = rows.filter((row) => labelRoles(row.cells[0].text).length > 0);
  const named = new Set(labelled.flatMap((row) => labelRoles(row.cells[0].text).slice(0, 1)));
  const names = named.has("number") || named.has("commitment");
  const states = named.has("status") || named.has("progress");
  if (labelled.length < 3 || labelled.length * 3 < rows.length * 2 || !names || !states) return null;
  const cell = (c: CellModel): CellModel => ({ ...c, colSpan: 1, rowSpan: 1 });
  // "Commitment | 3" beside "Title | …": the label names the item, its value is the item's number.
  const titled = rows.filter((row) => labelRoles(row.cells[0].text)[0] === "commitment").length > 1;
  const roles = rows.map((row): ColumnRole | null => {
    const role = labelRoles(row.cells[0].text)[0] ?? null;
    return role === "commitment" && titled && normalItemNumber(row.cells[1].text) !== null ? "number" : role;
  });
  return {
    table: {
      number: table.number,
      source: table.source,
      rows: [
        { cells: rows.map((row) => cell(row.cells[0])), source: rows[0].source },
        { cells: rows.map((row) => cell(row.cells[1])), source: rows[0].source },
      ],
    },
    plan: { headerRow: 0, roles },
  };
}

/** A number cell's item number: "2.1", "A-12", "(3)", "N° 3", "Commitment 1.1". */
export function cellNumber(text: string): string | null {
  const direct = normalItemNumber(text);
  if (direct !== null) return direct;
  const heading = matchCommitmentHeading(foldWithMap(text.trim()));
  if (heading && !heading.title) return heading.number;
  const digits = /^\D{0,3}?(\d+(?:\.\d+){0,3})\D{0,3}$/u.exec(text.trim());
  return digits ? normalItemNumber(digits[1]) : null;
}

/**
 * A column whose header names the item ("Item", "Action") but whose cells below the header all hold
 * item numbers ("Item | Action | Lead | Due", "Item | Subject | Lead" with 1, 2, 3 under "Item"): the
 * column numbers the rows, and another column gives their titles.
 */
function holdsNumbers(table: TableModel, headerRow: number, col: number): boolean {
  const cells = columnTexts(table, headerRow, col);
  return cells.length > 0 && cells.every((text) => cellNumber(text) !== null);
}

/** Share of a status column's cells that must hold a status for the rows to be items with a state. */
const STATUS_CELLS = 0.6;

/** Most of a column's cells give a status ("En cours", "Prêt"): a column of states, not of remarks. */
function holdsStatuses(table: TableModel, headerRow: number, col: number): boolean {
  const cells = columnTexts(table, headerRow, col);
  return cells.length >= 2 && cells.filter((text) => statusPhrases(foldWithMap(text)).some((h) => h.status !== "unknown")).length >= cells.length * STATUS_CELLS;
}

/** A column of years ("2023", "2024"): numbers, but no item's. */
function holdsYears(table: TableModel, headerRow: number, col: number): boolean {
  return columnTexts(table, headerRow, col).every((text) => /^\s*(?:19|20)\d\d\s*$/u.test(text));
}

/** The texts of a column's cells below the header row, empty cells left out. */
function columnTexts(table: TableModel, headerRow: number, col: number): string[] {
  const grid = tableGrid(table);
  return table.rows.slice(headerRow + 1).flatMap((row, i) => {
    const k = grid.starts[headerRow + 1 + i].indexOf(col);
    const cell = k >= 0 ? row.cells[k] : undefined;
    return cell && cell.text.trim() ? [cell.text] : [];
  });
}

export function planColumns(table: TableModel): ColumnPlan | null {
  for (let r = 0; r < Math.min(table.rows.length, 3); r++) {
    const row = table.rows[r];
    const nonEmpty = row.cells.filter((c) => c.text.trim());
    if (nonEmpty.length < 2 || row.cells.some((c) => wordCount(c.text) > 12)) continue;
    const starts = gridColumns(row);
    const width = starts.length ? starts[starts.length - 1] + Math.max(1, row.cells[row.cells.length - 1].colSpan) : 0;
    const roles: (ColumnRole | null)[] = new Array(width).fill(null);
    let any = false;
    row.cells.forEach((c, k) => {
      const found = headerRoles(foldWithMap(c.text));
      if (found.length) {
        roles[starts[k]] = found[0];
        any = true;
      }
    });
    const itemColumn = roles.indexOf("commitment");
    if (!roles.includes("number") && itemColumn >= 0 && holdsNumbers(table, r, itemColumn)) roles[itemColumn] = "number";
    // A first column of item numbers under a header no lexicon names (a PDF that lost the header's
    // first letters, "سلسل" of "التسلسل"; a "Ref" of the committee's own) numbers the rows all the same.
    else if (!roles.includes("number") && itemColumn > 0 && roles[0] === null && holdsNumbers(table, r, 0) && !holdsYears(table, r, 0)) roles[0] = "number";
    // Without an item column, the column of parts is the item column ("N° | Activités | Responsable").
    if (!roles.includes("commitment") && roles.includes("milestone")) roles[roles.indexOf("milestone")] = "commitment";
    // "Nom de la tuile | Mode de récupération | Statut": items named by a header no lexicon knows, their states
    // in statuses, are named by the first column no role took, when most status cells hold a status.
    else if (!roles.includes("commitment") && !roles.includes("number") && roles.includes("status") && roles[0] === null && holdsStatuses(table, r, roles.indexOf("status"))) roles[0] = "commitment";
    if (any) return { headerRow: r, roles };
  }
  return null;
}

/**
 * "actions": a list of actions set at the meeting (who does what by when), with no status of its own.
 * "agenda": the items of the meeting's agenda, their subjects and who presents them (read by the
 * meeting's facts, neither commitments nor actions).
 */
export type TableKind = "commitments" | "actions" | "agenda" | "events" | "other";

const COLOUR_CELL = new RegExp(`^\\s*(?:${COLOUR_WORDS.regex.source})\\s*$`, "u");

/** A legend of status colours ("Green | on track", a shaded swatch and its meaning): every row opens with a colour. */
function isColourLegend(table: TableModel): boolean {
  const rows = table.rows.filter((r) => r.cells.some((c) => c.text.trim() || c.fill));
  return rows.length > 0 && rows.every((r) => r.cells.length <= 3 && (r.cells[0].fill !== undefined || COLOUR_CELL.test(foldWithMap(r.cells[0].text).folded)));
}

/**
 * An agenda table ("Item | Subject | Lead", "N° | Objet | Intervenant", "الرقم | الموضوع | المقدم"):
 * a header naming the items' subject or presenter, no column of status, progress, due date or
 * activities, and no column headed by the word for commitments or actions; its "Lead" is who presents the item, not who
 * owes an action.
 */
function isAgenda(table: TableModel, plan: ColumnPlan): boolean {
  const headers = table.rows[plan.headerRow].cells.map((c) => foldWithMap(c.text));
  const named = headers.flatMap((h) => headerRoles(h));
  if (named.some((role) => role === "status" || role === "progress" || role === "due" || role === "milestone")) return false;
  return headers.some((h) => firstMatch(AGENDA_COLUMNS, h.folded) !== null) && !headers.some((h) => firstMatch(COMMITMENT_WORD, h.folded) !== null);
}

/**
 * What a table holds, judged by its column plan (from `planColumns`) and its rows. A table of numbered
 * or titled items is one of commitments when it tracks them (a status or percent column), when its
 * item column is headed by the word for commitments or actions, or when most rows state a status; a
 * table of who does what by when, with no status, is one of actions set at the meeting (unless its
 * items are named commitments); an agenda table ("No. | Item | Presenter") is the agenda's.
 */
export function tableKind(table: TableModel, plan: ColumnPlan | null): TableKind {
  if (isColourLegend(table)) return "other";
  if (readAcross(table)) return "commitments";
  const headingRows = table.rows.filter((row) => row.cells.some((c) => c.blocks[0] && matchCommitmentHeading(c.blocks[0].ft))).length;
  if (headingRows >= 2) return "commitments";
  if (plan && isAgenda(table, plan)) return "agenda";
  if (plan && (plan.roles.includes("commitment") || plan.roles.includes("number"))) {
    const header = table.rows[plan.headerRow];
    const starts = gridColumns(header);
    const itemHeader = header.cells.find((_, k) => plan.roles[starts[k]] === "commitment");
    const namesCommitments = itemHeader !== undefined && firstMatch(COMMITMENT_NOUN, foldWithMap(itemHeader.text).folded) !== null;
    if (plan.roles.includes("status") || plan.roles.includes("progress")) return "commitments";
    if (plan.roles.includes("owner") || plan.roles.includes("due")) return namesCommitments ? "commitments" : "actions";
    if (namesCommitments || (itemHeader !== undefined && firstMatch(COMMITMENT_WORD, foldWithMap(itemHeader.text).folded) !== null)) return "commitments";
    const data = table.rows.slice(plan.headerRow + 1).filter((row) => row.cells.some((c) => c.text.trim()));
    const stating = data.filter((row) => row.cells.some((c) => c.blocks.some((b) => statusPhrases(b.ft).length > 0))).length;
    if (data.length > 0 && stating * 2 >= data.length) return "commitments";
  }
  if (plan && plan.roles.includes("date") && (plan.roles.includes("place") || plan.roles.includes("participants"))) return "events";
  return "other";
}

export const sameRowText = (a: RowModel, b: RowModel): boolean =>
  a.cells.length === b.cells.length && a.cells.every((c, k) => foldWithMap(c.text).folded === foldWithMap(b.cells[k].text).folded);
