/**
 * The progress bar fits the terminal it is drawn on, so `\r` can always take the line back; a
 * file read by OCR has its pages counted, on the bar and in the log, as the workers start them.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { barProgress, lineProgress, silentProgress, type OcrPageEvent } from "../src/batch/progress.js";
import { runBatch } from "../src/batch/run.js";

function terminal(columns: number): { stream: NodeJS.WriteStream; lines: () => string[] } {
  let written = "";
  const stream = { columns, isTTY: true, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
  // Each redraw starts with \r; escape sequences take no columns.
  const lines = () => written.split(/\r|\n/).map((line) => line.replace(/\x1b\[K/g, "")).filter((line) => line.length > 0);
  return { stream, lines };
}

describe("barProgress", () => {
  test.each([120, 80, 60, 40, 24])("at %i columns no line reaches the last column", (columns) => {
    const { stream, lines } = terminal(columns);
    const progress = barProgress(stream);
    progress.start(12_345);
    for (let index = 0; index < 40; index += 1) progress.file({ file: `f${index}.docx`, status: index % 7 === 0 ? "failed" : "extracted", detail: "x" });
    progress.stop();
    const bars = lines().filter((line) => !line.startsWith("FAILED"));
    expect(bars.length).toBeGreaterThan(0);
    for (const line of bars) expect([...line].length).toBeLessThan(columns);
    // The bar shrinks or goes before the counts are cut.
    expect(bars.at(-1)).toMatch(columns >= 40 ? /^[█░]* ?\d+\/12345/ : /^\d+\/12345/);
  });
});

describe("OCR pages", () => {
  test("the bar counts the pages of the files being OCR'd, and moves with them", () => {
    const { stream, lines } = terminal(120);
    const progress = barProgress(stream);
    progress.start(4);
    progress.file({ file: "a.docx", status: "extracted", detail: "" });
    const filled = () => [...(lines().at(-1) ?? "")].filter((c) => c === "█").length;
    const before = filled();
    progress.ocrPage!({ file: "scan.pdf", page: 1, ordinal: 1, of: 4 });
    expect(lines().at(-1)).toContain("OCR page 1/4");
    progress.ocrPage!({ file: "scan.pdf", page: 3, ordinal: 3, of: 4 });
    expect(lines().at(-1)).toContain("OCR page 3/4");
    // Two of the scan's four pages are done: half a file more of the bar.
    expect(filled()).toBeGreaterThan(before);
    progress.ocrPage!({ file: "other.tif", page: 1, ordinal: 1, of: 2 });
    expect(lines().at(-1)).toContain("OCR pages 4/6 (2 files)");
    progress.file({ file: "scan.pdf", status: "extracted", detail: "" });
    progress.file({ file: "other.tif", status: "failed", detail: "timeout" });
    expect(lines().at(-1)).toMatch(/^[█░]* 3\/4 /);
    expect(lines().at(-1)).not.toContain("OCR");
    progress.stop();
  });

  test("the log says each page as its OCR starts", () => {
    let written = "";
    const progress = lineProgress({ write: (text: string) => ((written += text), true) } as unknown as NodeJS.WritableStream);
    progress.start(2);
    progress.ocrPage!({ file: "scan.pdf", page: 2, ordinal: 1, of: 3 });
    expect(written).toBe("[0/2] OCR scan.pdf: page 2 (1 of 3 to OCR)\n");
  });

  test("a batch's workers report each OCR'd page of a file to the progress", async () => {
    const work = await mkdtemp(join(tmpdir(), "minutes-progress-"));
    try {
      const image = join(work, "scan.jpg");
      await copyFile("fixtures/ocr/text-fr.jpg", image);
      const pages: OcrPageEvent[] = [];
      const summary = await runBatch({
        inputs: [image],
        out: join(work, "out"),
        tracker: false,
        jobs: 1,
        cache: false,
        progress: { ...silentProgress, ocrPage: (event) => pages.push(event) },
      });
      expect(summary.extracted).toBe(1);
      expect(pages).toEqual([{ file: image, page: 1, ordinal: 1, of: 1 }]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);
});
