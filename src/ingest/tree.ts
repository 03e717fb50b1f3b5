/**
 * The one document model every reader returns: an mdast tree whose nodes carry
 * where they came from. GFM tables cannot express merged cells, so spans live on
 * the cell's `data` (like hast's colSpan/rowSpan), and readers never flatten them.
 */
import type { Root } from "mdast";
import type { DocumentFormat } from "../model/meeting.js";
import type { OcrOptions } from "./ocr.js";

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

declare module "mdast" {
  interface Data {
    source?: SourceLocation;
    colSpan?: number;
    rowSpan?: number;
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

/** A reader's message about something it could not represent faithfully. */
export interface IngestMessage {
  code: string;
  message: string;
  source?: SourceLocation;
}

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

/** How a reader treats pages without usable text (PDF pages, images). */
export interface ReadOptions {
  ocr?: OcrOptions;
  /** Called as each page's OCR starts (a page takes seconds): the batch counts its deadline per page. */
  onOcrPage?: (page: number) => void;
}

/** Every reader has this shape: bytes in, tree out, I/O left to the caller. */
export type Reader = (bytes: Uint8Array, path: string, options?: ReadOptions) => Promise<DocumentTree>;
