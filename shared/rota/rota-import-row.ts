import type { PersonRole } from '../domain/person';
import { parseDutchDate } from '../intake/dutch-datetime';
import { findForbiddenCharacter, forbiddenCharacterMessage } from '../intake/text-checks';
import type { RotaColumnKey } from './rota-columns';
import { isUnavailabilityReason, UNAVAILABILITY_REASONS, type UnavailabilityReason } from './unavailability-reasons';

export interface RotaRowProblem {
  row: number;
  column: string;
  message: string;
}

export interface RotaRow {
  row: number;
  name: string;
  role: PersonRole;
  absence: { fromDate: string; toDate: string; reason: UnavailabilityReason } | null;
}

export type RotaRowResult = { ok: true; value: RotaRow } | { ok: false; problems: RotaRowProblem[] };

const ROLE_WORDS: Record<string, PersonRole> = {
  politierechter: 'politierechter',
  rc: 'rc_politierechter',
  rc_politierechter: 'rc_politierechter',
  'rc als politierechter': 'rc_politierechter',
  ovj: 'ovj',
  'officier van justitie': 'ovj',
};

export const MAX_PERSON_NAME = 120;

/** Spaces collapsed, so 'mr.  A. Jansen' and 'mr. A. Jansen' are one person. */
export function normalisePersonName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Reads one rota CSV row (cells by column) into a person and, when dates are given, one absence.
 * Every problem names the row and the column, in Dutch.
 */
export function parseRotaRow(row: number, cells: ReadonlyMap<RotaColumnKey, string>): RotaRowResult {
  const problems: RotaRowProblem[] = [];
  const problem = (column: RotaColumnKey, message: string) => problems.push({ row, column, message });
  const cell = (column: RotaColumnKey) => (cells.get(column) ?? '').trim();

  // The same per-cell text check as the case import (shared/intake/text-checks.ts), on the cell as
  // written: normalising the name would turn a tab or line break into a space and hide it.
  const nameForbidden = findForbiddenCharacter(cell('naam'));
  const reasonForbidden = findForbiddenCharacter(cell('reden'));

  const name = normalisePersonName(cell('naam'));
  if (nameForbidden) problem('naam', forbiddenCharacterMessage(nameForbidden));
  else if (name === '') problem('naam', 'Vul de naam in');
  else if (name.length > MAX_PERSON_NAME) problem('naam', `Naam is te lang (max. ${MAX_PERSON_NAME} tekens)`);

  const roleText = cell('rol').toLowerCase().replace(/\s+/g, ' ');
  const role = ROLE_WORDS[roleText] ?? null;
  if (roleText === '') problem('rol', 'Vul de rol in: politierechter, rc of ovj');
  else if (!role) problem('rol', `"${cell('rol')}" is geen rol; gebruik politierechter, rc of ovj`);

  const fromText = cell('afwezig_van');
  const toText = cell('afwezig_tot');
  const reasonText = cell('reden').toLowerCase();
  let absence: RotaRow['absence'] = null;
  if (reasonForbidden) problem('reden', forbiddenCharacterMessage(reasonForbidden));
  if (fromText === '' && toText === '') {
    if (reasonText !== '' && !reasonForbidden) problem('reden', 'Reden zonder afwezigheidsdatums: vul afwezig_van en afwezig_tot in, of laat de reden leeg');
  } else {
    const from = fromText === '' ? null : parseDutchDate(fromText);
    const to = toText === '' ? null : parseDutchDate(toText);
    if (!from) problem('afwezig_van', 'Vul ook afwezig_van in (dezelfde datum als afwezig_tot voor één dag)');
    else if (!from.ok) problem('afwezig_van', from.message);
    if (!to) problem('afwezig_tot', 'Vul ook afwezig_tot in (dezelfde datum als afwezig_van voor één dag)');
    else if (!to.ok) problem('afwezig_tot', to.message);
    if (reasonForbidden) {
      // Reported above, before the dates.
    } else if (reasonText === '') problem('reden', `Vul de reden in: ${UNAVAILABILITY_REASONS.join(', ')}`);
    else if (!isUnavailabilityReason(reasonText)) {
      problem('reden', `"${cell('reden')}" is geen reden; gebruik ${UNAVAILABILITY_REASONS.join(', ')} (geen medische details)`);
    }
    if (from?.ok && to?.ok) {
      if (from.value > to.value) problem('afwezig_tot', 'afwezig_tot ligt vóór afwezig_van');
      else if (isUnavailabilityReason(reasonText)) absence = { fromDate: from.value, toDate: to.value, reason: reasonText };
    }
  }

  if (problems.length > 0 || !role) return { ok: false, problems };
  return { ok: true, value: { row, name, role, absence } };
}
