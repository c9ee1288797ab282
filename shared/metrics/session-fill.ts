import type { SessionRow } from './metric-rows';
import { shareOf } from './percentile';
import { weekStartOf, weekStartsBetween } from './time-buckets';

export interface FillFigures {
  sessionsHeld: number;
  slotsAvailable: number;
  slotsReserved: number;
  slotsUsed: number;
  /** Used / available; null without available slots. */
  fillRate: number | null;
  weekly: { weekStart: string; available: number; used: number; fillRate: number | null }[];
}

/** Which sessions count as held: not cancelled, dated within [from, to] and not after asOf (today). */
export const sessionCounts = (s: SessionRow, from: string, to: string, asOf: string) => !s.cancelled && s.date >= from && s.date <= to && s.date <= asOf;

export function computeSessionFill(rows: readonly SessionRow[], from: string, to: string, asOf: string): FillFigures {
  const held = rows.filter((s) => sessionCounts(s, from, to, asOf));
  const weeks = new Map(weekStartsBetween(from, to).map((w) => [w, { available: 0, used: 0 }]));
  let available = 0;
  let reserved = 0;
  let used = 0;
  for (const s of held) {
    available += s.capacitySlots;
    reserved += s.reservedSlots;
    used += s.usedSlots;
    const week = weeks.get(weekStartOf(s.date))!;
    week.available += s.capacitySlots;
    week.used += s.usedSlots;
  }
  return {
    sessionsHeld: held.length,
    slotsAvailable: available,
    slotsReserved: reserved,
    slotsUsed: used,
    fillRate: shareOf(used, available),
    weekly: [...weeks].map(([weekStart, w]) => ({ weekStart, ...w, fillRate: shareOf(w.used, w.available) })),
  };
}
