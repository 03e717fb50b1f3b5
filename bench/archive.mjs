#!/usr/bin/env node
/**
 * Adding one file to a large archive (issue 12, item 7): an output folder holding N meeting
 * records (`meetings/*.json`, synthetic: `synthetic.mjs`) and the tracker built from them, then
 * `minutes run NEW.docx --out DIR`, one new file (a corpus .docx with its own zip comment, so
 * it is extracted, not found in the cache): the archive is the state, every earlier record is
 * kept and the tracker's files are rebuilt. Prints each run's wall time, CPU time (user + system,
 * its worker included: what a loaded machine changes least) and peak RSS.
 *
 *     npm run build && node bench/archive.mjs [--records N] [--rounds R] [--package DIR]...
 *
 * --package DIR (repeatable) measures that build (a folder with bin/ and dist/, e.g. a
 * worktree of another commit) instead of this one; several are run round by round, back to
 * back, each on its own copy of the archive, since on a shared machine only figures taken
 * together compare.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURES, synthesize, tagDocx } from "./synthetic.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "bench", "out", "archive");

const options = { records: 10_000, rounds: 3, packages: [] };
for (let i = 2; i < process.argv.length; i++) {
  const argument = process.argv[i];
  if (argument === "--records") options.records = Number(process.argv[++i]);
  else if (argument === "--rounds") options.rounds = Number(process.argv[++i]);
  else if (argument === "--package") options.packages.push(resolve(process.argv[++i]));
  else throw new Error(`unknown option ${argument}`);
}
if (options.packages.length === 0) options.packages.push(ROOT);

let newFiles = 0;
function newFile() {
  const folder = join(OUT, "new");
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `2099-01-${String((newFiles % 28) + 1).padStart(2, "0")} new minutes ${newFiles}.docx`);
  writeFileSync(file, tagDocx(readFileSync(FIXTURES[newFiles % FIXTURES.length]), `bench archive ${newFiles} ${process.pid} ${Date.now()}`));
  newFiles++;
  return file;
}

/** One `minutes run FILE --out DIR` by `pkg`: wall and CPU seconds, peak RSS (MB) of the largest process. */
function run(pkg, file, out) {
  const started = performance.now();
  const result = spawnSync("/usr/bin/time", ["-f", "%U %S %M", process.execPath, join(pkg, "bin", "minutes.js"), "run", file, "--out", out, "-q"], { encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`minutes run failed (${result.status}): ${result.stderr}`);
  const [user, system, peakKb] = result.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { seconds, cpu: user + system, peakMb: peakKb / 1024 };
}

rmSync(OUT, { recursive: true, force: true });
const { extractMeeting } = await import(join(ROOT, "dist/index.js"));
const { recordToJson } = await import(join(ROOT, "dist/write/json.js"));
const bases = [];
for (const file of FIXTURES) bases.push(await extractMeeting(file));
const seed = join(OUT, "seed", "meetings");
mkdirSync(seed, { recursive: true });
for (const [i, record] of synthesize(bases, options.records).entries()) writeFileSync(join(seed, `minutes ${i}.json`), recordToJson(record));
const archives = options.packages.map((pkg, i) => {
  const out = join(OUT, `archive-${i}`);
  cpSync(join(OUT, "seed"), out, { recursive: true });
  // The first run builds the tracker of the archive; the rounds after it are what is measured.
  run(pkg, newFile(), out);
  return out;
});

console.log(`| round | ${options.packages.map((p) => `${p}: wall s, CPU s, peak MB`).join(" | ")} | load |`);
console.log(`| ---: | ${options.packages.map(() => "---:").join(" | ")} | ---: |`);
for (let round = 1; round <= options.rounds; round++) {
  const cells = options.packages.map((pkg, i) => {
    const { seconds, cpu, peakMb } = run(pkg, newFile(), archives[i]);
    return `${seconds.toFixed(1)}, ${cpu.toFixed(1)}, ${Math.round(peakMb)}`;
  });
  console.log(`| ${round} | ${cells.join(" | ")} | ${loadavg()[0].toFixed(1)} |`);
}
