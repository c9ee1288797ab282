import type { FeatureHandlers } from '../api-handler';
import { buildCalendar } from './build-calendar';
import { listCalendarSubjects } from './calendar-subjects';

export const calendarsHandlers: FeatureHandlers<'calendars'> = {
  'calendars.get': ({ subject }, { db, clock }) => buildCalendar(db, subject, clock),
  'calendars.subjects': (_input, { db, clock }) => listCalendarSubjects(db, clock.today()),
};
