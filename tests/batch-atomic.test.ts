import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { streamFileAtomic, writeTextIfChanged } from "../src/batch/atomic.js";

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-atomic-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("streamFileAtomic", () => {
  test("streams the file into place and gives its sha256", async () => {
    const path = join(work, "tracker.xlsx");
    const digest = await streamFileAtomic(path, async (stream) => {
      for (let i = 0; i < 1000; i++) stream.write(`row ${i}\n`);
      stream.end();
      await new Promise((resolve) => stream.once("finish", resolve));
    });
    const bytes = await readFile(path);
    expect(bytes.toString()).toMatch(/^row 0\n[\s\S]*row 999\n$/);
    expect(digest).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(await readdir(work)).toEqual(["tracker.xlsx"]);
  });

  test("a writer that fails half-way leaves the previous file whole and no temporary file", async () => {
    const path = join(work, "tracker.xlsx");
    await writeFile(path, "previous");
    await expect(
      streamFileAtomic(path, async (stream) => {
        stream.write("half of the new ");
        throw new Error("the workbook failed");
      }),
    ).rejects.toThrow("the workbook failed");
    expect(await readFile(path, "utf8")).toBe("previous");
    expect(await readdir(work)).toEqual(["tracker.xlsx"]);
  });
});

describe("writeTextIfChanged", () => {
  test("leaves a file holding the same text alone, replaces one that differs", async () => {
    const path = join(work, "record.json");
    await writeTextIfChanged(path, "{}\n");
    const first = await stat(path);
    await writeTextIfChanged(path, "{}\n");
    expect((await stat(path)).ino).toBe(first.ino);
    await writeTextIfChanged(path, '{"a":1}\n');
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n');
  });
});
