import { parseOffsetDateTime } from '../../shared/calendar/amsterdam-time';
import { clockStartingAt, systemClock, type Clock } from '../services/context/clock';
import { CliUsageError } from './cli-error';

/**
 * The clock of one CLI run: `--now 2026-06-01T09:00:00+02:00` starts it at that instant and lets it
 * run on at real speed (a demo, a training day, a replayed report); without it, the machine's clock.
 */
export function clockFromNowOption(now: string | undefined): Clock {
  if (now === undefined) return systemClock();
  const parsed = parseOffsetDateTime(now);
  if (!parsed.ok) {
    const why = parsed.problem === 'missing-offset' ? 'it has no offset (add +01:00, +02:00 or Z)' : parsed.problem === 'invalid-value' ? 'no such moment' : 'not an ISO-8601 instant';
    throw new CliUsageError(`--now must be an instant with its offset, e.g. 2026-06-01T09:00:00+02:00; "${now}": ${why}`);
  }
  return clockStartingAt(new Date(parsed.instant));
}
