import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import type { CapacityTemplate } from '../../../shared/capacity/capacity-schemas';
import { serializeWeekdays, templateFieldIssues } from '../../../shared/capacity/capacity-rules';
import { serializeList } from '../../../shared/domain/session';
import type { AppDatabase } from '../../../db/open-database';
import { courtrooms, sessionTemplates } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { templateFromRow } from './capacity-rows';
import { changedFields, refuseIssues } from './field-issues';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

/**
 * Creates a session template (id null) or changes one. A change applies to sessions generated from
 * then on; sessions already made keep their own capacity (a person may have booked them). Saving an
 * inactive template takes it back into use.
 */
export async function saveTemplate(db: AppDatabase, input: ParsedInput<'capacity.saveTemplate'>, actor: string, now: Date): Promise<CapacityTemplate> {
  refuseIssues(templateFieldIssues(input));
  return await inTransaction(db, async (tx) => {
    if (!firstRow(await tx.select({ id: courtrooms.id }).from(courtrooms).where(eq(courtrooms.id, input.courtroomId)))) {
      throw new ServiceError('NOT_FOUND', `Zaal: zaal nummer ${input.courtroomId} bestaat niet.`);
    }
    const values = {
      courtroomId: input.courtroomId,
      name: input.name,
      weekdays: serializeWeekdays(input.weekdays),
      daypart: input.daypart,
      startTime: input.startTime,
      endTime: input.endTime,
      sessionType: input.sessionType,
      capacitySlots: input.capacitySlots,
      capacityMinutes: input.capacityMinutes,
      overbookingSlots: input.overbookingSlots,
      acceptedModalities: serializeList(input.acceptedModalities),
      acceptedFillerKinds: serializeList(input.acceptedFillerKinds),
      // Absent: adults only for a new pattern (the column's default), unchanged for an edit.
      ...(input.acceptsMinors !== undefined ? { acceptsMinors: input.acceptsMinors } : {}),
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      active: true,
    };
    if (input.id === null) {
      const row = returnedRow(await tx.insert(sessionTemplates).values(values).returning());
      const created = templateFromRow(row);
      await recordAudit(tx, { actor, action: 'template.created', entityType: 'session_template', entityId: row.id, details: created, occurredAt: now.toISOString() });
      return created;
    }
    const before = firstRow(await tx.select().from(sessionTemplates).where(eq(sessionTemplates.id, input.id)));
    if (!before) throw new ServiceError('NOT_FOUND', `Zittingspatroon ${input.id} bestaat niet.`);
    const row = returnedRow(await tx.update(sessionTemplates).set(values).where(eq(sessionTemplates.id, input.id)).returning());
    const updated = templateFromRow(row);
    const changes = changedFields(templateFromRow(before), updated);
    await recordAudit(tx, { actor, action: 'template.updated', entityType: 'session_template', entityId: row.id, details: { changes }, occurredAt: now.toISOString() });
    return updated;
  });
}

/** Stops a template from generating sessions; the sessions it already made stay. */
export async function deactivateTemplate(db: AppDatabase, input: ParsedInput<'capacity.deactivateTemplate'>, actor: string, now: Date): Promise<CapacityTemplate> {
  return await inTransaction(db, async (tx) => {
    const before = firstRow(await tx.select().from(sessionTemplates).where(eq(sessionTemplates.id, input.templateId)));
    if (!before) throw new ServiceError('NOT_FOUND', `Zittingspatroon ${input.templateId} bestaat niet.`);
    if (!before.active) throw new ServiceError('CONFLICT', `Zittingspatroon '${before.name}' is al buiten gebruik.`);
    const row = returnedRow(await tx.update(sessionTemplates).set({ active: false }).where(eq(sessionTemplates.id, input.templateId)).returning());
    await recordAudit(tx, { actor, action: 'template.deactivated', entityType: 'session_template', entityId: row.id, reason: input.reason || null, occurredAt: now.toISOString() });
    return templateFromRow(row);
  });
}
