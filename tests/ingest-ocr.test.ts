/**
 * OCR of scanned pages and images. The page images are small crops of the scan-like corpus
 * renderings (fixtures/ocr/README.md); the PDFs around them are built here. Each OCR'd page
 * costs seconds, so the pages are few and small; the pixel measurements are tested on images
 * drawn in code.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Nodes, Root } from "mdast";
import { createCanvas, loadImage, type Canvas } from "@napi-rs/canvas";
import { afterAll, describe, expect, it } from "vitest";
import { readDocument } from "../src/ingest/index.js";
import { IngestError } from "../src/ingest/errors.js";
import { stopOcrEngine } from "../src/ingest/ocr-engine.js";
import { cellCrop, darkThreshold, estimateSkew, findPixelRulings, greyFromRgba, liesOnItsSide, type GreyImage } from "../src/ingest/ocr-image.js";
import { languagesForScript, parseOcrLanguages, snapSizes } from "../src/ingest/ocr.js";
import type { PlacedText } from "../src/ingest/pdf-lines.js";
import type { DocumentTree } from "../src/ingest/tree.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url));

afterAll(stopOcrEngine);

// ------------------------------------------------------------------ PDF building

function assemblePdf(objects: readonly (string | Buffer)[]): Buffer {
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
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

function stream(content: Buffer | string, dictionary = ""): Buffer {
  const bytes = typeof content === "string" ? Buffer.from(content, "latin1") : content;
  return Buffer.concat([Buffer.from(`<< /Length ${bytes.length} ${dictionary}>>\nstream\n`, "latin1"), bytes, Buffer.from("\nendstream", "latin1")]);
}

/** A page of typed Helvetica lines, or a scanned page: one JPEG covering it, at 200 dpi. */
type TestPage = { lines: string[] } | { jpeg: Buffer; width: number; height: number };

/** Objects: 1 catalog, 2 pages, 3 font, then for each page its page, content and (scans) image objects. */
function buildPdf(pages: TestPage[]): Buffer {
  const objects: (string | Buffer)[] = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"];
  const kids: number[] = [];
  for (const page of pages) {
    const id = objects.length + 1;
    kids.push(id);
    if ("lines" in page) {
      const text = page.lines.map((line, row) => `BT /F1 11 Tf 56 ${780 - row * 16} Td (${line.replace(/[\\()]/g, "\\$&")}) Tj ET`).join("\n");
      objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`);
      objects.push(stream(text));
    } else {
      const w = (page.width * 72) / 200;
      const h = (page.height * 72) / 200;
      objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im1 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`);
      objects.push(stream(`q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q`));
      objects.push(stream(page.jpeg, `/Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode `));
    }
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  return assemblePdf(objects);
}

async function scanPage(name: string): Promise<TestPage> {
  const jpeg = fixture(name);
  const image = await loadImage(jpeg);
  return { jpeg, width: image.width, height: image.height };
}

/** A white page-sized JPEG with a little scanner noise and nothing on it. */
function blankScan(): TestPage {
  const canvas = createCanvas(400, 560);
  const context = canvas.getContext("2d");
  context.fillStyle = "#fdfdfd";
  context.fillRect(0, 0, 400, 560);
  context.fillStyle = "#777777";
  for (let i = 0; i < 20; i++) context.fillRect((i * 97) % 400, (i * 61) % 560, 1, 1);
  return { jpeg: canvas.toBuffer("image/jpeg", 80), width: 400, height: 560 };
}

// ------------------------------------------------------------------ tree helpers

function textOf(node: Nodes): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map((child) => textOf(child as Nodes)).join(" ") : "";
}

function allText(tree: Root): string {
  return tree.children.map((child) => textOf(child)).join("\n");
}

function blocksWithText(document: DocumentTree, needle: string): Nodes[] {
  return document.tree.children.filter((child) => textOf(child).includes(needle));
}

// ------------------------------------------------------------------ OCR'd documents

describe("scanned pages are read by OCR into the same tree as typed ones", () => {
  it("reads a scanned Arabic table from its drawn borders, cell by cell, right to left", async () => {
    const document = await readDocument("table.pdf", buildPdf([await scanPage("table-ar.jpg")]));
    expect(document.ocrPages).toEqual([1]);
    const table = document.tree.children.find((child) => child.type === "table");
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    // Header, commitment 1, commitment 2: four columns, the number first in logical order.
    expect(table.children.length).toBeGreaterThanOrEqual(3);
    const cells = (row: number) => table.children[row].children.map((cell) => textOf(cell).trim());
    expect(cells(0)).toHaveLength(4);
    expect(cells(0)[0]).toMatch(/عدد/);
    expect(cells(0)[1]).toMatch(/التعهد/);
    expect(cells(1)[0]).toBe("1");
    expect(cells(1)[1]).toMatch(/النفاذ إلى المعلومة/);
    expect(cells(2)[0]).toBe("2");
    expect(cells(2)[2]).toMatch(/^30\s?%$/);
    expect(cells(2)[3]).toMatch(/ليلى الشابي/);
    // Each OCR'd block carries the engine's confidence.
    expect(table.children[1].data?.source?.ocrConfidence).toBeGreaterThan(50);
    expect(document.messages.find((m) => m.code === "ocr-pages")?.message).toMatch(/page 1 read by OCR \(Tesseract, ara\), mean confidence \d+/);
  });

  it("reads a mixed PDF: the typed page from its text layer, the scanned one by OCR", async () => {
    const typed: TestPage = { lines: ["Proces-verbal de la reunion du comite consultatif", "Le comite s'est reuni le jeudi 14 septembre 2023."] };
    const document = await readDocument("mixed.pdf", buildPdf([typed, await scanPage("text-fr.jpg")]));
    expect(document.ocrPages).toEqual([2]);
    const [typedBlock] = blocksWithText(document, "14 septembre 2023");
    expect(typedBlock.data?.source).toEqual({ page: 1 });
    const [rate] = blocksWithText(document, "Taux de réalisation : 80 %");
    expect(rate.data?.source?.page).toBe(2);
    expect(rate.data?.source?.ocrConfidence).toBeGreaterThan(60);
    // The page's bullets are a list, its bold title a heading, as in the typed rendering.
    const list = document.tree.children.find((child) => child.type === "list");
    expect(list && textOf(list)).toMatch(/projets de décrets gouvernementaux/);
    const heading = document.tree.children.find((child) => child.type === "heading");
    expect(heading && textOf(heading)).toMatch(/^Engagement n°1 : Compléter le cadre réglementaire du droit d'accès à l'information$/);
  });

  it("reads an image file the same way, and a page that lies on its side", async () => {
    const jpeg = fixture("text-fr.jpg");
    const image = await readDocument("scan.jpg", jpeg);
    expect(image.format).toBe("image");
    expect(image.pages).toBe(1);
    expect(allText(image.tree)).toMatch(/Statut : partiellement réalisé/);

    const source = await loadImage(jpeg);
    const sideways = createCanvas(source.height, source.width);
    const context = sideways.getContext("2d");
    context.translate(source.height, 0);
    context.rotate(Math.PI / 2);
    context.drawImage(source, 0, 0);
    const turned = await readDocument("sideways.png", sideways.toBuffer("image/png"));
    expect(allText(turned.tree)).toMatch(/Taux de réalisation : 80 %/);
    expect(turned.messages.some((m) => m.code === "ocr-page-turned")).toBe(true);
  });

  it("reads every page of a multi-page TIFF", async () => {
    const source = await loadImage(fixture("text-fr.jpg"));
    const first = createCanvas(source.width, source.height);
    first.getContext("2d").drawImage(source, 0, 0);
    const blank = createCanvas(400, 300);
    blank.getContext("2d").fillStyle = "#ffffff";
    blank.getContext("2d").fillRect(0, 0, 400, 300);
    const document = await readDocument("scan.tif", multiPageTiff([first, blank], 200));
    expect(document.format).toBe("image");
    expect(document.pages).toBe(2);
    expect(document.ocrPages).toEqual([1, 2]);
    expect(allText(document.tree)).toMatch(/Engagement n°1/);
    expect(document.messages.some((m) => m.code === "ocr-nothing-legible" && m.source?.page === 2)).toBe(true);
  });

  it("refuses an image with no image data as corrupt (its decoder would crash on it)", async () => {
    const png = fixtureFreeBlankPng();
    for (const [name, bytes] of [
      ["header.png", png.subarray(0, 33)],
      ["tiny.png", png.subarray(0, 12)],
      ["tiny.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
      ["header.jpg", fixture("text-fr.jpg").subarray(0, 600)],
    ] as const) {
      await expect(readDocument(name, bytes)).rejects.toMatchObject({ code: "corrupt", reason: expect.stringMatching(/truncated or has no image data/) });
    }
  });

  it("says a blank scan has no legible text, and needs OCR when OCR is off", async () => {
    const blank = buildPdf([blankScan()]);
    const error = await readDocument("blank.pdf", blank).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).reason).toBe("no legible text: OCR read nothing on its page");
    const off = await readDocument("blank.pdf", blank, { ocr: { mode: "never" } }).catch((e: unknown) => e);
    expect((off as IngestError).reason).toBe("no text layer: needs OCR");
    const image = await readDocument("blank.png", fixtureFreeBlankPng()).catch((e: unknown) => e);
    expect((image as IngestError).reason).toBe("no legible text: OCR read nothing on the image");
  });
});

interface UtifEncoder {
  encode(ifds: object[]): ArrayBuffer;
}

/** An uncompressed RGBA TIFF with one page per canvas (UTIF.js writes the directories, we the pixels). */
function multiPageTiff(pages: Canvas[], dpi: number): Buffer {
  const utif = createRequire(import.meta.url)("utif") as UtifEncoder;
  const header = 20_000;
  const pixels = pages.map((page) => page.getContext("2d").getImageData(0, 0, page.width, page.height).data);
  let offset = header;
  const ifds = pages.map((page, index) => {
    const ifd = {
      t256: [page.width], t257: [page.height], t258: [8, 8, 8, 8], t259: [1], t262: [2], t273: [offset], t277: [4],
      t278: [page.height], t279: [pixels[index].length], t282: [dpi], t283: [dpi], t284: [1], t296: [2], t338: [1],
    };
    offset += pixels[index].length;
    return ifd;
  });
  const directories = new Uint8Array(utif.encode(ifds));
  const file = Buffer.alloc(offset);
  file.set(directories, 0);
  let at = header;
  for (const data of pixels) {
    file.set(data, at);
    at += data.length;
  }
  return file;
}

function fixtureFreeBlankPng(): Buffer {
  const canvas = createCanvas(300, 200);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 300, 200);
  return canvas.toBuffer("image/png");
}

// ------------------------------------------------------------------ pixel measurements

function greyOf(canvas: Canvas): GreyImage {
  return greyFromRgba(canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
}

/** Lines of "text" (dashes of ink) tilted by `degrees`, clockwise. */
function tiltedLines(degrees: number): Canvas {
  const canvas = createCanvas(800, 600);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 800, 600);
  context.translate(400, 300);
  context.rotate((degrees * Math.PI) / 180);
  context.fillStyle = "#000000";
  for (let y = -250; y < 250; y += 30) for (let x = -350; x < 350; x += 40) context.fillRect(x, y, 30, 8);
  return canvas;
}

describe("page image measurements", () => {
  it("finds the skew of text lines, either way", () => {
    for (const degrees of [-1.2, 0, 0.6]) {
      const grey = greyOf(tiltedLines(degrees));
      expect(estimateSkew(grey, darkThreshold(grey))).toBeCloseTo(degrees, 1);
    }
  });

  it("tells a page on its side", () => {
    const upright = greyOf(tiltedLines(0));
    const side = createCanvas(600, 800);
    const context = side.getContext("2d");
    context.translate(600, 0);
    context.rotate(Math.PI / 2);
    context.drawImage(tiltedLines(0), 0, 0);
    const sideways = greyOf(side);
    expect(liesOnItsSide(upright, darkThreshold(upright))).toBe(false);
    expect(liesOnItsSide(sideways, darkThreshold(sideways))).toBe(true);
  });

  it("cuts a cell out with its paper white and its ink black, keeping the letters' grey edges", () => {
    // A shaded cell (paper at 200) on a white page, a stroke of ink at 40 with a grey edge at 120.
    const width = 20;
    const data = new Uint8Array(width * 10).fill(255);
    for (let y = 2; y < 8; y++) for (let x = 2; x < 18; x++) data[y * width + x] = 200;
    for (let y = 4; y < 6; y++) {
      data[y * width + 6] = 120;
      for (let x = 7; x < 12; x++) data[y * width + x] = 40;
    }
    const crop = cellCrop({ width, height: 10, data }, { x0: 2, y0: 2, x1: 18, y1: 8 }, 3);
    expect([crop.width, crop.height]).toEqual([22, 12]);
    const at = (x: number, y: number) => crop.data[(y - 2 + 3) * crop.width + (x - 2 + 3)];
    expect(at(3, 3)).toBe(255); // the cell's shading is paper
    expect(at(8, 4)).toBe(0); // its ink is black
    expect(at(6, 4)).toBeGreaterThan(0);
    expect(at(6, 4)).toBeLessThan(255); // the edge stays grey
    expect(crop.data[0]).toBe(255); // the margin is white
  });

  it("finds a table's drawn borders, not the text inside it", () => {
    const canvas = createCanvas(600, 400);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, 600, 400);
    context.fillStyle = "#404040";
    for (const y of [50, 150, 350]) context.fillRect(50, y, 500, 2);
    for (const x of [50, 250, 550]) context.fillRect(x, 50, 2, 302);
    context.fillStyle = "#000000";
    for (let x = 70; x < 230; x += 12) context.fillRect(x, 90, 9, 14); // a word's letters
    context.fillRect(270, 200, 30, 3); // a short underline
    const grey = greyOf(canvas);
    const rulings = findPixelRulings(grey, darkThreshold(grey), { minHorizontal: 48, minVertical: 40, maxThickness: 4 });
    // A 2-pixel line drawn from row 50 is centred on 50.5.
    expect(rulings.horizontal.map((r) => r.at)).toEqual([50.5, 150.5, 350.5]);
    expect(rulings.vertical.map((r) => r.at)).toEqual([50.5, 250.5, 550.5]);
    expect(rulings.horizontal.every((r) => r.from <= 51 && r.to >= 549)).toBe(true);
  });

  it("snaps recognised sizes to the font sizes they stand for", () => {
    const run = (size: number, str = "mot"): PlacedText => ({ str, x: 0, y: 0, width: 10, size, rtl: false });
    const runs = [run(14.6), run(15.2), run(15.9), run(16.3), run(21.5), run(22.4)];
    snapSizes(runs);
    expect(new Set(runs.slice(0, 4).map((r) => r.size)).size).toBe(1);
    expect(new Set(runs.slice(4).map((r) => r.size)).size).toBe(1);
    expect(runs[4].size).toBeGreaterThan(runs[0].size * 1.3);
  });

  it("chooses OCR languages from the script read so far, or as asked", () => {
    expect(languagesForScript("محضر جلسة اللجنة")).toBe("ara");
    expect(languagesForScript("Procès-verbal de réunion")).toBe("fra+eng");
    expect(languagesForScript("")).toBeUndefined();
    expect(parseOcrLanguages("ar,fr")).toBe("ara+fra");
    expect(parseOcrLanguages("eng")).toBe("eng");
    expect(parseOcrLanguages("de")).toBeUndefined();
  });
});
