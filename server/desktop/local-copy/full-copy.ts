import type Database from 'better-sqlite3';
import { MAX_COPY_PAGE, type CopyPageInput, type CopyPageOutput, type SyncedTable } from '../../../shared/api/sync-schemas';
import { insertPage, rebuildSearchIndex, withApplyTransaction } from './apply-rows';
import { restoreSuspendedIndexes, restoreSuspendedTriggers, setApplying, suspendDistrictTriggers, suspendIndexes } from './local-schema';
import { LocalCopyError, quoteName, SYNCED_TABLE_LIST, syncedTable } from './synced-tables';

export type FetchPage = (input: CopyPageInput) => Promise<CopyPageOutput>;
export type CopyProgress = (progress: { table: string; rows: number }) => void;

export interface CopyTuning {
  /** Most rows per sync.copyPage (the server allows 1..MAX_COPY_PAGE); wide tables get fewer (copyPageSize). */
  pageSize: number;
  /** Tables fetched at the same time (each also asks for its next page while the current one is written). */
  concurrency: number;
}

/** Values (rows x columns) per page: a narrow table's page holds more rows, every page about the same JSON. */
const CELLS_PER_PAGE = 250_000;

/** The rows per page of this table: the tuning's, fewer for a wide table (a page stays a few megabytes). */
function copyPageSize(table: SyncedTable, pageSize: number): number {
  return Math.max(1, Math.min(pageSize, MAX_COPY_PAGE, Math.floor(CELLS_PER_PAGE / syncedTable(table).columns.length)));
}

/**
 * Prepares a file for a full copy: every synced table and the search index emptied, the district's
 * triggers and the tables' indexes suspended (remembered in local_suspended_object) and the dirty triggers skipping, in one
 * transaction. Pages are then inserted as they come; `finishCopy` puts everything back.
 */
async function startCopy(target: Database.Database): Promise<void> {
  await withApplyTransaction(target, () => {
    // Left suspended by a cut-off copy: put back first, so each is remembered once.
    restoreSuspendedTriggers(target);
    suspendDistrictTriggers(target);
    setApplying(target, true);
    for (const table of [...SYNCED_TABLE_LIST].reverse()) target.exec(`delete from ${quoteName(table.name)}`);
    suspendIndexes(target);
    target.exec(`insert into case_search (case_search) values ('delete-all')`);
    target.exec(`insert into case_search_name (case_search_name) values ('delete-all')`);
  });
}

/** Copies every synced table page by page into `target`; returns the cursor of the copy (taken by the server at its first page). */
export async function copyTables(target: Database.Database, fetchPage: FetchPage, tuning: CopyTuning, onProgress?: CopyProgress): Promise<string> {
  await startCopy(target);
  const tables = SYNCED_TABLE_LIST.map((t) => t.name);
  const first = await fetchPage({ table: tables[0]!, afterKey: null, limit: copyPageSize(tables[0]!, tuning.pageSize), cursor: null });
  const cursor = first.cursor;

  const copyTable = async (table: SyncedTable, firstPage: CopyPageOutput | null): Promise<void> => {
    const limit = copyPageSize(table, tuning.pageSize);
    const fetch = (afterKey: string | null) => fetchPage({ table, afterKey, limit, cursor });
    let page = firstPage ?? (await fetch(null));
    let rows = 0;
    for (;;) {
      if (page.cursor !== cursor) throw new LocalCopyError('De districtsserver begon tijdens het kopiëren een andere kopie (de cursor veranderde); de kopie wordt opnieuw gemaakt.');
      // The next page travels while this one is written.
      const next = page.lastKey === null ? null : fetch(page.lastKey);
      next?.catch(() => undefined);
      const current = page;
      await withApplyTransaction(target, () => insertPage(target, table, current.columns, current.rows));
      rows += current.rows.length;
      onProgress?.({ table, rows });
      if (!next) {
        await withApplyTransaction(target, () => restoreSuspendedIndexes(target, table));
        return;
      }
      page = await next;
    }
  };

  const queue = tables.slice(1);
  const worker = async () => {
    for (let table = queue.shift(); table !== undefined; table = queue.shift()) await copyTable(table, null);
  };
  await Promise.all([copyTable(tables[0]!, first).then(worker), ...Array.from({ length: Math.max(0, tuning.concurrency - 1) }, worker)]);
  return cursor;
}

/** The end of a full copy, in one transaction: the search index built, the triggers back, the cursor kept, nothing dirty. */
export async function finishCopy(target: Database.Database, cursor: string, copiedAt: string): Promise<void> {
  await withApplyTransaction(target, () => {
    rebuildSearchIndex(target);
    setApplying(target, false);
    restoreSuspendedTriggers(target);
    target.prepare('delete from local_dirty').run();
    target.prepare('update sync_state set cursor = ?, copied_at = ?').run(cursor, copiedAt);
  });
}

/**
 * Puts a completed copy (a file of its own, made while the old copy stayed usable) into the live copy, in
 * one transaction on the live file: every synced table replaced, the search index rebuilt, the dirty set
 * cleared, the new cursor kept. The live file stays the same file, so its local-only tables (the outbox,
 * the conflict inbox, the request ids of offline writes) and every other connection to it stay as they are.
 */
export async function transferCopy(live: Database.Database, sourcePath: string): Promise<void> {
  while (live.inTransaction) await new Promise((resolve) => setTimeout(resolve, 5));
  live.prepare('attach database ? as copy_source').run(sourcePath);
  try {
    await withApplyTransaction(live, () => {
      const state = live.prepare('select cursor, copied_at as copiedAt from copy_source.sync_state').get() as { cursor: string | null; copiedAt: string | null };
      if (state.cursor === null) throw new LocalCopyError('De nieuwe kopie is niet compleet; de vorige kopie blijft in gebruik.');
      suspendDistrictTriggers(live);
      setApplying(live, true);
      for (const table of [...SYNCED_TABLE_LIST].reverse()) live.exec(`delete from main.${quoteName(table.name)}`);
      for (const table of SYNCED_TABLE_LIST) {
        const names = table.columns.map((c) => quoteName(c.name)).join(', ');
        live.exec(`insert into main.${quoteName(table.name)} (${names}) select ${names} from copy_source.${quoteName(table.name)}`);
      }
      rebuildSearchIndex(live);
      setApplying(live, false);
      restoreSuspendedTriggers(live);
      live.prepare('delete from local_dirty').run();
      live.prepare('update sync_state set cursor = ?, copied_at = ?').run(state.cursor, state.copiedAt);
    });
  } finally {
    live.exec('detach database copy_source');
  }
}
