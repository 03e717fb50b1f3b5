/**
 * Layout: a task list, each item a checkbox, then the item's code and title, its owner and a note:
 * "☒ AI-31 Publish the procurement dataset v2 (@shaddad)", "☐ AI-32 Draft the licence FAQ (@lvogt) –
 * first draft in review", "☒ (AB) Check and send the details to SK" (Markdown's "- [x]", Word's check
 * box). A ticked box is done; an open one is as its note says, else open, which no status word
 * settles. What is nested under an item is its own: sub-tasks are its activities, bullets its notes.
 * Two items or more make a log; a list of open boxes only under a decision section's title ("New
 * action items") lists the actions decided, not the ones tracked (a ticked box shows a review:
 * "Action items from last sync").
 */
import { wordCount, type Block } from "../blocks.js";
import { opensDecisionSection } from "../decisions.js";
import { ATTENDEE_CUES } from "../lexicon/index.js";
import { firstMatch, foldWithMap } from "../match.js";
import { bestStatus, cleanTitle, ownerInBrackets, toSourceRef } from "../text-helpers.js";
import { CHECKBOX } from "../../text/normalize.js";
import { normalItemNumber } from "../../text/item-numbers.js";
import type { FlowLayout } from "./types.js";

const TASK = new RegExp(`^(?<box>[${CHECKBOX.checked}${CHECKBOX.unchecked}])\\s*(?<rest>\\S.*)$`, "su");
/**
 * Where the title ends: an owner in brackets ("(@lvogt)", "(DGB)" last or before a note), a dash before
 * a note, a comma before a due date; not a bracket inside the title ("… meeting (20th November) and …").
 */
const TITLE_END = /\s+\((?=@|[^()]*\)\s*(?:$|[–—-]|,))|\s+[–—-]\s+|,\s/u;

/** An attendance list's title is a label of a few words: "Attendees:", "Present (tick if attended)". */
const ATTENDANCE_TITLE_WORDS = 5;

const task = (b: Block): RegExpExecArray | null => (b.kind === "item" && b.cell === null ? TASK.exec(b.ft.text) : null);

export const taskList: FlowLayout = {
  name: "task-list",
  reader(flow, { builder, section }) {
    /** Each tracked item's position in the flow, with the blocks nested under it. */
    const tracked = new Map<number, Block[]>();
    const judged = new Set<number>();
    const judge = (k: number): void => {
      // The items of the list's top level, each with what is nested under it, up to the list's end.
      const depth = flow[k].depth;
      const run: { item: Block; nested: Block[] }[] = [];
      for (let j = k; j < flow.length && flow[j].kind === "item" && flow[j].cell === null && flow[j].depth >= depth; j++) {
        judged.add(flow[j].index);
        if (flow[j].depth > depth) run.at(-1)?.nested.push(flow[j]);
        else if (task(flow[j])) run.push({ item: flow[j], nested: [] });
        else break;
      }
      // The title the list stands under: the nearest heading or bold line before it.
      let title: Block | undefined;
      for (let j = k - 1; j >= 0 && !title; j--) if (flow[j].kind === "heading" || flow[j].emphasized) title = flow[j];
      const decided = title !== undefined && opensDecisionSection(title, flow[k]) && run.every(({ item }) => task(item)!.groups!.box === CHECKBOX.unchecked);
      // "Attendees:" over "[X] Sean Cooper (TSC) - DNEG", "* TSC Attendees:" over its nested boxes: ticked for who came, no tasks.
      const before = flow[k - 1];
      const attendance =
        before !== undefined && (before.kind !== "item" || before.depth < depth) && firstMatch(ATTENDEE_CUES, before.ft.folded) !== null && wordCount(before.ft.text) <= ATTENDANCE_TITLE_WORDS;
      if (run.length >= 2 && !decided && !attendance) for (const { item, nested } of run) tracked.set(item.index, nested);
    };
    return {
      interrupt(k) {
        const block = flow[k];
        if (!judged.has(block.index) && task(block)) judge(k);
        const nested = tracked.get(block.index);
        if (!nested) return null;
        const { box, rest } = task(block)!.groups!;
        const [head, ...words] = rest.split(/\s+/u);
        const number = normalItemNumber(head);
        const coded = number === null ? rest : words.join(" ");
        // "(AB) Check and send …": who is to do it, before the title.
        const owned = ownerInBrackets(coded);
        const text = owned?.rest ?? coded;
        const end = TITLE_END.exec(text);
        const draft = builder.open(number, cleanTitle(end ? text.slice(0, end.index) : text), toSourceRef(builder.file, block.source), section());
        if (owned) draft.owner = owned.owner;
        // The title is the record's; what follows it on the line (the owner, a note) is a note.
        builder.claim(block, draft);
        const after = end ? cleanTitle(text.slice(end.index)) : "";
        if (after) builder.absorb(draft, { ...block, kind: "paragraph", ft: foldWithMap(after) });
        const notes: Block[] = [];
        const activitiesBefore = draft.activities.length;
        for (const part of nested) {
          const sub = task(part);
          if (sub) {
            draft.activities.push({ text: sub.groups!.rest, state: sub.groups!.box === CHECKBOX.checked ? "done" : "planned" });
            builder.claim(part, draft);
          } else {
            builder.absorb(draft, part);
            notes.push(part);
          }
        }
        if (box === CHECKBOX.checked) {
          draft.status = "completed";
          draft.statusLabel = box;
        } else {
          // The note after the title, or under it ("Mostly done, IA is finishing review …"): a box left
          // open is not done, so a note that says done tells work near its end, under way.
          const note = [end ? text.slice(end.index) : "", ...notes.map((b) => b.ft.text)].map((t) => bestStatus(foldWithMap(t))).find((hit) => hit !== null);
          // A note that tells work going on ("IA is finishing review …") without a status word: under way.
          const ongoing = draft.activities.slice(activitiesBefore).find((a) => a.state === "ongoing");
          if (note) {
            draft.status = note.status === "completed" ? "in_progress" : note.status;
            draft.statusLabel = note.label;
          } else if (ongoing) {
            draft.status = "in_progress";
            draft.statusLabel = ongoing.text;
          }
        }
        return { draft, start: block, whole: true };
      },
    };
  },
};
