import { describe, expect, it } from 'vitest';
import type { DemoOptions } from '../../server/services/demo/generate-demo-district';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** The small district with its history after the hearing, as `ketenplanner demo --cases 700` writes it. */
const DEMO: DemoOptions = { seed: 7, casesPerYear: 700, asOf: '2026-06-15', chain: true };

/**
 * The demo generator writes the same CJIB history for the same seed (a property of the generated file;
 * the operation test on PostgreSQL copies one generated file). The CJIB side through the api, on both
 * engines: test/operations/demo-cjib.test.ts.
 */
describe('the demo district on the CJIB side', () => {
  it('is the same district for the same seed and as-of date, batches included', async () => {
    const read = async () => {
      const database = await openDemoDatabase(tempDir(), DEMO);
      const result = database.sqlite.prepare('select batch_uid, created_at, decision_count, checksum from cjib_batch order by id').all();
      database.close();
      return result;
    };
    expect(await read()).toEqual(await read());
  });
});
