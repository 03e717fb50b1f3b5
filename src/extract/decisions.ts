/**
 * Decisions: sentences opened by a decision phrase ("تمّ الاتفاق على", "il a été
 * convenu", "it was agreed"), with the date they set and the commitment they concern
 * (named in the sentence, else the commitment whose text holds them).
 */
import type { Decision } from "../model/meeting.js";
import { findDates } from "../text/dates.js";
import type { Block } from "./blocks.js";
import { COMMITMENT_REFERENCE, DECISION_PHRASES, DATE_WORDS } from "./lexicon/index.js";
import { firstMatch } from "./match.js";
import { originalOf, sentences, toSourceRef } from "./text-helpers.js";

export function extractDecisions(blocks: readonly Block[], commitmentOf: (b: Block) => string | null, file: string): Decision[] {
  const decisions: Decision[] = [];
  for (const b of blocks) {
    // A phrase found in a sentence is found in its block (sentences end on punctuation or a
    // line break, which no phrase runs into), so a block without one has no decision.
    if (!firstMatch(DECISION_PHRASES, b.ft.folded)) continue;
    for (const span of sentences(b.ft)) {
      const sentence = b.ft.folded.slice(span.start, span.end);
      const phrase = firstMatch(DECISION_PHRASES, sentence);
      if (!phrase) continue;
      const date = findDates(sentence, DATE_WORDS).find((d) => d.index >= phrase.index) ?? null;
      const reference = [...sentence.matchAll(COMMITMENT_REFERENCE)][0];
      decisions.push({
        text: originalOf(b.ft, span),
        date: date?.date ?? null,
        commitment: reference?.groups ? String(Number(reference.groups.number)) : commitmentOf(b),
        source: toSourceRef(file, b.source),
      });
    }
  }
  return decisions;
}
