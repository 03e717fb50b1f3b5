/**
 * Fuzzing the batch: a few hundred mutated copies of the fixtures, from a fixed seed (byte
 * flips, truncations, zip entries removed or damaged, PDF cross-reference tables damaged), run
 * as one batch. Every file must come out as a record or as a listed error with a reader's
 * reason: no crash, no hang, no internal error, and the run's outputs written. The seed makes
 * every failure reproducible; MINUTES_FUZZ_SEED tries another one.
 */
import { WRITERS } from "../src/write/writers.js";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBatch, type BatchSummary } from "../src/batch/run.js";
import { buildZip, type ZipMember } from "./bad-input-builders.js";

const CORPUS = join(resolve(import.meta.dirname, ".."), "fixtures", "ogp-tunisia");
const SEED = Number(process.env.MINUTES_FUZZ_SEED ?? 20261202);
/** Mutants of each fixture. */
const PER_FIXTURE = 36;
/** Codes of the readers' reasons: anything else (crashed, timeout, internal) is a bug the fuzzer found. */
const READER_CODES = new Set(["empty", "corrupt", "encrypted", "unsupported", "no-text-layer", "too-large"]);

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const below = (next: Random, n: number): number => Math.floor(next() * n);

function flipBytes(bytes: Buffer, next: Random): Buffer {
  const copy = Buffer.from(bytes);
  const flips = 1 + below(next, 24);
  for (let index = 0; index < flips; index += 1) copy[below(next, copy.length)] ^= 1 << below(next, 8);
  return copy;
}

function truncate(bytes: Buffer, next: Random): Buffer {
  return bytes.subarray(0, below(next, bytes.length));
}

/** The members of a zip archive, read from its central directory (stored or deflated, as .docx files are). */
function readZip(bytes: Buffer): ZipMember[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const members: ZipMember[] = [];
  for (let index = 0; index < count; index += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const compressed = bytes.subarray(dataStart, dataStart + compressedSize);
    members.push({ name, data: method === 0 ? compressed : inflateRawSync(compressed) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** A .docx with one entry removed, or one entry's XML cut short or spliced with markup junk. */
function damageZip(bytes: Buffer, next: Random): Buffer {
  const members = readZip(bytes);
  const victim = below(next, members.length);
  if (next() < 0.4) return buildZip(members.filter((_, index) => index !== victim));
  const text = Buffer.from(members[victim].data).toString("utf8");
  const cut = below(next, text.length);
  const junk = ["", "<", "</w:p>", "&bogus;", "<w:tbl>", "]]>", "\u0000", "<?xml version='1.0'?>"][below(next, 8)];
  const damaged = next() < 0.5 ? text.slice(0, cut) : `${text.slice(0, cut)}${junk}${text.slice(cut + below(next, 64))}`;
  return buildZip(members.map((member, index) => (index === victim ? { name: member.name, data: damaged } : member)));
}

/** A PDF whose cross-reference table lies: offsets scrambled, startxref wrong, or the table gone. */
function damageXref(bytes: Buffer, next: Random): Buffer {
  const text = bytes.toString("latin1");
  const choice = below(next, 3);
  if (choice === 0) {
    return Buffer.from(text.replace(/startxref\s+\d+/g, `startxref\n${below(next, bytes.length * 2)}`), "latin1");
  }
  const table = text.lastIndexOf("xref\n");
  if (choice === 1 && table !== -1) {
    const scrambled = text.slice(table).replace(/^(\d{10}) (\d{5}) ([nf])/gm, (line, offset: string, generation: string, kind: string) =>
      next() < 0.3 ? `${String(below(next, 1e10)).padStart(10, "0")} ${generation} ${kind}` : line,
    );
    return Buffer.from(text.slice(0, table) + scrambled, "latin1");
  }
  // A cross-reference stream or table cut out.
  const start = text.lastIndexOf("startxref");
  const from = table !== -1 ? table : Math.max(0, start - 200);
  return Buffer.concat([bytes.subarray(0, from), bytes.subarray(start === -1 ? bytes.length : start)]);
}

function mutate(bytes: Buffer, kind: "docx" | "pdf" | "txt", next: Random): { how: string; bytes: Buffer } {
  const pick = next();
  if (kind === "docx" && pick < 0.45) return { how: "zip", bytes: damageZip(bytes, next) };
  if (kind === "pdf" && pick < 0.4) return { how: "xref", bytes: damageXref(bytes, next) };
  return next() < 0.6 ? { how: "flip", bytes: flipBytes(bytes, next) } : { how: "cut", bytes: truncate(bytes, next) };
}

let work: string;
let summary: BatchSummary;
let mutants: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-fuzz-"));
  const archive = join(work, "mutants");
  await mkdir(archive);
  const next = random(SEED);
  const fixtures = (await readdir(CORPUS)).filter((name) => /\.(docx|pdf|txt)$/.test(name)).sort();
  mutants = [];
  for (const fixture of fixtures) {
    const bytes = await readFile(join(CORPUS, fixture));
    const kind = fixture.slice(fixture.lastIndexOf(".") + 1) as "docx" | "pdf" | "txt";
    for (let index = 0; index < PER_FIXTURE; index += 1) {
      const mutant = mutate(bytes, kind, next);
      const name = `${fixture.replace(/\.\w+$/, "")}-${String(index).padStart(2, "0")}-${mutant.how}.${kind}`;
      await writeFile(join(archive, name), mutant.bytes);
      mutants.push(join(archive, name));
    }
  }
  summary = await runBatch({ inputs: [archive], out: join(work, "out"), tracker: true, jobs: 2, timeoutMs: 30_000, cache: false });
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe(`the batch over ${PER_FIXTURE} mutants of each fixture (seed ${SEED})`, () => {
  test("every file is a record or a listed error with a reader's reason: no crash, no hang, no internal error", () => {
    expect(summary.files).toBe(mutants.length);
    expect(mutants.length).toBeGreaterThanOrEqual(250);
    expect(summary.interrupted).toBe(false);
    expect(summary.results.filter((result) => result.status === "not-done")).toEqual([]);
    expect(summary.extracted + summary.failed).toBe(mutants.length);
    const unexpected = summary.failures.filter((failure) => !READER_CODES.has(failure.code));
    expect(unexpected).toEqual([]);
    for (const failure of summary.failures) expect(failure.reason.length).toBeGreaterThan(5);
  });

  test("the mutations do damage: some files fail, some are still read", () => {
    expect(summary.failed).toBeGreaterThan(mutants.length / 10);
    expect(summary.extracted).toBeGreaterThan(mutants.length / 10);
  });

  test("the records, the tracker and errors.json are written", async () => {
    expect(summary.written).toEqual([...WRITERS.map((writer) => writer.file), "errors.json"]);
    expect((await readdir(join(work, "out", "meetings"))).length).toBe(summary.extracted);
    const errors = JSON.parse(await readFile(join(work, "out", "errors.json"), "utf8")) as unknown[];
    expect(errors).toHaveLength(summary.failed);
  });
});
