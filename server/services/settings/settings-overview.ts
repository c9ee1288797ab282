import { DEADLINE_SETTING_INFO, DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from '../../../shared/deadlines/settings';
import type { SettingsOverview } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import { settingsVersion } from '../context/versions';
import { loadConfirmedSettings, loadCourtCalendar, loadDeadlineSettings, loadEquivalentDays, loadReservationReleaseWorkingDays } from './district-settings';

/** The legal settings in force, each with its article and whether the statute still needs checking, and the year's holidays. */
export async function getSettingsOverview(db: AppDatabase, year: number): Promise<SettingsOverview> {
  const settings = await loadDeadlineSettings(db);
  const calendar = await loadCourtCalendar(db);
  const confirmed = new Set(await loadConfirmedSettings(db));
  const stored = await loadEquivalentDays(db);
  const years = [year, year + 1];
  return {
    deadlines: (Object.keys(DEADLINE_SETTING_INFO) as (keyof DeadlineSettings)[]).map((key) => ({
      key,
      ...DEADLINE_SETTING_INFO[key],
      value: settings[key],
      defaultValue: DEFAULT_DEADLINE_SETTINGS[key],
      confirmed: confirmed.has(key),
    })),
    values: settings,
    equivalentDaysByYear: Object.fromEntries(
      years.map((y) => [String(y), stored[String(y)] ?? calendar.holidaysInYear(y).filter((h) => h.kind === 'equivalent').map((h) => h.date)]),
    ),
    holidays: years.flatMap((y) => calendar.holidaysInYear(y)),
    reservationReleaseWorkingDays: await loadReservationReleaseWorkingDays(db),
    version: await settingsVersion(db),
  };
}
