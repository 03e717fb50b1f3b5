/**
 * Extraction worker, a child process of the batch: reads and extracts one file at a time. It
 * runs the whole pipeline for a file, so a document that hangs the parser or exhausts memory
 * takes down only this process, which the pool then replaces.
 */
import { IngestError } from "../ingest/errors.js";
import { recordToJson } from "../write/json.js";
import { extractFromBytes } from "../pipeline.js";
import type { ExtractTask, TaskOutcome, TaskProgress, WorkerMessage } from "./protocol.js";

if (process.send === undefined) throw new Error("batch/worker.js runs only as a child process of the batch, with an IPC channel");
const send = process.send.bind(process) as (message: WorkerMessage) => boolean;
const port = { on: process.on.bind(process), postMessage: (message: WorkerMessage) => void send(message) };

/** Where /proc cannot be read the pool watches memory by what the worker reports (when its event loop is free). */
const MEMORY_REPORT_MS = 50;
setInterval(() => port.postMessage({ rss: process.memoryUsage.rss() }), MEMORY_REPORT_MS).unref();
// The batch handles Ctrl-C and stops its workers; a worker whose batch has gone stops too.
process.on("SIGINT", () => undefined);
process.on("disconnect", () => process.exit(0));
port.postMessage({ ready: true, rss: process.memoryUsage.rss() });

port.on("message", async (task: ExtractTask) => {
  let outcome: TaskOutcome;
  try {
    const record = await extractFromBytes(task.bytes, task.path, {
      sha256: task.sha256,
      ...(task.date === undefined ? {} : { date: task.date }),
      ...(task.ocr === undefined ? {} : { ocr: task.ocr }),
      onOcrPage: (start) => port.postMessage({ id: task.id, ocrPage: start } satisfies TaskProgress),
    });
    outcome = {
      id: task.id,
      ok: true,
      json: recordToJson(record),
      summary: {
        format: record.source.format,
        pages: record.source.pages,
        commitments: record.commitments.length,
        warnings: record.warnings.length,
      },
    };
  } catch (error) {
    outcome =
      error instanceof IngestError
        ? { id: task.id, ok: false, code: error.code, reason: error.reason, deterministic: true }
        : {
            id: task.id,
            ok: false,
            code: "internal",
            // A bug, not the file's fault; the message helps the report that follows.
            reason: `extraction failed: ${error instanceof Error ? error.message : String(error)}`,
            deterministic: false,
          };
  }
  port.postMessage(outcome);
});
