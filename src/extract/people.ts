/**
 * People and bodies named in prose: who reported ("أشارت السيدة سوسن معلى أنّه",
 * "Mme Rim Garnaoui a indiqué que", "Ms Doe reported"), who chaired. Names are cut
 * from the text as written; the lexicon says on which side of the verb they stand
 * and which words end them. Those words are the function words of the text's own
 * language ("de" ends a French name, not "Dr. De Souza"): each reader takes the
 * document's language, used when the text itself shows none; without it, every
 * language's words apply.
 */
import { capitalizedAt, firstMatch, isLatinWord, lineStart, originalSpan, type FoldedText } from "./match.js";
import { textLanguage } from "./lexicon/detect.js";
import { BODY_WORDS, functionWordsOf, HONORIFICS, REPORTING_VERBS, SPEAKER_TITLES, type FunctionWords, type Language } from "./lexicon/index.js";

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
    const start = m.index + lead;
    // "A." in "Ms A. Kamara" is an initial: its full stop does not end the name.
    const initial = raw.slice(raw.length - trail) === "." && isLatinWord(word) && word.length === 1 && capitalizedAt(ft, start);
    tokens.push({ word, start, end: m.index + raw.length - trail, closed: trail > 0 && !initial, opened: lead > 0 });
  }
  return tokens;
}

/** The courtesy title at a position of folded text ("Dr.", "السيدة", "MM."), with where it ends and whether it names several. */
export function honorificAt(ft: FoldedText, pos: number): { end: number; plural: boolean } | null {
  const re = new RegExp(HONORIFICS.regex.source, "uy");
  re.lastIndex = pos;
  const m = re.exec(ft.folded);
  if (!m || !m.groups) return null;
  const found = { end: pos + m[0].length, plural: HONORIFICS.valueOf(m.groups.phrase)?.plural ?? false };
  // Titles in a row are one: "عطوفة الدكتور زياد", "Hon. Dr. Ama Mensah".
  const next = /^\s+/u.exec(ft.folded.slice(found.end))?.[0].length;
  return (next && honorificAt(ft, found.end + next)) || found;
}

/** The function words that apply to a text: those of its language, or of the document's. */
const wordsFor = (ft: FoldedText, language: Language | null): FunctionWords => functionWordsOf(textLanguage(ft, language));

/** Words an office between two titles may hold: "الأمين العام", "Deputy Minister". */
const OFFICE_WORDS = 3;

/**
 * Names after a position (verb-subject order): "السيدة ريم القرناوي أنه" → ["ريم القرناوي"].
 * `properNames`: a name without a courtesy title is also taken when it is a proper name, two
 * capitalized Latin-script words or more ("sous la présidence de René CLINCHARD, Maire"); a
 * chair phrase introduces a person, where a reporting verb may introduce any capitalized words.
 */
export function namesAfter(ft: FoldedText, pos: number, language: Language | null = null, properNames = false): string[] {
  const words = wordsFor(ft, language);
  let at = pos;
  // "Chaired by: Dr. …", "by the Chair, Ms. …": the punctuation after the phrase is not the name.
  while (/[\s:：,،\-–]/u.test(ft.folded[at] ?? "")) at++;
  // "Facilitator: @jkim (Jae Kim)": a repository's user name, the person's name in brackets after it.
  const handle = /^@\S+\s*\(\s*/u.exec(ft.folded.slice(at));
  if (handle) at += handle[0].length;
  let honorific = honorificAt(ft, at);
  if (honorific) at = honorific.end;
  // "عطوفة الأمين العام المهندس سامي الخطيب": an office between a title of office and a personal title is
  // the person's office; the name follows the last title.
  const ahead = honorific ? tokenize(ft, at, ft.folded.length, OFFICE_WORDS + 1) : [];
  if (ahead[0] && BODY_WORDS.test(ft.folded.slice(ahead[0].start))) {
    const title = ahead.slice(1).map((t) => honorificAt(ft, t.start)).find((h) => h !== null);
    if (title) {
      honorific = title;
      at = title.end;
    }
  }
  // A name is a few words: a dozen tokens are enough, however long the paragraph.
  let tokens = tokenize(ft, at, ft.folded.length, 12);
  // "reported by the Ministry of Finance": the article is not part of the name.
  if (!honorific && tokens[0] && words.articles.includes(tokens[0].word)) tokens = tokens.slice(1);
  const maxWords = honorific ? 3 : 5;
  const taken: Token[] = [];
  // Initials do not count among a name's words: "Usec. Wilford Will L. Wong".
  let counted = 0;
  for (const t of tokens) {
    // "على" ends a name, "علي" is one: folding writes both alike.
    const stop = words.nameStopWords.has(t.word) && !(words.maqsuraStopWords.has(t.word) && originalSpan(ft, t.start, t.end).endsWith("ي"));
    if (t.opened || stop || t.word === "") break;
    // "الدكتور زياد المصري أمين عام الوزارة": the office after a titled name is not the name's.
    if (honorific && taken.length > 0 && BODY_WORDS.test(ft.folded.slice(t.start))) break;
    // "Abdul Sesay Present: …": a word before a colon opens the next label, it ends the name.
    if (taken.length > 0 && /^[:：]/u.test(ft.folded.slice(t.end, t.end + 1))) break;
    if (isLatinWord(t.word) && !capitalizedAt(ft, t.start) && !words.nameParticles.has(t.word)) break;
    taken.push(t);
    if (!(isLatinWord(t.word) && t.word.length === 1)) counted++;
    if (t.closed || counted >= (honorific?.plural ? maxWords * 2 : maxWords)) break;
  }
  // A name does not end on a particle: "Ministry of" is "Ministry".
  while (taken.length > 1 && words.nameParticles.has(taken[taken.length - 1].word)) taken.pop();
  if (taken.length === 0) return [];
  // Without a courtesy title only a body or a role is a reporter: "أشار ممثل المعهد", not "عرض نتائج المرحلة".
  if (!honorific && !BODY_WORDS.test(ft.folded.slice(taken[0].start)) && !(properNames && isProperName(ft, taken, words))) return [];
  if (!honorific?.plural) return [originalSpan(ft, taken[0].start, taken[taken.length - 1].end)];
  // Several people after a plural title, joined by a conjunction written apart ("et") or attached ("وسنية").
  const names: string[] = [];
  let first = 0;
  const flush = (endIndex: number, startPos: number): void => {
    if (endIndex >= first) names.push(originalSpan(ft, startPos, taken[endIndex].end));
  };
  let startPos = taken[0].start;
  for (let k = 1; k < taken.length; k++) {
    const w = taken[k].word;
    if (words.nameConjunctions.has(w)) {
      flush(k - 1, startPos);
      first = k + 1;
      startPos = taken[k + 1]?.start ?? taken[k].end;
      continue;
    }
    const attached = [...words.nameConjunctions].find((c) => w.startsWith(c) && w.length > c.length + 2 && !isLatinWord(w));
    if (attached && k - first >= 2) {
      flush(k - 1, startPos);
      first = k;
      startPos = taken[k].start + attached.length;
    }
  }
  flush(taken.length - 1, startPos);
  return names.filter((n) => n.length > 0);
}

/** Two words or more, each a capitalized Latin-script word or a particle between them: "René CLINCHARD", "Amina De Souza". */
function isProperName(ft: FoldedText, taken: readonly Token[], words: FunctionWords): boolean {
  return taken.length >= 2 && taken.every((t) => isLatinWord(t.word) && (capitalizedAt(ft, t.start) || words.nameParticles.has(t.word)));
}

/**
 * Names after a phrase, past the titles and offices that may stand before the courtesy title
 * ("برئاسة عطوفة الأمين العام السيد مروان الرفاعي"): the first honorific within a few words.
 */
export function namesAfterTitles(ft: FoldedText, pos: number, language: Language | null = null, properNames = false): string[] {
  const tokens = tokenize(ft, pos, ft.folded.length, 6);
  for (const t of tokens) {
    if (t.opened) break;
    if (honorificAt(ft, t.start)) return namesAfter(ft, t.start, language, properNames);
    if (t.closed) break;
  }
  return namesAfter(ft, pos, language, properNames);
}

/** The name before a position (subject-verb order): "… ouvert. Mme Aïcha Karafi a ajouté" → "Aïcha Karafi". */
/** How far back a subject may start: ten words, generously; bounded so a long paragraph stays linear. */
const SUBJECT_WINDOW = 240;
const SUBJECT_WORDS = 10;
/** How many more words a titled subject may hold: those of the role after the name. */
const TITLED_ROLE_WORDS = 6;

export function nameBefore(ft: FoldedText, pos: number, language: Language | null = null): string | null {
  const words = wordsFor(ft, language);
  const windowStart = Math.max(0, pos - SUBJECT_WINDOW);
  // Start the window at a word boundary, so its first token is a whole word; a subject never runs over a line break.
  const from = Math.max(windowStart === 0 ? 0 : ft.folded.indexOf(" ", windowStart) + 1 || pos, lineStart(ft, pos));
  // "Ms. Aurora Reyes (Commission on Audit) reported": the body in brackets after a name is in apposition.
  const bracket = /\)\s*$/u.test(ft.folded.slice(from, pos)) ? ft.folded.lastIndexOf("(", pos) : -1;
  const bracketed = bracket > from ? nameBefore(ft, bracket, language) : null;
  if (bracketed) return bracketed;
  const tokens = tokenize(ft, from, pos);
  const apposed = appositionStart(ft, tokens, words);
  if (apposed !== null) return nameBefore(ft, apposed, language);
  const taken: Token[] = [];
  let titled = false;
  // A subject is ten words at most; its courtesy title may stand a few words further back, before a long
  // apposition ("Mr. Joseph Flomo from the Ministry of Finance and Development Planning explained").
  for (let k = tokens.length - 1; k >= 0 && taken.length < SUBJECT_WORDS + TITLED_ROLE_WORDS; k--) {
    const t = tokens[k];
    const isHonorific = honorificAt(ft, t.start) !== null;
    if (t.closed && !isHonorific) break;
    taken.unshift(t);
    titled = isHonorific;
    if (isHonorific || t.opened) break;
  }
  if (!titled) taken.splice(0, Math.max(0, taken.length - SUBJECT_WORDS));
  while (taken.length > 0 && (honorificAt(ft, taken[0].start) || words.articles.includes(taken[0].word) || taken[0].word === "")) taken.shift();
  if (taken.length === 0 || words.pronouns.has(taken[0].word)) return null;
  // A Latin-script name is capitalized, or names a body by its role ("le représentant de …"): "(first reported as 30%)" names no one.
  if (isLatinWord(taken[0].word) && !capitalizedAt(ft, taken[0].start) && !BODY_WORDS.test(ft.folded.slice(taken[0].start))) return null;
  // After a courtesy title the name is its capitalized words: "Ms Z from the Ministry of Finance explained" → "Z".
  if (titled) {
    const cut = taken.findIndex((t, k) => k > 0 && isLatinWord(t.word) && !capitalizedAt(ft, t.start) && !words.nameParticles.has(t.word));
    if (cut > 0) taken.splice(cut);
    while (taken.length > 1 && words.nameParticles.has(taken[taken.length - 1].word)) taken.pop();
  }
  // An elided article is glued to its noun: "L'Institut national" → "Institut national".
  const elided = words.articles.find((a) => a.endsWith("'") && taken[0].word.startsWith(a) && taken[0].word.length > a.length);
  const start = taken[0].start + (elided?.length ?? 0);
  return originalSpan(ft, start, taken[taken.length - 1].end) || null;
}

/** An apposition is a role of some words: "directeur à la Cour des comptes", "Secrétaire Général du Ministère de la Transition Numérique et de la Réforme de l'Administration". */
const APPOSITION_WORDS = 20;

/**
 * Where the subject ends when a role in apposition stands between it and the verb ("M. Y,
 * directeur à la Cour des comptes, a précisé", "Ms Z, Director of Budget, explained"): the
 * comma that opens the apposition, when the apposition opens with a role or body word.
 */
function appositionStart(ft: FoldedText, tokens: readonly Token[], words: FunctionWords): number | null {
  const last = tokens[tokens.length - 1];
  if (!last?.closed || !/^[,،]/u.test(ft.folded.slice(last.end))) return null;
  for (let k = tokens.length - 2; k >= 0 && tokens.length - 1 - k <= APPOSITION_WORDS; k--) {
    if (!tokens[k].closed) continue;
    if (!/^[,،]/u.test(ft.folded.slice(tokens[k].end))) return null;
    const role = tokens[k + 1];
    const roleStart = words.articles.includes(role.word) && tokens[k + 2] ? tokens[k + 2].start : role.start;
    if (BODY_WORDS.test(ft.folded.slice(roleStart))) return tokens[k].end;
    // After a person named with a courtesy title, what stands between commas is their role, whatever its
    // words: "M. Karim Belkacem, chef de projet à la DINUM, a précisé", "Mr Kwame Boateng, Deputy Registrar at …, reported".
    return titledNameEndsAt(ft, tokens, k) ? tokens[k].end : null;
  }
  return null;
}

/** A name of a few words after a courtesy title ends at token `k`: "M. Karim Belkacem", "السيد وائل شمس الدين". */
function titledNameEndsAt(ft: FoldedText, tokens: readonly Token[], k: number): boolean {
  for (let j = k; j >= 0 && k - j < NAME_WORDS; j--) {
    if (j < k && tokens[j].closed) return false;
    if (honorificAt(ft, tokens[j].start)) return j < k;
  }
  return false;
}
/** A person's name is a few words: given names, family names and their particles. */
const NAME_WORDS = 5;

/**
 * A person's name before a position, as a chair verb's subject ("Dr. Amina De Souza chaired"):
 * the capitalized words (and particles between them) that end `nameBefore`'s reading, so that
 * "the meeting was chaired by" names no one.
 */
export function personBefore(ft: FoldedText, pos: number, language: Language | null = null): string | null {
  const name = nameBefore(ft, pos, language);
  if (!name) return null;
  const { nameParticles } = wordsFor(ft, language);
  const parts = name.split(/\s+/u);
  const proper = (w: string): boolean => !isLatinWord(w) || w !== w.toLowerCase();
  // The capitalized words that end the subject: "At the start Amina De Souza" → "Amina De Souza".
  let start = parts.length;
  while (start > 0 && (proper(parts[start - 1]) || nameParticles.has(parts[start - 1]))) start--;
  while (start < parts.length && !proper(parts[start])) start++;
  return start < parts.length ? parts.slice(start).join(" ") : null;
}

/** Everyone a reporting verb introduces in this text. */
export function reportersIn(ft: FoldedText, language: Language | null = null): string[] {
  const found: string[] = [];
  const { passiveAuxiliaries } = wordsFor(ft, language);
  for (const m of ft.folded.matchAll(REPORTING_VERBS.regex)) {
    const verb = REPORTING_VERBS.valueOf(m.groups?.phrase ?? "");
    if (!verb) continue;
    // "The amendment has not yet been presented to Parliament": a passive verb's subject reported nothing.
    const previous = /(\S+)\s+$/u.exec(ft.folded.slice(Math.max(0, m.index - 16), m.index))?.[1];
    if (previous !== undefined && passiveAuxiliaries.has(previous)) continue;
    if (verb.position === "after-verb") found.push(...namesAfter(ft, m.index + m[0].length, language));
    else {
      const name = nameBefore(ft, m.index, language);
      if (name) found.push(name);
    }
  }
  return found;
}

/**
 * The one person a title gives the floor to: "Intervention de Mme Leila Ben Salah, point focal du
 * ministère des Finances :", "Update from Ms Jane Doe", "مداخلة السيدة …". The title opens its
 * text; a title naming no person, or several, names no speaker.
 */
export function speakerOfTitle(ft: FoldedText, language: Language | null = null): string | null {
  const m = firstMatch(SPEAKER_TITLES, ft.folded);
  if (!m || ft.folded.slice(0, m.index).trim() !== "") return null;
  const names = namesAfterTitles(ft, m.index + m[0].length, language, true);
  return names.length === 1 ? names[0] : null;
}
