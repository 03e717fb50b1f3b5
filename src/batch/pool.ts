/**
 * A fixed-size pool of extraction workers. Each task gets a deadline and each
 * worker a heap cap; a worker that passes either is terminated, its file
 * reported, and a fresh worker takes its place, so one runaway file costs one
 * file and the batch goes on.
 */
import { Worker } from "node:worker_threads";
import type { ExtractTask, TaskOutcome, TaskProgress } from "./protocol.js";

export interface PoolOptions {
  size: number;
  workerPath: string;
  /** Per-file deadline. */
  timeoutMs: number;
  /** Old-generation heap cap of each worker. */
  maxMemoryMb: number;
}

interface Running {
  task: ExtractTask;
  resolve: (outcome: TaskOutcome) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker | undefined;
  running: Running | undefined;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: { task: ExtractTask; resolve: (outcome: TaskOutcome) => void }[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: undefined, running: undefined }));
  }

  /** Resolves with the file's outcome; never rejects, failures are outcomes. */
  run(task: ExtractTask): Promise<TaskOutcome> {
    if (this.closed) return Promise.resolve({ id: task.id, ok: false, code: "interrupted", reason: "the run was stopped", deterministic: false });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  /** Number of tasks waiting for a worker or running. */
  get pending(): number {
    return this.queue.length + this.slots.filter((slot) => slot.running !== undefined).length;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.running !== undefined) continue;
      const next = this.queue.shift()!;
      this.start(slot, next.task, next.resolve);
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.workerPath, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
      // Parser libraries print font warnings to the console; they would tear the progress bar.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on("message", (message: TaskOutcome | TaskProgress) => {
      const running = slot.running;
      if (running === undefined || running.task.id !== message.id) return;
      // OCR takes seconds a page: each OCR'd page gets the whole per-file deadline.
      if ("ocrPage" in message) return this.arm(slot, worker, running);
      this.finish(slot, message);
    });
    // A replaced worker's late events must not touch the task its successor is running.
    worker.on("error", (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const running = slot.running;
      slot.worker = undefined;
      if (running === undefined) return;
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.finish(slot, {
        id: running.task.id,
        ok: false,
        code: outOfMemory ? "out-of-memory" : "crashed",
        reason: outOfMemory
          ? `needed more than the ${this.options.maxMemoryMb} MB memory cap; stopped`
          : `the extraction worker crashed: ${error.message}`,
        deterministic: false,
      });
    });
    worker.on("exit", (exitCode) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const running = slot.running;
      if (running === undefined || this.closed) return;
      this.finish(slot, {
        id: running.task.id,
        ok: false,
        code: "crashed",
        reason: `the extraction worker exited with code ${exitCode}`,
        deterministic: false,
      });
    });
    slot.worker = worker;
    return worker;
  }

  private start(slot: Slot, task: ExtractTask, resolve: (outcome: TaskOutcome) => void): void {
    const worker = slot.worker ?? this.spawn(slot);
    slot.running = { task, resolve, timer: this.deadline(slot, worker, task) };
    // Transfer, not copy: the main thread does not need the bytes any more.
    worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
  }

  /** Start the running task's deadline again. */
  private arm(slot: Slot, worker: Worker, running: Running): void {
    clearTimeout(running.timer);
    running.timer = this.deadline(slot, worker, running.task);
  }

  private deadline(slot: Slot, worker: Worker, task: ExtractTask): NodeJS.Timeout {
    return setTimeout(() => {
      // Terminating is the only way to stop synchronous parser code that never yields.
      slot.worker = undefined;
      void worker.terminate();
      this.finish(slot, {
        id: task.id,
        ok: false,
        code: "timeout",
        reason: `took longer than ${formatSeconds(this.options.timeoutMs)}; stopped`,
        deterministic: false,
      });
    }, this.options.timeoutMs);
  }

  private finish(slot: Slot, outcome: TaskOutcome): void {
    const running = slot.running!;
    clearTimeout(running.timer);
    slot.running = undefined;
    running.resolve(outcome);
    if (!this.closed) this.pump();
  }

  /** Stops every worker; tasks still queued or running resolve as interrupted. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { task, resolve } of this.queue.splice(0)) {
      resolve({ id: task.id, ok: false, code: "interrupted", reason: "the run was stopped", deterministic: false });
    }
    const terminations: Promise<number>[] = [];
    for (const slot of this.slots) {
      const running = slot.running;
      if (running !== undefined) {
        clearTimeout(running.timer);
        slot.running = undefined;
        running.resolve({ id: running.task.id, ok: false, code: "interrupted", reason: "the run was stopped", deterministic: false });
      }
      if (slot.worker !== undefined) terminations.push(slot.worker.terminate());
      slot.worker = undefined;
    }
    await Promise.all(terminations);
  }
}

function formatSeconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(1))} s`;
}
