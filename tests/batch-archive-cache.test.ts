/**
 * What a run that adds to an archive keeps from the runs before it (dist/ must be built: `npm
 * test` builds first): the record index (`cache.ts`) lets the archive's unchanged records be
 * taken without the schema's check. Whatever the index holds (entries found true, a record
 * changed or damaged since, an index damaged or from another pipeline version), the outputs
 * are byte for byte those of a run without any cache.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RECORD_INDEX_NAME } from "../src/batch/cache.js";
import { MANIFEST_NAME } from "../src/batch/manifest.js";
import { runBatch } from "../src/batch/run.js";

const CORPUS = "fixtures/ogp-tunisia";
const FILES = ["2022-06-committee-minutes.docx", "2023-03-committee-minutes.txt", "2023-09-committee-minutes.docx"];
const OUTPUTS = ["tracker.json", "review.json", "tracker.csv", "commitments.csv", "decisions.csv", "report.html", "tracker.xlsx", "errors.json"];
let work: string;
let archive: string;
/** Built with the cache (and its record index), and without any cache: the reference. */
let cached: string;
let plain: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-archive-cache-"));
  archive = join(work, "archive");
  await mkdir(archive);
  for (const name of FILES) await copyFile(join(CORPUS, name), join(archive, name));
  cached = join(work, "cached");
  plain = join(work, "plain");
  await runBatch({ inputs: [archive], out: cached, tracker: true, jobs: 1 });
  await runBatch({ inputs: [archive], out: plain, tracker: true, jobs: 1, cache: false });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A run given only the last file (the others are the archive's), its tracker rebuilt even when its inputs are the last run's. */
async function addLast(out: string, cache: boolean): Promise<Map<string, Buffer>> {
  await rm(join(out, MANIFEST_NAME), { force: true });
  await runBatch({ inputs: [join(archive, FILES[2])], out, tracker: true, jobs: 1, ...(cache ? {} : { cache: false }) });
  return new Map(await Promise.all(OUTPUTS.map(async (name) => [name, await readFile(join(out, name))] as const)));
}

/** The same change made to both archives' record `name`. */
async function editRecord(name: string, edit: (text: string) => string): Promise<void> {
  for (const out of [cached, plain]) {
    const path = join(out, "meetings", name);
    await writeFile(path, edit(await readFile(path, "utf8")));
  }
}

async function expectSameOutputs(): Promise<void> {
  const withCache = await addLast(cached, true);
  const without = await addLast(plain, false);
  for (const name of OUTPUTS) expect(withCache.get(name)?.equals(without.get(name) ?? Buffer.alloc(0)), name).toBe(true);
}

const indexOf = async (): Promise<Record<string, unknown[]>> => JSON.parse(await readFile(join(cached, ".cache", RECORD_INDEX_NAME), "utf8")) as Record<string, unknown[]>;

describe("the archive's records, checked once", () => {
  test("a first run remembers the records it checked; a second takes them from the index and writes the same files", async () => {
    await expectSameOutputs();
    const index = await indexOf();
    expect(Object.keys(index).map((path) => path.split(/[\\/]/u).at(-1)).sort()).toEqual(["2022-06-committee-minutes.json", "2023-03-committee-minutes.json"]);
    await expectSameOutputs();
  });

  test("a record changed since it was checked is checked again, and its change reaches the tracker", async () => {
    await editRecord("2022-06-committee-minutes.json", (text) => text.replace(/"title": "[^"]*"/u, '"title": "A title edited by hand"'));
    await expectSameOutputs();
    expect((await readFile(join(cached, "tracker.json"), "utf8")).includes("A title edited by hand")).toBe(true);
  });

  test("a record damaged since it was checked is left out, as without the index", async () => {
    await editRecord("2023-03-committee-minutes.json", (text) => text.slice(0, text.length / 2));
    await expectSameOutputs();
    expect((await readFile(join(cached, "tracker.json"), "utf8")).includes("2023-03-committee-minutes")).toBe(false);
  });

  test("a record that is valid but not as this pipeline writes it (a key the schema drops) is not remembered, and is read through the schema", async () => {
    await editRecord("2023-03-committee-minutes.json", () => "");
    const source = JSON.parse(await readFile(join(cached, "meetings", "2022-06-committee-minutes.json"), "utf8")) as Record<string, unknown>;
    await editRecord("2022-06-committee-minutes.json", () => `${JSON.stringify({ ...source, addedByHand: true }, null, 2)}\n`);
    await expectSameOutputs();
    // The entry of the file as it was checked before, if kept, no longer fits the file.
    const status = await stat(join(cached, "meetings", "2022-06-committee-minutes.json"));
    const entry = Object.entries(await indexOf()).find(([path]) => path.endsWith("2022-06-committee-minutes.json"))?.[1];
    expect(entry === undefined || entry[0] !== status.size || entry[1] !== status.mtimeMs || entry[2] !== status.ctimeMs).toBe(true);
  });

  test("a damaged index, or one of another pipeline version, gives the same files", async () => {
    await rm(join(cached, "meetings", "2023-03-committee-minutes.json"));
    await rm(join(plain, "meetings", "2023-03-committee-minutes.json"));
    await editRecord("2022-06-committee-minutes.json", (text) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`.replace(/,\n\s*"addedByHand": true/u, ""));
    await expectSameOutputs();
    const path = join(cached, ".cache", RECORD_INDEX_NAME);
    await writeFile(path, "{ not json");
    await expectSameOutputs();
    const index = await indexOf();
    await writeFile(path, JSON.stringify(Object.fromEntries(Object.entries(index).map(([file, entry]) => [file, [...entry.slice(0, 4), "0.0.0-0000000000000000"]]))));
    await expectSameOutputs();
    // Checked again by the schema, and remembered under this version.
    expect(Object.values(await indexOf()).every((entry) => entry[4] !== "0.0.0-0000000000000000")).toBe(true);
  });
});
