export { runBatch, UsageError, OutputError, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_MEMORY_MB } from "./run.js";
export type { BatchOptions, BatchSummary, Failure, FileResult } from "./run.js";
export { discoverInputs, SUPPORTED_EXTENSIONS } from "./discover.js";
export { pipelineVersion } from "./cache.js";
export { barProgress, lineProgress, silentProgress } from "./progress.js";
export type { ProgressSink, ProgressEvent, OcrPageEvent } from "./progress.js";
