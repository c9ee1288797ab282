import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUserRole, type DatabaseUser } from '../../server/pg/with-user-role';
import { bookedByModality } from '../../server/services/sessions/session-occupancy';
import { startPostgres, type PostgresServer } from '../support/postgres-server';

/**
 * PostgreSQL's roles and row-level security as the second line behind the API's role check (issue 13,
 * item 4; db/pg-migrations/0004_roles_row_security.sql, server/pg/with-user-role.ts), on a real
 * PostgreSQL. The migrations run as the database owner, who is no superuser (as at a court's IT), and the
 * API connects as ketenplanner_api. The queries below deliberately have no WHERE on the unit: the
 * database itself must keep a police liaison to its own unit.
 */
const PG_MIGRATIONS = path.resolve(import.meta.dirname, '..', '..', 'db', 'pg-migrations');
const UNIT_A = 'Basisteam Hanzestad-Centrum';
const UNIT_B = 'Basisteam Zuidkust';
const AT = '2026-06-15T07:30:00.000Z';

let server: PostgresServer;
let owner: pg.Pool;
let api: pg.Pool;

const urlFor = (user: string, database: string) => server.url.replace(/\/\/postgres@/, `//${user}@`).replace(/\/ketenplanner_test$/, `/${database}`);

async function createOwnedDatabase(database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${database} owner district_owner template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
}

/** Ids of the seeded rows per unit, to compare with what a role sees. */
const seeded: Record<string, { cases: number[] }> = { [UNIT_A]: { cases: [] }, [UNIT_B]: { cases: [] } };

async function seed(): Promise<void> {
  const q = (text: string, params: unknown[] = []) => owner.query(text, params);
  await q(`insert into district (id, code, name) values (1, 'HZ', 'Hanzestad')`);
  await q(`insert into court_location (id, district_id, name, city) values (1, 1, 'Paleis van Justitie', 'Hanzestad')`);
  await q(`insert into courtroom (id, location_id, name) values (1, 1, 'Zaal 1')`);
  await q(`insert into court_session (id, courtroom_id, date, daypart, start_time, end_time, session_type, capacity_slots, capacity_minutes) values (1, 1, '2026-06-16', 'morning', '09:00', '12:30', 'snelrecht', 8, 240)`);
  let n = 0;
  for (const [unit, names] of [[UNIT_A, ['Ömer Öztürk', 'Jan de Jong']], [UNIT_B, ['Piet Jansen', 'Anna de Vries']]] as const) {
    for (const name of names) {
      n += 1;
      await q(`insert into suspect (id, full_name, date_of_birth) values ($1, $2, '1990-01-01')`, [n, name]);
      await q(`insert into criminal_case (id, parketnummer, suspect_id, modality, police_unit, offence_summary) values ($1, $2, $1, 'snelrecht', $3, 'Winkeldiefstal')`, [n, `10/20000${n}-26`, unit]);
      await q(`insert into hearing (id, case_id, session_id, status) values ($1, $1, 1, 'held')`, [n]);
      await q(`insert into hearing_outcome (hearing_id, outcome, recorded_by, recorded_at) values ($1, 'decided', 'griffie', $2)`, [n, AT]);
      await q(`insert into zsm_decision (case_id, outcome, prosecutor_name, reason, decided_at, recorded_by) values ($1, 'summons_snelrecht', 'mr. A', 'x', $2, 'om')`, [n, AT]);
      await q(`insert into case_precondition (case_id, kind, status, updated_at, updated_by) values ($1, 'dossier', 'met', $2, 'om')`, [n, AT]);
      await q(`insert into decision (id, case_id, kind, decided_at, decided_by, recorded_by, recorded_at) values ($1, $1, 'judgment', $2, 'mr. R', 'griffie', $2)`, [n, AT]);
      await q(`insert into sanction (decision_id, kind, amount_cents) values ($1, 'fine', 35000)`, [n]);
      await q(`insert into cjib_handoff (id, decision_id, correlation_id) values ($1, $1, $2)`, [n, `corr-${n}`]);
      await q(`insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values ($1, 'om', 'case.created', 'case', $2)`, [AT, n]);
      await q(`insert into personal_data_read (read_at, actor, roles, operation, case_id) values ($1, 'om', 'prosecutor', 'cases.get', $2)`, [AT, n]);
      seeded[unit]!.cases.push(n);
    }
  }
  await q(`insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values ($1, 'planning', 'session.created', 'court_session', 1)`, [AT]);
  // The ids given above: new rows draw after them.
  for (const table of ['district', 'court_location', 'courtroom', 'court_session', 'suspect', 'criminal_case', 'hearing', 'decision', 'cjib_handoff']) {
    await q(`select setval(pg_get_serial_sequence($1, 'id'), (select max(id) from ${table}))`, [table]);
  }
}

beforeAll(async () => {
  server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    // The owner of the district database: no superuser, but allowed to make roles (CREATEROLE).
    await admin.query('create role district_owner login createrole');
  } finally {
    await admin.end();
  }
  await createOwnedDatabase('district');
  owner = new pg.Pool({ connectionString: urlFor('district_owner', 'district'), max: 2 });
  await migrate(drizzle(owner), { migrationsFolder: PG_MIGRATIONS });
  await seed();
  // One connection: every transaction of the API below runs on the same pooled connection.
  api = new pg.Pool({ connectionString: urlFor('ketenplanner_api', 'district'), max: 1 });
  // The server stops at the end while a pooled connection may still be open: that is no failure.
  for (const pool of [owner, api]) pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
}, 60_000);

afterAll(async () => {
  await api?.end();
  await owner?.end();
  await server?.stop();
}, 30_000);

const LIAISON_A: DatabaseUser = { role: 'police_liaison', policeUnit: UNIT_A };
const REVIEWER: DatabaseUser = { role: 'reviewer', policeUnit: null };

/** Runs `work` through withUserRole on the API's one pooled connection. */
async function as<T>(user: DatabaseUser, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = await api.connect();
  try {
    return await withUserRole(client, user, work);
  } finally {
    client.release();
  }
}

const ids = async (client: pg.ClientBase, text: string, params: unknown[] = []) => (await client.query<{ id: number }>(text, params)).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
const ownerIds = async (text: string, params: unknown[] = []) => (await owner.query<{ id: number }>(text, params)).rows.map((r) => Number(r.id)).sort((a, b) => a - b);

describe('the roles', () => {
  it('are a NOLOGIN group role per app role and a login role for the API that neither inherits nor bypasses row-level security', async () => {
    const roles = (await owner.query(`select rolname, rolcanlogin, rolinherit, rolbypassrls, rolsuper from pg_roles where rolname like 'kp\\_%' or rolname = 'ketenplanner_api' order by rolname`)).rows;
    expect(roles).toEqual([
      { rolname: 'ketenplanner_api', rolcanlogin: true, rolinherit: false, rolbypassrls: false, rolsuper: false },
      ...['kp_administrator', 'kp_clerk', 'kp_coordinator', 'kp_police_liaison', 'kp_prosecutor', 'kp_reviewer'].map((rolname) => ({ rolname, rolcanlogin: false, rolinherit: false, rolbypassrls: false, rolsuper: false })),
    ]);
    const memberOf = (await owner.query(`select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member where u.rolname = 'ketenplanner_api' order by 1`)).rows.map((r) => r.rolname);
    expect(memberOf).toEqual(['kp_administrator', 'kp_clerk', 'kp_coordinator', 'kp_police_liaison', 'kp_prosecutor', 'kp_reviewer']);
  });

  it('leave ketenplanner_api itself without any right to the cases; it reads only which migrations ran (readiness)', async () => {
    await expect(api.query('select * from criminal_case')).rejects.toMatchObject({ code: '42501' });
    await expect(api.query('select * from suspect')).rejects.toMatchObject({ code: '42501' });
    expect((await api.query('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0].n).toBeGreaterThanOrEqual(5);
  });

  it('are made once per cluster: a second district database on the same cluster migrates too', async () => {
    await createOwnedDatabase('district_two');
    const second = new pg.Pool({ connectionString: urlFor('district_owner', 'district_two'), max: 1 });
    try {
      await migrate(drizzle(second), { migrationsFolder: PG_MIGRATIONS });
      expect((await second.query(`select count(*)::int as n from pg_policies where policyname = 'criminal_case_own_unit'`)).rows[0].n).toBe(1);
    } finally {
      await second.end();
    }
  });
});

describe('row-level security', () => {
  it('is forced on every table that holds a case, a suspect or a row of theirs (a new one must be added to migration 0004 or its own)', async () => {
    const linked = (
      await owner.query<{ table_name: string }>(
        `select distinct table_name from information_schema.columns
          where table_schema = 'public' and column_name in ('case_id', 'suspect_id', 'decision_id', 'hearing_id', 'handoff_id', 'sanction_id', 'police_unit')`,
      )
    ).rows.map((r) => r.table_name);
    expect(linked.length).toBeGreaterThan(10);
    const guarded = (await owner.query<{ relname: string }>(`select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and relrowsecurity and relforcerowsecurity`)).rows.map((r) => r.relname);
    expect(linked.filter((table) => !guarded.includes(table))).toEqual([]);
    expect(guarded).toEqual(expect.arrayContaining(['suspect', 'criminal_case', 'audit_event', 'processed_request']));
  });
});

describe('a police liaison', () => {
  /** Each table with its rows' ids, and the cases they belong to (as the owner sees them). */
  const TABLES: Array<{ table: string; ofCases: string }> = [
    { table: 'criminal_case', ofCases: 'select id from criminal_case where id = any($1)' },
    { table: 'suspect', ofCases: 'select s.id from suspect s join criminal_case c on c.suspect_id = s.id where c.id = any($1)' },
    { table: 'hearing', ofCases: 'select id from hearing where case_id = any($1)' },
    { table: 'hearing_outcome', ofCases: 'select o.id from hearing_outcome o join hearing h on h.id = o.hearing_id where h.case_id = any($1)' },
    { table: 'zsm_decision', ofCases: 'select id from zsm_decision where case_id = any($1)' },
    { table: 'case_precondition', ofCases: 'select id from case_precondition where case_id = any($1)' },
    { table: 'decision', ofCases: 'select id from decision where case_id = any($1)' },
    { table: 'sanction', ofCases: 'select n.id from sanction n join decision d on d.id = n.decision_id where d.case_id = any($1)' },
    { table: 'cjib_handoff', ofCases: 'select f.id from cjib_handoff f join decision d on d.id = f.decision_id where d.case_id = any($1)' },
    { table: 'audit_event', ofCases: `select id from audit_event where entity_type = 'case' and entity_id = any($1)` },
  ];

  it.each(TABLES)('sees only the rows of its own unit in $table, with a query that has no WHERE', async ({ table, ofCases }) => {
    const expected = await ownerIds(ofCases, [seeded[UNIT_A]!.cases]);
    expect(expected.length).toBeGreaterThan(0);
    expect((await ownerIds(`select id from ${table}`)).length).toBeGreaterThan(expected.length);
    expect(await as(LIAISON_A, (client) => ids(client, `select id from ${table}`))).toEqual(expected);
  });

  it("finds only its own unit's cases in the search index, and reads of the disclosure log only its own reads", async () => {
    const found = await as(LIAISON_A, (client) => ids(client, 'select case_id as id from case_search_match($1)', ['basisteam']));
    expect(found).toEqual(seeded[UNIT_A]!.cases);
    expect(await as(LIAISON_A, (client) => ids(client, 'select case_id as id from case_search'))).toEqual(seeded[UNIT_A]!.cases);
    // Migration 0005: a read is traced once per window, so every role sees whether it was traced itself;
    // the log of everyone's reads stays the administrator's. The seeded reads are the prosecutor's ('om').
    expect(await as({ ...LIAISON_A, actor: 'politie' }, (client) => ids(client, 'select case_id as id from personal_data_read'))).toEqual([]);
    expect(await as({ role: 'prosecutor', policeUnit: null, actor: 'om' }, (client) => ids(client, 'select case_id as id from personal_data_read'))).not.toEqual([]);
    expect(await as({ role: 'prosecutor', policeUnit: null, actor: 'iemand.anders' }, (client) => ids(client, 'select case_id as id from personal_data_read'))).toEqual([]);
  });

  it("counts a session's booked places over every unit's hearings (numbers only), though it sees only its own (migration 0009)", async () => {
    // Session 1 holds the four seeded hearings, two of each unit.
    expect(await as(LIAISON_A, (client) => ids(client, 'select id from hearing where session_id = 1'))).toHaveLength(2);
    const booked = await as(LIAISON_A, (client) => bookedByModality({ $client: client } as unknown as Parameters<typeof bookedByModality>[0], [1]));
    expect(booked.get(1)).toEqual({ snelrecht: 4 });
    // And nothing else through the function: no rows, no ids, only the counts per modality.
    const columns = await as(LIAISON_A, async (client) => (await client.query(`select * from booked_by_modality(array[1], array['planned', 'held'])`)).fields.map((f) => f.name));
    expect(columns).toEqual(['sessionId', 'modality', 'n']);
  });

  it('cannot read a suspect of another unit by id, nor a case by its parketnummer', async () => {
    const [other] = seeded[UNIT_B]!.cases;
    expect(await as(LIAISON_A, (client) => ids(client, 'select id from suspect where id = $1', [other]))).toEqual([]);
    expect(await as(LIAISON_A, (client) => ids(client, 'select id from criminal_case where parketnummer = $1', [`10/20000${other}-26`]))).toEqual([]);
  });

  it('takes in a case of its own unit (suspect first, with RETURNING), which the search index then holds', async () => {
    const created = await as(LIAISON_A, async (client) => {
      const suspect = (await client.query<{ id: number }>(`insert into suspect (full_name, date_of_birth) values ('Kees Kaya', '1988-02-03') returning id`)).rows[0]!;
      const made = (await client.query<{ id: number }>(`insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('10/300001-26', $1, 'snelrecht', $2, 'Fietsdiefstal') returning id`, [suspect.id, UNIT_A])).rows[0]!;
      await client.query(`insert into case_precondition (case_id, kind, status, updated_at, updated_by) values ($1, 'dossier', 'pending', $2, 'politie')`, [made.id, AT]);
      await client.query(`insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values ($1, 'politie', 'case.created', 'case', $2)`, [AT, made.id]);
      return { suspect: suspect.id, case: made.id, seen: await ids(client, 'select case_id as id from case_search_match($1)', ['kaya']) };
    });
    expect(created.seen).toEqual([created.case]);
    expect((await owner.query('select version from criminal_case where id = $1', [created.case])).rows[0].version).toBe(2);
  });

  const REFUSED: Array<{ name: string; sql: string; params: (other: number, own: number) => unknown[]; code: string }> = [
    { name: 'a case of another unit', sql: `insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('10/399999-26', $1, 'snelrecht', $2, 'Heling')`, params: (_, own) => [own, UNIT_B], code: '42501' },
    { name: 'moving its own case to another unit', sql: 'update criminal_case set police_unit = $2 where id = $1', params: (_, own) => [own, UNIT_B], code: '42501' },
    { name: "a precondition on another unit's case", sql: `insert into case_precondition (case_id, kind, status, updated_at, updated_by) values ($1, 'dossier', 'met', '${AT}', 'politie')`, params: (other) => [other], code: '42501' },
    { name: 'deleting a case', sql: 'delete from criminal_case where id = $1', params: (_, own) => [own], code: '42501' },
    { name: 'a hearing (planning is not theirs)', sql: `insert into hearing (case_id, session_id) values ($1, 1)`, params: (_, own) => [own], code: '42501' },
  ];

  it.each(REFUSED)('is refused $name', async ({ sql, params, code }) => {
    const [other] = seeded[UNIT_B]!.cases;
    const [own] = seeded[UNIT_A]!.cases;
    await expect(as(LIAISON_A, (client) => client.query(sql, params(other!, own!)))).rejects.toMatchObject({ code });
  });

  it("changes nothing of another unit's case: the row is not there for it", async () => {
    const [other] = seeded[UNIT_B]!.cases;
    const changed = await as(LIAISON_A, (client) => client.query(`update criminal_case set offence_summary = 'Gewijzigd' where id = $1`, [other]));
    expect(changed.rowCount).toBe(0);
    expect((await owner.query('select offence_summary from criminal_case where id = $1', [other])).rows[0].offence_summary).toBe('Winkeldiefstal');
  });

  it('gets back only its own kept answers (processed_request), by the actor of the transaction', async () => {
    await owner.query(
      `insert into processed_request (request_id, operation, input_hash, answer, actor, processed_at) values ('r-a', 'cases.create', 'h', '{}', 'politie.a', $1), ('r-b', 'cases.create', 'h', '{}', 'politie.b', $1)`,
      [AT],
    );
    const own = await as({ ...LIAISON_A, actor: 'politie.a' }, (client) => client.query<{ request_id: string }>('select request_id from processed_request'));
    expect(own.rows.map((r) => r.request_id)).toEqual(['r-a']);
    await expect(
      as({ ...LIAISON_A, actor: 'politie.a' }, (client) => client.query(`insert into processed_request (request_id, operation, input_hash, actor, processed_at) values ('r-c', 'x', 'h', 'politie.b', $1)`, [AT])),
    ).rejects.toMatchObject({ code: '42501' });
    expect((await as(REVIEWER, (client) => client.query('select request_id from processed_request'))).rowCount).toBeGreaterThanOrEqual(2);
  });

  it('with a unit that tries to break out of its quotes sees nothing: the unit is a parameter, never SQL', async () => {
    const seen = await as({ role: 'police_liaison', policeUnit: `x' or '1'='1` }, (client) => ids(client, 'select id from criminal_case'));
    expect(seen).toEqual([]);
  });

  it('cannot switch without a unit', async () => {
    await expect(as({ role: 'police_liaison', policeUnit: ' ' }, async () => 1)).rejects.toThrow(/police unit/);
  });
});

describe('a reviewer', () => {
  it('reads the whole district', async () => {
    expect(await as(REVIEWER, (client) => ids(client, 'select id from criminal_case where id = any($1)', [[...seeded[UNIT_A]!.cases, ...seeded[UNIT_B]!.cases]]))).toEqual(
      [...seeded[UNIT_A]!.cases, ...seeded[UNIT_B]!.cases].sort((a, b) => a - b),
    );
  });

  const WRITES = [
    `insert into suspect (full_name, date_of_birth) values ('X', '1990-01-01')`,
    `insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('10/499999-26', 1, 'snelrecht', '${UNIT_A}', 'X')`,
    `update criminal_case set offence_summary = 'X'`,
    `update suspect set full_name = 'X'`,
    `delete from case_precondition`,
    `insert into hearing (case_id, session_id) values (1, 1)`,
    `update court_session set capacity_slots = 0`,
    `insert into reservation (session_id, modality, slots, reserved_by, reserved_at, release_due_on) values (1, 'snelrecht', 1, 'x', '${AT}', '2026-06-12')`,
    `update decision set conditions = 'X'`,
    `insert into cjib_batch (batch_uid, format_version, created_at, created_by, decision_count, checksum) values ('b', 1, '${AT}', 'x', 0, 'x')`,
    `update district_setting set value = '{}'`,
    `update person set name = 'X'`,
    `delete from audit_event`,
    `update audit_event set actor = 'X'`,
    `delete from personal_data_read`,
  ];

  it('still records its reads and refusals (the bookkeeping every role writes)', async () => {
    await as(REVIEWER, async (client) => {
      await client.query(`insert into personal_data_read (read_at, actor, roles, operation, case_id) values ($1, 'overleg', 'reviewer', 'cases.get', 1)`, [AT]);
      await client.query(`insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values ($1, 'overleg', 'access.refused', 'operation', 0)`, [AT]);
      await client.query(`insert into notification_done (key, done_by, done_at) values ('case:1:deadline', 'overleg', $1)`, [AT]);
    });
  });

  it.each(WRITES)('cannot write: %s', async (sql) => {
    await expect(as(REVIEWER, (client) => client.query(sql))).rejects.toMatchObject({ code: '42501' });
  });
});

describe('the other roles', () => {
  it("a clerk's hand-off keeps the chain step of the case (the trigger runs with the clerk's rights)", async () => {
    const [caseId] = seeded[UNIT_B]!.cases;
    await as({ role: 'clerk', policeUnit: null }, (client) => client.query(`update cjib_handoff set sent_at = $2 where decision_id = $1`, [caseId, AT]));
    expect((await owner.query('select handoff_sent_at from criminal_case where id = $1', [caseId])).rows[0].handoff_sent_at).toBe(AT);
  });

  it('a coordinator sees both units and may not take in a case; a prosecutor may, of any unit', async () => {
    const coordinator: DatabaseUser = { role: 'coordinator', policeUnit: null };
    expect((await as(coordinator, (client) => ids(client, 'select id from criminal_case'))).length).toBeGreaterThanOrEqual(4);
    await expect(as(coordinator, (client) => client.query(`insert into suspect (full_name, date_of_birth) values ('X', '1990-01-01')`))).rejects.toMatchObject({ code: '42501' });
    const made = await as({ role: 'prosecutor', policeUnit: null }, (client) =>
      client.query(`insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('10/300002-26', 1, 'zsm', $1, 'Heling') returning id`, [UNIT_B]),
    );
    expect(made.rowCount).toBe(1);
  });
});

describe('the role and the unit of a transaction', () => {
  const state = (client: pg.ClientBase) =>
    client.query<{ pid: number; role: string; unit: string | null }>(`select pg_backend_pid() as pid, current_user as role, current_setting('ketenplanner.police_unit', true) as unit`).then((r) => r.rows[0]!);

  it('end with the transaction: the next one on the same pooled connection has neither', async () => {
    const inside = await as(LIAISON_A, (client) => state(client));
    expect(inside).toMatchObject({ role: 'kp_police_liaison', unit: UNIT_A });
    const client = await api.connect();
    try {
      const after = await state(client);
      expect(after.pid).toBe(inside.pid);
      expect(after.role).toBe('ketenplanner_api');
      expect(after.unit ?? '').toBe('');
      await expect(client.query('select * from criminal_case')).rejects.toMatchObject({ code: '42501' });
    } finally {
      client.release();
    }
    // The next user on the connection, a reviewer, is no police liaison of unit A.
    expect(await as(REVIEWER, (client) => state(client))).toMatchObject({ pid: inside.pid, role: 'kp_reviewer', unit: '' });
  });

  it('end with a rolled-back transaction too', async () => {
    await expect(
      as(LIAISON_A, async (client) => {
        await client.query('select 1 from criminal_case');
        throw new Error('the operation failed');
      }),
    ).rejects.toThrow('the operation failed');
    const client = await api.connect();
    try {
      expect(await state(client)).toMatchObject({ role: 'ketenplanner_api', unit: '' });
    } finally {
      client.release();
    }
  });
});
