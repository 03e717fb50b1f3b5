/**
 * Document text bound for a spreadsheet cell, whichever file carries it. The
 * minutes are other people's text: a title may begin with "=", "+", "-" or "@",
 * which a spreadsheet would read as a formula (and a formula can fetch URLs or
 * run commands). In tracker.xlsx each such text is a string cell, which is never
 * evaluated; a CSV file has no cell types, so there the text is prefixed with an
 * apostrophe, which spreadsheets hide and which keeps it text (OWASP's advice for
 * CSV injection).
 */

/** Excel's limit for one cell. */
export const MAX_CELL_TEXT = 32767;
/** Characters XML 1.0 cannot carry (an xlsx holding one does not open), and no spreadsheet shows. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** How a formula begins, including the tab and carriage return some spreadsheets skip before one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Document text as a spreadsheet holds it: control characters dropped, cut at the cell limit. */
export function spreadsheetText(value: string): string {
  const clean = value.replace(CONTROL_CHARACTERS, "");
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

/** Document text for an untyped cell (CSV): as `spreadsheetText`, and never read as a formula. */
export function inertText(value: string): string {
  const clean = spreadsheetText(value);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** A column's letters in an A1 reference: 1 is A, 27 is AA. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
