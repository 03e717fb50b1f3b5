/**
 * The one table of formats: each extension and the format its files are read as. Kept apart from
 * the readers so that listing an archive's files does not load the parsers.
 */
import type { DocumentFormat } from "./tree.js";

export const EXPECTED_FORMAT: Readonly<Record<string, DocumentFormat>> = {
  ".docx": "docx",
  ".pdf": "pdf",
  ".txt": "txt",
  ".md": "md",
  ".markdown": "md",
  ".png": "image",
  ".jpg": "image",
  ".jpeg": "image",
  ".tif": "image",
  ".tiff": "image",
};

/** The extensions a folder's files are read by (images by OCR). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXPECTED_FORMAT);
