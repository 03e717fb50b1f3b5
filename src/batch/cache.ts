/**
 * The incremental cache. A record depends on the file's bytes, on its name (the
 * meeting date may come from the file name, the extension tells Markdown from
 * text), on `--date`, and on the code that made it. The key hashes all four, not
 * the path as typed: the same file given by a relative path and then an absolute
 * one, or moved to another folder, is not extracted again; its record's source
 * references are pointed at the new path instead (`relocateRecord`). The code is
 * identified by the pipeline version, which hashes
 * the compiled dist/ code and the versions of the libraries that read documents,
 * so any rebuild with a change invalidates every entry without anyone having to
 * remember to bump a constant.
 *
 * Layout: `<cache>/<pipeline version>/<key[0..2]>/<key>.json` (folders of other
 * versions are removed when the cache is opened), holding either the
 * record exactly as written to `meetings/`, or (`<key>.error.json`) the file's
 * IngestError. Only deterministic failures are cached: a timeout or a worker
 * running out of memory may pass on a quieter machine, so those are retried.
 */
import { FileFailure } from "../model/messages.js";
import { createHash } from "node:crypto";
import { readFileSync, type Stats } from "node:fs";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, join, relative, resolve, sep } from "node:path";
import type { MeetingRecord } from "../model/meeting.js";
import { writeFileAtomic } from "./atomic.js";
import { packageRoot, packageVersion } from "./package-root.js";

/** Libraries whose output shapes the records. */
const READING_LIBRARIES = ["mammoth", "pdfjs-dist", "unified", "remark-parse", "remark-gfm", "natural", "bidi-js", "zod"];
/** The OCR engine, its trained data and the page renderer: a new version reads scans differently. */
const OCR_LIBRARIES = ["tesseract.js", "@tesseract.js-data/ara", "@tesseract.js-data/fra", "@tesseract.js-data/eng", "@napi-rs/canvas"];

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function libraryVersion(name: string): string {
  const require = createRequire(join(packageRoot, "package.json"));
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return "absent";
  }
}

let cachedPipelineVersion: Promise<string> | undefined;

/** The shape of `pipelineVersion()`: only folders like this are ever removed from a cache folder. */
const VERSION_FOLDER = /^\d+\.\d+\.\d+[^/]*-[0-9a-f]{16}$/;

/** `<package version>-<16 hex>`: the same string for the same compiled code and libraries. */
export function pipelineVersion(): Promise<string> {
  cachedPipelineVersion ??= (async () => {
    const dist = join(packageRoot, "dist");
    const hash = createHash("sha256");
    for (const file of await listFiles(dist)) {
      hash.update(relative(dist, file).split(sep).join("/")).update("\0").update(await readFile(file)).update("\0");
    }
    for (const library of READING_LIBRARIES) hash.update(`${library}@${libraryVersion(library)}\0`);
    for (const library of OCR_LIBRARIES) hash.update(`${library}@${libraryVersion(library)}\0`);
    return `${packageVersion}-${hash.digest("hex").slice(0, 16)}`;
  })();
  return cachedPipelineVersion;
}

/** A deterministic failure, kept so that an unchanged file is not read again to fail again. */
export type CachedFailure = Omit<FileFailure, "file">;

/** A record's entry: its JSON, and the file's bytes (the same JSON, as the record file under meetings/ holds it). */
export type CacheEntry = { kind: "record"; json: string; bytes: Buffer } | { kind: "failure"; failure: CachedFailure };

export class RecordCache {
  private constructor(private readonly folder: string) {}

  static async open(root: string): Promise<RecordCache> {
    const version = await pipelineVersion();
    const folder = join(root, version);
    await mkdir(folder, { recursive: true });
    // Entries of other pipeline versions can never be hit again: drop them so the cache does not grow with every upgrade.
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== version && VERSION_FOLDER.test(entry.name)) {
        await rm(join(root, entry.name), { recursive: true, force: true });
      }
    }
    return new RecordCache(folder);
  }

  static key(contentSha256: string, path: string, date: string | undefined, ocr?: string): string {
    return createHash("sha256").update(`${contentSha256}\0${basename(path)}\0${date ?? ""}${ocr === undefined ? "" : `\0${ocr}`}`).digest("hex");
  }

  private entryPath(key: string, suffix: string): string {
    return join(this.folder, key.slice(0, 2), `${key}${suffix}`);
  }

  /**
   * The entry of `key`, if any. Read synchronously: a re-run over an archive of thousands of
   * records reads one small file for each, and a read handed to the thread pool costs more in
   * its round trips than the read itself.
   */
  get(key: string): CacheEntry | undefined {
    const bytes = readIfAny(this.entryPath(key, ".json"));
    if (bytes !== undefined) return { kind: "record", json: bytes.toString("utf8"), bytes };
    const failure = readIfAny(this.entryPath(key, ".error.json"))?.toString("utf8");
    if (failure === undefined) return undefined;
    try {
      const parsed = FileFailure.omit({ file: true }).safeParse(JSON.parse(failure));
      if (parsed.success) return { kind: "failure", failure: parsed.data };
    } catch {
      // A damaged entry is a miss: the file is extracted again and the entry rewritten.
    }
    return undefined;
  }

  async putRecord(key: string, json: string): Promise<void> {
    await mkdir(join(this.folder, key.slice(0, 2)), { recursive: true });
    await writeFileAtomic(this.entryPath(key, ".json"), json);
  }

  async putFailure(key: string, failure: CachedFailure): Promise<void> {
    await mkdir(join(this.folder, key.slice(0, 2)), { recursive: true });
    await writeFileAtomic(this.entryPath(key, ".error.json"), JSON.stringify(failure));
  }
}

function readIfAny(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** What an input file was when its content hash was taken: size, modification and change times, inode, and the hash. */
type IndexEntry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, sha256: string];

const INDEX_NAME = "inputs.json";
/** The index of the archive's record files (`meetings/*.json`) known to be as this pipeline writes them. */
export const RECORD_INDEX_NAME = "records.json";

/**
 * The content hash of each input file as it was when last read, with what the file system
 * said of the file then (size, modification and change times, inode). A re-run over an
 * archive of thousands of files takes each unchanged file's hash from here after a stat,
 * instead of reading and hashing every file again, as git's index does: writing a file, or
 * replacing it, changes its times or its inode. A file whose status differs in any of them is
 * read and hashed again. Kept in the cache's folder, beside the version folders: a content
 * hash does not depend on the code. Paths are absolute, so the same file given by another
 * relative path is found.
 *
 * The same index under another name (`RECORD_INDEX_NAME`) holds, for each record file of the
 * archive (`meetings/*.json`) that was validated by the schema and found to be exactly the text
 * this pipeline writes for it, the pipeline version that found it so: a re-run takes such a
 * record by `JSON.parse` alone instead of validating thousands of unchanged records again.
 */
export class InputIndex {
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, IndexEntry>,
  ) {}

  /** The index `name` (default the inputs' one) in the cache folder `root`. */
  static async open(root: string, name = INDEX_NAME): Promise<InputIndex> {
    const path = join(root, name);
    const entries = new Map<string, IndexEntry>();
    try {
      const parsed = JSON.parse(await readFile(path, "utf8")) as unknown;
      if (typeof parsed === "object" && parsed !== null) {
        for (const [file, entry] of Object.entries(parsed)) {
          if (Array.isArray(entry) && entry.length === 5 && entry.slice(0, 4).every((n) => typeof n === "number") && typeof entry[4] === "string") {
            entries.set(file, entry as IndexEntry);
          }
        }
      }
    } catch {
      // No index yet, or a damaged one: every file is read and hashed, and the index written again.
    }
    return new InputIndex(path, entries);
  }

  /** The sha256 (or other value) `file` had when last hashed, if its status `info` is the same as then. */
  known(file: string, info: Stats): string | undefined {
    const entry = this.entries.get(resolve(file));
    if (!entry) return undefined;
    const [size, mtimeMs, ctimeMs, ino, sha256] = entry;
    return size === info.size && mtimeMs === info.mtimeMs && ctimeMs === info.ctimeMs && ino === info.ino ? sha256 : undefined;
  }

  /** `file`, whose status was `info` before its bytes were read, has this sha256. */
  remember(file: string, info: Stats, sha256: string): void {
    this.entries.set(resolve(file), [info.size, info.mtimeMs, info.ctimeMs, info.ino, sha256]);
    this.changed = true;
  }

  /** Writes the index if a hash was taken since it was read. */
  async save(): Promise<void> {
    if (!this.changed) return;
    await writeFileAtomic(this.path, JSON.stringify(Object.fromEntries(this.entries)));
    this.changed = false;
  }
}

/**
 * A record read from the cache, for the same content found at `path`: every reference to the
 * file (`source.path`, each fact's `file`) names `path`. Other fields never hold the path.
 */
export function relocateRecord(record: MeetingRecord, path: string): MeetingRecord {
  const previous = record.source.path;
  if (previous === path) return record;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== "object" || value === null) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      copy[key] = (key === "file" || key === "path") && field === previous ? path : visit(field);
    }
    return copy;
  };
  return visit(record) as MeetingRecord;
}
