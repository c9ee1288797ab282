import { asc, between } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import type { CapacityOverview } from '../../../shared/capacity/capacity-schemas';
import { addDays } from '../../../shared/calendar/local-date';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, sessionTemplates } from '../../../db/schema';
import { getDistrict } from '../district/district-service';
import { selectSessions, templateFromRow } from './capacity-rows';
import { listClosuresFrom } from './closure-service';

/** How many days of sessions the capacity page lists at once. */
export const SESSION_LIST_DAYS = 14;

/** Locations and rooms, every template (inactive ones too), closures from today on, and two weeks of sessions. */
export async function getCapacityOverview(db: AppDatabase, input: ParsedInput<'capacity.overview'>, today: string): Promise<CapacityOverview> {
  const district = await getDistrict(db);
  const sessionsFrom = input.sessionsFrom ?? today;
  const sessionsTo = addDays(sessionsFrom, SESSION_LIST_DAYS - 1);
  return {
    locations: district?.locations ?? [],
    templates: (await db.select().from(sessionTemplates).orderBy(asc(sessionTemplates.courtroomId), asc(sessionTemplates.startTime), asc(sessionTemplates.id))).map(templateFromRow),
    closures: await listClosuresFrom(db, today),
    sessionsFrom,
    sessionsTo,
    sessions: await selectSessions(db, between(courtSessions.date, sessionsFrom, sessionsTo)),
  };
}
