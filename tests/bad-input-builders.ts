/**
 * Builders of small documents, good and bad, made byte by byte in test code so
 * every bad-input test shows exactly what is wrong with its file.
 */
import { createHash } from "node:crypto";
import { constants as zlibConstants, crc32, deflateRawSync, deflateSync } from "node:zlib";

export interface ZipMember {
  name: string;
  data: Uint8Array | string;
  /** Lie about the uncompressed size in both headers (a zip bomb declares gigabytes). */
  declaredSize?: number;
}

/** A zip archive with deflated members, as Word writes them. */
export function buildZip(members: readonly ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const data = typeof member.data === "string" ? Buffer.from(member.data, "utf8") : Buffer.from(member.data);
    const compressed = deflateRawSync(data);
    const name = Buffer.from(member.name, "utf8");
    const size = member.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function documentXml(paragraphs: readonly string[], prolog = ""): string {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** A minimal valid .docx: one paragraph per string. */
export function buildDocx(paragraphs: readonly string[], options: { documentXml?: string; declaredSize?: number } = {}): Buffer {
  const document: ZipMember = { name: "word/document.xml", data: options.documentXml ?? documentXml(paragraphs) };
  if (options.declaredSize !== undefined) document.declaredSize = options.declaredSize;
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: PACKAGE_RELS },
    document,
  ]);
}

/** The "billion laughs": ten levels of ten references, a few hundred bytes that expand to gigabytes. */
export function entityExpansionDocx(): Buffer {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level <= 10; level += 1) {
    entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  }
  const xml = documentXml(["PLACEHOLDER"], `<!DOCTYPE w:document [${entities.join("")}]>`).replace("PLACEHOLDER", "&lol10;");
  return buildDocx([], { documentXml: xml });
}

// ---------------------------------------------------------------- PDF

/** Assembles numbered PDF objects (1..n, object 1 the catalog) with a correct cross-reference table. */
function assemblePdf(objects: readonly (string | Buffer)[], trailerExtra = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const body = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, "latin1"),
      typeof object === "string" ? Buffer.from(object, "latin1") : object,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

function stream(content: Buffer | string, dictionary = ""): Buffer {
  const bytes = typeof content === "string" ? Buffer.from(content, "latin1") : content;
  return Buffer.concat([Buffer.from(`<< /Length ${bytes.length} ${dictionary}>>\nstream\n`, "latin1"), bytes, Buffer.from("\nendstream", "latin1")]);
}

const pdfString = (text: string): string => `(${text.replace(/[\\()]/g, "\\$&")})`;

/** A PDF whose pages each carry the given lines in Helvetica. Objects: 1 catalog, 2 pages, 3 font, then page and content pairs. */
export function buildTextPdf(pages: readonly (readonly string[])[]): Buffer {
  const objects: (string | Buffer)[] = [];
  const kids = pages.map((_, index) => `${4 + index * 2} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  pages.forEach((lines, index) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + index * 2} 0 R >>`);
    const text = lines.map((line, row) => `BT /F1 11 Tf 56 ${780 - row * 16} Td ${pdfString(line)} Tj ET`).join("\n");
    objects.push(stream(text));
  });
  return assemblePdf(objects);
}

/** A scanned page: one grey image and no text at all. */
export function buildImageOnlyPdf(): Buffer {
  const side = 64;
  const pixels = Buffer.alloc(side * side);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = (index * 7) % 256;
  return assemblePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    stream(`q 480 0 0 480 56 300 cm /Im1 Do Q`),
    stream(pixels, `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 `),
  ]);
}

/** RC4 by hand: OpenSSL 3 moved it to the legacy provider, which Node does not load. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const state = Array.from({ length: 256 }, (_, index) => index);
  let j = 0;
  for (let i = 0; i < 256; i += 1) {
    j = (j + state[i] + key[i % key.length]) & 255;
    [state[i], state[j]] = [state[j], state[i]];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let index = 0; index < data.length; index += 1) {
    i = (i + 1) & 255;
    j = (j + state[i]) & 255;
    [state[i], state[j]] = [state[j], state[i]];
    out[index] = data[index] ^ state[(state[i] + state[j]) & 255];
  }
  return out;
}

const PASSWORD_PADDING = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");
const md5 = (...parts: Buffer[]): Buffer => createHash("md5").update(Buffer.concat(parts)).digest();
const padPassword = (password: string): Buffer => Buffer.concat([Buffer.from(password, "latin1"), PASSWORD_PADDING]).subarray(0, 32);

/**
 * A PDF protected by a user password, with the standard security handler (revision 2,
 * RC4 40-bit: PDF 1.4 §3.5.2), so opening it needs the password.
 */
export function buildEncryptedPdf(userPassword: string, ownerPassword: string, lines: readonly string[]): Buffer {
  const fileId = createHash("md5").update("minutes-tracker test").digest();
  const owner = rc4(md5(padPassword(ownerPassword)).subarray(0, 5), padPassword(userPassword));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-44);
  const key = md5(padPassword(userPassword), owner, permissions, fileId).subarray(0, 5);
  const user = rc4(key, PASSWORD_PADDING);
  const objectKey = (number: number): Buffer =>
    md5(key, Buffer.from([number & 255, (number >> 8) & 255, (number >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = lines.map((line, row) => `BT /F1 11 Tf 56 ${780 - row * 16} Td ${pdfString(line)} Tj ET`).join("\n");
  return assemblePdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
      stream(rc4(objectKey(5), Buffer.from(content, "latin1"))),
      `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString("hex")}> /U <${user.toString("hex")}> /P -44 >>`,
    ],
    `/Encrypt 6 0 R /ID [<${fileId.toString("hex")}> <${fileId.toString("hex")}>] `,
  );
}

// ---------------------------------------------------------------- memory

/**
 * A zlib stream that inflates to `blocks` MiB of `byte`, built without ever holding them: one
 * MiB deflated with a full flush (which resets the dictionary, so every block compresses to
 * the same bytes), repeated, then an empty final block and the Adler-32 of the whole.
 */
export function inflatingZlib(byte: number, blocks: number): Buffer {
  const block = Buffer.alloc(1024 * 1024, byte);
  const piece = deflateRawSync(block, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const size = BigInt(block.length) * BigInt(blocks);
  const modulus = 65521n;
  const a = (1n + size * BigInt(byte)) % modulus;
  const b = (size + (BigInt(byte) * size * (size + 1n)) / 2n) % modulus;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: blocks }, () => piece), Buffer.from([0x03, 0x00]), adler]);
}

/**
 * A one-page PDF with a few KB of content stream that inflates to `mebibytes` MiB of spaces
 * (white space to the content parser, so the reader keeps inflating): deflated twice, as
 * `/Filter [/FlateDecode /FlateDecode]`.
 */
export function inflatingPdf(mebibytes: number): Buffer {
  const content = deflateSync(inflatingZlib(0x20, mebibytes), { level: 9 });
  return assemblePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    stream(content, "/Filter [/FlateDecode /FlateDecode] "),
  ]);
}

/** A .docx whose document.xml is about `mebibytes` MiB: that many paragraphs of ordinary text. */
export function largeDocx(mebibytes: number): Buffer {
  const paragraph = "Le comité a examiné l'avancement des engagements du plan d'action national et les rapports des ministères.";
  const count = Math.ceil((mebibytes * 1024 * 1024) / (paragraph.length + 60));
  return buildDocx(Array.from({ length: count }, (_, index) => `${index + 1}. ${paragraph}`));
}
