import { describe, expect, it } from "vitest";
import { DATE_WORDS } from "../src/extract/lexicon/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { dateFromFileName, findDates } from "../src/text/dates.js";

const dates = (text: string) => findDates(foldWithMap(text).folded, DATE_WORDS).map((d) => (d.endDate ? `${d.date}/${d.endDate}` : d.date));

describe("findDates", () => {
  it("reads Tunisian and Maghrebi month names", () => {
    expect(dates("انعقد يوم الخميس 16 جوان 2022 بمقر رئاسة الحكومة")).toEqual(["2022-06-16"]);
    expect(dates("في أجل أقصاه 15 جويلية 2022")).toEqual(["2022-07-15"]);
    expect(dates("بتاريخ 24 جانفي 2023 و 3 فيفري 2023 و 1 أوت 2023 و 9 ديسمبر 2023")).toEqual(["2023-01-24", "2023-02-03", "2023-08-01", "2023-12-09"]);
    expect(dates("يوم 5 شتنبر 2023 و 2 دجنبر 2023")).toEqual(["2023-09-05", "2023-12-02"]);
  });

  it("reads Levantine month names, including the two-word ones", () => {
    expect(dates("عقد الاجتماع في 3 كانون الثاني 2024")).toEqual(["2024-01-03"]);
    expect(dates("في 20 تشرين الأول 2023 ثم 1 كانون الأول 2023")).toEqual(["2023-10-20", "2023-12-01"]);
    expect(dates("بتاريخ 7 أيار 2023 و 8 آب 2023")).toEqual(["2023-05-07", "2023-08-08"]);
  });

  it("reads standard Arabic month names", () => {
    expect(dates("الموافق 12 يناير 2023 و 30 يونيو 2023 و 4 أغسطس 2023")).toEqual(["2023-01-12", "2023-06-30", "2023-08-04"]);
  });

  it("reads French and English dates", () => {
    expect(dates("s'est réuni le jeudi 14 septembre 2023 à 10h00")).toEqual(["2023-09-14"]);
    expect(dates("le 1er décembre 2023")).toEqual(["2023-12-01"]);
    expect(dates("The committee met on September 14, 2023 and on 5 October 2023.")).toEqual(["2023-09-14", "2023-10-05"]);
  });

  it("reads ranges, bare months and numeric dates", () => {
    expect(dates("الذي ينظّم من 8 إلى 12 ماي 2023")).toEqual(["2023-05-08/2023-05-12"]);
    expect(dates("du 8 au 12 mai 2023")).toEqual(["2023-05-08/2023-05-12"]);
    expect(dates("مع نهاية شهر مارس 2023")).toEqual(["2023-03"]);
    expect(dates("réunion du 14/09/2023, rapport du 2023-09-19")).toEqual(["2023-09-14", "2023-09-19"]);
    expect(dates("٢٠ جوان ٢٠٢٢")).toEqual(["2022-06-20"]);
  });

  it("takes no year range, impossible day or lone number for a date", () => {
    expect(dates("خطة العمل الوطنية 2021-2023")).toEqual([]);
    expect(dates("31 فيفري 2023")).toEqual([]);
    expect(dates("183 إطار خلال سنتي 2021-2022")).toEqual([]);
  });
});

describe("dateFromFileName", () => {
  it("gives the day or the month a file name carries", () => {
    expect(dateFromFileName("2023-03-committee-minutes.txt")).toBe("2023-03");
    expect(dateFromFileName("pv_2022_06_16.docx")).toBe("2022-06-16");
    expect(dateFromFileName("minutes 2021-2023.pdf")).toBeNull();
    expect(dateFromFileName("minutes.pdf")).toBeNull();
  });
});
