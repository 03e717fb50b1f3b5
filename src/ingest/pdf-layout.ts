/**
 * One PDF page as reading-order content: text lines outside tables, and tables
 * whose cells hold their own lines. Tables come from ruling grids
 * (pdf-geometry.ts); a run belongs to the cell that contains its middle.
 */
import { findCarriedGrid, findTextGrids } from "./pdf-columns.js";
import { findGrids, type Grid, type GridCell, type PageRulings } from "./pdf-geometry.js";
import { buildLines, letterDirection, type PlacedText, type TextLine } from "./pdf-lines.js";

export interface PageLine extends TextLine {
  page: number;
}

export interface LaidOutCell {
  /** 0-based logical column: for right-to-left tables the rightmost column is 0. */
  column: number;
  colSpan: number;
  rowSpan: number;
  lines: PageLine[];
}

export interface LaidOutRow {
  page: number;
  cells: LaidOutCell[];
}

export interface LaidOutTable {
  kind: "table";
  page: number;
  rtl: boolean;
  /** Column boundaries left to right, to recognise the same table on the next page. */
  xs: number[];
  /** Columns found from text gutters, not borders: the boundaries shift with each page's text. */
  fromText: boolean;
  top: number;
  bottom: number;
  rows: LaidOutRow[];
}

export interface LaidOutLine {
  kind: "line";
  line: PageLine;
}

export type PageElement = LaidOutLine | LaidOutTable;

export interface LaidOutPage {
  page: number;
  /** The page's lower edge in user space (its view box need not start at 0). */
  bottom: number;
  width: number;
  height: number;
  elements: PageElement[];
}


export function layOutPage(
  page: number,
  frame: { bottom: number; width: number; height: number },
  runs: PlacedText[],
  rulings: PageRulings,
  documentRtl: boolean,
  /** The column boundaries of a table without borders that ended the page before: it may go on at the top of this one. */
  carriedColumns?: number[],
): LaidOutPage {
  // Drawn grids first (a single cell is a frame around text, not a table); then the rest of a
  // table without borders from the page before; tables without borders, or inside a frame,
  // are looked for in the text they leave.
  const ruled = placeInGrids(findGrids(rulings).filter((grid) => grid.cells.length >= 2), runs);
  let textGrids = findTextGrids(ruled.rest, rulings.horizontal);
  // Only when the page does not open with a table of its own gutters.
  const pageTop = Math.max(...ruled.rest.map((run) => run.y + run.size));
  const opensWithTable = textGrids.some((grid) => grid.top >= pageTop - 1);
  const carriedGrid = carriedColumns && ruled.grids.length === 0 && !opensWithTable ? findCarriedGrid(ruled.rest, carriedColumns, rulings.horizontal) : undefined;
  const carried = placeInGrids(carriedGrid ? [carriedGrid] : [], ruled.rest);
  if (carriedGrid) textGrids = findTextGrids(carried.rest, rulings.horizontal);
  const unruled = placeInGrids(textGrids, carried.rest);
  const grids = [...ruled.grids, ...carried.grids, ...unruled.grids];
  const cellRuns = [...ruled.cellRuns, ...carried.cellRuns, ...unruled.cellRuns];
  const flowRuns = unruled.rest;

  const elements: PageElement[] = [];
  for (let g = 0; g < grids.length; g++) {
    // A grid with no text is a drawing. (A grid with text in one cell only is kept: overleaf, a
    // table may go on in one cell.)
    const hasText = cellRuns[g].some((r) => r.some((run) => run.str.trim().length > 0));
    if (!hasText) {
      flowRuns.push(...cellRuns[g].flat());
      continue;
    }
    elements.push(toTable(page, grids[g], cellRuns[g], documentRtl));
  }
  for (const line of buildLines(flowRuns, documentRtl)) {
    elements.push({ kind: "line", line: { ...line, page } });
  }
  elements.sort((a, b) => elementTop(b) - elementTop(a));
  return { page, ...frame, elements };
}

/** Each run into the grid cell holding its middle; `rest` are the runs outside every grid. */
function placeInGrids(grids: Grid[], runs: PlacedText[]): { grids: Grid[]; cellRuns: PlacedText[][][]; rest: PlacedText[] } {
  const cellRuns = grids.map((grid) => grid.cells.map((): PlacedText[] => []));
  const rest: PlacedText[] = [];
  for (const run of runs) {
    const midX = run.x + run.width / 2;
    const midY = run.y + run.size * 0.3;
    let placed = false;
    for (let g = 0; g < grids.length && !placed; g++) {
      const grid = grids[g];
      if (midX < grid.left || midX > grid.right || midY > grid.top || midY < grid.bottom) continue;
      const index = findCell(grid.cells, midX, midY);
      if (index >= 0) {
        cellRuns[g][index].push(run);
        placed = true;
      }
    }
    if (!placed) rest.push(run);
  }
  return { grids, cellRuns, rest };
}

/** A word this short, not a capital or a digit, may be the tail of a word a narrow column broke. */
const WORD_TAIL = /^[^\s\p{Lu}\p{Nd}]{1,2}$/u;
/** One letter or mark, not a capital or a digit: the tail of a word, or too short to be a word of its own. */
const ONE_MARK = /^[^\s\p{Lu}\p{Nd}]$/u;
/** A hyphen (or dash) between letters or digits: a place where the layout may end a line. */
const INNER_HYPHEN = /[\p{L}\p{N}][-\u2010\u2011\u2013][\p{L}\p{N}]/u;
/**
 * A number and one or two digits under it may be one number a narrow column broke ("202" over
 * "4", "2." over "1"). Read as a line of its own in right-to-left text, a number cut after its
 * separator has the separator in front (".2"): the line break left it between a digit and the
 * line's end, where it takes the line's direction.
 */
const NUMBER_HEAD = /^([.,]?)(\p{Nd}[\p{Nd}.,]*)$/u;
const NUMBER_TAIL = /^\p{Nd}{1,2}$/u;
/** Lines within this many points of a column's widest line reach its edge. */
const AT_EDGE = 1.5;

/**
 * A word wider than its column is broken where the column ends, without a hyphen ("Progres"
 * over "s", "No" over "."): joined with a space it becomes two words that no lexicon knows.
 * A cell's one-word line is the head of a broken word when it reaches the column's edge (it
 * is the column's widest line) and the next line starts with one or two letters or marks
 * ("procuremen" over "t draft"), or when the next line starts with one letter or mark that
 * would not have fitted after it within the column's widest line ("Note" over "s" beside
 * "None", "consultatio" over "n retours" beside "partenaires"); so is
 * a number over one or two digits that would not have fitted after it. A word with a hyphen
 * inside is whole ("Attorney-General" over "on the Bill"): a layout cuts a word between
 * letters only when it has no hyphen to end the line at. A one-word line ending with a slash
 * goes on overleaf without a space ("S/" over "N").
 */
function rejoinBrokenWords(cells: LaidOutCell[]): void {
  const widest = new Map<number, number>();
  for (const cell of cells) {
    if (cell.colSpan !== 1) continue;
    for (const line of cell.lines) widest.set(cell.column, Math.max(widest.get(cell.column) ?? 0, line.right - line.left));
  }
  for (const cell of cells) {
    const edge = widest.get(cell.column);
    if (cell.colSpan !== 1 || edge === undefined) continue;
    for (let k = cell.lines.length - 1; k > 0; k--) {
      const head = cell.lines[k - 1];
      const tail = cell.lines[k];
      const headWord = head.text.trim();
      const tailText = tail.text.trim();
      if (/\s/u.test(headWord)) continue;
      const headWidth = head.right - head.left;
      const firstWord = tailText.split(/\s/u, 1)[0];
      // The tail's first word, as wide as its share of the tail's characters.
      const firstWidth = ((tail.right - tail.left) * firstWord.length) / Math.max(1, tailText.length);
      const overflows = headWidth + firstWidth >= edge - AT_EDGE;
      const fills = headWidth >= edge - AT_EDGE && WORD_TAIL.test(firstWord);
      const number = overflows && NUMBER_TAIL.test(tailText) ? NUMBER_HEAD.exec(headWord) : null;
      const brokenNumber = number !== null && (number[1] === "" || head.rtl);
      const brokenWord = !INNER_HYPHEN.test(headWord) && (fills || (overflows && ONE_MARK.test(firstWord)));
      // A layout may end a line after a slash, as after a hyphen: "S/" over "N" is the header "S/N".
      const brokenAtSlash = overflows && headWord.endsWith("/");
      if (!brokenWord && !brokenNumber && !brokenAtSlash) continue;
      cell.lines.splice(k - 1, 2, {
        ...head,
        text: brokenNumber ? number[2] + number[1] + tailText : headWord + tailText,
        left: Math.min(head.left, tail.left),
        right: Math.max(head.right, tail.right),
      });
    }
  }
}

function elementTop(element: PageElement): number {
  return element.kind === "table" ? element.top : element.line.y + element.line.size * 0.8;
}

function findCell(cells: GridCell[], x: number, y: number): number {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (x >= c.left && x <= c.right && y <= c.top && y >= c.bottom) return i;
  }
  return -1;
}

function toTable(page: number, grid: Grid, runsPerCell: PlacedText[][], documentRtl: boolean): LaidOutTable {
  const allText = runsPerCell.flat().map((r) => r.str).join(" ");
  const direction = letterDirection(allText);
  const rtl = direction === undefined ? documentRtl : direction === "rtl";
  const columnCount = grid.xs.length - 1;
  const rowCount = grid.ys.length - 1;
  const rows: LaidOutRow[] = Array.from({ length: rowCount }, () => ({ page, cells: [] }));
  const laidOut: LaidOutCell[] = grid.cells.map((cell, i) => {
    const column = rtl ? columnCount - (cell.col + cell.colSpan) : cell.col;
    const lines = buildLines(runsPerCell[i], rtl).map((line) => ({ ...line, page }));
    const result = { column, colSpan: cell.colSpan, rowSpan: cell.rowSpan, lines };
    rows[cell.row].cells.push(result);
    return result;
  });
  rejoinBrokenWords(laidOut);
  // A grid row in which no cell starts (every cell there spans from above) is not a row of the
  // table: drop it and shorten the spans that crossed it.
  const kept = rows.map((row) => row.cells.length > 0);
  grid.cells.forEach((cell, i) => {
    for (let r = cell.row + 1; r < cell.row + cell.rowSpan; r++) if (!kept[r]) laidOut[i].rowSpan--;
  });
  for (const row of rows) row.cells.sort((a, b) => a.column - b.column);
  return {
    kind: "table",
    page,
    rtl,
    xs: grid.xs,
    fromText: grid.fromText === true,
    top: grid.top,
    bottom: grid.bottom,
    rows: rows.filter((_, r) => kept[r]),
  };
}
