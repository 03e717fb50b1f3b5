/**
 * The comparison the gold and expected-facts files were written for (the one
 * eval/score.mjs makes): no harakat or tatweel, one alef, one ya, spaces
 * collapsed, lower case. Deliberately not the product's own folding, so the tests
 * do not grade the extractor with its own ruler.
 */
export const norm = (s: unknown): string =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\u064B-\u0652\u0670\u0640]/g, "")
    .replace(/[إأآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

export const has = (hay: unknown, needle: string): boolean => norm(hay).includes(norm(needle));
