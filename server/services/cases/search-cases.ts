import type { AppDatabase } from '../../../db/open-database';
import { SEARCH_MAX_RESULTS, searchWords, type CaseSearchOutput, type CaseSearchResult } from '../../../shared/api/case-search-schemas';
import type { CaseStatus } from '../../../shared/domain/case-status';
import { isDetainedModality, type Modality } from '../../../shared/domain/modality';
import { FINISHED_STATUSES } from '../../../shared/retention/retention';
import { isPostgresClient, sqlRows } from '../context/query-results';

/**
 * How many of the newest matches each tier lists. The index is walked newest case first and stops
 * there, so a word that matches half the district ('Hanzestad') costs no more than a rare one.
 */
const CANDIDATES = 4 * SEARCH_MAX_RESULTS;
/** With short narrowing words: how many of the newest index matches they are tested against. */
const NARROWED_SCAN = 2000;

interface Row {
  id: number;
  parketnummer: string;
  suspectName: string;
  dateOfBirth: string;
  modality: Modality;
  status: CaseStatus;
  policeUnit: string;
  offenceSummary: string;
  nextLimit: string | null;
  nextLimitKind: 'voorgeleiding' | 'hearing' | 'target' | 'none';
}

const COLUMNS = `c.id, c.parketnummer, s.full_name as "suspectName", s.date_of_birth as "dateOfBirth", c.modality, c.status,
  c.police_unit as "policeUnit", c.offence_summary as "offenceSummary", c.next_limit as "nextLimit", c.next_limit_kind as "nextLimitKind"`;

/**
 * A word as an FTS5 string: between double quotes, a quote inside doubled. Inside a string nothing is
 * syntax (AND, OR, NOT, NEAR, *, ^, :, parentheses, column filters), so any text the user types is
 * searched for as it is and never gives an FTS5 syntax error.
 */
export const ftsString = (word: string) => `"${word.replaceAll('"', '""')}"`;

const finished = new Set<CaseStatus>(FINISHED_STATUSES);
/**
 * Until the hearing the custody limits bind a detained suspect (art. 59a, 58 and 64 Sv); once heard,
 * the court decides on custody and the stored limit no longer binds planning.
 */
const BEFORE_HEARING = new Set<CaseStatus>(['intake', 'zsm_decided', 'awaiting_planning', 'planned']);

/**
 * Cases by any part of the suspect's name, the parketnummer, the police unit or the offence (FTS5
 * trigram indexes `case_search` and `case_search_name`, migration 0018). Every word of 3 characters
 * or more must occur in the case (anywhere, in any column); shorter words ('de', 'A.') narrow what the
 * index found by a plain substring test. A query without any such word is not searched (`tooShort`:
 * the box says to type at least 3 characters): 1 or 2 characters match a large part of the district
 * and no index serves them.
 *
 * Order, most likely meant first: the case whose parketnummer is exactly the query; then cases where
 * every word occurs in the parketnummer or the suspect's name; then cases where a word occurs only in
 * the police unit or the offence. Within each: cases whose hard limit binds, then the other open
 * cases, then finished ones, each newest first, from the newest CANDIDATES matches of that tier (a
 * longer query narrows a broad one); short words are tested against the newest NARROWED_SCAN matches.
 */
export async function searchCases(db: AppDatabase, input: { query: string; limit: number }): Promise<CaseSearchOutput> {
  const query = input.query.trim();
  const { indexed, narrowing } = searchWords(query);
  if (indexed.length === 0) return { query, tooShort: true, more: false, results: [] };
  const sqlite = db.$client;
  const postgres = isPostgresClient(sqlite);
  // SQLite: an FTS5 expression; PostgreSQL: the long words for case_search_match (migration 0003), which
  // splits them again. The short words narrow here on both, after the newest index matches are taken.
  const expression = postgres ? indexed.join(' ') : indexed.map(ftsString).join(' ');
  // SQLite's lower() folds ASCII only; the short words are a narrowing, not the search.
  const narrow = narrowing.map(() => `and ${postgres ? 'strpos' : 'instr'}(lower(c.parketnummer || ' ' || s.full_name || ' ' || c.police_unit || ' ' || c.offence_summary), ?) > 0`).join(' ');
  const narrowParams = narrowing.map((w) => w.toLowerCase());
  // The index's matches, newest case first: the FTS5 table's rowid is the case id; case_search_match
  // gives every match with whether it is one by parketnummer or name (the first tier).
  const hits = (index: 'case_search' | 'case_search_name') =>
    postgres
      ? `select m.case_id as id from case_search_match(?) m ${index === 'case_search_name' ? 'where m.by_name' : ''} order by m.case_id desc limit ?`
      : `select rowid as id from ${index} where ${index} match ? order by rowid desc limit ?`;
  const tier = async (index: 'case_search' | 'case_search_name') =>
    await sqlRows(sqlite, `with hits as (${hits(index)})
         select ${COLUMNS} from hits join criminal_case c on c.id = hits.id join suspect s on s.id = c.suspect_id
         where true ${narrow} order by hits.id desc limit ?`, [expression, narrowing.length > 0 ? NARROWED_SCAN : CANDIDATES, ...narrowParams, CANDIDATES]) as Row[];

  // No parketnummer holds a NUL character (and PostgreSQL refuses one in a text parameter).
  const exact = query.includes('\u0000') ? [] : await sqlRows(sqlite, `select ${COLUMNS} from criminal_case c join suspect s on s.id = c.suspect_id where c.parketnummer = ?`, [query]) as Row[];
  const primary = await tier('case_search_name');
  const ordered = new Map<number, Row>();
  // Within a tier: cases whose hard limit binds (a detained suspect's stays in view), other open cases, finished ones.
  const group = (r: Row) => (bindsHardLimit(r) ? 0 : finished.has(r.status) ? 2 : 1);
  const add = (rows: readonly Row[]) => {
    for (const g of [0, 1, 2]) for (const row of rows) if (group(row) === g && !ordered.has(row.id)) ordered.set(row.id, row);
  };
  for (const row of exact) ordered.set(row.id, row);
  add(primary);
  // The other columns only when the name and parketnummer leave room (and to know whether there are more).
  if (ordered.size <= input.limit) add(await tier('case_search'));
  const rows = [...ordered.values()];
  // CANDIDATES is above the largest limit, so a tier that reached it always makes `more` true.
  return { query, tooShort: false, more: rows.length > input.limit, results: rows.slice(0, input.limit).map(toResult) };
}

const bindsHardLimit = (r: Row) => BEFORE_HEARING.has(r.status) && r.nextLimit !== null && (r.nextLimitKind === 'voorgeleiding' || r.nextLimitKind === 'hearing');

function toResult(r: Row): CaseSearchResult {
  const waiting = BEFORE_HEARING.has(r.status);
  const hard = bindsHardLimit(r);
  return {
    id: r.id,
    parketnummer: r.parketnummer,
    suspectName: r.suspectName,
    dateOfBirth: r.dateOfBirth,
    modality: r.modality,
    status: r.status,
    detained: waiting && isDetainedModality(r.modality),
    policeUnit: r.policeUnit,
    offenceSummary: r.offenceSummary,
    hardLimit: hard ? { at: r.nextLimit!, kind: r.nextLimitKind as 'voorgeleiding' | 'hearing' } : null,
  };
}
