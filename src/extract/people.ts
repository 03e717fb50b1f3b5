/**
 * People and bodies named in prose: who reported ("أشارت السيدة سوسن معلى أنّه",
 * "Mme Rim Garnaoui a indiqué que", "Ms Doe reported"), who chaired. Names are cut
 * from the text as written; the lexicon says on which side of the verb they stand
 * and which words end them.
 */
import type { FoldedText } from "./match.js";
import { ARTICLES, BODY_WORDS, HONORIFICS, NAME_CONJUNCTIONS, NAME_PARTICLES, NAME_STOP_WORDS, PRONOUNS, REPORTING_VERBS } from "./lexicon/index.js";

interface Token {
  /** Folded word without surrounding punctuation. */
  word: string;
  start: number;
  end: number;
  /** Punctuation right after the word ends a name (",", "،", ":", "."). */
  closed: boolean;
  /** Punctuation right before the word. */
  opened: boolean;
}

const TRAILING_PUNCTUATION = /[,،:;؛.!?؟)\]»"”]+$/u;
const LEADING_PUNCTUATION = /^[(\["«“]+/u;

function tokenize(ft: FoldedText, from: number, to: number, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/gu;
  re.lastIndex = from;
  for (let m = re.exec(ft.folded); m && m.index < to && tokens.length < limit; m = re.exec(ft.folded)) {
    const raw = m[0].slice(0, to - m.index);
    const lead = LEADING_PUNCTUATION.exec(raw)?.[0].length ?? 0;
    const trail = TRAILING_PUNCTUATION.exec(raw)?.[0].length ?? 0;
    const word = raw.slice(lead, raw.length - trail);
    tokens.push({ word, start: m.index + lead, end: m.index + raw.length - trail, closed: trail > 0, opened: lead > 0 });
  }
  return tokens;
}

function original(ft: FoldedText, start: number, end: number): string {
  return ft.text.slice(ft.map[start], ft.map[end]).trim();
}

/** The original letter of a folded position is upper case: Latin names are capitalized. */
function capitalized(ft: FoldedText, pos: number): boolean {
  const c = ft.text[ft.map[pos]] ?? "";
  return c !== c.toLowerCase();
}

const isLatin = (word: string): boolean => /^\p{Script=Latin}/u.test(word);

function honorificAt(ft: FoldedText, pos: number): { end: number; plural: boolean } | null {
  const re = new RegExp(HONORIFICS.regex.source, "uy");
  re.lastIndex = pos;
  const m = re.exec(ft.folded);
  if (!m || !m.groups) return null;
  return { end: pos + m[0].length, plural: HONORIFICS.valueOf(m.groups.phrase)?.plural ?? false };
}

/** Names after a position (verb-subject order): "السيدة ريم القرناوي أنه" → ["ريم القرناوي"]. */
export function namesAfter(ft: FoldedText, pos: number): string[] {
  let at = pos;
  // "Chaired by: Dr. …", "by the Chair, Ms. …": the punctuation after the phrase is not the name.
  while (/[\s:：,،\-–]/u.test(ft.folded[at] ?? "")) at++;
  const honorific = honorificAt(ft, at);
  if (honorific) at = honorific.end;
  // A name is a few words: a dozen tokens are enough, however long the paragraph.
  let tokens = tokenize(ft, at, ft.folded.length, 12);
  // "reported by the Ministry of Finance": the article is not part of the name.
  if (!honorific && tokens[0] && ARTICLES.includes(tokens[0].word)) tokens = tokens.slice(1);
  const maxWords = honorific ? 3 : 5;
  const taken: Token[] = [];
  for (const t of tokens) {
    if (t.opened || NAME_STOP_WORDS.has(t.word) || t.word === "") break;
    // "Abdul Sesay Present: …": a word before a colon opens the next label, it ends the name.
    if (taken.length > 0 && /^[:：]/u.test(ft.folded.slice(t.end, t.end + 1))) break;
    if (isLatin(t.word) && !capitalized(ft, t.start) && !NAME_PARTICLES.has(t.word)) break;
    taken.push(t);
    if (t.closed || taken.length >= (honorific?.plural ? maxWords * 2 : maxWords)) break;
  }
  // A name does not end on a particle: "Ministry of" is "Ministry".
  while (taken.length > 1 && NAME_PARTICLES.has(taken[taken.length - 1].word)) taken.pop();
  if (taken.length === 0) return [];
  // Without a courtesy title only a body or a role is a reporter: "أشار ممثل المعهد", not "عرض نتائج المرحلة".
  if (!honorific && !BODY_WORDS.test(ft.folded.slice(taken[0].start))) return [];
  if (!honorific?.plural) return [original(ft, taken[0].start, taken[taken.length - 1].end)];
  // Several people after a plural title, joined by a conjunction written apart ("et") or attached ("وسنية").
  const names: string[] = [];
  let first = 0;
  const flush = (endIndex: number, startPos: number): void => {
    if (endIndex >= first) names.push(original(ft, startPos, taken[endIndex].end));
  };
  let startPos = taken[0].start;
  for (let k = 1; k < taken.length; k++) {
    const w = taken[k].word;
    if (NAME_CONJUNCTIONS.has(w)) {
      flush(k - 1, startPos);
      first = k + 1;
      startPos = taken[k + 1]?.start ?? taken[k].end;
      continue;
    }
    const attached = [...NAME_CONJUNCTIONS].find((c) => w.startsWith(c) && w.length > c.length + 2 && !isLatin(w));
    if (attached && k - first >= 2) {
      flush(k - 1, startPos);
      first = k;
      startPos = taken[k].start + attached.length;
    }
  }
  flush(taken.length - 1, startPos);
  return names.filter((n) => n.length > 0);
}

/**
 * Names after a phrase, past the titles and offices that may stand before the courtesy title
 * ("برئاسة عطوفة الأمين العام السيد مروان الرفاعي"): the first honorific within a few words.
 */
export function namesAfterTitles(ft: FoldedText, pos: number): string[] {
  const tokens = tokenize(ft, pos, ft.folded.length, 6);
  for (const t of tokens) {
    if (t.opened) break;
    if (honorificAt(ft, t.start)) return namesAfter(ft, t.start);
    if (t.closed) break;
  }
  return namesAfter(ft, pos);
}

/** The name before a position (subject-verb order): "… ouvert. Mme Aïcha Karafi a ajouté" → "Aïcha Karafi". */
/** How far back a subject may start: ten words, generously; bounded so a long paragraph stays linear. */
const SUBJECT_WINDOW = 240;

export function nameBefore(ft: FoldedText, pos: number): string | null {
  const windowStart = Math.max(0, pos - SUBJECT_WINDOW);
  // Start the window at a word boundary, so its first token is a whole word.
  const from = windowStart === 0 ? 0 : ft.folded.indexOf(" ", windowStart) + 1 || pos;
  const tokens = tokenize(ft, from, pos);
  const taken: Token[] = [];
  for (let k = tokens.length - 1; k >= 0 && taken.length < 10; k--) {
    const t = tokens[k];
    const isHonorific = honorificAt(ft, t.start) !== null;
    if (t.closed && !isHonorific) break;
    taken.unshift(t);
    if (isHonorific || t.opened) break;
  }
  while (taken.length > 0 && (honorificAt(ft, taken[0].start) || ARTICLES.includes(taken[0].word) || taken[0].word === "")) taken.shift();
  if (taken.length === 0 || PRONOUNS.has(taken[0].word)) return null;
  // An elided article is glued to its noun: "L'Institut national" → "Institut national".
  const elided = ARTICLES.find((a) => a.endsWith("'") && taken[0].word.startsWith(a) && taken[0].word.length > a.length);
  const start = taken[0].start + (elided?.length ?? 0);
  return original(ft, start, taken[taken.length - 1].end) || null;
}

/** Everyone a reporting verb introduces in this text. */
export function reportersIn(ft: FoldedText): string[] {
  const found: string[] = [];
  for (const m of ft.folded.matchAll(REPORTING_VERBS.regex)) {
    const verb = REPORTING_VERBS.valueOf(m.groups?.phrase ?? "");
    if (!verb) continue;
    if (verb.position === "after-verb") found.push(...namesAfter(ft, m.index + m[0].length));
    else {
      const name = nameBefore(ft, m.index);
      if (name) found.push(name);
    }
  }
  return found;
}
