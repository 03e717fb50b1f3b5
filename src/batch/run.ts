/**
 * The batch: every input file through the pipeline in worker processes, each record
 * written to `meetings/` as soon as it arrives, then (for `run`) the tracker built
 * from all records and written at the end. A bad file is a line in the failures,
 * never the end of the run. Every output is written atomically, and the end-of-run
 * files (tracker, errors, manifest) only once every file is done, committed as one
 * set (output-set.ts), so an interrupted run leaves the previous set whole.
 */
import { messageHead, type FileFailure } from "../model/messages.js";
import { readFileSync, statSync, type Stats } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { IngestError } from "../ingest/errors.js";
import type { OcrOptions } from "../ingest/ocr.js";
import { MeetingRecord } from "../model/meeting.js";
import { streamFileAtomic, writeFileAtomic, writeTextIfChanged } from "./atomic.js";
import { InputIndex, pipelineVersion, RECORD_INDEX_NAME, RecordCache, relocateRecord } from "./cache.js";
import { recordToJson } from "../write/json.js";
import { discoverInputs, SUPPORTED_EXTENSIONS } from "./discover.js";
import { describeFsError, makeWritableFolder } from "./folders.js";
import { OutputSet, recoverOutputs } from "./output-set.js";
import { readInputFile } from "../ingest/file.js";
import { sha256Hex } from "../ingest/file.js";
import { digestOf, inputsDigest, MANIFEST_NAME, reusableOutputs, writeManifest } from "./manifest.js";
import { assignOutputNames } from "./names.js";
import { compiledWorkerPath } from "./package-root.js";
import { WorkerPool } from "./pool.js";
import { silentProgress, type ProgressSink } from "./progress.js";
import type { FileSummary, TaskOutcome } from "./protocol.js";
import type { OutputFormat } from "../write/writers.js";

export const DEFAULT_TIMEOUT_MS = 60_000;

/** The OCR options a record depends on, for its cache key; undefined for the defaults (whose keys are unchanged). */
function ocrSetting(ocr: OcrOptions | undefined): string | undefined {
  const mode = ocr?.mode ?? "auto";
  if (mode === "auto" && ocr?.languages === undefined) return undefined;
  return `${mode}:${ocr?.languages ?? ""}`;
}

export const DEFAULT_MAX_MEMORY_MB = 256;

export interface BatchOptions {
  inputs: readonly string[];
  /** Output folder: `meetings/`, and with `tracker` also the tracker's outputs (tracker.json, review.json, .xlsx, .csv, report.html) and errors.json. */
  out: string;
  /** Worker processes; default the number of cores. */
  jobs?: number;
  /** Per-file deadline in milliseconds. */
  timeoutMs?: number;
  /** Memory each file may take in its worker (heap, buffers, wasm), in MB. */
  maxMemoryMb?: number;
  /** Cache folder, or false for none; default `<out>/.cache`. */
  cache?: string | false;
  /** Meeting date to use when a file gives none. */
  date?: string;
  /** `--ocr` and `--ocr-lang` (default: OCR pages without a usable text layer, languages from the script). */
  ocr?: OcrOptions;
  /** Build and write the tracker (the `run` command). */
  tracker?: boolean;
  /**
   * The corrections file applied between extraction and tracking; default
   * `<out>/corrections.yaml` when it exists. A file named here must exist.
   */
  corrections?: string;
  /**
   * `run`: remove from the archive (meetings/ and the tracker) the records of files not
   * given this time. Without it the output folder keeps every meeting extracted into it.
   */
  forgetMissing?: boolean;
  /** The tracker's outputs to write (`--formats`); default every one. */
  formats?: readonly OutputFormat[];
  progress?: ProgressSink;
  /** Aborting stops the workers; the tracker is then not written. */
  signal?: AbortSignal;
  /** Told when the end-of-run files start and stop being renamed into place (milliseconds): a caller that exits on a second Ctrl-C waits for the end. */
  onCommitting?: (committing: boolean) => void;
}

/** A file that gave no record (an entry of errors.json). */
export type Failure = FileFailure;

export interface FileResult {
  file: string;
  status: "extracted" | "cached" | "failed" | "not-done";
  /** Path of the record under the output folder, for files that succeeded. */
  output?: string;
  format?: string;
  pages?: number | null;
  commitments?: number;
  /** A failure read from the cache rather than found again. */
  failureFromCache?: boolean;
}

export interface BatchSummary {
  files: number;
  extracted: number;
  cached: number;
  failed: number;
  /** Files with no commitment found: likely not minutes, or a layout the extractor does not know. */
  withoutCommitments: string[];
  pages: number;
  seconds: number;
  /** Of `seconds`, the time spent after the last file: building and writing the tracker. */
  finishSeconds: number;
  interrupted: boolean;
  failures: Failure[];
  /** Files whose record name was changed because another input had the same name. */
  renamed: { file: string; output: string }[];
  /** Globs and folders that matched no supported file. */
  unmatched: string[];
  /** Files written at the end (tracker.json, tracker.xlsx, errors.json), relative to the output folder. */
  written: string[];
  /** End-of-run files left as they were because the last run made them from the same inputs. */
  kept: string[];
  /** Records under meetings/ from earlier runs whose files were not given this time, kept in the tracker. */
  keptRecords?: string[];
  /** Records of files not given this time that `forgetMissing` removed. */
  forgottenRecords?: string[];
  results: FileResult[];
}

/** The command line was wrong: exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The output folder cannot be written: nothing can be saved, so the run stops. */
export class OutputError extends Error {
  override readonly name = "OutputError";
}

async function prepareOutput(out: string): Promise<string> {
  const meetings = join(out, "meetings");
  try {
    await makeWritableFolder(meetings);
    await recoverOutputs(out);
  } catch (error) {
    throw new OutputError(`cannot write the output folder ${out}: ${describeFsError(error)}`, { cause: error });
  }
  return meetings;
}

/** Writes an output file with `write`, a failure becoming an OutputError that names the file. */
async function writeOutput<T>(path: string, write: (path: string) => Promise<T>): Promise<T> {
  try {
    return await write(path);
  } catch (error) {
    throw new OutputError(`cannot write ${path}: ${describeFsError(error)}`, { cause: error });
  }
}

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const progress = options.progress ?? silentProgress;
  const jobs = options.jobs ?? availableParallelism();
  const discovery = await discoverInputs(options.inputs);
  if (options.tracker) {
    // The output folder is the archive: a mistyped input must not rewrite its tracker with less.
    const unmatched = [...discovery.empty, ...(await missingPaths(options.inputs))];
    if (unmatched.length > 0) throw new UsageError(`no file matches ${unmatched.join(", ")}; nothing was read or rewritten`);
  }
  if (discovery.files.length === 0 && discovery.problems.length === 0) {
    throw new UsageError(`no supported files (${SUPPORTED_EXTENSIONS.join(", ")}) in ${options.inputs.join(", ")}`);
  }
  await prepareOutput(options.out);
  const corrections = options.tracker ? await readCorrections(options) : null;
  // The cache only saves time: when it cannot be used the run goes on without it.
  let cache: RecordCache | undefined;
  let index: InputIndex | undefined;
  /** Which of the archive's record files this pipeline version has checked: `staleRecords`. */
  let checkedRecords: { index: InputIndex; version: string } | undefined;
  let cacheBroken = false;
  const dropCache = (error: unknown): void => {
    if (!cacheBroken) progress.note(`note: the cache cannot be used (${(error as Error).message}); going on without it`);
    cacheBroken = true;
    cache = undefined;
    index = undefined;
    checkedRecords = undefined;
  };
  if (options.cache !== false) {
    const root = options.cache ?? join(options.out, ".cache");
    cache = await RecordCache.open(root).catch((error: unknown) => {
      dropCache(error);
      return undefined;
    });
    if (cache) index = await InputIndex.open(root);
    if (cache && options.tracker) checkedRecords = { index: await InputIndex.open(root, RECORD_INDEX_NAME), version: await pipelineVersion() };
  }

  const names = assignOutputNames(discovery.files);
  const renamed = names.filter((name) => name.disambiguated).map((name) => ({ file: name.file, output: join("meetings", name.name) }));
  const RENAMED_SHOWN = 5;
  for (const { file, output } of renamed.slice(0, RENAMED_SHOWN)) progress.note(`note: another input has the same name; ${file} is written to ${output}`);
  if (renamed.length > RENAMED_SHOWN) progress.note(`note: ${renamed.length - RENAMED_SHOWN} more record(s) renamed the same way (--json lists them all)`);
  for (const input of discovery.empty) progress.note(`note: no supported file in ${input}`);

  const failures: Failure[] = discovery.problems.map((problem) => ({ file: problem.input, code: problem.code, reason: problem.reason }));
  const results: FileResult[] = names.map((name) => ({ file: name.file, status: "not-done" }));
  const records: (MeetingRecord | undefined)[] = new Array(names.length);
  /** Cache key of each file that has a record: what its record was made from. */
  const keys: (string | undefined)[] = new Array(names.length);

  let pool: WorkerPool | undefined;
  const getPool = (): WorkerPool =>
    (pool ??= new WorkerPool({
      size: jobs,
      workerPath: compiledWorkerPath(),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
      onOcrPage: (index, start) => progress.ocrPage?.({ file: names[index].file, ...start }),
    }));
  const signal = options.signal;
  const onAbort = (): void => void pool?.close();
  signal?.addEventListener("abort", onAbort, { once: true });

  /** `record` is read lazily: only the tracker needs it in memory. */
  /** `json` is the record's text, or its UTF-8 bytes. */
  const succeed = async (index: number, key: string, json: string | Uint8Array, record: () => MeetingRecord, summary: FileSummary, status: "extracted" | "cached") => {
    const output = join("meetings", names[index].name);
    await writeOutput(join(options.out, output), (path) => writeTextIfChanged(path, json));
    // Only the tracker needs the records in memory; `extract` keeps memory flat without them.
    if (options.tracker) records[index] = record();
    keys[index] = key;
    results[index] = { file: names[index].file, status, output, format: summary.format, pages: summary.pages, commitments: summary.commitments };
    progress.file({ file: names[index].file, status, detail: summary.commitments === 0 ? "no commitments found" : "" });
  };
  const fail = (index: number, code: Failure["code"], reason: string, fromCache = false) => {
    const file = names[index].file;
    failures.push({ file, code, reason });
    results[index] = fromCache ? { file, status: "failed", failureFromCache: true } : { file, status: "failed" };
    progress.file({ file, status: "failed", detail: `${reason} [${code}]` });
  };

  const keyOf = (file: string, sha256: string): string => RecordCache.key(sha256, file, options.date, ocrSetting(options.ocr));
  /** The file's outcome from the cache (a record or a deterministic failure); false on a miss. */
  const fromCache = async (at: number, key: string): Promise<boolean> => {
    const cached = cache?.get(key);
    if (cached?.kind === "failure") {
      fail(at, cached.failure.code, cached.failure.reason, true);
      return true;
    }
    if (cached?.kind !== "record") return false;
    // The entry is the JSON a worker made from a record its schema had just parsed, written whole
    // (atomically) under this pipeline version: parsing it is enough. Validating every record again
    // would cost as much as parsing it, on every re-run of an archive of thousands.
    const parsed = safeJson(cached.json) as MeetingRecord | undefined;
    if (typeof parsed?.source?.path !== "string") return false;
    const record = relocateRecord(parsed, names[at].file);
    await succeed(at, key, record === parsed ? cached.bytes : recordToJson(record), () => record, summarize(record), "cached");
    return true;
  };
  const processFile = async (at: number): Promise<void> => {
    const file = names[at].file;
    // An unchanged file (by the input index: size, times, inode) is not read again when its record is cached.
    const status = index ? statusOf(file) : undefined;
    const knownSha256 = status && index?.known(file, status);
    if (knownSha256 && (await fromCache(at, keyOf(file, knownSha256)))) return;
    let bytes: Uint8Array;
    try {
      bytes = await readInputFile(file);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      return fail(at, error.code, error.reason);
    }
    const sha256 = sha256Hex(bytes);
    if (status) index?.remember(file, status, sha256);
    const key = keyOf(file, sha256);
    if (await fromCache(at, key)) return;
    if (signal?.aborted) return;
    const outcome: TaskOutcome = await getPool().run({
      id: at,
      path: file,
      bytes,
      sha256,
      ...(options.date === undefined ? {} : { date: options.date }),
      ...(options.ocr === undefined ? {} : { ocr: options.ocr }),
    });
    if (outcome.ok) {
      await succeed(at, key, outcome.json, () => JSON.parse(outcome.json) as MeetingRecord, outcome.summary, "extracted");
      await cache?.putRecord(key, outcome.json).catch(dropCache);
    } else if (outcome.code !== "interrupted") {
      fail(at, outcome.code, outcome.reason);
      if (outcome.deterministic) await cache?.putFailure(key, { code: outcome.code, reason: outcome.reason }).catch(dropCache);
    }
  };

  progress.start(names.length);
  let next = 0;
  // Twice the workers: each worker has its next file read and hashed while it works, and no more bytes than that are held.
  const readers = Array.from({ length: Math.max(2, jobs * 2) }, async () => {
    while (next < names.length && !signal?.aborted) await processFile(next++);
  });
  // The archive's earlier records are read while the given files are extracted: adding one file
  // to an archive of thousands otherwise waits for its worker, then for the archive's reading.
  const stale = options.tracker ? staleRecords(options.out, names, checkedRecords) : undefined;
  stale?.catch(() => undefined);
  try {
    await Promise.all(readers);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await pool?.close();
    progress.stop();
    // The hashes taken are facts whatever became of the run.
    await index?.save().catch(dropCache);
  }

  let interrupted = signal?.aborted === true;
  const archived = stale && !interrupted ? await archivedRecords(options.out, await stale, options.forgetMissing === true) : { kept: [], forgotten: [] };
  await checkedRecords?.index.save().catch(dropCache);
  const finishing = performance.now();
  const written: string[] = [];
  const kept: string[] = [];
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (!interrupted) {
    const errorsJson = `${JSON.stringify(failures, null, 2)}\n`;
    const inputs = inputsDigest({
      version: await pipelineVersion(),
      tracker: options.tracker === true,
      // A changed corrections file rebuilds the tracker from the cached records: nothing is extracted again.
      corrections: corrections?.text ?? null,
      formats: options.formats ?? null,
      records: names.map((name, index) => [name.file, keys[index] ?? null]),
      archived: archived.kept.map(({ name, record }) => [name, record.source.sha256]),
      failures,
    });
    const reusable = cache === undefined ? undefined : await reusableOutputs(options.out, inputs);
    if (reusable !== undefined) {
      kept.push(...reusable);
    } else {
      // Every end-of-run file is staged, then all are committed together (output-set.ts): an
      // interruption or a full disk at any point leaves the previous set whole.
      const set = await writeOutput(options.out, (out) => OutputSet.begin(out));
      const staged: string[] = [];
      try {
        // The tracker files are streamed to disk: at 10,000 meetings tracker.json is over 100 MB
        // of text and the workbook tens of MB, which must not be held beside the records.
        const digests: Record<string, string> = {};
        const streamOutput = async (name: string, write: (stream: Writable) => Promise<void>): Promise<void> => {
          digests[name] = await writeOutput(join(options.out, name), () => streamFileAtomic(set.path(name), write));
          staged.push(name);
        };
        if (options.tracker) {
          // Loaded here, not at start-up: `extract` never needs them.
          const [{ buildTracker }, { buildReview }, { correctRecords }, { trackerReport }, { writersFor }] = await Promise.all([
            import("../track/index.js"),
            import("../track/review.js"),
            import("../correct/index.js"),
            import("../write/report.js"),
            import("../write/writers.js"),
          ]);
          const recordNames = new Map<string, string>();
          records.forEach((record, index) => {
            if (record) recordNames.set(record.source.path, names[index].name.replace(/\.json$/u, ""));
          });
          for (const { name, record } of archived.kept) recordNames.set(record.source.path, name.replace(/\.json$/u, ""));
          const recordName = (record: MeetingRecord): string => recordNames.get(record.source.path) ?? record.source.path;
          const extracted = [...records.filter((record): record is MeetingRecord => record !== undefined), ...archived.kept.map((a) => a.record)];
          const corrected = corrections ? correctRecords(extracted, corrections.text, { file: corrections.path, recordName }) : undefined;
          for (const warning of corrected?.warnings ?? []) progress.note(`warning: ${warning.message}`);
          const present = corrected?.records ?? extracted;
          const tracker = buildTracker(present, { recordName, ...(corrected ? { marks: corrected.marks } : {}) });
          tracker.warnings.push(...(corrected?.warnings ?? []).map((w) => ({ ...messageHead(w.code), message: w.message })));
          for (const meeting of tracker.meetings) {
            if (meeting.dateSource === "metadata") progress.note(`warning: ${meeting.file}: dated ${meeting.date} from the document's metadata only; check it (review.json)`);
          }
          const report = trackerReport(tracker, present, failures, buildReview(tracker, present));
          for (const writer of writersFor(options.formats)) {
            // A Ctrl-C while the tracker is written: the writers not yet begun (the workbook, the longest) are not.
            if (signal?.aborted) break;
            await streamOutput(writer.file, (stream) => writer.write(report, stream));
          }
        }
        await writeOutput(join(options.out, "errors.json"), () => writeFileAtomic(set.path("errors.json"), errorsJson));
        digests["errors.json"] = digestOf(errorsJson);
        staged.push("errors.json");
        await writeOutput(join(options.out, MANIFEST_NAME), () => writeManifest(set.path(MANIFEST_NAME), inputs, digests));
        if (signal?.aborted) {
          interrupted = true;
          await set.abandon();
        } else {
          options.onCommitting?.(true);
          try {
            await writeOutput(options.out, () => set.commit());
          } finally {
            options.onCommitting?.(false);
          }
          written.push(...staged);
          // A Ctrl-C during the renames: the set is whole, and the run still says it was stopped.
          interrupted = signal?.aborted === true;
        }
      } catch (error) {
        await set.abandon().catch(() => undefined);
        throw error;
      }
    }
  }

  const done = results.filter((result) => result.status === "extracted" || result.status === "cached");
  return {
    files: names.length,
    extracted: results.filter((result) => result.status === "extracted").length,
    cached: results.filter((result) => result.status === "cached").length,
    failed: failures.length,
    withoutCommitments: done.filter((result) => result.commitments === 0).map((result) => result.file),
    pages: done.reduce((sum, result) => sum + (result.pages ?? 0), 0),
    seconds: (performance.now() - started) / 1000,
    finishSeconds: (performance.now() - finishing) / 1000,
    interrupted,
    failures,
    renamed,
    unmatched: discovery.empty,
    written,
    kept,
    keptRecords: archived.kept.map((a) => join("meetings", a.name)),
    forgottenRecords: archived.forgotten.map((name) => join("meetings", name)),
    results,
  };
}

/** Inputs naming a path that does not exist (globs aside: a glob matching nothing is in `empty`). */
async function missingPaths(inputs: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const input of inputs) {
    if (/[*?[{]/u.test(input)) continue;
    if (!(await stat(input).catch(() => undefined))) missing.push(input);
  }
  return missing;
}

/** A record of the archive: its name under meetings/, and the record. */
interface ArchivedRecord {
  name: string;
  record: MeetingRecord;
}

/** Records read between two turns of the event loop, which meanwhile hears from the workers. */
const RECORDS_PER_TURN = 64;

/**
 * Records under meetings/ from earlier runs whose file was not given this time. A record of a
 * file given this time under another name is stale and left out. Each is validated by the
 * schema, unless `checked` (the record index: `cache.ts`) says this pipeline version found the
 * file, as it is now, to be exactly the text it writes for its record; one that passes is
 * remembered there. The files are read synchronously: at thousands of small files a read
 * handed to the thread pool spends more in its round trips than in reading.
 */
async function staleRecords(
  out: string,
  names: readonly { file: string; name: string }[],
  checked: { index: InputIndex; version: string } | undefined,
): Promise<ArchivedRecord[]> {
  const folder = join(out, "meetings");
  const current = new Set(names.map((n) => n.name));
  const given = new Set(names.map((n) => n.file));
  const stale: ArchivedRecord[] = [];
  const entries = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith(".json") && !current.has(name)).sort();
  for (const [at, name] of entries.entries()) {
    if (at % RECORDS_PER_TURN === RECORDS_PER_TURN - 1) await new Promise(setImmediate);
    const path = join(folder, name);
    const status = checked ? statusOf(path) : undefined;
    const text = readTextIfAny(path);
    const record = text === undefined ? undefined : archivedRecord(text, path, status, checked);
    if (record && !given.has(record.source.path)) stale.push({ name, record });
  }
  return stale;
}

/** The record a file of meetings/ holds (`staleRecords`), or undefined when it holds none. */
function archivedRecord(text: string, path: string, status: Stats | undefined, checked: { index: InputIndex; version: string } | undefined): MeetingRecord | undefined {
  if (status && checked?.index.known(path, status) === checked?.version) {
    const known = safeJson(text) as MeetingRecord | undefined;
    if (typeof known?.source?.path === "string") return known;
  }
  const parsed = MeetingRecord.safeParse(safeJson(text));
  if (!parsed.success) return undefined;
  if (status && checked && recordToJson(parsed.data) === text) checked.index.remember(path, status, checked.version);
  return parsed.data;
}

function statusOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function readTextIfAny(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The earlier records kept (the archive is the state, not the last command line), or removed when `forget` is set. */
async function archivedRecords(out: string, stale: ArchivedRecord[], forget: boolean): Promise<{ kept: ArchivedRecord[]; forgotten: string[] }> {
  if (!forget) return { kept: stale, forgotten: [] };
  for (const { name } of stale) await rm(join(out, "meetings", name), { force: true });
  return { kept: [], forgotten: stale.map((s) => s.name) };
}

/** The corrections file's text, or null when the default one does not exist. */
async function readCorrections(options: BatchOptions): Promise<{ path: string; text: string } | null> {
  const path = options.corrections ?? join(options.out, "corrections.yaml");
  try {
    return { path, text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && options.corrections === undefined) return null;
    throw new UsageError(`cannot read the corrections file ${path}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function summarize(record: MeetingRecord): FileSummary {
  return {
    format: record.source.format,
    pages: record.source.pages,
    commitments: record.commitments.length,
    warnings: record.warnings.length,
  };
}
