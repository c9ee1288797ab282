import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../shared/api/contract';
import { isWriteOperation } from '../../shared/api/operation-kinds';
import { OPERATION_ROLES } from '../../shared/api/operation-roles';
import { ROLES, type Role } from '../../shared/domain/roles';
import { startHttpHost, type RunningHttpHost } from '../../server/http/http-host';
import { SMALL_DEMO_NOW } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { writeMark, writtenSince } from '../support/district-writes';

// The operation x role table (shared/api/operation-roles.ts) enforced through the api handler, for every
// operation and every role, on both engines: one small district for the whole table. On PostgreSQL each
// operation runs as the group role of the one role the person holds (the second line, db/pg-migrations/
// 0004 and later): an allowed operation must not be stopped there by a missing grant or policy.
// (A read-only SQLite file: test/integration/operation-roles.)
const DISTRICT = { seed: 3, casesPerYear: 40, asOf: '2026-06-15' };
let dir: string;
let district: TestDistrict;
let role: Role = 'coordinator';
const internalErrors: { operation: string; error: unknown }[] = [];
const api = () => district.api({ actor: 'rol.test', now: SMALL_DEMO_NOW, roles: () => [role], onInternalError: (operation, error) => internalErrors.push({ operation, error }) });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-roles-'));
  district = await openTestDistrict(dir, DISTRICT);
});

afterAll(async () => {
  await district.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The SQLSTATE of a failure that came from PostgreSQL (drizzle wraps it as the cause), or null. */
function sqlState(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

const refusals = () =>
  district.rows<{ actor: string; occurredAt: string; entityType: string; reason: string; details: string }>(
    'SELECT actor, occurred_at AS "occurredAt", entity_type AS "entityType", reason, details FROM audit_event WHERE action = \'access.refused\' ORDER BY id',
  );
const processed = async (requestId: string) => (await district.row<{ n: number }>('SELECT count(*) AS "n" FROM processed_request WHERE request_id = ?', [requestId]))!;

const cells = OPERATION_NAMES.flatMap((operation) => ROLES.map((r) => ({ operation, role: r, allowed: OPERATION_ROLES[operation].includes(r) })));
// Effects that would fill or copy the file: their allowed role is shown not refused with an input the contract refuses (null).
const HEAVY: ReadonlySet<OperationName> = new Set(['demo.load', 'backups.create', 'cases.import', 'people.import']);

describe('the operation x role table', () => {
  it('gives every operation at least one role, and every role at least one operation', () => {
    for (const operation of OPERATION_NAMES) expect(OPERATION_ROLES[operation].length, operation).toBeGreaterThan(0);
    for (const r of ROLES) expect(OPERATION_NAMES.some((operation) => OPERATION_ROLES[operation].includes(r)), r).toBe(true);
  });

  it('keeps the reviewer to reads', () => {
    const reviewerWrites = OPERATION_NAMES.filter((operation) => OPERATION_ROLES[operation].includes('reviewer') && isWriteOperation(operation));
    // monitoring.export is a read recorded as a write (the export is logged); disclosures.recordOffline logs the
    // reviewer's own offline reads.
    const exceptions = new Set(['monitoring.export', 'notifications.markDone', 'disclosures.recordOffline']);
    expect(reviewerWrites.filter((operation) => !exceptions.has(operation))).toEqual([]);
  });

  it.each(cells.filter((cell) => !cell.allowed))('refuses $operation to a $role: FORBIDDEN, audited once, nothing else changed', async ({ operation, role: refused }) => {
    role = refused;
    const before = (await refusals()).length;
    const mark = await writeMark(district);
    const requestId = `roles-${operation}-${refused}`;
    // Input the contract would refuse too: the role check comes first.
    const result = await api()(operation, { unknownField: 'x' }, { requestId });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Dit mag alleen iemand met de rol .+ doen; u bent aangemeld als /);
    // One row written (the audit row), nothing else: no effect, no processed request.
    expect(await writtenSince(district, mark)).toBe(1);
    expect((await processed(requestId)).n).toBe(0);
    const rows = await refusals();
    expect(rows.length).toBe(before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({ actor: 'rol.test', occurredAt: SMALL_DEMO_NOW.toISOString(), entityType: 'operation', reason: result.error.message });
    expect(JSON.parse(row.details)).toEqual({ operation, roles: [refused], allowed: OPERATION_ROLES[operation] });
  });

  it.each(cells.filter((cell) => cell.allowed))('does not refuse $operation to a $role for its role', async ({ operation, role: allowed }) => {
    role = allowed;
    const before = (await refusals()).length;
    internalErrors.length = 0;
    // As the district server signs a person in: a police liaison always with its unit.
    const person = { actor: 'rol.test', roles: [allowed], policeUnit: allowed === 'police_liaison' ? 'Basisteam IJsseldelta' : null };
    const result = await api()(operation, HEAVY.has(operation) ? null : {}, { person, ...(isWriteOperation(operation) ? { requestId: `allowed-${operation}-${allowed}` } : {}) });
    if (!result.ok) expect(result.error.code).not.toBe('FORBIDDEN');
    expect((await refusals()).length).toBe(before);
    // Nor does the database refuse it: no permission denied, no row-level security violation (42501).
    expect(internalErrors.filter((e) => sqlState(e.error) === '42501').map((e) => `${e.operation}: ${String(e.error)}`)).toEqual([]);
  });
});

describe('a refusal', () => {
  it('names the roles in Dutch', async () => {
    role = 'clerk';
    const result = await api()('reservations.reserve', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Dit mag alleen iemand met de rol officier van justitie / parketsecretaris doen; u bent aangemeld als griffier. Vraag het aan een collega met die rol of aan de beheerder.',
      },
    });
    const none = await district.api({ actor: 'rol.test', now: SMALL_DEMO_NOW, roles: [] })('district.get', {});
    expect(none.ok ? '' : none.error.message).toContain('u bent aangemeld zonder rol');
    const two = await district.api({ actor: 'rol.test', now: SMALL_DEMO_NOW, roles: ['reviewer', 'clerk'] })('planner.run', {});
    expect(two.ok ? '' : two.error.message).toBe(
      'Dit mag alleen iemand met de rol coördinator doen; u bent aangemeld als griffier en lid van het overleg (alleen lezen). Vraag het aan een collega met die rol of aan de beheerder.',
    );
  });

  it('lets the same request id be used again once allowed (a refusal is not stored as processed)', async () => {
    role = 'clerk';
    const input = { name: 'Oost-Veluwe', code: 'ov' };
    expect(await api()('district.create', input, { requestId: 'same-request-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    role = 'administrator';
    const again = await api()('district.create', input, { requestId: 'same-request-1' });
    if (!again.ok) expect(again.error.code).not.toBe('FORBIDDEN');
  });

  it('checks an exported list against the roles of that list', async () => {
    role = 'clerk';
    const workQueue = await api()('exports.list', { list: 'workQueue', filters: {}, format: 'csv' });
    expect(workQueue).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.parse((await refusals()).at(-1)!.details)).toMatchObject({ operation: 'exports.list', allowed: ['coordinator', 'prosecutor'] });
    const handoffs = await api()('exports.list', { list: 'handoffQueue', filters: {}, format: 'csv' });
    if (!handoffs.ok) expect(handoffs.error.code).not.toBe('FORBIDDEN');
  });

  it('is answered with HTTP 403 by the browser-mode host', async () => {
    const staticRoot = path.join(dir, 'ui');
    fs.mkdirSync(staticRoot, { recursive: true });
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>Ketenplanner</title>');
    const token = 'roles-token-0123456789abcdef';
    const host: RunningHttpHost = await startHttpHost({ handler: district.api({ actor: 'rol.test', now: SMALL_DEMO_NOW, roles: ['reviewer'] }), token, staticRoot, port: 0 });
    try {
      const response = await fetch(`${host.url}api/planner.run`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await host.close();
    }
  });
});
