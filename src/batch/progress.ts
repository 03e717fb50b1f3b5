/**
 * Progress on stderr: a bar redrawn in place on a terminal, one plain line per
 * file otherwise (logs, CI), nothing with `quiet`. stdout stays free for `--json`.
 * A file read by OCR takes seconds a page: its pages are counted as they start,
 * on the bar and in the log.
 */
import type { OcrPageStart } from "../ingest/tree.js";

export interface ProgressEvent {
  file: string;
  status: "extracted" | "cached" | "failed";
  detail: string;
}

/** A page of `file` going to OCR. */
export interface OcrPageEvent extends OcrPageStart {
  file: string;
}

export interface ProgressSink {
  start(total: number): void;
  file(event: ProgressEvent): void;
  /** Optional: a sink that shows files only leaves it out. */
  ocrPage?(event: OcrPageEvent): void;
  note(message: string): void;
  stop(): void;
}

export const silentProgress: ProgressSink = { start() {}, file() {}, note() {}, stop() {} };

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, "0")}s` : `${whole}s`;
}

class Counters {
  total = 0;
  done = 0;
  failed = 0;
  started = performance.now();
  /** Files being OCR'd: the page each has started, of how many. */
  readonly ocr = new Map<string, { ordinal: number; of: number }>();

  /** Files done, with the share of its pages each file being OCR'd has finished. */
  progressed(): number {
    let partial = 0;
    for (const { ordinal, of } of this.ocr.values()) partial += (ordinal - 1) / of;
    return this.done + partial;
  }

  /** "OCR page 3/7" (pages started of pages to OCR, over the files being OCR'd), or "" when none is. */
  ocrPages(): string {
    let started = 0;
    let of = 0;
    for (const file of this.ocr.values()) [started, of] = [started + file.ordinal, of + file.of];
    if (of === 0) return "";
    return this.ocr.size === 1 ? `OCR page ${started}/${of}` : `OCR pages ${started}/${of} (${this.ocr.size} files)`;
  }

  rate(): number {
    const seconds = (performance.now() - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  eta(): number {
    const rate = this.rate();
    return rate > 0 ? (this.total - this.done) / rate : Number.POSITIVE_INFINITY;
  }
}

export function lineProgress(stream: NodeJS.WritableStream): ProgressSink {
  const counters = new Counters();
  return {
    start(total) {
      counters.total = total;
      counters.started = performance.now();
    },
    file(event) {
      counters.done += 1;
      counters.ocr.delete(event.file);
      if (event.status === "failed") counters.failed += 1;
      const label = event.status === "failed" ? "FAILED" : event.status;
      stream.write(`[${counters.done}/${counters.total}] ${label} ${event.file}${event.detail ? `: ${event.detail}` : ""}\n`);
    },
    ocrPage(event) {
      stream.write(`[${counters.done}/${counters.total}] OCR ${event.file}: page ${event.page} (${event.ordinal} of ${event.of} to OCR)\n`);
    },
    note(message) {
      stream.write(`${message}\n`);
    },
    stop() {},
  };
}

export function barProgress(stream: NodeJS.WriteStream): ProgressSink {
  const counters = new Counters();
  let lastDraw = 0;
  let drawn = false;
  let started = false;
  let stopped = false;
  /** The bar's width when the terminal has room for it and the counts. */
  const BAR_WIDTH = 28;
  /** A narrower bar than this says nothing: the counts are shown alone. */
  const MIN_BAR_WIDTH = 6;

  const draw = (force: boolean): void => {
    if (!started || stopped) return;
    const now = performance.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const fraction = counters.total === 0 ? 1 : counters.progressed() / counters.total;
    const failures = counters.failed > 0 ? `  ${counters.failed} failed` : "";
    const ocr = counters.ocrPages();
    const counts = `${counters.done}/${counters.total}  ${counters.rate().toFixed(1)} files/s  ETA ${formatDuration(counters.eta())}${failures}${ocr ? `  ${ocr}` : ""}`;
    // One column short of the width: writing the last column wraps on many terminals, and a
    // wrapped line is what `\r` cannot take back. `columns` is 0 or undefined when unknown;
    // it follows the terminal when it is resized.
    const room = (stream.columns || 80) - 1;
    const width = Math.min(BAR_WIDTH, room - counts.length - 1);
    const filled = Math.round(fraction * width);
    const line = width >= MIN_BAR_WIDTH ? `${"█".repeat(filled)}${"░".repeat(width - filled)} ${counts}` : counts;
    stream.write(`\r${line.slice(0, Math.max(0, room))}\x1b[K`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) stream.write("\r\x1b[K");
    drawn = false;
  };

  return {
    start(total) {
      counters.total = total;
      counters.started = performance.now();
      started = true;
      draw(true);
    },
    file(event) {
      counters.done += 1;
      counters.ocr.delete(event.file);
      if (event.status === "failed") {
        counters.failed += 1;
        // Failures scroll above the bar so they are still on screen at the end.
        clear();
        stream.write(`FAILED ${event.file}: ${event.detail}\n`);
      }
      draw(event.status === "failed" || counters.done === counters.total);
    },
    ocrPage(event) {
      counters.ocr.set(event.file, { ordinal: event.ordinal, of: event.of });
      draw(true);
    },
    note(message) {
      clear();
      stream.write(`${message}\n`);
      draw(true);
    },
    stop() {
      clear();
      stopped = true;
    },
  };
}
