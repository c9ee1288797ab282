/**
 * Why CJIB returns a decision (exchange format version 1, docs/cjib-exchange.md). The completeness
 * check names, for each problem it finds, the code CJIB would return it with.
 */
export const RETURN_REASON_CODES = ['R01', 'R02', 'R03', 'R04', 'R05', 'R99'] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

export const RETURN_REASON_LABELS: Readonly<Record<ReturnReasonCode, string>> = {
  R01: 'Persoonsgegevens onvolledig',
  R02: 'Bedrag of duur ontbreekt of is onjuist',
  R03: 'Vervangende hechtenis ontbreekt',
  R04: 'Niet onherroepelijk / rechtsmiddel aangewend',
  R05: 'Dubbel aangeleverd',
  R99: 'Overig',
};

export function isReturnReasonCode(code: string): code is ReturnReasonCode {
  return (RETURN_REASON_CODES as readonly string[]).includes(code);
}

/** 'R02 Bedrag of duur ontbreekt of is onjuist', or the code as given when it is unknown. */
export function describeReturnReason(code: string, text?: string | null): string {
  const label = isReturnReasonCode(code) ? `${code} ${RETURN_REASON_LABELS[code]}` : code;
  return text && text.trim() ? `${label}: ${text.trim()}` : label;
}
