import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { OPERATION_NAMES, type OperationName } from '../../shared/api/contract';
import { isWriteOperation } from '../../shared/api/operation-kinds';
import { OPERATION_ROLES } from '../../shared/api/operation-roles';
import { ROLES, type Role } from '../../shared/domain/roles';
import { startHttpHost, type RunningHttpHost } from '../../server/http/http-host';
import { openTestDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';

// The operation x role table (shared/api/operation-roles.ts) enforced through the api handler on a real
// SQLite file, for every operation and every role: one empty database for the whole table.
let dir: string;
let database: OpenedDatabase;
let role: Role = 'coordinator';
const api = () => createTestApi(database, { actor: 'rol.test', now: SMALL_DEMO_NOW, roles: () => [role], onInternalError: () => undefined });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-roles-'));
  database = await openTestDatabase(dir);
});

afterAll(() => {
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const totalChanges = () => (database.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const refusals = () =>
  database.sqlite.prepare("SELECT actor, occurred_at AS occurredAt, entity_type AS entityType, reason, details FROM audit_event WHERE action = 'access.refused' ORDER BY id").all() as {
    actor: string;
    occurredAt: string;
    entityType: string;
    reason: string;
    details: string;
  }[];
const processed = (requestId: string) => database.sqlite.prepare('SELECT count(*) AS n FROM processed_request WHERE request_id = ?').get(requestId) as { n: number };

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
    // monitoring.export is a read recorded as a write (the export is logged).
    expect(reviewerWrites.filter((operation) => operation !== 'monitoring.export' && operation !== 'notifications.markDone')).toEqual([]);
  });

  it.each(cells.filter((cell) => !cell.allowed))('refuses $operation to a $role: FORBIDDEN, audited once, nothing else changed', async ({ operation, role: refused }) => {
    role = refused;
    const before = refusals().length;
    const changes = totalChanges();
    const requestId = `roles-${operation}-${refused}`;
    // Input the contract would refuse too: the role check comes first.
    const result = await api()(operation, { unknownField: 'x' }, { requestId });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Dit mag alleen iemand met de rol .+ doen; u bent aangemeld als /);
    // One row written (the audit row), nothing else: no effect, no processed request.
    expect(totalChanges() - changes).toBe(1);
    expect(processed(requestId).n).toBe(0);
    const rows = refusals();
    expect(rows.length).toBe(before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({ actor: 'rol.test', occurredAt: SMALL_DEMO_NOW.toISOString(), entityType: 'operation', reason: result.error.message });
    expect(JSON.parse(row.details)).toEqual({ operation, roles: [refused], allowed: OPERATION_ROLES[operation] });
  });

  it.each(cells.filter((cell) => cell.allowed))('does not refuse $operation to a $role for its role', async ({ operation, role: allowed }) => {
    role = allowed;
    const before = refusals().length;
    const result = await api()(operation, HEAVY.has(operation) ? null : {}, isWriteOperation(operation) ? { requestId: `allowed-${operation}-${allowed}` } : {});
    if (!result.ok) expect(result.error.code).not.toBe('FORBIDDEN');
    expect(refusals().length).toBe(before);
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
    const none = await createTestApi(database, { actor: 'rol.test', now: SMALL_DEMO_NOW, roles: [] })('district.get', {});
    expect(none.ok ? '' : none.error.message).toContain('u bent aangemeld zonder rol');
    const two = await createTestApi(database, { actor: 'rol.test', now: SMALL_DEMO_NOW, roles: ['reviewer', 'clerk'] })('planner.run', {});
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
    expect(JSON.parse(refusals().at(-1)!.details)).toMatchObject({ operation: 'exports.list', allowed: ['coordinator', 'prosecutor'] });
    const handoffs = await api()('exports.list', { list: 'handoffQueue', filters: {}, format: 'csv' });
    if (!handoffs.ok) expect(handoffs.error.code).not.toBe('FORBIDDEN');
  });

  it('is answered with HTTP 403 by the browser-mode host', async () => {
    const staticRoot = path.join(dir, 'ui');
    fs.mkdirSync(staticRoot, { recursive: true });
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>Ketenplanner</title>');
    const token = 'roles-token-0123456789abcdef';
    const host: RunningHttpHost = await startHttpHost({ handler: createTestApi(database, { actor: 'rol.test', now: SMALL_DEMO_NOW, roles: ['reviewer'] }), token, staticRoot, port: 0 });
    try {
      const response = await fetch(`${host.url}api/planner.run`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await host.close();
    }
  });

  it('on a read-only file is still answered, its audit row skipped with a logged reason', async () => {
    const readOnly = await openDatabase(path.join(dir, 'district.sqlite'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, readonly: true, now: () => SMALL_DEMO_NOW });
    try {
      const log = vi.fn();
      const before = refusals().length;
      const result = await createTestApi(readOnly, { actor: 'rol.test', now: SMALL_DEMO_NOW, roles: ['reviewer'], log })('planner.run', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/access\.refused not audited: the district file is open read-only/));
      expect(refusals().length).toBe(before);
    } finally {
      readOnly.close();
    }
  });
});
