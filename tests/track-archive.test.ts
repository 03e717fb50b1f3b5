/**
 * The output folder is the archive (dist/ must be built: `npm test` builds first): a run
 * adds what it is given and keeps every meeting extracted into the folder before, unless
 * told to forget them; an input matching no file is a usage error that rewrites nothing.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBatch, UsageError } from "../src/batch/run.js";
import { Tracker } from "../src/model/tracker.js";

const CORPUS = "fixtures/ogp-tunisia";
const FILES = ["2022-06-committee-minutes.docx", "2023-03-committee-minutes.txt", "2023-09-committee-minutes.docx"];
let work: string;
let archive: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-archive-"));
  archive = join(work, "archive");
  await mkdir(archive);
  for (const name of FILES) await copyFile(join(CORPUS, name), join(archive, name));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const trackerOf = async (out: string): Promise<Tracker> => Tracker.parse(JSON.parse(await readFile(join(out, "tracker.json"), "utf8")));

describe("the archive is the state", () => {
  test("a run on one file keeps the meetings extracted before; --forget-missing removes them", async () => {
    const out = join(work, "out");
    await runBatch({ inputs: [archive], out, tracker: true, jobs: 1 });
    const full = await trackerOf(out);
    expect(full.meetings).toHaveLength(3);

    const one = await runBatch({ inputs: [join(archive, FILES[2])], out, tracker: true, jobs: 1 });
    expect(one.files).toBe(1);
    expect(one.keptRecords?.sort()).toEqual([join("meetings", "2022-06-committee-minutes.json"), join("meetings", "2023-03-committee-minutes.json")]);
    const kept = await trackerOf(out);
    // The same meetings under the same ids: nothing was renamed by the smaller run.
    expect(kept.meetings.map((m) => m.id)).toEqual(full.meetings.map((m) => m.id));
    expect(kept.commitments.find((c) => c.number === "11")?.regressed).toBe(true);

    const forgot = await runBatch({ inputs: [join(archive, FILES[2])], out, tracker: true, jobs: 1, forgetMissing: true });
    expect(forgot.forgottenRecords).toHaveLength(2);
    expect(await readdir(join(out, "meetings"))).toEqual(["2023-09-committee-minutes.json"]);
    expect((await trackerOf(out)).meetings.map((m) => m.record)).toEqual(["2023-09-committee-minutes"]);
  });

  test("a mistyped input is a usage error and the tracker is not rewritten", async () => {
    const out = join(work, "out-typo");
    await runBatch({ inputs: [archive], out, tracker: true, jobs: 1 });
    const before = await readFile(join(out, "tracker.json"), "utf8");
    await expect(runBatch({ inputs: [join(work, "archiv")], out, tracker: true, jobs: 1 })).rejects.toBeInstanceOf(UsageError);
    await expect(runBatch({ inputs: [archive, join(work, "archive", "*.nothing")], out, tracker: true, jobs: 1 })).rejects.toThrow(/no file matches/u);
    expect(await readFile(join(out, "tracker.json"), "utf8")).toBe(before);
  });
});
