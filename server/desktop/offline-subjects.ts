import type { SyncSubject } from '../../shared/api/sync-status';

/**
 * What an outbox entry is about (issue 14): the main row it changes (its subject: after a refusal the
 * conflict inbox shows the server's current version of that row, fetched with sync.rows) and a Dutch
 * summary for the header and the page Conflicten ("Uitkomst vastleggen: zaak 13/123456-26").
 */

export interface QueuedDescription {
  summary: string;
  subject: SyncSubject | null;
}

/** Reads one row of the local copy (hand-written SQL over the copy's own tables). */
export type CopyLookup = <T>(sql: string, ...params: unknown[]) => T | undefined;

/** Tables whose rows a queued write may create: their new ids are the copy's own until the server confirms. */
export const CREATED_OFFLINE_TABLES = ['reservation', 'decision', 'hearing_outcome'] as const;

type Input = Record<string, unknown>;

const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

function caseLabel(lookup: CopyLookup, caseId: number | null): string {
  if (caseId === null) return 'onbekende zaak';
  const row = lookup<{ parketnummer: string }>('select parketnummer from criminal_case where id = ?', caseId);
  return row ? `zaak ${row.parketnummer}` : `zaak nr. ${caseId}`;
}

function hearingCase(lookup: CopyLookup, hearingId: number | null): number | null {
  if (hearingId === null) return null;
  return lookup<{ case_id: number }>('select case_id from hearing where id = ?', hearingId)?.case_id ?? null;
}

function decisionCase(lookup: CopyLookup, decisionId: number | null): number | null {
  if (decisionId === null) return null;
  return lookup<{ case_id: number }>('select case_id from decision where id = ?', decisionId)?.case_id ?? null;
}

function sessionLabel(lookup: CopyLookup, sessionId: number | null): string {
  if (sessionId === null) return 'een zitting';
  const row = lookup<{ date: string; daypart: string }>('select date, daypart from court_session where id = ?', sessionId);
  if (!row) return `zitting nr. ${sessionId}`;
  const [year, month, day] = row.date.split('-');
  const part = row.daypart === 'morning' ? 'ochtend' : row.daypart === 'afternoon' ? 'middag' : row.daypart;
  return `zitting ${day}-${month}-${year} ${part}`;
}

const subject = (table: string, key: number | string | null): SyncSubject | null => (key === null ? null : { table, key: String(key) });

/** The summary and subject of a queueable write; `summaries` of a conflict resolution name the conflict's own. */
export function describeQueued(operation: string, rawInput: unknown, lookup: CopyLookup): QueuedDescription {
  const input = (rawInput && typeof rawInput === 'object' ? rawInput : {}) as Input;
  const caseId = numberOf(input['caseId']);
  const onCase = (what: string): QueuedDescription => ({ summary: `${what}: ${caseLabel(lookup, caseId)}`, subject: subject('criminal_case', caseId) });
  switch (operation) {
    case 'outcomes.record': {
      const hearingId = numberOf(input['hearingId']);
      return { summary: `Uitkomst vastleggen: ${caseLabel(lookup, hearingCase(lookup, hearingId))}`, subject: subject('hearing', hearingId) };
    }
    case 'outcomes.correct': {
      const record = (input['record'] && typeof input['record'] === 'object' ? input['record'] : {}) as Input;
      const hearingId = numberOf(record['hearingId']);
      return { summary: `Uitkomst corrigeren: ${caseLabel(lookup, hearingCase(lookup, hearingId))}`, subject: subject('hearing', hearingId) };
    }
    case 'zsm.decide':
      return onCase('ZSM-beslissing');
    case 'cases.updateEvents':
      return onCase('Gebeurtenissen wijzigen');
    case 'cases.updateDetails':
      return onCase('Gegevens corrigeren');
    case 'cases.setPrecondition':
      return onCase('Voorwaarde vastleggen');
    case 'cases.removePrecondition':
      return onCase('Voorwaarde verwijderen');
    case 'cases.releaseToPlanning':
      return onCase('Vrijgeven voor planning');
    case 'decisions.recordPenaltyOrder':
      return onCase('Strafbeschikking vastleggen');
    case 'decisions.update':
    case 'decisions.updateSignals':
    case 'decisions.markSigned': {
      const decisionId = numberOf(input['decisionId']);
      const what = operation === 'decisions.update' ? 'Beslissing wijzigen' : operation === 'decisions.updateSignals' ? 'Signalen wijzigen' : 'Ondertekening vastleggen';
      return { summary: `${what}: ${caseLabel(lookup, decisionCase(lookup, decisionId))}`, subject: subject('decision', decisionId) };
    }
    case 'reservations.reserve': {
      const sessionId = numberOf(input['sessionId']);
      const slots = numberOf(input['slots']) ?? 0;
      return { summary: `Reserveren: ${slots} ${slots === 1 ? 'plaats' : 'plaatsen'} op ${sessionLabel(lookup, sessionId)}`, subject: subject('court_session', sessionId) };
    }
    case 'reservations.release': {
      const reservationId = numberOf(input['reservationId']);
      const sessionId = reservationId === null ? null : (lookup<{ session_id: number }>('select session_id from reservation where id = ?', reservationId)?.session_id ?? null);
      return { summary: `Reservering vrijgeven: ${sessionLabel(lookup, sessionId)}`, subject: subject('reservation', reservationId) };
    }
    case 'notifications.markDone': {
      const key = typeof input['key'] === 'string' ? input['key'] : null;
      return { summary: 'Melding afgehandeld', subject: subject('notification_done', key) };
    }
    case 'sync.resolveConflict': {
      const summary = typeof input['summary'] === 'string' ? input['summary'] : '';
      return { summary: `Conflict afgehandeld: ${summary}`, subject: null };
    }
    default:
      return { summary: operation, subject: null };
  }
}
