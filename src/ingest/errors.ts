import type { READ_FAILURES } from "../model/messages.js";

/** Why a file could not be read (src/model/messages.ts lists the codes). */
export type IngestErrorCode = (typeof READ_FAILURES)[number];

/** A file the pipeline cannot read; the message names the file and the reason. */
export class IngestError extends Error {
  override readonly name = "IngestError";
  constructor(
    readonly file: string,
    readonly code: IngestErrorCode,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}
