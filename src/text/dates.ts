/**
 * Dates as minutes write them: "16 جوان 2022", "le jeudi 14 septembre 2023",
 * "September 14, 2023", "14/09/2023", "2023-09-14", ranges ("من 8 إلى 12 ماي 2023",
 * "du 8 au 12 mai 2023") and bare months ("شهر مارس 2023" → "2023-03").
 *
 * Month and weekday names, ordinal suffixes and connectors are data, passed in by the
 * caller (they live in the extraction lexicons), already folded with `foldForMatch`; the
 * text must be folded the same way.
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

/**
 * How a set of languages writes dates, all folded like the text: month names (1 =
 * January), weekday names (1 = Monday), the letters after a day's number ("th", "er"),
 * the words joining the days of a range ("au", "to"; dashes need none), and the words
 * that may stand between day and month ("of") or month and year ("سنة").
 */
export interface DateWords {
  months: MonthNames;
  weekdays: ReadonlyMap<string, number>;
  ordinalSuffixes: readonly string[];
  rangeConnectors: readonly string[];
  dayMonthLinks: readonly string[];
  monthYearLinks: readonly string[];
  /** Number words, one word each (ordinal forms included), and the words that join them in a run. */
  numberNames: ReadonlyMap<string, number>;
  numberJoiners: readonly string[];
  /** Labels after which a numeric date is a reference number ("MIN. 05/01/2024"). */
  referenceLabels: readonly string[];
  /** Words before a month naming its last day ("end of", "fin", "نهاية"). */
  monthEndWords: readonly string[];
}

interface Patterns {
  dayMonthYear: RegExp;
  rangeMonthYear: RegExp;
  rangeAcrossMonths: RegExp;
  monthDayYear: RegExp;
  monthRangeYear: RegExp;
  monthYear: RegExp;
  dayMonth: RegExp;
  monthDay: RegExp;
  rangeDayMonth: RegExp;
  weekdayBefore: RegExp;
  referenceBefore: RegExp;
  monthEndBefore: RegExp;
  month: RegExp;
}

const L = String.raw`[\p{L}\p{N}\p{M}]`;
const patternCache = new WeakMap<DateWords, Patterns>();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Alternation of words, longest first, spaces matching any run; a pattern that never matches when there are none. */
function words(list: readonly string[]): string {
  const unique = [...new Set(list.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  return unique.length ? unique.map((w) => escapeRegex(w).replace(/ +/g, "\\s+")).join("|") : "(?!)";
}

function patternsFor(dateWords: DateWords): Patterns {
  const cached = patternCache.get(dateWords);
  if (cached) return cached;
  // A month name may end with a full stop ("sept."), so only a name ending in a letter needs a boundary.
  const monthNamed = (group: string): string => String.raw`(?<!${L})(?<${group}>${words([...dateWords.months.keys()])})(?!(?<=${L})${L})`;
  const month = monthNamed("month");
  const suffix = String.raw`(?:${words(dateWords.ordinalSuffixes)})?(?!${L})`;
  const day = String.raw`(?<!\d)(?<day>\d{1,2})${suffix}`;
  const from = String.raw`(?<!\d)(?<from>\d{1,2})${suffix}`;
  const year = String.raw`(?<year>\d{4})(?!\d)`;
  const dayLink = String.raw`(?:(?:${words(dateWords.dayMonthLinks)})\s+)?`;
  const yearLink = String.raw`[\s,،]*(?:(?:${words(dateWords.monthYearLinks)})\s+)?`;
  // A connector may be written onto the day after it: Arabic "و" in "18 و19 حزيران".
  const connector = String.raw`\s*(?:-|–|—|(?<!${L})(?:${words(dateWords.rangeConnectors)})(?![\p{L}\p{M}]))\s*`;
  const built: Patterns = {
    dayMonthYear: new RegExp(String.raw`${day}\s+${dayLink}${month}${yearLink}${year}`, "gu"),
    rangeMonthYear: new RegExp(String.raw`${from}${connector}${day}\s+${dayLink}${month}${yearLink}${year}`, "gu"),
    rangeAcrossMonths: new RegExp(String.raw`${from}\s+${dayLink}${monthNamed("fromMonth")}${connector}${day}\s+${dayLink}${month}${yearLink}${year}`, "gu"),
    monthDayYear: new RegExp(String.raw`${month}\s+${day}\s*,?\s+${year}`, "gu"),
    monthRangeYear: new RegExp(String.raw`${month}\s+${from}${connector}${day}\s*,?\s+${year}`, "gu"),
    monthYear: new RegExp(String.raw`${month}${yearLink}${year}`, "gu"),
    dayMonth: new RegExp(String.raw`${day}\s+${dayLink}${month}(?![\s,،]*\d)`, "gu"),
    monthDay: new RegExp(String.raw`${month}\s+${day}(?![\s,،]*\d{4})`, "gu"),
    rangeDayMonth: new RegExp(String.raw`${from}${connector}${day}\s+${dayLink}${month}(?![\s,،]*\d)`, "gu"),
    weekdayBefore: new RegExp(String.raw`(?<!${L})(?<weekday>${words([...dateWords.weekdays.keys()])})[\s,،]*$`, "u"),
    referenceBefore: new RegExp(String.raw`(?<!${L})(?:${words(dateWords.referenceLabels)})\s*[:.]?\s*$`, "u"),
    // Arabic writes the article and prepositions onto the word ("بنهاية"); the other scripts part them.
    monthEndBefore: new RegExp(String.raw`(?<![\p{Script=Latin}])(?:${words(dateWords.monthEndWords)})\s*$`, "u"),
    month: new RegExp(month, "gu"),
  };
  patternCache.set(dateWords, built);
  return built;
}

/** "10/5/2023", "10.05.2023"; a sentence's full stop may follow it, another number's part may not ("10.5.2023.1"). */
const NUMERIC_DMY = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/-]|\.\d)/gu;
/** The year first with slashes or dots, as Arabic-language press and some offices write it: "2024/7/30". */
const NUMERIC_YMD = /(?<![\d/.-])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/-]|\.\d)/gu;
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
export function findDates(folded: string, dateWords: DateWords): DateMatch[] {
  // Every pattern below needs a four-digit year: most texts are dismissed without trying them.
  if (!FOUR_DIGITS.test(folded)) return [];
  const p = patternsFor(dateWords);
  const candidates: DateMatch[] = [];
  const impossible: { start: number; end: number }[] = [];
  const monthOf = (name: string): number => dateWords.months.get(name.replace(/\s+/g, " ")) ?? 0;

  for (const re of [p.rangeMonthYear, p.monthRangeYear, p.rangeAcrossMonths]) {
    for (const m of folded.matchAll(re)) {
      const g = m.groups!;
      const month = monthOf(g.month);
      const from = isoDay(+g.year, g.fromMonth ? monthOf(g.fromMonth) : month, +g.from);
      const to = isoDay(+g.year, month, +g.day);
      if (from && to && from <= to) candidates.push({ date: from, endDate: to, index: m.index, length: m[0].length });
    }
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
    if (!month || insideImpossible) continue;
    const lastDay = p.monthEndBefore.test(folded.slice(Math.max(0, m.index - 24), m.index))
      ? isoDay(+g.year, month, new Date(Date.UTC(+g.year, month, 0)).getUTCDate())
      : null;
    candidates.push({ date: lastDay ?? `${g.year}-${pad(month)}`, endDate: null, index: m.index, length: m[0].length });
  }
  for (const m of folded.matchAll(ISO)) {
    const date = isoDay(+m[1], +m[2], +m[3]);
    if (date) candidates.push({ date, endDate: null, index: m.index, length: m[0].length });
  }
  for (const m of folded.matchAll(NUMERIC_DMY)) {
    if (p.referenceBefore.test(folded.slice(Math.max(0, m.index - 24), m.index))) continue;
    // Day first, as written in the Maghreb, Europe and the Middle East; a first number above 12 can only be a day anyway.
    const first = +m[1];
    const second = +m[2];
    const date = second > 12 && first <= 12 ? isoDay(+m[3], first, second) : isoDay(+m[3], second, first);
    if (date) candidates.push({ date, endDate: null, index: m.index, length: m[0].length });
  }

  for (const m of folded.matchAll(NUMERIC_YMD)) {
    const date = isoDay(+m[1], +m[2], +m[3]);
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

/**
 * Dates spelled out in words, as formal openings write them: "le vingt et un novembre deux
 * mille dix-huit", "the fourteenth of March, two thousand and twenty-three", "التاسع من شهر
 * مارس سنة ألفين وثلاثة وعشرين". Each run of number words (split at hyphens, joined by the
 * joiners, Arabic "و" attached) is read as its value, month names left whole, and the
 * result read as digits are, the year also before the day ("L'an deux mille vingt-trois et
 * le quatorze mars"); positions are those of the text given.
 */
export function findSpelledDates(folded: string, dateWords: DateWords): DateMatch[] {
  const { text, map } = numbersAsDigits(folded, dateWords);
  if (text === folded) return [];
  const found = findDates(text, dateWords);
  // "L'an deux mille vingt-trois et le quatorze mars": the year written first, just before the day.
  for (const d of findYearlessDates(text, dateWords)) {
    const year = /(?<!\d)(\d{4})(?!\d)\D{0,24}$/u.exec(text.slice(Math.max(0, d.index - 30), d.index));
    const date = year ? isoDay(+year[1], d.month, d.day) : null;
    if (date && year) {
      const start = d.index - (Math.min(30, d.index) - year.index);
      found.push({ date, endDate: null, index: start, length: d.index + d.length - start });
    }
  }
  return found.map((d) => ({ ...d, index: map[d.index], length: map[d.index + d.length] - map[d.index] }));
}

/** `folded` with each run of number words replaced by its digits; `map[i]` is the position in `folded` of `text[i]`. */
function numbersAsDigits(folded: string, dateWords: DateWords): { text: string; map: number[] } {
  const p = patternsFor(dateWords);
  const inMonth = new Uint8Array(folded.length);
  for (const m of folded.matchAll(p.month)) inMonth.fill(1, m.index, m.index + m[0].length);
  const joiners = new Set(dateWords.numberJoiners);
  /** The value of a word, Arabic "و" written onto it ("وعشرين") allowed; null for any other word. */
  const valueOf = (word: string): number | null => {
    const direct = dateWords.numberNames.get(word);
    if (direct !== undefined) return direct;
    const joiner = [...joiners].find((j) => word.startsWith(j) && dateWords.numberNames.has(word.slice(j.length)));
    return joiner ? dateWords.numberNames.get(word.slice(joiner.length))! : null;
  };
  const tokens = [...folded.matchAll(/[\p{L}\p{M}']+/gu)].filter((t) => !inMonth[t.index]);
  let text = "";
  const map: number[] = [];
  let copied = 0;
  const copy = (to: number): void => {
    for (let i = copied; i < to; i++) map.push(i);
    text += folded.slice(copied, to);
    copied = to;
  };
  for (let k = 0; k < tokens.length; k++) {
    if (valueOf(tokens[k][0]) === null) continue;
    // A run: number words separated by spaces or hyphens, with joiners between them.
    let end = k;
    for (let j = k + 1; j < tokens.length; j++) {
      const gap = folded.slice(tokens[j - 1].index + tokens[j - 1][0].length, tokens[j].index);
      if (!/^[\s-]*$/u.test(gap)) break;
      if (valueOf(tokens[j][0]) !== null) end = j;
      else if (!joiners.has(tokens[j][0])) break;
    }
    let total = 0;
    let current = 0;
    for (let j = k; j <= end; j++) {
      const value = valueOf(tokens[j][0]);
      if (value === null) continue;
      if (value === 100) current = (current || 1) * 100;
      else if (value === 1000) [total, current] = [total + (current || 1) * 1000, 0];
      else current += value;
    }
    const start = tokens[k].index;
    const stop = tokens[end].index + tokens[end][0].length;
    copy(start);
    const digits = String(total + current);
    for (let i = 0; i < digits.length; i++) map.push(start);
    text += digits;
    copied = stop;
    k = end;
  }
  copy(folded.length);
  // Each digit maps to its run's start; what follows the digits maps to what follows the run.
  map.push(folded.length);
  return { text, map };
}

/** A day and month written without a year: "Wednesday March 22", "le mardi 4 octobre", "الخميس 9 آذار". */
export interface YearlessDate {
  month: number;
  day: number;
  /** The weekday named right before it, 1 = Monday; null when none is. */
  weekday: number | null;
  /** The last day of a range in the same month ("du 29 au 31 mai"), else null. */
  endDay: number | null;
  index: number;
  length: number;
}

/** Days and months without a year in folded text, in order (a date with its year is not one of them). */
export function findYearlessDates(folded: string, dateWords: DateWords): YearlessDate[] {
  const p = patternsFor(dateWords);
  const found: YearlessDate[] = [];
  for (const re of [p.rangeDayMonth, p.dayMonth, p.monthDay]) {
    for (const m of folded.matchAll(re)) {
      const g = m.groups!;
      const month = dateWords.months.get(g.month.replace(/\s+/g, " ")) ?? 0;
      const day = g.from ? +g.from : +g.day;
      const endDay = g.from ? +g.day : null;
      // Any leap year will do to tell whether the day exists at all.
      if (!isoDay(2000, month, day) || (endDay !== null && (!isoDay(2000, month, endDay) || endDay <= day))) continue;
      // The range's last day is no date of its own.
      if (found.some((f) => m.index < f.index + f.length && f.index < m.index + m[0].length)) continue;
      const weekday = p.weekdayBefore.exec(folded.slice(Math.max(0, m.index - 16), m.index))?.groups?.weekday;
      found.push({ month, day, weekday: weekday ? (dateWords.weekdays.get(weekday) ?? null) : null, endDay, index: m.index, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The full date of a yearless one, given the years the document names elsewhere (title,
 * file name, metadata, other dates), most likely first: the first in which the stated
 * weekday falls on that day, or the first year when no weekday is stated.
 */
export function withYear(date: YearlessDate, years: readonly number[]): string | null {
  for (const year of years) {
    const iso = isoDay(year, date.month, date.day);
    if (!iso) continue;
    if (date.weekday === null) return iso;
    // getUTCDay: 0 = Sunday; weekdays here count from Monday = 1.
    if (((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1 === date.weekday) return iso;
  }
  return null;
}


/**
 * The dates a text names, in order: those with their year, and days without one ("le 16 octobre", "by 31 October")
 * given the year of `reference` (the meeting's date), or none without one. `onOrAfter`: a day that would fall
 * before the reference is in the next year, as a due date set at the meeting is.
 */
export function datesOf(folded: string, dateWords: DateWords, reference: string | null, onOrAfter = false): DateMatch[] {
  const full = findDates(folded, dateWords);
  const year = reference ? Number(reference.slice(0, 4)) : null;
  if (year === null) return full;
  const yearless = findYearlessDates(folded, dateWords).filter((d) => !full.some((f) => d.index < f.index + f.length && f.index < d.index + d.length));
  const completed = yearless.flatMap((d) => {
    const same = withYear(d, [year]);
    const date = onOrAfter && same !== null && same < reference! ? withYear(d, [year + 1]) : same;
    const endDate = date && d.endDay !== null ? `${date.slice(0, 8)}${String(d.endDay).padStart(2, "0")}` : null;
    return date ? [{ date, endDate, index: d.index, length: d.length }] : [];
  });
  return [...full, ...completed].sort((x, y) => x.index - y.index);
}

/** Years an archive's file names can mean: "1201" in "pv-1201.docx" is no year. */
const isPlausibleYear = (year: number): boolean => year >= 1950 && year <= 2100;

/**
 * The day or month a file name carries, in the forms archives use: year first or day first
 * with any separator ("2023-03-15", "15-03-2023", "15.03.2023", "pv_2022_06_16"), run together
 * ("20230315"), with a month name ("15 mars 2023", "March-2023", "محضر مارس 2023"), or a year
 * and month alone ("2023-03", "03-2023"). `name` is folded as the date words were (Arabic-Indic
 * digits are then ASCII). A year range ("2021-2023") is no date.
 */
export function dateFromFileName(name: string, dateWords?: DateWords): string | null {
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
  if (dateWords) {
    const named = findDates(spaced, dateWords).find((d) => isPlausibleYear(+d.date.slice(0, 4)));
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
