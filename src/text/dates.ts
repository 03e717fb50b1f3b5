/**
 * Dates as minutes write them: "16 جوان 2022", "le jeudi 14 septembre 2023",
 * "September 14, 2023", "14/09/2023", "2023-09-14", ranges ("من 8 إلى 12 ماي 2023",
 * "du 8 au 12 mai 2023") and bare months ("شهر مارس 2023" → "2023-03").
 *
 * Month names are data, passed in by the caller (they live in the extraction
 * lexicons), already folded with `foldForMatch`; the text must be folded the same way.
 */

export interface DateMatch {
  /** `YYYY-MM-DD`, or `YYYY-MM` when the text names only the month. */
  date: string;
  /** The last day of a range, else null. */
  endDate: string | null;
  /** Position and length in the folded text given. */
  index: number;
  length: number;
}

export type MonthNames = ReadonlyMap<string, number>;

interface Patterns {
  dayMonthYear: RegExp;
  rangeMonthYear: RegExp;
  monthDayYear: RegExp;
  monthYear: RegExp;
}

const L = String.raw`[\p{L}\p{N}\p{M}]`;
const patternCache = new WeakMap<MonthNames, Patterns>();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function patternsFor(months: MonthNames): Patterns {
  const cached = patternCache.get(months);
  if (cached) return cached;
  const names = [...months.keys()].sort((a, b) => b.length - a.length).map((n) => escapeRegex(n).replace(/ +/g, "\\s+"));
  // A month name may end with a full stop ("sept."), so only a name ending in a letter needs a boundary.
  const month = String.raw`(?<!${L})(?<month>${names.join("|")})(?!(?<=${L})${L})`;
  const day = String.raw`(?<!\d)(?<day>\d{1,2})(?:er|st|nd|rd|th)?`;
  const year = String.raw`(?<year>\d{4})(?!\d)`;
  const built: Patterns = {
    dayMonthYear: new RegExp(String.raw`${day}\s+(?:de\s+)?${month}\s*,?\s*${year}`, "gu"),
    rangeMonthYear: new RegExp(
      String.raw`(?<!\d)(?<from>\d{1,2})(?:er)?\s*(?:-|–|—|الي|au|to|until|and|et|و)\s*${day}\s+${month}\s*,?\s*${year}`,
      "gu",
    ),
    monthDayYear: new RegExp(String.raw`${month}\s+${day},?\s+${year}`, "gu"),
    monthYear: new RegExp(String.raw`${month}\s*,?\s*${year}`, "gu"),
  };
  patternCache.set(months, built);
  return built;
}

const NUMERIC_DMY = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])/gu;
const FOUR_DIGITS = /\d{4}/;
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/gu;

const pad = (n: number): string => String(n).padStart(2, "0");

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** All dates in folded text, in order, without overlaps (the longest reading of a span wins). */
export function findDates(folded: string, months: MonthNames): DateMatch[] {
  // Every pattern below needs a four-digit year: most texts are dismissed without trying them.
  if (!FOUR_DIGITS.test(folded)) return [];
  const p = patternsFor(months);
  const candidates: DateMatch[] = [];
  const impossible: { start: number; end: number }[] = [];
  const monthOf = (name: string): number => months.get(name.replace(/\s+/g, " ")) ?? 0;

  for (const m of folded.matchAll(p.rangeMonthYear)) {
    const g = m.groups!;
    const month = monthOf(g.month);
    const from = isoDay(+g.year, month, +g.from);
    const to = isoDay(+g.year, month, +g.day);
    if (from && to) candidates.push({ date: from, endDate: to, index: m.index, length: m[0].length });
  }
  for (const re of [p.dayMonthYear, p.monthDayYear]) {
    for (const m of folded.matchAll(re)) {
      const g = m.groups!;
      const date = isoDay(+g.year, monthOf(g.month), +g.day);
      if (date) candidates.push({ date, endDate: null, index: m.index, length: m[0].length });
      else impossible.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of folded.matchAll(p.monthYear)) {
    const g = m.groups!;
    const month = monthOf(g.month);
    // "31 فيفري 2023" is a typo, not "some day in February".
    const insideImpossible = impossible.some((s) => m.index >= s.start && m.index < s.end);
    if (month && !insideImpossible) candidates.push({ date: `${g.year}-${pad(month)}`, endDate: null, index: m.index, length: m[0].length });
  }
  for (const m of folded.matchAll(ISO)) {
    const date = isoDay(+m[1], +m[2], +m[3]);
    if (date) candidates.push({ date, endDate: null, index: m.index, length: m[0].length });
  }
  for (const m of folded.matchAll(NUMERIC_DMY)) {
    // Day first, as written in the Maghreb, Europe and the Middle East; a first number above 12 can only be a day anyway.
    const first = +m[1];
    const second = +m[2];
    const date = second > 12 && first <= 12 ? isoDay(+m[3], first, second) : isoDay(+m[3], second, first);
    if (date) candidates.push({ date, endDate: null, index: m.index, length: m[0].length });
  }

  candidates.sort((a, b) => b.length - a.length || a.index - b.index);
  const kept: DateMatch[] = [];
  for (const c of candidates) {
    const overlaps = kept.some((k) => c.index < k.index + k.length && k.index < c.index + c.length);
    if (!overlaps) kept.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}

const NO_MONTHS: MonthNames = new Map();

/** Years an archive's file names can mean: "1201" in "pv-1201.docx" is no year. */
const isPlausibleYear = (year: number): boolean => year >= 1950 && year <= 2100;

/**
 * The day or month a file name carries, in the forms archives use: year first or day first
 * with any separator ("2023-03-15", "15-03-2023", "15.03.2023", "pv_2022_06_16"), run together
 * ("20230315"), with a month name ("15 mars 2023", "March-2023", "محضر مارس 2023"), or a year
 * and month alone ("2023-03", "03-2023"). `name` is folded as `months` were (Arabic-Indic
 * digits are then ASCII). A year range ("2021-2023") is no date.
 */
export function dateFromFileName(name: string, months: MonthNames = NO_MONTHS): string | null {
  const stem = name.replace(/\.\p{L}[\p{L}\d]{0,4}$/u, "");
  // Separators become spaces, so one pattern reads "2023-03-15", "2023_03_15" and "2023 03 15".
  const spaced = stem.replace(/[\s_\-.–—/,]+/gu, " ");
  const day = (year: string, month: string, d: string): string | null => (isPlausibleYear(+year) ? isoDay(+year, +month, +d) : null);
  const yearFirst = /(?<!\d)(\d{4}) (\d{1,2}) (\d{1,2})(?!\d)/u.exec(spaced);
  if (yearFirst && isPlausibleYear(+yearFirst[1])) return day(yearFirst[1], yearFirst[2], yearFirst[3]);
  // "31-02-2023" is a typo, not "some day in February".
  const dayFirst = /(?<!\d)(\d{1,2}) (\d{1,2}) (\d{4})(?!\d)/u.exec(spaced);
  if (dayFirst && isPlausibleYear(+dayFirst[3])) return day(dayFirst[3], dayFirst[2], dayFirst[1]);
  const compact = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/u.exec(spaced);
  if (compact) {
    const date = day(compact[1], compact[2], compact[3]);
    if (date) return date;
  }
  if (months.size > 0) {
    const named = findDates(spaced, months).find((d) => isPlausibleYear(+d.date.slice(0, 4)));
    if (named) return named.date;
  }
  const month = (year: string, m: string): string | null => (isPlausibleYear(+year) && +m >= 1 && +m <= 12 ? `${year}-${pad(+m)}` : null);
  const yearMonth = /(?<!\d)(\d{4}) (\d{1,2})(?!\d)/u.exec(spaced);
  if (yearMonth) {
    const date = month(yearMonth[1], yearMonth[2]);
    if (date) return date;
  }
  const monthYear = /(?<!\d)(\d{1,2}) (\d{4})(?!\d)/u.exec(spaced);
  if (monthYear) return month(monthYear[2], monthYear[1]);
  return null;
}
