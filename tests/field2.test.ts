/**
 * Second field test: five more unseen layouts (Moroccan Arabic PV with ordinal headings
 * and prose statuses, English bold-paragraph commitments with label lines, a French
 * table with a deadline column, a Markdown file, a table with pillar rows and a
 * repeated header), in every rendering, checked fact by fact against the
 * `*.expected.json` next to each document in fixtures/field2/.
 */
import { describeExpectedFacts } from "./expected-facts.js";

const DIR = "fixtures/field2";

const DOCUMENTS: Record<string, string[]> = {
  "ar-ma-pv-2024-07": ["docx", "pdf"],
  "en-bold-para-2024-10": ["docx", "pdf"],
  "fr-date-prevue-2024-05": ["docx", "pdf"],
  "en-ke-md-2024-09": ["md"],
  "en-pillar-rows-2024-11": ["docx", "pdf"],
};

describeExpectedFacts(DIR, DOCUMENTS);
