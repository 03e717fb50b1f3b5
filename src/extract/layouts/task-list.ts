/**
 * Layout: a task list, each item a checkbox, then the item's code and title, its owner and a note:
 * "☒ AI-31 Publish the procurement dataset v2 (@shaddad)", "☐ AI-32 Draft the licence FAQ (@lvogt) –
 * first draft in review" (Markdown's "- [x]", Word's check box). A ticked box is done; an open one is
 * as its note says, else open, which no status word settles. Two items or more make a log; a list of
 * open boxes only under a decision section's title ("New action items") lists the actions decided, not
 * the ones tracked (a ticked box shows a review: "Action items from last sync").
 */
import type { Block } from "../blocks.js";
import { opensDecisionSection } from "../decisions.js";
import { foldWithMap } from "../match.js";
import { bestStatus, cleanTitle, toSourceRef } from "../text-helpers.js";
import { CHECKBOX } from "../../text/normalize.js";
import { normalItemNumber } from "../../text/item-numbers.js";
import type { FlowLayout } from "./types.js";

const TASK = new RegExp(`^(?<box>[${CHECKBOX.checked}${CHECKBOX.unchecked}])\\s*(?<rest>\\S.*)$`, "su");
/** Where the title ends: an owner in brackets ("(@lvogt)", "(DGB)"), a dash before a note, a comma before a due date. */
const TITLE_END = /\s+\(|\s+[–—-]\s+|,\s/u;

const task = (b: Block): RegExpExecArray | null => (b.kind === "item" && b.cell === null ? TASK.exec(b.ft.text) : null);

export const taskList: FlowLayout = {
  name: "task-list",
  reader(flow, { builder, section }) {
    const tracked = new Set<number>();
    const judged = new Set<number>();
    const judge = (k: number): void => {
      const run: Block[] = [];
      for (let j = k; j < flow.length && task(flow[j]); j++) run.push(flow[j]);
      for (const b of run) judged.add(b.index);
      // The title the list stands under: the nearest heading or bold line before it.
      let title: Block | undefined;
      for (let j = k - 1; j >= 0 && !title; j--) if (flow[j].kind === "heading" || flow[j].emphasized) title = flow[j];
      const decided = title !== undefined && opensDecisionSection(title, flow[k]) && run.every((b) => task(b)!.groups!.box === CHECKBOX.unchecked);
      if (run.length >= 2 && !decided) for (const b of run) tracked.add(b.index);
    };
    return {
      interrupt(k) {
        const block = flow[k];
        if (!judged.has(block.index) && task(block)) judge(k);
        if (!tracked.has(block.index)) return null;
        const { box, rest } = task(block)!.groups!;
        const [head, ...words] = rest.split(/\s+/u);
        const number = normalItemNumber(head);
        const text = number === null ? rest : words.join(" ");
        const end = TITLE_END.exec(text);
        const draft = builder.open(number, cleanTitle(end ? text.slice(0, end.index) : text), toSourceRef(builder.file, block.source), section());
        if (box === CHECKBOX.checked) {
          draft.status = "completed";
          draft.statusLabel = box;
        } else {
          const note = end ? bestStatus(foldWithMap(text.slice(end.index))) : null;
          if (note) {
            draft.status = note.status;
            draft.statusLabel = note.label;
          }
        }
        builder.absorb(draft, block);
        return { draft, start: block, whole: true };
      },
    };
  },
};
