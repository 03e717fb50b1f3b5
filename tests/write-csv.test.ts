/**
 * tracker.csv, commitments.csv and decisions.csv: parsed back as RFC 4180 (by a
 * reader written here, so the writer is not checked against itself), the BOM,
 * the same rows as the workbook's views, and document text never a formula.
 */
import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";
import { buildTracker } from "../src/track/index.js";
import { stringify } from "csv-stringify/sync";
import { csvField, writeCsv } from "../src/write/csv.js";
import { reportWords, trackerReport, type TrackerReport } from "../src/write/report.js";
import { commitmentsView, decisionsView, historyView, type TableView } from "../src/write/views.js";
import { goldMeetingRecord, goldRecords } from "./track-gold-records.js";

/** The tracker's id of each gold meeting (its date): the date and the start of the content hash. */
const ID = Object.fromEntries(buildTracker(goldRecords()).meetings.map((m) => [m.date!, m.id]));

async function csvOf(view: TableView<unknown>, report: TrackerReport): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeCsv(view, report, output);
  return Buffer.concat(chunks).toString("utf8");
}

/** RFC 4180: fields split by commas, records by CRLF, a quoted field's quotes doubled. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field, "the file ends with CRLF").toBe("");
  expect(record).toEqual([]);
  return records;
}

const AR = reportWords("ar");

describe("CSV over the corpus series", () => {
  const records = goldRecords();
  const report = trackerReport(buildTracker(records), records);

  test("tracker.csv: UTF-8 with a BOM, the History sheet's header and a row per commitment and meeting", async () => {
    const text = await csvOf(historyView(report), report);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(historyView(report).columns.map((c) => c.header));
    expect(rows[0].slice(0, 4)).toEqual([AR.columns.plan, AR.columns.number, AR.columns.commitment, AR.columns.meeting]);
    expect(rows).toHaveLength(1 + 13 * 3);
    expect(rows.find((r) => r[1] === "11" && r[3] === ID["2023-09-14"])).toEqual([
      "nap4-2021-2023", "11", "تكريس مبادئ شراكة الحكومة المفتوحة", ID["2023-09-14"], "2023-09-14", AR.statuses.partially_completed, "", "90",
      AR.changes.regressed, "number", "", "fixtures/ogp-tunisia/2023-09-committee-minutes.docx", "", "1", "11", "", "",
    ]);
    expect(rows.find((r) => r[1] === "2" && r[3] === ID["2023-09-14"])?.slice(5, 9)).toEqual([AR.statuses.notReported, "", "", ""]);
    // Arabic intact, byte for byte.
    expect(Buffer.from(text, "utf8").includes(Buffer.from("تكريس مبادئ شراكة الحكومة المفتوحة", "utf8"))).toBe(true);
  });

  test("commitments.csv: each commitment's latest state, flags in words, and where it was read", async () => {
    const rows = parseCsv((await csvOf(commitmentsView(report), report)).slice(1));
    expect(rows).toHaveLength(1 + 13);
    const c = AR.columns;
    expect(rows[0]).toEqual([
      c.plan, c.number, c.commitment, c.latestMeeting, c.latestStatus, c.latestProgress, c.change, c.stalled, c.regressed,
      c.file, c.page, c.table, c.row, c.line, c.heading,
    ]);
    expect(rows[11].slice(1, 9)).toEqual(["11", "تكريس مبادئ شراكة الحكومة المفتوحة", ID["2023-09-14"], AR.statuses.partially_completed, "90", AR.changes.regressed, "", AR.changes.regressed]);
    expect(rows[3].slice(7, 9)).toEqual([AR.stalledFlag, ""]);
    // Commitment 2's latest report is 2023-03's: its source, not the gap's.
    expect(rows[2].slice(3, 4)).toEqual([ID["2023-03"]]);
    expect(rows[2][9]).toBe("fixtures/ogp-tunisia/2023-03-committee-minutes.docx");
  });

  test("decisions.csv: every decision with its date and source", async () => {
    const rows = parseCsv((await csvOf(decisionsView(report), report)).slice(1));
    expect(rows[0].slice(0, 4)).toEqual([AR.columns.meeting, AR.columns.decision, AR.columns.date, AR.columns.commitment]);
    expect(rows[2]).toEqual([ID["2022-06-16"], "عقد جلسة عمل مع ممثلي الوزارة المكلفة بالطاقة والمناجم", "2022-07-07", "7", "fixtures/ogp-tunisia/2022-06-committee-minutes.docx", "", "", "", "101", ""]);
  });
});

describe("document text in CSV", () => {
  test("a field that begins like a formula is made inert; commas, quotes and line breaks are quoted", async () => {
    const base = goldMeetingRecord("2023-09-committee-minutes");
    const record = MeetingRecord.parse({
      ...base,
      commitments: [{ ...base.commitments[0], title: "=HYPERLINK(\"http://x\",\"y\")", statusLabel: "+réalisé", notes: [] }],
      decisions: [
        { ...base.decisions[0], text: "@SUM(A1)" },
        { ...base.decisions[0], text: "-2+3" },
        { ...base.decisions[0], text: 'Le comité, "à l\'unanimité",\ndécide' },
        { ...base.decisions[0], text: "\tcmd" },
      ],
    });
    const report = trackerReport(buildTracker([record]), [record]);
    const history = parseCsv((await csvOf(historyView(report), report)).slice(1));
    expect(history[1][2]).toBe("'=HYPERLINK(\"http://x\",\"y\")");
    expect(history[1][6]).toBe("'+réalisé");
    const text = await csvOf(decisionsView(report), report);
    expect(text).toContain('"Le comité, ""à l\'unanimité"",\ndécide"');
    const decisions = parseCsv(text.slice(1));
    expect(decisions.slice(1).map((r) => r[1])).toEqual(["'@SUM(A1)", "'-2+3", 'Le comité, "à l\'unanimité",\ndécide', "'\tcmd"]);
    // Numbers and dates are not text: a negative number would stay a number, a date stays a date.
    expect(decisions[1][2]).toMatch(/^\d{4}-\d{2}(-\d{2})?$|^$/);
    // French minutes: French headers.
    expect(decisions[0][1]).toBe(reportWords("fr").columns.decision);
  });
});

describe("fields as csv-stringify writes them", () => {
  test("the files' bytes stay those csv-stringify wrote: quoted for a comma, a quote or a CRLF, not for a lone CR or LF", () => {
    const tricky = ["", "plain", "a,b", 'say "yes"', "two\r\nlines", "lf\nonly", "cr\ronly", "ends\r", "\r\n", '"', ",", " padded ", "'=1+1", "تم, جزئيا", "\u200f\u202b"];
    // Random texts over the characters that matter, against csv-stringify itself.
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 997;
    const alphabet = ['"', ",", "\r", "\n", "a", " ", "é", "ت"];
    const random = Array.from({ length: 500 }, () => Array.from({ length: next() % 7 }, () => alphabet[next() % alphabet.length]).join(""));
    for (const text of [...tricky, ...random]) {
      expect(`${csvField(text)}\r\n`, JSON.stringify(text)).toBe(stringify([[text]], { record_delimiter: "windows" }));
    }
  });
});
