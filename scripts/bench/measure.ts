import type { OpenedDatabase } from '../../db/open-database';
import { fixedClock } from '../../server/services/context/clock';
import type { OperationContext } from '../../server/services/context/operation-context';
import { sqliteDistrictDatabase } from '../../server/services/context/district-database';
import { runWriteTransaction } from '../../server/services/context/write-transaction';

/** Median wall time of `runs` calls (after one warm-up), in milliseconds. */
export async function medianMs(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function report(title: string, rows: { name: string; productMs: number; baselineMs: number; target?: string }[]): void {
  console.log(`\n${title}`);
  console.log('name'.padEnd(44), 'product ms'.padStart(11), 'baseline ms'.padStart(12), 'ratio'.padStart(8), '  target');
  for (const r of rows) {
    console.log(r.name.padEnd(44), r.productMs.toFixed(1).padStart(11), r.baselineMs.toFixed(1).padStart(12), (r.productMs / r.baselineMs).toFixed(2).padStart(8), `  ${r.target ?? ''}`);
  }
}

/** What a service gets from the api handler, for a bench that calls it directly: a pinned clock, no request id. */
export function benchContext(database: Pick<OpenedDatabase, 'db' | 'sqlite'>, now: Date, actor = 'bench'): OperationContext {
  const { writeApart } = sqliteDistrictDatabase(database.db, database.sqlite);
  const scope = { role: null, policeUnit: null, actor };
  return {
    db: database.db,
    actor,
    clock: fixedClock(now),
    requestId: null,
    write: (work) => runWriteTransaction(database.sqlite, work),
    ...(writeApart ? { writeApart: (work) => writeApart(scope, work) } : {}),
  };
}
