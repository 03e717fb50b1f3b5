/**
 * The registry of commitment layouts and the driver that runs them. Tables go first (their rows are
 * self-contained), each read by the first table layout that claims it; then the running text, in
 * reading order: a flow layout opens a commitment at a block it recognises, the blocks after it are
 * that commitment's content until a boundary (./boundaries.ts), and status sections set the status
 * the commitments after them share. Adding a layout is adding a module and a line below.
 */
import type { Block, FlatDocument, TableModel } from "../blocks.js";
import { colourKey as buildColourKey } from "../colour-key.js";
import { referencedNumbers } from "../item-numbers.js";
import { ATTACHED_ARTICLE, COMMITMENT_PLURAL, FOLLOWING_WORDS, HONORIFICS } from "../lexicon/index.js";
import { firstMatch, foldWithMap, originalSpan, type FoldedText } from "../match.js";
import { findPercents } from "../percents.js";
import { CommitmentBuilder, type CommitmentExtraction, type Section } from "../record-builder.js";
import { reportersIn, speakerOfTitle } from "../people.js";
import { planColumns } from "../tables.js";
import { firstWords, sentences, statusAtRate, subText } from "../text-helpers.js";
import { isSectionBreak, shownNumber } from "./boundaries.js";
import { commitmentPart } from "./commitment-part.js";
import { commitmentTable } from "./commitment-table.js";
import { headingLabels } from "./heading-labels.js";
import { itemParagraphs, namedItem } from "./item-paragraphs.js";
import { taskList } from "./task-list.js";
import { numberedList } from "./numbered-list.js";
import { sectionOf, statusOnly, statusWithReason } from "./status-sections.js";
import { subjectParagraphs } from "./subject-paragraphs.js";
import type { FlowLayout, FlowReader, LayoutContext, Opened, TableLayout } from "./types.js";

export type { FlowLayout, TableLayout } from "./types.js";

/** An item code with a letter prefix ("A-12", "AP-3"): distinctive enough to name the item without a word before it. */
const CODED = /^[A-Z]{1,3}-\d/u;
const CODE_IN_TEXT = /(?<![\p{L}\p{N}-])([A-Z]{1,3}-\d+(?:[.-]\d+)*)(?![\p{N}-])/gu;

export const TABLE_LAYOUTS: readonly TableLayout[] = [commitmentTable];
/** In order of precedence: a block that continues a commitment list is an item before it is a heading. */
export const FLOW_LAYOUTS: readonly FlowLayout[] = [taskList, numberedList, headingLabels, commitmentPart, itemParagraphs, subjectParagraphs];

export function extractCommitments(doc: FlatDocument, file: string): CommitmentExtraction {
  const builder = new CommitmentBuilder(file);
  let section: Section | null = null;
  const colourKey = buildColourKey(doc.blocks, doc.tables.flatMap((t) => t.rows.map((r) => r.cells)));
  const ctx: LayoutContext = { builder, section: () => section, colourKey };

  const readTables: TableModel[] = [];
  for (const table of doc.tables) {
    const plan = planColumns(table);
    const layout = TABLE_LAYOUTS.find((l) => l.claims(table, plan));
    if (!layout) continue;
    readTables.push(table);
    layout.read(table, plan, ctx);
  }

  // "Ms X presented the action log as follows:", "عرض السيد … سجل الإجراءات كما يلي:": the person the paragraph
  // announcing a table names presented each of its rows.
  for (const table of readTables) {
    const at = doc.units.findIndex((u) => u.type === "table" && u.table === table);
    const before = doc.units[at - 1];
    const presenter = before?.type === "block" ? presenterOf(before.block) : null;
    if (presenter === null) continue;
    for (const draft of builder.drafts) if (draft.source.table === table.number && !draft.reportedBy.includes(presenter)) draft.reportedBy.push(presenter);
  }

  const flow = doc.units.filter((u): u is { type: "block"; block: Block } => u.type === "block").map((u) => u.block);
  const readers: FlowReader[] = FLOW_LAYOUTS.map((l) => l.reader(flow, ctx));
  const first = (ask: (r: FlowReader) => Opened | null | undefined): Opened | null => {
    for (const r of readers) {
      const opened = ask(r);
      if (opened) return opened;
    }
    return null;
  };
  /** The commitment being read, and the numbers that opened blocks of its content ("1.", "2." of its own list). */
  let current: (Opened & { numbers: Set<number> }) | null = null;
  /** The number of the minutes' section being read ("1. Bilan des engagements"), to see the next one ("2. …") coming. */
  let sectionNumber: number | null = null;
  /**
   * The person a title gave the floor to ("Intervention de Mme X :"): the items opened under the
   * title are hers, until another title, a section, or a paragraph that names its own reporter.
   */
  let speaker: string | null = null;
  const opens = (opened: Opened): Opened & { numbers: Set<number> } => {
    builder.openings.add(opened.start.index);
    if (speaker !== null && opened.draft.reportedBy.length === 0) opened.draft.reportedBy.push(speaker);
    return { ...opened, numbers: new Set() };
  };
  for (let k = 0; k < flow.length; k++) {
    const block = flow[k];
    const titled = block.cell === null && (block.kind === "heading" || block.emphasized || /[:：]\s*$/u.test(block.ft.text));
    const floor = titled ? speakerOfTitle(block.ft) : null;
    if (floor !== null) {
      speaker = floor;
      if (current) builder.claim(block, null);
      current = null;
      continue;
    }
    const interrupting = first((r) => r.interrupt?.(k));
    if (interrupting) {
      const opened = opens(interrupting);
      current = interrupting.whole ? null : opened;
      continue;
    }
    if (titled && block.kind !== "item") speaker = null;
    // A bare status right under a commitment that has none yet is that commitment's status, not a new section.
    const bare = current && current.draft.statusLabel === null && !firstMatch(COMMITMENT_PLURAL, block.ft.folded) ? statusOnly(block.ft) : null;
    // "Not started: blocked on the data-sharing agreement.": the status, and the reason a note.
    const reasoned = current && !bare && current.draft.statusLabel === null && block.cell === null ? statusWithReason(block.ft) : null;
    if (current && reasoned) {
      current.draft.status = reasoned.status;
      current.draft.statusLabel = originalSpan(block.ft, reasoned.start, reasoned.end);
      builder.absorb(current.draft, block);
      continue;
    }
    if (current && bare) {
      const percent = findPercents(block.ft.text)[0];
      // "تم إنجازه بنسبة 60%", "Réalisé à 60 %": done only in part.
      current.draft.status = statusAtRate(bare.status, percent?.value ?? null);
      current.draft.statusLabel = block.ft.text.replace(/[.;]\s*$/u, "");
      if (percent && percent.value <= 100 && current.draft.progress === null) current.draft.progress = percent.value;
      builder.claim(block, current.draft);
      continue;
    }
    const found = sectionOf(block.ft);
    if (found && (block.kind !== "item" || block.itemNumber !== null || block.emphasized)) {
      section = found;
      speaker = null;
      if (current) builder.claim(block, null);
      current = null;
      continue;
    }
    const opening = shownNumber(block);
    if (current) {
      // "2. Rapport …" after section 1 ends the commitments even when a reader glued the title to its prose,
      // unless the commitment itself is counting ("1. …", "2. …" of its own activities).
      const nextSection = sectionNumber !== null && opening === sectionNumber + 1 && block.depth <= 1 && !current.numbers.has(sectionNumber);
      // "وبخصوص الالتزام عدد 2، أفاد …" after the last item of a list: a paragraph that opens on another item is about that one.
      const otherItem = namedItem(block);
      if (isSectionBreak(block, current.start) || nextSection) {
        current = null;
        section = null;
        speaker = null;
      } else if (otherItem && otherItem.number !== current.draft.number) {
        current = null;
      } else {
        builder.absorb(current.draft, block);
        if (opening !== null) current.numbers.add(opening);
        continue;
      }
    }
    if (opening !== null && block.cell === null && (block.kind === "heading" || block.depth <= 1)) sectionNumber = opening;
    if (block.kind === "paragraph" && reportersIn(block.ft).length > 0) {
      // "استعرض المهندس أحمد فؤاد … موقف تنفيذ المشروعات على النحو التالي:": the items after it are his, as under a
      // title giving the floor.
      speaker = presenterOf(block);
    }
    const opened = first((r) => r.open?.(k));
    if (opened) current = opens(opened);
  }

  // Paragraphs outside every commitment that discuss exactly one of them by number: "commitment 3", or an
  // action log's own code standing alone ("explained that A-12 was published", "(A-14)").
  const codes = new Set(builder.drafts.map((d) => d.number).filter((n): n is string => n !== null && CODED.test(n)));
  const owners = uniqueOwners(builder.drafts);
  const subjects = uniqueTitleSubjects(builder.drafts);
  // A paragraph that names no number may be about one commitment still: it reports on the work of the one
  // agency owning one commitment ("Ms Z noted that the RTI Commission had received 412 requests, 65 % granted"),
  // or it names the subject only one commitment's title names ("the citizens' budget had been downloaded
  // 40,000 times" under "Open Budget: publication of citizens' budget").
  const implied = (ft: FoldedText): string | null => {
    const owning = owners.filter((o) => containsWords(ft.folded, o.folded));
    if (owning.length > 0) return owning.length === 1 ? owning[0].number : null;
    const words = contentWordsOf(ft.folded).join(" ");
    const naming = new Set(subjects.filter((t) => containsWords(words, t.folded)).map((t) => t.number));
    return naming.size === 1 ? [...naming][0] : null;
  };
  for (const block of flow) {
    if (builder.region.has(block.index)) continue;
    const named = referencedNumbers(block.ft);
    const coded = named.length ? [] : [...new Set([...block.ft.text.matchAll(CODE_IN_TEXT)].map((m) => m[1]).filter((c) => codes.has(c)))];
    const one = named.length === 1 ? named[0] : coded.length === 1 ? coded[0] : null;
    if (one !== null) {
      // The sentences before the one that names the number may be about another commitment, by its owner
      // or subject ("Mr. X reported that the People's Budget … . Atty. Y added that … commitment 2.2 …").
      const split = named.length === 1 ? leadBeforeNamed(block) : null;
      const before = split && implied(split.lead.ft);
      if (split && before && before !== one) {
        builder.discuss(before, split.lead, "reports");
        builder.discuss(one, split.rest);
      } else builder.discuss(one, block);
    } else if (named.length > 1) for (const part of discussedParts(block)) builder.discuss(part.number, part.block);
    else if (named.length === 0 && coded.length === 0) {
      const about = implied(block.ft);
      if (about !== null) builder.discuss(about, block, "reports");
      // Else run by run, as discussedParts cuts a paragraph naming numbers: from a sentence whose subject names one
      // commitment to the next that names another ("X said the simplified budget was published. Y added that phase
      // two of the portal is in testing.").
      else {
        const runs: { number: string; start: number; end: number }[] = [];
        for (const span of sentences(block.ft)) {
          const subject = implied(subText(block.ft, span));
          const run = runs.at(-1);
          if (subject === null || subject === run?.number) {
            if (run) run.end = span.end;
          } else runs.push({ number: subject, start: span.start, end: span.end });
        }
        for (const run of runs) builder.discuss(run.number, { ...block, ft: subText(block.ft, run) }, "reports");
      }
    }
  }

  // Nothing lost: text in a commitment table that no field took.
  for (const table of readTables)
    for (const row of table.rows)
      for (const cell of row.cells)
        for (const b of cell.blocks) {
          if (builder.covered.has(b.index)) continue;
          builder.warn("unassigned-text", `Text of a commitment table not attached to any commitment: "${firstWords(b.ft.text, 12)}"`, b);
          builder.covered.add(b.index);
          builder.region.set(b.index, null);
        }

  return { ...builder.finish(), warnings: builder.warnings, region: builder.region, covered: builder.covered, openings: builder.openings };
}

/**
 * The one person a paragraph announcing what follows names as presenting it ("Mme X a présenté le tableau de suivi
 * ci-après.", "عرض السيد … كما يلي:"); null for a body passing on others' reports ("The Secretariat presented the
 * updates received from the agencies:"), or several people.
 */
function presenterOf(block: Block): string | null {
  if (!announces(block)) return null;
  const named = reportersIn(block.ft);
  return named.length === 1 && titledIn(block.ft, named[0]) ? named[0] : null;
}

/** How far before a name its courtesy titles may reach: "الأستاذة الدكتورة", "Hon. Dr.". */
const TITLE_REACH = 40;

/** A name the text gives after a courtesy title ("المهندس أحمد فؤاد", "Ms Jane Doe"): a person, not a body. */
function titledIn(ft: FoldedText, name: string): boolean {
  const at = ft.text.indexOf(name);
  if (at <= 0) return false;
  const before = foldWithMap(ft.text.slice(Math.max(0, at - TITLE_REACH), at)).folded.trimEnd();
  return [...before.matchAll(HONORIFICS.regex)].some((m) => m.index + m[0].length === before.length);
}
/** A paragraph that announces what follows it: it ends on a colon or names what follows ("ci-après", "as follows", "كما يلي"). */
function announces(block: Block): boolean {
  return block.kind === "paragraph" && !block.emphasized && (/[:：]\s*$/u.test(block.ft.text) || firstMatch(FOLLOWING_WORDS, block.ft.folded) !== null);
}

/** Owners named by exactly one numbered commitment, folded for matching: an owner shared by several names none of them. */
function uniqueOwners(drafts: readonly { number: string | null; owner: string | null }[]): { number: string; folded: string }[] {
  const byOwner = new Map<string, Set<string>>();
  for (const { number, owner } of drafts) {
    if (number === null || owner === null) continue;
    const folded = foldWithMap(owner).folded.trim();
    // A bare initialism of two letters ("DG") or a one-letter code matches too much text to name anything.
    if (folded.length < 3) continue;
    byOwner.set(folded, (byOwner.get(folded) ?? new Set()).add(number));
  }
  return [...byOwner].filter(([, numbers]) => numbers.size === 1).map(([folded, numbers]) => ({ number: [...numbers][0], folded }));
}

/** Words this long are content words in the three languages: shorter ones are mostly function words. */
const SUBJECT_WORD = 4;

/**
 * Two content words in a row of a commitment's title, the function words between them left out
 * ("citizens budget", "people budget" of "the People's Budget"), that no other commitment's title
 * has: a subject that names that commitment alone.
 */
function uniqueTitleSubjects(drafts: readonly { number: string | null; title: string }[]): { number: string; folded: string }[] {
  const byPair = new Map<string, Set<string>>();
  for (const { number, title } of drafts) {
    if (number === null) continue;
    const words = contentWordsOf(foldWithMap(title).folded);
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = `${words[i]} ${words[i + 1]}`;
      byPair.set(pair, (byPair.get(pair) ?? new Set()).add(number));
    }
  }
  return [...byPair].filter(([, numbers]) => numbers.size === 1).map(([folded, numbers]) => ({ number: [...numbers][0], folded }));
}

/** A folded text's content words, without the marks between them ("citizens' budget" is "citizens", "budget") or an attached article ("البوابة" is "بوابة"). */
function contentWordsOf(folded: string): string[] {
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.replace(ATTACHED_ARTICLE, ""))
    .filter((w) => [...w].length >= SUBJECT_WORD);
}

/** `phrase` in `text` as whole words (both folded). */
function containsWords(text: string, phrase: string): boolean {
  const wordChar = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!wordChar.test(text[at - 1] ?? "") && !wordChar.test(text[at + phrase.length] ?? "")) return true;
  }
  return false;
}

/** A paragraph cut before its first sentence that names a commitment, when one comes first that names none. */
function leadBeforeNamed(block: Block): { lead: Block; rest: Block } | null {
  const spans = sentences(block.ft);
  const first = spans.findIndex((span) => referencedNumbers(subText(block.ft, span)).length > 0);
  if (first <= 0) return null;
  const cut = spans[first].start;
  return {
    lead: { ...block, ft: subText(block.ft, { start: 0, end: cut }) },
    rest: { ...block, ft: subText(block.ft, { start: cut, end: block.ft.folded.length }) },
  };
}

/**
 * A paragraph that discusses several commitments one after another ("Au sujet de l'engagement E3,
 * M. X a expliqué … Concernant l'engagement E4, Mme Y a indiqué …"): each run of sentences from one
 * that names a single commitment to the next that names any is about that commitment alone. A
 * sentence naming two stops the run: what it says belongs to neither alone.
 */
function discussedParts(block: Block): { number: string; block: Block }[] {
  const parts: { number: string; start: number; end: number }[] = [];
  let current: { number: string; start: number; end: number } | null = null;
  for (const span of sentences(block.ft)) {
    const named = referencedNumbers(subText(block.ft, span));
    if (named.length === 1) parts.push((current = { number: named[0], start: span.start, end: span.end }));
    else if (named.length > 1) current = null;
    else if (current) current.end = span.end;
  }
  return parts.map((p) => ({ number: p.number, block: { ...block, ft: subText(block.ft, p) } }));
}
