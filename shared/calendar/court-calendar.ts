import { z } from 'zod';
import { assertSupportedYear, atwHolidays, defaultEquivalentDays } from './dutch-holidays';
import type { HolidayEntry } from './dutch-holidays';
import { dayOfWeekOfEpochDay, fromEpochDay, isValidLocalDate, partsOfEpochDay, toEpochDay, yearOf } from './local-date';

export type { HolidayEntry } from './dutch-holidays';

export interface CourtCalendarSettings {
  /**
   * Days made equal to recognised holidays by royal decree (art. 3 lid 3 Atw), per year:
   * year -> YYYY-MM-DD list. When a year is absent the default applies: Goede Vrijdag and the
   * Friday after Hemelvaartsdag. An empty list means: no equivalent days that year.
   */
  equivalentDaysByYear: Record<string, string[]>;
}

export interface CourtCalendar {
  /** Atw art. 3 days plus the equivalent days, sorted by date, one entry per date. */
  holidaysInYear(year: number): HolidayEntry[];
  /** A recognised holiday or a day made equal to one. */
  isHoliday(date: string): boolean;
  /** Not a Saturday, Sunday or holiday: the Atw's "day that is none of these". */
  isWorkingDay(date: string): boolean;
  /** A working day that is not one of the court location's own closure days. */
  isCourtDay(date: string, closureDays?: ReadonlySet<string>): boolean;
  /** The n-th working day after (n > 0) or before (n < 0) the date; n = 0 returns the date itself. */
  addWorkingDays(date: string, n: number): string;
  /**
   * The working days passed moving from `from` to `to`, not counting `from` itself: d in (from, to]
   * going forward; minus the count of d in [to, from) going back. Inverse of addWorkingDays.
   */
  workingDaysBetween(from: string, to: string): number;
}

export const DEFAULT_COURT_CALENDAR_SETTINGS: CourtCalendarSettings = { equivalentDaysByYear: {} };

/** Bounds the settings (a district sets a handful of bridge days per year). */
const MAX_EQUIVALENT_DAYS_PER_YEAR = 30;
const MAX_CONFIGURED_YEARS = 50;

export const courtCalendarSettingsSchema = z.object({
  equivalentDaysByYear: z
    .record(
      z.string().regex(/^\d{4}$/, 'Het jaartal moet vier cijfers hebben'),
      z
        .array(z.string().max(10, 'Geen geldige datum (JJJJ-MM-DD)').refine(isValidLocalDate, 'Geen geldige datum (JJJJ-MM-DD)'))
        .max(MAX_EQUIVALENT_DAYS_PER_YEAR, `Hoogstens ${MAX_EQUIVALENT_DAYS_PER_YEAR} gelijkgestelde dagen per jaar`),
      { error: (issue) => (issue.code === 'invalid_key' ? 'Het jaartal moet vier cijfers hebben' : undefined) },
    )
    .superRefine((byYear, ctx) => {
      if (Object.keys(byYear).length > MAX_CONFIGURED_YEARS) {
        ctx.addIssue({ code: 'custom', path: [], message: `Gelijkgestelde dagen: hoogstens ${MAX_CONFIGURED_YEARS} jaren` });
        return;
      }
      for (const [year, dates] of Object.entries(byYear)) {
        if (!/^\d{4}$/.test(year)) {
          ctx.addIssue({ code: 'custom', path: [year], message: `Jaartal "${year}" moet vier cijfers hebben` });
          continue;
        }
        dates.forEach((date, index) => {
          if (isValidLocalDate(date) && !date.startsWith(`${year}-`)) {
            ctx.addIssue({ code: 'custom', path: [year, index], message: `Datum ${date} ligt niet in ${year}` });
          }
        });
      }
    }),
});

function byDate(a: HolidayEntry, b: HolidayEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** One entry per date: an equivalent day that is also an Atw day is just the Atw day; two Atw days share a name. */
function mergeByDate(entries: HolidayEntry[]): HolidayEntry[] {
  const merged = new Map<string, HolidayEntry>();
  for (const entry of [...entries].sort(byDate)) {
    const existing = merged.get(entry.date);
    if (!existing) {
      merged.set(entry.date, { ...entry });
    } else if (existing.kind === 'equivalent' && entry.kind === 'atw') {
      merged.set(entry.date, { ...entry });
    } else if (existing.kind === entry.kind && existing.name !== entry.name) {
      merged.set(entry.date, { ...existing, name: `${existing.name} en ${entry.name}` });
    }
  }
  return [...merged.values()].sort(byDate);
}

export function createCourtCalendar(settings?: Partial<CourtCalendarSettings>): CourtCalendar {
  const parsed = courtCalendarSettingsSchema.safeParse({
    equivalentDaysByYear: settings?.equivalentDaysByYear ?? DEFAULT_COURT_CALENDAR_SETTINGS.equivalentDaysByYear,
  });
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new RangeError(`Ongeldige kalenderinstellingen: ${detail}`);
  }
  const configured = parsed.data.equivalentDaysByYear;
  const holidaysByYear = new Map<number, HolidayEntry[]>();
  const holidayEpochDays = new Map<number, ReadonlySet<number>>();

  function equivalentDays(year: number): HolidayEntry[] {
    const defaults = defaultEquivalentDays(year);
    const list = configured[String(year)];
    if (list === undefined) return defaults;
    return list.map((date) => ({
      date,
      name: defaults.find((entry) => entry.date === date)?.name ?? 'Gelijkgestelde dag',
      kind: 'equivalent' as const,
    }));
  }

  function holidaysInYear(year: number): HolidayEntry[] {
    assertSupportedYear(year);
    let entries = holidaysByYear.get(year);
    if (!entries) {
      entries = mergeByDate([...atwHolidays(year), ...equivalentDays(year)]);
      holidaysByYear.set(year, entries);
    }
    return entries.map((entry) => ({ ...entry }));
  }

  function holidaySet(year: number): ReadonlySet<number> {
    let set = holidayEpochDays.get(year);
    if (!set) {
      set = new Set(holidaysInYear(year).map((entry) => toEpochDay(entry.date)));
      holidayEpochDays.set(year, set);
    }
    return set;
  }

  function isWorkingEpochDay(epochDay: number): boolean {
    const weekday = dayOfWeekOfEpochDay(epochDay);
    if (weekday === 0 || weekday === 6) return false;
    const year = partsOfEpochDay(epochDay).year;
    return !holidaySet(year).has(epochDay);
  }

  function assertCount(n: number): void {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Aantal werkdagen moet een geheel getal zijn, niet ${n}`);
  }

  return {
    holidaysInYear,
    isHoliday(date) {
      return holidaySet(yearOf(date)).has(toEpochDay(date));
    },
    isWorkingDay(date) {
      return isWorkingEpochDay(toEpochDay(date));
    },
    isCourtDay(date, closureDays) {
      return isWorkingEpochDay(toEpochDay(date)) && !(closureDays?.has(date) ?? false);
    },
    addWorkingDays(date, n) {
      assertCount(n);
      let day = toEpochDay(date);
      const step = n < 0 ? -1 : 1;
      for (let remaining = Math.abs(n); remaining > 0; ) {
        day += step;
        if (isWorkingEpochDay(day)) remaining -= 1;
      }
      return fromEpochDay(day);
    },
    workingDaysBetween(from, to) {
      const start = toEpochDay(from);
      const end = toEpochDay(to);
      let count = 0;
      if (start <= end) {
        for (let day = start + 1; day <= end; day += 1) if (isWorkingEpochDay(day)) count += 1;
        return count;
      }
      for (let day = end; day < start; day += 1) if (isWorkingEpochDay(day)) count += 1;
      return count === 0 ? 0 : -count;
    },
  };
}

let defaultCalendar: CourtCalendar | undefined;

/** A shared calendar with the default settings. */
export function defaultCourtCalendar(): CourtCalendar {
  defaultCalendar ??= createCourtCalendar();
  return defaultCalendar;
}
