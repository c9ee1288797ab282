import { eq } from 'drizzle-orm';
import { judgmentMomentRefusal, sessionMoment } from '../../../shared/outcomes/judgment-moment';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import type { CaseStatus } from '../../../shared/domain/case-status';
import { occupiesSlot } from '../../../shared/domain/slot-occupancy';
import { courtSessions, criminalCases, hearingOutcomes, hearings } from '../../../db/schema';
import { transitionCase, type TransitionOptions, type Tx } from '../cases/case-transition';
import { ServiceError } from '../service-error';
import { firstRow } from '../context/query-results';

/** A hearing with its session and case, as outcome registration needs them. */
export async function loadHearingFacts(tx: Tx, hearingId: number) {
  // Its outcome in the same query (at most one per hearing: hearing_outcome.hearing_id is unique).
  const row = firstRow(await tx
    .select({ hearing: hearings, session: courtSessions, case: criminalCases, outcome: hearingOutcomes })
    .from(hearings)
    .innerJoin(courtSessions, eq(courtSessions.id, hearings.sessionId))
    .innerJoin(criminalCases, eq(criminalCases.id, hearings.caseId))
    .leftJoin(hearingOutcomes, eq(hearingOutcomes.hearingId, hearings.id))
    .where(eq(hearings.id, hearingId)));
  if (!row) throw new ServiceError('NOT_FOUND', `Behandeling ${hearingId} bestaat niet.`);
  return row;
}
export type HearingFacts = Awaited<ReturnType<typeof loadHearingFacts>>;

/** Refuses an outcome for a session that has not taken place, was cancelled, or a hearing taken off the roll. */
export function assertHearingCanHaveOutcome(facts: HearingFacts, today: string): void {
  const { hearing, session, case: c } = facts;
  if (session.status === 'cancelled') throw new ServiceError('CONFLICT', `De zitting van ${session.date.split('-').reverse().join('-')} is vervallen: daar is geen uitkomst vast te leggen. Plan de zaak opnieuw en leg de uitkomst vast bij de nieuwe zitting.`);
  if (session.date > today) throw new ServiceError('CONFLICT', `De zitting van ${session.date.split('-').reverse().join('-')} is nog niet geweest: leg de uitkomst vast op of na de zittingsdag.`);
  // On the roll = holding a place on the session (shared/domain/slot-occupancy.ts).
  if (!occupiesSlot(hearing.status)) {
    throw new ServiceError('CONFLICT', `Zaak ${c.parketnummer} staat niet meer op deze rol (behandeling ${hearing.status}).`);
  }
}

/**
 * The moment of the judgment (UTC): the given one, or by default the session's (the politierechter
 * decides orally at the hearing, art. 378 lid 1 Sv; not the moment it is recorded). Not before the
 * session and not in the future: a wrong moment would move the appeal term (art. 408 Sv), the
 * moment the judgment becomes enforceable and the Wet USB countdowns.
 */
export function judgmentMoment(given: string | undefined, session: { date: string; startTime: string }, now: Date): string {
  const at = given === undefined ? sessionMoment(session) : instantOf(given);
  if (given === undefined && at > now.getTime()) {
    throw new ServiceError('CONFLICT', `De zitting van ${session.date.split('-').reverse().join('-')} begint om ${session.startTime}: leg de uitspraak vast nadat de rechter uitspraak heeft gedaan.`);
  }
  const refusal = judgmentMomentRefusal(at, session, now.getTime());
  if (refusal) throw new ServiceError('INVALID_INPUT', refusal);
  return new Date(at).toISOString();
}

/**
 * Walks the case through the given statuses in order, skipping those it has already reached; each step
 * audited. `known.from`: the case's status as this transaction read it (no SELECT); `known.audits`: collect
 * the audit rows there. Returns the status the case ends in.
 */
export async function moveCase(
  tx: Tx,
  caseId: number,
  path: readonly CaseStatus[],
  audit: { actor: string; reason?: string | null; details?: Record<string, unknown> },
  now: Date,
  known: TransitionOptions = {},
): Promise<CaseStatus> {
  let status = known.from;
  if (status === undefined) {
    const current = firstRow(await tx.select({ status: criminalCases.status }).from(criminalCases).where(eq(criminalCases.id, caseId)));
    if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
    status = current.status;
  }
  const start = path.indexOf(status);
  for (const next of path.slice(start + 1)) {
    await transitionCase(tx, caseId, next, audit, now, { from: status, ...(known.audits ? { audits: known.audits } : {}) });
    status = next;
  }
  return status;
}
