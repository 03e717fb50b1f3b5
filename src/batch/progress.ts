/**
 * Progress on stderr: a bar redrawn in place on a terminal, one plain line per
 * file otherwise (logs, CI), nothing with `quiet`. stdout stays free for `--json`.
 */
export interface ProgressEvent {
  file: string;
  status: "extracted" | "cached" | "failed";
  detail: string;
}

export interface ProgressSink {
  start(total: number): void;
  file(event: ProgressEvent): void;
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
      if (event.status === "failed") counters.failed += 1;
      const label = event.status === "failed" ? "FAILED" : event.status;
      stream.write(`[${counters.done}/${counters.total}] ${label} ${event.file}${event.detail ? `: ${event.detail}` : ""}\n`);
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
  const width = 28;

  const draw = (force: boolean): void => {
    if (!started || stopped) return;
    const now = performance.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const fraction = counters.total === 0 ? 1 : counters.done / counters.total;
    const filled = Math.round(fraction * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const failures = counters.failed > 0 ? `  ${counters.failed} failed` : "";
    const line = `${bar} ${counters.done}/${counters.total}  ${counters.rate().toFixed(1)} files/s  ETA ${formatDuration(counters.eta())}${failures}`;
    // `columns` is 0 or undefined when the size is unknown.
    stream.write(`\r${line.slice(0, Math.max(40, (stream.columns || 100) - 1))}\x1b[K`);
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
      if (event.status === "failed") {
        counters.failed += 1;
        // Failures scroll above the bar so they are still on screen at the end.
        clear();
        stream.write(`FAILED ${event.file}: ${event.detail}\n`);
      }
      draw(event.status === "failed" || counters.done === counters.total);
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
