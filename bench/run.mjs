#!/usr/bin/env node
/**
 * `npm run bench`: how fast minutes-tracker reads documents and runs archive-scale
 * batches, beside pandoc and pdftotext on the same files. A benchmark, not a test:
 * it prints figures and a Markdown table for the README, and fails only if a run
 * itself fails.
 *
 *   node bench/run.mjs [--files N] [--variants K] [--jobs J] [--reference-sample S] [--rounds R] [--skip-reading] [--skip-batch] [--no-tracker] [--skip-ocr] [--warm-only] [--package DIR]
 *
 * --warm-only skips the cold batches and their references: the runs over the whole corpus
 * only (all from the cache, unchanged, one new file), on the corpus and cache an earlier run
 * left in bench/out. --package DIR runs that build (a copy of dist/, bin/ and package.json, as
 * bench/out/package is) instead of snapshotting this one: two builds measured back to back.
 *
 * --rounds R (default 3): each measurement and its reference run back to back R times, and
 * the tables give medians. On a shared machine the CPU's speed drifts by up to half between
 * minutes; a ratio of two figures measured minutes apart would mostly measure that drift.
 *
 * --no-tracker runs `minutes extract` instead of `minutes run`: the extraction engine
 * alone, e.g. to see its memory stay flat at 10,000 files.
 *
 * (a) Reading: each corpus fixture read in-process again and again (the tree only,
 *     no extraction), against `pandoc -t gfm` (docx) and `pdftotext` (pdf).
 * (b) Batch: a corpus of N minutes (default 1,000; half .docx, half .pdf) made from
 *     the fixtures: K content variants per meeting rendered by LibreOffice from
 *     edited HTML sources, then copied under varied names (spaces, Arabic, years as
 *     folders) with a per-copy tag (a zip comment, a PDF comment) so that every
 *     file has its own content hash. Cold runs of `minutes run` over the docx half
 *     and the pdf half (sharing one cache), then a warm run over the whole corpus.
 *     pandoc and pdftotext run one file after another over (a sample of) the same files.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { treeResidentKb } from "./process-memory.mjs";
import { tagDocx } from "./synthetic.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "bench", "out");
const CORPUS_FIXTURES = join(ROOT, "fixtures", "ogp-tunisia");
const MEETINGS = ["2022-06-committee-minutes", "2023-03-committee-minutes", "2023-09-committee-minutes"];
/**
 * The build under test, copied: a rebuild of dist/ during the benchmark (another
 * terminal's `npm test`) would otherwise change the pipeline version between the
 * cold and warm runs and empty the cache in the middle of the measurement.
 */
let PACKAGE = join(OUT, "package");

function snapshotPackage() {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` (npm run bench does)");
  rmSync(PACKAGE, { recursive: true, force: true });
  mkdirSync(PACKAGE, { recursive: true });
  for (const entry of ["dist", "bin", "package.json"]) cpSync(join(ROOT, entry), join(PACKAGE, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(PACKAGE, "node_modules"), "dir");
}

function parseArguments(argv) {
  const options = { files: 1000, variants: 10, jobs: availableParallelism(), referenceSample: 300, rounds: 3, reading: true, batch: true, tracker: true };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const number = () => {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${argument} needs a whole number`);
      return value;
    };
    if (argument === "--files") options.files = number();
    else if (argument === "--variants") options.variants = number();
    else if (argument === "--jobs") options.jobs = number();
    else if (argument === "--reference-sample") options.referenceSample = number();
    else if (argument === "--rounds") options.rounds = number();
    else if (argument === "--skip-reading") options.reading = false;
    else if (argument === "--skip-batch") options.batch = false;
    else if (argument === "--no-tracker") options.tracker = false;
    else if (argument === "--skip-ocr") options.ocr = false;
    else if (argument === "--warm-only") options.warmOnly = true;
    else if (argument === "--package") options.package = resolve(argv[++index]);
    else throw new Error(`unknown option ${argument}`);
  }
  return options;
}

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? "—" : value.toFixed(digits));
const ratio = (value) => (value === undefined || value === null || !Number.isFinite(value) ? "—" : `${value.toFixed(2)}×`);

/** The median of the defined values; undefined when there are none. */
function median(values) {
  const sorted = values.filter((value) => value !== undefined && value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function pdfPages(file) {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Runs `command` once per file, one after another; returns seconds. */
function runEach(command, argsFor, files) {
  const start = process.hrtime.bigint();
  for (const file of files) {
    const result = spawnSync(command, argsFor(file), { stdio: ["ignore", "ignore", "ignore"] });
    if (result.status !== 0) throw new Error(`${command} failed on ${file}`);
  }
  return seconds(start);
}

// ---------------------------------------------------------------- (a) reading

async function benchReading(rounds) {
  const { readDocument } = await import(pathToFileURL(join(PACKAGE, "dist", "ingest", "index.js")).href);
  const files = readdirSync(CORPUS_FIXTURES)
    .filter((name) => /\.(docx|pdf|txt)$/.test(name))
    .map((name) => join(CORPUS_FIXTURES, name));
  const byFormat = new Map();
  for (const file of files) {
    const format = file.slice(file.lastIndexOf(".") + 1);
    const entry = byFormat.get(format) ?? { files: [], pages: 0 };
    entry.files.push(file);
    byFormat.set(format, entry);
  }
  const references = {
    docx: has("pandoc") && { name: "pandoc -t gfm", command: "pandoc", args: (file) => ["-t", "gfm", "-o", "/dev/null", file], target: "≥ 3× faster", met: (x) => x >= 3 },
    pdf: has("pdftotext") && { name: "pdftotext", command: "pdftotext", args: (file) => [file, "/dev/null"], target: "within 3× (≥ 0.33×)", met: (x) => x >= 1 / 3 },
  };
  const rows = [];
  for (const [format, entry] of byFormat) {
    // A plain Uint8Array, as the batch hands its workers (pdf.js refuses Buffer).
    const inputs = entry.files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
    for (const input of inputs) input.pages = (await readDocument(input.file, input.bytes)).pages ?? 0;
    const pages = inputs.reduce((sum, input) => sum + input.pages, 0);
    const reference = references[format];
    const measured = [];
    for (let round = 0; round < rounds; round += 1) {
      // Each file read again and again (at least 10 times and one second) for its mean time;
      // the rates weigh every file once, as the reference's run over each file does.
      let secondsPerPass = 0;
      for (const { file, bytes } of inputs) {
        await readDocument(file, bytes);
        let reads = 0;
        const start = process.hrtime.bigint();
        while (reads < 10 || seconds(start) < 1) {
          await readDocument(file, bytes);
          reads += 1;
        }
        secondsPerPass += seconds(start) / reads;
      }
      const figures = { docsPerSecond: inputs.length / secondsPerPass, pagesPerSecond: pages ? pages / secondsPerPass : null };
      if (reference) {
        const repeat = 5;
        const referenceSeconds = runEach(reference.command, reference.args, Array.from({ length: repeat }, () => entry.files).flat());
        figures.referenceDocsPerSecond = (repeat * entry.files.length) / referenceSeconds;
        figures.referencePagesPerSecond = pages ? (repeat * pages) / referenceSeconds : null;
        figures.speedup = figures.docsPerSecond / figures.referenceDocsPerSecond;
      }
      measured.push(figures);
    }
    const medianOf = (key) => median(measured.map((figures) => figures[key] ?? undefined)) ?? null;
    const row = {
      format,
      files: entry.files.length,
      docsPerSecond: medianOf("docsPerSecond"),
      pagesPerSecond: medianOf("pagesPerSecond"),
    };
    if (reference) {
      Object.assign(row, {
        reference: reference.name,
        referenceDocsPerSecond: medianOf("referenceDocsPerSecond"),
        referencePagesPerSecond: medianOf("referencePagesPerSecond"),
        speedup: medianOf("speedup"),
        speedups: measured.map((figures) => figures.speedup),
        target: reference.target,
      });
      row.met = reference.met(row.speedup);
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------- (b) corpus

/** Content variants: percents shifted, so records and trackers differ between variants. */
function htmlVariant(html, variant) {
  return html.replace(/(?<![\d.])(\d{1,2})(\s*%)/g, (_, digits, sign) => `${(Number(digits) + variant * 7) % 100}${sign}`);
}

function makeVariants(count) {
  const folder = join(OUT, "variants", String(count));
  const marker = join(folder, "done");
  if (existsSync(marker)) return folder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, "html"), { recursive: true });
  if (!has("libreoffice")) {
    // Without LibreOffice the fixtures themselves are the only variants.
    for (const meeting of MEETINGS) {
      for (const extension of ["docx", "pdf"]) {
        mkdirSync(join(folder, extension), { recursive: true });
        writeFileSync(join(folder, extension, `${meeting}-v0.${extension}`), readFileSync(join(CORPUS_FIXTURES, `${meeting}.${extension}`)));
      }
    }
  } else {
    for (const meeting of MEETINGS) {
      const html = readFileSync(join(CORPUS_FIXTURES, `${meeting}.html`), "utf8");
      for (let variant = 0; variant < count; variant += 1) {
        writeFileSync(join(folder, "html", `${meeting}-v${variant}.html`), htmlVariant(html, variant));
      }
    }
    const htmlFiles = readdirSync(join(folder, "html")).map((name) => join(folder, "html", name));
    process.stderr.write(`rendering ${htmlFiles.length} variants with LibreOffice...\n`);
    execFileSync("libreoffice", ["--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", join(folder, "docx"), ...htmlFiles], { stdio: "ignore" });
    const docxFiles = readdirSync(join(folder, "docx")).map((name) => join(folder, "docx", name));
    execFileSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", join(folder, "pdf"), ...docxFiles], { stdio: "ignore" });
  }
  writeFileSync(marker, "");
  return folder;
}

/** A comment after %%EOF: PDF readers ignore it. */
const tagPdf = (bytes, tag) => Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`, "latin1")]);

const NAME_STYLES = [
  (meeting, index) => `${meeting}-${index}`,
  (meeting, index) => `Minutes ${meeting.slice(0, 7)} copy ${index}`,
  (meeting, index) => `محضر اجتماع اللجنة ${index} ${meeting.slice(0, 7)}`,
  (meeting, index) => `-draft ${index} ${meeting.slice(0, 7)}`,
  (meeting, index) => `${meeting.slice(0, 7)}_PV_réunion_${index}`,
];

function makeCorpus(files, variantCount) {
  const folder = join(OUT, "corpus");
  const stamp = `${files} files, ${variantCount} variants`;
  if (existsSync(join(folder, "stamp")) && readFileSync(join(folder, "stamp"), "utf8") === stamp) return folder;
  const variants = makeVariants(variantCount);
  rmSync(folder, { recursive: true, force: true });
  const sources = { docx: readdirSync(join(variants, "docx")).sort(), pdf: readdirSync(join(variants, "pdf")).sort() };
  for (let index = 0; index < files; index += 1) {
    const format = index % 2 === 0 ? "docx" : "pdf";
    const source = sources[format][Math.floor(index / 2) % sources[format].length];
    const meeting = MEETINGS.find((name) => source.startsWith(name));
    const year = meeting.slice(0, 4);
    const name = NAME_STYLES[index % NAME_STYLES.length](meeting, index);
    const target = join(folder, format, year, `${name}.${format}`);
    mkdirSync(dirname(target), { recursive: true });
    const bytes = readFileSync(join(variants, format, source));
    writeFileSync(target, format === "docx" ? tagDocx(bytes, `bench ${index}`) : tagPdf(bytes, `bench ${index}`));
  }
  writeFileSync(join(folder, "stamp"), stamp);
  return folder;
}

function listFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(docx|pdf)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Runs `minutes run` (or `minutes extract`), sampling the resident memory of the process and
 * its worker processes every 50 ms: the peak overall, and the peak while files were being
 * extracted, before the tracker was built.
 */
function runMinutes(command, inputs, out, cache, jobs) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(PACKAGE, "bin", "minutes.js"), command, ...inputs, "--out", out, "--cache", cache, "--jobs", String(jobs), "--json", "--quiet"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    let peakKb = 0;
    const samples = [];
    const sample = () => {
      try {
        // The workers are child processes: the run's memory is the sum over the process tree.
        const totalKb = treeResidentKb(child.pid).reduce((sum, kb) => sum + kb, 0);
        peakKb = Math.max(peakKb, totalKb);
        samples.push([seconds(start), totalKb]);
      } catch {
        // The process has exited between samples.
      }
    };
    const timer = setInterval(sample, 50);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const elapsed = seconds(start);
      if (code !== 0 && code !== 1) return reject(new Error(`minutes ${command} exited with ${code}`));
      const summary = JSON.parse(stdout);
      const extractionEnd = elapsed - summary.finishSeconds;
      const extractionPeakKb = Math.max(0, ...samples.filter(([at]) => at <= extractionEnd).map(([, kb]) => kb));
      resolvePromise({ seconds: elapsed, peakMb: peakKb / 1024, extractionPeakMb: extractionPeakKb / 1024, summary });
    });
  });
}

async function benchBatch(options) {
  const corpus = makeCorpus(options.files, options.variants);
  const docx = listFiles(join(corpus, "docx"));
  const pdf = listFiles(join(corpus, "pdf"));
  const cache = join(OUT, "cache");
  if (!options.warmOnly) rmSync(cache, { recursive: true, force: true });
  for (const name of ["run-docx", "run-pdf", "run-all"]) rmSync(join(OUT, name), { recursive: true, force: true });
  const rel = (path) => relative(ROOT, path);
  const command = options.tracker ? "run" : "extract";

  // The machine's speed drifts by half from one minute to the next: each round runs the cold
  // batches and the references back to back, and the table reports each figure's median.
  const rounds = [];
  for (let round = 1; round <= (options.warmOnly ? 0 : options.rounds); round += 1) {
    // Cold means no cache and no earlier outputs (which would let the run keep its tracker).
    for (const folder of [cache, join(OUT, "run-docx"), join(OUT, "run-pdf")]) rmSync(folder, { recursive: true, force: true });
    const tag = `round ${round} of ${options.rounds}: `;
    process.stderr.write(`${tag}cold batch over ${docx.length} docx...\n`);
    const coldDocx = await runMinutes(command, [rel(join(corpus, "docx"))], rel(join(OUT, "run-docx")), rel(cache), options.jobs);
    const pandocSample = docx.slice(0, options.referenceSample);
    let pandocRate;
    if (has("pandoc")) {
      process.stderr.write(`${tag}pandoc over ${pandocSample.length} docx, one after another...\n`);
      pandocRate = pandocSample.length / runEach("pandoc", (file) => ["-t", "gfm", "-o", "/dev/null", file], pandocSample);
    }
    process.stderr.write(`${tag}cold batch over ${pdf.length} pdf...\n`);
    const coldPdf = await runMinutes(command, [rel(join(corpus, "pdf"))], rel(join(OUT, "run-pdf")), rel(cache), options.jobs);
    const pdfSample = pdf.slice(0, options.referenceSample);
    let pdftotextPagesRate;
    if (has("pdftotext")) {
      const pagesByFile = new Map(coldPdf.summary.results.map((result) => [resolve(ROOT, result.file), result.pages ?? 0]));
      process.stderr.write(`${tag}pdftotext over ${pdfSample.length} pdf, one after another...\n`);
      const elapsed = runEach("pdftotext", (file) => [file, "/dev/null"], pdfSample);
      pdftotextPagesRate = pdfSample.reduce((sum, file) => sum + (pagesByFile.get(file) ?? pdfPages(file)), 0) / elapsed;
    }
    rounds.push({
      coldDocx,
      coldPdf,
      pandocRate,
      pandocSample: pandocSample.length,
      pdftotextPagesRate,
      pdftotextSample: pdfSample.length,
      docxRate: docx.length / coldDocx.seconds,
      pdfRate: pdf.length / coldPdf.seconds,
      pdfPagesRate: coldPdf.summary.pages / coldPdf.seconds,
    });
  }
  process.stderr.write(`warm batch over all ${docx.length + pdf.length}...\n`);
  // The first run over the whole corpus builds its tracker; the re-runs after it are the unchanged-archive case.
  const firstAll = await runMinutes(command, [rel(corpus)], rel(join(OUT, "run-all")), rel(cache), options.jobs);
  const warmRuns = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    warmRuns.push(await runMinutes(command, [rel(corpus)], rel(join(OUT, "run-all")), rel(cache), options.jobs));
  }
  // A month later: one new file, extracted alone; the tracker is rebuilt from the cached records.
  const added = join(corpus, "docx", "new-month.docx");
  const variantDocx = join(makeVariants(options.variants), "docx");
  writeFileSync(added, tagDocx(readFileSync(join(variantDocx, readdirSync(variantDocx)[0])), "bench new file"));
  let oneNew;
  try {
    oneNew = await runMinutes(command, [rel(corpus)], rel(join(OUT, "run-all")), rel(cache), options.jobs);
  } finally {
    rmSync(added);
  }

  /** The run whose time is the median of `runs`: its figures (memory, tracker time) go with it. */
  const medianRun = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
  if (options.warmOnly) return { files: docx.length + pdf.length, firstAll, warm: medianRun(warmRuns), oneNew };
  const result = {
    files: docx.length + pdf.length,
    rounds,
    coldDocx: medianRun(rounds.map((r) => r.coldDocx)),
    coldPdf: medianRun(rounds.map((r) => r.coldPdf)),
    firstAll,
    warm: medianRun(warmRuns),
    allRuns: [...rounds.flatMap((r) => [r.coldDocx, r.coldPdf]), firstAll, ...warmRuns, oneNew],
    oneNew,
    docxRate: median(rounds.map((r) => r.docxRate)),
    pdfRate: median(rounds.map((r) => r.pdfRate)),
    pdfPagesRate: median(rounds.map((r) => r.pdfPagesRate)),
    pandocRate: median(rounds.map((r) => r.pandocRate)),
    pdftotextPagesRate: median(rounds.map((r) => r.pdftotextPagesRate)),
    docxRatio: median(rounds.map((r) => (r.pandocRate ? r.docxRate / r.pandocRate : undefined))),
    pdfRatio: median(rounds.map((r) => (r.pdftotextPagesRate ? r.pdfPagesRate / r.pdftotextPagesRate : undefined))),
    pandocSample: rounds[0].pandocRate ? rounds[0].pandocSample : undefined,
    pdftotextSample: rounds[0].pdftotextSample,
  };
  return result;
}

// ---------------------------------------------------------------- report

function readingTable(rows) {
  const lines = [
    "| format | fixtures | tree docs/s | tree pages/s | reference | reference docs/s | reference pages/s | ours ÷ reference | target |",
    "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |",
  ];
  for (const row of rows) {
    const verdict = row.met === undefined ? "" : row.met ? " ✓" : " ✗";
    lines.push(
      `| ${row.format} | ${row.files} | ${fmt(row.docsPerSecond)} | ${fmt(row.pagesPerSecond)} | ${row.reference ?? "—"} | ${fmt(row.referenceDocsPerSecond)} | ${fmt(row.referencePagesPerSecond)} | ${ratio(row.speedup)} | ${row.target ?? "—"}${verdict} |`,
    );
  }
  return lines.join("\n");
}

const mb = (run) => `${fmt(run.extractionPeakMb, 0)} / ${fmt(run.peakMb, 0)}`;

/** The warm runs alone (`--warm-only`). */
function warmTable(result, jobs, command) {
  const lines = [
    `| ${command} (${result.files} files, ${jobs} jobs) | files | seconds | files/s | peak RSS MB: extracting / overall | note |`,
    "| --- | ---: | ---: | ---: | ---: | --- |",
    `| all from cache, tracker built | ${result.firstAll.summary.files} | ${fmt(result.firstAll.seconds, 2)} | ${fmt(result.firstAll.summary.files / result.firstAll.seconds)} | ${mb(result.firstAll)} | of which tracker: ${fmt(result.firstAll.summary.finishSeconds)} s |`,
    `| warm re-run, unchanged | ${result.warm.summary.files} | ${fmt(result.warm.seconds, 2)} | ${fmt(result.warm.summary.files / result.warm.seconds)} | ${mb(result.warm)} | |`,
    `| warm re-run, one new file | ${result.oneNew.summary.files} | ${fmt(result.oneNew.seconds, 2)} | — | ${mb(result.oneNew)} | extracted ${result.oneNew.summary.extracted}, tracker rebuilt in ${fmt(result.oneNew.summary.finishSeconds)} s |`,
  ];
  return lines.join("\n");
}

function batchTable(result, jobs, command) {
  const check = (ok) => (ok ? " ✓" : " ✗");
  const coldSeconds = result.coldDocx.seconds + result.coldPdf.seconds;
  const peak = Math.max(...result.allRuns.map((run) => run.peakMb));
  const extractionPeak = Math.max(...result.allRuns.map((run) => run.extractionPeakMb));
  const { docxRatio, pdfRatio } = result;
  const warmShare = result.warm.seconds / coldSeconds;
  const lines = [
    `| ${command} (${result.files} files, ${jobs} jobs) | files | seconds | docs/s | pages/s | peak RSS MB: extracting / overall | reference | ratio | target |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    `| cold, docx (tracker: ${fmt(result.coldDocx.summary.finishSeconds)} s) | ${result.coldDocx.summary.files} | ${fmt(result.coldDocx.seconds)} | ${fmt(result.docxRate)} | — | ${mb(result.coldDocx)} | pandoc -t gfm: ${fmt(result.pandocRate)} docs/s | ${ratio(docxRatio)} | ≥ 4×${docxRatio === undefined ? "" : check(docxRatio >= 4)} |`,
    `| cold, pdf (tracker: ${fmt(result.coldPdf.summary.finishSeconds)} s) | ${result.coldPdf.summary.files} | ${fmt(result.coldPdf.seconds)} | ${fmt(result.pdfRate)} | ${fmt(result.pdfPagesRate)} | ${mb(result.coldPdf)} | pdftotext: ${fmt(result.pdftotextPagesRate)} pages/s | ${ratio(pdfRatio)} | ≥ 0.33×${pdfRatio === undefined ? "" : check(pdfRatio >= 1 / 3)} |`,
    `| all from cache, tracker built | ${result.firstAll.summary.files} | ${fmt(result.firstAll.seconds, 2)} | ${fmt(result.firstAll.summary.files / result.firstAll.seconds)} | — | ${mb(result.firstAll)} | of which tracker: ${fmt(result.firstAll.summary.finishSeconds)} s | | |`,
    `| warm re-run, unchanged | ${result.warm.summary.files} | ${fmt(result.warm.seconds, 2)} | ${fmt(result.warm.summary.files / result.warm.seconds)} | — | ${mb(result.warm)} | cold docx + pdf: ${fmt(coldSeconds)} s | ${(warmShare * 100).toFixed(1)} % | < 5 %${check(warmShare < 0.05)} |`,
    `| warm re-run, one new file | ${result.oneNew.summary.files} | ${fmt(result.oneNew.seconds, 2)} | — | — | ${mb(result.oneNew)} | extracted ${result.oneNew.summary.extracted}, tracker rebuilt in ${fmt(result.oneNew.summary.finishSeconds)} s | ${((result.oneNew.seconds / coldSeconds) * 100).toFixed(1)} % | |`,
    `| peak memory, any run | | | | | ${fmt(extractionPeak, 0)} / ${fmt(peak, 0)} | | | < 1024 MB${check(peak < 1024)} |`,
  ];
  return lines.join("\n");
}

const options = parseArguments(process.argv.slice(2));
mkdirSync(OUT, { recursive: true });
if (options.package) PACKAGE = options.package;
else snapshotPackage();
const sections = [];
if (options.reading) {
  process.stderr.write("reading each fixture in-process...\n");
  const rows = await benchReading(options.rounds);
  const perRound = rows.filter((row) => row.speedups).map((row) => `${row.format} ${row.speedups.map(ratio).join(", ")}`);
  sections.push(
    `### Reading (document tree only, in-process)\n\n${readingTable(rows)}\n\nMedians of ${options.rounds} round(s), each reading every fixture then running the reference over the same files 5 times. Ratio per round: ${perRound.join("; ")}.`,
  );
}
if (options.batch && options.warmOnly) {
  const result = await benchBatch(options);
  sections.push(`### Warm runs (\`--warm-only\`, ${PACKAGE})\n\n${warmTable(result, options.jobs, options.tracker ? "minutes run" : "minutes extract")}\n\nMedian of ${options.rounds} unchanged re-run(s).`);
} else if (options.batch) {
  const result = await benchBatch(options);
  const notes = [
    ...(options.tracker ? [] : ["`--no-tracker`: `minutes extract`, so no tracker is built; the \"tracker\" figures are the end-of-run errors.json only."]),
    `Cold: \`${options.tracker ? "minutes run" : "minutes extract"}\` over the docx half, then the pdf half, from an empty cache${options.tracker ? " (each run includes building and writing its tracker)" : ""}. ` +
      `Then over the whole corpus: from the cache with the tracker built; again unchanged (records from the cache, tracker files kept since their inputs are identical); again with one new file (extracted alone, tracker rebuilt from cached records).`,
    `Medians of ${options.rounds} round(s); each round runs the cold docx batch, pandoc, the cold pdf batch and pdftotext back to back. Ratio per round: docx ${result.rounds.map((r) => ratio(r.pandocRate ? r.docxRate / r.pandocRate : undefined)).join(", ")}; pdf ${result.rounds.map((r) => ratio(r.pdftotextPagesRate ? r.pdfPagesRate / r.pdftotextPagesRate : undefined)).join(", ")}. Warm re-run: median of ${options.rounds}.`,
    `References run one file after another${result.pandocSample ? ` over the first ${result.pandocSample} docx and ${result.pdftotextSample} pdf files` : ""}. ` +
      `Failures: ${result.coldDocx.summary.failed + result.coldPdf.summary.failed}; warm runs re-extracted ${result.warm.summary.extracted}.`,
  ];
  sections.push(`### Batch\n\n${batchTable(result, options.jobs, options.tracker ? "minutes run" : "minutes extract")}\n\n${notes.join("\n")}`);
}
if (options.ocr !== false) {
  const { benchOcr } = await import("./ocr.mjs");
  sections.push(await benchOcr({ rounds: Math.min(options.rounds, 2) }));
}
const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown CPU";
// Other work on the machine skews every figure: the load average says how quiet it was.
const load = loadavg().map((value) => value.toFixed(2)).join(" / ");
process.stdout.write(`\n## Benchmark (${availableParallelism()} cores, ${cpu}, Node ${process.versions.node}; load average at the end ${load})\n\n${sections.join("\n\n")}\n`);
