/**
 * Layout: a commitment without a number, named in a paragraph by its subject, its progress in the prose:
 * "Mme X a présenté l'engagement relatif au développement du système en ligne … Elle a indiqué que la mise
 * en œuvre de cet engagement avait atteint la deuxième phase", "Mr Y reported that the commitment on open
 * contracting is behind schedule", "قدّم السيد … الالتزام المتعلق بنشر المعطيات … وهو قيد التنفيذ".
 * A paragraph is one when it names exactly one commitment so, none by number, and says how it stands.
 * Like item-paragraphs, a run of such paragraphs is a review, each opening its own commitment; a lone one
 * opens a commitment only where none is being read (under a commitment it is that commitment's discussion).
 */
import { wordCount, type Block } from "../blocks.js";
import { itemReferences } from "../item-numbers.js";
import { COMMITMENT_BY_SUBJECT } from "../lexicon/index.js";
import { firstWords, toSourceRef } from "../text-helpers.js";
import { appositionTitle, readParagraphStatus, TITLE_WORDS } from "./item-paragraphs.js";
import type { FlowLayout } from "./types.js";

/** A subject of one word ("the commitment on time") names no commitment. */
const MIN_TITLE_WORDS = 2;

interface Subject {
  title: string;
  status: NonNullable<ReturnType<typeof readParagraphStatus>>;
}

/** The commitment a paragraph names by its subject and the status it gives, or null. */
export function subjectOf(block: Block): Subject | null {
  if (block.kind !== "paragraph" || block.cell !== null || block.emphasized) return null;
  if (itemReferences(block.ft).length > 0) return null;
  const found = [...block.ft.folded.matchAll(COMMITMENT_BY_SUBJECT)];
  if (found.length !== 1) return null;
  const ref = { start: found[0].index, end: found[0].index + found[0][0].length };
  const title = appositionTitle(block.ft, ref, TITLE_WORDS);
  if (wordCount(title) < MIN_TITLE_WORDS) return null;
  const status = readParagraphStatus(block.ft, ref, title);
  return status ? { title, status } : null;
}

export const subjectParagraphs: FlowLayout = {
  name: "subject-paragraphs",
  reader(flow, { builder, section }) {
    const subjects = new Map<number, Subject | null>();
    const subject = (k: number): Subject | null => {
      const block = flow[k];
      if (!block) return null;
      if (!subjects.has(block.index)) subjects.set(block.index, subjectOf(block));
      return subjects.get(block.index)!;
    };
    const open = (k: number) => {
      const block = flow[k];
      const found = subject(k)!;
      const draft = builder.open(null, found.title, toSourceRef(builder.file, block.source, firstWords(block.ft.text, 12)), section());
      draft.status = found.status.status;
      draft.statusLabel = found.status.label;
      builder.absorb(draft, block);
      return { draft, start: block };
    };
    return {
      // In a run, the next paragraph naming another subject ends the commitment before.
      interrupt(k) {
        const here = subject(k);
        const inRun = here && [subject(k - 1), subject(k + 1)].some((s) => s !== null && s.title !== here.title);
        return inRun ? open(k) : null;
      },
      open(k) {
        return subject(k) ? open(k) : null;
      },
    };
  },
};
