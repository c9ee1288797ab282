import { asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { checkCompleteness, type CompletenessResult } from '../../../shared/cjib/completeness';
import type { SanctionFacts } from '../../../shared/cjib/sanction-rules';
import type { DeadlineResult } from '../../../shared/deadlines/result';
import type { AppDatabase } from '../../../db/open-database';
import { cjibBatches, cjibHandoffs, criminalCases, decisions, sanctions, suspects } from '../../../db/schema';
import { deadlinesOf } from '../cases/derived-columns';
import type { DeadlineContext } from '../settings/district-settings';

type Reader = Pick<AppDatabase, 'select'>;

/** Everything about one hand-off that the queue, the completeness check and the batch read. */
export interface HandoffFacts {
  handoff: typeof cjibHandoffs.$inferSelect;
  decision: typeof decisions.$inferSelect;
  caseRow: typeof criminalCases.$inferSelect;
  suspect: typeof suspects.$inferSelect;
  sanctions: SanctionFacts[];
  lastBatchUid: string | null;
}

export type HandoffFilter = { handoffIds: readonly number[] } | { notAcknowledged: true };

export async function loadHandoffFacts(db: Reader, filter: HandoffFilter): Promise<HandoffFacts[]> {
  const where: SQL | undefined =
    'handoffIds' in filter ? inArray(cjibHandoffs.id, [...filter.handoffIds]) : ne(cjibHandoffs.status, 'acknowledged');
  const rows = (await db
    .select({ handoff: cjibHandoffs, decision: decisions, caseRow: criminalCases, suspect: suspects, lastBatchUid: cjibBatches.batchUid })
    .from(cjibHandoffs)
    .innerJoin(decisions, eq(decisions.id, cjibHandoffs.decisionId))
    .innerJoin(criminalCases, eq(criminalCases.id, decisions.caseId))
    .innerJoin(suspects, eq(suspects.id, criminalCases.suspectId))
    .leftJoin(cjibBatches, eq(cjibBatches.id, cjibHandoffs.lastBatchId))
    .where(where)
    .orderBy(asc(cjibHandoffs.id)));
  const decisionIds = rows.map((r) => r.decision.id);
  const byDecision = new Map<number, SanctionFacts[]>();
  // SQLite allows a limited number of bound parameters: read the sanctions in chunks.
  for (let i = 0; i < decisionIds.length; i += 500) {
    const chunk = decisionIds.slice(i, i + 500);
    for (const { decisionId, ...sanction } of (await db.select().from(sanctions).where(inArray(sanctions.decisionId, chunk)).orderBy(asc(sanctions.id)))) {
      const list = byDecision.get(decisionId) ?? [];
      list.push(sanction);
      byDecision.set(decisionId, list);
    }
  }
  return rows.map((r) => ({ ...r, sanctions: byDecision.get(r.decision.id) ?? [] }));
}

/**
 * The deadline engine's view of the decision's case. A politierechter's judgment is given at the
 * hearing, so when the case does not carry the judgment time yet, the decision's moment stands in.
 */
export function handoffDeadlines(facts: HandoffFacts, context: DeadlineContext): DeadlineResult {
  const { caseRow, decision } = facts;
  const judgmentAt = caseRow.judgmentAt ?? (decision.kind === 'judgment' ? decision.decidedAt : null);
  return deadlinesOf({ ...caseRow, judgmentAt }, context);
}

export function evaluateHandoff(facts: HandoffFacts, deadlines: DeadlineResult, now: number): CompletenessResult {
  return checkCompleteness({
    parketnummer: facts.caseRow.parketnummer,
    caseStatus: facts.caseRow.status,
    decision: facts.decision,
    sanctions: facts.sanctions,
    suspect: facts.suspect,
    deadlines,
    now,
  });
}
