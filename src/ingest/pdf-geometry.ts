/**
 * Table grids from a PDF page's vector graphics.
 *
 * PDF has no tables: a word processor draws each cell border as a stroked line
 * or a thin filled rectangle, and cell shading as a filled rectangle. We collect
 * the axis-aligned rulings those operators draw, group rulings that touch into
 * grids, and cut each grid into cells; where a border is missing between two grid
 * units the cells are merged, which is how colspan/rowspan survive.
 *
 * Coordinates are PDF user space after the current transformation matrix: y grows
 * upwards, like the text items' transforms.
 */
import { OPS } from "./pdf-engine.js";

/** A horizontal (y fixed) or vertical (x fixed) ruling line. */
export interface Ruling {
  /** The fixed coordinate: y for horizontal rulings, x for vertical ones. */
  at: number;
  from: number;
  to: number;
}

export interface PageRulings {
  horizontal: Ruling[];
  vertical: Ruling[];
}

/** One cell of a grid, in grid units: rows count from the top, columns from the left. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Grid {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (descending y). */
  ys: number[];
  cells: GridCell[];
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Drawn from the text's gutters (pdf-columns.ts), not from borders: its boundaries move with the text. */
  fromText?: boolean;
}

/**
 * A page drawing more ruling lines than this is a chart or a drawing, not a table: looking
 * for grids in it would cost time for nothing.
 */
export const MAX_RULINGS = 2000;

/** Two coordinates closer than this (points) are the same border: Writer draws adjacent cells' borders separately, a fraction of a point apart. */
const SAME_LINE = 2;
/** A filled rectangle thinner than this is a drawn line, not a shaded area. */
const THIN_RECTANGLE = 3;
/** A segment whose ends differ by less than this across its axis counts as axis-aligned. */
const SKEW = 0.5;

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** pdfjs's path data opcodes inside a constructPath argument. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
const FILL_AND_STROKE_OPS = new Set<number>([
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

/**
 * Collect the axis-aligned rulings a page draws. Stroked segments count as drawn;
 * filled rectangles count by their edges (a shaded cell's edges are its borders),
 * except rectangles covering most of the page (backgrounds, clip areas).
 */
export function collectRulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  pageWidth: number,
  pageHeight: number,
): PageRulings {
  const horizontal: Ruling[] = [];
  const vertical: Ruling[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];

  const point = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  const addSegment = (x1: number, y1: number, x2: number, y2: number): void => {
    if (Math.abs(y1 - y2) < SKEW && Math.abs(x1 - x2) >= SKEW) {
      horizontal.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    } else if (Math.abs(x1 - x2) < SKEW && Math.abs(y1 - y2) >= SKEW) {
      vertical.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
    }
  };
  const addRectangle = (corners: Array<[number, number]>): void => {
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const left = Math.min(...xs);
    const right = Math.max(...xs);
    const bottom = Math.min(...ys);
    const top = Math.max(...ys);
    const width = right - left;
    const height = top - bottom;
    if (width > pageWidth * 0.9 && height > pageHeight * 0.9) return;
    if (height < THIN_RECTANGLE && width >= THIN_RECTANGLE) {
      horizontal.push({ at: (top + bottom) / 2, from: left, to: right });
    } else if (width < THIN_RECTANGLE && height >= THIN_RECTANGLE) {
      vertical.push({ at: (left + right) / 2, from: bottom, to: top });
    } else if (width >= THIN_RECTANGLE && height >= THIN_RECTANGLE) {
      horizontal.push({ at: top, from: left, to: right }, { at: bottom, from: left, to: right });
      vertical.push({ at: left, from: bottom, to: top }, { at: right, from: bottom, to: top });
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OPS.save) {
      stack.push(ctm);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === OPS.transform) {
      const m = argsArray[i] as number[];
      ctm = multiply([m[0], m[1], m[2], m[3], m[4], m[5]], ctm);
    } else if (fn === OPS.constructPath) {
      const [paintOp, pathHolder] = argsArray[i] as [number, ArrayLike<ArrayLike<number> | null>];
      const stroke = STROKE_OPS.has(paintOp) || FILL_AND_STROKE_OPS.has(paintOp);
      const fill = FILL_OPS.has(paintOp) || FILL_AND_STROKE_OPS.has(paintOp);
      if (!stroke && !fill) continue;
      const path = pathHolder?.[0];
      if (!path) continue;
      let subpath: Array<[number, number]> = [];
      let straight = true;
      const flush = (): void => {
        if (fill && straight && subpath.length >= 4 && subpath.length <= 5 && isRectangle(subpath)) {
          addRectangle(subpath.slice(0, 4));
        } else if (stroke) {
          for (let k = 1; k < subpath.length; k++) {
            addSegment(subpath[k - 1][0], subpath[k - 1][1], subpath[k][0], subpath[k][1]);
          }
        }
        subpath = [];
        straight = true;
      };
      for (let k = 0; k < path.length; ) {
        const op = path[k];
        if (op === MOVE_TO) {
          flush();
          subpath.push(point(path[k + 1], path[k + 2]));
          k += 3;
        } else if (op === LINE_TO) {
          subpath.push(point(path[k + 1], path[k + 2]));
          k += 3;
        } else if (op === CURVE_TO) {
          straight = false;
          subpath.push(point(path[k + 5], path[k + 6]));
          k += 7;
        } else if (op === CLOSE_PATH) {
          if (subpath.length > 0) subpath.push(subpath[0]);
          k += 1;
        } else {
          break; // an opcode this version does not know: stop rather than misread the rest
        }
      }
      flush();
    }
  }
  return { horizontal: mergeRulings(horizontal), vertical: mergeRulings(vertical) };
}

function isRectangle(corners: Array<[number, number]>): boolean {
  for (let k = 1; k < 4; k++) {
    const dx = Math.abs(corners[k][0] - corners[k - 1][0]);
    const dy = Math.abs(corners[k][1] - corners[k - 1][1]);
    if (dx >= SKEW && dy >= SKEW) return false;
  }
  return true;
}

/** Merge rulings on the same line whose extents overlap or nearly touch. */
function mergeRulings(rulings: Ruling[]): Ruling[] {
  const sorted = [...rulings].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Ruling[][] = [];
  for (const ruling of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].at - ruling.at) <= SAME_LINE) line.push(ruling);
    else lines.push([ruling]);
  }
  const merged: Ruling[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, r) => sum + r.at, 0) / line.length;
    line.sort((a, b) => a.from - b.from);
    let current: Ruling | undefined;
    for (const r of line) {
      if (current && r.from <= current.to + SAME_LINE) {
        current.to = Math.max(current.to, r.to);
      } else {
        if (current) merged.push(current);
        current = { at, from: r.from, to: r.to };
      }
    }
    if (current) merged.push(current);
  }
  return merged;
}

class DisjointSets {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function crosses(h: Ruling, v: Ruling): boolean {
  return (
    v.at >= h.from - SAME_LINE &&
    v.at <= h.to + SAME_LINE &&
    h.at >= v.from - SAME_LINE &&
    h.at <= v.to + SAME_LINE
  );
}

/** Sorted distinct values, values within SAME_LINE of each other counted once. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const result: number[] = [];
  for (const value of sorted) {
    if (result.length === 0 || value - result[result.length - 1] > SAME_LINE) result.push(value);
  }
  return result;
}

/**
 * Group rulings that cross into grids and cut each grid into cells. A group needs
 * at least two horizontal and two vertical rulings to enclose anything; lone
 * underlines and separators are left to the text.
 */
export function findGrids(rulings: PageRulings): Grid[] {
  const { horizontal, vertical } = rulings;
  const sets = new DisjointSets(horizontal.length + vertical.length);
  // Sorting verticals by x lets each horizontal visit only the verticals within its extent.
  const verticalOrder = vertical.map((_, i) => i).sort((a, b) => vertical[a].at - vertical[b].at);
  const verticalXs = verticalOrder.map((i) => vertical[i].at);
  for (let h = 0; h < horizontal.length; h++) {
    const ruling = horizontal[h];
    for (let k = lowerBound(verticalXs, ruling.from - SAME_LINE); k < verticalOrder.length; k++) {
      const v = verticalOrder[k];
      if (vertical[v].at > ruling.to + SAME_LINE) break;
      if (crosses(ruling, vertical[v])) sets.union(h, horizontal.length + v);
    }
  }
  const groups = new Map<number, { h: Ruling[]; v: Ruling[] }>();
  const groupOf = (i: number) => {
    const root = sets.find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { h: [], v: [] }));
    return group;
  };
  horizontal.forEach((r, i) => groupOf(i).h.push(r));
  vertical.forEach((r, i) => groupOf(horizontal.length + i).v.push(r));

  const grids: Grid[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = cutGrid(h, v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => b.top - a.top);
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cutGrid(horizontal: Ruling[], vertical: Ruling[]): Grid | undefined {
  const xs = distinct(vertical.map((r) => r.at));
  const ys = distinct(horizontal.map((r) => r.at)).reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return undefined;

  // The rulings lying on each boundary, so that checking a border looks at that line only.
  const onBoundary = (rulings: Ruling[], boundaries: number[]): Ruling[][] =>
    boundaries.map((at) => rulings.filter((r) => Math.abs(r.at - at) <= SAME_LINE));
  const verticalOn = onBoundary(vertical, xs);
  const horizontalOn = onBoundary(horizontal, ys);
  const covers = (rulings: Ruling[], mid: number): boolean =>
    rulings.some((r) => r.from - SAME_LINE <= mid && r.to + SAME_LINE >= mid);
  // A unit is a grid rectangle between consecutive boundaries; units with no border between them belong to one cell.
  const sets = new DisjointSets(rows * cols);
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < cols && !covers(verticalOn[c + 1], midY)) sets.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covers(horizontalOn[r + 1], midX)) sets.union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = sets.find(r * cols + c);
      const span = spans.get(root);
      if (!span) spans.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        span.r0 = Math.min(span.r0, r);
        span.r1 = Math.max(span.r1, r);
        span.c0 = Math.min(span.c0, c);
        span.c1 = Math.max(span.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...spans.values()]
    .map(({ r0, r1, c0, c1 }) => ({
      row: r0,
      col: c0,
      rowSpan: r1 - r0 + 1,
      colSpan: c1 - c0 + 1,
      left: xs[c0],
      right: xs[c1 + 1],
      top: ys[r0],
      bottom: ys[r1 + 1],
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, left: xs[0], right: xs[cols], top: ys[0], bottom: ys[rows] };
}
