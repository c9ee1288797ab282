import { eq } from 'drizzle-orm';
import { createCourtCalendar, courtCalendarSettingsSchema, type CourtCalendar } from '../../../shared/calendar/court-calendar';
import { deadlineSettingsSchema, resolveDeadlineSettings, type DeadlineSettings } from '../../../shared/deadlines/settings';
import type { AppDatabase } from '../../../db/open-database';
import { districtSettings } from '../../../db/schema';

export const SETTING_KEYS = { deadlines: 'deadlines', equivalentDays: 'calendar.equivalentDaysByYear' } as const;

/** The district's deadline settings: stored overrides on top of the documented defaults. */
export function loadDeadlineSettings(db: AppDatabase): DeadlineSettings {
  const row = db.select().from(districtSettings).where(eq(districtSettings.key, SETTING_KEYS.deadlines)).get();
  const stored = row ? deadlineSettingsSchema.partial().safeParse(row.value) : null;
  return resolveDeadlineSettings(stored?.success ? stored.data : undefined);
}

/** The court calendar with the district's list of days made equal to holidays. */
export function loadCourtCalendar(db: AppDatabase): CourtCalendar {
  const row = db.select().from(districtSettings).where(eq(districtSettings.key, SETTING_KEYS.equivalentDays)).get();
  const stored = row ? courtCalendarSettingsSchema.shape.equivalentDaysByYear.safeParse(row.value) : null;
  return createCourtCalendar(stored?.success ? { equivalentDaysByYear: stored.data } : undefined);
}

export interface DeadlineContext {
  settings: DeadlineSettings;
  calendar: CourtCalendar;
}

export function loadDeadlineContext(db: AppDatabase): DeadlineContext {
  return { settings: loadDeadlineSettings(db), calendar: loadCourtCalendar(db) };
}
