/**
 * A file's text written to a stream in pieces, and the stream ended, heeding backpressure. Small
 * pieces are gathered first: a write per history entry would cost more than its text.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";

/** Characters gathered before a write. */
const BATCH = 1 << 16;

export async function writePieces(pieces: Iterable<string>, output: Writable): Promise<void> {
  let pending = "";
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= BATCH) {
      const more = output.write(pending);
      pending = "";
      if (!more) await once(output, "drain");
    }
  }
  output.end(pending);
  await once(output, "finish");
}
