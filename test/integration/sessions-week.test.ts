import { createTestApi } from '../support/test-api';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

// Loading the demo writes with SQLite statements of its own (server/services/demo/write-demo-district.ts), so
// it stays on SQLite; the week overview and district.create run on both engines in test/operations/sessions-week.test.ts.

describe('demo.load', () => {
  it('loads the demo district into an empty database, every case with an audit event', async () => {
    const database = await openTestDatabase(tempDir());
    const handle = createTestApi(database, { actor: 'x', today: () => '2026-03-01' });
    const result = await handle('demo.load', { seed: 3 });
    expect(result).toMatchObject({ ok: true, value: { districtName: 'Arrondissement IJsselvallei (demo)' } });
    const counts = database.sqlite
      .prepare("select (select count(*) from criminal_case) as cases, (select count(*) from audit_event where action = 'case.created') as audited")
      .get() as { cases: number; audited: number };
    expect(counts.cases).toBeGreaterThan(300);
    expect(counts.audited).toBe(counts.cases);
    database.close();
  });
});
