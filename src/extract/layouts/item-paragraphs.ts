/**
 * Layout: one paragraph per item, naming it by number or ordinal word with its title in apposition,
 * its status in the prose: "Action 3.1, the redesign of the open data portal, has been completed",
 * "On Action 3.6, training for data stewards, Ms Burke said that progress is being made",
 * "أما الالتزام الثاني (تعزيز الشفافية في الموازنة العامة) فقد أوضح السيد … أنه ما زال قيد التنفيذ".
 * A run of at least two such paragraphs, each naming an item of its own, is a review of the items;
 * a lone paragraph naming a commitment is discussion (read by the driver into that commitment).
 * So is a run of list items each opening with its item ("- engagement 2, registre des bénéficiaires
 * effectifs : taux d'exécution de 55 %, en cours ;").
 */
import { wordCount, type Block } from "../blocks.js";
import { itemReferences, type ItemReference } from "../item-numbers.js";
import type { Status } from "../../model/meeting.js";
import { COMMITMENT_TITLE_LEAD, PHASE_REACHED, TRAILING_COPULAS } from "../lexicon/index.js";
import { foldWithMap, type FoldedText } from "../match.js";
import { proseStatus, statedRate } from "../record-builder.js";
import { cleanTitle, firstWords, sentences, statusPhrases, toSourceRef } from "../text-helpers.js";
import type { FlowLayout } from "./types.js";

/** The item must be named early: in the paragraph's opening words, as its subject or topic. */
const OPENING_WORDS = 16;
export const TITLE_WORDS = 20;
/** Words of a title read from the clause after a number: its head, the rest being what is said of it. */
const CLAUSE_WORDS = 12;

/** The one item a paragraph's first sentence names early, or null; with `items`, also a list item's that opens with it. */
export function namedItem(block: Block, items = false): ItemReference | null {
  const item = items && block.kind === "item";
  if ((block.kind !== "paragraph" && !item) || block.cell !== null || block.emphasized) return null;
  const first = sentences(block.ft)[0];
  if (!first) return null;
  const refs = itemReferences(block.ft).filter((r) => r.end <= first.end);
  if (refs.length === 0 || refs.some((r) => r.number !== refs[0].number)) return null;
  return wordCount(block.ft.folded.slice(0, refs[0].start)) <= (item ? 0 : OPENING_WORDS) ? refs[0] : null;
}

/** A title without the word that leads into it: "on open contracting" is "open contracting". */
function withoutLead(title: string): string {
  const ft = foldWithMap(title.trim());
  const lead = COMMITMENT_TITLE_LEAD.exec(ft.folded)?.[0].length ?? 0;
  return lead > 0 && lead < ft.folded.length ? ft.text.slice(ft.map[lead]) : ft.text;
}

/**
 * The title in apposition right after the reference: "(…)" or ", …,"; else the clause after it, up to
 * its first comma ("Regarding Commitment 7 on open contracting, Mr … reported"). A lead word is not the title's.
 * A commitment named by its subject ("l'engagement relatif au …") has its title read the same way; that clause is
 * all its name, so it may run longer (`clauseWords`) than a clause told beside a number.
 */
export function appositionTitle(ft: FoldedText, ref: { end: number }, clauseWords = CLAUSE_WORDS): string {
  const after = ft.text.slice(ft.map[ref.end]);
  const m = /^\s*(?:\((?<paren>[^()]+)\)|[,،]\s*(?<comma>[^,،.;؛:]+?)\s*[,،])/u.exec(after);
  const title = m?.groups?.paren ?? m?.groups?.comma;
  if (title && wordCount(title) <= TITLE_WORDS) return cleanTitle(withoutLead(title));
  // The clause stops where the prose says how the item stands ("… في تتبع الميزانية أنجز جزئيا").
  // The clause ends at a colon too: "engagement 2, registre des bénéficiaires : taux d'exécution de 55 %".
  const clause = foldWithMap(withoutLead(after.replace(/^[\s:：,،\-–—]+/u, "").split(/[.;؛,،:：\n]/u)[0]));
  const status = statusPhrases(clause)[0];
  if (!status || status.start === 0) return cleanTitle(firstWords(clause.text, clauseWords).replace(/\s…$/u, ""));
  // "… حول الميزانية التشاركية فهو بصدد الإنجاز", "… the portal is completed": the linking word is the sentence's, not the title's.
  const head = clause.folded.slice(0, status.start);
  const copula = TRAILING_COPULAS.exec(head);
  const end = copula && copula.index > 0 ? copula.index : status.start;
  return cleanTitle(firstWords(clause.text.slice(0, clause.map[end]), clauseWords).replace(/\s…$/u, ""));
}

/**
 * The status a paragraph about one item gives first: in status words (see below), in a statement of progress
 * ("is behind schedule"), or as a phase the work reached ("avait atteint la deuxième phase").
 */
export function readParagraphStatus(ft: FoldedText, ref: { start: number; end: number }, title: string): { status: Status; label: string } | null {
  // The status words after the item ("has been completed", "was withdrawn": a closing word, no status), else the
  // nearest before it ("لم يتم الشروع بعد في تنفيذ الالتزام الرابع"); not a word of its title. "Mme X a salué les
  // progrès réalisés et regretté que l'engagement 9 n'ait pas démarré": the words after.
  const phrases = statusPhrases(ft).filter((h) => !title.includes(h.label));
  const phrase = phrases.find((h) => h.start >= ref.end) ?? phrases.filter((h) => h.start < ref.start).at(-1) ?? null;
  const prose = proseStatus(ft);
  const m = PHASE_REACHED.exec(ft.folded);
  const phase = m ? { status: "in_progress" as const, label: ft.text.slice(ft.map[m.index], ft.map[m.index + m[0].length]), start: m.index } : null;
  const found = [phrase, prose, phase].filter((s): s is NonNullable<typeof s> => s !== null);
  // The first stated wins; of two at one place, the status words before the prose.
  return found.reduce<(typeof found)[number] | null>((best, s) => (best === null || s.start < best.start ? s : best), null);
}

export const itemParagraphs: FlowLayout = {
  name: "item-paragraphs",
  reader(flow, { builder, section }) {
    const runStarts = new Map<number, ItemReference>();
    const judged = new Set<number>();
    const judge = (k: number): void => {
      const run: { block: Block; ref: ItemReference }[] = [];
      for (let j = k; j < flow.length; j++) {
        const ref = namedItem(flow[j], true);
        if (!ref || run.some((r) => r.ref.number === ref.number)) break;
        run.push({ block: flow[j], ref });
      }
      for (const { block } of run) judged.add(block.index);
      if (run.length >= 2) for (const { block, ref } of run) runStarts.set(block.index, ref);
    };
    return {
      interrupt(k) {
        const block = flow[k];
        if (!judged.has(block.index)) judge(k);
        const ref = runStarts.get(block.index);
        if (!ref) return null;
        const title = appositionTitle(block.ft, ref);
        const draft = builder.open(ref.number, title, toSourceRef(builder.file, block.source, firstWords(block.ft.text, 12)), section());
        const stated = readParagraphStatus(block.ft, ref, title);
        if (stated) {
          draft.status = stated.status;
          draft.statusLabel = stated.label;
        }
        draft.progress = statedRate(block.ft);
        draft.tentative = ref.action;
        builder.absorb(draft, block);
        return { draft, start: block, whole: block.kind === "item" };
      },
    };
  },
};
