import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openTestDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';

// A refusal on a read-only SQLite file; the operation x role table runs on both engines in
// test/operations/operation-roles.
let dir: string;
let database: OpenedDatabase;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-roles-'));
  database = await openTestDatabase(dir);
});

afterAll(() => {
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const refusals = () => database.sqlite.prepare("SELECT id FROM audit_event WHERE action = 'access.refused' ORDER BY id").all();

describe('a refusal', () => {
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
