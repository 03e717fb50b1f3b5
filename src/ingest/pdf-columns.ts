/**
 * Tables without ruling lines, found from where text sits on the page.
 *
 * A word processor draws a table's borders only when asked to: many exported tables have
 * none (or only horizontal rules), and their cells wrap over several lines, so reading
 * them as text lines mixes the cells of a row into loose paragraphs. What still marks a
 * table is its gutters: vertical strips no text crosses, for as long as the table lasts,
 * between columns whose cells may each hold several lines. Body text crosses any such
 * strip within a line or two; a list has one strip (marker | text), so three columns at
 * least are required, and bulleted items before or after a table are not rows of it.
 *
 * Rows: within a cell, lines follow each other at the line step; from one row to the next,
 * text steps down by the cell padding more, which may be a tenth of a line. So a new row
 * starts wherever no cell runs on at the line step (or a horizontal rule is crossed), and
 * cells centred vertically, whose short neighbours sit between their wrapped lines, stay
 * one row. Without padding, rows cannot be told from wrapped lines.
 *
 * The result is a `Grid` as pdf-geometry.ts makes from drawn borders, so the rest of the
 * reader treats both alike. Without borders a span shows only where a cell merged down
 * several rows runs on across the padding the other columns leave between them (see
 * `splitAtMergedCells` and `mergedGroups`); cells are not merged across columns.
 */
import type { Grid, GridCell, Ruling } from "./pdf-geometry.js";
import { BULLET, normalizeText } from "../text/normalize.js";
import { letterDirection, type PlacedText } from "./pdf-lines.js";

/** Runs on the same line closer than this (points) touch: a font change, not a gutter. */
const TOUCHING = 2;
/** Runs whose baselines differ by less than this fraction of the font size share a text row. */
const SAME_BASELINE = 0.35;
/** A gap between text rows larger than this many font sizes ends any table (a new block). */
const MAX_ROW_GAP = 4;
/** Baselines closer than this many font sizes are not two lines of one column. */
const SUB_LINE = 0.9;
/** The fewest columns a text-only table has: fewer is a list (marker | text), unless it is a label/value table (see `labelValueRows`). */
const MIN_COLUMNS = 3;
/** The fewest table rows (header included) worth calling a table. */
const MIN_ROWS = 2;
/** The largest step between stacked lines, in font sizes, taken for a wrapped line's without more evidence (single spacing). */
const MAX_LINE_STEP = 1.6;
/** The largest step between a cell's wrapped lines, in font sizes: a tall font's single spacing, not double spacing. */
const MAX_WRAPPED_STEP = 2.2;
/** The line step assumed when no cell wraps: single spacing. */
const DEFAULT_LINE_STEP = 1.2;
/**
 * Lines of one column further apart than the line step plus this many font sizes are in
 * different cells: the padding between rows, which may be little more than a tenth of a line.
 */
const CELL_PADDING = 0.05;

interface Span {
  from: number;
  to: number;
}

/** Runs sharing a baseline, with the horizontal extent of their ink. */
interface TextRow {
  y: number;
  size: number;
  spans: Span[];
  runs: PlacedText[];
}

function textRows(runs: PlacedText[]): TextRow[] {
  const inked = runs.filter((run) => run.str.trim().length > 0 && run.width > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextRow[] = [];
  for (const run of inked) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - run.y) <= SAME_BASELINE * Math.max(row.size, run.size)) {
      row.runs.push(run);
      row.size = Math.max(row.size, run.size);
    } else {
      rows.push({ y: run.y, size: run.size, spans: [], runs: [run] });
    }
  }
  for (const row of rows) row.spans = union([], row.runs.map((run) => ({ from: run.x, to: run.x + run.width })));
  return rows;
}

/** Sorted, disjoint extents covering `a` and `b`; extents closer than TOUCHING are one. */
function union(a: Span[], b: Span[]): Span[] {
  const all = [...a, ...b].sort((p, q) => p.from - q.from);
  const merged: Span[] = [];
  for (const span of all) {
    const last = merged.at(-1);
    if (last && span.from <= last.to + TOUCHING) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/** How many of the extents in `columns` one span of `row` reaches across at most. */
function widestBridge(columns: Span[], row: Span[]): number {
  let widest = 0;
  for (const span of row) {
    const reached = columns.filter((c) => c.from <= span.to + TOUCHING && c.to >= span.from - TOUCHING).length;
    widest = Math.max(widest, reached);
  }
  return widest;
}

/**
 * Whether a text row is a row spanning the table ("Composante 2 : …", "Axe 1", a group title): one
 * line of one stretch of text, from the table's starting edge (its left, or its right in a right-to-left
 * table) across two columns or more (a short title spanning the table ends in its second column).
 * Body text looks the same for a line; what tells them apart is the row after it, which goes on in
 * the table's columns (see `findTextGrids`).
 */
function isSpanningRow(row: TextRow, columns: Span[]): boolean {
  if (row.spans.length !== 1 || columns.length < MIN_COLUMNS || widestBridge(columns, row.spans) < 2) return false;
  const [span] = row.spans;
  const rtl = letterDirection(row.runs.map((run) => run.str).join(" ")) === "rtl";
  return rtl ? Math.abs(span.to - columns[columns.length - 1].to) <= row.size : Math.abs(span.from - columns[0].from) <= row.size;
}

/** Whether a row's text stays within the columns: no stretch of it reaches across a gutter. */
const withinColumns = (row: TextRow, columns: Span[]): boolean => widestBridge(columns, row.spans) <= 1;

/**
 * Tables among runs no drawn grid claimed. `horizontalRules` are the page's horizontal
 * rulings, which separate rows where present.
 */
export function findTextGrids(runs: PlacedText[], horizontalRules: Ruling[]): Grid[] {
  const rows = textRows(runs);
  const grids: Grid[] = [];
  // Rows before this one belong to tables found already.
  let free = 0;
  let i = 0;
  while (i < rows.length) {
    if (rows[i].spans.length < 2) {
      i++;
      continue;
    }
    let columns = rows[i].spans;
    let end = i;
    for (let j = i + 1; j < rows.length; j++) {
      if (rows[j - 1].y - rows[j].y > MAX_ROW_GAP * Math.max(rows[j - 1].size, rows[j].size)) break;
      // A line that runs across a gutter into a third column is body text: the table, if any, ended above it;
      // unless the table goes on under it in the same columns, which makes it a row spanning the table
      // (as does a shorter one across two columns, which would otherwise join them).
      const bridge = widestBridge(columns, rows[j].spans);
      if (bridge >= 2) {
        const after = rows[j + 1];
        const goesOn = after !== undefined && rows[j].y - after.y <= MAX_ROW_GAP * Math.max(rows[j].size, after.size) && withinColumns(after, columns);
        if (goesOn && isSpanningRow(rows[j], columns)) {
          end = j;
          continue;
        }
        if (bridge >= 3) break;
      }
      const next = union(columns, rows[j].spans);
      if (next.length < 2) break;
      columns = next;
      end = j;
    }
    if (end === i) {
      i++;
      continue;
    }
    const step = lineStep(rows.slice(i, end + 1), stackedAbove(rows.slice(i, end + 1)));
    let start = i;
    while (start > free && widestBridge(columns, rows[start - 1].spans) < 2 && joinsRowsBelow(rows.slice(start - 1, end + 1), step)) {
      start--;
    }
    const found = toGrid(rows.slice(start, end + 1), horizontalRules);
    if (found) {
      grids.push(found.grid);
      i = free = start + found.rowsTaken;
    } else {
      i++;
    }
  }
  return grids;
}

/**
 * Whether the first of `rows`, with text in one column only, belongs with the rows under it:
 * it lies less than a line over the next (the top line of a cell centred on the row's middle,
 * "No" over "." beside "Commitment"), or one of its cells runs on into them at the line step
 * (`step`, in font sizes): the top of a cell set higher than its neighbours, the rest of a row
 * a page break cut, overleaf.
 */
function joinsRowsBelow(rows: TextRow[], step: number): boolean {
  const [top, next] = rows;
  if (top.y - next.y < SUB_LINE * Math.max(top.size, next.size)) return true;
  return top.runs.some((run) => {
    for (let r = 1; r < rows.length; r++) {
      const below = rows[r].runs.find((other) => stacked(other, run));
      if (below) return (top.y - rows[r].y) / below.size <= step + CELL_PADDING;
    }
    return false;
  });
}

/** Whether two runs share some horizontal extent: one sits over the other. */
function stacked(a: PlacedText, b: PlacedText): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}

/**
 * For each run below the first row, the nearest row above holding a run stacked over it, and
 * the baseline distance to it in the run's font sizes.
 */
function stackedAbove(rows: TextRow[]): Array<Array<{ run: PlacedText; above: number; step: number }>> {
  return rows.map((row, r) =>
    row.runs.flatMap((run) => {
      for (let above = r - 1; above >= 0; above--) {
        // Measured from the runs themselves: a text row's baseline is its first run's, and runs up to a third
        // of a line apart share a row, so the rows' baselines would misstate a cell's line step.
        const over = rows[above].runs.find((o) => stacked(o, run));
        if (over) return [{ run, above, step: (over.y - run.y) / run.size }];
      }
      return [];
    }),
  );
}

/**
 * The vertical step between a cell's wrapped lines, in font sizes: the smallest baseline step
 * between runs stacked over each other, when it is a single-spaced step. A larger one (up to
 * a tall font's single spacing: Amiri's is 1.76) may be the rows' own pitch in a table whose
 * cells all hold one line; it is a wrapped line's when a line at that step has no text in
 * the table's first column, as a cell's second line has not.
 */
function lineStep(rows: TextRow[], pairs: ReturnType<typeof stackedAbove>): number {
  const steps = pairs.flat().map((pair) => pair.step).filter((step) => step >= SUB_LINE);
  const step = Math.min(...steps);
  if (step <= MAX_LINE_STEP) return step;
  if (step > MAX_WRAPPED_STEP) return DEFAULT_LINE_STEP;
  const rtl = isRtl(rows);
  // The edge is the rows' under the first: a header's key may stand further out than the keys
  // under it (set wider, or aligned otherwise), which would make every row under it look keyless.
  const body = rows.length > 1 ? rows.slice(1) : rows;
  const startEdge = rtl ? Math.max(...body.map((row) => row.spans[row.spans.length - 1].to)) : Math.min(...body.map((row) => row.spans[0].from));
  // The first column is what the rows in columns (more than one stretch of text) cover at the
  // starting edge. A line short of the edge with text there holds its key, set narrower or aligned
  // otherwise; a single stretch running across the first column and past it is no row in columns
  // but a wrapped line, a list item's going back to the margin.
  const covered = rows.filter((row) => row.spans.length > 1).reduce<Span[]>((acc, row) => union(acc, row.spans), []);
  const firstColumn = rtl ? covered.at(-1) : covered[0];
  const inFirstColumn = (row: TextRow): boolean => firstColumn !== undefined && row.spans.some((s) => s.from < firstColumn.to && s.to > firstColumn.from);
  const acrossFirstColumn = (row: TextRow): boolean =>
    firstColumn !== undefined && row.spans.length === 1 && row.spans[0].from < firstColumn.from - row.size && row.spans[0].to > firstColumn.to;
  const keyless = (row: TextRow): boolean =>
    ((rtl ? row.spans[row.spans.length - 1].to < startEdge - row.size : row.spans[0].from > startEdge + row.size) && !inFirstColumn(row)) ||
    acrossFirstColumn(row);
  const wraps = pairs.some((rowPairs, r) => rowPairs.some((pair) => pair.step <= step + CELL_PADDING && (keyless(rows[r]) || keyless(rows[pair.above]))));
  return wraps ? step : DEFAULT_LINE_STEP;
}

/** Whether rows of text read right to left, by the letters they hold. */
function isRtl(rows: TextRow[]): boolean {
  return letterDirection(rows.flatMap((row) => row.runs.map((run) => run.str)).join(" ")) === "rtl";
}

/** Which columns a band of rows puts text in. */
function touches(band: TextRow[], column: Span): boolean {
  return band.some((row) => row.spans.some((s) => s.from < column.to && s.to > column.from));
}

/**
 * The columns of some bands: the extents their text covers, where an extent holding text of
 * a single band is joined to its nearer neighbour. Such a gutter is a word space inside one
 * cell that no other row happened to cover, or a column no row but one uses: either way no
 * column of a table with rows.
 */
function columnsOfBands(bands: TextRow[][]): Span[] {
  let columns = bands.flat().reduce<Span[]>((acc, row) => union(acc, row.spans), []);
  for (;;) {
    const lonely = columns.findIndex((c) => bands.filter((band) => touches(band, c)).length < 2);
    if (lonely < 0 || columns.length < 2) return columns;
    const leftGap = lonely > 0 ? columns[lonely].from - columns[lonely - 1].to : Infinity;
    const rightGap = lonely + 1 < columns.length ? columns[lonely + 1].from - columns[lonely].to : Infinity;
    const a = leftGap <= rightGap ? lonely - 1 : lonely;
    columns = [...columns.slice(0, a), { from: columns[a].from, to: columns[a + 1].to }, ...columns.slice(a + 2)];
  }
}

/**
 * Cut text rows into table rows. Within a cell, lines follow each other at the line step; from
 * one row to the next, text steps down by the cell padding more. So two text rows belong to one
 * table row when a cell runs on across the baselines between them: in some column, a line
 * lies at the line step under the one above it (with cells centred vertically, a one-line cell
 * sits between the wrapped lines of its neighbour). Anywhere else a new row starts, and
 * wherever a horizontal rule is crossed.
 */
function toBands(rows: TextRow[], horizontalRules: Ruling[]): { bands: TextRow[][]; step: number } {
  const pairs = stackedAbove(rows);
  const step = lineStep(rows, pairs);
  // runsOn[r]: a cell runs on from row r - 1 to row r.
  const runsOn = rows.map(() => false);
  for (let r = 1; r < rows.length; r++) {
    for (const { above, step: distance } of pairs[r]) {
      if (distance > step + CELL_PADDING) continue;
      for (let k = above + 1; k <= r; k++) runsOn[k] = true;
    }
  }
  const left = Math.min(...rows.flatMap((row) => row.spans.map((s) => s.from)));
  const right = Math.max(...rows.flatMap((row) => row.spans.map((s) => s.to)));
  const bands: TextRow[][] = [[rows[0]]];
  for (let r = 1; r < rows.length; r++) {
    const band = bands[bands.length - 1];
    const lowest = band[band.length - 1].y;
    const ruled = horizontalRules.some(
      (rule) => rule.at < lowest && rule.at > rows[r].y + 0.2 * rows[r].size && rule.from <= (left + right) / 2 && rule.to >= (left + right) / 2,
    );
    if (ruled || !runsOn[r]) bands.push([rows[r]]);
    else band.push(rows[r]);
  }
  return { bands, step };
}

/** A band cut into the table rows a merged cell held together, and the columns whose cell spans them all. */
interface BandParts {
  parts: TextRow[][];
  merged: Set<number>;
}

/**
 * A cell merged down several rows (a commitment over its milestones) runs on at the line step
 * across the padding between them, so `toBands` takes those rows for one. They are still
 * there in the other columns: where two columns or more each have a gap wider than the line
 * step at the same height, and fewer columns have text across it, the band is cut there. A
 * column with text across a cut, or inside the gap (a one-line cell centred on the rows), is
 * the merged cell's: one cell spanning all the band's rows.
 */
function splitAtMergedCells(band: TextRow[], columns: Span[], step: number): BandParts {
  // Baselines from the runs themselves: a text row's is its first run's (see stackedAbove).
  const linesOf = columns.map((column) =>
    band
      .flatMap((row) => row.runs.filter((run) => run.x < column.to && run.x + run.width > column.from))
      .map((run) => ({ y: run.y, size: run.size }))
      .sort((a, b) => b.y - a.y),
  );
  const gaps = linesOf.flatMap((lines, column) =>
    lines.slice(1).flatMap((line, i) => ((lines[i].y - line.y) / line.size > step + CELL_PADDING ? [{ column, low: line.y, high: lines[i].y, size: line.size }] : [])),
  );
  const cuts: Array<{ low: number; high: number }> = [];
  const merged = new Set<number>();
  const candidates = gaps.map((gap) => {
    const at = (gap.low + gap.high) / 2;
    const holding = gaps.filter((other) => other.low < at && other.high > at);
    return { holding, low: Math.max(...holding.map((g) => g.low)), high: Math.min(...holding.map((g) => g.high)) };
  });
  candidates.sort((a, b) => b.holding.length - a.holding.length);
  for (const { holding, low, high } of candidates) {
    const gapColumns = new Set(holding.map((gap) => gap.column));
    // The rows' padding is a blank more than a line high in every column that ends a cell there.
    const blank = (high - low) / Math.max(...holding.map((gap) => gap.size));
    if (gapColumns.size < 2 || blank <= step || cuts.some((cut) => cut.low < high && cut.high > low)) continue;
    const across = linesOf.flatMap((lines, column) =>
      !gapColumns.has(column) && (lines.some((l) => l.y > low && l.y < high) || (lines.some((l) => l.y >= high) && lines.some((l) => l.y <= low))) ? [column] : [],
    );
    if (across.length === 0 || across.length >= gapColumns.size) continue;
    cuts.push({ low, high });
    for (const column of across) merged.add(column);
  }
  if (cuts.length === 0) return { parts: [band], merged };
  const at = cuts.map((cut) => (cut.low + cut.high) / 2).sort((a, b) => b - a);
  const parts = at.map(() => [] as TextRow[]).concat([[]]);
  for (const row of band) parts[at.filter((y) => row.y < y).length].push(row);
  return { parts: parts.filter((part) => part.length > 0), merged };
}

/** A bullet or a dash standing first on a line, as the normalizer leaves list markers. */
const LIST_MARKER = new RegExp(`^(?:${BULLET}|[-\u2010\u2011\u2013\u2014])(?: |$)`, "u");

/**
 * Whether a band is a bulleted list's item rather than a table row: its first line opens, on
 * its reading side, with a bullet or a dash. A list's marker and text leave a gutter as a
 * table's first two columns do, and list items right after a table line up with its columns.
 */
function isListItem(band: TextRow[]): boolean {
  const { runs } = band[0];
  const byX = [...runs].sort((a, b) => a.x - b.x);
  const opening = letterDirection(runs.map((run) => run.str).join(" ")) === "rtl" ? byX[byX.length - 1] : byX[0];
  return LIST_MARKER.test(normalizeText(opening.str));
}

/** The fewest rows of a two-column label/value table: fewer are a label line or two. */
const MIN_CARD_ROWS = 3;
/** The narrowest gutter, in font sizes, between a label/value table's labels and values: wider than a tab after a label. */
const MIN_CARD_GUTTER = 2;
/**
 * What opens or ends a list marker or a label line's label ("1.", "(a)", "Status:"), not a label
 * cell; at either end, as right-to-left runs may hold their punctuation in visual order.
 */
const MARKER_EDGE = /^[.:()[\]\u061B\u060C]|[.:()[\]\u061B\u060C]$/u;

/**
 * How many of two-column `bands` make a label/value table (a "card": Number | 3, Commitment | …,
 * Status | …), or undefined if they are none. Each row has its label, one line holding letters,
 * in the column on the reading side (the right one in a right-to-left table), narrower than the
 * values and a wide gutter from them; a list's marker ("1.", "-") or a label line's label
 * ("Status:") is no label cell, and ends the table there. Cards set one after the other run together
 * at the same spacing: a label seen already in the table starts the next card.
 */
function labelValueRows(bands: TextRow[][], columns: Span[]): number | undefined {
  const rtl = isRtl(bands.flat());
  const [labels, values] = rtl ? [columns[1], columns[0]] : [columns[0], columns[1]];
  const size = Math.max(...bands.flat().map((row) => row.size));
  if (labels.to - labels.from > values.to - values.from || columns[1].from - columns[0].to < MIN_CARD_GUTTER * size) return undefined;
  const seen = new Set<string>();
  let count = 0;
  for (const band of bands) {
    const labelRows = band.filter((row) => row.spans.some((s) => s.from < labels.to && s.to > labels.from));
    if (labelRows.length !== 1) break;
    const label = normalizeText(
      visualRuns(labelRows[0].runs.filter((run) => run.x < labels.to && run.x + run.width > labels.from), rtl)
        .map((run) => run.str)
        .join(" "),
    );
    if (!/\p{L}/u.test(label) || MARKER_EDGE.test(label) || LIST_MARKER.test(label) || seen.has(label)) break;
    seen.add(label);
    count++;
  }
  return count >= MIN_CARD_ROWS ? count : undefined;
}

/** Runs of one line in reading order: from the right in right-to-left text. */
function visualRuns(runs: PlacedText[], rtl: boolean): PlacedText[] {
  return [...runs].sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
}

/** The boundaries between table rows, top to bottom: halfway between one row's ink and the next's. */
function rowBoundaries(tableRows: TextRow[][]): number[] {
  const bandTop = (band: TextRow[]): number => Math.max(...band.map((row) => row.y + row.size));
  const bandBottom = (band: TextRow[]): number => Math.min(...band.map((row) => row.y - 0.35 * row.size));
  const ys = [bandTop(tableRows[0])];
  for (let b = 1; b < tableRows.length; b++) ys.push((bandBottom(tableRows[b - 1]) + bandTop(tableRows[b])) / 2);
  ys.push(bandBottom(tableRows[tableRows.length - 1]));
  return ys;
}

/** Text rows of one table part further apart than this many font sizes are not rows of it (a running header above it). */
const CARRIED_ROW_GAP = 2;

/**
 * The rest of a table without borders that ended the page before, in that table's columns
 * (`xs`): a page break may leave too little of it overleaf to show gutters of its own (a
 * repeated header and the end of one row, the last lines of a row's cells). It is the text
 * rows at the top of the page each of whose runs stays within one of those columns, before
 * any that runs across a column boundary (the body text after the table) or stands apart, up
 * to the end of the first row with nothing in the key column; one of its rows, or of those
 * right under it in the same columns, has text in two columns.
 */
export function findCarriedGrid(runs: PlacedText[], xs: number[], horizontalRules: Ruling[]): Grid | undefined {
  const rows = textRows(runs);
  // Only the inner boundaries bound a column: the outer ones are where the widest text of the page before ended.
  const columnOf = (run: PlacedText): number => {
    const slack = run.size;
    const last = xs.length - 2;
    for (let c = 0; c <= last; c++) {
      if ((c === 0 || run.x >= xs[c] - slack) && (c === last || run.x + run.width <= xs[c + 1] + slack)) return c;
    }
    return -1;
  };
  let taken = 0;
  while (
    taken < rows.length &&
    rows[taken].runs.every((run) => columnOf(run) >= 0) &&
    (taken === 0 || rows[taken - 1].y - rows[taken].y <= CARRIED_ROW_GAP * Math.max(rows[taken - 1].size, rows[taken].size))
  ) {
    taken++;
  }
  if (taken === 0) return undefined;
  const { bands: all } = toBands(rows.slice(0, taken), horizontalRules);
  // The row the page break cut has nothing in its key column (the number is above the break):
  // the part ends with it, after the header a word processor may repeat.
  const keyColumn = isRtl(rows.slice(0, taken)) ? xs.length - 2 : 0;
  const cut = all.findIndex((band) => band.every((row) => row.runs.every((run) => columnOf(run) !== keyColumn)));
  if (cut < 0) return undefined;
  const bands = all.slice(0, cut + 1);
  // Text in two columns shows the table: in the part, or in the rows under it that go on in its columns
  // (the last lines of one cell, then the next rows, which have gutters of their own).
  let inColumns = taken;
  while (inColumns < rows.length && rows[inColumns].runs.every((run) => columnOf(run) >= 0)) inColumns++;
  if (!rows.slice(0, inColumns).some((row) => new Set(row.runs.map(columnOf)).size >= 2)) return undefined;
  const ys = rowBoundaries(bands);
  const cells: GridCell[] = bands.flatMap((_, r) =>
    xs.slice(1).map((right, c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, left: xs[c], right, top: ys[r], bottom: ys[r + 1] })),
  );
  return { xs, ys, cells, left: xs[0], right: xs[xs.length - 1], top: ys[0], bottom: ys[ys.length - 1], fromText: true };
}

/** Bands whose rows share the cells of the merged columns: one or more bands, in order. */
interface MergedGroup {
  members: number[];
  merged: Set<number>;
}

/** A merged cell's text may stand this far, in font sizes, from the middle of its rows and still be centred on them. */
const CENTRED = 0.5;

/**
 * The bands grouped by the merged cells they share. A cell merged down three rows and centred
 * on them may run on across none of their gaps (its text no higher than the middle row): the
 * rows above and below it come out bands of their own, with nothing in the columns the table
 * merges elsewhere. Such a band belongs to the row before or after it that has text there,
 * whichever leaves each merged cell centred on its rows; where no choice does (a merged cell
 * set at the top, a keyless row of its own), the bands stay rows of their own.
 */
function mergedGroups(bands: TextRow[][], split: BandParts[], columns: Span[], spanning: Set<TextRow[]>): MergedGroup[] {
  const own = split.map((band, b): MergedGroup => ({ members: [b], merged: band.merged }));
  const tableMerged = new Set(split.flatMap((band) => [...band.merged]));
  if (tableMerged.size === 0) return own;
  const inMerged = (b: number) =>
    bands[b].flatMap((row) => row.runs).filter((run) => [...tableMerged].some((c) => run.x < columns[c].to && run.x + run.width > columns[c].from));
  // The header (the first band) and a band across the table hold no merged cell.
  const keyless = (b: number) => b > 0 && !spanning.has(bands[b]) && inMerged(b).length === 0;
  const keyed = (b: number | undefined) => b !== undefined && b > 0 && !spanning.has(bands[b]) && !keyless(b);
  /** How far, in font sizes, the merged text of band `b` stands from the middle of these bands' lines. */
  const offCentre = (b: number, members: number[]): number => {
    const text = inMerged(b);
    const all = members.flatMap((m) => bands[m].flatMap((row) => row.runs));
    const middle = (runs: PlacedText[]) => (Math.max(...runs.map((run) => run.y)) + Math.min(...runs.map((run) => run.y))) / 2;
    return Math.abs(middle(text) - middle(all)) / Math.max(...text.map((run) => run.size));
  };
  const owner = bands.map((_, b) => b);
  for (let b = 1; b < bands.length; b++) {
    if (!keyless(b) || keyless(b - 1)) continue;
    let end = b;
    while (end < bands.length && keyless(end)) end++;
    const before = keyed(b - 1) ? owner[b - 1] : undefined;
    const after = keyed(end) ? end : undefined;
    let best: { split: number; off: number } | undefined;
    for (let j = before === undefined ? 0 : end - b; j >= 0; j--) {
      if (j < end - b && after === undefined) continue;
      const withBefore = before === undefined ? [] : [...owner.flatMap((o, m) => (o === before ? [m] : [])), ...range(b, b + j)];
      const withAfter = after === undefined ? [] : [...range(b + j, end), after];
      const off = Math.max(before === undefined ? 0 : offCentre(before, withBefore), after === undefined ? 0 : offCentre(after, withAfter));
      if (!best || off < best.off) best = { split: j, off };
    }
    if (!best) continue;
    for (let m = b; m < end; m++) owner[m] = m < b + best.split ? before! : after!;
  }
  // A choice that left a merged cell off the middle of its rows undoes itself.
  const membersOf = (o: number) => owner.flatMap((x, m) => (x === o ? [m] : []));
  for (let b = 0; b < bands.length; b++) {
    if (owner[b] === b && membersOf(b).length > 1 && offCentre(b, membersOf(b)) > CENTRED) for (const m of membersOf(b)) owner[m] = m;
  }
  const groups: MergedGroup[] = [];
  for (let b = 0; b < bands.length; b++) {
    if (owner[b] !== b) continue;
    const members = membersOf(b);
    groups.push(members.length > 1 ? { members, merged: tableMerged } : own[b]);
  }
  return groups;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/**
 * The table at the top of `rows`, if there is one, and how many of the rows it takes. The
 * table ends before the first row whose text joins two of the columns the rows above it
 * established (a paragraph after the table), or before trailing rows with text in one column
 * or bulleted list items; leading rows of those kinds are not the table's either.
 */
function toGrid(rows: TextRow[], horizontalRules: Ruling[]): { grid: Grid; rowsTaken: number } | undefined {
  const { bands: all, step } = toBands(rows, horizontalRules);
  // Rows spanning the table say nothing of its columns: the columns come from the other rows, and
  // each spanning row is one cell across them all.
  const oneLine = (band: TextRow[]): boolean => band.length === 1 && band[0].spans.length === 1;
  const provisional = columnsOfBands(all.filter((band) => !oneLine(band)));
  const spanning = new Set(all.filter((band) => oneLine(band) && isSpanningRow(band[0], provisional)));
  const columnsOf = (bands: TextRow[][]): Span[] => columnsOfBands(bands.filter((band) => !spanning.has(band)));
  const wholeColumns = columnsOf(all);
  let skipped = 0;
  while (all.length > 0 && (wholeColumns.filter((c) => touches(all[0], c)).length < 2 || isListItem(all[0]))) skipped += all.shift()!.length;
  if (all.length < MIN_ROWS) return undefined;
  // Columns can only be lost to a band with a span reaching across a gap of the text so far:
  // only then are the columns before and after it worth comparing.
  let raw = all.slice(0, MIN_ROWS).filter((band) => !spanning.has(band)).flat().reduce<Span[]>((acc, row) => union(acc, row.spans), []);
  let count = MIN_ROWS;
  for (; count < all.length; count++) {
    if (spanning.has(all[count])) continue;
    const spans = all[count].flatMap((row) => row.spans);
    if (widestBridge(raw, spans) >= 2 && columnsOf(all.slice(0, count + 1)).length < columnsOf(all.slice(0, count)).length) break;
    raw = union(raw, spans);
  }
  const bands = all.slice(0, count);
  const withTrailing = columnsOf(bands);
  while (
    bands.length > 0 &&
    (spanning.has(bands[bands.length - 1]) || withTrailing.filter((c) => touches(bands[bands.length - 1], c)).length < 2 || isListItem(bands[bands.length - 1]))
  ) {
    bands.pop();
  }
  if (bands.length < MIN_ROWS) return undefined;
  let columns = columnsOf(bands);
  if (columns.length === 2) {
    const card = labelValueRows(bands, columns);
    if (card === undefined) return undefined;
    bands.splice(card);
    columns = columnsOf(bands);
    if (columns.length !== 2) return undefined;
  } else if (columns.length < MIN_COLUMNS) {
    return undefined;
  }

  const xs = [columns[0].from - 1];
  for (let c = 1; c < columns.length; c++) xs.push((columns[c - 1].to + columns[c].from) / 2);
  xs.push(columns[columns.length - 1].to + 1);
  const split = bands.map((band): BandParts => (spanning.has(band) ? { parts: [band], merged: new Set() } : splitAtMergedCells(band, columns, step)));
  const groups = mergedGroups(bands, split, columns, spanning);
  const ys = rowBoundaries(split.flatMap((band) => band.parts));

  const cells: GridCell[] = [];
  let r = 0;
  for (const { members, merged } of groups) {
    if (members.length === 1 && spanning.has(bands[members[0]])) {
      cells.push({ row: r, col: 0, rowSpan: 1, colSpan: columns.length, left: xs[0], right: xs[columns.length], top: ys[r], bottom: ys[r + 1] });
      r++;
      continue;
    }
    const count = members.reduce((sum, b) => sum + split[b].parts.length, 0);
    for (let row = 0; row < count; row++, r++) {
      for (let c = 0; c < columns.length; c++) {
        if (merged.has(c) && row > 0) continue;
        const rowSpan = merged.has(c) ? count : 1;
        cells.push({ row: r, col: c, rowSpan, colSpan: 1, left: xs[c], right: xs[c + 1], top: ys[r], bottom: ys[r + rowSpan] });
      }
    }
  }
  const grid: Grid = { xs, ys, cells, left: xs[0], right: xs[xs.length - 1], top: ys[0], bottom: ys[ys.length - 1], fromText: true };
  return { grid, rowsTaken: skipped + bands.flat().length };
}
