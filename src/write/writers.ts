/**
 * The end-of-run outputs, each a writer of one file with one signature: it takes
 * the complete tracker (`report.ts`) and streams its file to `output`, ending it.
 * `--formats` picks writers by format. A writer's module is loaded when it is
 * used: a run that writes CSV only never loads the workbook writer.
 *
 * The meeting records (`meetings/*.json`) are not among them: the batch writes
 * each one as soon as its file is extracted, so an interrupted run keeps them,
 * long before there is a tracker.
 */
import type { Writable } from "node:stream";
import type { TrackerReport } from "./report.js";

export const OUTPUT_FORMATS = ["json", "xlsx", "csv", "html"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ReportWriter {
  format: OutputFormat;
  /** The file's name in the output folder. */
  file: string;
  write(report: TrackerReport, output: Writable): Promise<void>;
}

const csvOf = (view: "historyView" | "commitmentsView" | "decisionsView") => async (report: TrackerReport, output: Writable) => {
  const [{ writeCsv }, views] = await Promise.all([import("./csv.js"), import("./views.js")]);
  await writeCsv(views[view](report), report, output);
};

export const WRITERS: readonly ReportWriter[] = [
  {
    format: "json",
    file: "tracker.json",
    write: async (report, output) => (await import("./json.js")).writeTrackerJson(report.tracker, output),
  },
  {
    format: "json",
    file: "review.json",
    write: async (report, output) => (await import("./json.js")).writeReviewJson(report.review, output),
  },
  {
    format: "xlsx",
    file: "tracker.xlsx",
    write: async (report, output) => (await import("./xlsx.js")).writeTrackerXlsx(report, output),
  },
  { format: "csv", file: "tracker.csv", write: csvOf("historyView") },
  { format: "csv", file: "commitments.csv", write: csvOf("commitmentsView") },
  { format: "csv", file: "decisions.csv", write: csvOf("decisionsView") },
  {
    format: "html",
    file: "report.html",
    write: async (report, output) => (await import("./html.js")).writeReportHtml(report, output),
  },
];

/** The writers of `formats` (default: every format), in the order above. */
export function writersFor(formats: readonly OutputFormat[] = OUTPUT_FORMATS): ReportWriter[] {
  return WRITERS.filter((writer) => formats.includes(writer.format));
}

/** `--formats json,csv`: the formats named, each once; throws naming what is not a format. */
export function parseFormats(text: string): OutputFormat[] {
  const names = text.split(",").map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
  const unknown = names.filter((name) => !(OUTPUT_FORMATS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown format ${unknown.join(", ")}: expected ${OUTPUT_FORMATS.join(", ")}`);
  if (names.length === 0) throw new Error(`no format named: expected ${OUTPUT_FORMATS.join(", ")}`);
  return OUTPUT_FORMATS.filter((format) => names.includes(format));
}
