/**
 * Reads any supported document into the common tree. The reader is chosen from the
 * file's content, not its name: archives get renamed, and a ".doc" that is really a
 * .docx (or a ".pdf" that is a Word file) should still be read, with a note.
 */
import { extname } from "node:path";
import { readDocx } from "./docx.js";
import { IngestError } from "./errors.js";
import { EXPECTED_FORMAT, SUPPORTED_EXTENSIONS } from "./formats.js";
import { asPlainBytes, checkDocumentSize, readInputFile } from "./file.js";
import { imageKind, readImage } from "./image.js";
import { readPdf } from "./pdf.js";
import { detectTextEncoding, readMarkdown, readText } from "./text.js";
import type { DocumentFormat, DocumentTree, Reader, ReadOptions } from "./tree.js";

export { IngestError } from "./errors.js";
export type { DocumentTree, ReadOptions } from "./tree.js";
export { parseOcrLanguages, type OcrMode, type OcrOptions } from "./ocr.js";


export { MAX_DOCUMENT_BYTES } from "./file.js";
export { SUPPORTED_EXTENSIONS };

const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown"]);

/**
 * What the content looks like; `ole` is an OLE compound file (a legacy .doc, or an encrypted
 * .docx); `headerless-pdf` a PDF body (objects, a cross-reference table) without its `%PDF-`
 * line, which other readers (pdftotext) read, and so do we.
 */
type ContentKind = "zip" | "pdf" | "headerless-pdf" | "ole" | "text" | "image" | { unsupported: string };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** Readers such as Acrobat accept a PDF header anywhere in the first KiB. */
const PDF_HEADER_WINDOW = 1024;

/** Formats people send instead of minutes, named so the error says what the file is. */
const OTHER_SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document (save it as .docx)" }, // "{\rtf"
  { bytes: [0x52, 0x61, 0x72, 0x21], what: "a RAR archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: "a 7-Zip archive" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
];

const HTML_START = /^\s*<(?:!doctype\s+html|html[\s>])/i;
/** Enough characters to see past a BOM, whitespace and a doctype. */
const HTML_SNIFF_CHARS = 256;

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function pdfHeaderNearStart(bytes: Uint8Array): boolean {
  const window = Math.min(bytes.length - PDF_SIGNATURE.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= window; i++) if (startsWith(bytes, PDF_SIGNATURE, i)) return true;
  return false;
}

/** A PDF's first object at the start, or its cross-reference trailer at the end. */
const PDF_BODY_START = /^(?:%[^\r\n]*[\r\n]+)*\s*\d+\s+\d+\s+obj\b/;
const PDF_BODY_END = /startxref\s+\d+\s+%%EOF\s*$/;
const PDF_BODY_WINDOW = 1024;

function looksLikePdfBody(bytes: Uint8Array): boolean {
  const latin1 = new TextDecoder("latin1");
  return (
    PDF_BODY_START.test(latin1.decode(bytes.subarray(0, PDF_BODY_WINDOW))) ||
    PDF_BODY_END.test(latin1.decode(bytes.subarray(Math.max(0, bytes.length - PDF_BODY_WINDOW))))
  );
}

/**
 * The PDF with a header line: a damaged first line (`%PFD-1.4`) is overwritten in place, so
 * the byte offsets of the cross-reference table stay right; otherwise one is put in front
 * (pdf.js then finds the objects by scanning).
 */
function withPdfHeader(bytes: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode("%PDF-");
  const firstLine = /^%[^\r\n]{4,15}[\r\n]/.test(new TextDecoder("latin1").decode(bytes.subarray(0, 17)));
  if (firstLine) {
    const repaired = new Uint8Array(bytes);
    repaired.set(header);
    return repaired;
  }
  const repaired = new Uint8Array(bytes.length + 9);
  repaired.set(new TextEncoder().encode("%PDF-1.7\n"));
  repaired.set(bytes, 9);
  return repaired;
}

function sniff(bytes: Uint8Array): ContentKind {
  if (startsWith(bytes, ZIP_SIGNATURE)) return "zip";
  if (startsWith(bytes, OLE_SIGNATURE)) return "ole";
  if (startsWith(bytes, PDF_SIGNATURE)) return "pdf";
  if (imageKind(bytes)) return "image";
  const other = OTHER_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (other) return { unsupported: other.what };
  // Before the text test: a PDF whose streams are all plain text is valid ASCII.
  if (!pdfHeaderNearStart(bytes) && looksLikePdfBody(bytes)) return "headerless-pdf";
  const encoding = detectTextEncoding(bytes);
  if (encoding === null) {
    // Only binary junk before the header makes a PDF: a text file may well mention "%PDF-".
    return pdfHeaderNearStart(bytes) ? "pdf" : { unsupported: "binary content of an unknown format" };
  }
  const head = new TextDecoder(encoding).decode(bytes.subarray(0, HTML_SNIFF_CHARS * 4)).slice(0, HTML_SNIFF_CHARS);
  if (HTML_START.test(head)) return { unsupported: "an HTML page (save it as .docx or .pdf)" };
  return "text";
}


const FORMAT_NAMES: Record<DocumentFormat, string> = { docx: "a Word document", pdf: "a PDF", txt: "plain text", md: "Markdown", image: "an image (PNG, JPEG or TIFF)" };

function chooseReader(kind: Exclude<ContentKind, { unsupported: string }>, extension: string): { format: DocumentFormat; reader: Reader } {
  switch (kind) {
    // The docx reader knows OLE files: it reports encrypted .docx and legacy .doc precisely.
    case "zip":
    case "ole":
      return { format: "docx", reader: readDocx };
    case "pdf":
    case "headerless-pdf":
      return { format: "pdf", reader: readPdf };
    case "image":
      return { format: "image", reader: readImage };
    case "text":
      return MARKDOWN_EXTENSIONS.has(extension) ? { format: "md", reader: readMarkdown } : { format: "txt", reader: readText };
  }
}

/**
 * Reads `path` (or the given bytes, named by `path`) into a document tree. Every
 * failure is an IngestError naming the file: unreadable, empty, too large, an
 * unsupported kind of file, or whatever the format's reader reports.
 */
export async function readDocument(path: string, bytes?: Uint8Array, options?: ReadOptions): Promise<DocumentTree> {
  const content = bytes === undefined ? await readInputFile(path) : asPlainBytes(bytes);
  if (content.length === 0) throw new IngestError(path, "empty", "the file is empty (0 bytes)");
  checkDocumentSize(path, content.length);
  const kind = sniff(content);
  if (typeof kind === "object") throw new IngestError(path, "unsupported", `unsupported file: ${kind.unsupported}`);
  const extension = extname(path).toLowerCase();
  const { format, reader } = chooseReader(kind, extension);
  let document: DocumentTree;
  try {
    document = await reader(kind === "headerless-pdf" ? withPdfHeader(content) : content, path, options);
  } catch (error) {
    if (error instanceof IngestError) {
      if (kind !== "headerless-pdf") throw error;
      throw new IngestError(path, error.code, `has no %PDF- header line, and read as a PDF anyway: ${error.reason}`, { cause: error });
    }
    // A reader that crashes on bad input is a bug to fix, but the batch must go on.
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError(path, "corrupt", `could not be read as ${FORMAT_NAMES[format]}: ${reason}`, { cause: error });
  }
  if (kind === "headerless-pdf") {
    document.messages.push({ code: "pdf-no-header", message: "the file has no %PDF- header line; read as a PDF anyway" });
  }
  const expected = EXPECTED_FORMAT[extension];
  // .md and .txt are both text; reading Markdown as text or the reverse is not worth a note.
  const textual = (f: DocumentFormat | undefined) => f === "txt" || f === "md";
  // "-" is standard input: it has no name to disagree with.
  if (path !== "-" && expected !== document.format && !(textual(expected) && textual(document.format))) {
    document.messages.push({
      code: "extension-mismatch",
      message: `the name ends in "${extension || "(no extension)"}" but the content is ${FORMAT_NAMES[document.format]}; read as ${document.format}`,
    });
  }
  return document;
}
