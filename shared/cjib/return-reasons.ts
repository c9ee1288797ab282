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

/**
 * Where a return is repaired. `caseFields`: the case page's details (Gegevens corrigeren) that the
 * return concerns; `decision`: the decision itself (sanctions, remedy) is to be corrected. R01 is about
 * the person: when CJIB's text names one detail ('Adres onbekend in de BRP') only that one, else all
 * three CJIB checks (name, date of birth, address). R05 (sent twice) and R99 (other) name no field.
 */
export interface ReturnFields {
  caseFields: ('fullName' | 'dateOfBirth' | 'summonsAddress')[];
  decision: boolean;
}

const R01_TEXT_FIELDS: readonly { pattern: RegExp; field: ReturnFields['caseFields'][number] }[] = [
  { pattern: /adres|woonplaats|postcode|straat|huisnummer/i, field: 'summonsAddress' },
  { pattern: /geboorte/i, field: 'dateOfBirth' },
  { pattern: /\bnaam\b|achternaam|voornaam|voorletter/i, field: 'fullName' },
];

export function returnFieldsOf(code: string | null, text?: string | null): ReturnFields {
  switch (code) {
    case 'R01': {
      const named = R01_TEXT_FIELDS.filter((f) => f.pattern.test(text ?? '')).map((f) => f.field);
      return { caseFields: named.length > 0 ? [...new Set(named)] : ['fullName', 'dateOfBirth', 'summonsAddress'], decision: false };
    }
    case 'R02':
    case 'R03':
    case 'R04':
      return { caseFields: [], decision: true };
    default:
      return { caseFields: [], decision: false };
  }
}
