/**
 * A lexicon from the fields a language has words for: every list it leaves out is
 * empty, so a new language can start with its months and status words and grow.
 */
import type { HeaderWords, Lexicon } from "./types.js";

type Given = "language" | "detectionWords" | "months" | "statuses";

const NO_HEADERS: HeaderWords = { number: [], commitment: [], milestone: [], progress: [], status: [], notes: [], owner: [], due: [], date: [], place: [], participants: [] };

const NOTHING: Omit<Lexicon, Given | "headers"> = {
  statusNegations: [],
  partialModifiers: [],
  closingWords: [],
  proseStatuses: [],
  actionWords: [],
  colourWords: { red: [], amber: [], green: [], blue: [] },
  commitmentWords: [],
  numberWords: [],
  commitmentPluralWords: [],
  progressLabels: [],
  statusLabels: [],
  reportingVerbs: [],
  reportedByPhrases: [],
  reporterPosition: "before-verb",
  honorifics: [],
  nameConjunctions: [],
  nameStopWords: [],
  bodyWords: [],
  pronouns: [],
  copulas: [],
  nameParticles: [],
  articles: [],
  sectionMarkers: [],
  commitmentTitleLeads: [],
  decisionPhrases: [],
  chairPhrases: [],
  chairMarkers: [],
  chairCapacityWords: [],
  attendeeCues: [],
  absenteeCues: [],
  agendaCues: [],
  subjectCues: [],
  agendaColumns: [],
  meetingDateCues: [],
  actionPlanWords: [],
  ordinals: {},
  labelNumberWords: {},
  eventWords: [],
  meetingWords: [],
  meetingDemonstratives: [],
  cellStatuses: [],
  dateLeadWords: [],
  placePrepositions: [],
  placePrepositionsBeforeDate: [],
  placeNouns: [],
  placeStopWords: [],
  activityCues: { negation: [], planned: [], ongoing: [], done: [] },
  percentWords: [],
  selfReferences: [],
  progressCues: [],
  weekdays: [],
  ordinalSuffixes: [],
  rangeConnectors: [],
  dayMonthLinks: [],
  monthYearLinks: [],
  noValueWords: [],
  otherDateCues: [],
  passiveAuxiliaries: [],
  minutesWords: [],
  approvalWords: [],
  chairVerbs: [],
  decisionSections: [],
  ownerLabels: [],
  dueCues: [],
  numberNames: {},
  numberJoiners: [],
  referenceLabels: [],
  monthEndWords: [],
  decisionWords: [],
};

export function defineLexicon<L extends string>(
  lexicon: Pick<Lexicon<L>, Given> & Partial<Omit<Lexicon<L>, "headers">> & { headers?: Partial<HeaderWords> },
): Lexicon<L> {
  return { ...NOTHING, ...lexicon, headers: { ...NO_HEADERS, ...lexicon.headers } };
}
