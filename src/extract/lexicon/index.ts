/**
 * Every known lexicon, and the matchers compiled from them once at load.
 *
 * Structure words (commitment numbering, status phrases, labels, months) are matched
 * with the union of all lexicons: minutes mix languages (a French table header in
 * Arabic minutes, an English acronym in French ones), and a phrase of one language
 * never means something else in another's script. Function words (name stop words,
 * articles, particles, pronouns, conjunctions) are short and shared between languages
 * of one script with other meanings ("de", "a", "on"): they are compiled per language
 * and applied only to text of that language (`functionWordsOf`). Adding a language =
 * adding a file to ./registry.ts.
 */
import type { Status } from "../../model/meeting.js";
import type { DateWords } from "../../text/dates.js";
import { ITEM_NUMBER_SOURCE } from "../../text/item-numbers.js";
import { alternation, foldPhrase, phraseRegex, WORD_CHAR } from "../match.js";
import type { Language } from "./languages.js";
import { LEXICONS as REGISTERED } from "./registry.js";
import type { HeaderWords, Lexicon } from "./types.js";

export type { Lexicon, HeaderWords, StatusPhrase } from "./types.js";
export { DEFAULT_LANGUAGE, LANGUAGES, lexiconFor, writingDirection, type Language } from "./languages.js";

export const LEXICONS: readonly Lexicon<Language>[] = REGISTERED;

const all = <T>(pick: (l: Lexicon) => readonly T[]): T[] => LEXICONS.flatMap((l) => [...pick(l)]);
const PROCLITICS = all((l) => l.proclitics ?? []);

/** A phrase matcher over folded text, with the phrase's lexicon value. */
export interface PhraseTable<T> {
  regex: RegExp;
  /** Value of a folded phrase as matched (spaces collapsed). */
  valueOf(foldedPhrase: string): T | undefined;
}

const squash = (s: string): string => s.replace(/\s+/g, "");

function phraseTable<T>(entries: readonly (readonly [string, T])[]): PhraseTable<T> {
  const values = new Map<string, T>();
  for (const [phrase, value] of entries) values.set(squash(foldPhrase(phrase)), value);
  return {
    regex: phraseRegex(entries.map(([p]) => p), PROCLITICS),
    valueOf: (folded) => values.get(squash(folded)),
  };
}

/** Month names of every calendar and language, folded, with their number. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  LEXICONS.flatMap((l) => Object.entries(l.months).map(([name, n]) => [foldPhrase(name), n] as const)),
);

/** Status phrases, and closing words as phrases of no status ("withdrawn": the label is kept, the status unknown). */
export const STATUS_PHRASES: PhraseTable<Status> = phraseTable(
  all((l) => [...l.statuses.map((s) => [s.phrase, s.status] as const), ...l.closingWords.map((w) => [w, "unknown" as const] as const)]),
);
/** Words that are a status only as a status cell's whole word ("Retard"). */
export const CELL_STATUSES: PhraseTable<Status> = phraseTable(all((l) => l.cellStatuses.map((s) => [s.phrase, s.status] as const)));
/** Negations that may stand right before a status phrase, as a regex anchored at the end of the text before it. */
export const STATUS_NEGATION_BEFORE = new RegExp(`(?<!${WORD_CHAR})(?:${alternation(all((l) => l.statusNegations))})\\s*$`, "u");
/** Partial modifiers right before (anchored at the end) or right after (anchored at the start) a completion phrase. */
const partials = alternation(all((l) => l.partialModifiers));
export const PARTIAL_BEFORE = new RegExp(`(?<!${WORD_CHAR})(?:${partials})\\s*$`, "u");
export const PARTIAL_AFTER = new RegExp(`^\\s*(?:${partials})(?!${WORD_CHAR})`, "u");
export const PROSE_STATUSES: PhraseTable<Status> = phraseTable(all((l) => l.proseStatuses.map((s) => [s.phrase, s.status] as const)));

export type Colour = keyof Lexicon["colourWords"];
export const COLOUR_WORDS: PhraseTable<Colour> = phraseTable(
  all((l) => (Object.entries(l.colourWords) as [Colour, string[]][]).flatMap(([colour, words]) => words.map((w) => [w, colour] as const))),
);

export const ORDINALS: PhraseTable<number> = phraseTable(all((l) => Object.entries(l.ordinals)));
/** The words that number an item right after its label: its ordinals and its cardinals ("Commitment second", "Commitment Two"). */
export const LABEL_NUMBER_WORDS: PhraseTable<number> = phraseTable(all((l) => [...Object.entries(l.ordinals), ...Object.entries(l.labelNumberWords)]));
const labelNumberWords = alternation(all((l) => [...Object.keys(l.ordinals), ...Object.keys(l.labelNumberWords)]));

/** Commitment and action words; an action word is caught in the group `action` where a heading is matched. */
const commitmentWords = alternation(all((l) => [...l.commitmentWords, ...l.actionWords]));
const namingWords = `(?<action>${alternation(all((l) => l.actionWords))})|${alternation(all((l) => l.commitmentWords))}`;
const ARTICLES_FOR_HEADINGS = all((l) => l.articles);
const numberWords = alternation(all((l) => l.numberWords));
/** A Roman numeral is a number only before a separator: "Engagement II :" (not "Commitment i"). */
const ROMAN_BEFORE_SEPARATOR = String.raw`[ivxlc]{1,7}(?=\s*[:：\-–—.)])`;

/**
 * "تعهد عدد 10 :", "تعهدعدد 10:", "الالتزام رقم (3)", "Engagement n°1 :", "Commitment 5 -".
 * Groups: `number` and `rest` (the title after the separator).
 */
export const COMMITMENT_HEADING = new RegExp(
  `^(?:${alternation(PROCLITICS)})?(?:${namingWords})\\s*(?:(?:${numberWords})\\s*)?[(\\[]?\\s*(?<number>${ITEM_NUMBER_SOURCE}|${ROMAN_BEFORE_SEPARATOR})\\s*[)\\]]?(?!\\d|\\s*%)\\s*(?:[:：\\-–—.)]\\s*)?(?<rest>.*)$`,
  "su",
);

/** "التعهد الثالث: …", "Engagement premier : …", "Commitment One: …": a commitment numbered by a word after its label. Groups `ordinal`, `rest`. */
export const COMMITMENT_ORDINAL_HEADING = new RegExp(
  `^(?:${alternation(PROCLITICS)})?(?:${commitmentWords})\\s+(?<ordinal>${labelNumberWords})(?!${WORD_CHAR})\\s*(?:[:：\\-–—.)]\\s*)?(?<rest>.*)$`,
  "su",
);

/** "Second commitment: …", "Le premier engagement : …": the ordinal word before the commitment word. Groups `ordinal`, `rest`. */
export const COMMITMENT_ORDINAL_FIRST_HEADING = new RegExp(
  `^(?:(?:${alternation(ARTICLES_FOR_HEADINGS)})\\s+)?(?<ordinal>${alternation(all((l) => Object.keys(l.ordinals)))})\\s+(?:${alternation(PROCLITICS)})?(?:${commitmentWords})(?!${WORD_CHAR})\\s*(?:[:：\\-–—.)]\\s*)?(?<rest>.*)$`,
  "su",
);

const titleLeads = all((l) => l.commitmentTitleLeads);
/** A lead ending in a proclitic ("المتعلق ب") is written onto the title's first word; the others are words of their own. */
const attachingLead = (lead: string): boolean => PROCLITICS.includes(lead.split(/\s+/u).at(-1) ?? "");
const SOME_TITLE_LEAD = `(?:(?:${alternation(titleLeads.filter((l) => !attachingLead(l)))})(?!${WORD_CHAR})\\s*|(?:${alternation(titleLeads.filter(attachingLead))})\\s*)`;
const TITLE_LEAD = `${SOME_TITLE_LEAD}?`;
/** Pronouns and linking verbs a title told before its status ends on: "الميزانية التشاركية فهو", "the portal is". */
export const TRAILING_COPULAS = new RegExp(
  `(?:(?<!${WORD_CHAR})(?:${alternation(PROCLITICS)})?(?:${alternation(all((l) => [...l.copulas, ...l.pronouns]))})\\s*)+$`,
  "u",
);
/** The lead word a commitment's title may open with, "on open contracting", "relatif à …", "المتعلق بـ…": matched empty when there is none. */
export const COMMITMENT_TITLE_LEAD = new RegExp(`^${TITLE_LEAD}`, "u");

/**
 * "أولا: الالتزام المتعلق بنشر المعطيات", "Firstly: the commitment on open data": a commitment
 * numbered only by the section marker before it, the title after an optional lead. Groups
 * `marker`, `rest`. A number after the commitment word is left to COMMITMENT_HEADING's reading.
 */
export const COMMITMENT_MARKED_HEADING = new RegExp(
  `^(?<marker>${alternation(all((l) => l.sectionMarkers))})\\s*[:：\\-–—.]\\s*(?:(?:${alternation(ARTICLES_FOR_HEADINGS)})\\s+)?(?:${alternation(PROCLITICS)})?(?:${commitmentWords})(?!${WORD_CHAR})(?!\\s*(?:(?:${numberWords})\\s*)?[(\\[]?\\s*\\d)\\s*[:：\\-–—]?\\s*${TITLE_LEAD}(?<rest>\\S.*)$`,
  "su",
);

/**
 * "l'engagement relatif au développement du système …", "the commitment on open contracting", "الالتزام المتعلق
 * بنشر …": one commitment named in a sentence by its subject, the lead word required. The match ends before the lead.
 */
export const COMMITMENT_BY_SUBJECT = new RegExp(
  `(?<!${WORD_CHAR})(?:${alternation(PROCLITICS)})?(?:${alternation(all((l) => l.commitmentWords))})\\s+(?=${SOME_TITLE_LEAD}\\S)`,
  "gu",
);

/** "avait atteint la deuxième phase", "has reached the testing stage", "بلغ المرحلة الثانية": the work is under way. */
export const PHASE_REACHED = new RegExp(
  `(?<!${WORD_CHAR})(?:${alternation(PROCLITICS)})?(?:${alternation(all((l) => l.phaseReachedVerbs))})\\s+(?:\\S+\\s+){0,3}?(?:${alternation(PROCLITICS)})?(?:${alternation(all((l) => l.phaseWords))})(?!${WORD_CHAR})`,
  "u",
);

/** Section markers' values by their order in each lexicon: "ثالثا" 3, "secondly" 2. */
export const SECTION_MARKER_VALUES: PhraseTable<number> = phraseTable(all((l) => l.sectionMarkers.map((m, i) => [m, i + 1] as const)));

/** A mention of a numbered commitment anywhere in a sentence: "بخصوص التعهد عدد 7". */
export const COMMITMENT_REFERENCE = new RegExp(
  `(?<!${WORD_CHAR})(?:${alternation(PROCLITICS)})?(?:${namingWords})\\s*(?:(?:${numberWords})\\s*)?[(\\[]?\\s*(?<number>${ITEM_NUMBER_SOURCE})(?!\\d|\\s*%)`,
  "gu",
);

/**
 * A title that names its commitment at its end: "Proactive disclosure (Commitment 3)", "Open
 * contracting – Engagement n° 5", "نشر الميزانية (الالتزام عدد 4)". Groups `title` and `number`.
 */
export const COMMITMENT_TRAILING_REFERENCE = new RegExp(
  `^(?<title>\\S.*?)\\s*(?:[(\\[]\\s*|\\s[\\-–—:]\\s*)(?:${alternation(PROCLITICS)})?(?:${alternation(all((l) => l.commitmentWords))})\\s*(?:(?:${numberWords})\\s*)?(?<number>${ITEM_NUMBER_SOURCE})\\s*[)\\]]?\\s*[.:：]?\\s*$`,
  "su",
);

/** After a reference, more numbers joined to it: "Commitment 3 and 4", "engagements 2, 5 et 7". Group `number`. */
export const REFERENCE_CONTINUATION = new RegExp(
  `^\\s*(?:,|&|(?:${alternation(all((l) => l.nameConjunctions))})(?!${WORD_CHAR}))\\s*(?<number>${ITEM_NUMBER_SOURCE})(?!\\d|\\s*%)`,
  "u",
);

/** "الالتزام الثاني", "second commitment", "le premier engagement" anywhere in a sentence. Group `ordinal`. */
export const COMMITMENT_ORDINAL_REFERENCE = new RegExp(
  `(?<!${WORD_CHAR})(?:(?:${alternation(PROCLITICS)})?(?:${commitmentWords})\\s+(?<ordinal>${labelNumberWords})|(?<ordinalFirst>${alternation(all((l) => Object.keys(l.ordinals)))})\\s+(?:${commitmentWords}))(?!${WORD_CHAR})`,
  "gu",
);
/** Words before a percent that make it the item's rate: "نسبة الإنجاز فيه 60%", "completion rate of 60%", "réalisé à 70 %". */
export const PROGRESS_WORDS = phraseRegex(all((l) => [...l.progressLabels, ...l.progressCues]), PROCLITICS);

export const COMMITMENT_PLURAL = phraseRegex(all((l) => l.commitmentPluralWords), PROCLITICS);
/** A word naming commitments, one or several, not actions: "Engagement", "الالتزامات". */
export const COMMITMENT_NOUN = phraseRegex(all((l) => [...l.commitmentWords, ...l.commitmentPluralWords]), PROCLITICS);
/** A word naming commitments or action items, one or several: "Engagement", "Actions", "الالتزامات". */
export const COMMITMENT_WORD = phraseRegex(all((l) => [...l.commitmentWords, ...l.actionWords, ...l.commitmentPluralWords]), PROCLITICS);

export type ColumnRole = keyof HeaderWords;
export const HEADER_ROLES: readonly ColumnRole[] = ["number", "commitment", "milestone", "progress", "status", "notes", "owner", "due", "date", "place", "participants", "discussion"];
export const HEADER_WORDS: Readonly<Record<ColumnRole, PhraseTable<ColumnRole>>> = Object.fromEntries(
  HEADER_ROLES.map((role) => [role, phraseTable(all((l) => l.headers[role].map((w) => [w, role] as const)))]),
) as Record<ColumnRole, PhraseTable<ColumnRole>>;

/**
 * "Taux de réalisation : 80 %", "Statut : partiellement réalisé": a label and a colon. Found
 * anywhere in a block, because PDF readers may join such lines to the heading or the prose
 * around them. Groups `progress` or `status` tell which label it is.
 */
export const LABELS = new RegExp(
  `(?<!${WORD_CHAR})(?:(?<progress>${alternation(all((l) => l.progressLabels))})|(?<status>${alternation(all((l) => l.statusLabels))}))\\s*[:：]\\s*`,
  "gu",
);

export interface ReportingVerb {
  position: Lexicon["reporterPosition"];
}
export const REPORTING_VERBS: PhraseTable<ReportingVerb> = phraseTable(
  LEXICONS.flatMap((l) => [
    ...l.reportingVerbs.map((v) => [v, { position: l.reporterPosition }] as const),
    ...l.reportedByPhrases.map((v) => [v, { position: "after-verb" as const }] as const),
  ]),
);

export const HONORIFICS: PhraseTable<{ plural: boolean }> = phraseTable(
  all((l) => l.honorifics.map((h) => [h.word, { plural: h.plural === true }] as const)),
);
/** An article written onto its noun ("البوابة"), when a noun of two letters or more stays: strip it to compare nouns. */
export const ATTACHED_ARTICLE = new RegExp(`^(?:${alternation(all((l) => l.attachedArticles))})(?=\\p{L}{2})`, "u");
export const BODY_WORDS = new RegExp(`^(?:${alternation(all((l) => l.bodyWords))})(?![\\p{L}\\p{N}])`, "u");

/** One language's function words, folded: what ends a name, what stands inside one, what is no name. */
export interface FunctionWords {
  futureAuxiliaries: ReadonlySet<string>;
  futureEndings: readonly string[];
  nameConjunctions: ReadonlySet<string>;
  nameStopWords: ReadonlySet<string>;
  /** Stop words written with a final alef maqsura ("على"), which folds as the name written with yaa ("علي"). */
  maqsuraStopWords: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  articles: readonly string[];
  nameParticles: ReadonlySet<string>;
  passiveAuxiliaries: ReadonlySet<string>;
}

function functionWords(lexicons: readonly Lexicon[]): FunctionWords {
  const words = (pick: (l: Lexicon) => readonly string[]): string[] => lexicons.flatMap((l) => pick(l).map(foldPhrase));
  return {
    futureAuxiliaries: new Set(words((l) => l.futureAuxiliaries)),
    futureEndings: words((l) => l.futureEndings),
    nameConjunctions: new Set(words((l) => l.nameConjunctions)),
    nameStopWords: new Set(words((l) => l.nameStopWords)),
    maqsuraStopWords: new Set(lexicons.flatMap((l) => l.nameStopWords.filter((w) => w.endsWith("ى")).map(foldPhrase))),
    pronouns: new Set(words((l) => l.pronouns)),
    articles: words((l) => l.articles),
    nameParticles: new Set(words((l) => l.nameParticles)),
    passiveAuxiliaries: new Set(words((l) => l.passiveAuxiliaries)),
  };
}

const FUNCTION_WORDS = new Map(LEXICONS.map((l) => [l.language, functionWords([l])] as const));
/** Every language's at once: only for a text whose language neither it nor its caller can tell. */
const POOLED_FUNCTION_WORDS = functionWords(LEXICONS);

/** The function words of a language, or of all languages when the language is unknown (null). */
export function functionWordsOf(language: Language | null): FunctionWords {
  return (language !== null && FUNCTION_WORDS.get(language)) || POOLED_FUNCTION_WORDS;
}

export const SECTION_MARKER = new RegExp(`^(?:${alternation(all((l) => l.sectionMarkers))})\\s*[:：\\-–.]`, "u");
export const DECISION_PHRASES = phraseRegex(all((l) => l.decisionPhrases), PROCLITICS);
export const CHAIR_PHRASES = phraseRegex(all((l) => l.chairPhrases), PROCLITICS);
export const SPEAKER_TITLES = phraseRegex(all((l) => l.speakerTitles), PROCLITICS);
/**
 * "(Chair, Ministry of …)", "(رئيساً)", or a marker closing the item ("Dr X, Chair", "Mme Y –
 * présidente") right after a name: the chair marked in the attendee list.
 */
const chairMarkers = alternation(all((l) => l.chairMarkers));
export const CHAIR_MARKER = new RegExp(
  // "(Chair, …)"; "(TSC Chair)": a marker a word or two qualify, closing the bracket; "Dr X (AB) Clinical Chair": after the initials' bracket.
  `(?:\\(\\s*(?:${chairMarkers})(?!${WORD_CHAR})|\\(\\s*(?:[\\p{L}.-]+\\s+){1,2}(?:${chairMarkers})\\s*\\)|\\)\\s*(?:\\p{L}+\\s+){0,2}(?:${chairMarkers})\\s*$|[,،–—-]\\s*(?:${chairMarkers})\\s*(?:[(),;،.]|$))`,
  "u",
);
/**
 * A label of who chairs ("Chair", "Président de séance :", "رئيس الجلسة"): alone in a cell of a
 * key/value table, the name is in the next cell; followed by a courtesy title, the name is after it
 * ("Chair Hon. Abena Osei-Asare", "رئيس الجلسة الدكتورة …", as a reader joins such a row into a line).
 */
export const CHAIR_LABEL = new RegExp(
  `(?<!${WORD_CHAR})(?:${alternation([...all((l) => l.chairMarkers), ...all((l) => l.chairPhrases).filter((p) => /[:：]$/u.test(p)).map((p) => p.replace(/\s*[:：]$/u, ""))])})(?!${WORD_CHAR})\\s*[:：]?\\s*`,
  "gu",
);
/** "…, as Lead Government Chair of …": a capacity word and, within a few words, a chair marker; the chair is the person before. */
export const CHAIR_CAPACITY = new RegExp(
  `[,،]\\s*(?:${alternation(all((l) => l.chairCapacityWords))})\\s+(?:\\S+\\s+){0,3}?(?:${alternation(all((l) => l.chairMarkers))})(?!${WORD_CHAR})`,
  "gu",
);
export const ATTENDEE_CUES = phraseRegex(all((l) => l.attendeeCues), PROCLITICS);
export const ABSENTEE_CUES = phraseRegex(all((l) => l.absenteeCues), PROCLITICS);
export const AGENDA_CUES = phraseRegex(all((l) => l.agendaCues), PROCLITICS);
/** Regex source: the word before an agenda item's number ("item", "point", "البند"). */
export const AGENDA_ITEM_WORDS = alternation(all((l) => l.agendaItemWords));
export const AGENDA_COLUMNS = phraseRegex(all((l) => l.agendaColumns), PROCLITICS);
export const SUBJECT_LINE = new RegExp(`^(?:${alternation(all((l) => l.subjectCues))})\\s*[:：]\\s*(?<value>.+)$`, "su");
export const MEETING_DATE_CUES = phraseRegex(all((l) => l.meetingDateCues), PROCLITICS);
export const ACTION_PLAN_WORDS = phraseRegex(all((l) => l.actionPlanWords), PROCLITICS);
/** Date lead words at the end of a text: what to trim from an event title cut before its date. */
export const TRAILING_DATE_WORDS = new RegExp(`(?:\\s*(?<!${WORD_CHAR})(?:${alternation(all((l) => l.dateLeadWords))})[\\s,،]*)+$`, "u");
export const EVENT_WORDS = phraseRegex(all((l) => l.eventWords), PROCLITICS);
export const MEETING_WORDS = phraseRegex(all((l) => l.meetingWords), PROCLITICS);
/** "this meeting", "cette réunion", "هذا الاجتماع": each language's demonstratives before its own meeting words. */
export const THIS_MEETING = phraseRegex(all((l) => l.meetingDemonstratives.flatMap((d) => l.meetingWords.map((w) => `${d} ${w}`))), PROCLITICS);
/** Spelled-out percent signs of every language, as written (the percent readers match them case-insensitively). */
export const PERCENT_WORDS: readonly string[] = all((l) => l.percentWords);
export const SELF_REFERENCES = phraseRegex(all((l) => l.selfReferences), PROCLITICS);
export const PROGRESS_CUES = phraseRegex(all((l) => l.progressCues), PROCLITICS);
export const FOLLOWING_WORDS = phraseRegex(all((l) => l.followingWords), PROCLITICS);
/** Folded, the words between a status and its rate: "à", "at", "بنسبة". */
export const RATE_LINKS = alternation(all((l) => l.rateLinks).map(foldPhrase));

export interface PlaceGrammar {
  /** Prepositions written as separate words ("à", "in"). */
  words: RegExp;
  /** Prepositions that introduce a place only right before its date ("في"). */
  beforeDate: RegExp;
  /** Prepositions attached to the place ("ب"). */
  attached: string[];
  nouns: RegExp;
  /** Venue words that may follow an attached preposition and stay in the place ("بالمسرح البلدي"). */
  venues: RegExp;
  stopWords: Set<string>;
}
const separatePrepositions = all((l) => l.placePrepositions).filter((p) => [...p].length > 1 || /\p{Script=Latin}/u.test(p));
export const PLACE: PlaceGrammar = {
  words: phraseRegex(separatePrepositions, []),
  beforeDate: phraseRegex(all((l) => l.placePrepositionsBeforeDate), []),
  attached: all((l) => l.placePrepositions).filter((p) => !separatePrepositions.includes(p)).map(foldPhrase),
  nouns: new RegExp(`^(?:${alternation(all((l) => l.placeNouns))})\\s+`, "u"),
  venues: new RegExp(`^(?:${alternation(all((l) => l.venueNouns))})\\s+`, "u"),
  stopWords: new Set(all((l) => l.placeStopWords).map(foldPhrase)),
};

export const ACTIVITY_CUES = {
  negation: phraseRegex(all((l) => l.activityCues.negation), PROCLITICS),
  planned: phraseRegex(all((l) => l.activityCues.planned), PROCLITICS),
  ongoing: phraseRegex(all((l) => l.activityCues.ongoing), PROCLITICS),
  done: phraseRegex(all((l) => l.activityCues.done), PROCLITICS),
};

/** Everything `findDates` needs to know of how dates are written, from every lexicon. */
/** "MIN/PSC/04/01/2024: Preliminaries", "MIN. 02/01/2024: …": a section titled by its minute's reference. Group `title`. */
export const MINUTE_SECTION = new RegExp(`^(?:${alternation(all((l) => l.referenceLabels))})[\\s./-]*(?<reference>[\\p{L}\\d]+(?:[./-][\\p{L}\\d]+)*)\\s*[:：]\\s*(?<title>\\S.*)$`, "dsu");
/** "Validé en séance du 15 septembre 2008", "Approved on …": the minutes' approval, dated by a later meeting. */
export const APPROVAL_LINE = phraseRegex(all((l) => l.approvalCues), PROCLITICS);
/** A line that opens with a reference label and its colon ("العدد: ت إ/ 412", "Réf. : …", "Our ref: …"): a letterhead's. */
export const REFERENCE_LINE = new RegExp(`(?:^|\\n)\\s*(?:${alternation(all((l) => l.referenceLabels))})\\s*[:：]`, "u");
/** Reference labels written with a full stop ("MIN.", "Réf."), without it: that stop ends no sentence before the number. */
export const ABBREVIATED_REFERENCE_LABELS: ReadonlySet<string> = new Set(
  all((l) => l.referenceLabels)
    .filter((w) => w.endsWith("."))
    .map((w) => foldPhrase(w.slice(0, -1)).split(" ").at(-1)!),
);

export const DATE_WORDS: DateWords = {
  months: MONTHS,
  weekdays: new Map(LEXICONS.flatMap((l) => l.weekdays.map((w, k) => [foldPhrase(w), k + 1] as const))),
  ordinalSuffixes: all((l) => l.ordinalSuffixes).map(foldPhrase),
  rangeConnectors: all((l) => l.rangeConnectors).map(foldPhrase),
  dayMonthLinks: all((l) => l.dayMonthLinks).map(foldPhrase),
  monthYearLinks: all((l) => l.monthYearLinks).map(foldPhrase),
  numberNames: new Map(LEXICONS.flatMap((l) => Object.entries(l.numberNames).map(([w, n]) => [foldPhrase(w), n] as const))),
  numberJoiners: all((l) => l.numberJoiners).map(foldPhrase),
  referenceLabels: all((l) => l.referenceLabels).map(foldPhrase),
  monthEndWords: all((l) => l.monthEndWords).map(foldPhrase),
};

/** Words that say "no value" ("n/a", "s.o.") in folded text, unanchored; dashes are the caller's. */
export const NO_VALUE_WORDS = new RegExp(`(?:${alternation(all((l) => l.noValueWords))})(?!${WORD_CHAR})`, "u");
export const OTHER_DATE_CUES = phraseRegex(all((l) => l.otherDateCues), PROCLITICS);
export const MINUTES_WORDS = phraseRegex(all((l) => l.minutesWords), PROCLITICS);
export const APPROVAL_WORDS = phraseRegex(all((l) => l.approvalWords), PROCLITICS);
export const DECISION_SECTIONS = phraseRegex(all((l) => l.decisionSections), PROCLITICS);
/** "Resolution 3: …", "Décision n° 2 : …", "القرار عدد 3: …": a numbered decision. Group `rest`: its text. */
export const NUMBERED_DECISION = new RegExp(
  `^(?:${alternation(PROCLITICS)})?(?:${alternation(all((l) => l.decisionWords))})\\s*(?:(?:${numberWords})\\s*)?\\d{1,3}(?:[./-]\\d{1,4})*\\s*[:：.\\-–—)]\\s*(?<rest>\\S.*)$`,
  "su",
);
/** "2.5 ACTION: Secretariat to write …", "Décision : …": a paragraph (maybe numbered) a decision label opens. Group `rest`: its text. */
export const LABELLED_DECISION = new RegExp(
  `^(?:\\d{1,2}(?:\\.\\d{1,2})*\\s+)?(?:${alternation(all((l) => l.decisionLabels))})(?:\\s*[:：]|\\s+[\\-–—])\\s*(?<rest>\\S.*)$`,
  "su",
);
/** "Action Point 1", "Décision n° 2", "إجراء 3": a line that only numbers the action set in the lines after it. */
export const ACTION_HEADING = new RegExp(
  `^(?:${alternation(all((l) => l.decisionLabels))})\\s*(?:(?:${numberWords})\\s*)?\\d{1,3}(?:\\.\\d{1,3})?\\s*[:：.]?\\s*$`,
  "u",
);
/** "[Actions: OM team will meet again …]", "(ACTION: the Secretariat to …)": a decision set in brackets inside the text. Group `rest`: its text. */
export const BRACKETED_DECISION = new RegExp(
  `[\\[(]\\s*(?:${alternation(all((l) => l.decisionLabels))})s?\\s*[:：]\\s*(?<rest>[^\\[\\]()]+?)\\s*[\\])]`,
  "gu",
);
export const OWNER_LABELS = phraseRegex(all((l) => l.ownerLabels), PROCLITICS);
/** A line that is only an owner's label and its value: "Pilote : SPF Finances", "Lead agency: Ministry of Finance", "الجهة المسؤولة: وزارة المالية". Group `owner`. */
export const OWNER_LINE = new RegExp(`^(?:${alternation(all((l) => l.ownerLabels))})\\s*[:：]\\s*(?<owner>[^:：\\n]+?)[\\s.;؛]*$`, "du");
export const DUE_CUES = phraseRegex(all((l) => l.dueCues), PROCLITICS);

/**
 * A decision's owner between the words of a frame at its start ("The Secretariat to circulate",
 * "تكليف وزارة العدل بإعداد"): group `owner`, with its indices; `led`: a word stands before the owner.
 */
export const OWNER_FRAMES: { pattern: RegExp; led: boolean }[] = all((l) => l.ownerFrames).map((frame) => {
  const [lead, tail] = frame.split("…").map((part) => part.trim());
  // The owner: one to eight words without a clause mark, the fewest the frame's tail follows.
  const owner = "(?<owner>[^\\s,;:،؛()]+(?:\\s+[^\\s,;:،؛()]+){0,7}?)";
  const after = frame.endsWith(" ") ? "\\s+(?=\\p{L})" : "(?=\\p{L})";
  const pattern = new RegExp(`^${lead ? `(?:${alternation([lead])})\\s+` : ""}${owner}\\s+(?:${alternation([tail])})${after}`, "du");
  return { pattern, led: lead !== "" };
});
/** Active chair verbs, with where the chair's name stands: "X chaired the meeting", "ترأس X". */
export const CHAIR_VERBS: PhraseTable<ReportingVerb> = phraseTable(
  LEXICONS.flatMap((l) => l.chairVerbs.map((v) => [v, { position: l.reporterPosition }] as const)),
);
