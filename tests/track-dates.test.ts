/**
 * Dates the tracker can trust: file names in the forms archives use, a date from the
 * document's metadata flagged in the record, the tracker and its workbook, and copies of
 * one content read as one meeting.
 */
import { describe, expect, test } from "vitest";
import { meetingDate } from "../src/extract/meeting.js";
import { DATE_WORDS } from "../src/extract/lexicon/index.js";
import { foldPhrase } from "../src/extract/match.js";
import { MeetingRecord, type DateSource } from "../src/model/meeting.js";
import { dateFromFileName } from "../src/text/dates.js";
import { buildTracker } from "../src/track/index.js";

const fromName = (name: string): string | null => dateFromFileName(foldPhrase(name), DATE_WORDS);

describe("dates in file names", () => {
  test.each([
    ["2023-03-15 PV.docx", "2023-03-15"],
    ["pv_2022_06_16.docx", "2022-06-16"],
    ["15-03-2023.pdf", "2023-03-15"],
    ["PV 15.03.2023.docx", "2023-03-15"],
    ["15_3_2023.docx", "2023-03-15"],
    ["20230315-minutes.pdf", "2023-03-15"],
    ["compte rendu mars 2023.docx", "2023-03"],
    ["Minutes March 2023.docx", "2023-03"],
    ["Minutes 14 September 2023.docx", "2023-09-14"],
    ["PV-14-septembre-2023.docx", "2023-09-14"],
    ["محضر مارس ٢٠٢٣.pdf", "2023-03"],
    ["محضر جلسة 16 جوان 2022.docx", "2022-06-16"],
    ["محضر أيار 2023.docx", "2023-05"],
    ["محضر تشرين الثاني ٢٠٢٣.pdf", "2023-11"],
    ["محضر ١٥-٠٣-٢٠٢٣.pdf", "2023-03-15"],
    ["2023-03-committee-minutes.txt", "2023-03"],
    ["minutes 03-2023.docx", "2023-03"],
  ])("%s -> %s", (name, date) => {
    expect(fromName(name)).toBe(date);
  });

  test.each(["minutes 2021-2023.pdf", "minutes.pdf", "pv-1201.docx", "31-02-2023.docx", "plan 2021-2023 v2.docx"])("%s gives no date", (name) => {
    expect(fromName(name)).toBeNull();
  });
});

describe("a date from the metadata", () => {
  test("is used only with a warning in the record saying it is the creation date", () => {
    const found = meetingDate([], "archive/محضر.pdf", { created: "2026-11-24T10:00:00Z" }, undefined);
    expect(found).toMatchObject({ date: "2026-11-24", dateSource: "metadata", warning: { code: "date-from-metadata" } });
    expect(found.warning?.message).toContain("creation date");
    // The file name wins over the metadata: the case of `محضر مارس ٢٠٢٣.pdf`.
    expect(meetingDate([], "archive/محضر مارس ٢٠٢٣.pdf", { created: "2026-11-24T10:00:00Z" }, undefined)).toEqual({ date: "2023-03", dateSource: "filename" });
  });
});

function record(path: string, sha: string, date: string, dateSource: DateSource, progress: number): MeetingRecord {
  return MeetingRecord.parse({
    schemaVersion: 1,
    source: { path, sha256: sha.padEnd(64, "0"), format: "pdf", pages: 1 },
    meeting: { title: null, date, dateSource, language: "ar", actionPlan: { text: "p", key: "nap4-2021-2023", ordinal: 4, startYear: 2021, endYear: 2023 }, chair: null, attendees: [], agenda: [] },
    commitments: [{ number: "9", title: "t", status: "in_progress", statusLabel: null, progress, reportedBy: [], activities: [], notes: [], source: { file: path, page: 1 } }],
    decisions: [],
    events: [],
    warnings: [],
  });
}

describe("the tracker", () => {
  test("flags a meeting dated from metadata or the file name, and warns of the metadata one", () => {
    const tracker = buildTracker([
      record("a/scan.pdf", "aa", "2026-11-24", "metadata", 50),
      record("a/2023-03.pdf", "bb", "2023-03", "filename", 40),
    ]);
    const [fromFile, fromMetadata] = tracker.meetings;
    expect(fromFile.dateUncertain).toContain("file name");
    expect(fromMetadata.dateUncertain).toContain("creation date");
    expect(tracker.warnings).toContainEqual(expect.objectContaining({ code: "date-from-metadata", meeting: fromMetadata.id }));
  });

  test("files with the same content are one meeting, whatever their names", () => {
    const tracker = buildTracker([
      record("a/محضر مارس 2023.pdf", "cc", "2023-03", "filename", 40),
      record("b/copy/2023-03-15.pdf", "cc", "2023-03-15", "filename", 40),
      record("c/other.pdf", "dd", "2023-09-14", "filename", 60),
    ]);
    expect(tracker.meetings).toHaveLength(2);
    expect(tracker.meetings[0].renderings).toHaveLength(1);
    expect(tracker.warnings.filter((w) => w.code === "duplicate-content")).toHaveLength(1);
    expect(tracker.commitments[0].history).toHaveLength(2);
  });

  test("a meeting's id does not change when other files are added or removed", () => {
    const alone = buildTracker([record("a/x.pdf", "ee", "2023-05-10", "filename", 40)]);
    const crowded = buildTracker([
      record("a/w.pdf", "ff", "2023-05-10", "filename", 10),
      record("a/x.pdf", "ee", "2023-05-10", "filename", 40),
      record("a/v.pdf", "01", "2023-01-10", "filename", 5),
    ]);
    const id = alone.meetings[0].id;
    expect(id).toBe("2023-05-10-ee000000");
    expect(crowded.meetings.map((m) => m.id)).toContain(id);
    expect(crowded.commitments[0].history.find((h) => h.meeting === id)).toMatchObject({ progress: 40, record: "x" });
  });
});
