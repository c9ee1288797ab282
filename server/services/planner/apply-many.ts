import type { AppDatabase } from '../../../db/open-database';
import { ServiceError } from '../service-error';
import { inTransaction, isPostgresClient, sqlRows } from '../context/query-results';

/** What happened to one record of a bulk action: done, or refused with the reason in Dutch. */
interface ItemOutcome<T> {
  ok: boolean;
  value?: T;
  message?: string;
}

/**
 * Runs `work` for each item of a bulk action inside the one write transaction (ctx.write), each item in
 * its own SAVEPOINT (inTransaction): an item the rules refuse
 * (a ServiceError: stale version, wrong stage, a legal rule) is rolled back to its savepoint and reported
 * with its reason, and the others go on. An unexpected failure is not an item's refusal: it is rethrown,
 * so the whole bulk action rolls back and nothing half-done remains.
 */
export async function applyEach<Item, T>(db: AppDatabase, items: readonly Item[], work: (item: Item) => Promise<T>): Promise<ItemOutcome<T>[]> {
  // On PostgreSQL every operation is one transaction already (server/pg/postgres-district-database.ts).
  const client: unknown = db.$client;
  if (!isPostgresClient(client) && !db.$client.inTransaction) throw new Error('applyEach runs inside ctx.write');
  const outcomes: ItemOutcome<T>[] = [];
  for (const item of items) {
    try {
      outcomes.push({ ok: true, value: await inTransaction(db, () => work(item)) });
    } catch (error) {
      if (error instanceof ServiceError) outcomes.push({ ok: false, message: error.message });
      else throw error;
    }
  }
  return outcomes;
}

/** The parketnummers of the given cases (a missing case is absent from the map). */
async function parketnummersOf(db: AppDatabase, caseIds: readonly number[]): Promise<Map<number, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await sqlRows(db.$client, `select id, parketnummer from criminal_case where id in (${caseIds.map(() => '?').join(', ')})`, [...caseIds]) as { id: number; parketnummer: string }[];
  return new Map(rows.map((r) => [r.id, r.parketnummer]));
}

/** The bulk answer per case: its parketnummer, ok, and the reason when refused. */
export async function caseResults(db: AppDatabase, items: readonly { caseId: number }[], outcomes: readonly ItemOutcome<unknown>[]) {
  const numbers = await parketnummersOf(db, items.map((i) => i.caseId));
  return {
    results: items.map((item, i) => {
      const outcome = outcomes[i]!;
      return {
        caseId: item.caseId,
        parketnummer: numbers.get(item.caseId) ?? null,
        ok: outcome.ok,
        ...(outcome.message !== undefined ? { message: outcome.message } : {}),
      };
    }),
  };
}
