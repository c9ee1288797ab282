import { SEARCH_FOLDS } from '../../../shared/api/case-search-schemas';
import type { AppDatabase } from '../../../db/open-database';
import { sqlRow } from '../context/query-results';

/** The suspect's name as the search indexes hold it (the folds of SEARCH_FOLDS, as migration 0018 does). */
const foldedName = (column: string) => SEARCH_FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, column);

/** The per-case search trigger of migration 0018. */
const INSERT_TRIGGER = 'case_search_ai';
/** FTS5's default for its 'automerge' option (https://sqlite.org/fts5.html#the_automerge_configuration_option). */
const DEFAULT_AUTOMERGE = 4;

/**
 * For a bulk import, inside its write transaction: the per-case search trigger is dropped; `indexNew()`
 * indexes the cases added since the last call (or since the start) in one statement per index, and
 * `finish()` does so for the rest and creates the trigger again from the text it had, before the same
 * transaction commits. A failure anywhere rolls back the cases, the index and the trigger together, so
 * no other connection ever sees the trigger missing. Dropping it, rather than having its WHEN clause
 * skip it (case_search_deferred), saves the trigger's run per row: 100,000 rows, 0.3 s of 1.9 s of
 * inserts. FTS5's automerge is off meanwhile (about a fifth less time; the segments are merged by later
 * writes) and set back by `finish()`.
 */
export async function deferSearchIndexing(db: AppDatabase): Promise<{ indexNew: () => void; finish: () => Promise<void> }> {
  const sqlite = db.$client;
  let { lastId } = (await sqlRow(sqlite, 'select coalesce(max(id), 0) as "lastId" from criminal_case')) as { lastId: number };
  const trigger = sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").pluck().get(INSERT_TRIGGER) as string | undefined;
  if (trigger) sqlite.exec(`drop trigger ${INSERT_TRIGGER}`);
  const indexes = ['case_search', 'case_search_name'] as const;
  const automerge = (index: (typeof indexes)[number]) =>
    (sqlite.prepare(`select v from ${index}_config where k = 'automerge'`).pluck().get() as number | undefined) ?? DEFAULT_AUTOMERGE;
  const before = indexes.map(automerge);
  // FTS5 takes the value only as an integer literal (a bound number arrives as a real).
  const setAutomerge = (index: string, value: number) => sqlite.exec(`insert into ${index} (${index}, rank) values ('automerge', ${Math.trunc(value)})`);
  for (const index of indexes) setAutomerge(index, 0);
  const from = 'from criminal_case c join suspect s on s.id = c.suspect_id where c.id > ?';
  const statements = [
    sqlite.prepare(`insert into case_search (rowid, parketnummer, suspect_name, police_unit, offence) select c.id, c.parketnummer, ${foldedName('s.full_name')}, c.police_unit, c.offence_summary ${from}`),
    sqlite.prepare(`insert into case_search_name (rowid, parketnummer, suspect_name) select c.id, c.parketnummer, ${foldedName('s.full_name')} ${from}`),
  ];
  const newest = sqlite.prepare('select coalesce(max(id), 0) from criminal_case').pluck();
  const indexNew = () => {
    for (const statement of statements) statement.run(lastId);
    lastId = newest.get() as number;
  };
  return {
    indexNew,
    async finish() {
      indexNew();
      indexes.forEach((index, i) => setAutomerge(index, before[i]!));
      if (trigger) sqlite.exec(trigger);
    },
  };
}
