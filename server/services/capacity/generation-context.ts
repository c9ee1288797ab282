import { between } from 'drizzle-orm';
import type { ExistingSession, GenerationInput, GenerationTemplate } from '../../../shared/capacity/generate-sessions';
import { courtSessions, locationClosures, sessionTemplates } from '../../../db/schema';
import { loadCourtCalendar } from '../settings/district-settings';
import { roomPlaces, templateFromRow, type CapacityDb, type RoomPlace } from './capacity-rows';

export interface GenerationContext extends Omit<GenerationInput, 'templates' | 'from' | 'to'> {
  templates: GenerationTemplate[];
  rooms: Map<number, RoomPlace>;
  templateNames: Map<number, string>;
}

/** Everything generation (and the extra-session check) reads for a horizon, from one database state. */
export async function loadGenerationContext(db: CapacityDb, from: string, to: string): Promise<GenerationContext> {
  const rooms = await roomPlaces(db);
  const rows = (await db.select().from(sessionTemplates));
  const templateNames = new Map(rows.map((r) => [r.id, r.name]));
  const templates = rows
    .filter((r) => r.active && rooms.has(r.courtroomId))
    .map((r): GenerationTemplate => ({ ...templateFromRow(r), locationId: rooms.get(r.courtroomId)!.locationId }));

  const closures = new Map<number, Map<string, string>>();
  for (const c of (await db.select().from(locationClosures).where(between(locationClosures.date, from, to)))) {
    const byDate = closures.get(c.locationId) ?? new Map<string, string>();
    byDate.set(c.date, c.reason);
    closures.set(c.locationId, byDate);
  }

  const existing = (await db
    .select()
    .from(courtSessions)
    .where(between(courtSessions.date, from, to)))
    .map(
      (s): ExistingSession => ({
        id: s.id,
        courtroomId: s.courtroomId,
        date: s.date,
        daypart: s.daypart,
        startTime: s.startTime,
        endTime: s.endTime,
        templateId: s.templateId,
        templateName: s.templateId === null ? null : (templateNames.get(s.templateId) ?? `nr. ${s.templateId}`),
        status: s.status,
        cancelReason: s.cancelReason,
      }),
    );

  return { templates, rooms, templateNames, closures, existing, calendar: await loadCourtCalendar(db) };
}

