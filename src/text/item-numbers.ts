/**
 * Item numbers as committees write them: whole (`7`), dotted or decimal (`2.1`, `3.12`, `1.2.3`),
 * hyphenated or slashed as logs number a meeting's actions (`3-1`, `13/02`: meeting 13, action 2), prefixed by a
 * letter code (`A-12`, `C3`, `R.4`, `AP-14-01`: a log's meeting and action), or Roman (`III`, `iv`). One pattern for every
 * reader of numbers (headings, number columns, references in prose) and one normal form, so that
 * "2.10" stays 2.10 (not 2.1) and "07" is 7. No length cap: a log of 1,200 actions keeps its numbers.
 */

/** Folded (lower-case) text: an item number, as a regex source without groups. */
export const ITEM_NUMBER_SOURCE = String.raw`(?:[a-z]{1,3}[-.]?\d+(?:[-.]\d+){0,3}|\d{1,3}\/\d{1,3}(?!\/\d)|\d+(?:\.\d+){0,3})(?![.,]?\d)`;

const ROMAN = /^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The value of a Roman numeral (lower or upper case), or null when the text is not one. */
export function romanValue(text: string): number | null {
  const s = text.toLowerCase();
  if (!s || !ROMAN.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** A code's prefix is Latin letters, as the record's schema allows ("إ-1" is no code: it is text). */
const WHOLE = /^(?:(?<prefix>[A-Za-z]{1,3}[-.]?)(?<code>\d+(?:[-.]\d+){0,3})|(?<digits>\d+(?:\.\d+){0,3})|(?<hyphenated>\d+(?:-\d+){1,3})|(?<slashed>\d{1,3}\/\d{1,3}))$/u;

/**
 * The normal form of an item number as written ("2.1", "A-12", "iii", "07", "3."), or null when the
 * text is not one: a bare number loses its leading zeros ("07" → "7"), later parts keep their digits
 * ("2.10" and "2.1" are two items); a letter prefix is upper-cased and keeps its separator, and a
 * code so prefixed keeps its digits as the log writes them ("A-07": an identifier, not a count); a
 * Roman numeral becomes its value.
 */
export function normalItemNumber(raw: string): string | null {
  const text = raw.trim().replace(/[.)\]:]+$/u, "").replace(/^[(\[#]+/u, "");
  if (!text) return null;
  const roman = romanValue(text);
  if (roman !== null) return String(roman);
  const m = WHOLE.exec(text);
  if (!m?.groups) return null;
  if (m.groups.prefix) return m.groups.prefix.toUpperCase() + m.groups.code;
  // "13/02": a meeting and its action, both kept as the log writes them (the "02" is an identifier's).
  if (m.groups.slashed) return m.groups.slashed;
  const separator = m.groups.hyphenated ? "-" : ".";
  const [head, ...rest] = (m.groups.hyphenated ?? m.groups.digits).split(separator);
  return [String(Number(head)), ...rest].join(separator);
}

/** Item numbers sorted as people read them: 2.2 before 2.10, A-3 before A-12. */
export function compareItemNumbers(a: string, b: string): number {
  const parts = (s: string): (string | number)[] => s.split(/(\d+)/u).filter(Boolean).map((p) => (/^\d+$/u.test(p) ? Number(p) : p));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return pa.length - pb.length;
}
