import { eq } from 'drizzle-orm';
import { deadlineInputSchema } from '../../../shared/deadlines/input';
import { CASE_STATUS_LABELS, EVENTS_EDITABLE_STATUSES, needsArrestTime } from '../../../shared/domain/case-lifecycle';
import { EVENT_FIELDS, toDeadlineInput, type EventField } from '../../../shared/intake/case-intake';
import { checkCaseDates } from '../../../shared/intake/plausibility';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { derivedColumns, preconditionsOf, utc } from './derived-columns';
import { firstRow, inTransaction } from '../context/query-results';

export interface CaseEventChanges {
  caseId: number;
  changes: Partial<Record<EventField, string | null>> & { shortTermConsent?: boolean; coDefendantGroup?: string | null; estimatedMinutes?: number | null; expectedSummonsServiceOn?: string | null };
  reason: string;
}

/**
 * Records or corrects the legal events of a case (e.g. the summons was served), and its planning
 * facts (co-defendant group, expected duration). The limits and
 * readiness are recomputed in the same transaction, and the audit row holds every field's old and
 * new value with the reason.
 */
export async function updateCaseEvents(db: AppDatabase, input: CaseEventChanges, actor: string, now: Date): Promise<void> {
  const context = await loadDeadlineContext(db);
  await inTransaction(db, async (tx) => {
    const current = firstRow(await tx.select().from(criminalCases).where(eq(criminalCases.id, input.caseId)));
    if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${input.caseId} bestaat niet.`);
    if (!EVENTS_EDITABLE_STATUSES.includes(current.status)) {
      throw new ServiceError('CONFLICT', `Gebeurtenissen van een zaak met status '${CASE_STATUS_LABELS[current.status]}' zijn niet meer te wijzigen.`);
    }
    const next = { ...current };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of EVENT_FIELDS) {
      if (!(field in input.changes)) continue;
      const value = input.changes[field] ?? null;
      const stored = utc(value);
      if (stored !== current[field]) {
        diff[field] = { from: current[field], to: stored };
        next[field] = stored;
      }
    }
    if (input.changes.shortTermConsent !== undefined && input.changes.shortTermConsent !== current.shortTermConsent) {
      diff['shortTermConsent'] = { from: current.shortTermConsent, to: input.changes.shortTermConsent };
      next.shortTermConsent = input.changes.shortTermConsent;
    }
    if (input.changes.coDefendantGroup !== undefined) {
      const group = input.changes.coDefendantGroup?.trim() || null;
      if (group !== current.coDefendantGroup) {
        diff['coDefendantGroup'] = { from: current.coDefendantGroup, to: group };
        next.coDefendantGroup = group;
      }
    }
    if (input.changes.estimatedMinutes !== undefined && input.changes.estimatedMinutes !== current.estimatedMinutes) {
      diff['estimatedMinutes'] = { from: current.estimatedMinutes, to: input.changes.estimatedMinutes };
      next.estimatedMinutes = input.changes.estimatedMinutes;
    }
    // While the summons is not served: the day it is expected to be (the planner counts the summons term from it).
    if (input.changes.expectedSummonsServiceOn !== undefined && input.changes.expectedSummonsServiceOn !== current.expectedSummonsServiceOn) {
      diff['expectedSummonsServiceOn'] = { from: current.expectedSummonsServiceOn, to: input.changes.expectedSummonsServiceOn };
      next.expectedSummonsServiceOn = input.changes.expectedSummonsServiceOn;
    }
    if (Object.keys(diff).length === 0) throw new ServiceError('CONFLICT', 'Er is niets gewijzigd.');
    // The changed moments must be possible: not in the future, not decades ago (shared/intake/plausibility.ts).
    const changed = Object.fromEntries(EVENT_FIELDS.filter((field) => field in diff).map((field) => [field, next[field]]));
    const implausible = checkCaseDates(changed, now.getTime(), { checkAge: false });
    if (implausible.length > 0) {
      throw new ServiceError('INVALID_INPUT', `De invoer is niet geldig: ${implausible.map((i) => i.message).join('. ')}.`, implausible.map((i) => ({ path: `changes.${i.path}`, message: i.message })));
    }

    if (needsArrestTime(next.modality) && !next.arrestedAt) {
      throw new ServiceError('CONFLICT', 'Het tijdstip van aanhouding kan bij een gedetineerde zaak niet worden leeggemaakt: daarvan hangt de termijn af.');
    }
    // The same consistency rules as at intake (order of events, an extension needs an order, ...).
    const check = deadlineInputSchema.safeParse(toDeadlineInput(current.parketnummer, next));
    if (!check.success) throw new ServiceError('CONFLICT', check.error.issues.map((i) => i.message).join(' '));

    const { arrestedAt, custodyOrderedAt, custodyExtendedAt, remandOrderedAt, summonsServedAt, shortTermConsent, coDefendantGroup, estimatedMinutes, expectedSummonsServiceOn } = next;
    await tx.update(criminalCases)
      .set({ arrestedAt, custodyOrderedAt, custodyExtendedAt, remandOrderedAt, summonsServedAt, shortTermConsent, coDefendantGroup, estimatedMinutes, expectedSummonsServiceOn, ...derivedColumns(next, context, await preconditionsOf(tx, input.caseId)) })
      .where(eq(criminalCases.id, input.caseId));
    await recordAudit(tx, { actor, action: 'case.events_changed', entityType: 'case', entityId: input.caseId, reason: input.reason, details: diff, occurredAt: now.toISOString() });
  });
}
