/**
 * CSV files for open-data portals (CKAN and the like) and for anyone without a
 * spreadsheet program: tracker.csv (a row per commitment and meeting, as the
 * workbook's History sheet), commitments.csv (each commitment's latest state)
 * and decisions.csv. The same views as the workbook's, with its headers and
 * status words; dates as `YYYY-MM-DD` (or `YYYY-MM`), percents as plain numbers.
 *
 * RFC 4180 with csv-stringify's rules, which the files were first written with (a
 * field quoted when it holds a comma, a quote or a CRLF, its quotes doubled; CRLF
 * between records), written here: at 10,000 meetings tracker.csv has 130,000
 * records, and csv-stringify spent four times what this takes. UTF-8 with a byte-order mark:
 * without it Excel reads the file in the machine's code page and Arabic comes
 * out garbled. Document text that begins like a formula is made inert (`cells.ts`).
 */
import type { Writable } from "node:stream";
import { inertText } from "./cells.js";
import { writePieces } from "./pieces.js";
import type { TrackerReport } from "./report.js";
import { cellText, type TableView, type ViewColumn, type ViewValue } from "./views.js";

const BYTE_ORDER_MARK = "\uFEFF";
/** Records turned into text at a time: small enough to stream, large enough to be quick. */
const RECORDS_PER_CHUNK = 1000;

function field(column: ViewColumn, value: ViewValue, report: TrackerReport): string {
  const shown = cellText(column, value, report.words);
  return column.kind === "text" ? inertText(shown) : shown;
}

const RECORD_DELIMITER = "\r\n";

/** A field as csv-stringify writes it: quoted when it holds a comma, a quote or the record delimiter. */
export function csvField(text: string): string {
  const quote = text.includes('"');
  if (!quote && !text.includes(",") && !text.includes(RECORD_DELIMITER)) return text;
  return `"${quote ? text.replaceAll('"', '""') : text}"`;
}

function records(chunk: readonly (readonly string[])[]): string {
  let text = "";
  for (const record of chunk) {
    for (let i = 0; i < record.length; i++) text += i === 0 ? csvField(record[i]) : `,${csvField(record[i])}`;
    text += RECORD_DELIMITER;
  }
  return text;
}

/** `view` as CSV text in pieces, the header record first; joined, they are the whole file. */
export function* csvPieces(view: TableView<unknown>, report: TrackerReport): Generator<string> {
  yield BYTE_ORDER_MARK + records([view.columns.map((column) => column.header)]);
  let chunk: string[][] = [];
  for (const row of view.rows()) {
    chunk.push(row.values.map((value, i) => field(view.columns[i], value, report)));
    if (chunk.length === RECORDS_PER_CHUNK) {
      yield records(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield records(chunk);
}

/** Streams `view` as a CSV file to `output` and ends it, heeding backpressure. */
export function writeCsv(view: TableView<unknown>, report: TrackerReport, output: Writable): Promise<void> {
  return writePieces(csvPieces(view, report), output);
}
