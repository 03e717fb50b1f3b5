/**
 * OCR measure: scan-like page images of the typed fixture PDFs (rendered at 200 dpi in grey,
 * turned 0.6°, speckled, saved as JPEG, as the corpus's make-scan.sh does), read by our image
 * reader (tesseract.js: render-free, deskew, rulings, cells, layout) and by the native
 * `tesseract` command over the same images one after another, as pages per second; and the
 * word accuracy of the OCR'd tree against the typed PDF's tree of the same meeting (share of
 * the typed words found, as a multiset).
 *
 *   node bench/ocr.mjs [--rounds R] [--pages N]     (after npm run build)
 *
 * Run from bench/run.mjs too (skip there with --skip-ocr).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = join(root, "fixtures", "ogp-tunisia");
const out = join(root, "bench", "out", "ocr");

const SCAN_DPI = 200;
const SKEW_DEGREES = 0.6;

function hasNativeTesseract() {
  return spawnSync("tesseract", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Page images of every typed fixture PDF: { file, language, pages: [jpeg paths] }. */
async function makeScans(maxPages) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const { createCanvas } = await import("@napi-rs/canvas");
  mkdirSync(out, { recursive: true });
  const documents = [];
  for (const name of readdirSync(fixtures).filter((n) => n.endsWith(".pdf")).sort()) {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(join(fixtures, name))), verbosity: 0 }).promise;
    const pages = [];
    for (let number = 1; number <= Math.min(doc.numPages, maxPages); number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: SCAN_DPI / 72 });
      const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      const scan = createCanvas(canvas.width, canvas.height);
      const scanContext = scan.getContext("2d");
      scanContext.fillStyle = "#ffffff";
      scanContext.fillRect(0, 0, scan.width, scan.height);
      scanContext.translate(scan.width / 2, scan.height / 2);
      scanContext.rotate((SKEW_DEGREES * Math.PI) / 180);
      scanContext.drawImage(canvas, -scan.width / 2, -scan.height / 2);
      const pixels = scanContext.getImageData(0, 0, scan.width, scan.height);
      // Grey, with a deterministic speckle (the same images every run).
      let seed = number * 7919;
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const noise = ((seed >> 16) % 41) - 20;
        const grey = Math.max(0, Math.min(255, 0.299 * pixels.data[i] + 0.587 * pixels.data[i + 1] + 0.114 * pixels.data[i + 2] + noise));
        pixels.data[i] = pixels.data[i + 1] = pixels.data[i + 2] = grey;
      }
      scanContext.setTransform(1, 0, 0, 1, 0, 0);
      scanContext.putImageData(pixels, 0, 0);
      const path = join(out, `${name.replace(/\.pdf$/, "")}-p${number}.jpg`);
      writeFileSync(path, scan.toBuffer("image/jpeg", 80));
      pages.push(path);
      page.cleanup();
    }
    await doc.destroy();
    documents.push({ file: join(fixtures, name), pages });
  }
  return documents;
}

const words = (text) => (text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
/**
 * Words as score.mjs compares text: NFKC, Arabic harakat, shadda, dagger alef and tatweel
 * dropped, hamzated alefs as bare alef, alef maqsura as yeh. A word keeps its marks inside it
 * (`words` splits "المتعلّقة" at the shadda into two, each then missed when OCR drops the mark).
 */
const comparableWords = (text) =>
  (
    text
      .normalize("NFKC")
      .replace(/[\u064B-\u0652\u0670\u0640]/gu, "")
      .replace(/[إأآٱ]/gu, "ا")
      .replace(/ى/gu, "ي")
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  ).map((w) => w.toLowerCase());

/** A tree's text, leaving out what comes from pages after `lastPage` (a table's rows each say their page). */
function treeText(node, lastPage = Infinity) {
  if ((node.data?.source?.page ?? 0) > lastPage) return "";
  if (node.type === "text") return node.value;
  return (node.children ?? []).map((child) => treeText(child, lastPage)).join(" ");
}

/** Share of `reference` words found in `candidate`, counting repeats. */
function wordRecall(reference, candidate) {
  const counts = new Map();
  for (const word of candidate) counts.set(word, (counts.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of reference) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      found++;
      counts.set(word, left - 1);
    }
  }
  return reference.length === 0 ? 1 : found / reference.length;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchOcr({ rounds = 1, pages: maxPages = 2 } = {}) {
  const { readDocument } = await import(join(root, "dist", "ingest", "index.js"));
  const { stopOcrEngine } = await import(join(root, "dist", "ingest", "ocr-engine.js"));
  const documents = await makeScans(maxPages);
  const native = hasNativeTesseract();
  const results = [];
  for (const document of documents) {
    const typed = await readDocument(document.file);
    const language = /[\u0600-\u06ff]/.test(treeText(typed.tree).slice(0, 2000)) ? "ara" : "fra+eng";
    const typedText = treeText(typed.tree, document.pages.length);
    const ours = [];
    const theirs = [];
    let recall = 0;
    let comparableRecall = 0;
    for (let round = 0; round < rounds; round++) {
      // Each round starts the engine afresh, as a batch worker's first file does.
      await stopOcrEngine();
      let text = "";
      const start = performance.now();
      for (const page of document.pages) text += ` ${treeText((await readDocument(page)).tree)}`;
      ours.push(performance.now() - start);
      recall = wordRecall(words(typedText), words(text));
      comparableRecall = wordRecall(comparableWords(typedText), comparableWords(text));
      if (native) {
        const nativeStart = performance.now();
        for (const page of document.pages) execFileSync("tesseract", [page, "-", "-l", language], { stdio: ["ignore", "ignore", "ignore"] });
        theirs.push(performance.now() - nativeStart);
      }
    }
    await stopOcrEngine();
    const pages = document.pages.length;
    const oursRate = pages / (median(ours) / 1000);
    const nativeRate = native ? pages / (median(theirs) / 1000) : undefined;
    results.push({ name: document.file.split("/").pop(), language, pages, oursRate, nativeRate, recall, comparableRecall });
  }
  const target = (language) => (language === "ara" ? 0.93 : 0.97);
  const rows = results.map((r) =>
    `| ${r.name} | ${r.language} | ${r.pages} | ${r.oursRate.toFixed(3)} | ${r.nativeRate?.toFixed(3) ?? "—"} | ${r.nativeRate ? `${(r.oursRate / r.nativeRate).toFixed(2)}×` : "—"} | ${(r.recall * 100).toFixed(1)} % (target ≥ ${target(r.language) * 100} %${r.recall >= target(r.language) ? " ✓" : ""}) | ${(r.comparableRecall * 100).toFixed(1)} %${r.comparableRecall >= target(r.language) ? " ✓" : ""} |`,
  );
  return [
    "### OCR (scan-like page images of the typed fixtures, 200 dpi)",
    "",
    "| document | languages | pages | ours pages/s | native tesseract pages/s | ours ÷ native (target ≥ 0.5×) | words of the typed tree found | the same, compared as score.mjs compares text |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ...rows,
    "",
    `Ours: \`readDocument\` on each page image (tesseract.js in WebAssembly, engine started once per document; deskew, rulings, tables read cell by cell, layout). Native: \`tesseract IMAGE - -l LANG\`, one process per page, the same images. Medians of ${rounds} round(s); the first ${maxPages} page(s) of each fixture. Words found: share of the typed tree's words (letters and digits; a combining mark splits a word) in the OCR'd tree, as a multiset; the last column compares them as score.mjs compares text (marks kept inside words, then harakat, shadda and tatweel dropped, alef and yeh forms unified).${native ? "" : " Native tesseract is not installed (Debian: tesseract-ocr, -ara, -fra, -eng): no ratio."}`,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback);
  process.stdout.write(`${await benchOcr({ rounds: value("--rounds", 1), pages: value("--pages", 2) })}\n`);
}
