import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { searchCases } from '../../server/services/cases/search-cases';
import { startPostgres, type PostgresServer } from '../support/postgres-server';

/**
 * The hand-written parts of the SQLite migrations and their PostgreSQL twins (issue 13, item 1;
 * db/pg-migrations/0003_chain_steps_case_search.sql): the same writes on a fresh district file and on a
 * real PostgreSQL give the same chain-step columns, and the same queries find the same cases.
 */
const PG_MIGRATIONS = path.resolve(import.meta.dirname, '..', '..', 'db', 'pg-migrations');
const NOW = new Date('2026-06-15T07:30:00.000Z');

let server: PostgresServer;
let pool: pg.Pool;
let folder: string;
let district: OpenedDatabase;
let sqlite: Database.Database;

beforeAll(async () => {
  server = await startPostgres();
  pool = new pg.Pool({ connectionString: server.url, max: 2 });
  await migrate(drizzle(pool), { migrationsFolder: PG_MIGRATIONS });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-pg-parity-'));
  district = await openDatabase(path.join(folder, 'district.sqlite'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
  sqlite = district.sqlite;
  await both(`insert into district (id, code, name) values (1, 'HZ', 'Hanzestad')`);
  await both(`insert into court_location (id, district_id, name, city) values (1, 1, 'Paleis van Justitie', 'Hanzestad')`);
  await both(`insert into courtroom (id, location_id, name) values (1, 1, 'Zaal 1')`);
  for (const [id, date, start] of [[1, '2026-06-16', '09:00'], [2, '2026-06-15', '13:30'], [3, '2026-06-17', '09:00']] as const) {
    await both(
      `insert into court_session (id, courtroom_id, date, daypart, start_time, end_time, session_type, capacity_slots, capacity_minutes) values (?, 1, ?, 'morning', ?, '12:30', 'snelrecht', 8, 240)`,
      [id, date, start],
    );
  }
}, 60_000);

afterAll(async () => {
  district?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  await pool?.end();
  await server?.stop();
}, 30_000);

/** One statement on both engines: `?` placeholders (numbered for PostgreSQL), booleans as 0/1 for SQLite. */
async function both(statement: string, params: unknown[] = []): Promise<void> {
  sqlite.prepare(statement).run(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p)));
  let n = 0;
  await pool.query(statement.replace(/\?/g, () => `$${++n}`), params);
}

const STEP_COLUMNS = 'zsm_decided_at, first_hearing_local, handoff_sent_at, cjib_acknowledged_at, execution_completed_at';
type Steps = Record<'zsm_decided_at' | 'first_hearing_local' | 'handoff_sent_at' | 'cjib_acknowledged_at' | 'execution_completed_at', string | null>;

async function stepsOf(caseId: number): Promise<{ sqlite: Steps; pg: Steps }> {
  const fromSqlite = sqlite.prepare(`select ${STEP_COLUMNS} from criminal_case where id = ?`).get(caseId) as Steps;
  const fromPg = (await pool.query<Steps>(`select ${STEP_COLUMNS} from criminal_case where id = $1`, [caseId])).rows[0]!;
  return { sqlite: fromSqlite, pg: fromPg };
}

let nextCase = 100;
async function newCase(policeUnit = 'Basisteam Hanzestad-Centrum'): Promise<number> {
  const id = ++nextCase;
  await both(`insert into suspect (id, full_name, date_of_birth) values (?, ?, '1990-01-01')`, [id, `Verdachte ${id}`]);
  await both(`insert into criminal_case (id, parketnummer, suspect_id, modality, police_unit, offence_summary) values (?, ?, ?, 'snelrecht', ?, 'Winkeldiefstal')`, [
    id,
    `10/${String(id).padStart(6, '0')}-26`,
    id,
    policeUnit,
  ]);
  return id;
}

/** A write of a scenario, with `{case}` for the scenario's case and `{n}` for an id of its own. */
interface Write {
  sql: string;
  params?: unknown[];
  /** The step columns after this write (only those named). */
  then: Partial<Steps>;
}

const T1 = '2026-06-20T10:00:00.000Z';
const T2 = '2026-07-01T08:00:00.000Z';
const T3 = '2026-07-15T08:00:00.000Z';
const TERMINAL_FINE = 'fine_paid_in_full';

/** Each scenario on a case of its own; after every write both engines hold the same step columns, which are `then`. */
const SCENARIOS: Array<{ name: string; writes: Write[] }> = [
  {
    name: 'ZSM: the first decision counts, whatever order they are written in',
    writes: [
      { sql: `insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values ({case}, 'summons_snelrecht', 'mr. A', 'x', '2026-06-15T09:00:00.000Z', 'om')`, then: { zsm_decided_at: '2026-06-15T09:00:00.000Z' } },
      { sql: `insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values ({case}, 'summons_snelrecht', 'mr. A', 'y', '2026-06-14T22:00:00.000Z', 'om')`, then: { zsm_decided_at: '2026-06-14T22:00:00.000Z' } },
    ],
  },
  {
    name: 'hearing: only held or adjourned hearings count, the first by local session start; a move recounts',
    writes: [
      { sql: `insert into hearing (id, case_id, session_id) values ({n}, {case}, 1)`, then: { first_hearing_local: null } },
      { sql: `update hearing set status = 'held' where id = {n}`, then: { first_hearing_local: '2026-06-16 09:00' } },
      { sql: `insert into hearing (case_id, session_id, status) values ({case}, 2, 'cancelled')`, then: { first_hearing_local: '2026-06-16 09:00' } },
      { sql: `insert into hearing (case_id, session_id, status) values ({case}, 3, 'adjourned')`, then: { first_hearing_local: '2026-06-16 09:00' } },
      { sql: `update hearing set session_id = 2 where id = {n}`, then: { first_hearing_local: '2026-06-15 13:30' } },
      { sql: `update hearing set status = 'cancelled' where id = {n}`, then: { first_hearing_local: '2026-06-17 09:00' } },
    ],
  },
  {
    name: 'CJIB hand-off: sent and acknowledged follow the hand-off, and are gone when it is deleted',
    writes: [
      { sql: `insert into decision (id, case_id, kind, decided_at, decided_by, recorded_by, recorded_at) values ({n}, {case}, 'judgment', '2026-06-16T09:30:00.000Z', 'mr. R', 'griffie', '2026-06-16T10:00:00.000Z')`, then: { handoff_sent_at: null } },
      { sql: `insert into cjib_handoff (id, decision_id, correlation_id) values ({n}, {n}, 'corr-{n}')`, then: { handoff_sent_at: null, cjib_acknowledged_at: null } },
      { sql: `update cjib_handoff set sent_at = ? where id = {n}`, params: [T1], then: { handoff_sent_at: T1, cjib_acknowledged_at: null } },
      { sql: `update cjib_handoff set acknowledged_at = ? where id = {n}`, params: [T2], then: { handoff_sent_at: T1, cjib_acknowledged_at: T2 } },
      { sql: `delete from cjib_handoff where id = {n}`, then: { handoff_sent_at: null, cjib_acknowledged_at: null } },
    ],
  },
  {
    name: 'execution: complete when every unconditional sanction (not an other measure) reached a terminal status; recounted on a new execution message only',
    writes: [
      { sql: `insert into decision (id, case_id, kind, decided_at, decided_by, recorded_by, recorded_at) values ({n}, {case}, 'judgment', '2026-06-16T09:30:00.000Z', 'mr. R', 'griffie', '2026-06-16T10:00:00.000Z')`, then: {} },
      { sql: `insert into sanction (id, decision_id, kind, amount_cents) values ({n}, {n}, 'fine', 35000)`, then: {} },
      { sql: `insert into sanction (decision_id, kind, hours, conditional) values ({n}, 'community_service', 40, ?)`, params: [true], then: {} },
      { sql: `insert into sanction (decision_id, kind, description) values ({n}, 'other_measure', 'contactverbod')`, then: {} },
      { sql: `insert into cjib_handoff (id, decision_id, correlation_id, sent_at) values ({n}, {n}, 'corr-{n}', ?)`, params: [T1], then: { handoff_sent_at: T1 } },
      { sql: `insert into cjib_message (id, message_key, kind, handoff_id, attempt, occurred_at, file_name, imported_at, imported_by, payload) values ({n}, 'msg-{n}', 'execution', {n}, 1, ?, 'cjib.json', ?, 'griffie', '{}')`, params: [T1, T1], then: {} },
      { sql: `insert into sanction_execution (sanction_id, status, occurred_at, message_id) values ({n}, 'fine_paid_by_arrangement', ?, {n})`, params: [T1], then: { execution_completed_at: null } },
      { sql: `insert into sanction_execution (sanction_id, status, occurred_at, message_id) values ({n}, ?, ?, {n})`, params: [TERMINAL_FINE, T2], then: { execution_completed_at: T2 } },
      // A sanction added afterwards is not looked at until the next execution message (as on SQLite).
      { sql: `insert into sanction (id, decision_id, kind, days) values ({n} + 10, {n}, 'custodial', 10)`, then: { execution_completed_at: T2 } },
      { sql: `insert into sanction_execution (sanction_id, status, occurred_at, message_id) values ({n} + 10, 'custodial_self_reported', ?, {n})`, params: [T2], then: { execution_completed_at: null } },
      { sql: `insert into sanction_execution (sanction_id, status, occurred_at, message_id) values ({n} + 10, 'custodial_served', ?, {n})`, params: [T3], then: { execution_completed_at: T3 } },
      // A later terminal message of the fine: its first terminal moment stays the one that counts.
      { sql: `insert into sanction_execution (sanction_id, status, occurred_at, message_id) values ({n}, 'fine_collection_stopped', '2026-08-01T00:00:00.000Z', {n})`, then: { execution_completed_at: T3 } },
    ],
  },
];

describe('the chain-step triggers (SQLite 0009/0010) on both engines', () => {
  it.each(SCENARIOS)('$name', async ({ writes }) => {
    const caseId = await newCase();
    const own = 1000 + caseId;
    for (const [index, write] of writes.entries()) {
      await both(write.sql.replaceAll('{case}', String(caseId)).replaceAll('{n}', String(own)), write.params);
      const { sqlite: onSqlite, pg: onPg } = await stepsOf(caseId);
      expect(onPg, `write ${index + 1}: ${write.sql}`).toEqual(onSqlite);
      expect(onPg, `write ${index + 1}: ${write.sql}`).toMatchObject(write.then);
    }
  });

  it('keeps the version of the case where SQLite keeps it (a cached step is no change of the case)', async () => {
    const caseId = await newCase();
    await both(`insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values (?, 'summons_snelrecht', 'mr. A', 'x', ?, 'om')`, [caseId, T1]);
    const onSqlite = sqlite.prepare('select version from criminal_case where id = ?').pluck().get(caseId);
    const onPg = (await pool.query('select version from criminal_case where id = $1', [caseId])).rows[0].version;
    expect(onPg).toBe(onSqlite);
  });
});

/** The cases both engines search; names with letters remove_diacritics keeps and with diacritics. */
const PEOPLE: Array<[parketnummer: string, name: string, unit: string, offence: string]> = [
  ['10/200001-26', 'Ömer Öztürk', 'Basisteam Hanzestad-Centrum', 'Zakkenrollerij op het station'],
  ['10/200002-26', 'Lech Wałęsa', 'Basisteam Hanzestad-Noord', 'Winkeldiefstal (Hema)'],
  ['10/200003-26', 'Ayşe Yıldırım', 'Basisteam Zuidkust', 'Mishandeling'],
  ['10/200004-26', 'Søren Ødegård', 'Basisteam Hanzestad-Centrum', 'Inbraak in een schuur'],
  ['10/200005-26', 'Günther Straßer', 'Basisteam Veenoord', 'Heling van een fiets'],
  ['10/200006-26', 'Jan de Jong', 'Basisteam Hanzestad-Noord', 'Winkeldiefstal'],
  ['10/200007-26', 'Piet Jansen', 'Basisteam Zuidkust', 'Vernieling 100% schade'],
  ['11/310008-26', 'Emre Çelik', 'Basisteam Veenoord', 'Openlijk geweld'],
  ['11/310009-26', 'Anna de Vries-Jansen', 'Basisteam Hanzestad-Centrum', 'Bedreiging'],
  ['11/310010-26', 'Jan Ĳsselmuiden', 'Basisteam Veenoord', 'Rijden onder invloed'],
];

/**
 * The same query on both engines finds the same cases. `expect` names them where the case makes a point
 * (the rest are compared between the engines only).
 */
const QUERIES: Array<{ query: string; expect?: string[] }> = [
  { query: 'ozturk', expect: ['10/200001-26'] },
  { query: 'ÖZTÜRK', expect: ['10/200001-26'] },
  { query: 'walesa', expect: ['10/200002-26'] },
  { query: 'Wałęsa', expect: ['10/200002-26'] },
  { query: 'yildirim', expect: ['10/200003-26'] },
  { query: 'soren odegard', expect: ['10/200004-26'] },
  { query: 'strasser', expect: ['10/200005-26'] },
  { query: 'straßer', expect: ['10/200005-26'] },
  { query: 'celik', expect: ['11/310008-26'] },
  { query: '200001', expect: ['10/200001-26'] },
  { query: '10/200001-26', expect: ['10/200001-26'] },
  { query: '310' },
  { query: '-26' },
  { query: 'hanzestad' },
  { query: 'noord diefstal', expect: ['10/200002-26', '10/200006-26'] },
  { query: 'jansen' },
  // 'de' narrows by a plain substring: 'schade' holds it too.
  { query: 'jansen de', expect: ['10/200007-26', '11/310009-26'] },
  { query: 'jong JA', expect: ['10/200006-26'] },
  { query: '"jansen"' },
  { query: 'jans*' },
  { query: 'centrum schuur', expect: ['10/200004-26'] },
  // A part never spans two columns: the end of the name and the start of the unit.
  { query: 'jansenbasis', expect: [] },
  // LIKE's wildcards are plain characters here.
  { query: '100%', expect: ['10/200007-26'] },
  { query: '10_%', expect: [] },
  { query: 'a\\b', expect: [] },
  { query: 'qqqzzz', expect: [] },
  { query: 'de', expect: [] },
  { query: 'jo', expect: [] },
  { query: '  ', expect: [] },
];

describe('the case search (SQLite 0018: FTS5 trigram) on both engines', () => {
  beforeAll(async () => {
    let id = 500;
    for (const [parketnummer, name, unit, offence] of PEOPLE) {
      id += 1;
      await both(`insert into suspect (id, full_name, date_of_birth) values (?, ?, '1990-01-01')`, [id, name]);
      await both(`insert into criminal_case (id, parketnummer, suspect_id, modality, police_unit, offence_summary) values (?, ?, ?, 'snelrecht', ?, ?)`, [id, parketnummer, id, unit, offence]);
    }
  });

  const onSqlite = async (query: string) =>
    (await searchCases(district.db, { query, limit: 50 })).results
      .map((r) => r.parketnummer)
      .filter((p) => PEOPLE.some(([own]) => own === p))
      .sort();
  const onPg = async (query: string) =>
    (await pool.query<{ parketnummer: string }>('select c.parketnummer from case_search_match($1) m join criminal_case c on c.id = m.case_id', [query])).rows
      .map((r) => r.parketnummer)
      .filter((p) => PEOPLE.some(([own]) => own === p))
      .sort();

  it.each(QUERIES)('$query', async ({ query, expect: expected }) => {
    const fromPg = await onPg(query);
    expect(fromPg).toEqual(await onSqlite(query));
    if (expected) expect(fromPg).toEqual([...expected].sort());
  });

  it('differs where unaccent folds more than remove_diacritics: a ligature such as Ĳ is found by ij on PostgreSQL only', async () => {
    expect(await onSqlite('ijssel')).toEqual([]);
    expect(await onPg('ijssel')).toEqual(['11/310010-26']);
    expect(await onPg('Ĳssel')).toEqual(await onSqlite('Ĳssel'));
  });

  it('marks the cases found by name or parketnummer (the first tier), as case_search_name does on SQLite', async () => {
    const tiers = (await pool.query<{ parketnummer: string; by_name: boolean }>('select c.parketnummer, m.by_name from case_search_match($1) m join criminal_case c on c.id = m.case_id order by 1', ['jansen'])).rows;
    expect(tiers).toEqual([
      { parketnummer: '10/200007-26', by_name: true },
      { parketnummer: '11/310009-26', by_name: true },
    ]);
    const byUnit = (await pool.query<{ by_name: boolean }>('select m.by_name from case_search_match($1) m', ['zuidkust'])).rows;
    expect(byUnit.length).toBeGreaterThan(0);
    expect(byUnit.every((r) => !r.by_name)).toBe(true);
    const nameHits = sqlite.prepare(`select count(*) from case_search_name where case_search_name match '"zuidkust"'`).pluck().get();
    expect(nameHits).toBe(0);
  });

  it('keeps the index in step: a corrected name, unit and offence, a renamed suspect, many cases at once, a deleted case', async () => {
    // Rows of this test only, so the queries above find what they find whatever runs first.
    const own = '13/700001-26';
    const found = async (query: string) => {
      const fromPg = (await pool.query<{ parketnummer: string }>('select c.parketnummer from case_search_match($1) m join criminal_case c on c.id = m.case_id', [query])).rows.map((r) => r.parketnummer);
      const fromSqlite = (await searchCases(district.db, { query, limit: 50 })).results.map((r) => r.parketnummer);
      expect(fromPg.sort(), query).toEqual(fromSqlite.sort());
      return fromPg.filter((p) => p.startsWith('13/'));
    };
    await both(`insert into suspect (id, full_name, date_of_birth) values (701, 'Ayşe Kılınç', '1985-05-05')`);
    await both(`insert into criminal_case (id, parketnummer, suspect_id, modality, police_unit, offence_summary) values (701, ?, 701, 'zsm', 'Basisteam Duinrand', 'Mishandeling')`, [own]);
    expect(await found('kilinc duinrand')).toEqual([own]);
    await both(`update criminal_case set police_unit = 'Basisteam Kustlicht', offence_summary = 'Diefstal uit schuur' where id = 701`);
    await both(`update suspect set full_name = 'Ayşe Kaya-Kılınç' where id = 701`);
    expect(await found('duinrand')).toEqual([]);
    expect(await found('kilinc mishandeling')).toEqual([]);
    expect(await found('kaya kustlicht schuur')).toEqual([own]);
    // Many cases in one statement (a bulk import): PostgreSQL indexes them once per statement.
    await both(`insert into suspect (id, full_name, date_of_birth) values (702, 'Bülent Kılıç', '1985-05-05'), (703, 'Bülent Kılıç', '1986-06-06')`);
    await both(`insert into criminal_case (id, parketnummer, suspect_id, modality, police_unit, offence_summary) select id, '13/' || (700000 + id) || '-26', id, 'zsm', 'Basisteam Duinrand', 'Heling' from suspect where id in (702, 703)`);
    expect(await found('bulent kilic')).toEqual(['13/700702-26', '13/700703-26']);
    await both(`delete from criminal_case where id = 701`);
    expect(await found('kaya')).toEqual([]);
    expect((await pool.query('select count(*)::int as n from case_search s where not exists (select 1 from criminal_case c where c.id = s.case_id)')).rows[0].n).toBe(0);
  });

  it('serves a part of a word from the GIN trigram index', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`explain select case_id from case_search where search_text like '%ozturk%'`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('case_search_text_trgm_idx');
      await client.query('rollback');
    } finally {
      client.release();
    }
  });
});
