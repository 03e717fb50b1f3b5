/**
 * The corrections stage: between extraction and tracking, the officer's corrections
 * file applied to the records. Pure; reading the file is the caller's.
 */
import type { MeetingRecord } from "../model/meeting.js";
import { applyCorrections, type CorrectedRecords } from "./apply.js";
import { parseCorrections } from "./parse.js";

export { applyCorrections, type CorrectedRecords } from "./apply.js";
export { parseCorrections, CorrectionEntry, type CorrectionWarning } from "./parse.js";

/** The records as the corrections file `text` (named `file` in warnings) corrects them. */
export function correctRecords(
  records: readonly MeetingRecord[],
  text: string,
  options: { file: string; recordName?: (record: MeetingRecord) => string },
): CorrectedRecords {
  const parsed = parseCorrections(text, options.file);
  const result = applyCorrections(records, parsed.entries, options);
  return { ...result, warnings: [...parsed.warnings, ...result.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
