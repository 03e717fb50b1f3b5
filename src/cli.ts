/**
 * The `minutes` command. Exit codes: 0 every file succeeded, 1 some file failed,
 * 2 usage error or an output folder that cannot be written, 130 interrupted.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./batch/atomic.js";
import { describeFsError, makeWritableFolder } from "./batch/folders.js";
import { readInputFile } from "./ingest/file.js";
import { packageVersion } from "./batch/package-root.js";
import { barProgress, lineProgress, silentProgress, type ProgressSink } from "./batch/progress.js";
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS, OutputError, runBatch, UsageError, type BatchSummary } from "./batch/run.js";
import { IngestError } from "./ingest/errors.js";
import { PartialDate } from "./model/meeting.js";
import { parseOcrLanguages, type OcrMode, type OcrOptions } from "./ingest/ocr.js";
import { OUTPUT_FORMATS, parseFormats, type OutputFormat } from "./write/writers.js";

export const EXIT_OK = 0;
export const EXIT_FAILURES = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return parsed;
}

function positiveSeconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError("expected a number of seconds above 0");
  return parsed;
}

function formatList(value: string): OutputFormat[] {
  try {
    return parseFormats(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function meetingDate(value: string): string {
  if (!PartialDate.safeParse(value).success) throw new InvalidArgumentError("expected YYYY-MM-DD or YYYY-MM");
  return value;
}

interface BatchCommandOptions {
  out: string;
  date?: string;
  jobs?: number;
  timeout: number;
  maxMemory: number;
  /** A folder, false for --no-cache, or absent for the default `<out>/.cache`. */
  cache?: string | false;
  quiet?: boolean;
  json?: boolean;
  /** `run`: the corrections file (default `<out>/corrections.yaml`). */
  corrections?: string;
  /** `run`: remove the records of files not given this time. */
  forgetMissing?: boolean;
  /** `run` only: the tracker's outputs to write. */
  formats?: OutputFormat[];
  ocr: OcrMode;
  ocrLang?: string;
}

function ocrLanguages(value: string): string {
  const languages = parseOcrLanguages(value);
  if (!languages) throw new InvalidArgumentError("expected languages among ar, fr, en (ara, fra, eng), e.g. ar+fr");
  return languages;
}

/** `--ocr` and `--ocr-lang`, for every command that reads files. */
function addOcrOptions(command: Command): Command {
  return command
    .addOption(new Option("--ocr <mode>", "OCR pages without a usable text layer (auto), every page (always) or none (never)").choices(["auto", "always", "never"]).default("auto"))
    .option("--ocr-lang <languages>", "OCR languages (ar, fr, en; e.g. ar+fr); default: from the document's script", ocrLanguages);
}

function ocrOptionsOf(options: { ocr: OcrMode; ocrLang?: string }): OcrOptions {
  return { mode: options.ocr, ...(options.ocrLang === undefined ? {} : { languages: options.ocrLang }) };
}

function addBatchOptions(command: Command): Command {
  return addOcrOptions(command)
    .requiredOption("-o, --out <dir>", "output folder (extract of one input: - prints its record on standard output)")
    .option("--date <date>", "meeting date (YYYY-MM-DD or YYYY-MM) for files whose text, name and metadata give none", meetingDate)
    .option("-j, --jobs <n>", "worker processes (default: the number of cores)", positiveInteger)
    .option("--timeout <seconds>", "stop a file that takes longer than this", positiveSeconds, DEFAULT_TIMEOUT_MS / 1000)
    .option("--max-memory <mb>", "memory a file may take in its worker (heap, buffers, wasm); a file that needs more is stopped", positiveInteger, DEFAULT_MAX_MEMORY_MB)
    .option("--cache <dir>", "cache of extracted records (default: <out>/.cache)")
    .option("--no-cache", "extract every file again, ignoring and not updating the cache")
    .option("-q, --quiet", "print nothing but errors")
    .option("--json", "print a machine-readable summary on stdout");
}

interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Read for the input `-`; default process.stdin. */
  stdin?: NodeJS.ReadStream;
}

/** The input and output name that means standard input or standard output, as in pandoc and most Unix tools. */
const STANDARD_STREAM = "-";

/** All of standard input, refused past the document size limit. */
async function readStandardInput(io: Io): Promise<Uint8Array> {
  const stdin = io.stdin ?? process.stdin;
  if (stdin.isTTY) throw new UsageError("standard input is a terminal: pipe a document in (cat minutes.docx | minutes tree -)");
  const { MAX_DOCUMENT_BYTES, checkDocumentSize } = await import("./ingest/file.js");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) checkDocumentSize(STANDARD_STREAM, size);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function readInput(file: string, io: Io): Promise<Uint8Array> {
  return file === STANDARD_STREAM ? readStandardInput(io) : readInputFile(file);
}

function chooseProgress(options: BatchCommandOptions, io: Io): ProgressSink {
  if (options.quiet) return silentProgress;
  return io.stderr.isTTY ? barProgress(io.stderr) : lineProgress(io.stderr);
}

function report(summary: BatchSummary, options: BatchCommandOptions, io: Io): number {
  if (options.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  const code = summary.interrupted ? EXIT_INTERRUPTED : summary.failed > 0 ? EXIT_FAILURES : EXIT_OK;
  if (summary.interrupted) {
    const done = summary.extracted + summary.cached + summary.failed;
    io.stderr.write(
      summary.written.length > 0
        ? `Interrupted after every file was done; the new ${summary.written.join(", ")} were already in place.\n`
        : `Interrupted after ${done} of ${summary.files} files. Their records are in ${join(options.out, "meetings")}; ` +
            `the tracker's outputs and errors.json were left as they were.\n`,
    );
    return code;
  }
  if (options.quiet) {
    for (const failure of summary.failures) io.stderr.write(`FAILED ${failure.file}: ${failure.reason} [${failure.code}]\n`);
    return code;
  }
  const lines = [
    `${summary.files} files in ${summary.seconds.toFixed(1)} s: ${summary.extracted} extracted, ${summary.cached} from cache, ${summary.failed} failed.`,
  ];
  if (summary.failures.length > 0) {
    lines.push("Failures:");
    for (const failure of summary.failures) lines.push(`  ${failure.file}: ${failure.reason} [${failure.code}]`);
  }
  if (summary.withoutCommitments.length > 0) {
    lines.push(`No commitments found in ${summary.withoutCommitments.length} file(s) (not minutes, or a layout not recognized):`);
    for (const file of summary.withoutCommitments) lines.push(`  ${file}`);
  }
  const written = summary.written.map((name) => join(options.out, name));
  lines.push(`Wrote ${[join(options.out, "meetings"), ...written].join(", ")}.`);
  if (summary.keptRecords && summary.keptRecords.length > 0) {
    lines.push(`Kept ${summary.keptRecords.length} meeting(s) from earlier runs whose files were not given this time (--forget-missing removes them).`);
  }
  if (summary.forgottenRecords && summary.forgottenRecords.length > 0) lines.push(`Removed ${summary.forgottenRecords.length} meeting(s) of files not given this time.`);
  if (summary.kept.length > 0) {
    lines.push(`Kept ${summary.kept.map((name) => join(options.out, name)).join(", ")}: made from the same records by the last run.`);
  }
  io.stderr.write(`${lines.join("\n")}\n`);
  return code;
}

/**
 * `extract` of one file to standard output (`--out -`), or of standard input (`-`): one
 * record, made in this process, printed as JSON or written to `<out>/meetings/stdin.json`.
 */
async function extractOne(input: string, options: BatchCommandOptions, io: Io): Promise<number> {
  const [{ extractFromBytes }, { recordToJson }] = await Promise.all([import("./pipeline.js"), import("./write/json.js")]);
  const record = await extractFromBytes(await readInput(input, io), input, {
    ...(options.date === undefined ? {} : { date: options.date }),
    ocr: ocrOptionsOf(options),
  });
  const json = recordToJson(record);
  if (options.out === STANDARD_STREAM) {
    io.stdout.write(json);
    return EXIT_OK;
  }
  const meetings = join(options.out, "meetings");
  try {
    await makeWritableFolder(meetings);
  } catch (error) {
    throw new OutputError(`cannot write the output folder ${options.out}: ${describeFsError(error)}`, { cause: error });
  }
  const path = join(meetings, "stdin.json");
  await writeFileAtomic(path, json).catch((error: unknown) => {
    throw new OutputError(`cannot write ${path}: ${describeFsError(error)}`, { cause: error });
  });
  if (!options.quiet) io.stderr.write(`Wrote ${path}.\n`);
  return EXIT_OK;
}

async function runBatchCommand(inputs: string[], options: BatchCommandOptions, tracker: boolean, io: Io): Promise<number> {
  const streams = inputs.includes(STANDARD_STREAM) || options.out === STANDARD_STREAM;
  if (streams && tracker) {
    throw new UsageError("run reads files and writes a folder: `-` (standard input or output) works with tree and extract");
  }
  if (streams) {
    if (inputs.length !== 1) throw new UsageError("`-` reads or writes one record: give a single input with it");
    return extractOne(inputs[0], options, io);
  }
  const controller = new AbortController();
  let signals = 0;
  // A second Ctrl-C quits at once, except during the renames that put the new outputs in place.
  let committing = false;
  let quitWhenCommitted = false;
  const onCommitting = (active: boolean): void => {
    committing = active;
    if (!active && quitWhenCommitted) process.exit(EXIT_INTERRUPTED);
  };
  const onSignal = (): void => {
    signals += 1;
    if (signals === 1) {
      io.stderr.write("\nStopping (press Ctrl-C again to quit at once)...\n");
      controller.abort();
    } else if (committing) {
      quitWhenCommitted = true;
    } else {
      process.exit(EXIT_INTERRUPTED);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const summary = await runBatch({
      inputs,
      out: options.out,
      tracker,
      timeoutMs: options.timeout * 1000,
      maxMemoryMb: options.maxMemory,
      progress: chooseProgress(options, io),
      signal: controller.signal,
      onCommitting,
      ...(options.cache === undefined ? {} : { cache: options.cache }),
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      ...(options.date === undefined ? {} : { date: options.date }),
      ...(options.corrections === undefined ? {} : { corrections: options.corrections }),
      ...(options.forgetMissing ? { forgetMissing: true } : {}),
      ocr: ocrOptionsOf(options),
      ...(options.formats === undefined ? {} : { formats: options.formats }),
    });
    return report(summary, options, io);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// The readers, writers and schemas are imported by the commands that use them: loading
// them all would cost every invocation, `--help` included, half a second.

async function printTree(file: string, options: { sources?: boolean; ocr: OcrMode; ocrLang?: string }, io: Io): Promise<number> {
  const [{ readDocument }, { treeToMarkdown }] = await Promise.all([import("./ingest/index.js"), import("./write/markdown.js")]);
  const document = await readDocument(file, await readInput(file, io), { ocr: ocrOptionsOf(options) });
  io.stdout.write(treeToMarkdown(document.tree, { sources: options.sources === true }));
  for (const message of document.messages) io.stderr.write(`note: ${message.message} [${message.code}]\n`);
  return EXIT_OK;
}

/** The Review sheet's typed-in cells appended to the corrections file, which the next `run` applies. */
async function reviewToCorrections(workbook: string, options: { out: string; corrections?: string }, io: Io): Promise<number> {
  const { appendCorrections, correctionsFromReview, readReviewRows } = await import("./correct/from-review.js");
  const path = options.corrections ?? join(options.out, "corrections.yaml");
  let rows;
  try {
    rows = await readReviewRows(workbook);
  } catch (error) {
    throw new UsageError(`cannot read ${workbook}: ${(error as Error).message}`);
  }
  const { corrections, problems } = correctionsFromReview(rows);
  for (const problem of problems) io.stderr.write(`warning: ${problem}\n`);
  const before = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw new UsageError(`cannot read the corrections file ${path}: ${error.message}`);
  });
  let appended;
  try {
    appended = appendCorrections(before, corrections);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
  if (appended.added > 0) await writeFileAtomic(path, appended.text);
  io.stderr.write(`${appended.added} correction(s) added to ${path}${corrections.length > appended.added ? ` (${corrections.length - appended.added} already there)` : ""}; the next run applies them.\n`);
  return EXIT_OK;
}

async function writeSchemas(out: string, io: Io): Promise<number> {
  try {
    await makeWritableFolder(out);
  } catch (error) {
    throw new OutputError(`cannot write the output folder ${out}: ${describeFsError(error)}`, { cause: error });
  }
  const { jsonSchemaFiles } = await import("./model/schemas.js");
  for (const [name, text] of Object.entries(jsonSchemaFiles())) {
    await writeFileAtomic(join(out, name), text);
    io.stderr.write(`Wrote ${join(out, name)}\n`);
  }
  return EXIT_OK;
}

export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command("minutes")
    .description("Extract commitment progress from committee minutes (.docx, .pdf, .txt, .md) and track it across meetings.")
    .version(packageVersion)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      "\nExit codes: 0 every file succeeded, 1 some file failed, 2 usage error or output folder not writable, 130 interrupted.\n" +
        "A file name that begins with a dash: put it after -- (minutes run --out DIR -- -x.docx) or write ./-x.docx.",
    );

  addOcrOptions(
    program
      .command("tree")
      .description("print a file's document tree as Markdown, as the pipeline sees it")
      .argument("<file>", "a .docx, .pdf, .txt or .md file, or - for standard input")
      .option("--sources", "show where each block came from (page, table, row, cell, line)")
      .addHelpText(
        "after",
        "\nExamples:\n" +
          "  minutes tree minutes/2023-03.docx\n" +
          "  minutes tree --sources minutes/2023-03.pdf | less\n" +
          "  cat minutes/2023-03.docx | minutes tree -",
      ),
  ).action(async (file: string, options: { sources?: boolean; ocr: OcrMode; ocrLang?: string }) => setExitCode(await printTree(file, options, io)));

  addBatchOptions(
    program
      .command("extract")
      .description("extract one meeting record per file into <out>/meetings/<name>.json")
      .argument("<files...>", "files, folders or globs; - for standard input")
      .addHelpText(
        "after",
        "\nExamples:\n" +
          "  minutes extract minutes/*.docx --out records\n" +
          "  minutes extract minutes/2023-03.pdf --out - | jq .commitments\n" +
          "  cat minutes/2023-03.docx | minutes extract - --out - --date 2023-03-15\n" +
          "  minutes extract archive --out records --jobs 4 --timeout 120 --max-memory 512",
      ),
  ).action(async (files: string[], options: BatchCommandOptions) => setExitCode(await runBatchCommand(files, options, false, io)));

  addBatchOptions(
    program
      .command("run")
      .description("extract every file, then write <out>/meetings/*.json, tracker.json, review.json, tracker.xlsx, tracker.csv, commitments.csv, decisions.csv, report.html and errors.json")
      .argument("<inputs...>", "files, folders (searched recursively) or globs such as 'archive/**/*.docx'")
      .addHelpText(
        "after",
        "\nExamples:\n" +
          "  minutes run archive --out output\n" +
          "  minutes run 'archive/**/*.docx' 'scans/*.pdf' --out output --json > summary.json\n" +
          "  minutes run archive --out output --formats json,csv --quiet\n" +
          "  minutes run --out output -- -draft.docx",
      ),
  )
    .option("--corrections <file>", "corrections applied between extraction and tracking (default: <out>/corrections.yaml)")
    .option("--forget-missing", "remove from the archive the meetings of files not given this time (default: keep every meeting extracted into <out>)")
    .option("--formats <list>", `the tracker's outputs to write, comma-separated: ${OUTPUT_FORMATS.join(", ")} (default: all)`, formatList)
    .action(async (inputs: string[], options: BatchCommandOptions) => setExitCode(await runBatchCommand(inputs, options, true, io)));

  program
    .command("corrections")
    .description("turn the values typed into tracker.xlsx's Review sheet into corrections.yaml entries")
    .argument("<workbook>", "a tracker.xlsx whose Review sheet has \"Correct …\" cells filled in")
    .addOption(new Option("-o, --out <dir>", "output folder holding corrections.yaml").makeOptionMandatory())
    .option("--corrections <file>", "the corrections file to add to (default: <out>/corrections.yaml)")
    .action(async (workbook: string, options: { out: string; corrections?: string }) => setExitCode(await reviewToCorrections(workbook, options, io)));

  program
    .command("schema")
    .description("write the JSON Schemas of the meeting record, the tracker and review.json")
    .addOption(new Option("-o, --out <dir>", "output folder").makeOptionMandatory())
    .addHelpText("after", "\nExample:\n  minutes schema --out schema")
    .action(async (options: { out: string }) => setExitCode(await writeSchemas(options.out, io)));

  return program;
}

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof UsageError || error instanceof OutputError) {
      io.stderr.write(`minutes: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof IngestError) {
      io.stderr.write(`minutes: ${error.message} [${error.code}]\n`);
      return EXIT_FAILURES;
    }
    io.stderr.write(`minutes: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURES;
  }
}
