/**
 * One page image -> what the PDF reader gets from a typed page: positioned text runs (the
 * recognised words, in page units, y upwards, like pdf.js's text items) and ruling lines
 * (found in the pixels), so that lines, bidi, paragraphs and tables are built by the same code
 * as for a text layer (pdf-layout.ts) and extraction cannot tell the difference.
 *
 * Before recognition the page is turned upright when it lies on its side, its skew corrected
 * (a tilted line would straddle baselines), and the drawn rulings painted out (Tesseract reads
 * a cell border as "|" or "l"). Ruled tables are read cell by cell, the rest of the page as a
 * page; a cell or a line of the page read unsurely is read again enlarged, and the surer
 * reading of each line kept. What Tesseract cannot give is measured in the pixels: the size of
 * a line's type, bold (stroke width), bullets it drops or misreads.
 */
import { createCanvas, type Canvas } from "@napi-rs/canvas";
import { recognizeImage, type OcrBox, type OcrLine, type OcrWord } from "./ocr-engine.js";
import { cellCrop, darkThreshold, estimateSkew, findPixelRulings, greyFromRgba, inkShare, liesOnItsSide, type GreyImage, type PixelRulings } from "./ocr-image.js";
import { findGrids, type Grid, type PageRulings, type Ruling } from "./pdf-geometry.js";
import type { IngestMessage, ReadOptions } from "./tree.js";
import { letterDirection, meanConfidence, type PlacedText } from "./pdf-lines.js";

/** `auto`: OCR the pages that have no usable text layer; `always`: every page; `never`: none. */
export type OcrMode = "auto" | "always" | "never";

export interface OcrOptions {
  mode?: OcrMode;
  /** Tesseract languages (`ara`, `fra+eng`); default chosen from the document's script. */
  languages?: string;
}

const LANGUAGE_CODES: Record<string, string> = { ar: "ara", ara: "ara", fr: "fra", fra: "fra", en: "eng", eng: "eng" };

/** `ar,fr`, `ara+fra`, `en` -> Tesseract's `ara+fra`; undefined when a code is not one we ship. */
export function parseOcrLanguages(value: string): string | undefined {
  const codes = value.split(/[+,\s]+/u).filter(Boolean).map((code) => LANGUAGE_CODES[code.toLowerCase()]);
  if (codes.length === 0 || codes.some((code) => code === undefined)) return undefined;
  return [...new Set(codes)].join("+");
}

/**
 * Languages for a page of a document whose other pages read `text` so far: its script decides;
 * undefined when nothing has been read. Arabic is read alone: with another model beside it,
 * Tesseract reads the Arabic words it is unsure of as Latin nonsense.
 */
export function languagesForScript(text: string): string | undefined {
  const direction = letterDirection(text);
  if (direction === "rtl") return "ara";
  if (direction === "ltr") return "fra+eng";
  return undefined;
}

/** Figures in a cell the Arabic model misreads ("30%" as "309"): a cell with no letters is read again with this. */
const FIGURES_LANGUAGE = "eng";
/** A first page read as Arabic with less confidence than this is read as French and English too, and the surer reading kept. */
const SURE_OF_SCRIPT = 75;

export interface RecognisedPage {
  frame: { bottom: number; width: number; height: number };
  runs: PlacedText[];
  rulings: PageRulings;
  /** Mean word confidence (0-100), weighted by length; 0 when nothing was read. */
  confidence: number;
  /** The recognised text, words joined, for choosing the next pages' languages. */
  text: string;
  /** Degrees the page was turned: 90 when it lay on its side, plus the skew corrected. */
  rotation: number;
}

/** Less ink than this share of the page is a blank page (or scanner dust): nothing to recognise. */
const BLANK_INK = 0.001;
/** Ruling limits as shares of the page: borders are longer than any run of text's ink, and thin. */
const MIN_HORIZONTAL_RULING = 0.08;
const MIN_VERTICAL_RULING = 0.025;
const MAX_RULING_THICKNESS = 0.005;
/** Rulings are lengthened this much (page units) at each end: a border's end fades in a scan, and must still reach the border it meets. */
const RULING_REACH = 2;
/** Borders closer than this (page units) are one: a double border, or one line's two bands. */
const SAME_RULING = 3;
/** Words Tesseract is less sure of than this are noise (speckles read as letters). */
const MIN_WORD_CONFIDENCE = 10;
/** A word without a letter or digit this unsure is a mark of dirt, not punctuation. */
const MIN_MARK_CONFIDENCE = 60;
/** Skews below this (degrees) are left alone: turning the page blurs it. */
const MIN_SKEW = 0.05;

function greyOf(canvas: Canvas): GreyImage {
  const { width, height } = canvas;
  const pixels = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  return greyFromRgba(pixels, width, height);
}

/** The canvas turned clockwise by `degrees` about its centre, on white paper; quarter turns swap its sides. */
function turned(source: Canvas, degrees: number): Canvas {
  const quarter = Math.abs(degrees) === 90;
  const width = quarter ? source.height : source.width;
  const height = quarter ? source.width : source.height;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.translate(width / 2, height / 2);
  context.rotate((degrees * Math.PI) / 180);
  context.drawImage(source, -source.width / 2, -source.height / 2);
  return canvas;
}

/**
 * Recognise one page image. `scale` is pixels per page unit (PDF points for a PDF page); the
 * runs and rulings come back in page units with y upwards, the page's lower left corner at 0.
 */
export async function recognisePage(image: Canvas, scale: number, languages: string): Promise<RecognisedPage> {
  const grey = greyOf(image);
  const threshold = darkThreshold(grey);
  const frame = { bottom: 0, width: image.width / scale, height: image.height / scale };
  const empty: RecognisedPage = { frame, runs: [], rulings: { horizontal: [], vertical: [] }, confidence: 0, text: "", rotation: 0 };
  if (inkShare(grey, threshold) < BLANK_INK) return empty;
  if (!liesOnItsSide(grey, threshold)) return recogniseUpright(image, grey, false, threshold, scale, languages, 0);
  // On its side, the page may have been turned either way: read both, keep the surer.
  const clockwise = await recogniseUpright(turned(image, 90), grey, true, threshold, scale, languages, 90);
  const counter = await recogniseUpright(turned(image, -90), grey, true, threshold, scale, languages, -90);
  return counter.confidence > clockwise.confidence ? counter : clockwise;
}

async function recogniseUpright(
  upright: Canvas,
  originalGrey: GreyImage,
  wasTurned: boolean,
  threshold: number,
  scale: number,
  languages: string,
  quarterTurn: number,
): Promise<RecognisedPage> {
  const grey = wasTurned ? greyOf(upright) : originalGrey;
  const skew = estimateSkew(grey, threshold);
  const level = Math.abs(skew) >= MIN_SKEW ? turned(upright, -skew) : upright;
  const levelGrey = level === upright ? grey : greyOf(level);
  const { width, height } = level;
  // A hairline border comes out of the scanner grey, lighter than the ink threshold: rulings
  // are looked for halfway between it and white (their length keeps text out).
  const pixelRulings = findPixelRulings(levelGrey, Math.round((threshold + 255) / 2), {
    minHorizontal: Math.round(width * MIN_HORIZONTAL_RULING),
    minVertical: Math.round(height * MIN_VERTICAL_RULING),
    maxThickness: Math.max(3, Math.ceil(Math.min(width, height) * MAX_RULING_THICKNESS)),
  });
  paintOut(level, pixelRulings);
  const frame = { bottom: 0, width: width / scale, height: height / scale };
  const pageRulings = toPageRulings(pixelRulings, scale, frame.height);
  // Ruled tables are read cell by cell: read with the page, a line of text runs on across a
  // cell border into the next cell, and short text in a narrow column is dropped.
  const grids = findGrids(pageRulings).filter((grid) => grid.cells.length >= 2);
  const cellLines = await recogniseCells(levelGrey, threshold, grids, scale, frame.height, languages);
  const outside = paintedOver(level, grids, scale, frame.height);
  const result = await recognizeImage(outside.encodeSync("png"), languages);
  result.lines = await rereadUnsureLines(result.lines, outside, languages);
  result.lines.push(...cellLines);
  const runs: PlacedText[] = [];
  let weighted = 0;
  let characters = 0;
  const strokes: number[] = [];
  const lineRuns: Array<{ runs: PlacedText[]; stroke: number }> = [];
  const paragraphRuns = new Map<string, PlacedText[]>();
  for (const [index, line] of result.lines.entries()) {
    const words: PlacedText[] = [];
    let ink = 0;
    let starts = 0;
    line.words.forEach((word, index) => {
      const run = toRun(word, line, index === 0, levelGrey, threshold, scale, frame.height);
      if (!run) return;
      words.push(run);
      const stroke = strokeOf(levelGrey, threshold, word.bbox);
      ink += stroke.ink;
      starts += stroke.starts;
      const length = Array.from(run.str).length;
      weighted += word.confidence * length;
      characters += length;
    });
    if (words.length === 0) continue;
    const rtl = letterDirection(words.map((w) => w.str).join(" ")) === "rtl";
    if (rtl) {
      numberGroupsInOrder(words);
      percentSigns(words);
    }
    const bullet = words[0].str === "•" ? undefined : drawnBullet(levelGrey, threshold, line, rtl, scale, frame.height);
    const placed = toPhrases(bullet ? [bullet, ...words] : words, pageRulings.vertical);
    runs.push(...placed);
    // Cells' lines come without a paragraph of the page: each is its own.
    const key = line.paragraph === undefined ? `line ${index}` : `paragraph ${line.paragraph}`;
    paragraphRuns.set(key, [...(paragraphRuns.get(key) ?? []), ...placed]);
    if (starts > 0) {
      lineRuns.push({ runs: placed, stroke: ink / starts });
      for (let i = 0; i < words.length; i++) strokes.push(ink / starts);
    }
  }
  markBoldLines(lineRuns, strokes);
  for (const members of paragraphRuns.values()) paragraphSize(members);
  if (!isLegible(runs)) return { frame, runs: [], rulings: pageRulings, confidence: 0, text: "", rotation: quarterTurn + skew };
  return {
    frame,
    runs,
    rulings: pageRulings,
    confidence: characters > 0 ? Math.round(weighted / characters) : 0,
    text: runs.map((run) => run.str).join(" "),
    rotation: quarterTurn + skew,
  };
}

/** A cell with less ink than this share of its area is empty (noise, a stray border pixel). */
const CELL_INK = 0.003;
/** Pixels kept clear of a cell's borders when it is cut out. */
const CELL_INSET = 4;

/**
 * Recognised text made of European digits and signs only ("30%", "2023"), no letters: what the
 * Arabic model misreads. Arabic-Indic digits ("٪٤٠") it reads well, and English does not know them.
 */
function isFigures(lines: OcrLine[]): boolean {
  const text = lines.map((line) => line.words.map((word) => word.text).join("")).join("");
  return /[0-9]/u.test(text) && !/[\p{L}\u0660-\u0669\u06f0-\u06f9]/u.test(text);
}

/** A copy of the page with the tables' areas painted white: what is read as the page's running text. */
function paintedOver(level: Canvas, grids: Grid[], scale: number, pageHeight: number): Canvas {
  if (grids.length === 0) return level;
  const copy = createCanvas(level.width, level.height);
  const context = copy.getContext("2d");
  context.drawImage(level, 0, 0);
  context.fillStyle = "#ffffff";
  for (const grid of grids) {
    context.fillRect(grid.left * scale, (pageHeight - grid.top) * scale, (grid.right - grid.left) * scale, (grid.top - grid.bottom) * scale);
  }
  return copy;
}

/** A cell, or a line of the page, read with less confidence than this (weighted by length) is read again, enlarged. */
const SURE_READING = 90;
/**
 * How much an unsure cell is enlarged for its second reading: at 200 dpi, bold Arabic letters
 * run together and the model drops some ("استكال" for "استكمال"); half as large again separates
 * them. Twice as large makes the model drop whole lines of some cells.
 */
const REREAD_SCALE = 1.5;
/** A line of the second reading replaces the first's when it is surer by this much (confidence points) and keeps nearly all its letters. */
const SURER_BY = 2;
const KEEPS_LETTERS = 0.9;
/** Two readings' lines are the same line when they overlap by this share of the lower one's height. */
const SAME_LINE = 0.5;

/** Letters and digits of some lines, and their mean word confidence weighted by them. */
function readingWeight(lines: OcrLine[]): { characters: number; confidence: number } {
  let characters = 0;
  let weighted = 0;
  for (const line of lines) {
    for (const word of line.words) {
      const length = word.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
      characters += length;
      weighted += word.confidence * length;
    }
  }
  return { characters, confidence: characters > 0 ? weighted / characters : 0 };
}

function sameLine(a: OcrLine, b: OcrLine): number {
  const overlap = Math.min(a.bbox.y1, b.bbox.y1) - Math.max(a.bbox.y0, b.bbox.y0);
  return overlap / Math.max(1, Math.min(a.bbox.y1 - a.bbox.y0, b.bbox.y1 - b.bbox.y0));
}

/**
 * Two readings of one cell (boxes in the same pixels) merged line by line: each line of the
 * first, or the second's reading of it when that is surer and keeps its letters; and the lines
 * only the second found. A long cell's lines are read well at different sizes.
 */
function surerLines(first: OcrLine[], second: OcrLine[], addNew = true): OcrLine[] {
  const taken = new Set<OcrLine>();
  const lines = first.map((line) => {
    let match: OcrLine | undefined;
    for (const other of second) {
      if (!taken.has(other) && sameLine(line, other) >= SAME_LINE && (!match || sameLine(line, other) > sameLine(line, match))) match = other;
    }
    if (!match) return line;
    taken.add(match);
    const [a, b] = [readingWeight([line]), readingWeight([match])];
    return b.confidence >= a.confidence + SURER_BY && b.characters >= a.characters * KEEPS_LETTERS ? match : line;
  });
  if (addNew) for (const other of second) if (!taken.has(other) && !first.some((line) => sameLine(line, other) > 0)) lines.push(other);
  return lines;
}

/**
 * A cell's recognised lines with their boxes scaled by `factor` and moved by `dx`, `dy` (pixels
 * of the page image), and without the paragraph numbers of the cell's own recognition: those
 * would be taken for the page's paragraphs of the same numbers.
 */
function placed(lines: OcrLine[], factor: number, dx: number, dy: number): OcrLine[] {
  const move = (box: OcrBox): OcrBox => ({ x0: box.x0 * factor + dx, x1: box.x1 * factor + dx, y0: box.y0 * factor + dy, y1: box.y1 * factor + dy });
  return lines.map((line) => ({
    confidence: line.confidence,
    rowAttributes: line.rowAttributes,
    bbox: move(line.bbox),
    baseline: move(line.baseline),
    words: line.words.map((word) => ({ ...word, bbox: move(word.bbox), ...(word.symbols ? { symbols: word.symbols.map((s) => ({ ...s, bbox: move(s.bbox) })) } : {}) })),
  }));
}

/** A grey image as a canvas. */
function canvasOf(image: GreyImage): Canvas {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  const pixels = context.createImageData(image.width, image.height);
  for (let i = 0, p = 0; i < image.data.length; i++, p += 4) {
    pixels.data[p] = pixels.data[p + 1] = pixels.data[p + 2] = image.data[i];
    pixels.data[p + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return canvas;
}

/** The canvas drawn `factor` times larger, smoothly. */
function enlarged(source: Canvas, factor: number): Canvas {
  const canvas = createCanvas(Math.round(source.width * factor), Math.round(source.height * factor));
  const context = canvas.getContext("2d");
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** White pixels around a cell or line cut out to be read: Tesseract reads text touching the image edge poorly. */
const CROP_MARGIN = 16;
/** Rows kept above and below a line when it is cut out to be read again (shares of its height). */
const LINE_PAD = 0.15;

/**
 * The page's lines read unsurely, each cut out and read again enlarged, the surer reading kept
 * (with the line's paragraph).
 */
async function rereadUnsureLines(lines: OcrLine[], page: Canvas, languages: string): Promise<OcrLine[]> {
  if (lines.every((line) => readingWeight([line]).confidence >= SURE_READING)) return lines;
  const grey = greyOf(page);
  const out: OcrLine[] = [];
  for (const line of lines) {
    if (readingWeight([line]).confidence >= SURE_READING) {
      out.push(line);
      continue;
    }
    const pad = Math.round((line.bbox.y1 - line.bbox.y0) * LINE_PAD);
    const x0 = Math.max(0, Math.floor(line.bbox.x0) - 4);
    const x1 = Math.min(grey.width, Math.ceil(line.bbox.x1) + 4);
    const y0 = Math.max(0, Math.floor(line.bbox.y0) - pad);
    const y1 = Math.min(grey.height, Math.ceil(line.bbox.y1) + pad);
    if (x1 - x0 < 8 || y1 - y0 < 8) {
      out.push(line);
      continue;
    }
    const crop = canvasOf(cellCrop(grey, { x0, y0, x1, y1 }, CROP_MARGIN));
    const closer = await recognizeImage(enlarged(crop, REREAD_SCALE).encodeSync("png"), languages, "line");
    const [chosen] = surerLines([line], placed(closer.lines, 1 / REREAD_SCALE, x0 - CROP_MARGIN, y0 - CROP_MARGIN), false);
    out.push(chosen === line ? line : { ...chosen, paragraph: line.paragraph });
  }
  return out;
}

/**
 * Recognise each cell of the page's ruled tables by itself, as a block of text; a cell read
 * unsurely is read again enlarged, and the surer reading kept. The lines found come back in
 * page-image pixels, as the page's.
 */
async function recogniseCells(
  grey: GreyImage,
  threshold: number,
  grids: Grid[],
  scale: number,
  pageHeight: number,
  languages: string,
): Promise<OcrLine[]> {
  const found: OcrLine[] = [];
  for (const grid of grids) {
    for (const cell of grid.cells) {
      const x0 = Math.max(0, Math.round(cell.left * scale) + CELL_INSET);
      const x1 = Math.min(grey.width, Math.round(cell.right * scale) - CELL_INSET);
      const y0 = Math.max(0, Math.round((pageHeight - cell.top) * scale) + CELL_INSET);
      const y1 = Math.min(grey.height, Math.round((pageHeight - cell.bottom) * scale) - CELL_INSET);
      if (x1 - x0 < 8 || y1 - y0 < 8) continue;
      let ink = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (grey.data[y * grey.width + x] < threshold) ink++;
      if (ink < (x1 - x0) * (y1 - y0) * CELL_INK) continue;
      const crop = canvasOf(cellCrop(grey, { x0, y0, x1, y1 }, CROP_MARGIN));
      const png = crop.encodeSync("png");
      let { lines } = await recognizeImage(png, languages, "block");
      if (readingWeight(lines).confidence < SURE_READING) {
        const closer = await recognizeImage(enlarged(crop, REREAD_SCALE).encodeSync("png"), languages, "block");
        lines = surerLines(lines, placed(closer.lines, 1 / REREAD_SCALE, 0, 0));
      }
      if (languages.includes("ara") && !languages.includes(FIGURES_LANGUAGE) && isFigures(lines)) {
        const figures = await recognizeImage(png, FIGURES_LANGUAGE, "block");
        if (figures.confidence >= readingWeight(lines).confidence - 10) lines = figures.lines;
      }
      found.push(...placed(lines, 1, x0 - CROP_MARGIN, y0 - CROP_MARGIN));
    }
  }
  return found;
}

/** A page is legible when Tesseract is fairly sure of this many letters and digits on it (noise, a photo, a stamp give fewer). */
const MIN_LEGIBLE_CHARACTERS = 12;
const LEGIBLE_CONFIDENCE = 60;

function isLegible(runs: PlacedText[]): boolean {
  let sure = 0;
  for (const run of runs) {
    if ((run.confidence ?? 0) >= LEGIBLE_CONFIDENCE) sure += run.str.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  }
  return sure >= MIN_LEGIBLE_CHARACTERS;
}

/** Paint the rulings white (a pixel wider each side than found), so that Tesseract reads the text between them only. */
function paintOut(canvas: Canvas, rulings: PixelRulings): void {
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  for (const r of rulings.horizontal) context.fillRect(r.from, r.at - r.thickness / 2 - 1, r.to - r.from + 1, r.thickness + 2);
  for (const r of rulings.vertical) context.fillRect(r.at - r.thickness / 2 - 1, r.from, r.thickness + 2, r.to - r.from + 1);
}

/**
 * Ink of a word's box: dark pixels and the dark runs they make along rows. Their ratio is the
 * mean stroke width, which bold type has clearly thicker whatever the letters.
 */
function strokeOf(image: GreyImage, threshold: number, box: OcrBox): { ink: number; starts: number } {
  let ink = 0;
  let starts = 0;
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(image.height, Math.ceil(box.y1)); y++) {
    let wasDark = false;
    for (let x = x0; x < x1; x++) {
      const dark = image.data[y * image.width + x] < threshold;
      if (dark) {
        ink++;
        if (!wasDark) starts++;
      }
      wasDark = dark;
    }
  }
  return { ink, starts };
}

/** A line whose strokes are this much thicker than the page's usual ones is set in bold. */
const BOLD_STROKE = 1.3;

/** Mark the runs of lines set in bold: stroke width well above the page's median (most text is regular). */
function markBoldLines(lines: Array<{ runs: PlacedText[]; stroke: number }>, strokes: number[]): void {
  if (strokes.length === 0) return;
  const sorted = [...strokes].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  for (const line of lines) {
    if (line.stroke >= median * BOLD_STROKE) for (const run of line.runs) run.bold = true;
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What Tesseract makes of a bullet ("•" is not in its models' alphabets): a lone small mark opening a line. */
const BULLET_READINGS = /^[e«»*©°oO0٠•·.+■□▪➢➤>-]$/u;
/** A bullet is smaller than the line's letters: at most this share of their height (a solid one read as a letter or digit), or of their font size (one read as a sign). */
const BULLET_SIZE = 0.6;
const BULLET_SIGN_SIZE = 0.9;

/** Bidi controls Tesseract wraps some words in (LRM, RLM, ALM, embeddings, isolates): the line builder does the ordering. */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;

/** A row of a line holding at least this share of its densest row's ink is in the line's core (x-height band). */
const CORE_INK = 0.3;
/** The core band is about this share of the font size (Latin x-height, Arabic letter bodies). */
const CORE_TO_SIZE = 2;

/**
 * The height of a line's type, from its ink: the rows dense with ink (the x-height band the
 * letters' bodies fill), scaled to about the font size. Word boxes vary with the letters'
 * ascenders and descenders, and Tesseract's row height is often a default.
 */
function typeHeight(line: OcrLine, image: GreyImage, threshold: number): number {
  const x0 = Math.max(0, Math.floor(line.bbox.x0));
  const x1 = Math.min(image.width, Math.ceil(line.bbox.x1));
  const y0 = Math.max(0, Math.floor(line.bbox.y0));
  const y1 = Math.min(image.height, Math.ceil(line.bbox.y1));
  const profile: number[] = [];
  for (let y = y0; y < y1; y++) {
    let ink = 0;
    for (let x = x0; x < x1; x++) if (image.data[y * image.width + x] < threshold) ink++;
    profile.push(ink);
  }
  const densest = Math.max(0, ...profile);
  const core = profile.filter((ink) => ink >= densest * CORE_INK).length;
  return core > 0 ? core * CORE_TO_SIZE : line.bbox.y1 - line.bbox.y0;
}

function wordText(word: OcrWord): string {
  return word.text.replace(BIDI_CONTROLS, "").trim();
}

const NUMBER_GROUPS = /\p{N}+|[^\p{N}]+/gu;

/**
 * Tesseract reads a right-to-left line's words in logical order, but a word made of several
 * number groups ("2021-2023", "16/06/2022") it gives with the groups in visual order from
 * the right ("2023-2021"): a text layer, and the reader, have them left to right.
 */
function numberGroupsInOrder(runs: PlacedText[]): void {
  for (const run of runs) {
    if (LETTER.test(run.str)) continue;
    const groups = run.str.match(NUMBER_GROUPS) ?? [];
    if (groups.filter((group) => /^\p{N}/u.test(group)).length < 2) continue;
    run.str = groups.reverse().join("");
  }
}
const LETTER = /\p{L}/u;

/**
 * Tesseract's Arabic model reads a percent sign as "96", set before the number as the sign is
 * seen in right-to-left text: "(100%)" comes out "(96100)". No number of the minutes starts
 * with 96 and then a percentage (years do not), so the pair is read back as the percent.
 */
const PERCENT_READ_AS_96 = /(?<!\p{N})96(\d{1,3})(?!\p{N})/gu;

function percentSigns(runs: PlacedText[]): void {
  for (const run of runs) {
    run.str = run.str.replace(PERCENT_READ_AS_96, (whole, digits: string) => (Number(digits) <= 100 ? `${digits}%` : whole));
  }
}

/** Whether a word's ink is one small solid blob (a bullet), not a letter's strokes. */
function isSolidBlob(image: GreyImage, threshold: number, box: OcrBox, height: number): boolean {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  if (w <= 0 || h <= 0 || w > height * BULLET_SIZE || h > height * BULLET_SIZE || Math.max(w, h) > 2 * Math.min(w, h)) return false;
  const { ink } = strokeOf(image, threshold, box);
  return ink >= w * h * BULLET_FILL;
}

/** A recognised word as a text run: left edge, baseline (the line's, where the word sits on it), width, size in page units. */
function toRun(word: OcrWord, line: OcrLine, opensLine: boolean, image: GreyImage, threshold: number, scale: number, pageHeight: number): PlacedText | undefined {
  let str = wordText(word);
  if (!str || word.confidence < MIN_WORD_CONFIDENCE) return undefined;
  const height = typeHeight(line, image, threshold);
  const { bbox } = word;
  const isBullet =
    opensLine &&
    line.words.length > 1 &&
    BULLET_READINGS.test(str) &&
    (LETTER_OR_DIGIT.test(str) ? isSolidBlob(image, threshold, bbox, height) : bbox.y1 - bbox.y0 <= height * BULLET_SIGN_SIZE);
  if (isBullet) str = "•";
  else if (!LETTER_OR_DIGIT.test(str) && word.confidence < MIN_MARK_CONFIDENCE) return undefined;
  const { baseline } = line;
  const middle = (bbox.x0 + bbox.x1) / 2;
  const run = baseline.x1 - baseline.x0;
  const baselineY = run > 0 ? baseline.y0 + ((baseline.y1 - baseline.y0) * (middle - baseline.x0)) / run : bbox.y1;
  return {
    str,
    x: bbox.x0 / scale,
    y: pageHeight - baselineY / scale,
    width: (bbox.x1 - bbox.x0) / scale,
    size: height / scale,
    rtl: letterDirection(str) === "rtl",
    confidence: word.confidence,
  };
}

/** A page to recognise: its number, and its image when its turn comes (rendering costs memory: one page at a time). */
export interface PageToRecognise {
  page: number;
  image: () => Promise<{ canvas: Canvas; scale: number }>;
}

/**
 * Recognise a document's pages, one after another. Each page's languages come from
 * `options.languages`, else from the script of what the document has read so far (its typed
 * pages, then the pages recognised before it). Messages say which pages were read by OCR, with
 * what confidence, and which were turned or gave nothing. Sizes are snapped document-wide.
 */
export async function recognisePages(
  pages: PageToRecognise[],
  options: { languages?: string; textSoFar: string; onOcrPage?: ReadOptions["onOcrPage"] },
  messages: IngestMessage[],
): Promise<{ recognised: Map<number, RecognisedPage>; text: string }> {
  const recognised = new Map<number, RecognisedPage>();
  let text = options.textSoFar;
  const confidences: number[] = [];
  const languagesUsed = new Set<string>();
  for (const [index, { page, image }] of pages.entries()) {
    const languages = options.languages ?? languagesForScript(text);
    options.onOcrPage?.({ page, ordinal: index + 1, of: pages.length });
    const { canvas, scale } = await image();
    let result = await recognisePage(canvas, scale, languages ?? "ara");
    let used = languages ?? "ara";
    if (languages === undefined && result.confidence < SURE_OF_SCRIPT) {
      // The document's script is not known yet: try the Latin one too.
      const latin = await recognisePage(canvas, scale, "fra+eng");
      if (latin.confidence > result.confidence) [result, used] = [latin, "fra+eng"];
    }
    languagesUsed.add(used);
    recognised.set(page, result);
    if (result.runs.length === 0) {
      messages.push({ code: "ocr-nothing-legible", message: `page ${page}: OCR read nothing on it`, source: { page } });
      continue;
    }
    confidences.push(result.confidence);
    if (text.length < SCRIPT_SAMPLE) text += ` ${result.text}`;
    if (Math.abs(result.rotation) >= 1) {
      messages.push({ code: "ocr-page-turned", message: `page ${page} was turned ${Math.round(result.rotation)}° to be read`, source: { page } });
    }
  }
  if (confidences.length > 0) {
    const read = pages.map((p) => p.page).filter((page) => (recognised.get(page)?.runs.length ?? 0) > 0);
    const mean = Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length);
    messages.push({
      code: "ocr-pages",
      message: `${read.length === 1 ? `page ${read[0]}` : `pages ${read.join(", ")}`} read by OCR (Tesseract, ${[...languagesUsed].join(", ")}), mean confidence ${mean}`,
    });
  }
  snapSizes([...recognised.values()].flatMap((result) => result.runs));
  return { recognised, text };
}

/** Characters of text enough to tell a document's script. */
export const SCRIPT_SAMPLE = 2000;

/** Words closer than this (in sizes) are one phrase of running text; wider gaps may be a table's gutters. */
const PHRASE_GAP = 1.5;

/**
 * One line's words (in logical order) as the runs a text layer would give: neighbouring words
 * joined into one run with its spaces, as pdf.js gives a phrase, so that the gaps between words
 * are not taken for the gutters of a table without borders, and the spaces are Tesseract's.
 */
function toPhrases(words: PlacedText[], verticalRulings: Ruling[]): PlacedText[] {
  const ruledBetween = (a: PlacedText, b: PlacedText): boolean =>
    verticalRulings.some((r) => r.at > a.x + a.width / 2 && r.at < b.x + b.width / 2 && r.from <= a.y && r.to >= a.y);
  const visual = words.map((word, index) => ({ word, index })).sort((a, b) => a.word.x - b.word.x);
  const groups: Array<typeof visual> = [];
  for (const entry of visual) {
    const group = groups.at(-1);
    const previous = group?.at(-1)?.word;
    const near = previous !== undefined && entry.word.x - (previous.x + previous.width) <= PHRASE_GAP * Math.max(previous.size, entry.word.size);
    if (group && previous && near && !ruledBetween(previous, entry.word)) group.push(entry);
    else groups.push([entry]);
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0].word;
    const logical = [...group].sort((a, b) => a.index - b.index).map((entry) => entry.word);
    const str = logical.map((word) => word.str).join(" ");
    const left = group[0].word.x;
    const right = Math.max(...group.map((entry) => entry.word.x + entry.word.width));
    return {
      str,
      x: left,
      y: logical.reduce((sum, word) => sum + word.y, 0) / logical.length,
      width: right - left,
      size: logical[0].size,
      rtl: letterDirection(str) === "rtl",
      confidence: meanConfidence(logical),
    };
  });
}

/** How far before a line's first word a bullet may be (in row heights), and how small and solid it is. */
const BULLET_REACH = 3;
const MIN_BULLET_SIZE = 0.12;
const BULLET_FILL = 0.45;

/**
 * A bullet Tesseract left out: a small solid blob of ink before the line's first word (left of
 * it, right of it in right-to-left text), within the line's height.
 */
function drawnBullet(image: GreyImage, threshold: number, line: OcrLine, rtl: boolean, scale: number, pageHeight: number): PlacedText | undefined {
  const rowHeight = typeHeight(line, image, threshold);
  const reach = rowHeight * BULLET_REACH;
  const x0 = Math.max(0, Math.floor(rtl ? line.bbox.x1 + 2 : line.bbox.x0 - reach));
  const x1 = Math.min(image.width, Math.ceil(rtl ? line.bbox.x1 + reach : line.bbox.x0 - 2));
  const y0 = Math.max(0, Math.floor(line.bbox.y0));
  const y1 = Math.min(image.height, Math.ceil(line.bbox.y1));
  if (x1 - x0 < 2 || y1 <= y0) return undefined;
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (image.data[y * image.width + x] >= threshold) continue;
      ink++;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (ink === 0) return undefined;
  const w = right - left + 1;
  const h = bottom - top + 1;
  const small = w <= rowHeight * BULLET_SIZE && h <= rowHeight * BULLET_SIZE && Math.min(w, h) >= rowHeight * MIN_BULLET_SIZE;
  if (!small || ink < w * h * BULLET_FILL || Math.max(w, h) > 2 * Math.min(w, h)) return undefined;
  const { baseline } = line;
  return {
    str: "•",
    x: left / scale,
    y: pageHeight - (baseline.y0 + baseline.y1) / 2 / scale,
    width: w / scale,
    size: rowHeight / scale,
    rtl: false,
  };
}

/**
 * One size for the lines of a paragraph Tesseract found, the one most of its characters
 * measure: a short line's ink (the end of a sentence) measures its type poorly, and a
 * paragraph's lines share their font.
 */
function paragraphSize(runs: PlacedText[]): void {
  if (runs.length < 2) return;
  const sorted = [...runs].sort((a, b) => a.size - b.size);
  const total = sorted.reduce((sum, run) => sum + run.str.length, 0);
  let seen = 0;
  for (const run of sorted) {
    seen += run.str.length;
    if (seen * 2 >= total) {
      for (const member of runs) member.size = run.size;
      return;
    }
  }
}

/** Sizes within this ratio either way of a font size stand for it: Tesseract's row heights vary a little from line to line. */
const SAME_SIZE = 1.1;

/**
 * Snap the recognised runs' sizes, over all OCR'd pages of a document, to the font sizes they
 * stand for, as a text layer gives them: the paragraph builder compares sizes, and line
 * pitches per size. The size most characters are near is taken first (the body text), with
 * every run near it; then the next among those left, and so on.
 */
export function snapSizes(runs: PlacedText[]): void {
  let left = runs.filter((run) => run.size > 0);
  while (left.length > 0) {
    let best = left[0].size;
    let bestWeight = -1;
    for (const candidate of new Set(left.map((run) => run.size))) {
      let weight = 0;
      for (const run of left) if (run.size >= candidate / SAME_SIZE && run.size <= candidate * SAME_SIZE) weight += run.str.length;
      if (weight > bestWeight) [best, bestWeight] = [candidate, weight];
    }
    const near = left.filter((run) => run.size >= best / SAME_SIZE && run.size <= best * SAME_SIZE);
    const sizes = near.map((run) => run.size).sort((a, b) => a - b);
    const size = Math.round(sizes[Math.floor(sizes.length / 2)] * 2) / 2;
    for (const run of near) run.size = size;
    left = left.filter((run) => !near.includes(run));
  }
}

/** Pixel rulings in page units, y upwards, each lengthened a little at both ends, near-coincident ones merged. */
function toPageRulings(rulings: PixelRulings, scale: number, pageHeight: number): PageRulings {
  const horizontal = rulings.horizontal.map((r) => ({
    at: pageHeight - r.at / scale,
    from: r.from / scale - RULING_REACH,
    to: r.to / scale + RULING_REACH,
  }));
  const vertical = rulings.vertical.map((r) => ({
    at: r.at / scale,
    from: pageHeight - r.to / scale - RULING_REACH,
    to: pageHeight - r.from / scale + RULING_REACH,
  }));
  return { horizontal: mergeNear(horizontal), vertical: mergeNear(vertical) };
}

function mergeNear(rulings: Ruling[]): Ruling[] {
  const sorted = [...rulings].sort((a, b) => a.at - b.at);
  const merged: Ruling[] = [];
  for (const ruling of sorted) {
    const near = merged.find((m) => Math.abs(m.at - ruling.at) <= SAME_RULING && m.from <= ruling.to && ruling.from <= m.to);
    if (near) {
      near.from = Math.min(near.from, ruling.from);
      near.to = Math.max(near.to, ruling.to);
    } else {
      merged.push({ ...ruling });
    }
  }
  return merged;
}
