/** Why a file could not be read. Stable codes: scripts and the errors report key on them. */
export type IngestErrorCode =
  | "empty"
  | "corrupt"
  | "encrypted"
  | "unsupported"
  | "no-text-layer"
  | "too-large"
  | "unreadable";

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
