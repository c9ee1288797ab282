import type { AppDatabase } from '../../../db/open-database';
import { expectVersion } from '../context/versions';
import { ServiceError } from '../service-error';
import { applyEach, caseResults } from './apply-many';
import { placeCaseManually } from './manual-placement';
import { sqlRow } from '../context/query-results';

type Items = readonly { caseId: number; expectedVersion: number }[];

/**
 * Several cases onto one session (planner.moveMany): each through the single move's rules
 * (placeCaseManually: session open and not started, accepts the modality and minors (art. 77a Sr),
 * a free slot, never past a hard limit or before the summons term (art. 265 lid 1 / art. 370 Sv)).
 * A breach is refused for that case, never confirmed in bulk; the session fills up case by case, so
 * the cases beyond its capacity are refused as overbooking. Call inside ctx.write.
 */
export async function moveMany(db: AppDatabase, input: { items: Items; sessionId: number; pin: boolean; reason: string }, actor: string, now: Date) {
  const outcomes = await applyEach(db, input.items, async (item) => {
    await expectVersion(db, 'case', item.caseId, item.expectedVersion);
    try {
      return await placeCaseManually(db, { caseId: item.caseId, sessionId: input.sessionId, pin: input.pin, reason: input.reason, confirmBreach: false }, actor, now);
    } catch (error) {
      throw inBulkWords(error);
    }
  });
  return await caseResults(db, input.items, outcomes);
}

/**
 * Several planned cases out of the planning (planner.unplanMany), back to the planning queue, each as
 * the single unplan does (placeCaseManually with no session: the hearing kept as cancelled, audited).
 * A case that is not planned is refused for itself: there is nothing to take out. Call inside ctx.write.
 */
export async function unplanMany(db: AppDatabase, input: { items: Items; reason: string }, actor: string, now: Date) {
  const outcomes = await applyEach(db, input.items, async (item) => {
    await expectVersion(db, 'case', item.caseId, item.expectedVersion);
    const planned = await sqlRow(db.$client, "select 1 from hearing where case_id = ? and status = 'planned'", [item.caseId]);
    const exists = await sqlRow(db.$client, 'select 1 from criminal_case where id = ?', [item.caseId]);
    if (exists && !planned) throw new ServiceError('CONFLICT', 'Deze zaak staat niet op een zitting: er is niets uit de planning te halen.');
    return await placeCaseManually(db, { caseId: item.caseId, sessionId: null, pin: false, reason: input.reason, confirmBreach: false }, actor, now);
  });
  return await caseResults(db, input.items, outcomes);
}

const NEEDS_CONFIRMATION = 'Niet zonder uitdrukkelijke bevestiging: ';

/** A breach the single move lets a person confirm cannot be confirmed in bulk: say so, and where it can be. */
function inBulkWords(error: unknown): unknown {
  if (!(error instanceof ServiceError) || !error.message.startsWith(NEEDS_CONFIRMATION)) return error;
  return new ServiceError(
    error.code,
    `Niet geplaatst: ${error.message.slice(NEEDS_CONFIRMATION.length)} Plaats deze zaak zo nodig apart, met uitdrukkelijke bevestiging, op de zaakpagina (Handmatig op een zitting plaatsen).`,
  );
}
