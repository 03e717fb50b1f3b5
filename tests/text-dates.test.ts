import { describe, expect, it } from "vitest";
import { DATE_WORDS } from "../src/extract/lexicon/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { dateFromFileName, findDates, findSpelledDates, findYearlessDates, withYear } from "../src/text/dates.js";

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

  it("reads a numeric date written year first, and no impossible one", () => {
    expect(dates("عُقد في وزارة التخطيط 2024/7/30 اجتماع لفريق العمل")).toEqual(["2024-07-30"]);
    expect(dates("held on 2023.11.05 in Seoul")).toEqual(["2023-11-05"]);
    expect(dates("2024/13/30 and 2024/2/30")).toEqual([]);
    expect(dates("14/09/2023")).toEqual(["2023-09-14"]);
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
    expect(dates("مع نهاية شهر مارس 2023")).toEqual(["2023-03-31"]);
    expect(dates("réunion du 14/09/2023, rapport du 2023-09-19")).toEqual(["2023-09-14", "2023-09-19"]);
    expect(dates("٢٠ جوان ٢٠٢٢")).toEqual(["2022-06-20"]);
    // A sentence's full stop may follow a numeric date; another number's part may not.
    expect(dates("بتاريخ ١٠/٥/٢٠٢٣.")).toEqual(["2023-05-10"]);
    expect(dates("le 14.09.2023. Puis")).toEqual(["2023-09-14"]);
    expect(dates("version 10.5.2023.1")).toEqual([]);
  });

  it("reads weekdays, ordinal suffixes, commas and times around a date, in every language", () => {
    expect(dates("Tuesday, March 14th, 2023, 10:00")).toEqual(["2023-03-14"]);
    expect(dates("the 14th of March 2023")).toEqual(["2023-03-14"]);
    expect(dates("le mardi 4 octobre 2022 à 10h30")).toEqual(["2022-10-04"]);
    expect(dates("21 novembre, 2018, 9 h -10 h 30")).toEqual(["2018-11-21"]);
    expect(dates("الخميس 9 آذار 2023")).toEqual(["2023-03-09"]);
    expect(dates("يوم 9 من شهر آذار سنة 2023")).toEqual(["2023-03-09"]);
  });

  it("reads ranges written month first, across two months, and with the lexicons' connectors", () => {
    expect(dates("du 29 au 31 mai 2019")).toEqual(["2019-05-29/2019-05-31"]);
    expect(dates("May 29-31, 2019")).toEqual(["2019-05-29/2019-05-31"]);
    expect(dates("from 12 to 14 June 2023")).toEqual(["2023-06-12/2023-06-14"]);
    expect(dates("du 30 novembre au 2 décembre 2022")).toEqual(["2022-11-30/2022-12-02"]);
    expect(dates("من 8 إلى 12 ماي 2023")).toEqual(["2023-05-08/2023-05-12"]);
  });

  it("takes no year range, impossible day or lone number for a date", () => {
    expect(dates("خطة العمل الوطنية 2021-2023")).toEqual([]);
    expect(dates("31 فيفري 2023")).toEqual([]);
    expect(dates("183 إطار خلال سنتي 2021-2022")).toEqual([]);
  });
});

describe("dates spelled out in words", () => {
  const spelled = (text: string) => {
    const f = foldWithMap(text).folded;
    return findSpelledDates(f, DATE_WORDS).map((d) => [d.date, f.slice(d.index, d.index + d.length)]);
  };

  it("reads formal openings in French, English and Arabic, with their positions in the text given", () => {
    expect(spelled("L'an deux mille dix-huit, le vingt et un novembre deux mille dix-huit à neuf heures")).toEqual([["2018-11-21", "vingt et un novembre deux mille dix-huit"]]);
    expect(spelled("le premier décembre deux mille vingt-deux")).toEqual([["2022-12-01", "premier decembre deux mille vingt-deux"]]);
    expect(spelled("on the fourteenth of March, two thousand and twenty-three")).toEqual([["2023-03-14", "fourteenth of march, two thousand and twenty-three"]]);
    expect(spelled("The twenty-first day of June two thousand nineteen")).toEqual([["2019-06-21", "twenty-first day of june two thousand nineteen"]]);
    expect(spelled("في يوم الخميس التاسع من شهر مارس سنة ألفين وثلاثة وعشرين")).toEqual([["2023-03-09", "التاسع من شهر مارس سنة الفين وثلاثة وعشرين"]]);
  });

  it("leaves month names alone and finds nothing in text without number words", () => {
    expect(spelled("يوم العشرين من كانون الثاني ألفين وأربعة وعشرين")).toEqual([["2024-01-20", "العشرين من كانون الثاني الفين واربعة وعشرين"]]);
    expect(spelled("le 21 novembre 2018")).toEqual([]);
    expect(spelled("une réunion en novembre")).toEqual([]);
  });
});

describe("the end of a month", () => {
  it("is the month's last day in the three languages, leap years included", () => {
    expect(dates("قبل نهاية تشرين الثاني 2023")).toEqual(["2023-11-30"]);
    expect(dates("بنهاية شهر مارس 2024")).toEqual(["2024-03-31"]);
    expect(dates("before the end of February 2024, then end-June 2025")).toEqual(["2024-02-29", "2025-06-30"]);
    expect(dates("d’ici fin février 2023")).toEqual(["2023-02-28"]);
  });

  it("only when the word stands alone before the month", () => {
    expect(dates("over the weekend of March 2024")).toEqual(["2024-03"]);
    expect(dates("enfin mars 2024")).toEqual(["2024-03"]);
    expect(dates("at the end of 12 March 2024")).toEqual(["2024-03-12"]);
  });
});

describe("dates without a year", () => {
  const yearless = (text: string) => findYearlessDates(foldWithMap(text).folded, DATE_WORDS).map((d) => [d.month, d.day, d.weekday]);

  it("finds day and month with the weekday before them, and no date that has its year", () => {
    expect(yearless("Date / time: Wednesday March 22, 1-2pm")).toEqual([[3, 22, 3]]);
    expect(yearless("le jeudi 9 mars à 10 h")).toEqual([[3, 9, 4]]);
    expect(yearless("يوم الخميس 9 آذار")).toEqual([[3, 9, 4]]);
    expect(yearless("following the 19 February release")).toEqual([[2, 19, null]]);
    expect(yearless("le 9 mars 2023 et le 22 février, 2017")).toEqual([]);
    expect(yearless("31 février")).toEqual([]);
    expect(findYearlessDates(foldWithMap("du 29 au 31 mai").folded, DATE_WORDS).map((d) => [d.month, d.day, d.endDay])).toEqual([[5, 29, 31]]);
  });

  it("takes the first candidate year whose calendar puts the day on its weekday", () => {
    const [thursday] = findYearlessDates(foldWithMap("jeudi 9 mars").folded, DATE_WORDS);
    expect(withYear(thursday, [2022, 2023])).toBe("2023-03-09");
    expect(withYear(thursday, [2021])).toBeNull();
    const [plain] = findYearlessDates(foldWithMap("9 mars").folded, DATE_WORDS);
    expect(withYear(plain, [2022, 2023])).toBe("2022-03-09");
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
