/**
 * Extraction worker: reads and extracts one file at a time. It runs the whole
 * pipeline for a file, so a document that hangs the parser or exhausts memory
 * takes down only this thread, which the pool then replaces.
 */
import { parentPort } from "node:worker_threads";
import { IngestError } from "../ingest/errors.js";
import { recordToJson } from "../write/json.js";
import { extractFromBytes } from "./extract.js";
import type { ExtractTask, TaskOutcome, TaskProgress } from "./protocol.js";

if (parentPort === null) throw new Error("batch/worker.js runs only as a worker thread");
const port = parentPort;

port.on("message", async (task: ExtractTask) => {
  let outcome: TaskOutcome;
  try {
    const record = await extractFromBytes(task.bytes, task.path, {
      sha256: task.sha256,
      ...(task.date === undefined ? {} : { date: task.date }),
      ...(task.ocr === undefined ? {} : { ocr: task.ocr }),
      onOcrPage: (page) => port.postMessage({ id: task.id, ocrPage: page } satisfies TaskProgress),
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
