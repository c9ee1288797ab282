import { isSqliteUniqueViolation, type DistrictDatabase } from '../../../server/services/context/district-database';
import { describe, expect, it, vi } from 'vitest';
import { createApiHandler as createHandler, type ApiHandlerOptions, type OperationHandlers } from '../../../server/services/api-handler';
import { fixedClock } from '../../../server/services/context/clock';
import { ServiceError } from '../../../server/services/service-error';
import { OPERATION_NAMES } from '../../../shared/api/contract';
import { STANDALONE_ROLES } from '../../../shared/domain/roles';

const week = {
  weekStart: '2026-03-09',
  days: ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'],
  locations: [],
  totals: { sessions: 0, capacitySlots: 0, booked: 0, reserved: 0, free: 0 },
};

/** No operation in these tests touches the database: they stay in the handler's own logic. */
function createApiHandler(map: OperationHandlers, options: Partial<ApiHandlerOptions> = {}) {
  const unused = new Proxy({}, { get: () => { throw new Error('no database in this test'); } });
  const database: DistrictDatabase = {
    engine: 'sqlite',
    readonly: false,
    run: (_scope, work) => work(unused as never, async (write) => await write()),
    write: (_scope, work) => work(unused as never),
    storageFullMessage: () => null,
    isUniqueViolation: isSqliteUniqueViolation,
  };
  return createHandler(map, { database, clock: fixedClock('2026-03-09T09:00:00+01:00'), actor: () => 'test', roles: () => STANDALONE_ROLES, ...options });
}

function handlers(overrides: Partial<OperationHandlers> = {}): OperationHandlers {
  const unused = Object.fromEntries(
    OPERATION_NAMES.map((name) => [
      name,
      () => {
        throw new Error(`${name} is not part of this test`);
      },
    ]),
  ) as unknown as OperationHandlers;
  return {
    ...unused,
    'district.get': () => null,
    'district.create': () => {
      throw new ServiceError('CONFLICT', 'bestaat al');
    },
    'demo.load': () => ({ districtName: 'x', sessions: 1, cases: 1 }),
    'sessions.week': () => week,
    ...overrides,
  };
}

describe('createApiHandler', () => {
  it('answers a valid request with ok and the validated value', async () => {
    const handle = createApiHandler(handlers());
    await expect(handle('sessions.week', { weekStart: '2026-03-09' })).resolves.toEqual({ ok: true, value: week });
  });

  it.each([
    ['an unknown name', 'sessions.delete'],
    ['a non-string', 42],
    ['a prototype key', '__proto__'],
    ['nothing', undefined],
  ])('refuses %s as operation with UNKNOWN_OPERATION', async (_label, operation) => {
    const result = await createApiHandler(handlers())(operation, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it.each([
    ['a Tuesday', { weekStart: '2026-03-10' }, 'weekStart'],
    ['an impossible date', { weekStart: '2026-02-30' }, 'weekStart'],
    ['a wrong type', { weekStart: 20260309 }, 'weekStart'],
    ['an unexpected field', { weekStart: '2026-03-09', extra: 1 }, '(invoer)'],
    ['a non-object', 'hello', '(invoer)'],
  ])('refuses %s with INVALID_INPUT naming the field', async (_label, input, path) => {
    const spy = vi.fn(() => week);
    const result = await createApiHandler(handlers({ 'sessions.week': spy }))('sessions.week', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details?.map((d) => d.path)).toContain(path);
    expect(spy).not.toHaveBeenCalled();
  });

  it('passes a service error code and message through', async () => {
    const result = await createApiHandler(handlers())('district.create', {
      code: 'AB',
      name: 'Test',
      locations: [{ name: 'L', city: 'C', rooms: ['1'] }],
    });
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'bestaat al' } });
  });

  it('hides an unexpected failure behind INTERNAL and reports it', async () => {
    const onInternalError = vi.fn();
    const handle = createApiHandler(
      handlers({
        'district.get': () => {
          throw new Error('disk on fire');
        },
      }),
      { onInternalError },
    );
    const result = await handle('district.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(onInternalError).toHaveBeenCalledWith('district.get', expect.any(Error));
  });

  it('maps a SQLite uniqueness violation to CONFLICT instead of a crash', async () => {
    const handle = createApiHandler(
      handlers({
        'district.get': () => {
          throw Object.assign(new Error('UNIQUE constraint failed: courtroom.location_id, courtroom.name'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
        },
      }),
    );
    await expect(handle('district.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('treats an answer that breaks the contract as INTERNAL, never passing it on', async () => {
    const handle = createApiHandler(handlers({ 'sessions.week': () => ({ ...week, totals: null }) as never }));
    await expect(handle('sessions.week', { weekStart: '2026-03-09' })).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
