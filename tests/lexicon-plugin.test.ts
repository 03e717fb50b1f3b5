/**
 * A new language is one new lexicon file: a small Spanish lexicon made here, added to
 * the registry's list, is detected, dates its minutes with its own month names and
 * connectors ("12 de marzo de 2024"), reads its status words, and its commitment titles
 * reach tracker.json under its own key, beside another language's.
 */
import { trackerReport } from "../src/write/report.js";
import { describe, expect, it, vi } from "vitest";

vi.mock("../src/extract/lexicon/registry.js", async (importOriginal) => {
  const registered = await importOriginal<typeof import("../src/extract/lexicon/registry.js")>();
  const { defineLexicon } = await import("../src/extract/lexicon/define.js");
  const es = defineLexicon({
    language: "es",
    detectionWords: ["el", "la", "los", "las", "del", "y", "que", "se", "en"],
    months: {
      enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8,
      septiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
    },
    statuses: [
      { phrase: "completado", status: "completed" },
      { phrase: "en curso", status: "in_progress" },
      { phrase: "no iniciado", status: "not_started" },
    ],
    commitmentWords: ["compromiso"],
    statusLabels: ["estado"],
    meetingDateCues: ["se reunió el"],
    dayMonthLinks: ["de"],
    monthYearLinks: ["de"],
  });
  // A right-to-left script of its own: its letters tell the language, and its minutes turn the workbook right to left.
  const he = defineLexicon({
    language: "he",
    script: "Hebrew",
    detectionWords: [],
    months: {
      "ינואר": 1, "פברואר": 2, "מרץ": 3, "אפריל": 4, "מאי": 5, "יוני": 6, "יולי": 7, "אוגוסט": 8,
      "ספטמבר": 9, "אוקטובר": 10, "נובמבר": 11, "דצמבר": 12,
    },
    statuses: [
      { phrase: "הושלם", status: "completed" },
      { phrase: "בביצוע", status: "in_progress" },
    ],
    commitmentWords: ["התחייבות"],
    statusLabels: ["סטטוס"],
  });
  return { LEXICONS: [...registered.LEXICONS, es, he] };
});

const { extractRecord } = await import("../src/extract/index.js");
const { readMarkdown } = await import("../src/ingest/text.js");
const { buildTracker } = await import("../src/track/build.js");
const { trackerToJson } = await import("../src/write/json.js");
const { LANGUAGES, writingDirection } = await import("../src/extract/lexicon/index.js");
const { trackerToXlsx } = await import("../src/write/xlsx.js");
const ExcelJS = (await import("exceljs")).default;

async function record(markdown: string, name: string) {
  const doc = await readMarkdown(new TextEncoder().encode(markdown), name);
  return extractRecord(doc, { sha256: "0".repeat(64) });
}

const SPANISH = [
  "# Acta de la reunión del comité de seguimiento",
  "",
  "El comité se reunió el 12 de marzo de 2024 en la sede del ministerio para revisar los compromisos.",
  "",
  "## Compromiso 1: Datos abiertos en los municipios",
  "",
  "Estado: en curso",
  "",
  "## Compromiso 2: Presupuesto participativo",
  "",
  "Estado: no iniciado",
  "",
].join("\n");

const ENGLISH = [
  "# Minutes of the committee",
  "",
  "The committee met on 3 September 2024 to review the progress of the commitments.",
  "",
  "## Commitment 1: Open data in municipalities",
  "",
  "Status: completed",
  "",
].join("\n");

describe("a fourth lexicon", () => {
  it("is a language of the record", () => {
    expect(LANGUAGES).toEqual(["ar", "fr", "en", "es", "he"]);
    expect(writingDirection("es")).toBe("ltr");
    expect(writingDirection("he")).toBe("rtl");
  });

  it("detects, dates and reads the minutes written in it", async () => {
    const r = await record(SPANISH, "acta.md");
    expect(r.meeting.language).toBe("es");
    expect(r.meeting.date).toBe("2024-03-12");
    expect(r.meeting.dateSource).toBe("text");
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.statusLabel])).toEqual([
      ["1", "Datos abiertos en los municipios", "in_progress", "en curso"],
      ["2", "Presupuesto participativo", "not_started", "no iniciado"],
    ]);
  });

  it("keys its titles in tracker.json by its code, beside the other languages' titles", async () => {
    const records = [await record(SPANISH, "acta.md"), await record(ENGLISH, "minutes.md")];
    const tracker = JSON.parse(trackerToJson(buildTracker(records)));
    const first = tracker.commitments.find((c: { number: string }) => c.number === "1");
    expect(first.titles).toEqual({ en: "Open data in municipalities", es: "Datos abiertos en los municipios" });
    expect(tracker.meetings.map((m: { language: string }) => m.language)).toEqual(["es", "en"]);
  });

  it("turns the workbook right to left by its script, as Arabic does", async () => {
    const hebrew = await record("# פרוטוקול ישיבת הוועדה\n\n12 מרץ 2024\n\n## התחייבות 1: מידע פתוח\n\nסטטוס: בביצוע\n", "protocol.md");
    expect(hebrew.meeting.language).toBe("he");
    expect(hebrew.meeting.date).toBe("2024-03-12");
    expect(hebrew.commitments.map((c) => [c.number, c.status])).toEqual([["1", "in_progress"]]);
    const records = [hebrew];
    const workbook = new ExcelJS.Workbook();
    const buffer = await trackerToXlsx(trackerReport(buildTracker(records), records));
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Tracker")?.views[0]).toMatchObject({ rightToLeft: true });
  });
});
