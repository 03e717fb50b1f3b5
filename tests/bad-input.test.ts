/**
 * Bad input, each file built here in code: the batch reports every bad file with
 * the reader's typed reason and code, keeps going, and still writes the good ones.
 * File names and output folders are checked through the real command.
 */
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../src/ingest/file.js";
import { runBatch, type BatchSummary } from "../src/batch/run.js";
import { MeetingRecord } from "../src/model/meeting.js";
import type { Tracker } from "../src/model/tracker.js";
import { reportLanguage, reportWords } from "../src/write/report.js";
import {
  buildDocx,
  buildEncryptedPdf,
  buildImageOnlyPdf,
  buildTextPdf,
  buildZip,
  entityExpansionDocx,
} from "./bad-input-builders.js";

const ROOT = resolve(import.meta.dirname, "..");
const CORPUS = join(ROOT, "fixtures", "ogp-tunisia");
const PAGES = 300;

let work: string;
let archive: string;
let summary: BatchSummary;

/** Each bad file and the code its failure must carry. */
const EXPECTED_FAILURES: Record<string, string> = {
  "empty.docx": "empty",
  "empty.pdf": "empty",
  "truncated.docx": "corrupt",
  "zip-not-docx.docx": "corrupt",
  "bomb-declared.docx": "too-large",
  "entities.docx": "corrupt",
  "encrypted.pdf": "encrypted",
  "scan.pdf": "no-text-layer",
  "binary.txt": "unsupported",
  "dangling-link.docx": "unreadable",
  "huge.pdf": "too-large",
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "minutes-bad-"));
  archive = join(work, "archive");
  await mkdir(archive);
  const put = (name: string, bytes: Uint8Array | string) => writeFile(join(archive, name), bytes);

  await put("empty.docx", "");
  await put("empty.pdf", "");
  const docx = await readFile(join(CORPUS, "2022-06-committee-minutes.docx"));
  await put("truncated.docx", docx.subarray(0, Math.floor(docx.length / 2)));
  await put("zip-not-docx.docx", buildZip([{ name: "notes/readme.txt", data: "a zip archive, but not a Word document" }]));
  // Declares 4 GB for its main part: refused from the directory, before any inflating.
  await put("bomb-declared.docx", buildDocx(["x"], { declaredSize: 0xfffffff0 }));
  // Declares a small size but inflates to 64 MB of zeros: inflating must stop at the declared size.
  await put(
    "bomb-actual.docx",
    buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: new Uint8Array(64 * 1024 * 1024), declaredSize: 4096 },
    ]),
  );
  await put("entities.docx", entityExpansionDocx());
  await put("encrypted.pdf", buildEncryptedPdf("secret", "owner", ["Minutes of the committee"]));
  await put("scan.pdf", buildImageOnlyPdf());
  await put("binary.txt", new Uint8Array(Array.from({ length: 512 }, (_, index) => (index * 37) % 256)));
  await symlink(join(work, "no-such-target.docx"), join(archive, "dangling-link.docx"));
  // 201 MB, sparse: refused by its size before a byte is read.
  await put("huge.pdf", "%PDF-1.4\n");
  await truncate(join(archive, "huge.pdf"), MAX_DOCUMENT_BYTES + 1024 * 1024);

  const pages = Array.from({ length: PAGES }, (_, index) => [
    `Minutes of the steering committee, page ${index + 1}`,
    `Item ${index + 1}: the secretariat reported on the work plan.`,
  ]);
  await put("long-300-pages.pdf", buildTextPdf(pages));
  await put("recipe-not-minutes.docx", buildDocx(["Bread", "Mix 500 g of flour with 300 ml of water and a pinch of salt.", "Bake for 40 minutes."]));
  // A PDF named .docx: read by what it is, not by its name.
  await copyFile(join(CORPUS, "2023-09-committee-minutes.pdf"), join(archive, "really-a-pdf.docx"));

  summary = await runBatch({ inputs: [archive], out: join(work, "out"), tracker: true, jobs: 2, cache: false });
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const failureOf = (name: string) => summary.failures.find((failure) => failure.file === join(archive, name));

describe("each bad file is reported with its reason, and the batch goes on", () => {
  test.each(Object.entries(EXPECTED_FAILURES))("%s fails as %s", (name, code) => {
    const failure = failureOf(name);
    expect(failure?.code).toBe(code);
    expect(failure?.reason.length).toBeGreaterThan(5);
  });

  test("a zip bomb that lies about its size is refused, not inflated", () => {
    expect(["too-large", "corrupt"]).toContain(failureOf("bomb-actual.docx")?.code);
  });

  test("the no-text-layer failure says the file needs OCR", () => {
    expect(failureOf("scan.pdf")?.reason).toMatch(/OCR/);
  });

  test("failures are in errors.json and the run still wrote the tracker", async () => {
    const errors = JSON.parse(await readFile(join(work, "out", "errors.json"), "utf8")) as { file: string; code: string }[];
    expect(errors).toHaveLength(Object.keys(EXPECTED_FAILURES).length + 1);
    expect(errors).toEqual(summary.failures);
    expect(summary.written).toEqual(["tracker.json", "tracker.xlsx", "tracker.csv", "commitments.csv", "decisions.csv", "report.html", "errors.json"]);
    expect(summary.interrupted).toBe(false);
  });

  test("failures are on the workbook's Warnings sheet, each with its file and code", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(work, "out", "tracker.xlsx"));
    // The workbook speaks the language most minutes are written in.
    const words = reportWords(reportLanguage(JSON.parse(await readFile(join(work, "out", "tracker.json"), "utf8")) as Tracker));
    const sheet = workbook.getWorksheet(words.sheets.warnings);
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).map(String);
    const columns: Record<string, string> = { From: words.columns.from, File: words.columns.file, Code: words.columns.code };
    const column = (name: string) => header.indexOf(columns[name]);
    const listed: [string, string][] = [];
    sheet!.eachRow((row, number) => {
      const values = row.values as unknown[];
      if (number > 1 && values[column("From")] === "batch") listed.push([String(values[column("File")]), String(values[column("Code")])]);
    });
    expect(listed.sort()).toEqual(summary.failures.map((failure) => [failure.file, failure.code]).sort());
  });
});

describe("files that are odd but readable", () => {
  test(`a ${PAGES}-page PDF completes`, async () => {
    expect(failureOf("long-300-pages.pdf")).toBeUndefined();
    const record = MeetingRecord.parse(JSON.parse(await readFile(join(work, "out", "meetings", "long-300-pages.json"), "utf8")));
    expect(record.source.pages).toBe(PAGES);
  });

  test("a document that is not minutes is a warning that no commitments were found, not a failure", async () => {
    expect(failureOf("recipe-not-minutes.docx")).toBeUndefined();
    expect(summary.withoutCommitments).toContain(join(archive, "recipe-not-minutes.docx"));
    const record = MeetingRecord.parse(JSON.parse(await readFile(join(work, "out", "meetings", "recipe-not-minutes.json"), "utf8")));
    expect(record.commitments).toEqual([]);
    expect(record.warnings.map((warning) => warning.code)).toContain("no-commitments");
  });

  test("a file with the wrong extension is read by its content", async () => {
    expect(failureOf("really-a-pdf.docx")).toBeUndefined();
    const record = MeetingRecord.parse(JSON.parse(await readFile(join(work, "out", "meetings", "really-a-pdf.json"), "utf8")));
    expect(record.source.format).toBe("pdf");
    expect(record.commitments.length).toBeGreaterThan(0);
  });
});

describe("unreadable files", () => {
  test("a folder given where a file is expected, and a file without read permission", async () => {
    const folderNamedDocx = join(work, "folder.docx");
    await mkdir(folderNamedDocx, { recursive: true });
    const inputs = [join(work, "missing.docx"), join(archive, "dangling-link.docx")];
    const extract = await runBatch({ inputs: [...inputs, folderNamedDocx], out: join(work, "out-unreadable"), cache: false, jobs: 1 });
    // A folder named like a document is searched like any folder: it holds nothing.
    expect(extract.unmatched).toEqual([folderNamedDocx]);
    expect(extract.failures.map((failure) => [failure.file, failure.code])).toEqual(inputs.sort().map((file) => [file, "unreadable"]));

    // root reads a file whatever its mode, so the permission case only means something for other users.
    if (process.getuid?.() !== 0) {
      const locked = join(work, "locked.docx");
      await writeFile(locked, buildDocx(["text"]));
      await chmod(locked, 0o000);
      const run = await runBatch({ inputs: [locked], out: join(work, "out-locked"), cache: false, jobs: 1 });
      expect(run.failures).toEqual([{ file: locked, code: "unreadable", reason: "permission denied" }]);
    }
  });
});

async function minutes(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, "bin", "minutes.js"), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe("through the command", () => {
  test("file names with spaces, Arabic letters and leading dashes", async () => {
    const folder = join(work, "names");
    await mkdir(folder);
    const names = ["minutes of June.docx", "محضر الجلسة ٣.docx", "-leading-dash.docx"];
    for (const name of names) await writeFile(join(folder, name), buildDocx([`Minutes: ${name}`]));
    const run = await minutes(["extract", "--out", "out", "./minutes of June.docx", "./محضر الجلسة ٣.docx", "--", "-leading-dash.docx"], folder);
    expect(run.code).toBe(0);
    expect((await readdir(join(folder, "out", "meetings"))).sort()).toEqual(
      ["-leading-dash.json", "minutes of June.json", "محضر الجلسة ٣.json"].sort(),
    );
    const folderRun = await minutes(["run", ".", "--out", "../names-out", "--quiet"], folder);
    expect(folderRun.code).toBe(0);
    expect((await readdir(join(work, "names-out", "meetings"))).sort()).toHaveLength(3);
  });

  test("an output folder that cannot be written: exit 2, nothing extracted", async () => {
    const folder = join(work, "blocked");
    await mkdir(folder);
    await writeFile(join(folder, "a.docx"), buildDocx(["text"]));
    await writeFile(join(folder, "out"), "a file where the output folder should be");
    const run = await minutes(["run", "a.docx", "--out", "out"], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write the output folder out: a file is in the way/);
    expect(await readFile(join(folder, "out"), "utf8")).toBe("a file where the output folder should be");
  });
});
