/**
 * The one document model every reader returns: an mdast tree whose nodes carry
 * where they came from. GFM tables cannot express merged cells, so spans live on
 * the cell's `data` (like hast's colSpan/rowSpan), and readers never flatten them.
 */
import type { Root } from "mdast";
import type { DocumentFormat } from "../model/meeting.js";
import type { OcrOptions } from "./ocr.js";
import type { UnstampedMessage } from "../model/messages.js";

/** Where a block came from. Pages, tables, rows and cells count from 1; `table` numbers the document's tables in reading order. */
export interface SourceLocation {
  page?: number;
  table?: number;
  row?: number;
  cell?: number;
  /** 1-based line in a text file. */
  line?: number;
  /** The block was read by OCR: the engine's mean confidence over its words (0-100). */
  ocrConfidence?: number;
}

/**
 * What a page carries around the body (.docx page headers and footers): letterheads, the
 * committee's name, often the date. Kept on the root's `data.furniture`, out of the body flow,
 * as the texts of their paragraphs in reading order (each distinct text once).
 */
export interface Furniture {
  headers: string[];
  footers: string[];
}

declare module "mdast" {
  interface Data {
    source?: SourceLocation;
    colSpan?: number;
    rowSpan?: number;
    /** On a list item or heading: the number Word displays before it ("2.3.", "(b)", "III."), which is not in its text. */
    label?: string;
    /** On a block: the texts of the footnotes and endnotes whose marks stand in it, in mark order. */
    notes?: string[];
    /** On a block: footnote marks set as small raised text in a PDF, or typed as superscript numbers in a .docx ("1" of "commitment 9¹"), kept out of its text. */
    noteMarks?: string[];
    /** On a table cell: its shading as six uppercase hex digits ("FF0000"). */
    fill?: string;
    /** On the root: page headers and footers. */
    furniture?: Furniture;
  }
}

export type { DocumentFormat } from "../model/meeting.js";

export interface DocumentMetadata {
  title?: string;
  author?: string;
  /** ISO 8601 timestamps as the file states them. */
  created?: string;
  modified?: string;
}

/** A reader's message about something it could not represent faithfully; the file is stamped on it by extraction. */
export type IngestMessage = UnstampedMessage<SourceLocation>;

export interface DocumentTree {
  path: string;
  format: DocumentFormat;
  /** Page count where the format has pages (PDF), else null. */
  pages: number | null;
  metadata: DocumentMetadata;
  tree: Root;
  messages: IngestMessage[];
  /** Pages read by OCR (1-based), when any was. */
  ocrPages?: number[];
}

/** A page's OCR starting: its number in the file, and which of the file's pages to OCR it is (`ordinal` of `of`, from 1). */
export interface OcrPageStart {
  page: number;
  ordinal: number;
  of: number;
}

/** How a reader treats pages without usable text (PDF pages, images). */
export interface ReadOptions {
  ocr?: OcrOptions;
  /** Called as each page's OCR starts (a page takes seconds): the batch counts its deadline per page, and shows the pages. */
  onOcrPage?: (start: OcrPageStart) => void;
}

/** Every reader has this shape: bytes in, tree out, I/O left to the caller. */
export type Reader = (bytes: Uint8Array, path: string, options?: ReadOptions) => Promise<DocumentTree>;
