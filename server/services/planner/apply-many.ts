import type { AppDatabase } from '../../../db/open-database';
import { ServiceError } from '../service-error';

/** What happened to one record of a bulk action: done, or refused with the reason in Dutch. */
interface ItemOutcome<T> {
  ok: boolean;
  value?: T;
  message?: string;
}

/**
 * Runs `work` for each item of a bulk action inside the one write transaction (ctx.write), each item in
 * its own SAVEPOINT (better-sqlite3 turns a nested transaction into one): an item the rules refuse
 * (a ServiceError: stale version, wrong stage, a legal rule) is rolled back to its savepoint and reported
 * with its reason, and the others go on. An unexpected failure is not an item's refusal: it is rethrown,
 * so the whole bulk action rolls back and nothing half-done remains.
 */
export function applyEach<Item, T>(db: AppDatabase, items: readonly Item[], work: (item: Item) => T): ItemOutcome<T>[] {
  const sqlite = db.$client;
  if (!sqlite.inTransaction) throw new Error('applyEach runs inside ctx.write');
  return items.map((item) => {
    try {
      return { ok: true, value: sqlite.transaction(() => work(item))() };
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, message: error.message };
      throw error;
    }
  });
}

/** The parketnummers of the given cases (a missing case is absent from the map). */
function parketnummersOf(db: AppDatabase, caseIds: readonly number[]): Map<number, string> {
  if (caseIds.length === 0) return new Map();
  const rows = db.$client
    .prepare(`select id, parketnummer from criminal_case where id in (${caseIds.map(() => '?').join(', ')})`)
    .all(...caseIds) as { id: number; parketnummer: string }[];
  return new Map(rows.map((r) => [r.id, r.parketnummer]));
}

/** The bulk answer per case: its parketnummer, ok, and the reason when refused. */
export function caseResults(db: AppDatabase, items: readonly { caseId: number }[], outcomes: readonly ItemOutcome<unknown>[]) {
  const numbers = parketnummersOf(db, items.map((i) => i.caseId));
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
