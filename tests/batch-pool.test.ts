/**
 * The pool's memory cap charges a file with what its worker holds above the worker's idle size.
 * A worker that read other files may still hold what they left behind, so a file stopped at the
 * cap there is read once more in a fresh worker; only there is it out of memory. The worker here
 * is a stand-in speaking the pool's protocol: its tasks' paths say what to hold.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { WorkerPool } from "../src/batch/pool.js";
import type { ExtractTask, TaskOutcome } from "../src/batch/protocol.js";

// "keep:N" holds N MB until the worker ends (garbage a parser left reachable); "take:N" holds N MB while the file is read.
const STAND_IN = `
const kept = [];
const hold = (mb) => { const b = Buffer.alloc(mb * 1024 * 1024, 1); return b; };
process.send({ ready: true, rss: process.memoryUsage().rss });
process.on("message", (task) => {
  const [what, mb] = task.path.split(":");
  const held = hold(Number(mb));
  if (what === "keep") kept.push(held);
  setTimeout(() => {
    process.send({ id: task.id, ok: true, json: "{}", summary: { format: "txt", pages: null, commitments: 0, warnings: 0, held: held.length } });
  }, 300);
});
`;

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-pool-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const task = (id: number, path: string): ExtractTask => ({ id, path, bytes: new Uint8Array(0), sha256: "0".repeat(64) });

describe("the pool's memory cap", () => {
  test("a file over the cap only with what earlier files left in its worker is read again in a fresh worker", async () => {
    const workerPath = join(work, "stand-in.cjs");
    await writeFile(workerPath, STAND_IN);
    const pool = new WorkerPool({ size: 1, workerPath, timeoutMs: 10_000, maxMemoryMb: 64 });
    try {
      const outcomes: TaskOutcome[] = [];
      outcomes.push(await pool.run(task(1, "keep:48")));
      // 48 MB left behind plus 40 MB of its own: over the 64 MB cap in the used worker, under it in a fresh one.
      outcomes.push(await pool.run(task(2, "take:40")));
      // Over the cap on its own: out of memory in the fresh worker too.
      outcomes.push(await pool.run(task(3, "take:40")));
      outcomes.push(await pool.run(task(4, "take:96")));
      expect(outcomes.map((o) => [o.id, o.ok ? "ok" : o.code])).toEqual([
        [1, "ok"],
        [2, "ok"],
        [3, "ok"],
        [4, "out-of-memory"],
      ]);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
