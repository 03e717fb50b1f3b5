/**
 * Rewriting a finished zip: entries replaced and added, the others copied as
 * they were compressed (data descriptors included), from memory or from a file;
 * the result read back here and by exceljs's own zip reader.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bufferSource, crc32, fileSource, patchZip, readDirectory, readEntry, type ZipSource } from "../src/write/zip-patch.js";

/** A small workbook as exceljs's streaming writer zips it: entries with data descriptors. */
async function workbookBytes(): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  const sheet = workbook.addWorksheet("Données");
  for (let r = 1; r <= 200; r++) sheet.addRow([r, `ligne ${r}`, "مرحلة"]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function patched(source: ZipSource, parts: Map<string, string>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await patchZip(source, await readDirectory(source), parts, output);
  return Buffer.concat(chunks);
}

async function contents(bytes: Buffer): Promise<Map<string, string>> {
  const source = bufferSource(bytes);
  const { entries } = await readDirectory(source);
  return new Map(await Promise.all(entries.map(async (e) => [e.name, (await readEntry(source, e)).toString("utf8")] as const)));
}

describe("zip-patch", () => {
  let original: Buffer;
  let folder: string;
  beforeAll(async () => {
    original = await workbookBytes();
    folder = mkdtempSync(join(tmpdir(), "zip-patch-test-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test("CRC-32 as the zip format defines it", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  test("an entry replaced and one added; every other entry the same, and its compressed bytes too", async () => {
    const before = await contents(original);
    const sheet = "xl/worksheets/sheet1.xml";
    const replaced = (before.get(sheet) ?? "").replace("ligne 7<", "ligne sept<");
    const bytes = await patched(bufferSource(original), new Map([[sheet, replaced], ["xl/extra/note.xml", "<note>é</note>"]]));
    const after = await contents(bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys(), "xl/extra/note.xml"].sort());
    for (const [name, text] of before) if (name !== sheet) expect(after.get(name), name).toBe(text);
    expect(after.get(sheet)).toBe(replaced);
    expect(after.get("xl/extra/note.xml")).toBe("<note>é</note>");
    // A kept entry's bytes are copied, not recompressed: its CRC and sizes in the directory are as they were.
    const old = (await readDirectory(bufferSource(original))).entries.find((e) => e.name === "xl/styles.xml");
    const kept = (await readDirectory(bufferSource(bytes))).entries.find((e) => e.name === "xl/styles.xml");
    expect(kept?.record.subarray(16, 28)).toEqual(old?.record.subarray(16, 28));
    // An added entry carries its checksum.
    const added = (await readDirectory(bufferSource(bytes))).entries.find((e) => e.name === "xl/extra/note.xml");
    expect(added?.record.readUInt32LE(16)).toBe(crc32(Buffer.from("<note>é</note>")));
    // exceljs reads the result with its own zip reader.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Données")?.getCell("B7").value).toBe("ligne sept");
    expect(workbook.getWorksheet("Données")?.getCell("C200").value).toBe("مرحلة");
  });

  test("from a file as from memory: the same bytes", async () => {
    const path = join(folder, "book.xlsx");
    writeFileSync(path, original);
    const file = await fileSource(path);
    try {
      const parts = new Map([["docProps/extra.xml", "<x/>"]]);
      expect(await patched(file, parts)).toEqual(await patched(bufferSource(original), parts));
    } finally {
      await file.close();
    }
  });

  test("what is not a zip is refused, saying why", async () => {
    await expect(readDirectory(bufferSource(Buffer.from("PK not really a zip")))).rejects.toThrow(/no end of central directory/u);
  });
});
