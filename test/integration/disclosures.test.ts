import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { NOT_TRACED_MESSAGE } from '../../server/services/disclosures/disclosure-log';
import { demoNow, openDemoDatabase } from '../support/demo-database';
import { createTestApi } from '../support/test-api';

// The disclosure log on a read-only SQLite file (the rest runs on both engines: test/operations/disclosures).
const DEMO = { seed: 7, casesPerYear: 150, asOf: '2026-06-15' } as const;
const NOW = demoNow(DEMO);

let dir: string;
let database: OpenedDatabase;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-disclosures-'));
  database = await openDemoDatabase(dir, DEMO);
});

afterAll(() => {
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const logRows = () => database.sqlite.prepare('select id from personal_data_read').all();

const loneCase = () =>
  (database.sqlite.prepare('select id, parketnummer from criminal_case where co_defendant_group is null order by id limit 1').get() as { id: number; parketnummer: string });

describe('a read of personal data on a read-only file', () => {
  it('is refused when the trace cannot be written (a read-only file): no data, a Dutch message', async () => {
    const readOnly = await openDatabase(database.sqlite.name, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, readonly: true, now: () => NOW });
    try {
      const c = loneCase();
      const result = await createTestApi(readOnly, { actor: 'x', now: NOW, roles: ['coordinator'] })('cases.get', { id: c.id });
      expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: NOT_TRACED_MESSAGE } });
      // A read that discloses nothing is still answered.
      expect((await createTestApi(readOnly, { actor: 'x', now: NOW, roles: ['coordinator'] })('cases.find', { parketnummer: c.parketnummer })).ok).toBe(true);
    } finally {
      readOnly.close();
    }
    expect(logRows()).toEqual([]);
  });

});
