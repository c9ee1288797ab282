import type { AppDatabase } from '../../../db/open-database';
import { expectVersion } from '../context/versions';
import { applyEach, caseResults } from '../planner/apply-many';
import { recordZsmDecision, type ZsmDecisionInput } from './record-zsm-decision';

interface ZsmDecideMany extends Omit<ZsmDecisionInput, 'caseId'> {
  items: readonly { caseId: number; expectedVersion: number }[];
}

/**
 * One ZSM decision recorded for many cases (zsm.decideMany): each case goes through exactly the single
 * operation's checks and writes (expectVersion, recordZsmDecision: its own audit rows), in its own
 * savepoint, so a stale or refused case is reported and the others are recorded. Call inside ctx.write.
 */
export async function decideMany(db: AppDatabase, input: ZsmDecideMany, actor: string, now: Date) {
  const { items, ...decision } = input;
  const outcomes = await applyEach(db, items, async (item) => {
    await expectVersion(db, 'case', item.caseId, item.expectedVersion);
    await recordZsmDecision(db, { ...decision, caseId: item.caseId }, actor, now);
  });
  return await caseResults(db, items, outcomes);
}
