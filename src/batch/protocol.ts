/** Messages between the batch's main thread and its extraction workers. */

export interface ExtractTask {
  id: number;
  path: string;
  /** The file's bytes, transferred (not copied) to the worker. */
  bytes: Uint8Array;
  sha256: string;
  date?: string;
}

export interface FileSummary {
  format: string;
  pages: number | null;
  commitments: number;
  warnings: number;
}

export type TaskOutcome =
  | { id: number; ok: true; json: string; summary: FileSummary }
  | { id: number; ok: false; code: string; reason: string; deterministic: boolean };
