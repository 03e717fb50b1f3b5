#!/usr/bin/env node
/**
 * The end-of-run writers of two builds (or more) on one report, in one process, round by round:
 * the records of an output folder's meetings/ are read and the tracker, review and report built
 * once (by the first build), then each build's writers (`WRITERS`) write every file in turn.
 * Prints each writer's least CPU time (user + system, the thread pool's deflate included) over
 * the rounds. On a shared machine two processes run minutes apart differ by more than most
 * changes to a writer; one process running both builds alternately differs by less.
 *
 *     node bench/writers.mjs --records DIR/meetings [--package DIR]... [--only tracker.xlsx,...] [--rounds N] [--out DIR]
 *
 * --package defaults to this build; the files each build wrote are left in --out (default
 * bench/out/writers/<n>/) to be compared with cmp.
 */
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const options = { records: undefined, packages: [], only: undefined, rounds: 3, out: join(ROOT, "bench", "out", "writers") };
for (let i = 2; i < process.argv.length; i++) {
  const argument = process.argv[i];
  if (argument === "--records") options.records = resolve(process.argv[++i]);
  else if (argument === "--package") options.packages.push(resolve(process.argv[++i]));
  else if (argument === "--only") options.only = process.argv[++i].split(",");
  else if (argument === "--rounds") options.rounds = Number(process.argv[++i]);
  else if (argument === "--out") options.out = resolve(process.argv[++i]);
  else throw new Error(`unknown option ${argument}`);
}
if (!options.records) throw new Error("--records DIR (an output folder's meetings/) is required");
if (options.packages.length === 0) options.packages.push(ROOT);

const first = join(options.packages[0], "dist");
const { buildTracker, trackerReport } = await import(join(first, "index.js"));
const { buildReview } = await import(join(first, "track/review.js"));
const records = readdirSync(options.records)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(options.records, name), "utf8")));
const tracker = buildTracker(records);
const report = trackerReport(tracker, records, [], buildReview(tracker, records));
const builds = [];
for (const pkg of options.packages) builds.push((await import(join(pkg, "dist/write/writers.js"))).WRITERS);

const least = new Map();
for (let round = 0; round < options.rounds; round++) {
  for (const [at, writers] of builds.entries()) {
    const folder = join(options.out, String(at));
    mkdirSync(folder, { recursive: true });
    for (const writer of writers) {
      if (options.only && !options.only.includes(writer.file)) continue;
      const started = process.cpuUsage();
      await writer.write(report, createWriteStream(join(folder, writer.file)));
      const { user, system } = process.cpuUsage(started);
      const key = `${writer.file}\t${options.packages[at]}`;
      least.set(key, Math.min(least.get(key) ?? Number.POSITIVE_INFINITY, (user + system) / 1e6));
    }
  }
}
console.log(`${records.length} records, least CPU s of ${options.rounds} round(s)`);
for (const [key, seconds] of least) console.log(`${key}\t${seconds.toFixed(2)}`);
