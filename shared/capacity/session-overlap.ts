import type { Daypart } from '../domain/session';

export interface SessionTiming {
  daypart: Daypart;
  startTime: string;
  endTime: string;
}

/** A full day overlaps both halves; two different halves do not, unless their clock times do. */
export function sessionsOverlap(a: SessionTiming, b: SessionTiming): boolean {
  if (a.daypart === b.daypart || a.daypart === 'full_day' || b.daypart === 'full_day') return true;
  // 'HH:mm' strings compare in clock order.
  return a.startTime < b.endTime && b.startTime < a.endTime;
}
