/** Messages between the batch's main process and its extraction worker processes. */
import type { FileFailure } from "../model/messages.js";
import type { OcrOptions } from "../ingest/ocr.js";
import type { OcrPageStart } from "../ingest/tree.js";

export interface ExtractTask {
  id: number;
  path: string;
  /** The file's bytes, transferred (not copied) to the worker. */
  bytes: Uint8Array;
  sha256: string;
  date?: string;
  /** `--ocr` and `--ocr-lang`. */
  ocr?: OcrOptions;
}

/** Sent by a worker as it starts OCR on a page of its file: the file's deadline starts again, and the progress shows the page. */
export interface TaskProgress {
  id: number;
  ocrPage: OcrPageStart;
}

export interface FileSummary {
  format: string;
  pages: number | null;
  commitments: number;
  warnings: number;
}

export type TaskOutcome =
  | { id: number; ok: true; json: string; summary: FileSummary }
  | { id: number; ok: false; code: FileFailure["code"]; reason: string; deterministic: boolean };

/** What a worker says besides outcomes: that it is ready (and its idle size), and its resident size while it works. */
export type WorkerMessage = TaskOutcome | TaskProgress | { ready: true; rss: number } | { rss: number };
