/**
 * Events: workshops, seminars, sessions the minutes announce or report, from a table
 * with date / place / participants columns, or from a sentence of the running text that
 * names an event and a day ("ورشة … يوم 28 جوان 2022 بمدينة سوسة", "un atelier … le
 * 5 octobre 2023 à Tunis"), or a meeting the sentence places ("the OGP Africa regional meeting will take
 * place in Nairobi on 3 June 2024"). Text inside commitments is activities, not events.
 */
import type { Event } from "../model/meeting.js";
import { datesOf, findDates } from "../text/dates.js";
import { wordCount, type Block, type TableModel } from "./blocks.js";
import { planColumns, tableKind } from "./tables.js";
import { isOtherDate } from "./meeting.js";
import { DUE_CUES, EVENT_WORDS, functionWordsOf, HEADER_ROLES, HEADER_WORDS, MEETING_DATE_CUES, MEETING_WORDS, DATE_WORDS, PLACE, THIS_MEETING, TRAILING_DATE_WORDS, type ColumnRole } from "./lexicon/index.js";
import { textLanguage } from "./lexicon/detect.js";
import { firstMatch, foldWithMap, isLatinWord, type FoldedText } from "./match.js";
import { cleanTitle, firstWords, sentences, toSourceRef } from "./text-helpers.js";

/** An event's date is a whole day, not a month alone. */
const DAY = /^\d{4}-\d{2}-\d{2}$/u;


/** The place named right after a date: "بمدينة سوسة،" → "سوسة"; "à Médenine, dans" → "Médenine". */
export function placeAfter(ft: FoldedText, pos: number): string | null {
  const place = placeAt(ft, pos);
  if (!place) return null;
  // "à l'hôtel Montana, à Pétion-Ville", "في فندق …، في بيروت": a venue and its town after a comma are one place.
  const gap = /^[\s,،]*/u.exec(ft.folded.slice(place.end))![0];
  const town = /[,،]/u.test(gap) ? placeAt(ft, place.end) : null;
  return town ? ft.text.slice(place.textStart, town.textEnd).trim() : place.text;
}

/**
 * The place named between an event word and its date: "au Centre Shaw, du 29 au 31 mai",
 * "will take place in Nairobi on 12 May". The preposition nearest the date wins; where the
 * place starts, for the title to end there.
 */
function placeBefore(ft: FoldedText, from: number, dateStart: number): { text: string; start: number } | null {
  // The words that lead the date ("يوم", "le", "on") are not the place's.
  const lead = TRAILING_DATE_WORDS.exec(ft.folded.slice(from, dateStart));
  const to = lead ? from + lead.index : dateStart;
  const re = new RegExp(PLACE.words.source, "gu");
  let found: { text: string; start: number } | null = null;
  let previous: { start: number; end: number; textStart: number } | null = null;
  for (const m of ft.folded.slice(from, to).matchAll(re)) {
    const place = placeAt(ft, from + m.index, to);
    if (!place) continue;
    // A city and then its venue, one after the other ("à Lyon, à la Maison de la métropole, du 14 au 16
    // novembre"): one place, the city kept with the venue.
    const joined: boolean = previous !== null && found !== null && /^[\s,،]*$/u.test(ft.folded.slice(previous.end, from + m.index));
    const textStart: number = joined && previous ? previous.textStart : place.textStart;
    found = { text: ft.text.slice(textStart, place.textEnd).trim(), start: joined && found ? found.start : from + m.index };
    previous = { start: from + m.index, end: place.end, textStart };
  }
  // "ورشة … في إربد يوم 20 نيسان": a common preposition right before the date, a few words from it.
  if (!found) {
    const near = [...ft.folded.slice(from, to).matchAll(new RegExp(PLACE.beforeDate.source, "gu"))].pop();
    // "في مدينة إربد يوم 18 حزيران": a place noun after it is not the place's name.
    const named = near ? placeAt(ft, from + near.index, to) : null;
    if (near && named && PLACE.nouns.test(ft.folded.slice(from + near.index + near[0].length).trimStart())) found = { text: named.text, start: from + near.index };
    else if (near) {
      const start = from + near.index + near[0].length;
      const words = ft.folded.slice(start, to).trim().split(/\s+/u).filter(Boolean);
      if (words.length > 0 && words.length <= ATTACHED_PLACE_WORDS && words.every((w) => /^\p{L}/u.test(w) && !PLACE.stopWords.has(w))) {
        const text = ft.text.slice(ft.map[start], ft.map[to]).replace(/[\s,،]+$/u, "").trim();
        if (text) found = { text, start: from + near.index };
      }
    }
  }
  // An attached preposition ("ب") opens many words that are no place ("بخصوص", "بتاريخ"): before a date, only one on a place noun ("بمدينة سوسة") is taken.
  for (const word of ft.folded.slice(from, to).matchAll(/\S+/gu)) {
    const attached = PLACE.attached.find((p) => word[0].startsWith(p));
    if (!attached) continue;
    const named = ft.folded.slice(from + word.index + attached.length);
    if (!PLACE.nouns.test(named) && !PLACE.venues.test(named)) continue;
    const place = placeAt(ft, from + word.index, to);
    if (place && (!found || from + word.index > found.start)) found = { text: place.text, start: from + word.index };
  }
  return found;
}

/** Words of a place's name: "Palais des Congrès de Tunis" has three besides its particles; after an attached preposition ("بولاية سيدي بوزيد") three at most. */
const PLACE_WORDS = 6;
const ATTACHED_PLACE_WORDS = 3;

function placeAt(ft: FoldedText, pos: number, limit = ft.folded.length): { text: string; end: number; textStart: number; textEnd: number } | null {
  const rest = ft.folded.slice(pos);
  const lead = /^[\s,،]*/u.exec(rest)![0].length;
  let at = pos + lead;
  const words = ft.folded.slice(at).split(/\s+/u);
  const first = words[0] ?? "";
  const separate = new RegExp(`^(?:${PLACE.words.source})\\s+`, "u").exec(ft.folded.slice(at));
  // "في فندق لو رويال – ضبيه", "في مدينة صفاقس": the common preposition opens a place when a venue or place noun follows it.
  const common = separate ? null : new RegExp(`^(?:${PLACE.beforeDate.source})\\s+`, "u").exec(ft.folded.slice(at));
  const commonOpens = common !== null && (PLACE.nouns.test(ft.folded.slice(at + common[0].length)) || PLACE.venues.test(ft.folded.slice(at + common[0].length)));
  let latin = false;
  if (separate) {
    at += separate[0].length;
    latin = true;
  } else if (common && commonOpens) at += common[0].length;
  else {
    const attached = PLACE.attached.find((p) => first.startsWith(p) && first.length > p.length + 1);
    if (!attached) return null;
    at += attached.length;
  }
  const noun = PLACE.nouns.exec(ft.folded.slice(at));
  if (noun) at += noun[0].length;
  // "at the Kenyatta Centre", "à l'hôtel Montana": the article, elided or not, is not the place's name.
  const { articles, nameParticles } = functionWordsOf(textLanguage(ft, null));
  const article = /^(\S+)\s+/u.exec(ft.folded.slice(at));
  if (latin && article && articles.includes(article[1])) at += article[0].length;
  else if (latin) at += articles.find((a) => a.endsWith("'") && ft.folded.startsWith(a, at))?.length ?? 0;
  // A venue's name runs longer than a town's and may name its town after a dash ("فندق لو رويال – ضبيه");
  // its noun may be written in lower case ("l'hôtel Montana").
  const venue = PLACE.venues.test(ft.folded.slice(at));
  const taken: string[] = [];
  let end = at;
  // Particles between capitalized words belong to the name ("Palais des Congrès", "University of
  // Nairobi"); they are taken only once a capitalized word follows them.
  const re = /\S+/gu;
  re.lastIndex = at;
  for (let m = re.exec(ft.folded); m && m.index < limit && taken.length < PLACE_WORDS; m = re.exec(ft.folded)) {
    const word = m[0].replace(/[,،.;؛:)]+$/u, "");
    if (PLACE.stopWords.has(word) || word === "") break;
    // A place is named by a word, not a number: "jusqu'à 1500 participants" names none.
    if (taken.length === 0 && !/^\p{L}/u.test(word)) break;
    if (latin) {
      const c = ft.text[ft.map[m.index]] ?? "";
      const capital = c !== c.toLowerCase();
      if (!capital && isLatinWord(word) && !(venue && taken.length === 0)) {
        if (taken.length === 0 || !nameParticles.has(word) || word.length < m[0].length) break;
        continue;
      }
    } else if (taken.length >= (venue ? PLACE_WORDS : ATTACHED_PLACE_WORDS)) break;
    taken.push(word);
    end = m.index + word.length;
    if (word.length < m[0].length) break;
  }
  if (taken.length === 0) return null;
  return { text: ft.text.slice(ft.map[at], ft.map[end]).trim(), end, textStart: ft.map[at], textEnd: ft.map[end] };
}

function roleColumns(table: TableModel, headerRow: number): Map<ColumnRole, number> {
  const columns = new Map<ColumnRole, number>();
  table.rows[headerRow].cells.forEach((c, k) => {
    const ft = foldWithMap(c.text);
    for (const role of HEADER_ROLES) {
      if (!columns.has(role) && firstMatch(HEADER_WORDS[role].regex, ft.folded)) {
        columns.set(role, k);
        break;
      }
    }
  });
  return columns;
}

export function tableEvents(tables: readonly TableModel[], file: string): { events: Event[]; covered: Set<number> } {
  const events: Event[] = [];
  const covered = new Set<number>();
  for (const table of tables) {
    const plan = planColumns(table);
    const kind = tableKind(table, plan);
    if (kind !== "events" || !plan) continue;
    const columns = roleColumns(table, plan.headerRow);
    const dateCol = columns.get("date")!;
    const headerText = table.rows[plan.headerRow].cells[dateCol]?.text ?? "";
    // "تاريخ ورشة العمل" names the event: what the date header says besides "date".
    const header = foldWithMap(headerText);
    const dateWord = firstMatch(HEADER_WORDS.date.regex, header.folded);
    const title =
      (dateWord ? cleanTitle(header.text.slice(0, header.map[dateWord.index]) + " " + header.text.slice(header.map[dateWord.index + dateWord[0].length])) : "") ||
      cleanTitle(headerText);
    table.rows.forEach((row, r) => {
      if (r <= plan.headerRow) return;
      const dateCell = row.cells[dateCol];
      if (!dateCell) return;
      const found = findDates(foldWithMap(dateCell.text).folded, DATE_WORDS)[0];
      if (!found) return;
      const placeCell = columns.has("place") ? row.cells[columns.get("place")!] : undefined;
      const participantsCell = columns.has("participants") ? row.cells[columns.get("participants")!] : undefined;
      events.push({
        title,
        date: found.date,
        endDate: found.endDate,
        place: placeCell?.text.trim() || null,
        participants: participantsCell ? participantsCell.blocks.map((b) => b.ft.text) : [],
        source: toSourceRef(file, row.source),
      });
      for (const c of row.cells) for (const b of c.blocks) covered.add(b.index);
    });
  }
  return { events, covered };
}

/**
 * A date right after a due cue ("by 30 June", "avant le 15 mars", "قبل 31 أيار") is a deadline,
 * not the day of the event the sentence names ("send the invitations to the conference before 31 May").
 */
function isDeadline(sentence: string, dateIndex: number): boolean {
  const before = sentence.slice(0, dateIndex);
  for (const m of before.matchAll(DUE_CUES)) {
    const between = before.slice(m.index + m[0].length);
    if (between.trim() === "" || TRAILING_DATE_WORDS.exec(between)?.index === 0) return true;
  }
  return false;
}

/** A title is a line of a few words that ends no sentence. */
const TITLE_LINE_WORDS = 20;
const isTitleLine = (b: Block): boolean => !b.ft.text.includes("\n") && !/[.!?؟;؛]\s*$/u.test(b.ft.text) && wordCount(b.ft.text) <= TITLE_LINE_WORDS;

/** Words a meeting's qualifiers before it may run to: "the OGP Africa and Middle East regional meeting". */
const QUALIFIER_WORDS = 8;

/**
 * Where the noun phrase of a meeting word begins: after the article that opens it, within a few
 * words ("the OGP Africa regional meeting" → "OGP Africa regional meeting"); a language that
 * qualifies after the noun ("la réunion régionale") or has no separate article starts at the word.
 */
function qualifiedFrom(ft: FoldedText, sentenceStart: number, wordStart: number): number {
  const { articles } = functionWordsOf(textLanguage(ft, null));
  const lead = ft.folded.slice(sentenceStart, wordStart);
  const words = [...lead.matchAll(/\S+/gu)].slice(-QUALIFIER_WORDS);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k][0];
    if (/[,،;:()]/u.test(w)) break;
    if (articles.includes(w)) return sentenceStart + words[k].index + w.length + 1;
  }
  return wordStart;
}

/**
 * Events in running text outside commitments: a sentence with an event word and a day
 * (a day without a year takes the meeting's), the place after the date or, failing that,
 * between the event word and the date ("au Centre Shaw, du 29 au 31 mai 2019").
 */
export function proseEvents(blocks: readonly Block[], inCommitment: (b: Block) => boolean, file: string, meetingDate: string | null): Event[] {
  const events: Event[] = [];
  for (const b of blocks) {
    if (b.cell !== null || inCommitment(b)) continue;
    for (const span of sentences(b.ft)) {
      const sentence = b.ft.folded.slice(span.start, span.end);
      const event = firstMatch(EVENT_WORDS, sentence);
      // "This meeting was held on 6 February in …": a meeting word after a demonstrative is the meeting recorded, not an event.
      const itself = new Set([...sentence.matchAll(THIS_MEETING)].map((m) => m.index + m[0].length));
      const meetings = [...sentence.matchAll(MEETING_WORDS)].filter((m) => !itself.has(m.index + m[0].length));
      const meeting = meetings[0] ?? null;
      if (!event && !meeting) continue;
      // The sentence that dates the meeting itself ("the forum met on …") is not another event.
      const datesTheMeeting = firstMatch(MEETING_DATE_CUES, sentence) !== null;
      const dates = datesOf(sentence, DATE_WORDS, meetingDate).filter((d) => DAY.test(d.date)).filter(
        (d, k, all) => !(datesTheMeeting && d.date === meetingDate) && !isOtherDate(sentence, d.index, k > 0 ? all[k - 1].index + all[k - 1].length : 0) && !isDeadline(sentence, d.index),
      );
      // A meeting word names an event only where the sentence places it: most name the committee's own meetings.
      // It names the event before an event word that only comes after the dates, in the venue's name
      // ("the regional meeting will take place … at the Accra International Conference Centre").
      const firstDate = dates[0]?.index ?? sentence.length;
      const placeRequired = !event || (meeting !== null && meeting.index < firstDate && event.index > firstDate);
      const word = placeRequired ? meeting! : event!;
      const words = placeRequired ? meetings : [...sentence.matchAll(EVENT_WORDS)];
      let previousEnd = 0;
      let previousTitle: string | null = null;
      for (const d of dates) {
        const dateStart = span.start + d.index;
        const dateEnd = dateStart + d.length;
        // "a dialogue on 3 October in Kisumu and another on 24 October in Mombasa": each date is named
        // by the event word since the previous date, else it is another of the same events.
        const own = words.filter((w) => w.index >= previousEnd && w.index < d.index).at(0);
        // The meeting's own date before any event word is a date line a reader joined to the text after it;
        // in a title line ("Meeting minutes - … Forum – West - 22 November 2021") it dates the meeting itself.
        if (d.date === meetingDate && ((!own && d.index < word.index) || isTitleLine(b))) continue;
        const named = own ?? word;
        const after = placeAfter(b.ft, dateEnd);
        const before = after === null && named.index < d.index ? placeBefore(b.ft, span.start + named.index + named[0].length, dateStart) : null;
        previousEnd = d.index + d.length;
        if (placeRequired && after === null && before === null) continue;
        let title: string;
        if (own || previousTitle === null) {
          const titleEnd = before?.start ?? dateStart;
          const titleStart = placeRequired ? qualifiedFrom(b.ft, span.start, span.start + named.index) : span.start + named.index;
          const text = foldWithMap(b.ft.text.slice(b.ft.map[titleStart], b.ft.map[titleEnd]));
          const trailing = TRAILING_DATE_WORDS.exec(text.folded);
          // A date in a parenthesis ("Open Government Week (held from 27 to 31 May)") dates what stands before it.
          const lead = trailing ? text.text.slice(0, text.map[trailing.index]) : text.text;
          const open = lead.lastIndexOf("(");
          const titled = open > 0 && !lead.slice(open).includes(")") ? lead.slice(0, open) : lead;
          title = cleanTitle(firstWords(titled, 20)) || cleanTitle(firstWords(b.ft.text, 12));
        } else title = previousTitle;
        previousTitle = title;
        events.push({
          title,
          date: d.date,
          endDate: d.endDate,
          place: after ?? before?.text ?? null,
          participants: [],
          source: toSourceRef(file, b.source),
        });
      }
    }
  }
  return events;
}
