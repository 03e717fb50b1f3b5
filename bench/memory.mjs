#!/usr/bin/env node
/**
 * Peak memory of a batch run, all processes together: runs `minutes ARGS...` and samples the
 * resident size of it and every descendant (the worker processes) from /proc every 20 ms.
 * Linux only. Prints the peak of the sum, the main process's own peak and the largest single
 * worker's, the exit code and the wall time, as JSON.
 *
 *   node bench/memory.mjs run some/folder --out /tmp/out --no-cache
 *
 * `bench/memory.mjs --inputs DIR` builds the PDF of tests/batch-memory.test.ts (3 KB, its
 * content stream inflates to 1 GiB) into DIR beside two good minutes from the fixtures, for a run over them.
 * MINUTES_BIN=path/to/bin/minutes.js measures another build (an older commit's, say).
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { constants, deflateRawSync, deflateSync } from "node:zlib";
import { treeResidentKb } from "./process-memory.mjs";

const ROOT = resolve(import.meta.dirname, "..");

async function measure(args) {
  const started = performance.now();
  const child = spawn(process.execPath, [process.env.MINUTES_BIN ?? join(ROOT, "bin", "minutes.js"), ...args], { stdio: ["ignore", "ignore", "inherit"] });
  let peakTotal = 0;
  let peakMain = 0;
  let peakWorker = 0;
  const sample = () => {
    const sizes = treeResidentKb(child.pid);
    peakTotal = Math.max(peakTotal, sizes.reduce((sum, size) => sum + size, 0));
    peakMain = Math.max(peakMain, sizes[0]);
    peakWorker = Math.max(peakWorker, ...sizes.slice(1), 0);
  };
  const timer = setInterval(sample, 20);
  const code = await new Promise((done) => child.on("exit", (exitCode) => done(exitCode)));
  clearInterval(timer);
  const mb = (kb) => Math.round(kb / 1024);
  return { code, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), peakTotalMb: mb(peakTotal), peakMainMb: mb(peakMain), peakWorkerMb: mb(peakWorker) };
}

/** As tests/bad-input-builders.ts builds them (kept in step by hand: bench/ runs without a TypeScript loader). */
function inflatingPdf(mebibytes) {
  const block = Buffer.alloc(1024 * 1024, 0x20);
  const piece = deflateRawSync(block, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const size = BigInt(block.length) * BigInt(mebibytes);
  const a = (1n + size * 32n) % 65521n;
  const b = (size + (32n * size * (size + 1n)) / 2n) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  const zlib = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: mebibytes }, () => piece), Buffer.from([0x03, 0x00]), adler]);
  const content = deflateSync(zlib, { level: 9 });
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n`), content, Buffer.from("\nendstream")]),
  ];
  const parts = [Buffer.from("%PDF-1.4\n")];
  const offsets = [];
  let length = parts[0].length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(object), Buffer.from("\nendobj\n")]);
    parts.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const args = process.argv.slice(2);
if (args[0] === "--inputs") {
  const folder = resolve(args[1]);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "inflates-to-1-GiB.pdf"), inflatingPdf(1024));
  const corpus = join(ROOT, "fixtures", "ogp-tunisia");
  for (const name of readdirSync(corpus).filter((file) => /^2023-09.*\.(docx|pdf)$/.test(file))) copyFileSync(join(corpus, name), join(folder, name));
  console.log(`wrote ${folder}`);
} else {
  console.log(JSON.stringify(await measure(args)));
}
