import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestPerson } from '../../server/services/api-handler';
import { NO_CONFLICTS_HERE } from '../../server/services/sync/resolve-conflict';
import { openEmptyTestDistrict, TEST_ENGINE, type TestDistrict } from '../support/test-district';

// sync.resolveConflict (issue 14, docs/offline.md): a desktop's decision on a write the server refused is
// audited on the district server; the standalone file has no conflicts and says so.
const NOW = '2026-06-15T15:00:00.000Z';
const CLERK: RequestPerson = { actor: 'Greet Smit (Rechtbank Noord-Holland)', roles: ['clerk'], policeUnit: null };
const DECISION = { requestId: 'offline-clerk-0001', operation: 'outcomes.record', choice: 'drop', summary: 'Uitkomst vastleggen: zaak 13/123456-26' } as const;

let dir: string;
let district: TestDistrict;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-resolve-conflict-'));
  district = await openEmptyTestDistrict(dir);
});

afterAll(async () => {
  await district.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const api = () => district.api({ actor: CLERK.actor, roles: CLERK.roles, now: NOW });

describe('sync.resolveConflict', () => {
  it.runIf(TEST_ENGINE === 'postgresql')('records the choice, the operation, the refused request id and the summary as an audit event, once per request id', async () => {
    const answer = await api()('sync.resolveConflict', DECISION, { requestId: 'resolve-0001-aaaa', person: CLERK });
    expect(answer).toEqual({ ok: true, value: { recorded: true } });
    await expect(api()('sync.resolveConflict', DECISION, { requestId: 'resolve-0001-aaaa', person: CLERK })).resolves.toEqual(answer);
    const events = await district.rows<{ actor: string; reason: string; details: string; occurredAt: string }>(
      `select actor, reason, details, occurred_at as "occurredAt" from audit_event where action = 'sync.conflict_resolved'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: CLERK.actor, reason: 'Geweigerde handeling laten vallen: Uitkomst vastleggen: zaak 13/123456-26', occurredAt: NOW });
    expect(JSON.parse(events[0]!.details)).toEqual({ choice: 'drop', operation: 'outcomes.record', requestId: 'offline-clerk-0001', summary: DECISION.summary });
  });

  it.runIf(TEST_ENGINE === 'sqlite')('is refused in Dutch on the standalone file', async () => {
    await expect(api()('sync.resolveConflict', DECISION, { requestId: 'resolve-0002-bbbb', person: CLERK })).resolves.toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: NO_CONFLICTS_HERE },
    });
  });

  it('refuses an unknown choice before anything runs', async () => {
    const answer = await api()('sync.resolveConflict', { ...DECISION, choice: 'merge' }, { requestId: 'resolve-0003-cccc', person: CLERK });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
