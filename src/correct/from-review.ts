/**
 * The Review sheet back into corrections.yaml: the officer types the right value into the
 * sheet's "Correct …" cells, and each filled row becomes an entry of the corrections file,
 * appended to what the file already holds (its comments and entries kept as written).
 * Pure but for `readReviewRows`, which reads the workbook.
 */
import { isMap, isSeq, parseDocument, YAMLSeq, type Document } from "yaml";
import { PartialDate, STATUSES, Status } from "../model/meeting.js";
import { englishReportWords } from "../extract/lexicon/en.js";
import { LEXICONS } from "../extract/lexicon/index.js";
import { REVIEW_HEADERS, REVIEW_SHEET } from "../write/views.js";

/** One Review row as the officer left it: the cells that name the fact and the cells typed in. */
export interface ReviewRow {
  /** 1-based row in the sheet, for messages. */
  row: number;
  record: string | null;
  commitment: string | null;
  status: string | null;
  progress: string | null;
  date: string | null;
  title: string | null;
  note: string | null;
}

/** An entry to append, as it will be written. */
export interface ReviewCorrection {
  meeting: string;
  commitment?: string;
  set: { status?: Status; progress?: number; date?: string; title?: string };
  note?: string;
}

/** A status typed as its key or as any workbook says it (the workbook speaks the minutes' language). */
const STATUS_BY_WORDS = new Map<string, Status>([
  ...STATUSES.map((s) => [s, s] as const),
  ...[englishReportWords.statuses, ...LEXICONS.map((lexicon) => lexicon.report?.statuses ?? {})].flatMap((words) =>
    STATUSES.flatMap((s) => (words[s] ? [[words[s].toLowerCase(), s] as const] : [])),
  ),
]);

/** The corrections a sheet's rows ask for, and a message for each row that cannot be read. */
export function correctionsFromReview(rows: readonly ReviewRow[]): { corrections: ReviewCorrection[]; problems: string[] } {
  const corrections: ReviewCorrection[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    if (![row.status, row.progress, row.date, row.title].some((v) => v !== null && v.trim() !== "")) continue;
    const where = `${REVIEW_SHEET} row ${row.row}`;
    if (!row.record) {
      problems.push(`${where}: no record to correct`);
      continue;
    }
    const set: ReviewCorrection["set"] = {};
    const meetingSet: ReviewCorrection["set"] = {};
    if (row.status?.trim()) {
      const status = STATUS_BY_WORDS.get(row.status.trim().toLowerCase().replace(/\s+/gu, " "));
      if (status) set.status = status;
      else problems.push(`${where}: "${row.status}" is no status (${STATUSES.map((s) => englishReportWords.statuses[s]).join(", ")})`);
    }
    if (row.progress?.trim()) {
      const progress = Number(row.progress.trim().replace(/%$/u, ""));
      if (Number.isFinite(progress) && progress >= 0 && progress <= 100) set.progress = progress;
      else problems.push(`${where}: "${row.progress}" is no percent from 0 to 100`);
    }
    if (row.title?.trim()) set.title = row.title.trim();
    if (row.date?.trim()) {
      if (PartialDate.safeParse(row.date.trim()).success) meetingSet.date = row.date.trim();
      else problems.push(`${where}: "${row.date}" is not YYYY-MM-DD or YYYY-MM`);
    }
    const note = row.note?.trim() ? { note: row.note.trim() } : {};
    if (Object.keys(set).length > 0) {
      if (row.commitment) corrections.push({ meeting: row.record, commitment: row.commitment, set, ...note });
      else problems.push(`${where}: a status, percent or title needs a commitment; only a date corrects a meeting`);
    }
    if (Object.keys(meetingSet).length > 0) corrections.push({ meeting: row.record, set: meetingSet, ...note });
  }
  return { corrections, problems };
}

const sameCorrection = (a: unknown, b: ReviewCorrection): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The corrections file's text with `corrections` appended (one already there is not added twice). */
export function appendCorrections(text: string, corrections: readonly ReviewCorrection[]): { text: string; added: number } {
  // Widened from the parsed type: nodes built here are added to it.
  const document: Document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(`the corrections file is not valid YAML: ${document.errors[0].message.split("\n")[0]}`);
  if (document.contents === null || document.contents === undefined) document.contents = new YAMLSeq();
  const list = document.contents;
  if (!isSeq(list)) throw new Error("the corrections file must be a list of entries");
  const existing = (list.toJSON() as unknown[]) ?? [];
  let added = 0;
  for (const correction of corrections) {
    if (existing.some((entry) => sameCorrection(entry, correction))) continue;
    const node = document.createNode(correction);
    // A set of two or three values reads best on one line, as the README's example writes it.
    const setNode = isMap(node) ? node.get("set", true) : undefined;
    if (isMap(setNode)) setNode.flow = true;
    list.add(node);
    existing.push(correction);
    added++;
  }
  return { text: document.toString(), added };
}

/** The Review sheet's rows, read from a workbook `minutes run` wrote. */
export async function readReviewRows(path: string): Promise<ReviewRow[]> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(REVIEW_SHEET);
  if (!sheet) throw new Error(`${path} has no ${REVIEW_SHEET} sheet (a workbook from an older run?)`);
  const column = (header: string): number => REVIEW_HEADERS.indexOf(header) + 1;
  const cell = (row: number, header: string): string | null => {
    const value = sheet.getRow(row).getCell(column(header)).value;
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
    if (typeof value === "object" && "result" in value) return value.result === undefined ? null : String(value.result);
    return String(value);
  };
  const rows: ReviewRow[] = [];
  for (let row = 2; row <= sheet.rowCount; row++) {
    rows.push({
      row,
      record: cell(row, "Record"),
      commitment: cell(row, "Commitment"),
      status: cell(row, "Correct status"),
      progress: cell(row, "Correct %"),
      date: cell(row, "Correct date"),
      title: cell(row, "Correct title"),
      note: cell(row, "Note"),
    });
  }
  return rows;
}
