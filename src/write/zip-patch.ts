/**
 * A finished zip rewritten with some entries replaced or added, the others
 * copied byte for byte (still compressed, never inflated): how the workbook gets
 * parts its writer cannot write. The zip is read where it lies, in memory or in
 * a file, through random access (its directory is at its end), and the result
 * is streamed out, so a workbook of tens of megabytes is never held whole.
 *
 * Only what a spreadsheet writer produces is read: one disk, no encryption, no
 * Zip64 (a zip of more than 65,535 entries or 4 GiB is refused, not misread).
 * Entries written here are deflated, with their sizes in their local header.
 */
import { once } from "node:events";
import { open } from "node:fs/promises";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { deflateRawSync, inflateRawSync } from "node:zlib";

/** Random access to a zip's bytes. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(bytes: Uint8Array): ZipSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { size: buffer.length, read: async (offset, length) => buffer.subarray(offset, offset + length) };
}

/** A zip in a file; `close` when done with it. */
export async function fileSource(path: string): Promise<ZipSource & { close(): Promise<void> }> {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory begins: the entries' bytes (data descriptors included) end there. */
  offset: number;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  localOffset: number;
  /** The entry's central directory record, as read. */
  record: Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
/** The end record and the longest comment it may carry. */
const END_SEARCH = END_RECORD_SIZE + 0xffff;
const NO_ZIP64 = 0xffffffff;
/** Kept entries are copied in pieces of this size. */
const COPY_CHUNK = 1 << 20;
/** Bit 11 of the general-purpose flags: the name is UTF-8. */
const UTF8_NAME = 0x0800;

function notReadable(why: string): Error {
  return new Error(`not a zip this program can rewrite: ${why}`);
}

/** The zip's entries, from its central directory. */
export async function readDirectory(source: ZipSource): Promise<ZipDirectory> {
  const tailStart = Math.max(0, source.size - END_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  let end = -1;
  for (let i = tail.length - END_RECORD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notReadable("no end of central directory");
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (tail.readUInt16LE(end + 4) !== 0 || tail.readUInt16LE(end + 8) !== count) throw notReadable("it spans several disks");
  if (count === 0xffff || directoryOffset === NO_ZIP64 || directorySize === NO_ZIP64) throw notReadable("it is a Zip64 archive");
  const directory = await source.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER) throw notReadable(`central directory record ${i + 1} is broken`);
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const length = 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    const record = directory.subarray(at, at + length);
    const entry: ZipEntry = {
      name: record.toString(flags & UTF8_NAME ? "utf8" : "latin1", 46, 46 + nameLength),
      method: record.readUInt16LE(10),
      compressedSize: record.readUInt32LE(20),
      localOffset: record.readUInt32LE(42),
      record,
    };
    if (flags & 1) throw notReadable(`${entry.name} is encrypted`);
    if (entry.compressedSize === NO_ZIP64 || record.readUInt32LE(24) === NO_ZIP64 || entry.localOffset === NO_ZIP64) throw notReadable("it is a Zip64 archive");
    entries.push(entry);
    at += length;
  }
  return { entries, offset: directoryOffset };
}

/** An entry's content, inflated. */
export async function readEntry(source: ZipSource, entry: ZipEntry): Promise<Buffer> {
  const header = await source.read(entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw notReadable(`${entry.name} has no local header`);
  const dataOffset = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await source.read(dataOffset, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw notReadable(`${entry.name} is compressed by method ${entry.method}`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The zip's checksum (CRC-32, as zlib computes it). */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function write(output: Writable, chunk: Buffer): Promise<void> {
  if (!output.write(chunk)) await once(output, "drain");
}

/**
 * Writes `source` to `output` with `parts` (entry name to content) in place of the entries of
 * those names, and added where there are none; ends `output`. Written entries take the
 * modification time of `stampFrom`'s entry (any entry of the zip), so the same zip and parts
 * give the same bytes.
 */
export async function patchZip(source: ZipSource, directory: ZipDirectory, parts: ReadonlyMap<string, string>, output: Writable, stampFrom = directory.entries[0]): Promise<void> {
  const kept = directory.entries.filter((entry) => !parts.has(entry.name));
  const byOffset = [...directory.entries].sort((a, b) => a.localOffset - b.localOffset);
  /** Where each entry's bytes end: the next entry's start, or the directory's (a data descriptor included). */
  const endOf = new Map(byOffset.map((entry, i) => [entry, byOffset[i + 1]?.localOffset ?? directory.offset]));
  const time = stampFrom?.record.readUInt16LE(12) ?? 0;
  const date = stampFrom?.record.readUInt16LE(14) ?? 0x21;

  const records: Buffer[] = [];
  let offset = 0;
  for (const entry of kept) {
    const record = Buffer.from(entry.record);
    record.writeUInt32LE(offset, 42);
    records.push(record);
    const end = endOf.get(entry) ?? entry.localOffset;
    for (let at = entry.localOffset; at < end; at += COPY_CHUNK) {
      const chunk = await source.read(at, Math.min(COPY_CHUNK, end - at));
      await write(output, chunk);
    }
    offset += end - entry.localOffset;
  }
  for (const [name, content] of parts) {
    const data = Buffer.from(content, "utf8");
    const compressed = deflateRawSync(data);
    const fileName = Buffer.from(name, "utf8");
    // Version 2.0, UTF-8 name, deflated, time, date, CRC, sizes, name length, no extra field.
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(UTF8_NAME, at);
      header.writeUInt16LE(8, at + 2);
      header.writeUInt16LE(time, at + 4);
      header.writeUInt16LE(date, at + 6);
      header.writeUInt32LE(crc32(data), at + 8);
      header.writeUInt32LE(compressed.length, at + 12);
      header.writeUInt32LE(data.length, at + 16);
      header.writeUInt16LE(fileName.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 8);
    central.writeUInt32LE(offset, 42);
    records.push(Buffer.concat([central, fileName]));
    await write(output, Buffer.concat([local, fileName, compressed]));
    offset += local.length + fileName.length + compressed.length;
  }
  const central = Buffer.concat(records);
  if (records.length >= 0xffff || offset + central.length >= NO_ZIP64) throw new Error("the rewritten zip would need Zip64");
  const endRecord = Buffer.alloc(END_RECORD_SIZE);
  endRecord.writeUInt32LE(END_OF_DIRECTORY, 0);
  endRecord.writeUInt16LE(records.length, 8);
  endRecord.writeUInt16LE(records.length, 10);
  endRecord.writeUInt32LE(central.length, 12);
  endRecord.writeUInt32LE(offset, 16);
  await write(output, central);
  output.end(endRecord);
  await finished(output);
}

