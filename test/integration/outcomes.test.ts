import { describe, expect, it } from 'vitest';
import { pendingPenaltyOrders } from '../../server/services/zsm/record-zsm-decision';
import { openDemoDatabase } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

/**
 * pendingPenaltyOrders has no operation of its own (the OM's to-do list before a hand-off), so it is
 * called directly, on the SQLite file. Recording hearing outcomes and decisions through the api, on both
 * engines: test/operations/outcomes.test.ts.
 */
const tempDir = useTempDir();
const TODAY = '2026-06-15';
const NO_SIGNALS = { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null };

describe('the penalty orders still to record', () => {
  it('lists a ZSM strafbeschikking until its decision is recorded', async () => {
    const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: TODAY });
    try {
      const call = createTestApi(database, { actor: 'officier.test', today: () => TODAY, now: () => new Date('2026-06-15T14:00:00+02:00') });
      const pending = await pendingPenaltyOrders(database.db);
      expect(pending.length).toBeGreaterThan(0);
      expect(pending).toEqual([...pending].sort((a, b) => a - b));
      const caseId = pending.at(-1)!;
      const zsm = database.sqlite.prepare('select decided_at as decidedAt from zsm_decision where case_id = ? order by id desc limit 1').get(caseId) as { decidedAt: string };
      const deliveredAt = new Date(Date.parse(zsm.decidedAt) + 3_600_000).toISOString();
      const fine = { kind: 'fine', amountCents: 25_000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: null, description: null };
      const recorded = await call('decisions.recordPenaltyOrder', { caseId, decidedBy: 'mr. O. van Justitie', deliveredAt, sanctions: [fine], conditions: null, signals: NO_SIGNALS });
      expect(recorded.ok).toBe(true);
      expect(await pendingPenaltyOrders(database.db)).toEqual(pending.slice(0, -1));
    } finally {
      database.close();
    }
  });
});
