/**
 * A zip file written as a stream, entry after entry, for the workbook (an xlsx is a zip of XML
 * parts). Each entry is deflated as it is produced, its size and CRC-32 given in a data
 * descriptor after it, so nothing but the entry's current chunk is held; the central directory
 * (a few dozen bytes an entry) is written at the end. zlib deflates on libuv's thread pool,
 * so compressing one chunk overlaps with the program building the next.
 *
 * Only what an xlsx needs: deflate, UTF-8 names, no zip64 (an entry or the file past 4 GiB is
 * refused: Excel's row limit keeps a sheet far below it). Every entry carries the same
 * timestamp, given by the caller, so the same parts give the same bytes.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { constants, crc32, createDeflateRaw } from "node:zlib";

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC in the data descriptor; bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
const ZIP32_LIMIT = 0xffffffff;
/** Text gathered before it is handed to the compressor: fewer, larger chunks are much cheaper. */
const CHUNK_CHARACTERS = 1 << 16;

interface EntryRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** An entry being written: `write` text into it; the zip's `entry` closes it. */
export interface ZipEntryWriter {
  /** Appends text (UTF-8); resolves when the compressor can take more. */
  write(text: string): Promise<void> | void;
}

/** DOS date and time, as zip headers keep them (two-second resolution, years from 1980). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: EntryRecord[] = [];
  private offset = 0;
  private readonly stamp: { time: number; day: number };

  /** `date` stamps every entry; `level` is zlib's compression level. */
  constructor(
    private readonly output: Writable,
    date: Date,
    private readonly level: number = constants.Z_DEFAULT_COMPRESSION,
  ) {
    this.stamp = dosDateTime(date);
  }

  private async emit(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.output.write(bytes)) await once(this.output, "drain");
  }

  /** One entry, its content written by `produce`; resolves once it is compressed and out. */
  async entry(name: string, produce: (entry: ZipEntryWriter) => Promise<void> | void): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.day, 12);
    // CRC and sizes (14-25) stay zero: the data descriptor gives them.
    header.writeUInt16LE(nameBytes.length, 26);
    await this.emit(Buffer.concat([header, nameBytes]));

    const deflate = createDeflateRaw({ level: this.level });
    let compressed = 0;
    let crc = 0;
    let size = 0;
    // The compressed bytes go straight out; while the output is full the compressor waits, and so (by its backpressure) does `produce`.
    deflate.on("data", (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.output.write(chunk)) {
        deflate.pause();
        this.output.once("drain", () => deflate.resume());
      }
    });
    const ended = once(deflate, "end");
    let pending = "";
    const flush = async (): Promise<void> => {
      if (pending === "") return;
      const bytes = Buffer.from(pending, "utf8");
      pending = "";
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, "drain");
    };
    await produce({
      write: (text) => {
        pending += text;
        if (pending.length >= CHUNK_CHARACTERS) return flush();
      },
    });
    await flush();
    deflate.end();
    await ended;
    if (size > ZIP32_LIMIT || compressed > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) throw new Error(`zip entry ${name} is past 4 GiB, which this zip writer does not write`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.emit(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
  }

  /** Writes the central directory and ends the output; resolves once the output has it all. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.day, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk, internal and external attributes (30-41): none.
      header.writeUInt32LE(entry.offset, 42);
      await this.emit(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.output.end(end);
    await finished(this.output);
  }
}
