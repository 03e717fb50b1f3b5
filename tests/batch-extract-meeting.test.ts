/** The package's `extractMeeting`: the same record from a path, from a Buffer and from a Uint8Array, in every format. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { extractMeeting, IngestError, MeetingRecord } from "../src/index.js";

const CORPUS = "fixtures/ogp-tunisia";

describe("extractMeeting", () => {
  test.each(["2023-09-committee-minutes.pdf", "2023-09-committee-minutes.docx", "2023-03-committee-minutes.txt"])("%s: path, Buffer and Uint8Array give one record", async (name) => {
    const path = join(CORPUS, name);
    const fromPath = await extractMeeting(path);
    expect(MeetingRecord.safeParse(fromPath).success).toBe(true);
    expect(fromPath.commitments.length).toBeGreaterThan(0);
    const buffer = await readFile(path);
    expect(await extractMeeting(buffer, { path })).toEqual(fromPath);
    expect(await extractMeeting(new Uint8Array(buffer), { path })).toEqual(fromPath);
  });

  test("--date fills a meeting date the file does not give", async () => {
    const bytes = new TextEncoder().encode("Minutes\n\nThe committee met.\n");
    const record = await extractMeeting(bytes, { path: "notes.txt", date: "2024-02-10" });
    expect(record.meeting).toMatchObject({ date: "2024-02-10", dateSource: "option" });
  });

  test("a file that cannot be read throws an IngestError naming it", async () => {
    await expect(extractMeeting(new Uint8Array(), { path: "empty.pdf" })).rejects.toMatchObject({ name: "IngestError", file: "empty.pdf", code: "empty" });
    await expect(extractMeeting("no/such/file.docx")).rejects.toBeInstanceOf(IngestError);
  });
});
