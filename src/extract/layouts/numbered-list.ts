/**
 * Layout: an ordered list whose items are commitments (Word numbering: the number is not in the
 * text), with the status in the item ("… — réalisé (100 %)") or in label lines under it.
 */
import type { Status } from "../../model/meeting.js";
import { ORDERED_MARKER, type Block } from "../blocks.js";
import { matchCommitmentHeading, matchReferencedTitle } from "../item-numbers.js";
import { hasLabel, opensWithLabel } from "../labels.js";
import { COMMITMENT_PLURAL, LABELS } from "../lexicon/index.js";
import { firstMatch, foldWithMap, type FoldedText } from "../match.js";
import { reportersIn } from "../people.js";
import { findPercents } from "../percents.js";
import { bestStatus, cleanTitle, DOT_LEADER, toSourceRef } from "../text-helpers.js";
import { isSectionBreak } from "./boundaries.js";
import { normalItemNumber } from "../../text/item-numbers.js";
import type { FlowLayout, LayoutContext, Opened } from "./types.js";

/** "C1 Open contracting (PPA): DONE – …": a line opened by an item code, as a coded log's lines are. */
const CODED_LINE = /^(?<prefix>[A-Z]{1,3}[-.]?)(?<n>\d{1,3})\s+(?=\p{L})/u;

/** A line's item code, its prefix and its count: "C1" → C, 1. */
function codeOf(b: Block): { prefix: string; n: number; code: string; length: number } | null {
  const m = b.cell === null && b.depth <= 1 ? CODED_LINE.exec(b.ft.text) : null;
  return m?.groups ? { prefix: m.groups.prefix, n: Number(m.groups.n), code: normalItemNumber(m[0])!, length: m[0].length } : null;
}

/** A top-level numbered item: from a Word or Markdown list (depth 1), a "1. " line a PDF reader left as text (depth 0), or a coded line. */
const isListStart = (b: Block): boolean => (b.kind === "item" && b.depth <= 1 && b.itemNumber !== null && b.cell === null) || codeOf(b) !== null;

/** Whether `b` numbers on from `previous`: the next count, under the same code prefix when coded. */
function follows(previous: Block, b: Block): boolean {
  const [a, c] = [codeOf(previous), codeOf(b)];
  if (a || c) return a !== null && c !== null && a.prefix === c.prefix && c.n === a.n + 1;
  return b.itemNumber === previous.itemNumber! + 1;
}

/** Share of an announced list's items that must state a status for the list to be a review. */
const ANNOUNCED_STATUSES = 0.8;

/**
 * Items of an ordered list that are commitments: most carry a status word or a percent,
 * in their own text ("Publier les contrats — réalisé (100 %)") or in the label lines
 * right under them ("Taux de réalisation : 75 %"). Blocks between items belong to the item above.
 * Returns the list's items whatever the verdict, so that a list is judged once.
 */
function commitmentListItems(blocks: readonly Block[], from: number): { items: Block[]; commitments: boolean; oneALine: boolean } {
  const items: Block[] = [];
  const following = new Map<Block, Block[]>();
  for (let k = from; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.cell !== null || b.kind === "heading") break;
    const previous = items[items.length - 1];
    if (isListStart(b)) {
      if (previous && !follows(previous, b)) break;
      items.push(b);
      following.set(b, []);
    } else if (previous && isSectionBreak(b, previous)) break;
    else if (previous) following.get(previous)!.push(b);
  }
  const informative = items.filter((item) => {
    if (bestStatus(item.ft) || findPercents(item.ft.text).length > 0 || hasLabel(item.ft)) return true;
    return following.get(item)!.slice(0, 3).some((b) => opensWithLabel(b.ft));
  }).length;
  if (items.length < 2 || informative < Math.ceil(items.length * 0.6)) return { items, commitments: false, oneALine: false };
  // Items that say all there is on their line, nothing under any of them but the next: the text after the
  // last is not the last one's either ("DI-05 Survey … - closed." then "Tom asked whether the wifi bid …").
  const oneALine = items.slice(0, -1).every((item) => following.get(item)!.length === 0);
  // The list must follow a mention of commitments, or the agenda would qualify too.
  const before = blocks.slice(Math.max(0, from - 3), from).filter((b) => b.kind !== "item");
  // Or a sentence announces it, and nearly every item states where it stands ("استعرض المهندس … موقف تنفيذ المشروعات
  // على النحو التالي:" over "1- مشروع …: تم الانتهاء منه بنسبة 100%"): a review of items of another name.
  const announced =
    /[:：]\s*$/u.test(blocks[from - 1]?.ft.text ?? "") && items.filter((item) => bestStatus(item.ft) !== null || findPercents(item.ft.text).length > 0).length >= items.length * ANNOUNCED_STATUSES;
  const introduced = announced || before.some((b) => firstMatch(COMMITMENT_PLURAL, b.ft.folded) !== null || matchCommitmentHeading(b.ft) !== null);
  // Lines coded alike ("C1", "C2", …) that state statuses are a log whatever stands before them.
  return { items, commitments: introduced || items.every((item) => codeOf(item) !== null), oneALine };
}

/** The last separator before an item's status: "—", "–", ":", "(", " - ", dot leaders. */
const TITLE_END = new RegExp(`\\s*(?:[—–:(]|\\s-\\s|${DOT_LEADER})[^—–:(]*$`, "u");

/** "Open contracting portal — Complete (100%)": the title is what comes before the status or percent. */
export function splitListItem(item: FoldedText): { title: string; status: Status; statusLabel: string | null; progress: number | null } {
  // A number the reader left in the text ("1. Publier …") is the item's marker, not its title.
  const ft = foldWithMap(item.text.replace(ORDERED_MARKER, ""));
  const hit = bestStatus(ft);
  const percent = findPercents(ft.text)[0];
  const label = firstMatch(LABELS, ft.folded);
  const end = Math.min(hit ? ft.map[hit.start] : ft.text.length, percent ? percent.index : ft.text.length, label ? ft.map[label.index] : ft.text.length);
  const head = ft.text.slice(0, end);
  // The title ends at the last separator before the status: "—", "–", ":", "(", " - ", dot leaders ("Titre ........ Réalisé").
  const separator = TITLE_END.exec(head);
  const title = cleanTitle(separator ? head.slice(0, separator.index) : head);
  // The percent is the item's when it stands with its status ("réalisé (100 %)", "Completed – 100%"), not in the prose
  // after it ("Ongoing. 68% of public institutions …").
  const stated = percent && percent.value <= 100 && (!hit || !/[.;:؛]/u.test(ft.text.slice(ft.map[hit.end], percent.index))) ? percent.value : null;
  return { title: title || cleanTitle(head), status: hit?.status ?? "unknown", statusLabel: hit?.label ?? null, progress: stated };
}

/** A commitment list item opens a commitment like a heading does; what follows it is its content. */
function openItem(block: Block, { builder, section }: LayoutContext, whole: boolean): Opened {
  const coded = codeOf(block);
  const parts = splitListItem(coded ? foldWithMap(block.ft.text.slice(coded.length)) : block.ft);
  // "1. Open contracting portal (Commitment 4) – Completed": the list counts its items, the reference names the commitment.
  const named = matchReferencedTitle(foldWithMap(parts.title));
  const number = named?.number ?? coded?.code ?? (block.label !== null ? normalItemNumber(block.label) : null) ?? String(block.itemNumber);
  const draft = builder.open(number, named?.title || parts.title, toSourceRef(builder.file, block.source), section());
  // A closing word ("ملغى", "withdrawn") keeps its label without a status.
  if (parts.statusLabel !== null) {
    draft.status = parts.status;
    draft.statusLabel = parts.statusLabel;
  }
  if (parts.progress !== null) draft.progress = parts.progress;
  builder.claim(block, draft);
  for (const who of reportersIn(block.ft)) draft.reportedBy.push(who);
  return { draft, start: block, whole };
}

export const numberedList: FlowLayout = {
  name: "numbered-list",
  reader(flow, ctx) {
    const listStarts = new Set<number>();
    /** Items of lists whose every item is one line: nothing after an item is its content. */
    const wholeItems = new Set<number>();
    /** Items of lists already judged, commitments or not: a long list is judged once, not once per item. */
    const judgedItems = new Set<number>();
    return {
      interrupt: (k) => (listStarts.has(flow[k].index) ? openItem(flow[k], ctx, wholeItems.has(flow[k].index)) : null),
      open(k) {
        const block = flow[k];
        if (!isListStart(block) || judgedItems.has(block.index)) return null;
        const list = commitmentListItems(flow, k);
        for (const item of list.items) judgedItems.add(item.index);
        if (!list.commitments) return null;
        for (const item of list.items) {
          listStarts.add(item.index);
          if (list.oneALine) wholeItems.add(item.index);
        }
        return openItem(block, ctx, list.oneALine);
      },
    };
  },
};
