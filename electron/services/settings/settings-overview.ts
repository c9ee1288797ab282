import { DEADLINE_SETTING_INFO, DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from '../../../shared/deadlines/settings';
import type { SettingsOverview } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar, loadDeadlineSettings } from './district-settings';

/** The legal settings in force, each with its article and whether the statute still needs checking, and the year's holidays. */
export function getSettingsOverview(db: AppDatabase, year: number): SettingsOverview {
  const settings = loadDeadlineSettings(db);
  const calendar = loadCourtCalendar(db);
  return {
    deadlines: (Object.keys(DEADLINE_SETTING_INFO) as (keyof DeadlineSettings)[]).map((key) => ({
      key,
      ...DEADLINE_SETTING_INFO[key],
      value: settings[key],
      defaultValue: DEFAULT_DEADLINE_SETTINGS[key],
    })),
    holidays: [...calendar.holidaysInYear(year), ...calendar.holidaysInYear(year + 1)],
  };
}
