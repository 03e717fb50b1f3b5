/** The progress bar fits the terminal it is drawn on, so `\r` can always take the line back. */
import { describe, expect, test } from "vitest";
import { barProgress } from "../src/batch/progress.js";

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
