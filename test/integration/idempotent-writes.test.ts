import { describe, expect, it } from 'vitest';
import { createTestApi } from '../support/test-api';
import { openDemoDatabase, SMALL_DEMO } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/**
 * The SQLite-only parts of idempotent writes (the api-level behaviour runs on both engines in
 * test/operations/idempotent-writes): the file's transaction is closed after a refusal, and the
 * processed-request pruning the standalone app runs on its own file.
 */
const tempDir = useTempDir();
const NOW = '2026-06-15T08:00:00Z';

describe('request ids on the SQLite file', () => {
  it('leaves no transaction open on the file when a write with a request id is refused', async () => {
    const database = await openDemoDatabase(tempDir(), SMALL_DEMO);
    const handle = createTestApi(database, { actor: 'officier.test', now: NOW });
    const refused = await handle('reservations.reserve', { sessionId: 999_999, modality: 'snelrecht_nd', slots: 1 }, { requestId: 'refused-0005-eeee' });
    expect(refused.ok).toBe(false);
    expect(database.sqlite.inTransaction).toBe(false);
  });

  it('answers a resent case import with its first answer, imported or refused, and imports nothing twice (the import writes on a connection of its own)', async () => {
    const database = await openDemoDatabase(tempDir(), SMALL_DEMO);
    const handle = createTestApi(database, { actor: 'officier.test', now: NOW });
    const cases = () => database.sqlite.prepare('select count(*) from criminal_case').pluck().get() as number;
    const { makeImportCsv } = await import('../support/import-fixture');
    const importing = (fixture: { csv: string }, mode: 'all_or_nothing' | 'valid_only', requestId: string) =>
      handle('cases.import', { fileName: 'zaken.csv', contentBase64: Buffer.from(fixture.csv).toString('base64'), mode, dryRun: false }, { requestId });
    const before = cases();

    const refusedFile = makeImportCsv(2_500, 1, 700_000);
    const refused = await importing(refusedFile, 'all_or_nothing', 'import-refused-0001');
    expect(refused).toMatchObject({ ok: true, value: { committed: 0, invalidRows: 1 } });
    expect(await importing(refusedFile, 'all_or_nothing', 'import-refused-0001')).toEqual(refused);

    const validFile = makeImportCsv(2_500, 0, 710_000);
    const imported = await importing(validFile, 'valid_only', 'import-valid-0001');
    expect(imported).toMatchObject({ ok: true, value: { committed: 2_500 } });
    expect(await importing(validFile, 'valid_only', 'import-valid-0001')).toEqual(imported);
    expect(cases()).toBe(before + 2_500);
    expect(database.sqlite.inTransaction).toBe(false);
    // What the UI asked while it waited (cases.importProgress, by the request id): every row read, done.
    expect(await handle('cases.importProgress', { requestId: 'import-valid-0001' })).toEqual({ ok: true, value: { rowsRead: 2_500, finished: true } });
    expect(await handle('cases.importProgress', { requestId: 'import-refused-0001' })).toEqual({ ok: true, value: { rowsRead: 2_500, finished: true } });
    expect(await handle('cases.importProgress', { requestId: 'never-sent-0001' })).toEqual({ ok: true, value: null });
    database.close();
  });

  it('keeps request ids for at least 7 days and forgets older ones', async () => {
    const database = await openDemoDatabase(tempDir(), SMALL_DEMO);
    const { forgetOldRequests } = await import('../../server/services/context/processed-requests');
    const insert = database.sqlite.prepare("insert into processed_request (request_id, operation, input_hash, answer, actor, processed_at) values (?, 'x', 'h', null, 'a', ?)");
    insert.run('old-request-1', '2026-06-07T07:59:00.000Z');
    insert.run('recent-request-1', '2026-06-08T08:01:00.000Z');
    expect(await forgetOldRequests(database.db, new Date(NOW))).toBe(1);
    const left = database.sqlite.prepare('select request_id from processed_request').all() as { request_id: string }[];
    expect(left.map((r) => r.request_id)).toEqual(['recent-request-1']);
  });
});
