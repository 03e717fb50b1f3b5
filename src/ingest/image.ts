/**
 * The image reader: a scan given as a picture (.png, .jpg, .tif/.tiff, multi-page TIFF
 * included) is recognised page by page (ocr.ts) and laid out and built into a tree by the
 * PDF reader's code, so that it reads as the same scan in a PDF would.
 *
 * PNG and JPEG are decoded by @napi-rs/canvas (Skia, which has no TIFF decoder); TIFF by
 * UTIF.js, every page of it. Page units are points at the resolution the file states
 * (PNG pHYs, JPEG JFIF, TIFF XResolution), else at DEFAULT_DPI.
 */
import { createRequire } from "node:module";
import { createCanvas, loadImage, type Canvas } from "@napi-rs/canvas";
import { IngestError } from "./errors.js";
import { recognisePages, type PageToRecognise } from "./ocr.js";
import { letterDirection } from "./pdf-lines.js";
import { layOutPage } from "./pdf-layout.js";
import { pagesToTree } from "./pdf.js";
import type { DocumentTree, IngestMessage, Reader } from "./tree.js";

const require = createRequire(import.meta.url);

/** The part of UTIF.js we use: its IFDs (pages) and their RGBA pixels. */
interface TiffPage {
  width: number;
  height: number;
  t282?: number[];
  t296?: number[];
  t254?: number[];
}
interface Utif {
  decode(buffer: ArrayBuffer): TiffPage[];
  decodeImage(buffer: ArrayBuffer, page: TiffPage): void;
  toRGBA8(page: TiffPage): Uint8Array;
}

/** Scanners' usual resolution, for images that do not state theirs. */
const DEFAULT_DPI = 200;
/** Stated resolutions outside these are taken for unset (72 is many programs' placeholder). */
const MIN_DPI = 100;
const MAX_DPI = 1200;

export type ImageKind = "png" | "jpeg" | "tiff";

export function imageKind(bytes: Uint8Array): ImageKind | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const ii = bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00;
  const mm = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a;
  return ii || mm ? "tiff" : undefined;
}

export const readImage: Reader = async (bytes, path, options) => {
  const kind = imageKind(bytes);
  if (!kind) throw new IngestError(path, "unsupported", "unsupported file: not a PNG, JPEG or TIFF image");
  if (options?.ocr?.mode === "never") throw new IngestError(path, "no-text-layer", "an image has no text layer: needs OCR (--ocr is never)");
  const pages = kind === "tiff" ? tiffPages(bytes, path) : [await singleImage(bytes, kind, path)];
  const messages: IngestMessage[] = [];
  const { recognised, text } = await recognisePages(
    pages,
    { textSoFar: "", ...(options?.ocr?.languages === undefined ? {} : { languages: options.ocr.languages }), ...(options?.onOcrPage ? { onOcrPage: options.onOcrPage } : {}) },
    messages,
  );
  const documentRtl = letterDirection(text) === "rtl";
  const laidOut = pages.map(({ page }) => {
    const result = recognised.get(page)!;
    return layOutPage(page, result.frame, result.runs, result.rulings, documentRtl);
  });
  if (!laidOut.some((page) => page.elements.length > 0)) {
    throw new IngestError(path, "no-text-layer", `no legible text: OCR read nothing on ${pages.length === 1 ? "the image" : `its ${pages.length} pages`}`);
  }
  const tree = pagesToTree(laidOut, messages);
  return { path, format: "image", pages: pages.length, metadata: {}, tree, messages, ocrPages: pages.map((p) => p.page) } satisfies DocumentTree;
};

function plausibleDpi(dpi: number | undefined): number {
  return dpi !== undefined && Number.isFinite(dpi) && dpi >= MIN_DPI && dpi <= MAX_DPI ? dpi : DEFAULT_DPI;
}

/**
 * Whether a PNG or JPEG holds image data its decoder can start on. Skia (in @napi-rs/canvas)
 * crashes the process, rather than failing, on a file without any (a header alone, a few
 * bytes): such files are refused before it sees them. A PNG needs its IHDR and an IDAT chunk
 * inside the file, a JPEG a frame header (SOF) and the start of its scan (SOS).
 */
function hasImageData(bytes: Uint8Array, kind: "png" | "jpeg"): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === "png") {
    let sawHeader = false;
    for (let at = 8; at + 12 <= bytes.length; ) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (at + 12 + length > bytes.length) return false;
      if (type === "IHDR") sawHeader = length === 13 && view.getUint32(at + 8) > 0 && view.getUint32(at + 12) > 0;
      if (type === "IDAT") return sawHeader && length > 0;
      at += 12 + length;
    }
    return false;
  }
  let sawFrame = false;
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (at + 2 + length > bytes.length) return false;
    // SOF0-SOF15, less DHT (C4), JPG (C8) and DAC (CC): the frame header, with its size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      sawFrame = length >= 8 && view.getUint16(at + 5) > 0 && view.getUint16(at + 7) > 0;
    }
    if (marker === 0xda) return sawFrame && at + 2 + length < bytes.length;
    at += 2 + length;
  }
  return false;
}

async function singleImage(bytes: Uint8Array, kind: "png" | "jpeg", path: string): Promise<PageToRecognise> {
  if (!hasImageData(bytes, kind)) throw new IngestError(path, "corrupt", `the ${kind === "png" ? "PNG" : "JPEG"} image is truncated or has no image data`);
  let canvas: Canvas;
  try {
    const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, image.width, image.height);
    context.drawImage(image, 0, 0);
  } catch (error) {
    throw new IngestError(path, "corrupt", `the ${kind === "png" ? "PNG" : "JPEG"} image cannot be decoded (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const scale = plausibleDpi(kind === "png" ? pngDpi(bytes) : jpegDpi(bytes)) / 72;
  return { page: 1, image: async () => ({ canvas, scale }) };
}

/** PNG's pHYs chunk: pixels per metre. */
function pngDpi(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === "pHYs" && length >= 9 && bytes[at + 16] === 1) return (view.getUint32(at + 8) * 0.0254);
    if (type === "IDAT" || type === "IEND") return undefined;
    at += 12 + length;
  }
  return undefined;
}

/** JPEG's JFIF APP0 segment: density in dots per inch (unit 1) or per centimetre (unit 2). */
function jpegDpi(bytes: Uint8Array): number | undefined {
  if (bytes[2] !== 0xff || bytes[3] !== 0xe0) return undefined;
  if (String.fromCharCode(...bytes.subarray(6, 10)) !== "JFIF") return undefined;
  const unit = bytes[13];
  const density = (bytes[14] << 8) | bytes[15];
  if (unit === 1) return density;
  if (unit === 2) return density * 2.54;
  return undefined;
}

function tiffPages(bytes: Uint8Array, path: string): PageToRecognise[] {
  const utif = require("utif") as Utif;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: TiffPage[];
  try {
    // Reduced-resolution images (thumbnails, NewSubfileType bit 0) are not pages.
    ifds = utif.decode(buffer).filter((ifd) => ((ifd.t254?.[0] ?? 0) & 1) === 0);
  } catch (error) {
    throw new IngestError(path, "corrupt", `the TIFF image cannot be decoded (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (ifds.length === 0) throw new IngestError(path, "corrupt", "the TIFF file holds no image");
  return ifds.map((ifd, index) => ({
    page: index + 1,
    image: async () => {
      try {
        utif.decodeImage(buffer, ifd);
        const rgba = utif.toRGBA8(ifd);
        const canvas = createCanvas(ifd.width, ifd.height);
        const context = canvas.getContext("2d");
        const data = context.createImageData(ifd.width, ifd.height);
        data.data.set(rgba);
        context.putImageData(data, 0, 0);
        const resolution = ifd.t282?.[0];
        // ResolutionUnit 3 is centimetres; 2 (inches) is the default.
        const dpi = resolution === undefined ? undefined : ifd.t296?.[0] === 3 ? resolution * 2.54 : resolution;
        return { canvas, scale: plausibleDpi(dpi) / 72 };
      } catch (error) {
        throw new IngestError(path, "corrupt", `page ${index + 1} of the TIFF image cannot be decoded (${error instanceof Error ? error.message : String(error)})`, { cause: error });
      }
    },
  }));
}
