/**
 * Layout: one heading (or bold paragraph) per commitment, "Engagement n°1 : …" or "3. Open budgets",
 * followed by label lines ("Taux de réalisation : 80 %", "Statut : …"), prose and bullets.
 */
import type { Block } from "../blocks.js";
import { matchCommitmentHeading, matchReferencedTitle } from "../item-numbers.js";
import { hasLabel, labelSegments, opensWithLabel } from "../labels.js";
import { foldWithMap, originalSpan } from "../match.js";
import { reportersIn } from "../people.js";
import { findPercents } from "../percents.js";
import { bestStatus, cleanTitle, DOT_LEADER, firstWords, openingStatus, sentences, subText, toSourceRef } from "../text-helpers.js";
import { statusOnly } from "./status-sections.js";
import { leadingNumber } from "./boundaries.js";
import { splitListItem } from "./numbered-list.js";
import type { FlowLayout } from "./types.js";

/**
 * A block that opens one commitment: "Engagement n°1 : …" as a heading, in bold, with a
 * separator or followed by label lines; or a numbered title without the commitment word
 * ("3. Open budgets") when label lines follow it.
 */
function startsCommitment(block: Block, following: readonly Block[]): ReturnType<typeof matchCommitmentHeading> {
  const labelled = following[0] !== undefined && opensWithLabel(following[0].ft);
  const heading = matchReferencedTitle(block.ft);
  if (!heading) {
    const number = leadingNumber(block);
    const titled = block.cell === null && (block.kind === "heading" || block.emphasized || block.depth === 0);
    if (number === null || !titled || !labelled || hasLabel(block.ft)) return null;
    return { number: String(number), title: cleanTitle(block.ft.text.replace(/^\d{1,2}\s*[.)-]\s*/u, "")), separated: true, action: false };
  }
  if (block.kind === "heading" || block.emphasized || heading.separated || labelled || hasLabel(block.ft)) return heading;
  return null;
}

/** A run-in title ended by a full stop has no verb to speak of: a few words ("Beneficial ownership transparency."). */
const RUN_IN_TITLE_WORDS = 8;

/**
 * "Commitment 3 – Open contracting: Tom Reynolds reported that … The commitment is complete.":
 * a numbered paragraph that gives its title before a colon and then reports on it in
 * sentences. The title is the words before the colon; what follows is the item's prose.
 * A colon inside a title ("Open data: budgets") is followed by no sentence of its own.
 * Without a colon, a first sentence of a few words is the title run in ("Commitment 2 –
 * Beneficial ownership transparency. Priya Raman advised that …"), unless it states a status.
 */
function titleBeforeProse(title: string): { title: string; prose: string } | null {
  const words = (s: string) => s.split(/\s+/u).filter(Boolean).length;
  // The first sentence's end, in the title as written (sentences are found in folded text).
  const ft = foldWithMap(title);
  const firstSentence = sentences(ft)[0];
  const sentenceAt = firstSentence && firstSentence.end < ft.folded.length ? ft.map[firstSentence.end] : undefined;
  // A colon in a later sentence ("… office; status: on track") is a label of the prose, not the title's end.
  const colonAt = /[:：]\s/u.exec(title);
  const colon = colonAt && (sentenceAt === undefined || colonAt.index < sentenceAt) ? colonAt : null;
  const runInEnd = colon ? undefined : sentenceAt;
  if (!colon && (runInEnd === undefined || runInEnd >= title.length)) return null;
  const head = colon ? title.slice(0, colon.index).trim() : title.slice(0, runInEnd).trim().replace(/[.!?؟]$/u, "");
  const prose = title.slice(colon ? colon.index + colon[0].length : runInEnd).trim();
  const sentenceEnd = /[.!?؟]["'»”’)\]]*$/u;
  if (!head || words(head) > (colon ? 12 : RUN_IN_TITLE_WORDS) || !sentenceEnd.test(prose)) return null;
  if (!colon && bestStatus(foldWithMap(head))) return null;
  // Sentences: a full stop at its end, after six words or more, after a first sentence ("completed. The portal is
  // live."), or after a status ("on track, 60% done.").
  const told = words(prose) >= 6 || /[.!?؟]\s+\S/u.test(prose) || openingStatus(foldWithMap(prose)) !== null;
  return told ? { title: head, prose } : null;
}

/** A separator (a dash, a bracket, dot leaders) and the words up to the status after it. */
const SEPARATED_STATUS = new RegExp(`(?:[—–(]|\\s-\\s|${DOT_LEADER})[^—–(]*$`, "u");

/** A title that carries its status after a dash, in parentheses or after dot leaders, split; null when it carries none. */
function statusAfterSeparator(title: string): ReturnType<typeof splitListItem> | null {
  const ft = foldWithMap(title);
  const hit = bestStatus(ft);
  const percent = findPercents(ft.text)[0];
  const at = Math.min(hit ? ft.map[hit.start] : ft.text.length, percent ? percent.index : ft.text.length);
  if (at >= ft.text.length || !SEPARATED_STATUS.test(ft.text.slice(0, at))) return null;
  const parts = splitListItem(ft);
  return parts.title ? parts : null;
}

export const headingLabels: FlowLayout = {
  name: "heading-labels",
  reader: (flow, { builder, section }) => ({
    interrupt(k) {
      const block = flow[k];
      const heading = startsCommitment(block, flow.slice(k + 1, k + 2));
      if (!heading) return null;
      // The heading may carry its label lines (a PDF reader joined them): the title stops at the first label.
      const [first, ...others] = labelSegments(block.ft);
      const titled = first?.kind === "text" ? matchReferencedTitle(foldWithMap(first.text)) : null;
      // "Engagement 3 : Publier les budgets — réalisé (100 %)": a status after a separator belongs to the record, not the title.
      // A label later in the paragraph ("… office; status: on track") cuts its first segment short of a sentence: then the whole is read.
      const reported = block.kind === "heading" ? null : (titleBeforeProse(titled?.title ?? heading.title) ?? (titled ? titleBeforeProse(heading.title) : null));
      const inline = statusAfterSeparator(reported?.title ?? titled?.title ?? heading.title);
      const source = toSourceRef(builder.file, block.source, firstWords(block.ft.text.split("\n")[0], 12));
      const draft = builder.open(heading.number, inline?.title ?? reported?.title ?? titled?.title ?? heading.title, source, section());
      if (inline) {
        // A closing word ("ملغى", "withdrawn") keeps its label without a status.
        if (inline.statusLabel !== null) {
          draft.status = inline.status;
          draft.statusLabel = inline.statusLabel;
        }
        if (inline.progress !== null) draft.progress = inline.progress;
      }
      draft.tentative = heading.action;
      builder.claim(block, draft);
      // "Commitment 2.1: Mr. Joseph Flomo … explained that …": an entry of matters arising names its reporter in the heading's own line.
      for (const who of reportersIn(block.ft)) if (!draft.reportedBy.includes(who)) draft.reportedBy.push(who);
      if (reported) {
        const prose = foldWithMap(reported.prose);
        // "Budget citoyen : en cours, taux de réalisation 60 %. …": words right after the colon that are a status are its status.
        // "… Aisha reported the feed is live. Complete.": a sentence that is only a status is its status too.
        const opening = inline ? null : openingStatus(prose);
        const stated =
          opening && /^\s*(?:[.,;؛،:]|$)/u.test(prose.folded.slice(opening.end))
            ? { ft: prose, hit: opening }
            : inline
              ? null
              : sentences(prose)
                  .map((span) => subText(prose, span))
                  .map((ft) => ({ ft, hit: statusOnly(ft) }))
                  .find((s) => s.hit !== null) ?? null;
        if (stated?.hit) {
          draft.status = stated.hit.status;
          draft.statusLabel = originalSpan(stated.ft, stated.hit.start, stated.hit.end);
        }
        builder.absorb(draft, { ...block, kind: "paragraph", ft: prose });
      }
      else if (titled && others.length && first.kind === "text") {
        const restText = block.ft.text.slice(block.ft.text.indexOf(first.text) + first.text.length);
        builder.absorb(draft, { ...block, kind: "paragraph", ft: foldWithMap(restText) });
      }
      return { draft, start: block };
    },
  }),
};
