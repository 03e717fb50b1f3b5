/** Meeting-level facts: language, date, title, action plan, chair, attendees, agenda. */
import type { DocumentMetadata } from "../ingest/tree.js";
import { PartialDate, warning, type ActionPlan, type DateSource, type Language, type Warning } from "../model/meeting.js";
import { dateFromFileName, findDates, findSpelledDates, findYearlessDates, withYear, type YearlessDate } from "../text/dates.js";
import { ORDERED_MARKER, wordCount, type Block } from "./blocks.js";
import {
  ABSENTEE_CUES,
  ACTION_PLAN_WORDS,
  AGENDA_CUES,
  AGENDA_ITEM_WORDS,
  MINUTE_SECTION,
  REFERENCE_LINE,
  APPROVAL_LINE,
  ATTENDEE_CUES,
  BODY_WORDS,
  CHAIR_CAPACITY,
  CHAIR_LABEL,
  CHAIR_MARKER,
  CHAIR_PHRASES,
  CHAIR_VERBS,
  HONORIFICS,
  MEETING_DATE_CUES,
  OTHER_DATE_CUES,
  MINUTES_WORDS,
  APPROVAL_WORDS,
  DATE_WORDS,
  EVENT_WORDS,
  ORDINALS,
  SECTION_MARKER_VALUES,
  functionWordsOf,
} from "./lexicon/index.js";
import { textLanguage } from "./lexicon/detect.js";
import { capitalizedAt, firstLineEnd, firstMatch, foldPhrase, foldWithMap, isLatinWord, type FoldedText } from "./match.js";
import { honorificAt, namesAfter, namesAfterTitles, personBefore } from "./people.js";
import { cleanTitle } from "./text-helpers.js";
import { romanValue } from "../text/item-numbers.js";

export { detectLanguage, languageOf } from "./lexicon/detect.js";

/** How far a date may stand from its cue: "انعقد اجتماع اللجنة … يوم 3 كانون الثاني 2024" names the committee in between. */
const CUE_WINDOW = 160;
/** How far before a date a cue saying it is another date may stand: "the minutes of the previous meeting held on". */
const OTHER_CUE_WINDOW = 60;
/** The head of the minutes: the lines before the body, where a title or a date line stands alone. */
const HEAD_BLOCKS = 8;
/** How far into a head line its date may stand: "22 March 2017 – Officials Group meeting", "Steering Committee, Tuesday, March 14th, 2023". */
const HEAD_LINE_WORDS = 12;

/** A date of the text, or a day and month that still wants its year. */
type DateFound = { kind: "full"; date: string; index: number; length: number } | { kind: "yearless"; date: YearlessDate; index: number; length: number };

/**
 * Full and yearless dates of a block, in order, leaving out those a cue marks as another date ("previous meeting",
 * "published"). In the document's title (`title`) an approval names these minutes themselves ("Approved minutes of
 * the meeting held on 8 February 2024"), not an earlier meeting's.
 */
function datesIn(f: string, title = false): DateFound[] {
  const written = findDates(f, DATE_WORDS);
  // Formal openings spell the date out: "le vingt et un novembre deux mille dix-huit".
  const spelled = findSpelledDates(f, DATE_WORDS).filter((d) => !written.some((w) => d.index < w.index + w.length && w.index < d.index + d.length));
  const full: DateFound[] = [...written, ...spelled].map((d) => ({ kind: "full", date: d.date, index: d.index, length: d.length }));
  const yearless: DateFound[] = findYearlessDates(f, DATE_WORDS)
    .filter((d) => !full.some((x) => d.index < x.index + x.length && x.index < d.index + d.length))
    .map((d) => ({ kind: "yearless", date: d, index: d.index, length: d.length }));
  const all = [...full, ...yearless].sort((x, y) => x.index - y.index);
  return all.filter((d, k) => !isOtherDate(f, d.index, k > 0 ? all[k - 1].index + all[k - 1].length : 0, !title));
}

/**
 * A cue of another date governs the first date after it, in its sentence: "Published 10 April 2023 · 28 March 2023"
 * dates the meeting by the second. A sentence approving a record ("The minutes of the 11th meeting held on 9th
 * November 2023 were confirmed", "adoption du procès-verbal de la session du 8 décembre 2022") cites an earlier
 * meeting: all its dates are that meeting's.
 */
export function isOtherDate(f: string, index: number, previousDateEnd: number, approvalCitesAnother = true): boolean {
  const before = f.slice(Math.max(previousDateEnd, index - OTHER_CUE_WINDOW), index);
  const sentence = before.split(SENTENCE_END).pop() ?? before;
  if (firstMatch(OTHER_DATE_CUES, sentence) !== null) return true;
  if (!approvalCitesAnother) return false;
  const whole = sentenceAround(f, index);
  return firstMatch(MINUTES_WORDS, whole) !== null && firstMatch(APPROVAL_WORDS, whole) !== null;
}

/** The end of a sentence or clause: a stop, a semicolon or a line break before a space. */
const SENTENCE_END = /[.!?؟;؛\n](?=\s)/u;

/** The sentence of `f` that holds position `index`. */
function sentenceAround(f: string, index: number): string {
  const start = f.slice(0, index).split(SENTENCE_END).pop() ?? "";
  const rest = f.slice(index);
  const end = rest.search(SENTENCE_END);
  return start + (end < 0 ? rest : rest.slice(0, end));
}

/**
 * The years that may complete a yearless date, most telling first: those of the head (the
 * title), then `known` (the file name's, the metadata's), then those of the text's dates,
 * the most frequent first.
 */
function candidateYears(blocks: readonly Block[], known: readonly number[]): number[] {
  const head = headBlocks(blocks).flatMap((b) => [...b.ft.folded.matchAll(YEAR)].map((m) => Number(m[0])));
  const counts = new Map<number, number>();
  for (const b of blocks) {
    for (const d of findDates(b.ft.folded, DATE_WORDS)) {
      const year = Number(d.date.slice(0, 4));
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  const inText = [...counts].sort((x, y) => y[1] - x[1]).map(([year]) => year);
  return [...new Set([...head, ...known, ...inText])];
}
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/gu;
const YEAR_IN_NAME = /(?<!\d)(?:19|20)\d\d(?!\d)/u;

/**
 * The blocks of the head: at most HEAD_BLOCKS, up to the first long paragraph, which is
 * kept because a reader may have joined a date line to the paragraph after it.
 */
function headBlocks(blocks: readonly Block[]): Block[] {
  const head: Block[] = [];
  for (const b of blocks.slice(0, HEAD_BLOCKS)) {
    head.push(b);
    if (b.kind === "paragraph" && wordCount(b.ft.text) > 25) break;
  }
  return head;
}

/** Where the first `count` words of folded text end. */
function afterWords(f: string, count: number): number {
  const re = /\S+/gu;
  let end = 0;
  for (let k = 0; k < count; k++) {
    const m = re.exec(f);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return end;
}

/**
 * The meeting's own date: a date right after (or just before) a phrase such as
 * "انعقد يوم", "s'est réuni le", "meeting held on", "Date:", else the date of a short line
 * of the head (a title "22 March 2017 – Officials Group meeting", a line "21 novembre,
 * 2018, 9 h"). A date a cue marks as another (a previous meeting's, a publication's, a
 * cut-off) is never taken; nor is a date elsewhere in the body (the signature, a workshop).
 * A day without a year ("Wednesday March 22") takes a year the document names elsewhere
 * (`candidateYears`; `knownYears` are the file name's and the metadata's), the first whose
 * calendar puts the day on the weekday stated.
 */
export function meetingDateFromText(blocks: readonly Block[], knownYears: readonly number[] = []): string | null {
  let years: number[] | null = null;
  const resolve = (d: DateFound): string | null => (d.kind === "full" ? d.date : withYear(d.date, (years ??= candidateYears(blocks, knownYears))));
  const head = headBlocks(blocks);
  /** A line of the head that ends with no full stop: the document's title or its furniture. */
  const title = (b: Block): boolean => head.includes(b) && !/[.!?؟;؛]\s*$/u.test(b.ft.text);
  /** The date a cue of this block names, of the kinds asked. */
  const cuedIn = (b: Block, kinds: readonly DateFound["kind"][]): string | null => {
    const f = b.ft.folded;
    let dates: DateFound[] | null = null;
    for (const cue of f.matchAll(MEETING_DATE_CUES)) {
      const cueEnd = cue.index + cue[0].length;
      dates ??= datesIn(f, title(b)).filter((d) => kinds.includes(d.kind));
      const after = dates.find((d) => d.index >= cueEnd && d.index - cueEnd <= CUE_WINDOW && !/[.!?؟]/u.test(f.slice(cueEnd, d.index)));
      const before = dates.filter((d) => d.index + d.length <= cue.index && cue.index - (d.index + d.length) <= 40).pop();
      const found = after ?? before;
      const date = found ? resolve(found) : null;
      if (date) return date;
    }
    return null;
  };
  /** The date that opens a line of the head, within its first words; a day rather than a bare month. */
  const lineDate = (b: Block, closing = false): string | null => {
    const dates = datesIn(b.ft.folded, title(b));
    // A title may close on its date after a separator: "Meeting minutes - … Forum – West - 22 November 2021".
    const closed = closing && title(b) ? dates.filter((d) => d.index + d.length >= b.ft.folded.trimEnd().length && /[-–—,|:]\s*$/u.test(b.ft.folded.slice(0, d.index))) : [];
    const opening = [...dates.filter((d) => d.index < afterWords(b.ft.folded, HEAD_LINE_WORDS)), ...closed];
    const found = opening.find((d) => d.kind === "full" && /^\d{4}-\d{2}-\d{2}$/u.test(d.date)) ?? opening.find((d) => d.kind === "yearless");
    return found ? resolve(found) : null;
  };
  const cued = (kinds: readonly DateFound["kind"][]): string | null => {
    for (const b of blocks) {
      const date = cuedIn(b, kinds);
      if (date) return date;
    }
    return null;
  };
  // The head names this meeting first: its first cued date or date line ("Minutes of the meeting
  // held on Thursday 9th March"), before the body, whose cues may name another meeting ("the
  // minutes of the meeting of 9 February were approved"). In the body a whole date after a cue is
  // surer than a yearless day, which may be an event's ("a training will be held on 4 April").
  // A line that is only a date ("18 Nov 2021", "Meeting notes 28th April 2021" above a web page's
  // title) may be when the page was published: a date the rest of the head gives with the meeting's
  // words ("a présidé le mercredi 17 novembre 2021 une réunion", "Summary of the Forum (27/04/2021)")
  // is surer, and the bare line is kept only when none does.
  // After a bare line, only a date stated about the meeting counts: one a cue names in a block
  // that names no event before it ("a training session will be held on 4 April" is not the meeting;
  // "… s'est tenue dans la salle de conférence" is), or one in a title-like line, which ends with
  // no full stop.
  let bare: string | null = null;
  /** An event named before the block's first date cue: the cue dates the event. */
  const eventFirst = (b: Block): boolean => {
    const event = firstMatch(EVENT_WORDS, b.ft.folded);
    const cue = firstMatch(MEETING_DATE_CUES, b.ft.folded);
    return event !== null && (cue === null || event.index < cue.index);
  };
  for (const b of head) {
    if (bare !== null) {
      const stated = eventFirst(b) ? null : cuedIn(b, ["full"]);
      // "* Sommet : jusqu'à 1500 participants …, du 29 au 31 mai 2019": a list item is content, not a title line;
      // nor is a sentence about an event that goes on past its date ("تنظم ورشة عمل بمدينة سوسة يوم 28 جوان 2023 لفائدة
      // الجمعيات"), where a title closes on the date of the meeting it names ("… Multi-stakeholder Forum (27/04/2021)").
      const titled = /[.!?؟]\s*$/u.test(b.ft.text) || b.kind === "item" || eventSentence(b) ? null : lineDate(b);
      if (stated ?? titled) return (stated ?? titled)!;
      continue;
    }
    // Before any date, a title's closing date is the meeting's; after one, a line ending on a date is an event's ("Sommet : … du 29 au 31 mai 2019").
    const date = cuedIn(b, ["full"]) ?? lineDate(b, true) ?? cuedIn(b, ["yearless"]);
    // A letterhead's reference and date ("العدد: ت إ/ 412" over "التاريخ: 14/3/2024") date the letter, as a bare line does.
    // So does the stamp of the minutes' approval ("Validé en séance du 15 septembre 2008"), a later meeting's date.
    if (date && (isBareDateLine(b) || REFERENCE_LINE.test(b.ft.folded) || firstMatch(APPROVAL_LINE, b.ft.folded) !== null)) bare = date;
    else if (date) return date;
  }
  return bare ?? cued(["full"]) ?? cued(["yearless"]);
}

/** A line naming an event whose words go on after its first date: a sentence about the event, not a title. */
function eventSentence(b: Block): boolean {
  const event = firstMatch(EVENT_WORDS, b.ft.folded);
  const date = event ? datesIn(b.ft.folded).find((d) => d.index > event.index) : undefined;
  return date !== undefined && /\p{L}/u.test(b.ft.folded.slice(date.index + date.length));
}

/** A block that holds a date and nothing else but a time or a weekday: "18 Nov 2021", "Monday 3 May 2021, 10:00". */
function isBareDateLine(b: Block): boolean {
  const f = b.ft.folded;
  const dates = datesIn(f);
  if (dates.length !== 1) return false;
  const rest = (f.slice(0, dates[0].index) + " " + f.slice(dates[0].index + dates[0].length)).replace(/[\d\s\p{P}]+/gu, " ").trim();
  return rest.split(/\s+/u).filter(Boolean).length <= 2;
}

/** A meeting date and where it came from; `warning` says why a date is uncertain. */
export interface MeetingDate {
  date: string | null;
  dateSource: DateSource | null;
  warning?: Warning;
}

/**
 * The meeting's date: from the body's text, else from the page headers and footers (a letterhead's
 * "Minutes of 24 September 2024"), else the file name, the metadata (flagged) and `--date`.
 */
export function meetingDate(
  blocks: readonly Block[],
  path: string,
  metadata: DocumentMetadata,
  option: string | undefined,
  furniture: readonly Block[] = [],
): MeetingDate {
  const fileName = path.split(/[\\/]/u).pop() ?? path;
  const fromName = dateFromFileName(foldPhrase(fileName), DATE_WORDS);
  const created = metadata.created ? /^(\d{4}-\d{2}-\d{2})/u.exec(metadata.created) : null;
  const fromMetadata = created && PartialDate.safeParse(created[1]).success ? created[1] : null;
  // A file name may give the year alone ("officials-group-2017.txt"): enough to complete "Wednesday March 22".
  const nameYear = fromName ?? YEAR_IN_NAME.exec(fileName)?.[0] ?? null;
  const knownYears = [nameYear, fromMetadata].filter((d): d is string => d !== null).map((d) => Number(d.slice(0, 4)));
  const fromText = meetingDateFromText(blocks, knownYears) ?? meetingDateFromText(furniture, knownYears);
  if (fromText) return { date: fromText, dateSource: "text" };
  if (fromName) return { date: fromName, dateSource: "filename" };
  if (fromMetadata) {
    // A creation date is when the file was made (often an export or a scan years later), not when the committee met.
    return {
      date: fromMetadata,
      dateSource: "metadata",
      warning: warning(
        "date-from-metadata",
        `No meeting date in the text or the file name: ${fromMetadata} is the document's creation date, which may not be the meeting's; check it and correct it in corrections.yaml`,
      ),
    };
  }
  if (option && PartialDate.safeParse(option).success) return { date: option, dateSource: "option" };
  return { date: null, dateSource: null };
}

const SUBJECT = /^[^:：]{1,25}[:：]\s*/u;

/** The subject line ("الموضوع: …", "Objet : …"), else the longest heading before the body that numbers no section. */
export function meetingTitle(blocks: readonly Block[], subjectLine: RegExp, metadata: DocumentMetadata, furniture: readonly Block[] = []): string | null {
  for (const b of blocks.slice(0, 10)) {
    const m = subjectLine.exec(b.ft.folded);
    if (m) return cleanTitle(b.ft.text.replace(SUBJECT, ""));
  }
  const headings: Block[] = [];
  for (const b of blocks) {
    if (b.kind === "heading" || (b.emphasized && wordCount(b.ft.text) <= 30)) headings.push(b);
    else if (wordCount(b.ft.text) > 25) break;
  }
  // A heading that opens with a section number ("2. Gouvernement ouvert") is a section's, not the document's.
  // Nor is a label line ("Présidente : Mme X", "Date: …"), bold as it may be.
  const longest = headings
    .filter((h) => h.cell === null && !TITLE_NUMBER.test(h.ft.text) && !SUBJECT.test(h.ft.text))
    .sort((a, b) => b.ft.text.length - a.ft.text.length)[0];
  if (longest) return cleanTitle(longest.ft.text);
  // Plain text has no headings: the longest short line of its own before the body ("22 March 2017 -
  // Officials Group meeting: minutes", not the state's name above it) is the title.
  const lines = headBlocks(blocks).filter(
    (b) =>
      b.cell === null &&
      b.kind === "paragraph" &&
      wordCount(b.ft.text) <= HEAD_LINE_TITLE_WORDS &&
      !b.ft.text.includes("\n") &&
      !SUBJECT.test(b.ft.text) &&
      // A sentence ("The minutes of … were approved.") is not a title.
      !/[.!?؟]$/u.test(b.ft.text.trim()),
  );
  const line = lines.sort((a, b) => b.ft.text.length - a.ft.text.length)[0];
  if (line) return cleanTitle(line.ft.text);
  // The page header's longest line (the committee and the meeting, as a letterhead gives them), after the body's own.
  const header = [...furniture].sort((a, b) => b.ft.text.length - a.ft.text.length)[0];
  return header ? cleanTitle(header.ft.text) : metadata.title?.trim() || null;
}
const HEAD_LINE_TITLE_WORDS = 15;

const YEARS = /\(?\s*(\d{4})\s*[-–/]\s*(\d{4})\s*\)?/u;

/** "خطة العمل الوطنية الرابعة لشراكة الحكومة المفتوحة 2021-2023" → ordinal 4, years 2021-2023, key nap4-2021-2023. */
export function actionPlan(blocks: readonly Block[]): ActionPlan | null {
  for (const b of blocks) {
    const ft = b.ft;
    const m = firstMatch(ACTION_PLAN_WORDS, ft.folded);
    if (!m) continue;
    // An ordinal before the phrase ("4ème plan", "fourth national action plan") or within a few words after ("الرابعة").
    const windowStart = Math.max(0, m.index - 30);
    const windowEnd = Math.min(ft.folded.length, m.index + m[0].length + 120);
    // The phrase itself, without an attached preposition ("لخطة العمل" → "خطة العمل").
    const phraseStart = m.index + m[0].length - (m.groups?.phrase.length ?? m[0].length);
    let start = phraseStart;
    let ordinal: number | null = null;
    let ordinalEnd = 0;
    const phraseEnd = m.index + m[0].length;
    for (const o of ft.folded.slice(windowStart, windowEnd).matchAll(ORDINALS.regex)) {
      const at = windowStart + o.index;
      const wordsBetween = (from: number, to: number): number => ft.folded.slice(from, to).trim().split(/\s+/u).filter(Boolean).length;
      // Only an ordinal that qualifies this phrase: two words before it at most, or three after it.
      if (at < m.index ? wordsBetween(at + o[0].length, m.index) > 2 : wordsBetween(phraseEnd, at) > 3) continue;
      ordinal = ORDINALS.valueOf(o.groups?.phrase ?? "") ?? null;
      if (at < m.index) start = at;
      else ordinalEnd = at + o[0].length;
      break;
    }
    let end = phraseEnd;
    let startYear: number | null = null;
    let endYear: number | null = null;
    const years = YEARS.exec(ft.folded.slice(end, windowEnd));
    if (years) {
      startYear = Number(years[1]);
      endYear = Number(years[2]);
      end = end + years.index + years[0].length;
    } else {
      // No years: the plan's name runs on to the end of its clause, six words at most.
      end = Math.max(end, ordinalEnd);
      const clause = /^(?:\s+[^\s,،.;:()]+){0,6}/u.exec(ft.folded.slice(end, windowEnd));
      end += clause ? clause[0].length : 0;
    }
    const text = cleanTitle(ft.text.slice(ft.map[start], ft.map[end]));
    const key = ordinal || startYear ? `nap${ordinal ?? ""}${startYear ? `-${startYear}-${endYear}` : ""}` : null;
    return { text, key, ordinal, startYear, endYear };
  }
  return null;
}

/**
 * Who chaired: named after a chair phrase ("برئاسة", "sous la présidence de", "Chaired by:",
 * "Chairperson:"), or the subject of a chair verb ("Dr. X chaired the meeting", "Mme Y a
 * présidé la séance"), else marked in the attendee list. `language` is the document's.
 */
export function chair(blocks: readonly Block[], language: Language | null = null): string | null {
  for (const b of blocks) {
    const labelled = chairInLabelledCell(blocks, b, language);
    if (labelled) return labelled;
    for (const m of b.ft.folded.matchAll(CHAIR_PHRASES)) {
      const names = namesAfterTitles(b.ft, m.index + m[0].length, language, true);
      if (names[0]) return names[0];
    }
    for (const m of b.ft.folded.matchAll(CHAIR_CAPACITY)) {
      const name = personBefore(b.ft, m.index, language);
      if (name) return name;
    }
    for (const m of b.ft.folded.matchAll(CHAIR_VERBS.regex)) {
      const verb = CHAIR_VERBS.valueOf(m.groups?.phrase ?? "");
      const name = verb?.position === "after-verb" ? namesAfterTitles(b.ft, m.index + m[0].length, language, true)[0] : personBefore(b.ft, m.index, language);
      if (name) return name;
    }
  }
  return chairInAttendance(blocks);
}

/** Words a name may hold after its courtesy title ("Barr. Chinedu Okafor", "الدكتورة نادين الحسيني"). */
const TITLED_NAME_WORDS = 4;

/** A courtesy title and a name end at `pos`: "Barr. Chinedu Okafor|, Government Co-Chair", not "…, Beyrouth|". */
function titledNameEndsAt(ft: FoldedText, pos: number): boolean {
  const before = ft.folded.slice(0, pos);
  const starts = [...before.matchAll(/\S+/gu)].slice(-(TITLED_NAME_WORDS + 1));
  return starts.slice(0, -1).some((w) => honorificAt(ft, w.index) !== null);
}

/**
 * A key/value table of the head ("Chair | Hon. Abena Osei-Asare, Deputy Minister", "رئيس الجلسة |
 * الدكتورة …"): a cell that says only "Chair" names the chair in the next cell of its row. Out of
 * a table, the label followed by a courtesy title names the chair after it (the row as a reader
 * without the table's borders joined it, or "the Chairperson Ms X").
 */
function chairInLabelledCell(blocks: readonly Block[], label: Block, language: Language | null): string | null {
  for (const m of label.ft.folded.matchAll(CHAIR_LABEL)) {
    const end = m.index + m[0].length;
    if (label.cell === null) {
      // "Barr. X, Government Co-Chair   Mrs. Y, Secretary": a label in apposition qualifies the titled person before it.
      const apposed = /[,،]\s*(?:\S+\s+){0,2}[^\s,،]*$/u.exec(label.ft.folded.slice(0, m.index));
      if (apposed && titledNameEndsAt(label.ft, apposed.index)) continue;
      // "The Government Co-Chair, Barr. X, presided": the name may follow the label after a comma.
      const name = end + (/^\s*[,،]\s*/u.exec(label.ft.folded.slice(end))?.[0].length ?? 0);
      if (honorificAt(label.ft, name)) return namesAfter(label.ft, name, language)[0] ?? null;
      continue;
    }
    if (!/^[\s\p{P}]*$/u.test(label.ft.folded.slice(0, m.index)) || end < label.ft.folded.length) return null;
    const { table, row, cell } = label.cell;
    const value = blocks.find((b) => b.cell !== null && b.cell.table === table && b.cell.row === row && b.cell.cell === cell + 1);
    return value ? personOf(value.ft.text) || null : null;
  }
  return null;
}

/**
 * "Ms. Fatmata Kamara (Chair, Ministry of …)", "السيد مروان الرفاعي (رئيساً)": the person right
 * before the marker. An item of an attendance list is one person, named first ("Andy Gotz (AG),
 * ESRF (Chair)"); in a paragraph listing several, the person is the one before the marker.
 */
function chairInAttendance(blocks: readonly Block[]): string | null {
  const at = blocks.findIndex((b) => b.cell === null && cueBlock(b, ATTENDEE_CUES));
  if (at < 0) return null;
  // "PRESENT:" over a table of one person a row ("Mrs. X | Office of the Cabinet – Chairperson"): the row's first cell.
  const table = blocks[at + 1]?.cell?.table;
  if (table !== undefined) {
    const cells = blocks.filter((b) => b.cell?.table === table);
    const marked = cells.find((b) => CHAIR_MARKER.test(b.ft.folded));
    // The row's first cell that is no row number ("1 | Mr. Ben Kumumanya | Permanent Secretary – Chairperson").
    const first = marked && cells.find((b) => b.cell!.row === marked.cell!.row && !ROW_NUMBER.test(b.ft.text));
    return first ? personOf(first === marked ? first.ft.text.slice(0, first.ft.map[CHAIR_MARKER.exec(first.ft.folded)!.index]) : first.ft.text) || null : null;
  }
  for (const b of [blocks[at], ...attendanceAfter(blocks, at)]) {
    const marker = CHAIR_MARKER.exec(b.ft.folded);
    if (!marker) continue;
    if (b.kind === "item") return personOf(b.ft.text) || null;
    // One person a line: "Mr. X – Chairman (Office of …)" among the lines of a PRESENT block.
    const before = b.ft.text.slice(0, b.ft.map[marker.index]);
    // "Sir John Elvidge, KCB (chair)": the honours after the name are not the name.
    const parts = before.split(/[,;:،؛：\n]/u).map((p) => p.trim());
    while (parts.length > 1 && POST_NOMINALS.test(parts[parts.length - 1])) parts.pop();
    const person = parts.pop();
    if (person) return personOf(person);
  }
  return null;
}

/** A cell that only numbers its row: "1", "2.", "(3)". */
const ROW_NUMBER = /^\s*\(?\d{1,3}[.)]?\s*$/u;

/** Honours and degrees after a name, in capitals: "KCB", "CB", "OBE", "QC FRSE". */
const POST_NOMINALS = /^(?:\p{Lu}{2,5}\.?\s*)+$/u;

/** Words of one entry of a list of names: "Ana Aguiar (AA - chair)", "Emma Fiedler (EF - minutes)". */
const NAME_ENTRY_WORDS = 6;

/** One paragraph listing people, separated by commas or semicolons: "Ana Aguiar (AA - chair), Isabella Ascione (IA), …". */
function isNameList(text: string): boolean {
  const entries = text.replace(/[.\s]+$/u, "").split(/[,;،؛]/u).map((e) => e.trim()).filter(Boolean);
  return entries.length >= 3 && entries.every((e) => wordCount(e) <= NAME_ENTRY_WORDS && !/[.!?؟:]/u.test(e.replace(/\([^)]*\)/gu, "")));
}

/** A line of an attendance list typed without list marks: a few words, no sentence. */
const ATTENDANCE_LINE_WORDS = 16;

/**
 * The attendance list after its cue: a list, or the short paragraphs that follow it one person a
 * line ("PRESENT" over "Mr. X – Chairman (…)", "Mrs. Y – Ministry of Information").
 */
function attendanceAfter(blocks: readonly Block[], at: number): Block[] {
  const items = listAfter(blocks, at);
  if (items.length) return items;
  const lines: Block[] = [];
  for (let k = at + 1; k < blocks.length; k++) {
    const b = blocks[k];
    const short = b.ft.text.split("\n").every((line) => wordCount(line) <= ATTENDANCE_LINE_WORDS && !/[.!?؟]\s*$/u.test(line));
    if (b.kind !== "paragraph" || b.emphasized || b.cell !== null || !(short || isNameList(b.ft.text))) break;
    lines.push(b);
  }
  return lines;
}

/** A label block: the cue opens it ("Étaient présents :", "الحاضرون:") and it is short or ends with a colon. */
const cueBlock = (b: Block, cue: RegExp): boolean => {
  const m = firstMatch(cue, b.ft.folded);
  if (!m || !/^[\s\p{P}]*$/u.test(b.ft.folded.slice(0, m.index))) return false;
  return wordCount(b.ft.text) <= 6 || /[:：]/u.test(b.ft.folded.slice(m.index + m[0].length, m.index + m[0].length + 3));
};

/** The items of the list that follows a cue block (or the marker-led paragraphs a PDF gives for it). */
function listAfter(blocks: readonly Block[], at: number): Block[] {
  const items: Block[] = [];
  for (let k = at + 1; k < blocks.length; k++) {
    const b = blocks[k];
    const previous = items[items.length - 1];
    // A list's items share one depth: a bold "1. État d'avancement …" after a bulleted agenda is the next part's title.
    if (b.emphasized || (previous && b.kind === "item" && b.depth !== previous.depth && b.depth <= 1)) break;
    // Numbering that starts again ("1. Bilan …" after items 1-3) is the next section's title, not a fourth item.
    if (b.itemNumber !== null && previous?.itemNumber != null && b.itemNumber !== previous.itemNumber + 1) break;
    if (b.kind === "item" && b.depth <= 1) items.push(b);
    else if (b.kind === "item" || (b.kind === "paragraph" && b.depth > 0)) continue;
    else break;
  }
  return items;
}

/**
 * An agenda heading over sub-headings, each over its list ("Agenda" / "Pinned Topics" / "New Items"): their
 * items, up to a sub-heading with no list right under it ("Minutes") or a heading of the agenda's level.
 */
function subheadedItems(blocks: readonly Block[], at: number): Block[] {
  const items: Block[] = [];
  for (let k = at + 1; k < blocks.length && blocks[k].kind === "heading" && blocks[k].depth > blocks[at].depth; ) {
    const list = listAfter(blocks, k);
    if (list.length === 0) break;
    items.push(...list);
    k = blocks.indexOf(list[list.length - 1]) + 1;
    while (k < blocks.length && blocks[k].kind !== "heading") k++;
  }
  return items;
}

/** Text after a cue on its own line ("Excusée : Mme X"), when no list follows. */
function inlineAfterCue(b: Block): string[] {
  const colon = b.ft.text.search(/[:：]/u);
  if (colon < 0) return [];
  const list = b.ft.text.slice(colon + 1);
  if (/[;؛\n]/u.test(list)) return list.split(/[;؛\n]/u).map((s) => s.trim()).filter(Boolean);
  // Commas part the people and a person from the role after the name ("Mme X, directrice, M. Y"):
  // a part opens another person with a courtesy title, or, in a list that titles no one, as a capitalized name alone.
  const parts = list.split(/[,،]/u).map((s) => s.trim()).filter(Boolean);
  const titled = (part: string): boolean => honorificAt(foldWithMap(part), 0) !== null;
  const bare = parts.length > 0 && !titled(parts[0]);
  return parts.filter((part, k) => k === 0 || titled(part) || (bare && isBareName(part)));
}

/** Words a bare name holds: "Amira Benali", "Jean-François Gagnon", "Anne-Marie de la Roche". */
const BARE_NAME_WORDS = 4;

/** A Latin-script name without a title: two to four words, capitalized but for particles, no body's word ("Ministry of Finance"). */
function isBareName(text: string): boolean {
  const ft = foldWithMap(text.replace(/\s*\([^)]*\)\s*$/u, ""));
  const words = ft.folded.split(/\s+/u).filter(Boolean);
  if (words.length < 2 || words.length > BARE_NAME_WORDS || !words.every(isLatinWord)) return false;
  const { nameParticles } = functionWordsOf(textLanguage(ft, null));
  let at = 0;
  return words.every((w) => {
    const start = ft.folded.indexOf(w, at);
    at = start + w.length;
    return (capitalizedAt(ft, start) || nameParticles.has(w)) && !BODY_WORDS.test(ft.folded.slice(start));
  });
}

function personOf(item: string): string {
  const ft = foldWithMap(item);
  const honorific = new RegExp(`^(?:${HONORIFICS.regex.source})\\s*`, "u").exec(ft.folded);
  const start = honorific ? ft.map[honorific[0].length] : 0;
  // The name ends where its body or role begins: "X, Ministry of …", "X (rapporteure)", "X – Chairperson".
  const name = item.slice(start).split(/[,،;؛(]|\s[–—-]\s/u)[0].trim();
  // A surname alone is how the minutes name the person with the title: "Mr Adam, Minister for …" is "Mr Adam".
  return honorific && name !== "" && !/\s/u.test(name) ? item.slice(0, start + item.slice(start).indexOf(name) + name.length).trim() : name;
}

export function attendees(blocks: readonly Block[]): string[] {
  const at = blocks.findIndex((b) => b.cell === null && cueBlock(b, ATTENDEE_CUES) && !cueBlock(b, ABSENTEE_CUES));
  if (at < 0) return [];
  const items = listAfter(blocks, at);
  const texts = items.length ? items.map((b) => b.ft.text) : inlineAfterCue(blocks[at]);
  return texts.map(personOf).filter(Boolean);
}

/**
 * A block that announces the agenda: it opens with the cue ("Agenda", "Ordre du jour : …",
 * "جدول الأعمال:") or ends with a colon ("L'ordre du jour portait sur les points suivants :"). A
 * sentence that only mentions the word ("the proposed agenda was agreed", "a standard agenda
 * item") announces nothing.
 */
function agendaCue(b: Block): boolean {
  const m = firstMatch(AGENDA_CUES, b.ft.folded);
  if (!m) return false;
  // A section number may stand before it: "I. Ordre du jour", "2. Agenda".
  const numbering = firstMatch(ENUMERATOR, b.ft.folded);
  const before = b.ft.folded.slice(numbering?.index === 0 ? numbering[0].length : 0, m.index);
  return /^[\s\p{P}\d]*$/u.test(before) || /[:：]\s*$/u.test(b.ft.folded);
}

/** An enumerator: "1.", "2)", "III.", "IV -", "ثانياً:", "Secondly,", "Item 3:", "Point 2 :" (French sets a space before a colon). */
const ENUMERATOR = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:(?:${AGENDA_ITEM_WORDS})\\s+)?(?<digits>\\d{1,2})(?:[.)]|\\s?[\\-–—:])|(?<roman>[ivxlc]{1,6})\\s*[.)\\-–:]|(?:${SECTION_MARKER_VALUES.regex.source})\\s*[:：\\-–—.,،])\\s+(?=\\S)`,
  "gu",
);

/** The value of an enumerator ENUMERATOR matched, else null. */
function enumeratorValue(m: RegExpMatchArray): number | null {
  const g = m.groups ?? {};
  if (g.digits !== undefined) return Number(g.digits);
  if (g.roman !== undefined) return romanValue(g.roman);
  return g.phrase !== undefined ? (SECTION_MARKER_VALUES.valueOf(g.phrase) ?? null) : null;
}

/**
 * A capital letter numbering a section ("C. STATUS OF NAP COMMITMENTS"): A is 1. Not I, V or X,
 * which number as Roman numerals; L, C, D and M never do.
 */
const SECTION_LETTER = /^([A-HJ-UWYZ])[.)]\s+(?=\S)/u;

/** The number an enumerated line opens with ("3. Review of membership", "II. État …", "C. Status …", "ثانياً: متابعة …") and its text. */
function enumerated(text: string): { number: number; rest: string } | null {
  const letter = SECTION_LETTER.exec(text);
  if (letter) return { number: letter[1].charCodeAt(0) - "A".charCodeAt(0) + 1, rest: text.slice(letter[0].length) };
  const ft = foldWithMap(text);
  const m = firstMatch(ENUMERATOR, ft.folded);
  const number = m && m.index === 0 ? enumeratorValue(m) : null;
  // Roman numerals are upper case in the text as written ("I. ADOPTION"); folded text is lower case.
  if (m === null || number === null || (m.groups?.roman !== undefined && !/^[IVXLC]/u.test(text))) return null;
  return { number, rest: text.slice(ft.map[m[0].length] ?? text.length) };
}

/**
 * Items enumerated in a row, counting on from `first` ("أولاً: … ثانياً: … ثالثاً: …" in one
 * paragraph, as a reader that drops line breaks gives them): the text between consecutive
 * enumerators, or null when the text does not open with the number expected.
 */
function enumeratedRun(text: string, first: number): string[] | null {
  const ft = foldWithMap(text);
  const marks = [...ft.folded.matchAll(ENUMERATOR)].map((m) => ({ at: m.index, end: m.index + m[0].length, value: enumeratorValue(m) }));
  if (marks[0]?.at !== 0 || marks[0].value !== first) return null;
  const run = [marks[0]];
  for (const m of marks) if (m.at > run[run.length - 1].at && m.value === run[run.length - 1].value! + 1) run.push(m);
  return run.map((m, k) => cleanTitle(text.slice(ft.map[m.end], k + 1 < run.length ? ft.map[run[k + 1].at] : text.length)));
}

/**
 * Agenda items given other than as a list after the cue: the rows of the table that follows
 * (Item | Subject | Lead; its header row left out), or enumerated lines, in one paragraph (a
 * reader keeps line breaks) or one a paragraph ("أولاً: …", "ثانياً: …", "I. …").
 */
function itemsAfterCue(blocks: readonly Block[], at: number): string[] {
  const next = blocks[at + 1];
  if (next?.cell) {
    const table = next.cell.table;
    const rows = new Map<number, Block[]>();
    for (const b of blocks) if (b.cell?.table === table) rows.set(b.cell.row, [...(rows.get(b.cell.row) ?? []), b]);
    const ordered = [...rows.entries()].sort((x, y) => x[0] - y[0]).map(([, cells]) => cells);
    // A header row ("Item | Subject | Lead") is no item: its first cell has no number where the next row's has.
    const numberedFirst = (cells: Block[] | undefined) => cells !== undefined && /^\s*[\dIVXivx]{1,4}\b/u.test(cells[0].ft.text);
    const body = ordered.length > 1 && !numberedFirst(ordered[0]) && numberedFirst(ordered[1]) ? ordered.slice(1) : ordered;
    // Each row's item is its longest cell: the subject, not its number or its lead.
    return body.map((cells) => cleanTitle([...cells].sort((x, y) => y.ft.text.length - x.ft.text.length)[0].ft.text)).filter(Boolean);
  }
  // Enumerated lines count from 1 without a gap; anything else is not an agenda.
  const items: string[] = [];
  for (let k = at + 1; k < blocks.length && blocks[k].cell === null && blocks[k].kind === "paragraph"; k++) {
    const run = enumeratedRun(blocks[k].ft.text, items.length + 1);
    if (!run) break;
    items.push(...run);
  }
  return items.length >= 2 ? items.filter(Boolean) : [];
}

/**
 * The agenda: the items after its cue, else the minutes' numbered section titles. `blocks` are
 * those outside the commitments; `document` is every block, for the table right after the cue,
 * which a commitment layout may have claimed ("Item | Subject | Lead" looks like an action log).
 */
export function agenda(blocks: readonly Block[], document: readonly Block[] = blocks): string[] {
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.cell !== null || !agendaCue(b)) continue;
    const items = listAfter(blocks, k);
    if (items.length) return [...items.map((i) => cleanTitle(i.ft.text.replace(ORDERED_MARKER, ""))), ...laterItems(blocks, items[items.length - 1])];
    const grouped = b.kind === "heading" ? subheadedItems(blocks, k) : [];
    if (grouped.length > 1) return grouped.map((i) => cleanTitle(i.ft.text.replace(ORDERED_MARKER, "")));
    const at = document.indexOf(b);
    const other = itemsAfterCue(at >= 0 ? document : blocks, at >= 0 ? at : k);
    if (other.length) return other;
    // "Ordre du jour : 1) bilan ; 2) rapport." — the items written on the cue's own line.
    const inline = inlineAfterCue(b)
      .flatMap((part) => part.split(/(?:^|\s)\d{1,2}[.)-]\s+/u))
      .map(cleanTitle)
      .filter(Boolean);
    if (inline.length > 1) return inline;
  }
  return numberedSections(blocks);
}

/** "3. Review of membership", "## 2. Gouvernement ouvert", Word's list number: the number a title line opens with. */
const TITLE_NUMBER = /^(\d{1,2})[.)]\s+(?=\S)/u;
/** A title line is short: "2. Update on commitments". */
const TITLE_WORDS = 12;

/** The number of a block that is a numbered title (a heading, a bold line, a list item, a short line), else null. */
function titleNumber(b: Block): { number: number; title: string } | null {
  if (b.cell !== null) return null;
  const firstLine = b.ft.text.split("\n")[0];
  // "3. Review of membership", "II. État de mise en œuvre", "ثانياً: متابعة …".
  const written = enumerated(firstLine);
  const number = b.itemNumber ?? written?.number ?? null;
  if (number === null) return null;
  const title = cleanTitle(written ? written.rest : firstLine);
  const titleLike = b.kind === "heading" || b.emphasized || b.kind === "item" || wordCount(firstLine) <= TITLE_WORDS;
  return titleLike && title ? { number, title } : null;
}

/**
 * The agenda items after the first ones, when each item opens a section of its own:
 * "1. Welcome" is followed by its text, then "2. Update on commitments" and the
 * commitments. Only blocks of the list items' kind and level, and only the numbers that
 * continue the list, up to a title numbered 1 (the sections that repeat a complete agenda
 * start again from 1).
 */
function laterItems(blocks: readonly Block[], last: Block): string[] {
  let next = (titleNumber(last)?.number ?? Number.NaN) + 1;
  if (Number.isNaN(next)) return [];
  const found: string[] = [];
  for (const b of blocks) {
    // Items go on as items of the same level: "## 5. Decisions" after a nested agenda list is a section of the minutes.
    if (b.index <= last.index || b.kind !== last.kind || b.depth > last.depth) continue;
    const numbered = titleNumber(b);
    if (!numbered) continue;
    if (numbered.number === 1) break;
    if (numbered.number === next) {
      found.push(numbered.title);
      next++;
    }
  }
  return found;
}

/**
 * An agenda given only by the minutes' numbered section headings ("## 1. Introduction",
 * "## 2. …"): headings (or bold lines, or plain text's numbered lines) numbered 1, 2, 3 …
 * without a gap. A gap or a
 * repeated number says the numbering is something else, and no agenda is read.
 */
function numberedSections(blocks: readonly Block[]): string[] {
  // Plain text writes a section title as a numbered line, read as a one-item list: an item is a
  // section's title when no numbered item stands next to it (a numbered list runs on, or ends).
  // So does a repository's escaped number ("1\\. Welcome"): a short numbered paragraph of one line.
  // The blocks next to it in the document: a table between them (left out of `blocks`) ends any list.
  const numberedItemAt = (k: number, index: number): boolean => blocks[k]?.index === index && blocks[k].kind === "item" && titleNumber(blocks[k]) !== null;
  const sectionTitle = (b: Block, k: number): boolean =>
    b.kind === "heading" ||
    b.emphasized ||
    (b.kind === "item" && b.depth <= 1 && !numberedItemAt(k + 1, b.index + 1) && !numberedItemAt(k - 1, b.index - 1)) ||
    (b.kind === "paragraph" && b.depth === 0 && !b.ft.text.includes("\n") && wordCount(b.ft.text) <= TITLE_WORDS && enumerated(b.ft.text) !== null);
  const titles = blocks.filter((b, k) => b.cell === null && sectionTitle(b, k)).map((b) => ({ b, numbered: titleNumber(b) }));
  const numbered = titles.filter((t) => t.numbered !== null);
  if (numbered.length < 2 || numbered[0].numbered!.number !== 1) return otherSections(blocks);
  const level = (b: Block) => (b.kind === "heading" ? b.depth : 0);
  const consecutive = (run: typeof numbered): boolean => run.every((t, k) => t.numbered!.number === k + 1);
  const sameLevel = numbered.filter((t) => level(t.b) === level(numbered[0].b));
  // A PDF reader may take some of the titles for headings and others for list items ("5. Review …"):
  // titles of mixed kinds still make the agenda when together they count 1, 2, 3 … without a gap.
  const run = consecutive(numbered) ? numbered : consecutive(sameLevel) ? sameLevel : null;
  return run ? run.map((t) => t.numbered!.title) : otherSections(blocks);
}

/** Sections numbered otherwise than 1, 2, 3: under the meeting's number, or by their minute's reference. */
function otherSections(blocks: readonly Block[]): string[] {
  const prefixed = prefixedSections(blocks);
  return prefixed.length ? prefixed : minuteSections(blocks);
}

/**
 * Sections titled by their minute's reference ("MIN/PSC/04/01/2024: Preliminaries", "MIN. 02/01/2024:
 * Confirmation of minutes"), as East African minutes number them: the agenda, in order, when two
 * headings or bold lines or more are so titled.
 */
function minuteSections(blocks: readonly Block[]): string[] {
  const titles = blocks.flatMap((b) => {
    const m = b.cell === null && (b.kind === "heading" || b.emphasized) ? MINUTE_SECTION.exec(b.ft.folded.slice(0, firstLineEnd(b.ft))) : null;
    const at = m?.indices?.groups?.title;
    // The reference holds a number ("PSC/04/01/2024"), the title follows its colon, as written.
    return m?.groups && at && /\d/u.test(m.groups.reference) ? [cleanTitle(b.ft.text.slice(b.ft.map[at[0]], b.ft.map[at[1]]))] : [];
  });
  return titles.length >= 2 && titles.every(Boolean) ? titles : [];
}

/** "7.1 Welcome", "7.2 Record of meeting 6": a section numbered under the meeting's own number. */
const PREFIXED_SECTION = /^(\d{1,3})\.(\d{1,2})\.?\s+(?=\S)/u;

/**
 * Section titles numbered under one prefix, the meeting's number, and counting 1, 2, 3 … under it
 * ("7.1 Welcome", "7.2 …", "7.3 …"): the agenda when no section is numbered "7." itself (then
 * they are its sub-sections). Only headings and bold lines: a paragraph numbered "2.1" is a clause.
 */
function prefixedSections(blocks: readonly Block[]): string[] {
  const titles = blocks.flatMap((b) => {
    const m = b.cell === null && (b.kind === "heading" || b.emphasized) ? PREFIXED_SECTION.exec(b.ft.text) : null;
    return m ? [{ prefix: m[1], number: Number(m[2]), title: cleanTitle(b.ft.text.split("\n")[0].slice(m[0].length)) }] : [];
  });
  const prefix = titles[0]?.prefix;
  const run = titles.filter((t) => t.prefix === prefix);
  if (run.length < 2 || run.some((t, k) => t.number !== k + 1 || !t.title)) return [];
  if (blocks.some((b) => b.cell === null && titleNumber(b)?.number === Number(prefix))) return [];
  return run.map((t) => t.title);
}
