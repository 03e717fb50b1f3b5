/**
 * The workbook's rows about each meeting kept between runs (`KeptRows` of `write/xlsx.ts`), in
 * the cache folder of the pipeline version: a new build never reads what another one wrote,
 * and the folder goes with the version's records when the cache drops it.
 *
 * Per sheet, an index (`<sheet>.index.json`: the sheet's context, and for each key the data
 * file, place and size of its fragment and what it was written for) and data files
 * (`<sheet>-<random>.kept`), each written by one run and never changed after: a fragment is
 * its texts (JSON) and a line break, then its XML. A run writes the fragments it built into a
 * file of its own, then the index (atomically) naming the fragments it used, old and new; data
 * files the index no longer names are removed. A run stopped midway leaves the last index
 * whole. An index that is missing, of another context or damaged, and a fragment whose file
 * is gone or too short, are not found: the rows are built again.
 *
 * When the files hold more than twice what the index uses (meetings gone, layouts changed), or
 * are many, the run writes every fragment it uses into its own file, and the others go.
 *
 * The cache only saves time: a file that cannot be written leaves the next run to build the
 * rows again.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { MeetingRecord } from "../model/meeting.js";
import type { RowFragment } from "../write/sheetml.js";
import type { KeptGroup, KeptRows, KeptSheet } from "../write/xlsx.js";
import { temporaryPathFor } from "./atomic.js";

/** Bytes gathered before a write to the run's data file. */
const BATCH = 1 << 20;
/** Data files a sheet may have before its fragments are gathered into one. */
const MAX_FILES = 8;

interface Placed {
  file: string;
  offset: number;
  length: number;
  group: KeptGroup;
}

interface SheetIndex {
  context: string;
  groups: Record<string, Placed>;
}

class KeptSheetFiles implements KeptSheet {
  /** The last run's fragments that can be read, and the open data files they are in. */
  private readonly last = new Map<string, Placed>();
  private readonly files = new Map<string, number>();
  /** Whether every fragment used is written into this run's file (see the module's note). */
  private readonly gather: boolean;
  private readonly index: SheetIndex;
  private readonly file: string;
  private fd: number | undefined;
  private opened = false;
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly folder: string,
    private readonly sheet: string,
    context: string,
  ) {
    this.index = { context, groups: {} };
    this.file = `${sheet}-${randomBytes(6).toString("hex")}.kept`;
    let used = 0;
    let size = 0;
    try {
      const last = JSON.parse(readFileSync(this.indexPath(), "utf8")) as SheetIndex;
      if (last.context === context) {
        const sizes = new Map<string, number>();
        for (const [key, placed] of Object.entries(last.groups)) {
          if (!sizes.has(placed.file)) sizes.set(placed.file, this.openData(placed.file));
          if (placed.offset + placed.length > (sizes.get(placed.file) ?? 0)) continue;
          this.last.set(key, placed);
          used += placed.length;
        }
        for (const bytes of sizes.values()) size += bytes;
      }
    } catch {
      // No index, or a damaged one: nothing is found.
    }
    this.gather = this.files.size > MAX_FILES || size > 2 * used;
  }

  private indexPath(): string {
    return join(this.folder, `${this.sheet}.index.json`);
  }

  /** Opens a data file the index names; its size, or 0 when it cannot be read. */
  private openData(file: string): number {
    try {
      const fd = openSync(join(this.folder, file), "r");
      this.files.set(file, fd);
      return fstatSync(fd).size;
    } catch {
      return 0;
    }
  }

  find(key: string): KeptGroup | undefined {
    return this.last.get(key)?.group;
  }

  fragment(key: string): RowFragment {
    const placed = this.last.get(key);
    const fd = placed && this.files.get(placed.file);
    if (!placed || fd === undefined) throw new Error(`no rows kept under ${key}`);
    const bytes = Buffer.alloc(placed.length);
    if (readSync(fd, bytes, 0, placed.length, placed.offset) !== placed.length) throw new Error(`the rows kept under ${key} are cut short`);
    // The texts' JSON, a line break (which the XML, all markup and numbers, never holds), the XML.
    const end = bytes.indexOf(0x0a);
    const [references, texts] = JSON.parse(bytes.toString("utf8", 0, end)) as [number, string[]];
    return { xml: bytes.subarray(end + 1), rows: placed.group.rows, texts, references };
  }

  keep(key: string, group: KeptGroup, fragment: RowFragment): void {
    if (key in this.index.groups) return;
    const last = this.last.get(key);
    // A fragment found and used as it was stays where it is, unless the files are gathered.
    if (last && !this.gather && sameGroup(last.group, group)) {
      this.index.groups[key] = last;
      return;
    }
    if (!this.openOwn()) return;
    const bytes = Buffer.concat([Buffer.from(`${JSON.stringify([fragment.references, fragment.texts])}\n`, "utf8"), fragment.xml]);
    this.index.groups[key] = { file: this.file, offset: this.written, length: bytes.length, group };
    this.written += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= BATCH) this.flush();
  }

  /** This run's data file, opened when it first needs it; false when it cannot be written. */
  private openOwn(): boolean {
    if (!this.opened) {
      this.opened = true;
      try {
        this.fd = openSync(join(this.folder, this.file), "wx");
      } catch {
        this.fd = undefined;
      }
    }
    return this.fd !== undefined;
  }

  private flush(): void {
    if (this.fd !== undefined && this.pending.length > 0) {
      try {
        writeSync(this.fd, Buffer.concat(this.pending));
      } catch {
        closeSync(this.fd);
        this.fd = undefined;
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  async commit(): Promise<void> {
    this.flush();
    const ownWritten = this.fd !== undefined;
    this.closeAll();
    const groups = Object.entries(this.index.groups).filter(([, placed]) => placed.file !== this.file || ownWritten);
    const index: SheetIndex = { context: this.index.context, groups: Object.fromEntries(groups) };
    const path = this.indexPath();
    const temporary = temporaryPathFor(path);
    try {
      writeFileSync(temporary, JSON.stringify(index));
      renameSync(temporary, path);
    } catch {
      rmSync(temporary, { force: true });
      return;
    }
    const named = new Set(groups.map(([, placed]) => placed.file));
    for (const file of readdirSync(this.folder)) {
      if (file.startsWith(`${this.sheet}-`) && file.endsWith(".kept") && !named.has(file)) rmSync(join(this.folder, file), { force: true });
    }
  }

  async abandon(): Promise<void> {
    this.pending = [];
    this.closeAll();
    rmSync(join(this.folder, this.file), { force: true });
  }

  private closeAll(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}

function sameGroup(a: KeptGroup, b: KeptGroup): boolean {
  return a.rows === b.rows && a.layout === b.layout && JSON.stringify(a.looks) === JSON.stringify(b.looks) && JSON.stringify(a.longest) === JSON.stringify(b.longest);
}

/**
 * The kept rows in `folder` (created if need be), or undefined when it cannot be.
 * `recordDigests` gives each record the digest of the text it was parsed from.
 */
export async function openKeptRows(folder: string, recordDigests: WeakMap<MeetingRecord, string>): Promise<KeptRows | undefined> {
  try {
    await mkdir(folder, { recursive: true });
  } catch {
    return undefined;
  }
  return {
    sheet: (sheet, context) => new KeptSheetFiles(folder, sheet, context),
    recordDigest: (record) => recordDigests.get(record),
  };
}
