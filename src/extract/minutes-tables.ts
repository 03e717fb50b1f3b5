/**
 * Minutes kept as a table, one row per agenda item: "Ref. | Discussion | Action / Owner",
 * "Item | Minute | Action by", "N° | Point | Délibérations | Suite à donner", "ت | البند |
 * المناقشة | الإجراء". Its rows are the meeting's sections, not tracked items, so each is read as
 * the section it stands for: a heading (the row's number and title), the discussion cell's
 * paragraphs as the section's text, and the lines of the columns after it as the actions agreed
 * there. Every reader of prose (commitments named in a paragraph, reporters, events, the agenda
 * from numbered sections, decisions) then reads it as it reads minutes written as text.
 */
import { SENTENCE_END } from "../text/normalize.js";
import { findDates } from "../text/dates.js";
import { wordCount, type Block, type FlatDocument, type TableModel, type Unit } from "./blocks.js";
import { AGENDA_COLUMNS, DATE_WORDS } from "./lexicon/index.js";
import { firstMatch, foldWithMap } from "./match.js";
import { planColumns, tableGrid, type ColumnPlan } from "./tables.js";

/** Who is to carry out an action and by when, as the row's own columns give them. */
export interface ActionCells {
  owner: string | null;
  due: string | null;
}

export interface UnrolledDocument {
  flat: FlatDocument;
  /** The blocks that are actions set in a minutes table's row, by block index, with the row's owner and due date. */
  actions: ReadonlyMap<number, ActionCells>;
}

/** A section's title is a line: the discussion cell's first line when no column gives it. */
const TITLE_WORDS = 12;
/** An action is a clause; a shorter cell in an action column ("JS", "Secretariat") says only who. */
const ACTION_WORDS = 4;
/** The heading level a row stands for: under the document's title. */
const ROW_DEPTH = 2;

const oneLine = (text: string): string => text.replace(/\s+/gu, " ").trim();

/**
 * A minutes table: a header naming a discussion column, and no column of status or percent (a
 * tracker with a "Discussion" column is still a tracker).
 */
function minutesPlan(table: TableModel): ColumnPlan | null {
  const plan = planColumns(table);
  if (!plan || !plan.roles.includes("discussion")) return null;
  if (plan.roles.includes("status") || plan.roles.includes("progress")) return null;
  return table.rows.length > plan.headerRow + 1 ? plan : null;
}

/** The document with each minutes table read as its sections (other tables as they were). */
export function unrollMinutesTables(flat: FlatDocument): UnrolledDocument {
  const actions = new Map<number, ActionCells>();
  const replaced = new Map<number, Block[]>();
  const units: Unit[] = [];
  for (const unit of flat.units) {
    const plan = unit.type === "table" ? minutesPlan(unit.table) : null;
    if (unit.type === "block" || !plan) {
      units.push(unit);
      continue;
    }
    const blocks = sectionsOf(unit.table, plan, actions);
    replaced.set(unit.table.number, blocks);
    units.push(...blocks.map((block): Unit => ({ type: "block", block })));
  }
  if (replaced.size === 0) return { flat, actions };
  // Each table's blocks stand where its cells stood in reading order.
  const blocks: Block[] = [];
  const placed = new Set<number>();
  for (const b of flat.blocks) {
    const table = b.cell?.table;
    const rows = table === undefined ? undefined : replaced.get(table);
    if (!rows) blocks.push(b);
    else if (!placed.has(table!)) {
      placed.add(table!);
      blocks.push(...rows);
    }
  }
  return { flat: { units, blocks, tables: flat.tables.filter((t) => !replaced.has(t.number)) }, actions };
}

function sectionsOf(table: TableModel, plan: ColumnPlan, actions: Map<number, ActionCells>): Block[] {
  const grid = tableGrid(table);
  const discussion = plan.roles.indexOf("discussion");
  const header = table.rows[plan.headerRow];
  const headerText = (col: number): string => header.cells[grid.starts[plan.headerRow].indexOf(col)]?.text ?? "";
  // Before the discussion: the row's number and its title ("Item", "Subject", "Point"); after it, what was agreed.
  const isTitle = (col: number): boolean => col < discussion && (plan.roles[col] === "commitment" || firstMatch(AGENDA_COLUMNS, foldWithMap(headerText(col)).folded) !== null);
  const out: Block[] = [];
  table.rows.slice(plan.headerRow + 1).forEach((row, i) => {
    const r = plan.headerRow + 1 + i;
    const at = (col: number) => row.cells[grid.starts[r].indexOf(col)];
    const byRole = (role: "owner" | "due"): string | null => {
      const col = plan.roles.findIndex((x, k) => x === role && k > discussion);
      const text = col >= 0 ? oneLine(at(col)?.text ?? "") : "";
      return text || null;
    };
    const owner = byRole("owner");
    const dueText = byRole("due");
    const due = dueText ? (findDates(foldWithMap(dueText).folded, DATE_WORDS)[0]?.date ?? null) : null;

    const lead: Block[] = [];
    const body: Block[] = [];
    const agreed: Block[] = [];
    row.cells.forEach((cell, k) => {
      const col = grid.starts[r][k];
      const role = plan.roles[col];
      if (col < discussion && (role === "number" || isTitle(col))) lead.push(...cell.blocks);
      else if (col <= discussion) body.push(...cell.blocks);
      else if (role !== "owner" && role !== "due") agreed.push(...cell.blocks);
    });
    // Without a title column the discussion's first line, when it is one, is the item's title.
    const first = body[0];
    const titled = lead.some((b) => plan.roles[grid.starts[r][b.cell!.cell]] !== "number");
    if (!titled && first && body.length > 1 && (first.emphasized || (wordCount(first.ft.text) <= TITLE_WORDS && !SENTENCE_END.test(first.ft.text)))) lead.push(body.shift()!);
    if (lead.length === 0 && body.length === 0 && agreed.length === 0) return;
    const prose = (b: Block): Block => ({ ...b, cell: null });
    if (lead.length > 0) {
      // "1" over "Ouverture" is section "1. Ouverture", as a numbered heading reads; "7.1" needs no stop.
      const title = lead.map((b, k) => (k === 0 && lead.length > 1 ? oneLine(b.ft.text).replace(/^(\d{1,3})$/u, "$1.") : oneLine(b.ft.text))).join(" ");
      out.push({ index: lead[0].index, kind: "heading", depth: ROW_DEPTH, itemNumber: null, label: null, emphasized: false, ft: foldWithMap(title), source: row.source, cell: null });
    }
    out.push(...body.map(prose));
    for (const b of agreed) {
      out.push(prose(b));
      if (wordCount(b.ft.text) >= ACTION_WORDS) actions.set(b.index, { owner, due });
    }
  });
  return out;
}
