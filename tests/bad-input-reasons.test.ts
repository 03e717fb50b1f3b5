/**
 * Reasons that say what is wrong: a PDF without its %PDF- header line is read all the same
 * (as pdftotext reads it), and a PDF whose content streams are damaged is not called a scan
 * that needs OCR. The files are built here or cut from a fixture.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { IngestError, readDocument } from "../src/ingest/index.js";
import { buildImageOnlyPdf, buildTextPdf } from "./bad-input-builders.js";

const CORPUS = join(resolve(import.meta.dirname, ".."), "fixtures", "ogp-tunisia");

async function failureOf(bytes: Uint8Array, name: string): Promise<IngestError> {
  try {
    await readDocument(name, bytes);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error(`${name} was read`);
}

const text = (document: Awaited<ReturnType<typeof readDocument>>): string => JSON.stringify(document.tree);

describe("a PDF without its %PDF- header line", () => {
  test("whose header line is missing is read, with a note", async () => {
    const pdf = await readFile(join(CORPUS, "2023-09-committee-minutes.pdf"));
    const headerLine = pdf.indexOf("\n") + 1;
    const document = await readDocument("no-header.pdf", pdf.subarray(headerLine));
    expect(document.format).toBe("pdf");
    expect(text(document)).toContain("Taux de réalisation");
    expect(document.messages.map((message) => message.code)).toContain("pdf-no-header");
  });

  test("whose header line is damaged is read, its offsets kept", async () => {
    const pdf = Buffer.from(buildTextPdf([["Comité de suivi : engagement 1, réalisé à 80 %."]]));
    pdf.write("%PFD-", 0, "latin1");
    const document = await readDocument("damaged-header.pdf", pdf);
    expect(text(document)).toContain("engagement 1");
  });

  test("that is not a PDF after all is reported as one that cannot be read, saying the header is missing", async () => {
    const error = await failureOf(Buffer.from("1 0 obj\n<< /Type /Catalog >>\nendobj\nnothing else\n", "latin1"), "stub.pdf");
    expect(error.code).toBe("corrupt");
    expect(error.reason).toMatch(/no %PDF- header line/);
  });

  test("a text file that mentions objects is still text", async () => {
    const document = await readDocument("notes.txt", Buffer.from("Minutes of the meeting.\nThe 3 0 obj was discussed.\n"));
    expect(document.format).toBe("txt");
  });
});

describe("a PDF that gives no text", () => {
  test("whose content stream is damaged is corrupt, not a scan that needs OCR", async () => {
    const pdf = Buffer.from(buildTextPdf([["Comité de suivi : engagement 1."]]).toString("latin1").replace("<< /Length", "<< /Filter /FlateDecode /Length"), "latin1");
    const error = await failureOf(pdf, "damaged-stream.pdf");
    expect(error.code).toBe("corrupt");
    expect(error.reason).toMatch(/content streams are empty or damaged/);
    expect(error.reason).not.toMatch(/OCR/);
  });

  test("whose pages draw an image is a scan that needs OCR", async () => {
    const error = await failureOf(buildImageOnlyPdf(), "scan.pdf");
    expect(error.code).toBe("no-text-layer");
    expect(error.reason).toMatch(/OCR/);
  });
});
