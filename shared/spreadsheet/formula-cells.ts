/*
 * The one rule against spreadsheet formula injection ("CSV injection", OWASP): a text cell whose first
 * character makes Excel or LibreOffice read it as a formula or a command gets a leading apostrophe. A cell
 * that starts with an apostrophe itself gets one too, so reading back strips exactly one and nothing is
 * lost. Used by the CJIB batch CSV (shared/cjib/batch-csv.ts) and by every list export
 * (server/services/exports/write-table.ts). Only TEXT cells pass through here: numbers and dates are
 * typed cells, so -5 stays a number while the text "-5" becomes "'-5".
 */

/** =, +, - and @ start a formula; a tab or carriage return in front of them hides one. */
const FORMULA_START = /^[=+\-@\t\r']/;

/** True when a spreadsheet would take the text for a formula (or it starts with the escape itself). */
export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

export function escapeCell(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}
