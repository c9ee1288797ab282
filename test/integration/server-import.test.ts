import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { copySqliteToPostgres, CopyRefusal, type CopyReport } from '../../server/pg/copy-sqlite-to-postgres';
import { createDistrictPool } from '../../server/pg/postgres-district-database';
import { openDemoDatabase } from '../support/demo-database';
import { startPostgres, type PostgresServer } from '../support/postgres-server';

/**
 * `ketenplanner server import --from district.sqlite` (issue 13, item 7) with real parts: a demo district
 * (hand-offs, decisions, sanctions) plus audit rows of its own in a real SQLite file, copied into a real
 * PostgreSQL migrated by its owner (no superuser, as at a court), then compared table by table with the
 * file. Each test copies into a database of its own: no dependence on order.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const DEMO = { seed: 5, casesPerYear: 700, asOf: '2026-06-15', chain: true };
/** A name with letters outside Latin-1, a ligature, an en dash and curly quotes: must arrive byte for byte. */
const NAME = 'Çağla Łukasz-Żurawski Ĳsbrand Doğan Œuvray – “de Wit”';
const DETAILS = JSON.stringify({ reden: 'correctie “naam”', oud: 'Jansen', nieuw: NAME, regels: ['a\nb', 'tab\there'], bedrag: 12.5, leeg: null });
const AT = '2026-06-15T08:00:00.000Z';

let postgres: PostgresServer;
let folder: string;
/** The demo district (SQLite), never written by the tests after beforeAll. */
let file: string;
let namedCase: { caseId: number; suspectId: number };
let databases = 0;

const ownerUrl = (database: string) => {
  const url = new URL(postgres.url);
  url.username = 'district_owner';
  url.pathname = `/${database}`;
  return url.toString();
};

/** A new database owned by district_owner; migrated by it unless asked otherwise. Returns the owner's address. */
async function ownedDatabase(options: { migrated?: boolean } = {}): Promise<string> {
  const name = `import_${++databases}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} owner district_owner template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  const url = ownerUrl(name);
  if (options.migrated !== false) {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migrate(drizzle(pool), { migrationsFolder: PG_MIGRATIONS });
    } finally {
      await pool.end();
    }
  }
  return url;
}

/** Runs `work` with one plain pg client (no type parsers: int8 arrives as text) on `url`. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function importInto(url: string, source: string = file): Promise<CopyReport> {
  return withClient(url, (client) => copySqliteToPostgres(source, client));
}

function readSqlite<T>(source: string, work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Row counts of every public table on the server (case_search included). */
async function serverCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const tables = (await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`)).rows.map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = (await client.query<{ n: number }>(`select count(*)::int as n from "${table}"`)).rows[0]!.n;
    return counts;
  });
}

function writeConfig(settings: unknown): string {
  const config = path.join(fs.mkdtempSync(path.join(folder, 'config-')), 'ketenplanner.json');
  fs.writeFileSync(config, JSON.stringify(settings));
  return config;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--now', '2026-06-15T09:30:00+02:00'], { out: (line) => out.push(line), err: (line) => err.push(line), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the demo file to spoil, in a folder of its own. */
function copyOfDemo(name: string): string {
  const target = path.join(fs.mkdtempSync(path.join(folder, `${name}-`)), 'district.sqlite');
  fs.copyFileSync(file, target);
  return target;
}

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-server-import-'));
  postgres = await startPostgres();
  await withClient(postgres.url, (admin) => admin.query('create role district_owner login createrole'));
  const demoFolder = path.join(folder, 'demo');
  fs.mkdirSync(demoFolder);
  const opened = await openDemoDatabase(demoFolder, DEMO);
  try {
    const sqlite = opened.sqlite;
    namedCase = sqlite.prepare('select id as caseId, suspect_id as suspectId from criminal_case order by id limit 1').get() as typeof namedCase;
    sqlite.prepare('update suspect set full_name = ? where id = ?').run(NAME, namedCase.suspectId);
    const audit = sqlite.prepare('insert into audit_event (occurred_at, actor, action, entity_type, entity_id, reason, details) values (?, ?, ?, ?, ?, ?, ?)');
    audit.run(AT, 'griffie.hanzestad', 'suspect.renamed', 'suspect', namedCase.suspectId, 'Naam gecorrigeerd – zie “dossier”', DETAILS);
    audit.run(AT, 'planning', 'case.viewed', 'case', namedCase.caseId, null, null);
  } finally {
    opened.close();
  }
  file = path.join(demoFolder, 'district.sqlite');
}, 180_000);

afterAll(async () => {
  await postgres?.stop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
}, 30_000);

describe('copySqliteToPostgres', { timeout: 90_000 }, () => {
  it('copies every table with its rows, the audit trail included, and verifies each by count and checksum', async () => {
    const url = await ownedDatabase();
    const report = await importInto(url);
    const fileCounts = readSqlite(file, (sqlite) =>
      Object.fromEntries(report.tables.map((t) => [t.table, (sqlite.prepare(`select count(*) as n from "${t.table}"`).get() as { n: number }).n])),
    );
    const counts = await serverCounts(url);
    for (const table of report.tables) {
      expect(table.rows, table.table).toBe(fileCounts[table.table]);
      expect(counts[table.table], table.table).toBe(fileCounts[table.table]);
      expect(table.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(report.totalRows).toBe(report.tables.reduce((sum, t) => sum + t.rows, 0));
    // The chain exists in this demo: the copy is no copy of empty tables.
    for (const table of ['district', 'criminal_case', 'suspect', 'hearing', 'decision', 'sanction', 'cjib_handoff', 'audit_event']) expect(counts[table], table).toBeGreaterThan(0);
    // Every table of the file was copied; the server's own search index holds one row per case.
    const fileTables = readSqlite(file, (sqlite) => (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'case\\_search%' escape '\\' and name <> '__drizzle_migrations'`).all() as { name: string }[]).map((r) => r.name));
    expect(report.tables.map((t) => t.table).sort()).toEqual(fileTables.sort());
    expect(counts.case_search).toBe(counts.criminal_case);
    // A table only the server has would stay empty: today that is the search index alone.
    expect(Object.keys(counts).filter((table) => !fileTables.includes(table))).toEqual(['case_search']);
  });

  it('brings text byte for byte, booleans as booleans, JSON text unchanged and the audit trail row for row', async () => {
    const url = await ownedDatabase();
    await importInto(url);
    const expected = readSqlite(file, (sqlite) => ({
      audit: sqlite.prepare('select * from audit_event order by id').all() as Record<string, unknown>[],
      pinned: (sqlite.prepare('select count(*) as n from hearing where pinned = 1').get() as { n: number }).n,
      minors: (sqlite.prepare('select id, accepts_minors from court_session order by id').all() as { id: number; accepts_minors: number }[]).map((r) => [r.id, r.accepts_minors === 1]),
      amounts: sqlite.prepare('select id, amount_cents as amount from sanction order by id').all(),
    }));
    await withClient(url, async (client) => {
      const suspect = (await client.query<{ name: string; bytes: Buffer }>('select full_name as name, convert_to(full_name, $2) as bytes from suspect where id = $1', [namedCase.suspectId, 'UTF8'])).rows[0]!;
      expect(suspect.name).toBe(NAME);
      expect(Buffer.compare(suspect.bytes, Buffer.from(NAME, 'utf8'))).toBe(0);
      const audit = (await client.query('select * from audit_event order by id')).rows;
      expect(audit).toEqual(expected.audit);
      const renamed = audit.find((row) => row.action === 'suspect.renamed')!;
      expect(renamed.details).toBe(DETAILS);
      expect(JSON.parse(renamed.details as string)).toEqual(JSON.parse(DETAILS));
      const minors = (await client.query<{ id: number; accepts_minors: boolean }>('select id, accepts_minors from court_session order by id')).rows.map((r) => [r.id, r.accepts_minors]);
      expect(minors).toEqual(expected.minors);
      expect((await client.query<{ n: number }>('select count(*)::int as n from hearing where pinned')).rows[0]!.n).toBe(expected.pinned);
      // int8 through a client without the district pool's parsers: text, the same amounts.
      const amounts = (await client.query<{ id: number; amount: string | null }>('select id, amount_cents as amount from sanction order by id')).rows.map((r) => ({ id: r.id, amount: r.amount === null ? null : Number(r.amount) }));
      expect(amounts).toEqual(expected.amounts);
    });
  });

  it('gives the same checksums through the district pool (int8 and numeric as numbers) as through a plain client', async () => {
    const plain = await importInto(await ownedDatabase());
    const pool = createDistrictPool({ connectionString: await ownedDatabase(), max: 1 });
    try {
      const client = await pool.connect();
      try {
        expect(await copySqliteToPostgres(file, client)).toEqual(plain);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('lets the identities continue after the largest id copied, with the triggers on again', async () => {
    const url = await ownedDatabase();
    await importInto(url);
    const max = readSqlite(file, (sqlite) => ({
      audit: (sqlite.prepare('select max(id) as n from audit_event').get() as { n: number }).n,
      suspect: (sqlite.prepare('select max(id) as n from suspect').get() as { n: number }).n,
      caseId: (sqlite.prepare('select max(id) as n from criminal_case').get() as { n: number }).n,
    }));
    await withClient(url, async (client) => {
      const audit = (await client.query<{ id: number }>(`insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values ($1, 'planning', 'case.viewed', 'case', 1) returning id`, [AT])).rows[0]!;
      expect(audit.id).toBe(max.audit + 1);
      const suspect = (await client.query<{ id: number }>(`insert into suspect (full_name, date_of_birth) values ('Kees Kaya', '1988-02-03') returning id`)).rows[0]!;
      expect(suspect.id).toBe(max.suspect + 1);
      const made = (await client.query<{ id: number }>(`insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('10/999001-26', $1, 'snelrecht', 'Basisteam Zuidkust', 'Fietsdiefstal') returning id`, [suspect.id])).rows[0]!;
      expect(made.id).toBe(max.caseId + 1);
      // The search trigger runs again: the new case is in the index.
      expect((await client.query('select case_id from case_search_match($1)', ['kaya'])).rows.map((r) => r.case_id)).toEqual([made.id]);
      const disabled = (await client.query(`select tgrelid::regclass::text as t, tgname from pg_trigger where not tgisinternal and tgenabled = 'D'`)).rows;
      expect(disabled).toEqual([]);
    });
  });

  it('rebuilds the search index: a copied case is found by its suspect name, folded', async () => {
    const url = await ownedDatabase();
    await importInto(url);
    await withClient(url, async (client) => {
      for (const query of ['lukasz zurawski', 'ĲSBRAND', 'cagla']) {
        const found = (await client.query<{ case_id: number; by_name: boolean }>('select case_id, by_name from case_search_match($1)', [query])).rows;
        expect(found, query).toContainEqual({ case_id: namedCase.caseId, by_name: true });
      }
    });
  });

  it('refuses a second import into the filled database in Dutch, changing nothing', async () => {
    const url = await ownedDatabase();
    await importInto(url);
    const before = await serverCounts(url);
    const error = await importInto(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyRefusal);
    expect((error as Error).message).toMatch(/^De database van de server is niet leeg \(de tabel\(len\) .*district.* bevatten al rijen\): een arrondissement wordt alleen in een lege database gezet\. Er is niets overgezet\.$/);
    expect(await serverCounts(url)).toEqual(before);
  });

  it('leaves no half copy: a row PostgreSQL refuses undoes the tables copied before it, and the triggers stay on', async () => {
    const spoiled = copyOfDemo('nul-byte');
    const sqlite = new Database(spoiled);
    try {
      // Text with a NUL character: SQLite keeps it, PostgreSQL's text cannot. audit_event comes after the case tables.
      sqlite.prepare('update audit_event set details = ? where id = (select max(id) from audit_event)').run('voor\u0000na');
    } finally {
      sqlite.close();
    }
    const url = await ownedDatabase();
    const error = await importInto(url, spoiled).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyRefusal);
    expect((error as Error).message).toMatch(/^Tabel audit_event kon niet worden overgezet \(rij \d+ tot \d+\): .*Er is niets overgezet\.$/);
    const counts = await serverCounts(url);
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
    await withClient(url, async (client) => {
      expect((await client.query(`select tgname from pg_trigger where not tgisinternal and tgenabled = 'D'`)).rows).toEqual([]);
    });
  });

  it('refuses, by its checksum, a copy whose content differs though every row arrived, and keeps nothing', async () => {
    const spoiled = copyOfDemo('blob');
    const sqlite = new Database(spoiled);
    try {
      // Bytes (a blob) in a text column: PostgreSQL keeps them as the text 'abc', not the blob the file holds.
      sqlite.prepare('update audit_event set details = ? where id = (select min(id) from audit_event)').run(Buffer.from('abc'));
    } finally {
      sqlite.close();
    }
    const url = await ownedDatabase();
    const rows = readSqlite(spoiled, (file) => (file.prepare('select count(*) as n from audit_event').get() as { n: number }).n);
    const error = await importInto(url, spoiled).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyRefusal);
    expect((error as Error).message).toBe(`Controle mislukt voor tabel audit_event: ${rows} rijen in het bestand, ${rows} op de server, maar hun inhoud verschilt. Er is niets overgezet.`);
    expect(Object.values(await serverCounts(url)).every((n) => n === 0)).toBe(true);
  });
});

describe('ketenplanner server import', { timeout: 90_000 }, () => {
  it('copies the file and prints every table with its rows and checksum, and the total', async () => {
    const url = await ownedDatabase();
    const run = await cli(['server', 'import', '--from', file, '--config', writeConfig({ databaseUrl: url })]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe(`Overgezet van ${file} naar ${url}, gecontroleerd per tabel (aantal rijen en SHA-256):`);
    const counts = await serverCounts(url);
    const rows = lines.slice(2, -1).map((line) => line.trim().split(/\s+/));
    expect(rows.length).toBeGreaterThan(20);
    for (const [table, n, checksum] of rows) {
      expect(Number(n), table).toBe(counts[table!]);
      expect(checksum).toMatch(/^[0-9a-f]{12}$/);
    }
    expect(rows.map(([table]) => table)).toContain('audit_event');
    const total = rows.reduce((sum, [, n]) => sum + Number(n), 0);
    expect(lines.at(-1)).toBe(`Totaal: ${total} rijen in ${rows.length} tabellen.`);
  });

  it('uses the owner address (migrationDatabaseUrl), never the API role for it', async () => {
    const url = await ownedDatabase();
    const run = await cli(['server', 'import', '--from', file, '--config', writeConfig({ databaseUrl: 'postgres://ketenplanner_api@127.0.0.1:1/district', migrationDatabaseUrl: url })]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect((await serverCounts(url)).district).toBe(1);
  });

  it('refuses a second import in Dutch (exit 1), changing nothing', async () => {
    const url = await ownedDatabase();
    const config = writeConfig({ databaseUrl: url });
    expect((await cli(['server', 'import', '--from', file, '--config', config])).code).toBe(0);
    const before = await serverCounts(url);
    const again = await cli(['server', 'import', '--from', file, '--config', config]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('De database van de server is niet leeg');
    expect(again.out).toBe('');
    expect(await serverCounts(url)).toEqual(before);
  });

  it('refuses a database whose schema is behind, with the command that fixes it', async () => {
    const url = await ownedDatabase({ migrated: false });
    const run = await cli(['server', 'import', '--from', file, '--config', writeConfig({ databaseUrl: url })]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('De database heeft nog geen Ketenplanner-schema: voer eerst `ketenplanner server migrate` uit. Er is niets overgezet.');
  });

  it('refuses a damaged (cut short) file without touching the server', async () => {
    const short = copyOfDemo('short');
    const bytes = fs.readFileSync(short);
    fs.writeFileSync(short, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const url = await ownedDatabase();
    const run = await cli(['server', 'import', '--from', short, '--config', writeConfig({ databaseUrl: url })]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/beschadigd/i);
    expect(run.err).toContain('Er is niets verwijderd of overschreven.');
    expect(Object.values(await serverCounts(url)).every((n) => n === 0)).toBe(true);
  });

  it('refuses an empty file, a file of a newer version and a file of an older schema', async () => {
    const url = await ownedDatabase();
    const config = writeConfig({ databaseUrl: url });
    const empty = path.join(fs.mkdtempSync(path.join(folder, 'empty-')), 'district.sqlite');
    fs.writeFileSync(empty, '');
    const newer = copyOfDemo('newer');
    const older = copyOfDemo('older');
    for (const [target, change] of [
      [newer, "insert into __drizzle_migrations (hash, created_at) values ('uit-de-toekomst', 4102444800000)"],
      [older, 'delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)'],
    ] as const) {
      const sqlite = new Database(target);
      sqlite.exec(change);
      sqlite.close();
    }
    const refusals = [];
    for (const source of [empty, newer, older]) {
      const run = await cli(['server', 'import', '--from', source, '--config', config]);
      expect(run.code, source).toBe(1);
      refusals.push(run.err);
    }
    expect(refusals[0]).toContain('Er is niets verwijderd of overschreven.');
    expect(refusals[1]).toMatch(/nieuwere versie/);
    expect(refusals[2]).toContain('heeft een ouder schema (1 migratie(s) niet uitgevoerd): open het eerst één keer met deze versie van de Ketenplanner-app');
    expect(Object.values(await serverCounts(url)).every((n) => n === 0)).toBe(true);
  });

  it('asks for --from, and names a file that does not exist (exit 2)', async () => {
    const config = writeConfig({ databaseUrl: ownerUrl('bestaat_niet') });
    expect((await cli(['server', 'import', '--config', config])).code).toBe(2);
    const missing = await cli(['server', 'import', '--from', path.join(folder, 'geen.sqlite'), '--config', config]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
  });
});
