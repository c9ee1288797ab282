import { pino, type DestinationStream, type Logger } from 'pino';
import type { Clock } from '../services/context/clock';

/**
 * The district server's log: one JSON object per line (pino) on stdout, for journald or a log
 * collector. What may be logged is fixed by the callers: request id, operation name, method, status,
 * duration, and error names and codes. Never request or response bodies, URLs of the UI, header values,
 * error messages (a database error can quote a name) or who is signed in: the Wjsg's judicial data
 * stays in the database.
 */
export type DistrictLogger = Logger;

export interface DistrictLoggerOptions {
  clock: Clock;
  /** Where the lines go (tests pass their own stream); default: stdout, written synchronously. */
  destination?: DestinationStream;
  level?: string;
}

export function createDistrictLogger(options: DistrictLoggerOptions): DistrictLogger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'ketenplanner-server' },
      timestamp: () => `,"time":"${options.clock.now().toISOString()}"`,
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** What may be logged of a failure: its kind and code, never its message. */
export function errorFields(error: unknown): { errorName: string; errorCode?: string } {
  const name = error instanceof Error ? error.name : typeof error;
  // The database's code may sit on a wrapped cause (drizzle wraps the driver's error).
  let code: string | undefined;
  for (let current = error, depth = 0; current && code === undefined && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    if (typeof current === 'object' && 'code' in current) code = String((current as { code: unknown }).code);
  }
  return code === undefined ? { errorName: name } : { errorName: name, errorCode: code };
}
