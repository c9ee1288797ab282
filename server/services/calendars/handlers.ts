import type { FeatureHandlers } from '../api-handler';
import { buildCalendar } from './build-calendar';
import { listCalendarSubjects } from './calendar-subjects';

export const calendarsHandlers: FeatureHandlers<'calendars'> = {
  'calendars.get': async ({ subject }, { db, clock }) => await buildCalendar(db, subject, clock),
  'calendars.subjects': async (_input, { db, clock }) => await listCalendarSubjects(db, clock.today()),
};
