/**
 * A defensive reader for the zip container of Office Open XML files.
 *
 * Why not JSZip (which mammoth bundles): it trusts the sizes a file declares and inflates a
 * member completely before anyone can look at the result, so a zip bomb costs memory before it
 * can be refused. Here the central directory is read first and the archive is refused when
 * its declared sizes are implausible; a member is only inflated on demand, with zlib's
 * `maxOutputLength` capping the output at the size the directory declared, and its CRC checked.
 *
 * Only what a .docx needs is supported: stored and deflated members, ZIP64 records (some
 * writers emit them even for small files), no multi-disk archives, no zip encryption.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { IngestError } from "./errors.js";

export interface ZipLimits {
  /** Refuse an archive whose members together declare more uncompressed bytes than this. */
  maxTotalBytes: number;
  /** Refuse a member that declares a compression ratio above this ... */
  maxRatio: number;
  /** ... when it also declares more than this many uncompressed bytes (small XML parts compress 100:1 honestly). */
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * MB, maxRatio: 1000, ratioFloorBytes: 10 * MB };

interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_EXTRA_FIELD_ID = 0x0001;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8_NAME = 0x800;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** True when the bytes start like a zip archive (a local header, or the end record of an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1;
}

export class ZipArchive {
  /** Member names as stored, keyed by their lowercase form: OPC part names are case-insensitive. */
  private readonly entries: Map<string, ZipEntry>;

  private constructor(
    private readonly file: string,
    private readonly bytes: Uint8Array,
    private readonly view: DataView,
    entries: Map<string, ZipEntry>,
  ) {
    this.entries = entries;
  }

  /**
   * Reads the central directory and refuses the archive (IngestError) if it is truncated,
   * inconsistent, encrypted, or declares sizes beyond `limits`. Nothing is inflated here.
   */
  static open(file: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const corrupt = (reason: string): IngestError => new IngestError(file, "corrupt", reason);

    const end = findEndOfCentralDirectory(view);
    if (end < 0) throw corrupt("not a complete zip archive (no end of central directory: truncated?)");
    let entryCount = view.getUint16(end + 10, true);
    let directorySize = view.getUint32(end + 12, true);
    let directoryOffset = view.getUint32(end + 16, true);

    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locator = end - 20;
      if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
        throw corrupt("zip archive announces ZIP64 records that are missing");
      }
      const zip64End = toSafeNumber(view.getBigUint64(locator + 8, true));
      if (zip64End === null || zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== ZIP64_END_SIGNATURE) {
        throw corrupt("zip archive has a broken ZIP64 end record");
      }
      const count = toSafeNumber(view.getBigUint64(zip64End + 32, true));
      const size = toSafeNumber(view.getBigUint64(zip64End + 40, true));
      const offset = toSafeNumber(view.getBigUint64(zip64End + 48, true));
      if (count === null || size === null || offset === null) throw corrupt("zip archive has impossible ZIP64 sizes");
      entryCount = count;
      directorySize = size;
      directoryOffset = offset;
    }
    if (directoryOffset + directorySize > bytes.length) {
      throw corrupt("zip central directory lies beyond the end of the file (truncated?)");
    }
    // Each central header is at least 46 bytes: a count the directory cannot hold is a lie.
    if (entryCount * 46 > directorySize) throw corrupt("zip central directory is shorter than its entry count");

    const entries = new Map<string, ZipEntry>();
    let declaredTotal = 0;
    let at = directoryOffset;
    for (let i = 0; i < entryCount; i++) {
      if (at + 46 > directoryOffset + directorySize || view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) {
        throw corrupt("zip central directory is damaged");
      }
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      let compressedSize = view.getUint32(at + 20, true);
      let uncompressedSize = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      let localHeaderOffset = view.getUint32(at + 42, true);
      const nameStart = at + 46;
      const extraStart = nameStart + nameLength;
      const next = extraStart + extraLength + commentLength;
      if (next > directoryOffset + directorySize) throw corrupt("zip central directory is damaged");
      const nameBytes = bytes.subarray(nameStart, extraStart);
      const name = (flags & FLAG_UTF8_NAME ? utf8 : latin1).decode(nameBytes);

      if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        const zip64 = readZip64Extra(view, extraStart, extraLength, {
          uncompressed: uncompressedSize === 0xffffffff,
          compressed: compressedSize === 0xffffffff,
          offset: localHeaderOffset === 0xffffffff,
        });
        if (zip64 === null) throw corrupt(`zip entry ${name} has a broken ZIP64 field`);
        uncompressedSize = zip64.uncompressed ?? uncompressedSize;
        compressedSize = zip64.compressed ?? compressedSize;
        localHeaderOffset = zip64.offset ?? localHeaderOffset;
      }

      if (flags & FLAG_ENCRYPTED) {
        throw new IngestError(file, "encrypted", `zip entry ${name} is encrypted`);
      }
      declaredTotal += uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        throw new IngestError(
          file,
          "too-large",
          `zip archive declares more than ${limits.maxTotalBytes} uncompressed bytes (zip bomb?)`,
        );
      }
      if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
        throw new IngestError(
          file,
          "too-large",
          `zip entry ${name} declares ${uncompressedSize} bytes from ${compressedSize} compressed (ratio above ${limits.maxRatio}:1, zip bomb?)`,
        );
      }
      const key = name.toLowerCase();
      if (entries.has(key)) throw corrupt(`zip archive holds ${name} twice`);
      entries.set(key, { name, method, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset });
      at = next;
    }
    return new ZipArchive(file, bytes, view, entries);
  }

  /** Member names as stored. */
  names(): string[] {
    return [...this.entries.values()].map((entry) => entry.name);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Declared uncompressed size of a member, or undefined when absent. */
  sizeOf(name: string): number | undefined {
    return this.entries.get(name.toLowerCase())?.uncompressedSize;
  }

  /** Inflates one member, never past the size the central directory declared. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name.toLowerCase());
    const corrupt = (reason: string): IngestError => new IngestError(this.file, "corrupt", reason);
    if (!entry) throw corrupt(`zip archive has no ${name}`);
    const local = entry.localHeaderOffset;
    if (local + 30 > this.bytes.length || this.view.getUint32(local, true) !== LOCAL_HEADER_SIGNATURE) {
      throw corrupt(`zip entry ${entry.name} has no local header (truncated?)`);
    }
    const dataStart = local + 30 + this.view.getUint16(local + 26, true) + this.view.getUint16(local + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > this.bytes.length) throw corrupt(`zip entry ${entry.name} is cut short (truncated file)`);
    const data = this.bytes.subarray(dataStart, dataEnd);

    let content: Uint8Array;
    if (entry.method === METHOD_STORED) {
      content = data;
    } else if (entry.method === METHOD_DEFLATED) {
      try {
        // maxOutputLength must be at least 1; a member declaring 0 bytes that inflates to 1 fails the size check below.
        content = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      } catch (error) {
        throw new IngestError(
          this.file,
          "corrupt",
          `zip entry ${entry.name} does not inflate to its declared ${entry.uncompressedSize} bytes`,
          { cause: error },
        );
      }
    } else {
      throw new IngestError(this.file, "unsupported", `zip entry ${entry.name} uses compression method ${entry.method}`);
    }
    if (content.length !== entry.uncompressedSize) {
      throw corrupt(`zip entry ${entry.name} holds ${content.length} bytes, not the declared ${entry.uncompressedSize}`);
    }
    if (crc32(content) !== entry.crc32) throw corrupt(`zip entry ${entry.name} fails its CRC check`);
    return content;
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - END_OF_CENTRAL_DIRECTORY_SIZE;
  const first = Math.max(0, last - MAX_ZIP_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY_SIGNATURE) return at;
  }
  return -1;
}

function toSafeNumber(value: bigint): number | null {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** The ZIP64 extended-information field holds, in this order, only the values whose 32-bit field overflowed. */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  wanted: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } | null {
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    const body = at + 4;
    if (body + size > end) return null;
    if (id === ZIP64_EXTRA_FIELD_ID) {
      const result: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let field = body;
      for (const key of ["uncompressed", "compressed", "offset"] as const) {
        if (!wanted[key]) continue;
        if (field + 8 > body + size) return null;
        const value = toSafeNumber(view.getBigUint64(field, true));
        if (value === null) return null;
        result[key] = value;
        field += 8;
      }
      return result;
    }
    at = body + size;
  }
  return null;
}
