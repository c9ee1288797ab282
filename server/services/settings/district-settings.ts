import { eq, inArray } from 'drizzle-orm';
import { createCourtCalendar, courtCalendarSettingsSchema, type CourtCalendar } from '../../../shared/calendar/court-calendar';
import { deadlineSettingsSchema, resolveDeadlineSettings, type DeadlineSettings } from '../../../shared/deadlines/settings';
import { DEFAULT_RESERVATION_RELEASE_WORKING_DAYS } from '../../../shared/domain/reservation';
import { reservationReleaseWorkingDaysSchema } from '../../../shared/planning/reservation-release';
import { DEFAULT_RETENTION_TERM, retentionTermSchema, type RetentionTerm } from '../../../shared/retention/retention';
import type { AppDatabase } from '../../../db/open-database';
import { districtSettings } from '../../../db/schema';
import { firstRow } from '../context/query-results';
import { memoized } from '../context/operation-memo';

export const SETTING_KEYS = {
  deadlines: 'deadlines',
  confirmed: 'deadlines.confirmed',
  equivalentDays: 'calendar.equivalentDaysByYear',
  reservationReleaseWorkingDays: 'reservations.releaseWorkingDays',
  /** Months the personal data of a finished case is kept (AVG art. 5 lid 1 onder e; docs/retention.md). */
  retention: 'retention.finishedCaseTerm',
  /** Months a row of the log of reads of personal data is kept (docs/disclosures.md). */
  disclosureLogTerm: 'disclosures.logTerm',
} as const;

type Reader = Pick<AppDatabase, 'select'>;

/**
 * The settings a write reads in several of its steps (the deadline engine's, the court calendar's, the
 * reservations' release days): one query for the three, kept for the rest of the operation (operation-memo.ts).
 */
const OFTEN_READ: readonly string[] = [SETTING_KEYS.deadlines, SETTING_KEYS.equivalentDays, SETTING_KEYS.reservationReleaseWorkingDays];

async function stored(db: Reader, key: string): Promise<unknown> {
  if (OFTEN_READ.includes(key)) return (await oftenRead(db)).get(key);
  return firstRow(await db.select().from(districtSettings).where(eq(districtSettings.key, key)))?.value;
}

function oftenRead(db: Reader): Promise<Map<string, unknown>> {
  return memoized('district-settings', async () => {
    const rows = await db.select({ key: districtSettings.key, value: districtSettings.value }).from(districtSettings).where(inArray(districtSettings.key, [...OFTEN_READ]));
    return new Map(rows.map((row) => [row.key, row.value]));
  });
}

/** A stored setting that does not pass its schema is a damaged file: say so, never fall back silently. */
function invalid(key: string, message: string): never {
  throw new Error(`District setting '${key}' in the database is invalid (${message}); it was written outside Ketenplanner or by another version.`);
}

/** The district's deadline settings: stored values on top of the documented defaults. */
export function loadDeadlineSettings(db: Reader): Promise<DeadlineSettings> {
  return memoized('deadline-settings', () => parseDeadlineSettings(db));
}

async function parseDeadlineSettings(db: Reader): Promise<DeadlineSettings> {
  const value = await stored(db, SETTING_KEYS.deadlines);
  if (value === undefined) return resolveDeadlineSettings();
  const parsed = deadlineSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : invalid(SETTING_KEYS.deadlines, parsed.error.issues[0]?.message ?? '');
}

export async function loadEquivalentDays(db: Reader): Promise<Record<string, string[]>> {
  const value = await stored(db, SETTING_KEYS.equivalentDays);
  if (value === undefined) return {};
  const parsed = courtCalendarSettingsSchema.shape.equivalentDaysByYear.safeParse(value);
  return parsed.success ? parsed.data : invalid(SETTING_KEYS.equivalentDays, parsed.error.issues[0]?.message ?? '');
}

/** Working days before a session that unfilled reserved slots go back to the court. */
export async function loadReservationReleaseWorkingDays(db: Reader): Promise<number> {
  const value = await stored(db, SETTING_KEYS.reservationReleaseWorkingDays);
  if (value === undefined) return DEFAULT_RESERVATION_RELEASE_WORKING_DAYS;
  const parsed = reservationReleaseWorkingDaysSchema.safeParse(value);
  return parsed.success ? parsed.data : invalid(SETTING_KEYS.reservationReleaseWorkingDays, parsed.error.issues[0]?.message ?? '');
}

/** How long the personal data of a finished case is kept, and whether the privacy officer confirmed it. */
export async function loadRetentionTerm(db: Reader): Promise<RetentionTerm> {
  const value = await stored(db, SETTING_KEYS.retention);
  if (value === undefined) return DEFAULT_RETENTION_TERM;
  const parsed = retentionTermSchema.safeParse(value);
  return parsed.success ? parsed.data : invalid(SETTING_KEYS.retention, parsed.error.issues[0]?.message ?? '');
}

/** Setting keys whose reading the district has confirmed against the statute. */
export async function loadConfirmedSettings(db: Reader): Promise<string[]> {
  const value = await stored(db, SETTING_KEYS.confirmed);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The court calendar with the district's list of days made equal to holidays. */
export function loadCourtCalendar(db: Reader): Promise<CourtCalendar> {
  return memoized('court-calendar', async () => createCourtCalendar({ equivalentDaysByYear: await loadEquivalentDays(db) }));
}

export interface DeadlineContext {
  settings: DeadlineSettings;
  calendar: CourtCalendar;
}

export async function loadDeadlineContext(db: Reader): Promise<DeadlineContext> {
  const [settings, calendar] = await Promise.all([loadDeadlineSettings(db), loadCourtCalendar(db)]);
  return { settings, calendar };
}
