import { describe, expect, it } from 'vitest';
import { ARRIVALS_SQL } from '../../server/services/planner/forecast-reserve-input';
import { TOWER_SQL } from '../../server/services/planner/traffic-tower';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/** SQLite's query plans of the verkeerstoren; what it shows runs on both engines in test/operations/traffic-tower.test.ts. */
const tempDir = useTempDir();

describe('the verkeerstoren on a real district file', () => {
  it('reads every table through an index (EXPLAIN QUERY PLAN), never a full scan', async () => {
    const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
    const plans = Object.fromEntries(
      [...Object.entries(TOWER_SQL), ['arrivals', ARRIVALS_SQL] as const].map(([name, sql]) => {
        const parameters = Array((sql.match(/\?/g) ?? []).length).fill('2026-06-15');
        return [name, (database.sqlite.prepare(`explain query plan ${sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail)];
      }),
    );
    for (const [name, details] of Object.entries(plans)) {
      const reads = details.filter((d) => /^(SCAN|SEARCH) /.test(d));
      expect(reads.length, name).toBeGreaterThan(0);
      for (const read of reads) expect(read, name).toMatch(/^SEARCH \w+ USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY)/);
    }
    expect(plans.sessions!.join()).toContain('court_session_date_idx');
    expect(plans.bookedByModality!.join()).toContain('hearing_session_status_idx');
    expect(plans.reservations!.join()).toContain('reservation_session_idx');
    expect(plans.queue!.join()).toMatch(/criminal_case_\w+_idx \(status=\?\)/);
    expect(plans.arrivals!.join()).toContain('criminal_case_modality_idx');
    database.close();
  });

});
