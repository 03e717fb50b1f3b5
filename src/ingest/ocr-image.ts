/**
 * Page-image measurements for OCR, on greyscale pixels (0 black .. 255 white), y downwards:
 * the dark/light threshold, the skew of the text lines, whether the page lies on its side, and
 * the ruling lines a scanned table is drawn with (the vector rulings a typed PDF has, found as
 * long thin runs of dark pixels).
 */

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row. */
  data: Uint8Array;
}

/** A ruling found in the image, in pixels: `at` is the row (horizontal) or column (vertical). */
export interface PixelRuling {
  at: number;
  from: number;
  to: number;
  /** Rows (or columns) it spans. */
  thickness: number;
}

export interface PixelRulings {
  horizontal: PixelRuling[];
  vertical: PixelRuling[];
}

export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    // Rec. 601 luma; a transparent pixel is paper.
    const alpha = rgba[p + 3] / 255;
    const luma = 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2];
    data[i] = Math.round(luma * alpha + 255 * (1 - alpha));
  }
  return { width, height, data };
}

/** Otsu's threshold: the grey level that best splits ink from paper. Pixels below it are dark. */
export function darkThreshold(image: GreyImage): number {
  const histogram = new Float64Array(256);
  for (const value of image.data) histogram[value]++;
  const total = image.data.length;
  let sum = 0;
  for (let level = 0; level < 256; level++) sum += level * histogram[level];
  let below = 0;
  let sumBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let level = 0; level < 256; level++) {
    below += histogram[level];
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += level * histogram[level];
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = level + 1;
    }
  }
  return best;
}

/** Share of dark pixels. */
export function inkShare(image: GreyImage, threshold: number): number {
  let dark = 0;
  for (const value of image.data) if (value < threshold) dark++;
  return dark / Math.max(1, image.data.length);
}

/** Dark pixels of every `step`-th row and column: enough to weigh line directions. */
function sampleDark(image: GreyImage, threshold: number, step: number): { xs: Int32Array; ys: Int32Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += step) {
    const row = y * image.width;
    for (let x = 0; x < image.width; x += step) {
      if (image.data[row + x] < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys) };
}

/**
 * How sharply the dark pixels fall into rows along direction `tan` (sum of squared row
 * counts). Rows are `step` pixels high, the sampling's pitch: finer rows would leave every
 * other one empty at angle 0 only, and favour it.
 */
function profileSharpness(xs: Int32Array, ys: Int32Array, tan: number, step: number, bins: number, offset: number): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < xs.length; i++) {
    const bin = Math.round((ys[i] - xs[i] * tan) / step) + offset;
    if (bin >= 0 && bin < bins) counts[bin]++;
  }
  let sharpness = 0;
  for (const count of counts) sharpness += count * count;
  return sharpness;
}

/** Skews searched, degrees either way: a scanner's feed tilts the paper a little. */
const MAX_SKEW_DEGREES = 3;

/**
 * The angle (degrees, clockwise as seen) of the page's text lines: the direction along which
 * the ink's row profile is sharpest (lines of text are dark rows between light ones).
 */
export function estimateSkew(image: GreyImage, threshold: number): number {
  const step = Math.max(1, Math.round(Math.min(image.width, image.height) / 800));
  const { xs, ys } = sampleDark(image, threshold, step);
  if (xs.length < 100) return 0;
  const offset = Math.ceil((image.width * Math.tan((MAX_SKEW_DEGREES * Math.PI) / 180)) / step) + 1;
  const bins = Math.ceil(image.height / step) + 2 * offset;
  const score = (degrees: number) => profileSharpness(xs, ys, Math.tan((degrees * Math.PI) / 180), step, bins, offset);
  let best = 0;
  let bestScore = score(0);
  for (let degrees = -MAX_SKEW_DEGREES; degrees <= MAX_SKEW_DEGREES + 1e-9; degrees += 0.2) {
    const s = score(degrees);
    if (s > bestScore) [best, bestScore] = [degrees, s];
  }
  const coarse = best;
  for (let degrees = coarse - 0.2; degrees <= coarse + 0.2 + 1e-9; degrees += 0.04) {
    const s = score(degrees);
    if (s > bestScore) [best, bestScore] = [degrees, s];
  }
  return Math.round(best * 100) / 100;
}

/**
 * Whether the page lies on its side: text lines run down the image, so the ink's column
 * profile is much sharper than its row profile.
 */
export function liesOnItsSide(image: GreyImage, threshold: number): boolean {
  const step = Math.max(1, Math.round(Math.min(image.width, image.height) / 800));
  const { xs, ys } = sampleDark(image, threshold, step);
  if (xs.length < 100) return false;
  const rows = profileSharpness(xs, ys, 0, step, Math.ceil(image.height / step) + 1, 0) / image.height;
  const columns = profileSharpness(ys, xs, 0, step, Math.ceil(image.width / step) + 1, 0) / image.width;
  return columns > rows * 1.5;
}

/** Gaps a ruling may have (pixels): noise and compression break drawn lines here and there. */
const RULING_GAP = 3;

interface Segment {
  from: number;
  to: number;
}

/** Runs of dark pixels along one row or column, gaps up to RULING_GAP bridged, at least `minLength` long. */
function darkRuns(dark: (i: number) => boolean, length: number, minLength: number, out: Segment[]): void {
  out.length = 0;
  let start = -1;
  let lastDark = -1;
  for (let i = 0; i <= length; i++) {
    const isDark = i < length && dark(i);
    if (isDark) {
      if (start < 0) start = i;
      lastDark = i;
    } else if (start >= 0 && i - lastDark > RULING_GAP) {
      if (lastDark - start + 1 >= minLength) out.push({ from: start, to: lastDark });
      start = -1;
    }
  }
  if (start >= 0 && lastDark - start + 1 >= minLength) out.push({ from: start, to: lastDark });
}

/** Runs on consecutive rows that overlap belong to one drawn line, as thick as the rows it covers. */
function joinRuns(lines: number, runsOf: (line: number, out: Segment[]) => void, maxThickness: number): PixelRuling[] {
  interface Band {
    first: number;
    last: number;
    from: number;
    to: number;
  }
  const done: PixelRuling[] = [];
  let open: Band[] = [];
  const runs: Segment[] = [];
  const close = (band: Band) => {
    const thickness = band.last - band.first + 1;
    if (thickness <= maxThickness) done.push({ at: (band.first + band.last) / 2, from: band.from, to: band.to, thickness });
  };
  for (let line = 0; line <= lines; line++) {
    if (line < lines) runsOf(line, runs);
    else runs.length = 0;
    const next: Band[] = [];
    for (const run of runs) {
      const band = open.find((b) => b.from <= run.to && run.from <= b.to && !next.includes(b));
      if (band) {
        band.last = line;
        band.from = Math.min(band.from, run.from);
        band.to = Math.max(band.to, run.to);
        next.push(band);
      } else {
        next.push({ first: line, last: line, from: run.from, to: run.to });
      }
    }
    for (const band of open) if (!next.includes(band)) close(band);
    open = next;
  }
  return done;
}

/**
 * Ruling lines drawn on the page: dark runs at least `minHorizontal` (`minVertical`) pixels
 * long and at most `maxThickness` thick. Text makes no such runs: its longest (an Arabic
 * word's baseline, an underline) are much shorter than a table's borders.
 */
export function findPixelRulings(
  image: GreyImage,
  threshold: number,
  limits: { minHorizontal: number; minVertical: number; maxThickness: number },
): PixelRulings {
  const { width, height, data } = image;
  const horizontal = joinRuns(
    height,
    (y, out) => darkRuns((x) => data[y * width + x] < threshold, width, limits.minHorizontal, out),
    limits.maxThickness,
  );
  const vertical = joinRuns(
    width,
    (x, out) => darkRuns((y) => data[y * width + x] < threshold, height, limits.minVertical, out),
    limits.maxThickness,
  );
  return { horizontal, vertical };
}

/** The share of a cell's pixels darker than the level taken for black ink (the darkest few are noise). */
const CELL_DARKEST_INK = 0.005;

/**
 * A cell cut out of the page (`box` in pixels, x1 and y1 excluded) with a white margin, its grey
 * levels stretched so that the cell's own paper (its median level: a shaded cell's grey too) is
 * white and its darkest ink black. The grey between keeps the letters' edges, which a hard
 * threshold at 200 dpi eats into: thin strokes and the gaps between bold letters are a pixel
 * or two wide.
 */
export function cellCrop(image: GreyImage, box: { x0: number; y0: number; x1: number; y1: number }, margin: number): GreyImage {
  const { x0, y0, x1, y1 } = box;
  const histogram = new Uint32Array(256);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) histogram[image.data[y * image.width + x]]++;
  const area = (x1 - x0) * (y1 - y0);
  let seen = 0;
  let ink = -1;
  let paper = 255;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level];
    if (ink < 0 && seen >= area * CELL_DARKEST_INK) ink = level;
    if (seen * 2 >= area) {
      paper = level;
      break;
    }
  }
  paper = Math.max(paper, ink + 1);
  const width = x1 - x0 + 2 * margin;
  const height = y1 - y0 + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const value = image.data[y * image.width + x];
      if (value >= paper) continue;
      data[(y - y0 + margin) * width + (x - x0 + margin)] = Math.max(0, Math.round(((value - ink) * 255) / (paper - ink)));
    }
  }
  return { width, height, data };
}
