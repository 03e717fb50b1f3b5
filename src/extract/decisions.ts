/**
 * Decisions, wherever minutes record them:
 * - sentences opened by a decision phrase ("تمّ الاتفاق على", "il a été convenu", "it was
 *   agreed"), anywhere;
 * - the items of a decision section: a heading or label such as "Decisions", "Action items",
 *   "Mesures de suivi", "Relevé de décisions", "القرارات", "التوصيات", whose list items or
 *   numbered paragraphs are each a decision, up to the next heading;
 * - numbered decisions anywhere: "Resolution 3: …", "Décision n° 2 : …", "القرار عدد 3 : …".
 * Each carries the date it sets, who is to carry it out and by when when the text says
 * ("(Owner: SF)", "Responsable : M. X", "by 30 June 2023", "في أجل أقصاه 15 جويلية 2022"),
 * and the commitment it concerns (named in it, else the commitment whose text holds it).
 */
import type { Decision } from "../model/meeting.js";
import { datesOf, type DateMatch } from "../text/dates.js";
import { wordCount, type Block } from "./blocks.js";
import { itemReferences } from "./item-numbers.js";
import { ACTION_HEADING, AGENDA_ITEM_WORDS, BRACKETED_DECISION, COMMITMENT_PLURAL, DATE_WORDS, DECISION_PHRASES, DECISION_SECTIONS, DUE_CUES, functionWordsOf, LABELLED_DECISION, NUMBERED_DECISION, OWNER_FRAMES, OWNER_LABELS, SECTION_MARKER } from "./lexicon/index.js";
import { textLanguage } from "./lexicon/detect.js";
import { capitalizedAt, firstMatch, foldWithMap, isLatinWord, type FoldedText } from "./match.js";
import { cleanTitle, originalOf, ownerInBrackets, sentences, toSourceRef } from "./text-helpers.js";
import type { ActionCells } from "./minutes-tables.js";

/** How far after a due cue its date may stand: "by the end of 30 June 2023" at most. */
const DUE_WINDOW = 24;
/** A section title is short: "8. Mesures de suivi", "Decisions of the committee:". */
const SECTION_TITLE_WORDS = 6;
/** A text that ends on a colon announces what follows it: a section title, an introduction to the decisions. */
const ENDS_ON_COLON = /[:：]\s*$/u;
/** An owner's line under an action: "Owner: Lorraine Forrester", "Responsable : DGB". */
const OWNER_LINE_WORDS = 8;
/** A bracketed action says what is to be done: "(Action: DS)" only who. */
const BRACKETED_WORDS = 4;
/** A sentence introducing the decisions is one line: "7.1 After deliberations, the NSC resolved as follows:". */
const INTRO_WORDS = 15;
/** Numbering before a section title or an item: "8.", "III -", "2.1)", a letter ("E. Action points"), "Point 3.". */
const NUMBERING = new RegExp(`^(?:(?:(?:${AGENDA_ITEM_WORDS})\\s+)?(?:[\\dIVXivx]{1,4}(?:[.\\-]\\d{1,3})*|\\p{L}(?=[.)]))\\s*[.):\\-–]?\\s+)?`, "u");
const isNumberedItem = (b: Block): boolean => b.itemNumber !== null || NUMBERED.test(b.ft.text);

/** A paragraph numbered as a resolution: "1.", "2)", "3 -". */
const NUMBERED = /^\d{1,3}(?:\.\d{1,3})*\s*[.)\-–]\s+\S/u;

/** What the decisions reader is told of the document besides its blocks. */
export interface DecisionContext {
  file: string;
  /** The commitment a block belongs to, for a decision that names none. */
  commitmentOf: (b: Block) => string | null;
  /** Blocks known to be actions by where they stand (a minutes table's action column), with the owner and due date their row's own columns give. */
  actions: ReadonlyMap<number, ActionCells>;
  /** Blocks that opened a reviewed commitment: items of a review, even under a title such as "Actions". */
  reviewed: ReadonlySet<number>;
  /** The meeting's date, whose year a day written without one takes ("by 31 October"). */
  meetingDate: string | null;
}

export function extractDecisions(blocks: readonly Block[], context: DecisionContext): Decision[] {
  const { commitmentOf, actions, reviewed } = context;
  const decisions: Decision[] = [];
  const inSection = sectionItems(blocks);
  for (const index of reviewed) inSection.delete(index);
  // "Action Point 1" over "Papers to be issued to attendees." over "Owner: Lorraine Forrester": one action in three lines.
  const headed = new Map<number, string | null>();
  blocks.forEach((b, k) => {
    const text = blocks[k + 1];
    if (b.cell !== null || !ACTION_HEADING.test(b.ft.folded) || !text || text.cell !== null || text.kind === "heading") return;
    const next = blocks[k + 2];
    headed.set(text.index, next && next.cell === null && wordCount(next.ft.text) <= OWNER_LINE_WORDS ? ownerIn(next.ft) : null);
  });
  for (const b of blocks) {
    if (headed.has(b.index)) {
      const found = decision(b.ft, { start: 0, end: b.ft.folded.length }, 0, b, context, true);
      const owner = headed.get(b.index);
      if (owner) found.owner = owner;
      decisions.push(found);
      continue;
    }
    const cells = actions.get(b.index);
    if (cells) {
      const found = decision(b.ft, { start: 0, end: b.ft.folded.length }, 0, b, context, true);
      if (cells.owner && !found.owner) found.owner = cells.owner;
      if (cells.due && !found.due) found.due = cells.due;
      decisions.push(found);
      continue;
    }
    if (inSection.has(b.index)) {
      decisions.push(decision(b.ft, { start: 0, end: b.ft.folded.length }, 0, b, context, true));
      continue;
    }
    // "[Actions: OM team will meet again …]": an action set in brackets in the discussion; "(Action: DS)" names only its owner.
    for (const m of b.cell === null ? b.ft.folded.matchAll(BRACKETED_DECISION) : []) {
      const rest = m.groups!.rest;
      if (wordCount(rest) < BRACKETED_WORDS) continue;
      const start = m.index + m[0].indexOf(rest);
      decisions.push(decision(b.ft, { start, end: start + rest.length }, 0, b, context, false));
    }
    const numbered = b.cell === null ? (NUMBERED_DECISION.exec(b.ft.folded) ?? LABELLED_DECISION.exec(b.ft.folded)) : null;
    if (numbered?.groups) {
      const start = numbered[0].length - numbered.groups.rest.length;
      decisions.push(decision(b.ft, { start, end: b.ft.folded.length }, 0, b, context, false));
      continue;
    }
    // "Guillaume enverra des liens …", "AB will circulate the slides.": a list item opened by a person and what they will do.
    const doer = b.kind === "item" && b.cell === null && commitmentOf(b) === null ? personWhoWill(b.ft) : null;
    if (doer) {
      const found = decision(b.ft, { start: 0, end: b.ft.folded.length }, 0, b, context, true);
      if (!found.owner) found.owner = doer;
      decisions.push(found);
      continue;
    }
    // A phrase found in a sentence is found in its block (sentences end on punctuation or a
    // line break, which no phrase runs into), so a block without one has no decision.
    if (!firstMatch(DECISION_PHRASES, b.ft.folded)) continue;
    for (const span of sentences(b.ft)) {
      const sentence = b.ft.folded.slice(span.start, span.end);
      // "The NSC resolved as follows:", "وتقرر ما يلي:": a sentence that ends on a colon introduces the decisions after it.
      if (ENDS_ON_COLON.test(sentence)) continue;
      const phrase = firstMatch(DECISION_PHRASES, sentence);
      if (phrase) decisions.push(decision(b.ft, span, phrase.index, b, context, false));
    }
  }
  return decisions;
}

function decision(
  ft: FoldedText,
  span: { start: number; end: number },
  phraseAt: number,
  b: Block,
  { commitmentOf, file, meetingDate }: DecisionContext,
  listed: boolean,
): Decision {
  const folded = ft.folded.slice(span.start, span.end);
  // The items it names, by number or ordinal ("la mesure 1.2", "(troisième engagement)", "(الالتزام الرابع)").
  const references = itemReferences(ft)
    .filter((r) => r.start >= span.start && r.end <= span.end)
    .map((r) => ({ ...r, start: r.start - span.start, end: r.end - span.start }));
  // An item's number is no day: "تمديد موعد الإجراء رقم 4 حتى 15 نيسان" is due on the 15th, not from the 4th.
  const sentence = references.reduce((t, r) => t.slice(0, r.start) + " ".repeat(r.end - r.start) + t.slice(r.end), folded);
  const dates = datesOf(sentence, DATE_WORDS, meetingDate, true);
  const date = dates.find((d) => d.index >= phraseAt) ?? null;
  const text = originalOf(ft, span);
  const found: Decision = {
    text: listed ? cleanTitle(text.replace(NUMBERING, "")) || text : text,
    date: date?.date ?? null,
    commitment: references[0]?.number ?? commitmentOf(b),
    source: toSourceRef(file, b.source),
  };
  const owner = ownerIn(foldWithMap(text)) ?? framedOwner(foldWithMap(found.text)) ?? ownerInBrackets(found.text)?.owner;
  if (owner) found.owner = owner;
  const due = dueIn(sentence, dates);
  if (due) found.due = due;
  return found;
}

/** "(Owner: SF)", "Responsable : Mme X", "المسؤول: وزارة المالية": the words after an owner label and its colon, to the clause's end. */
function ownerIn(ft: FoldedText): string | null {
  for (const m of ft.folded.matchAll(OWNER_LABELS)) {
    const after = ft.folded.slice(m.index + m[0].length);
    const colon = /^\s*[:：]\s*/u.exec(after);
    if (!colon) continue;
    const start = m.index + m[0].length + colon[0].length;
    const clause = /^[^()\[\];؛\n]+/u.exec(ft.folded.slice(start));
    if (!clause) continue;
    // The owner ends at the clause's end or at a due cue ("Owner: SF, by 30 June").
    const due = firstMatch(DUE_CUES, clause[0]);
    const end = start + (due ? due.index : clause[0].length);
    // The sentence's full stop is not the owner's, an initial's is ("Owner: J. S.").
    const owner = cleanTitle(ft.text.slice(ft.map[start], ft.map[end])).replace(/(?<=\p{L}{3})\.$/u, "");
    if (owner) return owner;
  }
  return null;
}

/**
 * The owner a decision names by its frame: "The Secretariat to circulate …", "Charger la DGB de
 * mobiliser …", "تكليف وزارة الانتقال الرقمي بإعداد …". A frame with no word before the owner
 * ("… to ") is sure only of a name: in Latin script, capitalized words and their particles
 * ("Federal Ministry of Justice"), not "Members agreed to meet".
 */
function framedOwner(ft: FoldedText): string | null {
  const words = functionWordsOf(textLanguage(ft, null));
  for (const { pattern, led } of OWNER_FRAMES) {
    const m = pattern.exec(ft.folded);
    if (!m?.groups) continue;
    // "Papers to be issued to attendees": a passive says what is to be done, not by whom.
    const next = /^\S+/u.exec(ft.folded.slice(m.index + m[0].length))?.[0];
    if (next !== undefined && words.passiveAuxiliaries.has(next)) continue;
    const start = m.indices?.groups?.owner[0] ?? 0;
    let tokens = [...m.groups.owner.matchAll(/\S+/gu)].map((t) => ({ word: t[0], at: start + t.index }));
    if (tokens.length > 1 && words.articles.includes(tokens[0].word)) tokens = tokens.slice(1);
    if (!led && !tokens.every((t) => !isLatinWord(t.word) || capitalizedAt(ft, t.at) || words.nameParticles.has(t.word) || words.articles.includes(t.word))) continue;
    const last = tokens[tokens.length - 1];
    return cleanTitle(ft.text.slice(ft.map[tokens[0].at], ft.map[last.at + last.word.length]));
  }
  return null;
}

/** Words of a person's name before what they will do: "Daniel Buijs", "AB". */
const DOER_WORDS = 3;
/** A future ending needs a verb's length: "sera", "fera", "enverra"; not "ra". */
const FUTURE_VERB_LETTERS = 4;

/**
 * The person an item opens with when the word after the name says what they will do: "AB will
 * circulate …", "Reginald Maltais examinera la demande …" (a future ending); not "The Secretariat will
 * …" (an article opens no name), "AB will be away" (a state, not an action).
 */
function personWhoWill(ft: FoldedText): string | null {
  const words = functionWordsOf(textLanguage(ft, null));
  const tokens = [...ft.text.matchAll(/\S+/gu)].slice(0, DOER_WORDS + 2).map((t) => t[0]);
  const first = foldWithMap(tokens[0] ?? "").folded;
  if (words.articles.includes(first) || words.pronouns.has(first)) return null;
  for (let k = 1; k <= DOER_WORDS && k < tokens.length; k++) {
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(tokens[k - 1])) return null;
    const verb = foldWithMap(tokens[k]).folded;
    const next = foldWithMap(tokens[k + 1] ?? "").folded;
    const auxiliary = words.futureAuxiliaries.has(verb) && !words.passiveAuxiliaries.has(next);
    const ending = /^\p{Ll}/u.test(tokens[k]) && verb.length >= FUTURE_VERB_LETTERS && words.futureEndings.some((e) => verb.endsWith(e));
    if (auxiliary || ending) return tokens.slice(0, k).join(" ");
  }
  return null;
}

/** The date right after a due cue: "by 30 June 2023", "avant le 15 mars 2024", "by 31 October" (of `dates`, the sentence's). */
function dueIn(folded: string, dates: readonly DateMatch[]): string | null {
  if (dates.length === 0) return null;
  for (const m of folded.matchAll(DUE_CUES)) {
    const cueEnd = m.index + m[0].length;
    const d = dates.find((x) => x.index >= cueEnd && x.index - cueEnd <= DUE_WINDOW);
    if (d) return d.date;
  }
  return null;
}

/**
 * A block that opens a decision section: a heading, a bold line or a short label that opens
 * with a decision section's words and names no commitments ("Suivi des engagements" reviews
 * them; "Mesures de suivi" lists what is to be done).
 */
export function opensDecisionSection(b: Block, next: Block | undefined): boolean {
  if (b.cell !== null) return false;
  // "After deliberations, the NSC resolved as follows:", "Il a été décidé ce qui suit :": a sentence that introduces the decisions.
  if (b.kind === "paragraph" && ENDS_ON_COLON.test(b.ft.text) && wordCount(b.ft.text) <= INTRO_WORDS && firstMatch(DECISION_PHRASES, b.ft.folded)) return true;
  if (wordCount(b.ft.text) > SECTION_TITLE_WORDS) return false;
  // Plain text's numbered section line ("3. Actions arising") is read as a list item: one the next block does not continue as a numbered list.
  // "* Action Items:" over its own nested items: a list item that titles the items under it.
  const itemTitle =
    b.kind === "item" &&
    ((isNumberedItem(b) && !(next && next.kind === "item" && isNumberedItem(next))) || (ENDS_ON_COLON.test(b.ft.text) && next?.kind === "item" && next.depth > b.depth));
  if (b.kind === "item" && !itemTitle) return false;
  // Plain text's title line ("Actions" alone on its line, its items under it) is marked by nothing but its words.
  const bareTitle = b.kind === "paragraph" && !b.emphasized && next?.kind === "item" && !/[.!?؟;؛,،:：]\s*$/u.test(b.ft.text);
  if (b.kind !== "heading" && !itemTitle && !b.emphasized && !bareTitle && !ENDS_ON_COLON.test(b.ft.text)) return false;
  // Its numbering may be a word: "ثالثاً: القرارات:", "Troisièmement : décisions".
  const title = b.ft.folded.replace(NUMBERING, "").replace(SECTION_MARKER, "");
  const m = firstMatch(DECISION_SECTIONS, title);
  if (m === null || !/^[\s\p{P}]*$/u.test(title.slice(0, m.index)) || firstMatch(COMMITMENT_PLURAL, title) !== null) return false;
  // A bare line is a title only when the section's words are all of it.
  return !bareTitle || /^[\s\p{P}]*$/u.test(title.slice(m.index + m[0].length));
}

/**
 * The blocks that are items of a decision section: the top-level list items after its
 * title (their sub-items are details, not decisions of their own), else its numbered
 * paragraphs (resolutions), up to the next heading of the same or a higher level, or the
 * next bold line. An unnumbered paragraph there may be the signature ("Prepared by …"): it
 * is a decision only by a decision phrase, as anywhere.
 */
function sectionItems(blocks: readonly Block[]): Set<number> {
  const items = new Set<number>();
  for (let k = 0; k < blocks.length; k++) {
    const title = blocks[k];
    if (!opensDecisionSection(title, blocks[k + 1])) continue;
    const body: Block[] = [];
    for (let j = k + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.kind === "heading" && (title.kind !== "heading" || b.depth <= title.depth)) break;
      if (b.kind !== "heading" && b.emphasized) break;
      if (b.cell !== null) break;
      // A section titled by a numbered line ends at the next numbered line of its level, one titled by an item at the item's end.
      if (title.kind === "item" && b.kind === "item" && b.depth <= title.depth && (isNumberedItem(b) || !isNumberedItem(title))) break;
      if (title.kind === "item" && !isNumberedItem(title) && b.kind !== "item") break;
      body.push(b);
    }
    // "Carried forward from previous meeting:" over its own sub-items titles them, it decides nothing.
    const listed = body.filter((b, j) => b.kind === "item" && !(ENDS_ON_COLON.test(b.ft.text) && body[j + 1]?.kind === "item" && body[j + 1].depth > b.depth));
    const top = listed.length ? Math.min(...listed.map((b) => b.depth)) : 0;
    const numbered = body.filter((x) => x.kind === "paragraph" && NUMBERED.test(x.ft.text));
    for (const b of listed.length ? listed.filter((x) => x.depth === top) : numbered) items.add(b.index);
  }
  return items;
}
