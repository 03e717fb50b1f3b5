/**
 * The OCR engine: tesseract.js (Tesseract 5 compiled to WebAssembly, run on its own thread),
 * with the trained data shipped by the npm packages @tesseract.js-data/{ara,fra,eng}, so that
 * nothing is fetched from a network.
 *
 * Each package exports `langPath` (its folder) and `gzip: true`. tesseract.js takes one
 * `langPath` for all languages, and its in-memory language objects are broken in version 7
 * (it names the language by its data), so each language's data is unpacked once from its own
 * package into `cachePath`, where tesseract.js looks first; it is told to read that cache only
 * (`cacheMethod: "readOnly"`), never to write it, so that concurrent batch workers cannot race.
 *
 * Engines are kept between pages and files (starting one costs a fraction of a second, a
 * language a little more), and let go when idle so that they never keep the process alive.
 */
import { createRequire } from "node:module";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const require = createRequire(import.meta.url);

/** The Tesseract language codes we ship data for. */
export const OCR_LANGUAGES = ["ara", "fra", "eng"] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

interface LanguageData {
  langPath: string;
  gzip: boolean;
}

/** The part of tesseract.js's recognition result we read (its `blocks` output). */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
  symbols?: Array<{ text: string; bbox: OcrBox }>;
}
export interface OcrLine {
  words: OcrWord[];
  confidence: number;
  bbox: OcrBox;
  baseline: OcrBox;
  rowAttributes: { rowHeight: number; ascenders: number; descenders: number };
  /** Which of the page's paragraphs (as Tesseract's layout found them) the line is in. */
  paragraph?: number;
}
export interface OcrResult {
  confidence: number;
  lines: OcrLine[];
}

interface TesseractWorker {
  worker: { ref(): void; unref(): void };
  reinitialize(langs: string): Promise<unknown>;
  setParameters(params: Record<string, string>): Promise<unknown>;
  recognize(image: Buffer, options: object, output: object): Promise<{ data: TesseractPage }>;
  terminate(): Promise<unknown>;
}
interface TesseractPage {
  confidence: number;
  blocks: Array<{ paragraphs: Array<{ lines: OcrLine[] }> }> | null;
}
interface TesseractModule {
  createWorker(langs: string, oem: number, options: object): Promise<TesseractWorker>;
}

/** tesseract.js's OEM.LSTM_ONLY: the neural recogniser, whose data the packages ship. */
const LSTM_ONLY = 1;
/** An idle engine is terminated after this long (ms): a batch keeps it busy, a single file lets it go. */
const IDLE_MS = 20_000;

/**
 * The project's cache for unpacked trained data: `node_modules/.cache/minutes-tracker/`,
 * beside the packages it comes from (this module sits two folders below the package root, in
 * src/ingest or dist/ingest). MINUTES_OCR_CACHE overrides it (a read-only install).
 */
export function ocrCachePath(): string {
  if (process.env.MINUTES_OCR_CACHE) return process.env.MINUTES_OCR_CACHE;
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  return join(root, "node_modules", ".cache", "minutes-tracker", "tessdata");
}

function languageData(language: OcrLanguage): LanguageData {
  return require(`@tesseract.js-data/${language}`) as LanguageData;
}

/** Unpack a language's data from its package into the cache, once (written aside and renamed: workers may race). */
async function ensureCached(language: OcrLanguage, cachePath: string): Promise<void> {
  const target = join(cachePath, `${language}.traineddata`);
  try {
    if ((await stat(target)).size > 0) return;
  } catch {
    // not cached yet
  }
  const { langPath, gzip } = languageData(language);
  const packed = await readFile(join(langPath, `${language}.traineddata${gzip ? ".gz" : ""}`));
  await mkdir(cachePath, { recursive: true });
  const aside = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(aside, gzip ? gunzipSync(packed) : packed);
  await rename(aside, target);
}

/**
 * Engines by languages, each with its page segmentation mode: a document switches between at
 * most two (its script's, and English for a table's figures), and switching one engine's
 * languages reloads them.
 */
const engines = new Map<string, { worker: Promise<TesseractWorker>; segmentation: Segmentation }>();
/** Engines kept at most; the oldest goes when another is needed. */
const MAX_ENGINES = 2;
let idleTimer: NodeJS.Timeout | undefined;
/** Recognitions run one at a time: each waits for the one before. */
let queue: Promise<unknown> = Promise.resolve();

async function startEngine(langs: string): Promise<TesseractWorker> {
  const cachePath = ocrCachePath();
  const languages = langs.split("+") as OcrLanguage[];
  await Promise.all(languages.map((language) => ensureCached(language, cachePath)));
  const tesseract = require("tesseract.js") as TesseractModule;
  const worker = await tesseract.createWorker(langs, LSTM_ONLY, {
    langPath: languageData(languages[0]).langPath,
    gzip: true,
    cachePath,
    cacheMethod: "readOnly",
    // Without a handler tesseract.js rethrows a failed job on its own thread, crashing ours; the job's promise still rejects.
    errorHandler: () => undefined,
  });
  worker.worker.unref();
  // Page images come at their own resolution; stating one keeps Tesseract from guessing it (and saying so) on every cell.
  await worker.setParameters({ user_defined_dpi: "300" });
  return worker;
}

async function engineFor(langs: string): Promise<{ worker: TesseractWorker; segmentation: Segmentation; set(as: Segmentation): void }> {
  let entry = engines.get(langs);
  if (!entry) {
    if (engines.size >= MAX_ENGINES) {
      const [oldest, old] = engines.entries().next().value!;
      engines.delete(oldest);
      void old.worker.then((worker) => worker.terminate()).catch(() => undefined);
    }
    const started = { worker: startEngine(langs), segmentation: "page" as Segmentation };
    engines.set(langs, started);
    started.worker.catch(() => engines.delete(langs));
    entry = started;
  }
  const current = entry;
  return { worker: await current.worker, segmentation: current.segmentation, set: (as) => (current.segmentation = as) };
}

/** Tesseract's page segmentation modes we use: a whole page (automatic), one block of text (a table cell), one line (read again). */
export type Segmentation = "page" | "block" | "line";
const PAGE_SEGMENTATION: Record<Segmentation, string> = { page: "3", block: "6", line: "7" };

/** Recognise one page image (PNG bytes) with the given languages (`ara`, `fra+eng`, ...). */
export function recognizeImage(png: Buffer, langs: string, as: Segmentation = "page"): Promise<OcrResult> {
  const job = queue.then(async (): Promise<OcrResult> => {
    if (idleTimer) clearTimeout(idleTimer);
    // The engine's thread is unreferenced (an idle engine must not keep the process alive):
    // while a job runs, this timer does.
    const busy = setInterval(() => undefined, 60_000);
    try {
      const engine = await engineFor(langs);
      const { worker } = engine;
      if (engine.segmentation !== as) {
        await worker.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION[as] });
        engine.set(as);
      }
      const { data } = await worker.recognize(png, {}, { blocks: true, text: false });
      let paragraphs = 0;
      const lines = (data.blocks ?? []).flatMap((block) =>
        block.paragraphs.flatMap((paragraph) => {
          const number = paragraphs++;
          return paragraph.lines.map((line) => ({ ...line, paragraph: number }));
        }),
      );
      return { confidence: data.confidence, lines };
    } finally {
      clearInterval(busy);
      idleTimer = setTimeout(() => void stopOcrEngine(), IDLE_MS);
      idleTimer.unref();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/** Terminate the engines (they are started again when needed). */
export async function stopOcrEngine(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  const stopping = [...engines.values()];
  engines.clear();
  await Promise.all(
    stopping.map(async ({ worker }) => {
      try {
        await (await worker).terminate();
      } catch {
        // an engine that failed to start has nothing to stop
      }
    }),
  );
}
