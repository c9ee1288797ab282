import { addDays } from '../calendar/local-date';
import { HEARD_MODALITIES, type HeardModality } from '../domain/modality';
import { freePlaces } from '../domain/slot-occupancy';
import type { IntakeRow, SessionRow } from './metric-rows';
import { weekStartOf } from './time-buckets';

export const FORECAST_WEEKS = 8;
export const FORECAST_HISTORY_WEEKS = 8;

export interface ForecastWeek {
  weekStart: string;
  /** Expected arrivals per heard modality: the weekly average of the last 8 whole weeks' intake. */
  expected: Record<HeardModality, number>;
  expectedTotal: number;
  capacitySlots: number;
  /** Slots no hearing holds (never below 0 per session). Reserved slots count as free here: the arrivals they are held for are part of the expected intake. */
  freeSlots: number;
  planned: number;
}

/** The 8 whole weeks before the week of asOf: the intake history the forecast averages. */
export function forecastHistoryRange(asOf: string): { from: string; to: string } {
  const thisWeek = weekStartOf(asOf);
  return { from: addDays(thisWeek, -7 * FORECAST_HISTORY_WEEKS), to: addDays(thisWeek, -1) };
}

/** The coming 8 weeks, starting with the week after the week of asOf. */
export function forecastRange(asOf: string): { from: string; to: string } {
  const first = addDays(weekStartOf(asOf), 7);
  return { from: first, to: addDays(first, 7 * FORECAST_WEEKS - 1) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function computeForecast(intake: readonly IntakeRow[], sessions: readonly SessionRow[], asOf: string): ForecastWeek[] {
  const history = forecastHistoryRange(asOf);
  const perWeek = Object.fromEntries(HEARD_MODALITIES.map((m) => [m, 0])) as Record<HeardModality, number>;
  for (const row of intake) {
    if (row.intakeDate < history.from || row.intakeDate > history.to) continue;
    if ((HEARD_MODALITIES as readonly string[]).includes(row.modality)) perWeek[row.modality as HeardModality] += 1;
  }
  const expected = Object.fromEntries(HEARD_MODALITIES.map((m) => [m, round1(perWeek[m] / FORECAST_HISTORY_WEEKS)])) as Record<HeardModality, number>;
  const expectedTotal = round1(HEARD_MODALITIES.reduce((sum, m) => sum + perWeek[m], 0) / FORECAST_HISTORY_WEEKS);
  const { from } = forecastRange(asOf);
  return Array.from({ length: FORECAST_WEEKS }, (_, i) => {
    const weekStart = addDays(from, 7 * i);
    const weekEnd = addDays(weekStart, 6);
    const inWeek = sessions.filter((s) => !s.cancelled && s.date >= weekStart && s.date <= weekEnd);
    return {
      weekStart,
      expected,
      expectedTotal,
      capacitySlots: inWeek.reduce((sum, s) => sum + s.capacitySlots, 0),
      freeSlots: inWeek.reduce((sum, s) => sum + freePlaces(s.capacitySlots, s.bookedSlots), 0),
      planned: inWeek.reduce((sum, s) => sum + s.bookedSlots, 0),
    };
  });
}
