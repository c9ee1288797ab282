import { afterEach, describe, expect, it } from 'vitest';
import type { CjibBatchFiles, HandoffQueue } from '../../shared/cjib/handoff-schemas';
import type { DemoOptions } from '../../server/services/demo/generate-demo-district';
import { demoNow } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** The small district with its history after the hearing, as `ketenplanner demo --cases 700` writes it. */
const DEMO: DemoOptions = { seed: 7, casesPerYear: 700, asOf: '2026-06-15', chain: true };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

/**
 * The demo's CJIB side as a clerk meets it, through the api handler on both engines (the operation suite
 * of issue 13): batches with their ids, attempts and answers, and a few decisions ready. That the same seed
 * gives the same file stays in test/integration/demo-cjib.test.ts.
 */
describe('the demo district on the CJIB side', () => {
  it('puts every sent hand-off in a real batch (id, attempt, answers), resends one byte for byte, and leaves a few decisions ready to export', async () => {
    const d = (district = await openTestDistrict(tempDir(), DEMO));
    const rows = <T>(sql: string, params: readonly unknown[] = []) => d.rows<T>(sql, params);
    const call = d.api({ actor: 'oms.test', now: demoNow(DEMO) });
    const value = async <T>(operation: string, input: unknown) => {
      const result = await call(operation, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as T;
    };

    // Every hand-off that was ever sent names its last batch, and has one batch item per attempt.
    expect((await rows<{ n: number }>('select count(*) as "n" from cjib_handoff where attempt > 0 and last_batch_id is null'))[0]!.n).toBe(0);
    expect(
      (
        await rows<{ n: number }>(
          'select count(*) as "n" from cjib_handoff h where h.attempt <> (select count(*) from cjib_batch_item i where i.handoff_id = h.id) or h.attempt <> (select max(i.attempt) from cjib_batch_item i where i.handoff_id = h.id)',
        )
      )[0]!.n,
    ).toBe(0);
    // Batches hold what their items say, were made by the demo's OM, and each has its audit row.
    const batches = await rows<{ id: number; count: number; items: number; checksum: string }>(
      'select b.id, b.decision_count as "count", (select count(*) from cjib_batch_item i where i.batch_id = b.id) as "items", b.checksum from cjib_batch b',
    );
    expect(batches.length).toBeGreaterThan(100);
    expect(batches.every((b) => b.count === b.items && b.count > 0 && /^[0-9a-f]{64}$/.test(b.checksum))).toBe(true);
    expect((await rows<{ n: number }>("select count(*) as \"n\" from audit_event where action = 'cjib.batch_created'"))[0]!.n).toBe(batches.length);
    // An acknowledgement answers the attempt that was sent last.
    expect((await rows<{ n: number }>("select count(*) as \"n\" from cjib_message m join cjib_handoff h on h.id = m.handoff_id where m.kind = 'ack' and m.attempt <> h.attempt"))[0]!.n).toBe(0);

    const queue = await value<HandoffQueue>('cjib.queue', {});
    const sent = queue.items.filter((i) => i.group === 'sent');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((i) => i.lastBatchUid !== null && /^[0-9a-f-]{36}$/.test(i.lastBatchUid))).toBe(true);
    const ready = queue.counts['ready']!;
    expect(ready).toBeGreaterThan(0);
    expect(ready).toBeLessThan(30);

    // An old batch again: the same bytes as when it was made (the checksum holds).
    const newest = sent[0]!.lastBatchUid!;
    const again = await value<CjibBatchFiles>('cjib.resend', { batchUid: newest });
    expect(again.checksum).toBe((await rows<{ checksum: string }>('select checksum from cjib_batch where batch_uid = ?', [newest]))[0]!.checksum);

    // The clerk can try the export on the demo: the ready ones go out in a new batch.
    const files = await value<CjibBatchFiles>('cjib.export', {});
    expect(files.decisionCount).toBe(ready);
  });
});
