/**
 * Minutes built in code for the extraction rule tests: a Markdown document read by the real
 * reader and extracted, and the Markdown of a table.
 */
import { extractRecord } from "../src/extract/index.js";
import { readMarkdown } from "../src/ingest/text.js";
import type { MeetingRecord } from "../src/model/meeting.js";

/** The record of a Markdown document, read as the file `name`. */
export async function record(markdown: string, name = "minutes.md"): Promise<MeetingRecord> {
  const doc = await readMarkdown(new TextEncoder().encode(markdown), name);
  return extractRecord(doc, { sha256: "0".repeat(64) });
}

/** A GFM table: its header cells split on "|", then its rows. */
export function markdownTable(header: string, rows: string[][]): string {
  const cells = header.split("|");
  return `| ${cells.join(" | ")} |\n| ${cells.map(() => "---").join(" | ")} |\n` + rows.map((r) => `| ${r.join(" | ")} |`).join("\n") + "\n";
}
