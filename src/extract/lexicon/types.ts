/**
 * The shape of one language's knowledge. Extraction code never names a word of any
 * language: it reads these lists, so another language or another committee's wording
 * is a new or longer lexicon file, not new code. Phrases are written as people write
 * them (with accents, hamza, shadda); they are folded with `foldForMatch` when compiled.
 */
import type { Status } from "../../model/meeting.js";
import type { Change, HistoryStatus } from "../../model/tracker.js";

export interface StatusPhrase {
  phrase: string;
  status: Status;
}

/** Words found in a table's header cells, per role of the column. */
export interface HeaderWords {
  number: string[];
  /** The item's own words: a commitment, an action, a measure, a deliverable. */
  commitment: string[];
  /**
   * The parts of an item, one a row under it ("Milestone", "Activités", "الأنشطة"): a column of parts
   * when the table also has an item column, else the item column itself.
   */
  milestone: string[];
  progress: string[];
  status: string[];
  notes: string[];
  /** Who is to do the item (an action log's "Owner", "Resp."): not who reported on it. */
  owner: string[];
  /** When the item is due: "Deadline", "Échéance", "الآجال". */
  due: string[];
  date: string[];
  place: string[];
  participants: string[];
  /**
   * What was said on an agenda item: a minutes table's body column ("Discussion", "Délibérations",
   * "المناقشة"), whose rows are the meeting's sections, not tracked items.
   */
  discussion: string[];
}

export interface Lexicon<L extends string = string> {
  /** The language's code (ISO 639-1 where there is one): the record's `language` and the tracker's title keys. */
  language: L;
  /**
   * The Unicode script (as `\p{Script=…}` names it) whose letters mark the language outright
   * (Arabic); omitted for Latin-script languages, told apart by their function words. A
   * right-to-left script also turns the workbook right to left.
   */
  script?: string;
  /** The language assumed for a text that shows no sign of any: set on one lexicon. */
  fallback?: true;
  /** Conjunctions written attached to the next word (Arabic "و", "ف"): any phrase may carry one. */
  proclitics?: string[];
  /** Frequent function words that tell this language apart from others of the same script. */
  detectionWords: string[];
  /** Month names and their spellings, 1 = January. Several calendars' names may share a number. */
  months: Record<string, number>;
  /** Status words and phrases. The longest phrase that matches wins, so "partiellement réalisé" beats "réalisé". */
  statuses: StatusPhrase[];
  /** Words that state a status only as the whole of a status cell, before any note ("Retard", "Delay"); in prose they comment. */
  cellStatuses: StatusPhrase[];
  /** Words right before a status phrase that negate it: "not" (done), "non" (réalisé), "لم" (ينجز). A negated completion is not completed; a negated start, not started. */
  statusNegations: string[];
  /** Words right before or after a completion phrase that make it partial: "partly done", "réalisé en partie", "أنجز جزئيا". */
  partialModifiers: string[];
  /** Words that close an item without saying how far it got ("withdrawn", "merged into", "clôturé"): the label is kept, no status is given. */
  closingWords: string[];
  /**
   * Statements of progress in prose ("progress is being made", "have had delays", "accuse un retard"):
   * the status of a commitment whose text says nothing more definite. Never read in a status cell.
   */
  proseStatuses: StatusPhrase[];
  /**
   * Words that name one action item before its number ("Action 3.4", "Mesure 1.2", "الإجراء 4"). An
   * action the text reviews (a status, a rate) is tracked like a commitment; one only set at the
   * meeting (an owner, a due date, no status) is a decision.
   */
  actionWords: string[];
  /** Words that name one commitment, before its number: "تعهد", "Engagement", "Commitment". */
  commitmentWords: string[];
  /** Words that may stand between the commitment word and the digits: "عدد", "رقم", "n°". */
  numberWords: string[];
  /** Plural words naming commitments, used to recognise status sections ("التعهدات المنجزة"). */
  commitmentPluralWords: string[];
  headers: HeaderWords;
  /** Labels of a line stating a commitment's progress: "Taux de réalisation : 80 %". */
  progressLabels: string[];
  /** Traffic-light ("RAG") status colours as words: a status cell that says "Amber", "Vert", "أحمر". */
  colourWords: { red: string[]; amber: string[]; green: string[]; blue: string[] };
  /** Labels of a line stating a commitment's status: "Statut : réalisé". */
  statusLabels: string[];
  /** Verbs that introduce who reported something. */
  reportingVerbs: string[];
  /** Words that make the reporting verb after them passive: "has not yet been presented to Parliament" reports nothing of its subject. */
  passiveAuxiliaries: string[];
  /** Words after a person that say what they will do: "will" ("AB will circulate the slides"). */
  futureAuxiliaries: string[];
  /**
   * Endings of a verb in the future right after a person ("Guillaume enverra des liens", "Daniel
   * Buijs fera un suivi"): "ra", "ront". A language whose future verb comes before its subject has none.
   */
  futureEndings: string[];
  /** Passive phrases followed by the reporter: "presented by", "présenté par", "قدمه". */
  reportedByPhrases: string[];
  /** Where the reporter's name stands relative to the verb. */
  reporterPosition: "after-verb" | "before-verb";
  /** Courtesy titles before names; `plural` titles introduce several names joined by the conjunction. */
  honorifics: { word: string; plural?: boolean }[];
  /** Joins two names after a plural honorific: Arabic prefixes "و" to the next name. */
  nameConjunctions: string[];
  /** Words that end a name: prepositions, conjunctions, "that". */
  nameStopWords: string[];
  /** Words that open the name of a body or of someone named by role ("ممثل", "représentant"): a reporter without a courtesy title must start with one. */
  bodyWords: string[];
  /** Subjects that are not reporters: pronouns, articles left alone. */
  pronouns: string[];
  /** Linking verbs and auxiliaries between a subject and what is said of it ("is", "has", "a été", "n'ait", "فهو"): no part of a title told before its status. */
  copulas: string[];
  /** Lower-case words that may stand inside a Latin-script name ("Ben Youssef", "Ministry of Finance"). */
  nameParticles: string[];
  /** Articles dropped from the start of a body's name: "Le représentant" → "représentant"; one ending in an apostrophe is elided onto its noun ("l'Institut"). */
  articles: string[];
  /** Articles written onto their noun, with the particles before them ("ال", "وال", "لل"): "البوابة" names what "بوابة" names. */
  attachedArticles: string[];
  /** Words numbering the sections of minutes ("أولا", "ثانيا"), in order (the first is 1): a block opening with one starts a new section. */
  sectionMarkers: string[];
  /** Words between the commitment word and its title in "أولا: الالتزام المتعلق بـ…", "the commitment on …"; one ending in a proclitic is written onto the title. */
  commitmentTitleLeads: string[];
  /** Phrases that introduce a decision of the meeting. */
  decisionPhrases: string[];
  /** Phrases followed by the chair's name ("برئاسة", "sous la présidence de", "chaired by", "افتتحت"). */
  chairPhrases: string[];
  /** Words that mark the chair in an attendee list: "Ms. X (Chair, …)", "السيد X (رئيساً)". */
  chairMarkers: string[];
  /**
   * Titles that give the floor to one speaker, whose items follow under them: "Intervention de
   * Mme X, point focal du ministère :", "Update from Ms Y (Ministry of Finance)", "مداخلة السيد …".
   */
  speakerTitles: string[];
  /** Words that give someone a capacity, before a chair marker: "X, as Lead Government Chair, welcomed", "en sa qualité de président". */
  chairCapacityWords: string[];
  /** Labels of the attendee list. */
  attendeeCues: string[];
  /** Labels of lists of people who are not attendees (excused, absent). */
  absenteeCues: string[];
  /** Labels that introduce the agenda. */
  agendaCues: string[];
  /** Words before an agenda item's number in a section title: "Item 3: Progress …", "Point 2 :", "البند 4:". */
  agendaItemWords: string[];
  /** Labels of the subject line that holds the meeting's title. */
  subjectCues: string[];
  /**
   * Column headers only an agenda table has: the item's subject and who presents it ("Subject",
   * "Presenter", "Intervenant", "المقدم"). A table headed so, with no status or due date, lists the
   * items of the agenda, not actions.
   */
  agendaColumns: string[];
  /** Phrases right before the meeting's own date: "انعقد يوم", "s'est réuni le", "met on". */
  meetingDateCues: string[];
  /** Words that name an action plan, to find "4ème plan d'action national ...". */
  actionPlanWords: string[];
  /** Ordinal words and their value: "الرابعة" 4, "4ème" 4, "fourth" 4. */
  ordinals: Record<string, number>;
  /**
   * Number words that number an item after its label: "Commitment One", "Commitment Twelve".
   * Only there: before a label ("one commitment was dropped") a cardinal counts items, it names none.
   */
  labelNumberWords: Record<string, number>;
  /** Words of events (workshops, seminars) in prose outside the commitments. */
  eventWords: string[];
  /**
   * Words for a meeting ("meeting", "réunion", "اجتماع"): an event only when the sentence places it
   * ("the OGP Africa regional meeting will take place in Nairobi on 3 June"), since most name the
   * committee's own meetings.
   */
  meetingWords: string[];
  /**
   * Demonstratives that, right before a meeting word, point at the meeting the minutes record
   * ("this meeting", "cette réunion", "هذا الاجتماع"): that meeting itself, never another event.
   */
  meetingDemonstratives: string[];
  /** Words that stand before a date and belong to it, not to what precedes: "يوم الثلاثاء", "le jeudi", "on". */
  dateLeadWords: string[];
  /** Words that introduce a place after a date: "à", "in"; Arabic attaches "ب" to the word. */
  placePrepositions: string[];
  /**
   * Prepositions too common to introduce a place anywhere ("في"), which do right before an
   * event's date: "ورشة … في إربد يوم 20 نيسان 2023", the place being the few words between.
   */
  placePrepositionsBeforeDate: string[];
  /** Words before a place name that are not the place: "مدينة", "ville de". */
  placeNouns: string[];
  /** Words that open a venue's name and belong to it: "المسرح البلدي", "قاعة الاجتماعات" (after an attached preposition). */
  venueNouns: string[];
  /** Words that end a place name. */
  placeStopWords: string[];
  /** Tense and aspect cues deciding an activity's state; `negation` (not done) is checked first. */
  activityCues: { negation: string[]; planned: string[]; ongoing: string[]; done: string[] };
  /** The percent sign spelled out: "بالمائة", "pour cent", "per cent". */
  percentWords: string[];
  /** Words meaning "this commitment" in prose, for a percent stated about the commitment itself. */
  selfReferences: string[];
  /** Phrases before a percent stated as the commitment's rate in prose ("بنسبة", "ramené à"). */
  progressCues: string[];
  /** Words between a status and its rate ("réalisé à 90 %", "completed at 80%", "منجز بنسبة 60%"). */
  rateLinks: string[];
  /** Words with which a sentence announces what follows it ("as follows", "ci-après", "كما يلي"): the table after it. */
  followingWords: string[];
  /** The reports' words (workbook, CSV, report.html) in this language; a word left out is said in English. */
  report?: PartialReportWords;

  // Dates, "no value" and meeting facts read from the lexicon rather than from code.
  /** Names of the days of the week, Monday first: a date that names its weekday without a year gets the year that fits. */
  weekdays: string[];
  /** Letters written after a day's number: "14th", "1er". */
  ordinalSuffixes: string[];
  /** Words joining the two days of a range: "du 29 au 31 mai", "12 to 14 May", "من 8 إلى 12 ماي" (dashes need no word). */
  rangeConnectors: string[];
  /** Words between a day and its month: "the 14th of March", "9 من شهر آذار". */
  dayMonthLinks: string[];
  /** Words between a month and its year: "9 آذار سنة 2023". */
  monthYearLinks: string[];
  /** A cell or label value meaning "no value": "n/a", "s.o.". */
  noValueWords: string[];
  /** Phrases right before a date that is not the meeting's: a previous meeting, a publication, a report's cut-off. */
  otherDateCues: string[];
  /** Words naming a meeting's record: "minutes", "procès-verbal", "محضر". */
  minutesWords: string[];
  /** Words saying a record was approved: "confirmed", "adoption", "المصادقة"; with `minutesWords` in a sentence, its dates are an earlier meeting's. */
  approvalWords: string[];
  /** Verbs whose subject chaired the meeting ("X chaired the meeting", "X a présidé"); the name stands where `reporterPosition` says. */
  chairVerbs: string[];
  /** Headings and labels of the sections whose items are the meeting's decisions: "Decisions", "Mesures de suivi", "القرارات". */
  decisionSections: string[];
  /** Words that set who is to do a decision: "(Owner: X)", "Responsable :", "المسؤول". */
  ownerLabels: string[];
  /**
   * How a decision names who is to do it without a label, "…" standing for the owner: "… to "
   * ("The Secretariat to circulate …"), "charger … de ", "تكليف … ب". A space after the last word
   * makes it a word of its own; none, a particle written onto the next word ("بإعداد").
   */
  ownerFrames: string[];
  /** Words that set by when a decision is due: "by 30 June 2023", "avant le", "في أجل أقصاه". */
  dueCues: string[];
  /**
   * Number words as dates spell them out ("le vingt et un novembre deux mille dix-huit", "the
   * fourteenth of March, two thousand and twenty-three", "التاسع من شهر مارس سنة ألفين وثلاثة
   * وعشرين"), one word each, ordinal forms included; a run of them adds up, and the
   * hundred's and thousand's words multiply what stands before them.
   */
  numberNames: Record<string, number>;
  /** Words joining number words in a run: "vingt et un", "two thousand and five", Arabic "و". */
  numberJoiners: string[];
  /**
   * Labels of reference numbers that look like dates: East African minutes number each minute
   * "MIN. 05/01/2024" (the 5th minute of January 2024), letters are cited "Réf. 12/03/2024".
   * A numeric date right after one is the reference, not a date.
   */
  referenceLabels: string[];
  /** Words stamping when the minutes were approved ("Validé en séance du …", "Approved on …"): a later meeting's date, not this one's. */
  approvalCues: string[];
  /**
   * Words before a month that name its last day: a deadline "before the end of November 2023",
   * "d'ici fin mars 2024", "قبل نهاية تشرين الثاني 2023" falls on the 30th, the 31st; the month
   * alone would say only "some day in it".
   */
  monthEndWords: string[];
  /** Nouns that number a decision of the meeting: "Resolution 3:", "Décision n° 2 :", "القرار عدد 3". */
  decisionWords: string[];
  /** Labels that open a paragraph stating a decision, without a number: "ACTION: Secretariat to …", "Décision :", "إجراء:". */
  decisionLabels: string[];
  /**
   * Verbs saying the work on a commitment reached a phase ("avait atteint", "has reached", "بلغ"), before
   * one of `phaseWords` within three words: "avait atteint la deuxième phase" is a commitment under way.
   */
  phaseReachedVerbs: string[];
  /** Words for a phase of the work: "phase", "étape", "stage", "المرحلة". */
  phaseWords: string[];
}

/** The sheets of tracker.xlsx, by role. */
export type ReportSheet = "summary" | "tracker" | "history" | "meetings" | "activities" | "decisions" | "events" | "warnings" | "key";

/** The columns of the reports' tables, by role. */
export type ReportColumn =
  | "plan" | "number" | "commitment" | "meeting" | "date" | "status" | "statusAsWritten" | "progress" | "change" | "link" | "similarity"
  | "file" | "page" | "table" | "row" | "line" | "heading"
  | "latestMeeting" | "latestStatus" | "latestProgress" | "stalled" | "regressed" | "reported"
  | "dateFrom" | "language" | "title" | "planAsWritten" | "chair" | "attendees" | "agenda" | "commitments" | "decisions" | "events"
  | "format" | "pages" | "sha256" | "otherRenderings"
  | "activity" | "state" | "decision" | "event" | "endDate" | "place" | "participants"
  | "from" | "code" | "message" | "value" | "meaning";

/** Labels of report.html's sections and of its charts. */
export type ReportLabel =
  | "reportTitle" | "statusChart" | "grid" | "progressChart" | "regressions" | "stalls" | "gaps" | "reviewItems" | "unlinked"
  | "source" | "none" | "meetingsShown" | "chartMeetingsShown" | "files" | "notMentioned" | "regressedFromTo" | "stalledSince" | "bestMatch" | "notes";

/**
 * What the reports say. `{name}` in a phrase is replaced: `{meeting}` by a
 * meeting's id, `{shown}`, `{total}`, `{from}`, `{to}` as each phrase says.
 */
export interface ReportWords {
  statuses: Record<HistoryStatus, string>;
  changes: Record<Change, string>;
  /** The Stalled flag's word. */
  stalledFlag: string;
  sheets: Record<ReportSheet, string>;
  columns: Record<ReportColumn, string>;
  /** Header of a meeting's status column on the Tracker sheet: "{meeting} status". */
  meetingStatus: string;
  /** Header of a meeting's percent column on the Tracker sheet: "{meeting} %". */
  meetingPercent: string;
  /** The Key sheet: what each status means. */
  statusMeanings: Record<HistoryStatus, string>;
  /** The Key sheet: what each change word, the stalled flag and the cell notes mean. */
  flagMeanings: Record<Change | "stalled" | "notes", string>;
  labels: Record<ReportLabel, string>;
}

/** A lexicon's report words: any group or word may be left to English. */
export type PartialReportWords = { [K in keyof ReportWords]?: ReportWords[K] extends string ? string : Partial<ReportWords[K]> };
