import { amsterdamDate } from '../../../shared/calendar/amsterdam-time';

/**
 * The back end's only source of time. Every operation reads 'now' and 'today' through the clock of its
 * context, so a demo, a training day, a test or a user's report can be replayed at any moment.
 */
export interface Clock {
  now(): Date;
  /** The calendar date in Europe/Amsterdam (YYYY-MM-DD). */
  today(): string;
}

/** The machine's clock (the one place in the back end that reads the wall time). */
export function systemClock(): Clock {
  return clockFrom(() => Date.now());
}

/** A clock that starts at the given instant and runs on at real speed (`--now`). */
export function clockStartingAt(start: Date, wallTime: () => number = () => Date.now()): Clock {
  const startedAt = wallTime();
  return clockFrom(() => start.getTime() + (wallTime() - startedAt));
}

/** A clock that stands still at one instant (tests). */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant).getTime();
  if (Number.isNaN(at)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return clockFrom(() => at);
}

function clockFrom(millis: () => number): Clock {
  return {
    now: () => new Date(millis()),
    today: () => amsterdamDate(millis()),
  };
}
