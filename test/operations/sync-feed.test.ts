import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/envelope';
import { pageRows, primaryKeyOf, SYNCED_TABLES, type SyncedTable, type SyncRow } from '../../shared/api/sync-schemas';
import type { Role } from '../../shared/domain/roles';
import type { RequestPerson } from '../../server/services/api-handler';
import { httpStatusOf } from '../../server/http/http-status';
import { NOT_A_SERVER } from '../../server/services/sync/change-feed';
import { pruneRowChanges } from '../../server/services/sync/row-change-pruning';
import { demoNow } from '../support/demo-database';
import { openTestDistrict, TEST_ENGINE, type TestDistrict } from '../support/test-district';

// The district server's change feed for the desktops' local copies (issue 14, docs/offline.md): the
// operations sync.copyPage, sync.changes, sync.rows and sync.tables through the api handler, in the
// person's group role (row-level security decides what is copied), and the feed of db/pg-migrations/0008.
// On the standalone file the operations refuse.
const DISTRICT = { seed: 3, casesPerYear: 40, asOf: '2026-06-15' };
const NOW = demoNow(DISTRICT);

let dir: string;
let district: TestDistrict;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-sync-feed-'));
  district = await openTestDistrict(dir, DISTRICT);
});

afterAll(async () => {
  await district.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const COORDINATOR: RequestPerson = { actor: 'c.coordinator (rechtbank)', roles: ['coordinator'], policeUnit: null };
const liaison = (unit: string): RequestPerson => ({ actor: `l.liaison (${unit})`, roles: ['police_liaison'], policeUnit: unit });

async function send(operation: OperationName, input: unknown, person: RequestPerson = COORDINATOR): Promise<ApiEnvelope<unknown>> {
  const roles: readonly Role[] = person.roles;
  return district.api({ actor: person.actor, now: NOW, roles, onInternalError: (op, error) => console.error(op, error) })(operation, input, { person });
}

async function call<K extends OperationName>(operation: K, input: unknown, person: RequestPerson = COORDINATOR): Promise<OperationOutput<K>> {
  const answer = await send(operation, input, person);
  if (!answer.ok) throw new Error(`${operation}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as OperationOutput<K>;
}

/** The whole table the way a desktop copies it: pages of `limit` rows. */
async function copyTable(table: SyncedTable, person: RequestPerson = COORDINATOR, limit = 37): Promise<{ cursor: string; rows: SyncRow[]; pages: number }> {
  const rows: SyncRow[] = [];
  let cursor: string | null = null;
  let afterKey: string | null = null;
  let pages = 0;
  for (;;) {
    const page: OperationOutput<'sync.copyPage'> = await call('sync.copyPage', { table, afterKey, limit, cursor }, person);
    pages++;
    cursor ??= page.cursor;
    expect(page.cursor).toBe(cursor);
    rows.push(...pageRows(page));
    if (page.lastKey === null) return { cursor, rows, pages };
    afterKey = page.lastKey;
  }
}

const ownerRows = (table: SyncedTable, where = '') =>
  district.rows<SyncRow>(`select * from "${table}" ${where} order by ${primaryKeyOf(table) === 'id' ? 'id' : 'key collate "C"'}`);

const changedKeys = (answer: OperationOutput<'sync.changes'>, table: SyncedTable) => {
  const entry = answer.tables.find((t) => t.table === table);
  return { rows: (entry?.rows ?? []).map((row) => String(row[primaryKeyOf(table)])), deleted: entry?.deletedKeys ?? [] };
};

describe.runIf(TEST_ENGINE === 'sqlite')('on the standalone district file', () => {
  it.each(['sync.tables', 'sync.copyPage', 'sync.changes', 'sync.rows'] as const)('refuses %s: only a district server gives a copy', async (operation) => {
    const input = {
      'sync.tables': {},
      'sync.copyPage': { table: 'criminal_case', afterKey: null, limit: 10, cursor: null },
      'sync.changes': { cursor: '1' },
      'sync.rows': { table: 'criminal_case', keys: ['1'] },
    }[operation];
    expect(await send(operation, input)).toEqual({ ok: false, error: { code: 'CONFLICT', message: NOT_A_SERVER } });
  });
});

describe.runIf(TEST_ENGINE === 'postgresql')('the change feed on the district server', () => {
  /** A connection of its own to the test's database: as its owner, or as the api's login role. */
  async function connect(user?: string): Promise<pg.Client> {
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${(await district.row<{ name: string }>('select current_database() as "name"'))!.name}`;
    if (user) url.username = user;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  }

  it('feeds exactly the synced tables, parents first, with a trigger per change kind on each', async () => {
    expect((await call('sync.tables', {})).tables).toEqual(SYNCED_TABLES.map((table) => ({ table, key: primaryKeyOf(table) })));
    const publicTables = (await district.rows<{ name: string }>("select tablename as \"name\" from pg_tables where schemaname = 'public' order by 1")).map((t) => t.name);
    expect([...SYNCED_TABLES].sort()).toEqual(publicTables.filter((t) => !['processed_request', 'personal_data_read', 'case_search'].includes(t)));
    const triggers = await district.rows<{ table: string; name: string }>(
      "select c.relname as \"table\", t.tgname as \"name\" from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like 'sync\\_changes\\_%' order by 1, 2",
    );
    expect(triggers.filter((t) => ['sync_changes_ad', 'sync_changes_ai', 'sync_changes_au'].includes(t.name))).toEqual(
      [...SYNCED_TABLES].sort().flatMap((table) => ['sync_changes_ad', 'sync_changes_ai', 'sync_changes_au'].map((name) => ({ table, name }))),
    );
    // And the rows that row-level security shows by another row (a case moving between units, a row deleted).
    expect(triggers.filter((t) => !['sync_changes_ad', 'sync_changes_ai', 'sync_changes_au'].includes(t.name))).toEqual([
      { table: 'cjib_handoff', name: 'sync_changes_audit_lines_ad' },
      { table: 'criminal_case', name: 'sync_changes_audit_lines_ad' },
      { table: 'criminal_case', name: 'sync_changes_case_dependents_au' },
      { table: 'decision', name: 'sync_changes_audit_lines_ad' },
      { table: 'hearing', name: 'sync_changes_audit_lines_ad' },
    ]);
    const foreignKeys = await district.rows<{ child: string; parent: string }>(
      "select c.relname as \"child\", p.relname as \"parent\" from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid where k.contype = 'f' and c.relname <> p.relname",
    );
    for (const { child, parent } of foreignKeys.filter((k) => SYNCED_TABLES.includes(k.child as SyncedTable))) {
      expect(SYNCED_TABLES.indexOf(parent as SyncedTable), `${parent} before ${child}`).toBeLessThan(SYNCED_TABLES.indexOf(child as SyncedTable));
    }
  });

  it('copies every table page by page: the pages together are the table, values as the database holds them', async () => {
    for (const table of SYNCED_TABLES) {
      const copy = await copyTable(table);
      expect(copy.rows, table).toEqual(await ownerRows(table));
    }
    const cases = await copyTable('criminal_case', COORDINATOR, 10);
    expect(cases.pages).toBeGreaterThan(3);
    expect(cases.cursor).toMatch(/^[0-9]+$/);
    // Booleans as true/false, integers as numbers, JSON columns as the text stored.
    expect(typeof (await copyTable('person')).rows[0]!.active).toBe('boolean');
    expect(typeof cases.rows[0]!.short_term_consent).toBe('boolean');
    expect(typeof (await copyTable('audit_event')).rows[0]!.details).toBe('string');
    expect(typeof cases.rows[0]!.id).toBe('number');
  });

  it('sends the rows changed and the keys deleted since a cursor, by the api in the person\'s role as well as by others', async () => {
    const { cursor } = await copyTable('court_location');
    expect((await call('sync.changes', { cursor })).tables).toEqual([]);
    const location = (await district.row<{ id: number }>('select id from court_location order by id limit 1'))!;
    const added = await call('capacity.addClosure', { locationId: location.id, date: '2026-09-02', reason: 'Verbouwing' });
    const someCase = (await district.row<{ id: number }>('select id from criminal_case order by id limit 1'))!;
    await district.run("update criminal_case set offence_summary = 'Gewijzigd door een ander' where id = ?", [someCase.id]);

    const first = await call('sync.changes', { cursor });
    expect(first.tables.map((t) => t.table)).toEqual(SYNCED_TABLES.filter((t) => ['location_closure', 'criminal_case', 'audit_event'].includes(t)));
    expect(first.tables.find((t) => t.table === 'location_closure')!.rows).toEqual(await ownerRows('location_closure', `where id = ${added.closure.id}`));
    expect(first.tables.find((t) => t.table === 'criminal_case')!.rows).toEqual(await ownerRows('criminal_case', `where id = ${someCase.id}`));
    expect(changedKeys(first, 'audit_event').rows.length).toBeGreaterThan(0);
    expect(first.tables.every((t) => t.deletedKeys.length === 0)).toBe(true);

    // One statement over many rows: every key in the feed.
    const three = await district.rows<{ id: number }>('select id from criminal_case order by id desc limit 3');
    await district.run("update criminal_case set offence_summary = 'In bulk' where id in (select id from criminal_case order by id desc limit 3)");
    await call('capacity.removeClosure', { closureId: added.closure.id });
    const second = await call('sync.changes', { cursor: first.cursor });
    expect(changedKeys(second, 'location_closure')).toEqual({ rows: [], deleted: [String(added.closure.id)] });
    expect(changedKeys(second, 'criminal_case')).toEqual({ rows: three.map((r) => String(r.id)).reverse(), deleted: [] });
    // Nothing since: an empty answer, the cursor stays usable.
    const third = await call('sync.changes', { cursor: second.cursor });
    expect(third.tables).toEqual([]);
  });

  it('copies a police liaison only its own unit\'s cases, traces the suspects copied, and deletes a case moved to another unit', async () => {
    const units = await district.rows<{ unit: string; n: number }>('select police_unit as "unit", count(*)::int as "n" from criminal_case group by police_unit order by 2 desc, 1');
    expect(units.length).toBeGreaterThan(1);
    const [mine, other] = [units[0]!.unit, units[1]!.unit];
    const person = liaison(mine);
    const cases = await copyTable('criminal_case', person, 5);
    expect(cases.rows).toEqual(await ownerRows('criminal_case', `where police_unit = '${mine.replaceAll("'", "''")}'`));
    const suspects = await copyTable('suspect', person, 5);
    expect(new Set(suspects.rows.map((s) => s.id))).toEqual(new Set(cases.rows.map((c) => c.suspect_id)));
    // The audit trail of its own unit's cases only (0004's audit_event_own_unit_read).
    expect((await copyTable('audit_event', person)).rows.length).toBeLessThan((await ownerRows('audit_event')).length);
    // Copying a suspect discloses it: one trace per case, the operation named.
    const traced = await district.rows<{ caseId: number }>('select case_id as "caseId" from personal_data_read where actor = ? and operation = ? order by case_id', [person.actor, 'sync.copyPage']);
    expect(traced.map((r) => r.caseId)).toEqual(cases.rows.map((c) => c.id));

    const moved = cases.rows[0]!.id as number;
    await district.run('update criminal_case set police_unit = ? where id = ?', [other, moved]);
    const changes = await call('sync.changes', { cursor: cases.cursor }, person);
    expect(changedKeys(changes, 'criminal_case')).toEqual({ rows: [], deleted: [String(moved)] });
    // The coordinator sees the same change as a row.
    expect(changedKeys(await call('sync.changes', { cursor: cases.cursor }), 'criminal_case')).toEqual({ rows: [String(moved)], deleted: [] });
    expect(await call('sync.rows', { table: 'criminal_case', keys: [String(moved), String(cases.rows[1]!.id)] }, person)).toEqual({
      rows: await ownerRows('criminal_case', `where id = ${Number(cases.rows[1]!.id)}`),
      missingKeys: [String(moved)],
    });
  });

  /**
   * What happened after planning, for one case (this district has no chain: DISTRICT has no `chain`): an
   * outcome of its first hearing, a judgment with a fine, the hand-off to CJIB, a batch and a message for it,
   * an execution, and an audit line about the hearing, the decision and the hand-off. Written as the owner.
   */
  async function addChain(caseId: number): Promise<{ decision: number; handoff: number }> {
    const at = NOW.toISOString();
    const insert = async (text: string, params: unknown[]) => (await district.row<{ id: number }>(`${text} returning id`, params))!.id;
    const hearing = (await district.row<{ id: number }>('select id from hearing where case_id = ? order by id limit 1', [caseId]))!.id;
    await insert("insert into hearing_outcome (hearing_id, outcome, recorded_by, recorded_at) values (?, 'decided', 'test', ?)", [hearing, at]);
    const decision = await insert(
      "insert into decision (case_id, hearing_id, kind, decided_at, decided_by, recorded_by, recorded_at) values (?, ?, 'judgment', ?, 'test', 'test', ?)",
      [caseId, hearing, at, at],
    );
    const sanction = await insert("insert into sanction (decision_id, kind) values (?, 'fine')", [decision]);
    const handoff = await insert('insert into cjib_handoff (decision_id, correlation_id) values (?, ?)', [decision, `test-${caseId}`]);
    const message = await insert(
      "insert into cjib_message (message_key, kind, handoff_id, attempt, occurred_at, file_name, imported_at, imported_by, payload) values (?, 'execution', ?, 1, ?, 'test.xml', ?, 'test', '{}')",
      [`test-${caseId}`, handoff, at, at],
    );
    const batch = await insert("insert into cjib_batch (batch_uid, format_version, created_at, created_by, decision_count, checksum) values (?, 1, ?, 'test', 1, 'x')", [`test-${caseId}`, at]);
    await insert('insert into cjib_batch_item (batch_id, handoff_id, attempt) values (?, ?, 1)', [batch, handoff]);
    await insert("insert into sanction_execution (sanction_id, status, occurred_at, message_id) values (?, 'fine_paid_in_full', ?, ?)", [sanction, at, message]);
    for (const [type, id] of [['hearing', hearing], ['decision', decision], ['cjib_handoff', handoff]] as const) {
      await district.run("insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values (?, 'test', 'test.chain', ?, ?)", [at, type, id]);
    }
    return { decision, handoff };
  }

  it("lists a case's rows when the case moves between units: rows for the liaison it moved to, deleted keys for the one it left", async () => {
    const units = await district.rows<{ unit: string }>('select police_unit as "unit" from criminal_case group by police_unit order by count(*) desc, 1 limit 2');
    const [mine, other] = [units[0]!.unit, units[1]!.unit];
    // A case of the other unit with a hearing and audit lines, whose suspect has no other case, and the chain below it.
    const moving = (await district.row<{ id: number; suspectId: number }>(
      `select c.id, c.suspect_id as "suspectId" from criminal_case c
        where c.police_unit = ? and not exists (select 1 from criminal_case o where o.suspect_id = c.suspect_id and o.id <> c.id)
          and exists (select 1 from hearing h where h.case_id = c.id) and not exists (select 1 from decision d where d.case_id = c.id)
          and exists (select 1 from audit_event a where a.entity_type = 'case' and a.entity_id = c.id)
        order by c.id limit 1`,
      [other],
    ))!;
    await addChain(moving.id);
    // Every row 0004's policies show a liaison by this case, as the owner finds them (ids in key order).
    const ids = async (sql: string) => (await district.rows<{ id: number }>(`${sql} order by 1`, [moving.id])).map((r) => String(r.id));
    const hearings = 'select id from hearing where case_id = ?';
    const decisions = 'select id from decision where case_id = ?';
    const handoffs = `select id from cjib_handoff where decision_id in (${decisions})`;
    const sanctions = `select id from sanction where decision_id in (${decisions})`;
    const dependents: Partial<Record<SyncedTable, string[]>> = {
      suspect: [String(moving.suspectId)],
      criminal_case: [String(moving.id)],
      case_precondition: await ids('select id from case_precondition where case_id = ?'),
      zsm_decision: await ids('select id from zsm_decision where case_id = ?'),
      hearing: await ids(hearings),
      hearing_outcome: await ids(`select id from hearing_outcome where hearing_id in (${hearings})`),
      decision: await ids(decisions),
      sanction: await ids(sanctions),
      cjib_handoff: await ids(handoffs),
      cjib_message: await ids(`select id from cjib_message where handoff_id in (${handoffs})`),
      cjib_batch_item: await ids(`select id from cjib_batch_item where handoff_id in (${handoffs})`),
      sanction_execution: await ids(`select id from sanction_execution where sanction_id in (${sanctions})`),
      audit_event: (
        await district.rows<{ id: number }>(
          `select id from audit_event where (entity_type = 'case' and entity_id = ?) or (entity_type = 'hearing' and entity_id in (${hearings}))
             or (entity_type = 'decision' and entity_id in (${decisions})) or (entity_type = 'cjib_handoff' and entity_id in (${handoffs})) order by id`,
          [moving.id, moving.id, moving.id, moving.id],
        )
      ).map((r) => String(r.id)),
    };
    for (const table of ['suspect', 'hearing', 'hearing_outcome', 'decision', 'sanction', 'sanction_execution', 'cjib_handoff', 'cjib_message', 'cjib_batch_item', 'audit_event'] as const) {
      expect(dependents[table]!.length, table).toBeGreaterThan(0);
    }

    const { cursor } = await copyTable('district');
    await district.run('update criminal_case set police_unit = ? where id = ?', [mine, moving.id]);
    const movedIn = await call('sync.changes', { cursor }, liaison(mine));
    const movedOut = await call('sync.changes', { cursor }, liaison(other));
    const everyone = await call('sync.changes', { cursor });
    for (const [name, keys] of Object.entries(dependents)) {
      const table = name as SyncedTable;
      if (keys.length === 0) continue;
      expect(changedKeys(movedIn, table), `${table} arrives`).toEqual({ rows: keys, deleted: [] });
      expect(changedKeys(movedOut, table), `${table} leaves`).toEqual({ rows: [], deleted: keys });
      expect(changedKeys(everyone, table), `${table} for the coordinator`).toEqual({ rows: keys, deleted: [] });
    }
    // Rows of the case as the liaison now sees them (the whole row, not only the key).
    expect(movedIn.tables.find((t) => t.table === 'hearing')!.rows).toEqual(await ownerRows('hearing', `where case_id = ${moving.id}`));
    // Nothing else: another case's rows stay out of the feed.
    expect(movedIn.tables.map((t) => t.table).sort()).toEqual(Object.entries(dependents).filter(([, keys]) => keys.length > 0).map(([table]) => table).sort());

    // Another suspect on the case, and back: neither suspect row is written, yet the liaison's view of both
    // changes. A suspect without any case is visible to every liaison (0004: cases.create writes it first).
    const borrowed = String((await district.row<{ id: number }>(
        'select c.suspect_id as "id" from criminal_case c where c.police_unit = ? and not exists (select 1 from criminal_case o where o.suspect_id = c.suspect_id and o.police_unit = ?) order by c.id limit 1',
        [other, mine],
      ))!.id);
    const own = String(moving.suspectId);
    const byKey = (keys: string[]) => [...keys].sort((a, b) => Number(a) - Number(b));
    const swapped = movedIn.cursor;
    await district.run('update criminal_case set suspect_id = ? where id = ?', [Number(borrowed), moving.id]);
    const afterSwap = await call('sync.changes', { cursor: swapped }, liaison(mine));
    expect(changedKeys(afterSwap, 'suspect')).toEqual({ rows: byKey([own, borrowed]), deleted: [] });
    await district.run('update criminal_case set suspect_id = ? where id = ?', [moving.suspectId, moving.id]);
    expect(changedKeys(await call('sync.changes', { cursor: afterSwap.cursor }, liaison(mine)), 'suspect')).toEqual({ rows: [own], deleted: [borrowed] });
    // A change of anything else adds no rows below the case.
    const quiet = (await call('sync.changes', { cursor: swapped })).cursor;
    await district.run("update criminal_case set offence_summary = 'Alleen de omschrijving' where id = ?", [moving.id]);
    expect((await call('sync.changes', { cursor: quiet })).tables.map((t) => t.table)).toEqual(['criminal_case']);
  });

  it("takes the audit lines of a deleted row out of a liaison's view: a withdrawn hand-off to CJIB", async () => {
    const at = NOW.toISOString();
    const someCase = (await district.row<{ id: number; unit: string }>(
      'select c.id, c.police_unit as "unit" from criminal_case c where not exists (select 1 from decision d where d.case_id = c.id) order by c.id desc limit 1',
    ))!;
    const decision = (await district.row<{ id: number }>(
      "insert into decision (case_id, kind, decided_at, decided_by, recorded_by, recorded_at) values (?, 'penalty_order', ?, 'test', 'test', ?) returning id",
      [someCase.id, at, at],
    ))!.id;
    // A hand-off never sent, and its line in the audit trail: withdrawn as decision-writes.ts's syncHandoff does.
    const handoff = (await district.row<{ id: number }>("insert into cjib_handoff (decision_id, correlation_id) values (?, 'test-withdrawn') returning id", [decision]))!.id;
    await district.run("insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values (?, 'test', 'cjib.handoff_created', 'cjib_handoff', ?)", [at, handoff]);
    const lines = (await district.rows<{ id: number }>("select id from audit_event where entity_type = 'cjib_handoff' and entity_id = ? order by id", [handoff])).map((r) => String(r.id));
    const { cursor } = await copyTable('district');
    await district.run('delete from cjib_handoff where id = ?', [handoff]);
    const changes = await call('sync.changes', { cursor }, liaison(someCase.unit));
    expect(changedKeys(changes, 'cjib_handoff')).toEqual({ rows: [], deleted: [String(handoff)] });
    expect(changedKeys(changes, 'audit_event')).toEqual({ rows: [], deleted: lines });
    // The court still sees the line (the history of a withdrawn hand-off).
    expect(changedKeys(await call('sync.changes', { cursor }), 'audit_event')).toEqual({ rows: lines, deleted: [] });
  });

  it('answers rows by key: the rows there are, the other keys missing', async () => {
    const two = await ownerRows('person', 'where id in (select id from person order by id limit 2)');
    const keys = [String(two[1]!.id), '2147483647', 'abc', String(two[0]!.id)];
    expect(await call('sync.rows', { table: 'person', keys })).toEqual({ rows: two, missingKeys: ['2147483647', 'abc'] });
    const setting = (await ownerRows('district_setting'))[0];
    if (setting) expect(await call('sync.rows', { table: 'district_setting', keys: [String(setting.key), 'bestaat-niet'] })).toEqual({ rows: [setting], missingKeys: ['bestaat-niet'] });
  });

  it('never skips a transaction that commits after a pull it began before (two connections, commit out of order)', async () => {
    const [a, b] = [await connect(), await connect()];
    try {
      const [first, second] = await district.rows<{ id: number }>('select id from criminal_case order by id limit 2');
      const start = (await call('sync.changes', { cursor: (await copyTable('district')).cursor })).cursor;
      await a.query('begin');
      await a.query("update criminal_case set offence_summary = 'Transactie A' where id = $1", [first!.id]);
      const txidA = BigInt((await a.query<{ txid: string }>('select pg_current_xact_id()::text as txid')).rows[0]!.txid);
      await b.query('begin');
      await b.query("update criminal_case set offence_summary = 'Transactie B' where id = $1", [second!.id]);
      await b.query('commit');

      const pull = await call('sync.changes', { cursor: start });
      expect(changedKeys(pull, 'criminal_case').rows).toEqual([String(second!.id)]);
      // The cursor stops at the oldest transaction still running: A's.
      expect(BigInt(pull.cursor)).toBeLessThanOrEqual(txidA);
      await a.query('commit');

      const next = await call('sync.changes', { cursor: pull.cursor });
      expect(changedKeys(next, 'criminal_case').rows).toContain(String(first!.id));
      expect(next.tables.find((t) => t.table === 'criminal_case')!.rows.find((r) => r.id === first!.id)).toMatchObject({ offence_summary: 'Transactie A' });
    } finally {
      await a.query('rollback').catch(() => undefined);
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('says FULL_COPY_NEEDED for a cursor older than the pruned changes, of another database, or with too many changes', async () => {
    const { cursor } = await copyTable('district');
    await district.run("update criminal_case set offence_summary = 'Voor het snoeien' where id = (select min(id) from criminal_case)");
    await district.run("update criminal_case set offence_summary = 'Ook gewijzigd' where id = (select max(id) from criminal_case)");
    const tooMany = await send('sync.changes', { cursor, maxRows: 1 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'FULL_COPY_NEEDED', message: expect.stringContaining('meer dan 1 rijen gewijzigd') } });
    // Over HTTP: 410 Gone (the desktop's ConnectedBackend passes the envelope on).
    expect(httpStatusOf(tooMany)).toBe(410);
    expect(await send('sync.changes', { cursor: '99999999999' })).toMatchObject({ ok: false, error: { code: 'FULL_COPY_NEEDED' } });

    // Changes of 31 days ago go; those of today stay. Pruning runs as the api's login role, as the server does.
    const login = await connect('ketenplanner_api');
    try {
      await district.run("update sync.row_change set changed_at = changed_at - interval '31 days'");
      const recent = (await call('sync.changes', { cursor })).cursor;
      await district.run("update criminal_case set offence_summary = 'Na het snoeien' where id = (select min(id) from criminal_case)");
      expect(await pruneRowChanges(login)).toBeGreaterThan(0);
      expect(await pruneRowChanges(login)).toBe(0);
      expect(await send('sync.changes', { cursor })).toMatchObject({
        ok: false,
        error: { code: 'FULL_COPY_NEEDED', message: expect.stringContaining('niet meer bewaard') },
      });
      const kept = await call('sync.changes', { cursor: recent });
      expect(changedKeys(kept, 'criminal_case').rows.length).toBe(1);
      // ketenplanner_api itself reads and writes nothing of the feed.
      await expect(login.query('select count(*) from sync.row_change')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await login.end();
    }
  });
});
