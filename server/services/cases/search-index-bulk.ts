import { SEARCH_FOLDS } from '../../../shared/api/case-search-schemas';
import type { AppDatabase } from '../../../db/open-database';
import { sqlRow, sqlRun } from '../context/query-results';

/** The suspect's name as the search indexes hold it (the folds of SEARCH_FOLDS, as migration 0018 does). */
const foldedName = (column: string) => SEARCH_FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, column);

/**
 * For a bulk import, inside its write transaction: the per-case search trigger stands aside (migration
 * 0018, case_search_deferred) and `finish()` indexes every case added since in one statement per index,
 * before the same transaction commits. A failure anywhere rolls back the cases and the index together.
 */
export async function deferSearchIndexing(db: AppDatabase): Promise<{ finish: () => void }> {
  const sqlite = db.$client;
  const { lastId } = await sqlRow(sqlite, 'select coalesce(max(id), 0) as lastId from criminal_case') as { lastId: number };
  await sqlRun(sqlite, 'insert into case_search_deferred (after_case_id) values (?)', [lastId]);
  return {
    async finish() {
      const from = 'from criminal_case c join suspect s on s.id = c.suspect_id where c.id > ?';
      await sqlRun(sqlite, `insert into case_search (rowid, parketnummer, suspect_name, police_unit, offence) select c.id, c.parketnummer, ${foldedName('s.full_name')}, c.police_unit, c.offence_summary ${from}`, [lastId]);
      await sqlRun(sqlite, `insert into case_search_name (rowid, parketnummer, suspect_name) select c.id, c.parketnummer, ${foldedName('s.full_name')} ${from}`, [lastId]);
      await sqlRun(sqlite, 'delete from case_search_deferred');
    },
  };
}
