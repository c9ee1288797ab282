import { sqliteDistrictDatabase, type DistrictDatabase } from '../../server/services/context/district-database';
import { createApiHandler, type ApiHandler } from '../../server/services/api-handler';
import type { Clock } from '../../server/services/context/clock';
import { operationHandlers } from '../../server/services/operation-handlers';
import { amsterdamDate } from '../../shared/calendar/amsterdam-time';
import type { OpenedDatabase } from '../../db/open-database';
import { STANDALONE_ROLES, type Role } from '../../shared/domain/roles';

type Moment = Date | string | (() => Date);

export interface TestClockSpec {
  /** The instant (or a function of it, for tests that move time on). */
  now?: Moment;
  /** The Amsterdam calendar date; default: the date of `now`. Without `now`: noon of this date. */
  today?: string | (() => string);
}

/** A pinned clock for tests: nothing in a test reads the machine's time. */
export function testClock(spec: TestClockSpec): Clock {
  const today = typeof spec.today === 'function' ? spec.today : spec.today === undefined ? undefined : () => spec.today as string;
  const now = (): Date => {
    if (spec.now instanceof Date) return spec.now;
    if (typeof spec.now === 'string') return new Date(spec.now);
    if (typeof spec.now === 'function') return spec.now();
    if (today) return new Date(`${today()}T12:00:00+01:00`);
    throw new Error('testClock needs now or today');
  };
  return { now, today: () => (today ? today() : amsterdamDate(now().getTime())) };
}

export type TestApiOptions = TestClockSpec & {
  actor: string | (() => string);
  roles?: readonly Role[] | (() => readonly Role[]);
  onInternalError?: (operation: string, error: unknown) => void;
  log?: (message: string) => void;
};

/** The api handler over a real database file, as the transports build it, with a pinned clock; `roles`: the actor's roles (default: every role, as standalone). */
export function createTestApi(database: Pick<OpenedDatabase, 'db' | 'sqlite'>, options: TestApiOptions): ApiHandler {
  return testApiOver(sqliteDistrictDatabase(database.db, database.sqlite), options);
}

/** The same over either engine's DistrictDatabase (test/support/test-district.ts). */
export function testApiOver(database: DistrictDatabase, options: TestApiOptions): ApiHandler {
  const { actor, roles = STANDALONE_ROLES, onInternalError, log, ...clockSpec } = options;
  return createApiHandler(operationHandlers, {
    database,
    clock: testClock(clockSpec),
    actor: typeof actor === 'function' ? actor : () => actor,
    roles: typeof roles === 'function' ? roles : () => roles,
    ...(log ? { log } : {}),
    ...(onInternalError ? { onInternalError } : {}),
  });
}
