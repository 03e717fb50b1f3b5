import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IngestError } from "../src/ingest/errors.js";
import { readDocument, SUPPORTED_EXTENSIONS } from "../src/ingest/index.js";

const DIR = "fixtures/ogp-tunisia";
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));
const encoder = new TextEncoder();

describe("readDocument", () => {
  it("reads each supported format from disk, chosen by content", async () => {
    const txt = await readDocument(`${DIR}/2023-03-committee-minutes.txt`);
    expect(txt.format).toBe("txt");
    expect(txt.messages.map((m) => m.code)).not.toContain("extension-mismatch");
    const docx = await readDocument(`${DIR}/2023-03-committee-minutes.docx`);
    expect(docx.format).toBe("docx");
    const pdf = await readDocument(`${DIR}/2023-03-committee-minutes.pdf`);
    expect(pdf.format).toBe("pdf");
    expect(SUPPORTED_EXTENSIONS).toEqual([".docx", ".pdf", ".txt", ".md", ".markdown", ".png", ".jpg", ".jpeg", ".tif", ".tiff"]);
  });

  it("reads a renamed file by its content and says the name disagrees", async () => {
    const doc = await readDocument("minutes.pdf", bytesOf("2023-03-committee-minutes.docx"));
    expect(doc.format).toBe("docx");
    const mismatch = doc.messages.find((m) => m.code === "extension-mismatch");
    expect(mismatch?.message).toMatch(/\.pdf.*Word document/);
    const text = await readDocument("minutes.docx", encoder.encode("Procès-verbal\n"));
    expect(text.format).toBe("txt");
    expect(text.messages.map((m) => m.code)).toContain("extension-mismatch");
  });

  it("picks the Markdown reader for text named .md or .markdown", async () => {
    const bytes = encoder.encode("# Titre\n\n- point\n");
    expect((await readDocument("pv.md", bytes)).format).toBe("md");
    expect((await readDocument("pv.MARKDOWN", bytes)).format).toBe("md");
    expect((await readDocument("pv.txt", bytes)).format).toBe("txt");
  });

  it("decodes UTF-16 text with a byte order mark", async () => {
    const text = "Statut : réalisé\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), false);
    const doc = await readDocument("utf16.txt", bytes);
    expect(doc.tree.children[0]).toMatchObject({ type: "paragraph", children: [{ value: "Statut : réalisé" }] });
  });

  it("names the file and the reason when it cannot be read", async () => {
    await expect(readDocument(`${DIR}/no-such-file.docx`)).rejects.toMatchObject({
      code: "unreadable",
      file: `${DIR}/no-such-file.docx`,
      message: expect.stringMatching(/no-such-file\.docx.*no such file/),
    });
    await expect(readDocument(DIR)).rejects.toMatchObject({ code: "unreadable" });
    await expect(readDocument("empty.pdf", new Uint8Array())).rejects.toMatchObject({ code: "empty", file: "empty.pdf" });
  });

  it("reads images by OCR (a broken one is corrupt), and refuses HTML and unknown binary content as unsupported", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(readDocument("scan.pdf", png)).rejects.toMatchObject({ code: "corrupt", reason: expect.stringMatching(/PNG/) });
    await expect(readDocument("page.txt", bytesOf("2023-03-committee-minutes.html"))).rejects.toMatchObject({
      code: "unsupported",
      reason: expect.stringMatching(/HTML/),
    });
    const binary = new Uint8Array(64).map((_, i) => (i * 37 + 200) % 256);
    await expect(readDocument("blob.docx", binary)).rejects.toMatchObject({ code: "unsupported" });
  });

  it("hands OLE files (legacy .doc, encrypted .docx) and broken archives to the Word reader, which says what they are", async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const oleError = await readDocument("old.doc", ole).catch((e: unknown) => e);
    expect(oleError).toBeInstanceOf(IngestError);
    expect((oleError as IngestError).file).toBe("old.doc");
    const truncatedZip = bytesOf("2023-03-committee-minutes.docx").subarray(0, 200);
    const zipError = await readDocument("cut.docx", truncatedZip).catch((e: unknown) => e);
    expect(zipError).toBeInstanceOf(IngestError);
    expect((zipError as IngestError).code).toBe("corrupt");
  });
});

describe("readDocument content sniffing", () => {
  it("accepts a PDF header after binary junk but not a text that mentions one", async () => {
    const pdf = bytesOf("2023-03-committee-minutes.pdf");
    const prefixed = new Uint8Array(128 + pdf.length);
    prefixed.set(new Uint8Array(128).fill(0xfe));
    prefixed.set(pdf, 128);
    expect((await readDocument("prefixed.pdf", prefixed)).format).toBe("pdf");
    const mention = await readDocument("notes.txt", encoder.encode("Exported files start with %PDF-1.7 here.\n"));
    expect(mention.format).toBe("txt");
  });
});
