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

/**
 * Creates a session template (id null) or changes one. A change applies to sessions generated from
 * then on; sessions already made keep their own capacity (a person may have booked them). Saving an
 * inactive template takes it back into use.
 */
export function saveTemplate(db: AppDatabase, input: ParsedInput<'capacity.saveTemplate'>, actor: string, now: Date): CapacityTemplate {
  refuseIssues(templateFieldIssues(input));
  return db.transaction((tx) => {
    if (!tx.select({ id: courtrooms.id }).from(courtrooms).where(eq(courtrooms.id, input.courtroomId)).get()) {
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
      const row = tx.insert(sessionTemplates).values(values).returning().get();
      const created = templateFromRow(row);
      recordAudit(tx, { actor, action: 'template.created', entityType: 'session_template', entityId: row.id, details: created, occurredAt: now.toISOString() });
      return created;
    }
    const before = tx.select().from(sessionTemplates).where(eq(sessionTemplates.id, input.id)).get();
    if (!before) throw new ServiceError('NOT_FOUND', `Zittingspatroon ${input.id} bestaat niet.`);
    const row = tx.update(sessionTemplates).set(values).where(eq(sessionTemplates.id, input.id)).returning().get();
    const updated = templateFromRow(row);
    const changes = changedFields(templateFromRow(before), updated);
    recordAudit(tx, { actor, action: 'template.updated', entityType: 'session_template', entityId: row.id, details: { changes }, occurredAt: now.toISOString() });
    return updated;
  });
}

/** Stops a template from generating sessions; the sessions it already made stay. */
export function deactivateTemplate(db: AppDatabase, input: ParsedInput<'capacity.deactivateTemplate'>, actor: string, now: Date): CapacityTemplate {
  return db.transaction((tx) => {
    const before = tx.select().from(sessionTemplates).where(eq(sessionTemplates.id, input.templateId)).get();
    if (!before) throw new ServiceError('NOT_FOUND', `Zittingspatroon ${input.templateId} bestaat niet.`);
    if (!before.active) throw new ServiceError('CONFLICT', `Zittingspatroon '${before.name}' is al buiten gebruik.`);
    const row = tx.update(sessionTemplates).set({ active: false }).where(eq(sessionTemplates.id, input.templateId)).returning().get();
    recordAudit(tx, { actor, action: 'template.deactivated', entityType: 'session_template', entityId: row.id, reason: input.reason || null, occurredAt: now.toISOString() });
    return templateFromRow(row);
  });
}
