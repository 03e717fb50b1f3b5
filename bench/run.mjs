#!/usr/bin/env node
/**
 * `npm run bench`: how fast minutes-tracker reads documents and runs archive-scale
 * batches, beside pandoc and pdftotext on the same files. A benchmark, not a test:
 * it prints figures and a Markdown table for the README, and fails only if a run
 * itself fails.
 *
 *   node bench/run.mjs [--files N] [--variants K] [--jobs J] [--reference-sample S] [--skip-reading] [--skip-batch] [--no-tracker]
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

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "bench", "out");
const CORPUS_FIXTURES = join(ROOT, "fixtures", "ogp-tunisia");
const MEETINGS = ["2022-06-committee-minutes", "2023-03-committee-minutes", "2023-09-committee-minutes"];
/**
 * The build under test, copied: a rebuild of dist/ during the benchmark (another
 * terminal's `npm test`) would otherwise change the pipeline version between the
 * cold and warm runs and empty the cache in the middle of the measurement.
 */
const PACKAGE = join(OUT, "package");

function snapshotPackage() {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` (npm run bench does)");
  rmSync(PACKAGE, { recursive: true, force: true });
  mkdirSync(PACKAGE, { recursive: true });
  for (const entry of ["dist", "bin", "package.json"]) cpSync(join(ROOT, entry), join(PACKAGE, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(PACKAGE, "node_modules"), "dir");
}

function parseArguments(argv) {
  const options = { files: 1000, variants: 10, jobs: availableParallelism(), referenceSample: 300, reading: true, batch: true, tracker: true };
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
    else if (argument === "--skip-reading") options.reading = false;
    else if (argument === "--skip-batch") options.batch = false;
    else if (argument === "--no-tracker") options.tracker = false;
    else throw new Error(`unknown option ${argument}`);
  }
  return options;
}

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? "—" : value.toFixed(digits));
const ratio = (value) => (value === undefined || value === null || !Number.isFinite(value) ? "—" : `${value.toFixed(2)}×`);

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

async function benchReading() {
  const { readDocument } = await import(pathToFileURL(join(PACKAGE, "dist", "ingest", "index.js")).href);
  const files = readdirSync(CORPUS_FIXTURES)
    .filter((name) => /\.(docx|pdf|txt)$/.test(name))
    .map((name) => join(CORPUS_FIXTURES, name));
  const byFormat = new Map();
  for (const file of files) {
    const format = file.slice(file.lastIndexOf(".") + 1);
    // A plain Uint8Array, as the batch hands its workers (pdf.js refuses Buffer).
    const bytes = new Uint8Array(readFileSync(file));
    const first = await readDocument(file, bytes);
    await readDocument(file, bytes);
    // At least 10 reads and one second per file.
    let reads = 0;
    const start = process.hrtime.bigint();
    while (reads < 10 || seconds(start) < 1) {
      await readDocument(file, bytes);
      reads += 1;
    }
    const elapsed = seconds(start);
    const entry = byFormat.get(format) ?? { files: [], docs: 0, pages: 0, seconds: 0 };
    entry.files.push(file);
    entry.docs += reads;
    entry.pages += reads * (first.pages ?? 0);
    entry.seconds += elapsed;
    byFormat.set(format, entry);
  }
  const rows = [];
  for (const [format, entry] of byFormat) {
    const row = { format, files: entry.files.length, docsPerSecond: entry.docs / entry.seconds, pagesPerSecond: entry.pages ? entry.pages / entry.seconds : null };
    const repeat = 5;
    if (format === "docx" && has("pandoc")) {
      const elapsed = runEach("pandoc", (file) => ["-t", "gfm", "-o", "/dev/null", file], Array.from({ length: repeat }, () => entry.files).flat());
      row.reference = "pandoc -t gfm";
      row.referenceDocsPerSecond = (repeat * entry.files.length) / elapsed;
      row.speedup = row.docsPerSecond / row.referenceDocsPerSecond;
      row.target = "≥ 3× faster";
      row.met = row.speedup >= 3;
    }
    if (format === "pdf" && has("pdftotext")) {
      const pages = entry.files.reduce((sum, file) => sum + pdfPages(file), 0);
      const elapsed = runEach("pdftotext", (file) => [file, "/dev/null"], Array.from({ length: repeat }, () => entry.files).flat());
      row.reference = "pdftotext";
      row.referenceDocsPerSecond = (repeat * entry.files.length) / elapsed;
      row.referencePagesPerSecond = (repeat * pages) / elapsed;
      row.speedup = row.docsPerSecond / row.referenceDocsPerSecond;
      row.target = "within 3× (≥ 0.33×)";
      row.met = row.speedup >= 1 / 3;
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

/** A zip comment makes a new file (new hash) with the same document inside. */
function tagDocx(bytes, tag) {
  const end = bytes.length - 22;
  if (bytes.readUInt32LE(end) !== 0x06054b50 || bytes.readUInt16LE(end + 20) !== 0) throw new Error("expected a zip without a comment");
  const comment = Buffer.from(tag, "utf8");
  const tagged = Buffer.concat([bytes, comment]);
  tagged.writeUInt16LE(comment.length, end + 20);
  return tagged;
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
 * Runs `minutes run` (or `minutes extract`), sampling the process's resident memory (its
 * worker threads included): the peak overall, and the peak while files were being
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
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        samples.push([seconds(start), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)]);
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
  rmSync(cache, { recursive: true, force: true });
  for (const name of ["run-docx", "run-pdf", "run-all"]) rmSync(join(OUT, name), { recursive: true, force: true });
  const rel = (path) => relative(ROOT, path);
  const command = options.tracker ? "run" : "extract";

  process.stderr.write(`cold batch over ${docx.length} docx...\n`);
  const coldDocx = await runMinutes(command, [rel(join(corpus, "docx"))], rel(join(OUT, "run-docx")), rel(cache), options.jobs);
  process.stderr.write(`cold batch over ${pdf.length} pdf...\n`);
  const coldPdf = await runMinutes(command, [rel(join(corpus, "pdf"))], rel(join(OUT, "run-pdf")), rel(cache), options.jobs);
  process.stderr.write(`warm batch over all ${docx.length + pdf.length}...\n`);
  // The first run over the whole corpus builds its tracker; the re-run after it is the unchanged-archive case.
  const firstAll = await runMinutes(command, [rel(corpus)], rel(join(OUT, "run-all")), rel(cache), options.jobs);
  const warm = await runMinutes(command, [rel(corpus)], rel(join(OUT, "run-all")), rel(cache), options.jobs);
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

  const pdfPagesByFile = new Map(coldPdf.summary.results.map((result) => [resolve(ROOT, result.file), result.pages ?? 0]));
  const result = {
    files: docx.length + pdf.length,
    coldDocx,
    coldPdf,
    firstAll,
    warm,
    oneNew,
    docxRate: docx.length / coldDocx.seconds,
    pdfPagesRate: coldPdf.summary.pages / coldPdf.seconds,
    pdfRate: pdf.length / coldPdf.seconds,
  };
  if (has("pandoc")) {
    const sample = docx.slice(0, options.referenceSample);
    process.stderr.write(`pandoc over ${sample.length} docx, one after another...\n`);
    result.pandocRate = sample.length / runEach("pandoc", (file) => ["-t", "gfm", "-o", "/dev/null", file], sample);
    result.pandocSample = sample.length;
  }
  if (has("pdftotext")) {
    const sample = pdf.slice(0, options.referenceSample);
    process.stderr.write(`pdftotext over ${sample.length} pdf, one after another...\n`);
    const elapsed = runEach("pdftotext", (file) => [file, "/dev/null"], sample);
    result.pdftotextPagesRate = sample.reduce((sum, file) => sum + (pdfPagesByFile.get(file) ?? pdfPages(file)), 0) / elapsed;
    result.pdftotextSample = sample.length;
  }
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

function batchTable(result, jobs, command) {
  const check = (ok) => (ok ? " ✓" : " ✗");
  const coldSeconds = result.coldDocx.seconds + result.coldPdf.seconds;
  const runs = [result.coldDocx, result.coldPdf, result.firstAll, result.warm, result.oneNew];
  const peak = Math.max(...runs.map((run) => run.peakMb));
  const extractionPeak = Math.max(...runs.map((run) => run.extractionPeakMb));
  const docxRatio = result.pandocRate ? result.docxRate / result.pandocRate : undefined;
  const pdfRatio = result.pdftotextPagesRate ? result.pdfPagesRate / result.pdftotextPagesRate : undefined;
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
snapshotPackage();
const sections = [];
if (options.reading) {
  process.stderr.write("reading each fixture in-process...\n");
  sections.push(`### Reading (document tree only, in-process)\n\n${readingTable(await benchReading())}`);
}
if (options.batch) {
  const result = await benchBatch(options);
  const notes = [
    ...(options.tracker ? [] : ["`--no-tracker`: `minutes extract`, so no tracker is built; the \"tracker\" figures are the end-of-run errors.json only."]),
    `Cold: \`${options.tracker ? "minutes run" : "minutes extract"}\` over the docx half, then the pdf half, from an empty cache${options.tracker ? " (each run includes building and writing its tracker)" : ""}. ` +
      `Then over the whole corpus: from the cache with the tracker built; again unchanged (records from the cache, tracker files kept since their inputs are identical); again with one new file (extracted alone, tracker rebuilt from cached records).`,
    `References run one file after another${result.pandocSample ? ` over the first ${result.pandocSample} docx and ${result.pdftotextSample} pdf files` : ""}. ` +
      `Failures: ${result.coldDocx.summary.failed + result.coldPdf.summary.failed}; warm run re-extracted ${result.warm.summary.extracted}.`,
  ];
  sections.push(`### Batch\n\n${batchTable(result, options.jobs, options.tracker ? "minutes run" : "minutes extract")}\n\n${notes.join("\n")}`);
}
const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown CPU";
// Other work on the machine skews every figure: the load average says how quiet it was.
const load = loadavg().map((value) => value.toFixed(2)).join(" / ");
process.stdout.write(`\n## Benchmark (${availableParallelism()} cores, ${cpu}, Node ${process.versions.node}; load average at the end ${load})\n\n${sections.join("\n\n")}\n`);
