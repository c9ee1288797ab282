import { asc } from 'drizzle-orm';
import type { GenerationResult } from '../../../shared/capacity/capacity-schemas';
import { countByReason, generateSessions } from '../../../shared/capacity/generate-sessions';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, districts } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadGenerationContext } from './generation-context';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

export interface GenerationRequest {
  from: string;
  to: string;
  dryRun: boolean;
}

/**
 * Turns the active templates into dated sessions over a horizon. A dry run shows what would be made
 * and what is skipped (and why); a real run writes all sessions and one audit row with the counts, in
 * one transaction. Running it again creates nothing new.
 */
export async function generateSessionsForHorizon(db: AppDatabase, request: GenerationRequest, actor: string, today: string, now: Date): Promise<GenerationResult> {
  if (request.from < today) throw new ServiceError('INVALID_INPUT', `Van: zittingen worden niet in het verleden aangemaakt (vandaag is ${today})`);
  return await inTransaction(db, async (tx) => {
    const district = firstRow(await tx.select({ id: districts.id }).from(districts).orderBy(asc(districts.id)).limit(1));
    if (!district) throw new ServiceError('NOT_FOUND', 'Er is nog geen arrondissement in dit bestand.');
    const context = await loadGenerationContext(tx, request.from, request.to);
    const plan = generateSessions({ ...context, from: request.from, to: request.to });
    const ids: number[] = [];
    if (!request.dryRun) {
      for (const s of plan.create) ids.push(returnedRow(await tx.insert(courtSessions).values({ ...s, status: 'scheduled' }).returning({ id: courtSessions.id })).id);
    }
    const byReason = countByReason(plan.skipped);
    if (!request.dryRun) {
      await recordAudit(tx, {
        actor,
        action: 'sessions.generated',
        entityType: 'district',
        entityId: district.id,
        details: { from: request.from, to: request.to, created: ids.length, skipped: plan.skipped.length, skippedByReason: byReason },
        occurredAt: now.toISOString(),
      });
    }
    const where = (templateId: number, courtroomId: number) => {
      const place = context.rooms.get(courtroomId);
      return { templateName: context.templateNames.get(templateId) ?? '', roomName: place?.roomName ?? '', locationName: place?.locationName ?? '' };
    };
    return {
      dryRun: request.dryRun,
      from: request.from,
      to: request.to,
      counts: { created: plan.create.length, skipped: plan.skipped.length, byReason },
      created: plan.create.map((s, i) => ({
        templateId: s.templateId,
        ...where(s.templateId, s.courtroomId),
        courtroomId: s.courtroomId,
        date: s.date,
        daypart: s.daypart,
        startTime: s.startTime,
        endTime: s.endTime,
        sessionType: s.sessionType,
        capacitySlots: s.capacitySlots,
        sessionId: ids[i] ?? null,
      })),
      skipped: plan.skipped.map((s) => ({
        templateId: s.templateId,
        ...where(s.templateId, s.courtroomId),
        courtroomId: s.courtroomId,
        date: s.date,
        daypart: s.daypart,
        startTime: s.startTime,
        endTime: s.endTime,
        reason: s.reason,
        message: s.message,
      })),
    };
  });
}
