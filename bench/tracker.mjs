/**
 * How the tracker stage scales: builds N synthetic meeting records of one action
 * plan (13 commitments, statuses and percents varying from meeting to meeting,
 * some rows unnumbered), then times buildTracker and each output's writers
 * and reports the process's peak RSS. Each N runs in its own process so peaks
 * do not carry over.
 *
 *     npm run build && node bench/tracker.mjs [--build-only] [--keep DIR] [N ...]      (default 1000 4000 10000)
 *
 * --build-only times buildTracker alone; --keep DIR leaves the outputs of the last N in DIR
 * (to compare the files two builds write).
 *
 * The records are the three corpus .docx minutes (two Arabic, one French) as
 * extracted, replicated under new file names and dates.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURES, synthesize } from "./synthetic.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

async function measure(count, buildOnly, keep) {
  const { extractMeeting, buildTracker, trackerReport, writersFor } = await import(join(ROOT, "dist/index.js"));
  const { buildReview } = await import(join(ROOT, "dist/track/review.js"));
  const bases = [];
  for (const file of FIXTURES) bases.push(await extractMeeting(file));
  const records = synthesize(bases, count);
  const out = keep ?? mkdtempSync(join(tmpdir(), "tracker-bench-"));
  mkdirSync(out, { recursive: true });
  try {
    let t = performance.now();
    const tracker = buildTracker(records);
    const buildSeconds = (performance.now() - t) / 1000;
    if (buildOnly) return { records: count, commitments: tracker.commitments.length, unlinked: tracker.unlinked.length, buildSeconds, peakRssMB: process.resourceUsage().maxRSS / 1024 };
    t = performance.now();
    const review = buildReview(tracker, records);
    const reviewSeconds = (performance.now() - t) / 1000;
    // Streamed to files, as `minutes run` writes them: the seconds of each format's writers.
    const report = trackerReport(tracker, records, [], review);
    const seconds = {};
    for (const writer of writersFor()) {
      t = performance.now();
      await writer.write(report, createWriteStream(join(out, writer.file)));
      seconds[writer.format] = (seconds[writer.format] ?? 0) + (performance.now() - t) / 1000;
    }
    return {
      records: count,
      commitments: tracker.commitments.length,
      unlinked: tracker.unlinked.length,
      buildSeconds,
      reviewSeconds,
      jsonSeconds: seconds.json,
      xlsxSeconds: seconds.xlsx,
      csvSeconds: seconds.csv,
      htmlSeconds: seconds.html,
      xlsxMB: statSync(join(out, "tracker.xlsx")).size / 2 ** 20,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    if (keep === undefined) rmSync(out, { recursive: true, force: true });
  }
}

const child = process.argv.indexOf("--child");
const keepAt = process.argv.indexOf("--keep");
const keep = keepAt === -1 ? undefined : process.argv[keepAt + 1];
if (child !== -1) {
  process.stdout.write(JSON.stringify(await measure(Number(process.argv[child + 1]), process.argv.includes("--build-only"), keep)));
} else {
  const buildOnly = process.argv.includes("--build-only");
  const counts = process.argv.slice(2).filter((a, i, all) => a !== "--build-only" && a !== "--keep" && all[i - 1] !== "--keep").map(Number);
  const rows = [];
  console.log("| records | commitments | unlinked | buildTracker s | review s | tracker.json s | tracker.xlsx s | 3 CSV s | report.html s | xlsx MB | peak RSS MB |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const count of counts.length > 0 ? counts : [1000, 4000, 10000]) {
    const result = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", String(count), ...(buildOnly ? ["--build-only"] : []), ...(keep === undefined ? [] : ["--keep", keep])], { encoding: "utf8", maxBuffer: 2 ** 20 }));
    rows.push(result);
    const f = (x) => (x === undefined ? "—" : x.toFixed(1));
    console.log(`| ${result.records} | ${result.commitments} | ${result.unlinked} | ${f(result.buildSeconds)} | ${f(result.reviewSeconds)} | ${f(result.jsonSeconds)} | ${f(result.xlsxSeconds)} | ${f(result.csvSeconds)} | ${f(result.htmlSeconds)} | ${f(result.xlsxMB)} | ${Math.round(result.peakRssMB)} |`);
  }
}
