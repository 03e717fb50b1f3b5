/**
 * A fixed-size pool of extraction workers, each a child process. Each task gets a deadline
 * and each worker a memory cap; a worker that passes either is killed, its file reported,
 * and a fresh worker takes its place, so one runaway file costs one file and the batch goes on.
 *
 * Processes, not threads: a thread's heap can be capped, but pdf.js decodes streams into
 * buffers outside the heap (a few KB of deflate can inflate to gigabytes), and wasm memory
 * is outside it too, so a capped thread could still take the whole process down with it,
 * and V8's heap limit in a thread ends the process that holds it. A child process's
 * resident memory counts everything, and killing it costs nothing but the file. The pool
 * watches each busy worker's resident size (from /proc on Linux, else as the worker reports
 * it) and kills the worker once it holds more than its idle size plus the cap. A worker that
 * has read other files may hold memory they left behind, so a file stopped there is read
 * once more in a fresh worker before it is reported out of memory.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { OcrPageStart } from "../ingest/tree.js";
import type { ExtractTask, TaskOutcome, WorkerMessage } from "./protocol.js";

export interface PoolOptions {
  size: number;
  workerPath: string;
  /** Per-file deadline. */
  timeoutMs: number;
  /** Memory a file may take in its worker, above the worker's idle size, in MB. */
  maxMemoryMb: number;
  /** Told as a worker starts OCR on a page of task `id`'s file. */
  onOcrPage?: (id: number, start: OcrPageStart) => void;
}

/** How often a busy worker's memory is looked at: at memory speed an inflating stream grows a few hundred MB in this time. */
const MEMORY_POLL_MS = 10;
/** The libraries' own heap (pdf.js, mammoth, zod, natural), on top of the cap, for V8's heap limit. */
const LIBRARY_HEAP_MB = 64;
/**
 * Memory a file gets on top of the cap once its worker starts OCR: Tesseract's WebAssembly heap
 * and trained data (measured 130-270 MB above the idle worker for one page; two engines when the
 * script is not known yet). The cap goes on guarding what the file itself makes the readers hold.
 */
const OCR_ENGINE_MB = 384;
/** The end of a worker's stderr, kept to tell V8's heap-limit abort from a crash. */
const STDERR_TAIL = 4096;

interface Queued {
  task: ExtractTask;
  resolve: (outcome: TaskOutcome) => void;
  /** Stopped at the memory cap in a worker that had read other files: this time it gets a fresh one. */
  fresh?: boolean;
}

interface Running extends Queued {
  timer: NodeJS.Timeout;
  /** The worker has started OCR on the file: the engine's memory is allowed on top of the cap. */
  ocr?: boolean;
}

interface Slot {
  worker: ChildProcess | undefined;
  /** Resident bytes of the idle worker, once it has said it is ready. */
  idleRss: number | undefined;
  /** Latest resident size the worker reported about itself (where /proc cannot be read). */
  reportedRss: number;
  stderrTail: string;
  running: Running | undefined;
  /** Files this worker has finished. */
  served: number;
}

/** Resident bytes of a process from /proc, or undefined where there is no /proc. */
function residentBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

const INTERRUPTED = (id: number): TaskOutcome => ({ id, ok: false, code: "interrupted", reason: "the run was stopped", deterministic: false });

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Queued[] = [];
  private closed = false;
  private readonly watchdog: NodeJS.Timeout;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      worker: undefined,
      idleRss: undefined,
      reportedRss: 0,
      stderrTail: "",
      running: undefined,
      served: 0,
    }));
    this.watchdog = setInterval(() => this.checkMemory(), MEMORY_POLL_MS);
    this.watchdog.unref();
  }

  /** Resolves with the file's outcome; never rejects, failures are outcomes. */
  run(task: ExtractTask): Promise<TaskOutcome> {
    if (this.closed) return Promise.resolve(INTERRUPTED(task.id));
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.running !== undefined) continue;
      const next = this.queue.shift()!;
      this.start(slot, next);
    }
  }

  private capBytes(running: Running): number {
    return (this.options.maxMemoryMb + (running.ocr === true ? OCR_ENGINE_MB : 0)) * 1024 * 1024;
  }

  private checkMemory(): void {
    for (const slot of this.slots) {
      const { worker, running, idleRss } = slot;
      if (worker?.pid === undefined || running === undefined || idleRss === undefined) continue;
      const rss = residentBytes(worker.pid) ?? slot.reportedRss;
      if (rss - idleRss <= this.capBytes(running)) continue;
      if (slot.served === 0 || running.fresh === true) {
        this.stop(slot, worker, this.outOfMemory(running.task.id));
        continue;
      }
      slot.worker = undefined;
      worker.kill("SIGKILL");
      clearTimeout(running.timer);
      slot.running = undefined;
      this.queue.unshift({ task: running.task, resolve: running.resolve, fresh: true });
      this.pump();
    }
  }

  private outOfMemory(id: number): TaskOutcome {
    return { id, ok: false, code: "out-of-memory", reason: `needed more than the ${this.options.maxMemoryMb} MB memory cap; stopped`, deterministic: false };
  }

  private spawn(slot: Slot): ChildProcess {
    const worker = fork(this.options.workerPath, [], {
      execArgv: [`--max-old-space-size=${this.options.maxMemoryMb + LIBRARY_HEAP_MB}`],
      serialization: "advanced",
      // Parser libraries print font warnings; they would tear the progress bar. stderr is kept
      // (its end only) to tell a heap-limit abort from a crash.
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    slot.worker = worker;
    slot.served = 0;
    slot.idleRss = undefined;
    slot.reportedRss = 0;
    slot.stderrTail = "";
    worker.stderr?.setEncoding("utf8");
    worker.stderr?.on("data", (text: string) => {
      if (slot.worker === worker) slot.stderrTail = (slot.stderrTail + text).slice(-STDERR_TAIL);
    });
    worker.on("message", (message: WorkerMessage) => {
      if (slot.worker !== worker) return;
      if ("ready" in message) {
        // Measured by the worker itself when it became ready: by the time the message is read here
        // the worker may be reading its first file.
        slot.idleRss = message.rss;
        return;
      }
      if ("rss" in message) {
        slot.reportedRss = message.rss;
        return;
      }
      const running = slot.running;
      if (running === undefined || running.task.id !== message.id) return;
      // OCR takes seconds a page: each OCR'd page gets the whole per-file deadline.
      if ("ocrPage" in message) {
        running.ocr = true;
        this.options.onOcrPage?.(running.task.id, message.ocrPage);
        return this.arm(slot, worker, running);
      }
      this.finish(slot, message);
    });
    // A replaced worker's late events must not touch the task its successor is running.
    worker.on("error", () => {
      // Spawning failed or a message could not be sent; 'exit' follows and reports the file.
    });
    worker.on("exit", (exitCode, signal) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const running = slot.running;
      if (running === undefined || this.closed) return;
      const heapLimit = /heap limit|heap out of memory/i.test(slot.stderrTail);
      this.finish(
        slot,
        heapLimit
          ? this.outOfMemory(running.task.id)
          : {
              id: running.task.id,
              ok: false,
              code: "crashed",
              reason: `the extraction worker ${signal === null ? `exited with code ${exitCode}` : `was killed by ${signal}`}`,
              deterministic: false,
            },
      );
    });
    return worker;
  }

  /** Kills `worker` and settles its task with `outcome`; the next task gets a fresh worker. */
  private stop(slot: Slot, worker: ChildProcess, outcome: TaskOutcome): void {
    slot.worker = undefined;
    worker.kill("SIGKILL");
    this.finish(slot, outcome);
  }

  private start(slot: Slot, queued: Queued): void {
    if (queued.fresh === true && slot.worker !== undefined && slot.served > 0) {
      slot.worker.kill("SIGKILL");
      slot.worker = undefined;
    }
    const worker = slot.worker ?? this.spawn(slot);
    const { task } = queued;
    slot.running = { ...queued, timer: this.deadline(slot, worker, task) };
    worker.send(task);
  }

  /** Start the running task's deadline again. */
  private arm(slot: Slot, worker: ChildProcess, running: Running): void {
    clearTimeout(running.timer);
    running.timer = this.deadline(slot, worker, running.task);
  }

  private deadline(slot: Slot, worker: ChildProcess, task: ExtractTask): NodeJS.Timeout {
    // Killing is the only way to stop synchronous parser code that never yields.
    return setTimeout(() => {
      this.stop(slot, worker, {
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
    // A worker killed or gone has been replaced by now; one still there read the file itself.
    if (slot.worker !== undefined) slot.served += 1;
    running.resolve(outcome);
    if (!this.closed) this.pump();
  }

  /** Stops every worker; tasks still queued or running resolve as interrupted. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    for (const { task, resolve } of this.queue.splice(0)) resolve(INTERRUPTED(task.id));
    const exits: Promise<unknown>[] = [];
    for (const slot of this.slots) {
      const running = slot.running;
      if (running !== undefined) {
        clearTimeout(running.timer);
        slot.running = undefined;
        running.resolve(INTERRUPTED(running.task.id));
      }
      const worker = slot.worker;
      slot.worker = undefined;
      if (worker !== undefined && worker.exitCode === null && worker.signalCode === null) {
        exits.push(new Promise((resolve) => worker.once("exit", resolve)));
        worker.kill("SIGKILL");
      }
    }
    await Promise.all(exits);
  }
}

function formatSeconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(1))} s`;
}
