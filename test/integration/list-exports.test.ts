import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteDistrictDatabase } from '../../server/services/context/district-database';
import { createApiHandler } from '../../server/services/api-handler';
import { operationHandlers } from '../../server/services/operation-handlers';
import { exportList } from '../../server/services/exports/handlers';
import type { OpenedDatabase } from '../../db/open-database';
import { openDemoDatabase, SMALL_DEMO, SMALL_DEMO_NOW } from '../support/demo-database';
import { testClock } from '../support/test-api';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

/*
 * The export limit, with a handler table of the test's own (a limit of 2 rows) on a demo district file.
 * The exports of every list run on both engines: test/operations/list-exports.
 */

let dir: string;
let database: OpenedDatabase;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenplanner-exports-'));
  database = await openDemoDatabase(dir, SMALL_DEMO);
}, 60_000);

afterAll(() => {
  database?.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exports.list on a demo district file', () => {
  it('refuses an export larger than the limit with a Dutch message, never a cut-off file', async () => {
    const limited = createApiHandler(
      { ...operationHandlers, 'exports.list': (input, ctx) => exportList(input, ctx, { maxRows: 2 }) },
      { database: sqliteDistrictDatabase(database.db, database.sqlite), clock: testClock({ now: SMALL_DEMO_NOW }), actor: () => 'griffie.test', roles: () => STANDALONE_ROLES },
    );
    const result = await limited('exports.list', { list: 'workQueue', filters: {}, format: 'xlsx' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Exporteren: de werkvoorraad heeft [\d.]+ regels, meer dan de 2 die één bestand mag bevatten\. Kies strengere filters/);
  });
});
