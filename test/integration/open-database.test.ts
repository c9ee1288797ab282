import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../db/database-errors';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { MIGRATIONS_TABLE } from '../../db/migrations-state';
import { openDatabase } from '../../db/open-database';
import { districts } from '../../db/schema';
import { generateDemoDistrict } from '../../server/services/demo/generate-demo-district';
import { writeDemoDistrict } from '../../server/services/demo/write-demo-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** The pinned moment of every open (it names the pre-migration copy). */
const NOW = new Date('2026-03-02T09:00:00.000Z');
const now = () => NOW;
const journal = JSON.parse(fs.readFileSync(path.join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};

/** A migrations folder holding the first `count` of our migrations, plus optional extra ones. */
function migrationsFolder(dir: string, count: number, extra: { tag: string; when: number; sql: string }[] = []): string {
  const folder = path.join(dir, `migrations-${count}-${extra.length}`);
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const entry of entries) fs.copyFileSync(path.join(SOURCE_MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  for (const e of extra) fs.writeFileSync(path.join(folder, `${e.tag}.sql`), e.sql);
  const all = [...entries, ...extra.map((e, i) => ({ idx: count + i, version: '6', when: e.when, tag: e.tag, breakpoints: true }))];
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: all }));
  return folder;
}

const REBUILD_COURT_LOCATION = [
  'PRAGMA foreign_keys=OFF;',
  "CREATE TABLE `__new_court_location` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `district_id` integer NOT NULL, `name` text NOT NULL, `city` text DEFAULT 'onbekend' NOT NULL, FOREIGN KEY (`district_id`) REFERENCES `district`(`id`) ON UPDATE no action ON DELETE no action);",
  'INSERT INTO `__new_court_location`("id", "district_id", "name", "city") SELECT "id", "district_id", "name", "city" FROM `court_location`;',
  'DROP TABLE `court_location`;',
  'ALTER TABLE `__new_court_location` RENAME TO `court_location`;',
  'PRAGMA foreign_keys=ON;',
].join('--> statement-breakpoint\n');

const counts = (file: string) => {
  const db = new Database(file, { readonly: true });
  const result = Object.fromEntries(
    ['district', 'court_location', 'courtroom', 'court_session', 'suspect', 'criminal_case', 'hearing', 'audit_event'].map((t) => [
      t,
      (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n,
    ]),
  );
  db.close();
  return result;
};

/** A current-schema district file filled with a small demo district. */
async function populatedFile(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'district.sqlite');
  const populated = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
  await writeDemoDistrict(populated.db, generateDemoDistrict({ seed: 1, casesPerYear: 300, asOf: '2026-03-01' }), NOW);
  populated.close();
  return { dir, file };
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const tables = (file: string) =>
  (new Database(file, { readonly: true }).prepare("select name from sqlite_master where type='table' order by name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('openDatabase on a real SQLite file', () => {
  it('creates and migrates an empty database, with WAL, foreign keys and synchronous=FULL', async () => {
    const file = path.join(tempDir(), 'district.sqlite');
    const opened = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    expect(opened.backupPath).toBeNull();
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    opened.close();
    expect(tables(file)).toEqual(
      expect.arrayContaining(['district', 'court_location', 'courtroom', 'court_session', 'criminal_case', 'suspect', 'hearing', 'audit_event']),
    );
  });

  it('enforces foreign keys and the CHECK constraints on enumerations', async () => {
    const opened = await openDatabase(path.join(tempDir(), 'd.sqlite'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    expect(() => opened.sqlite.prepare("insert into court_location (district_id, name, city) values (99, 'x', 'y')").run()).toThrow(/FOREIGN KEY/);
    opened.sqlite.prepare("insert into suspect (full_name, date_of_birth) values ('A', '1990-01-01')").run();
    expect(() =>
      opened.sqlite
        .prepare("insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('1', 1, 'turbo', 'u', 'o')")
        .run(),
    ).toThrow(/CHECK/);
    opened.close();
  });

  it('has no column for nationality, ethnicity or religion anywhere (by design)', async () => {
    const opened = await openDatabase(path.join(tempDir(), 'd.sqlite'), { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    // Every table's columns, the search index's included; not the internal shadow tables of FTS5 (their `origin` is the index's own bookkeeping).
    const columns = (opened.sqlite.prepare("select p.name from pragma_table_list t join pragma_table_info(t.name) p where t.schema = 'main' and t.type in ('table', 'virtual')").all() as {
      name: string;
    }[]).map((c) => c.name);
    expect(columns.length).toBeGreaterThan(30);
    // Each part of a column name (snake_case) is checked against the stems that must never appear.
    const forbidden = /^(nation|ethnic|etnic|relig|geloof|godsdienst|risk|afkomst|origin)/i;
    expect(columns.filter((c) => c.split('_').some((part) => forbidden.test(part)))).toEqual([]);
    expect(['nationality', 'country_of_origin', 'risk_score', 'religion'].filter((c) => c.split('_').some((part) => forbidden.test(part)))).toHaveLength(4);
    opened.close();
  });

  it.each(journal.entries.slice(0, -1).map((_, i) => i + 1))(
    'upgrades a populated database made at schema version %i to the latest, keeping every row',
    async (version) => {
      const dir = tempDir();
      const file = path.join(dir, 'old.sqlite');
      const old = await openDatabase(file, { migrationsFolder: migrationsFolder(dir, version), now });
      old.sqlite.exec(`
        insert into district (code, name) values ('OLD', 'Oud arrondissement');
        insert into court_location (district_id, name, city) values (1, 'Rechtbank', 'Stad');
        insert into courtroom (location_id, name) values (1, 'Zaal 1');
        insert into court_session (courtroom_id, date, daypart, start_time, end_time, session_type, capacity_slots, capacity_minutes)
          values (1, '2026-03-09', 'morning', '09:00', '12:30', 'snelrecht', 4, 180);
        insert into suspect (full_name, date_of_birth) values ('A. B', '1990-01-01');
        insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at)
          values ('19/000001-26', 1, 'snelrecht', 'planned', 'Noord', 'Diefstal', '2026-03-02T07:00:00.000Z');
        insert into hearing (case_id, session_id) values (1, 1);
        insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values ('2026-03-02T08:00:00.000Z', 'x', 'case.created', 'case', 1);
      `);
      old.close();
      const before = counts(file);
      const upgraded = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
      expect(upgraded.appliedMigrations).toBe(journal.entries.length - version);
      expect(upgraded.backupPath).not.toBeNull();
      upgraded.close();
      expect(counts(file)).toEqual(before);
      expect(counts(upgraded.backupPath!)).toEqual(before);
    },
  );

  it('turns the judge and prosecutor names of sessions made before the rota into people, one per name whatever its spacing or case', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'names.sqlite');
    const beforeRota = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith('0003')) ;
    const old = await openDatabase(file, { migrationsFolder: migrationsFolder(dir, beforeRota), now });
    old.sqlite.exec(`
      insert into district (code, name) values ('OLD', 'Oud arrondissement');
      insert into court_location (district_id, name, city) values (1, 'Rechtbank', 'Stad');
      insert into courtroom (location_id, name) values (1, 'Zaal 1'), (1, 'Zaal 2');
    `);
    const session = old.sqlite.prepare(
      "insert into court_session (courtroom_id, date, daypart, start_time, end_time, session_type, capacity_slots, capacity_minutes, judge_name, prosecutor_name) values (?, ?, 'morning', '09:00', '12:30', 'snelrecht', 4, 180, ?, ?)",
    );
    session.run(1, '2026-03-09', 'mr. A. Jansen', 'mr. B. Smit');
    session.run(2, '2026-03-09', 'mr. A. Jansen ', 'Mr. B. Smit');
    session.run(1, '2026-03-10', 'MR. a. jansen', '');
    session.run(2, '2026-03-10', null, '  ');
    old.close();
    const upgraded = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    const people = upgraded.sqlite.prepare('select id, name, role from person order by role, id').all() as { id: number; name: string; role: string }[];
    expect(people.map((p) => [p.role, p.name.toLowerCase()])).toEqual([['ovj', 'mr. b. smit'], ['politierechter', 'mr. a. jansen']]);
    const sessions = upgraded.sqlite.prepare('select judge_id as judge, prosecutor_id as prosecutor from court_session order by id').all();
    const [ovj, judge] = [people[0]!.id, people[1]!.id];
    expect(sessions).toEqual([
      { judge, prosecutor: ovj },
      { judge, prosecutor: ovj },
      { judge, prosecutor: null },
      { judge: null, prosecutor: null },
    ]);
    upgraded.close();
  });

  it('runs a drizzle-kit table rebuild of a referenced table on a populated file (foreign keys off during the migration)', async () => {
    const { dir, file } = await populatedFile();
    const before = counts(file);
    const last = journal.entries.at(-1)!.when;
    const rebuild = migrationsFolder(dir, journal.entries.length, [{ tag: '9000_rebuild_location', when: last + 1, sql: REBUILD_COURT_LOCATION }]);
    const migrated = await openDatabase(file, { migrationsFolder: rebuild, now });
    expect(migrated.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    migrated.close();
    expect(counts(file)).toEqual(before);
  });

  it('rolls the whole migration back when it leaves a dangling reference', async () => {
    const { dir, file } = await populatedFile();
    const before = counts(file);
    const last = journal.entries.at(-1)!.when;
    const breaking = migrationsFolder(dir, journal.entries.length, [
      { tag: '9000_lose_locations', when: last + 1, sql: REBUILD_COURT_LOCATION.replace('SELECT "id", "district_id", "name", "city" FROM `court_location`', 'SELECT "id", "district_id", "name", "city" FROM `court_location` WHERE 0') },
    ]);
    await expect(openDatabase(file, { migrationsFolder: breaking, now })).rejects.toMatchObject({ code: 'DB_MIGRATION_FAILED', message: expect.stringContaining('foreign key check failed') });
    expect(counts(file)).toEqual(before);
  });

  it('backs up before migrating; a failing migration is rolled back and leaves the file as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    const first = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    first.db.insert(districts).values({ code: 'KEEP', name: 'Blijft bestaan' }).run();
    first.close();
    const tablesBefore = tables(file);

    const last = journal.entries.at(-1)!.when;
    const broken = migrationsFolder(dir, journal.entries.length, [
      { tag: '9998_ok_part', when: last + 1, sql: 'CREATE TABLE `half_done` (`id` integer);' },
      { tag: '9999_broken', when: last + 2, sql: 'ALTER TABLE `district` ADD `x` text;--> statement-breakpoint\nTHIS IS NOT SQL;' },
    ]);
    const error = await openDatabase(file, { migrationsFolder: broken, backupFolder: path.join(dir, 'backups'), now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('DB_MIGRATION_FAILED');
    const backupPath = (error as DatabaseOpenError).backupPath!;
    expect(path.basename(backupPath)).toBe('district-before-migration-2026-03-02T09-00-00-000Z.sqlite');
    expect(fs.existsSync(backupPath)).toBe(true);

    expect(tables(file)).toEqual(tablesBefore);
    const after = new Database(file, { readonly: true });
    expect(after.prepare('select code from district').all()).toEqual([{ code: 'KEEP' }]);
    expect((after.prepare('pragma table_info(district)').all() as { name: string }[]).map((c) => c.name)).not.toContain('x');
    after.close();
    const backup = new Database(backupPath, { readonly: true });
    expect(backup.prepare('select code from district').all()).toEqual([{ code: 'KEEP' }]);
    backup.close();
  });

  it('refuses a newer rollback-journal file without even switching it to WAL', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future-delete-mode.sqlite');
    const opened = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    opened.sqlite.prepare(`insert into ${MIGRATIONS_TABLE} (hash, created_at) values ('from-the-future', ?)`).run(journal.entries.at(-1)!.when + 10 ** 10);
    opened.sqlite.pragma('journal_mode = DELETE');
    opened.close();
    const before = sha(file);
    await expect(openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now })).rejects.toMatchObject({ code: 'DB_FROM_NEWER_VERSION' });
    expect(sha(file)).toBe(before);
  });

  it('reports a missing migrations folder as DB_OPEN_FAILED and releases the file', async () => {
    const file = path.join(tempDir(), 'd.sqlite');
    await expect(openDatabase(file, { migrationsFolder: '/nonexistent/migrations', now })).rejects.toMatchObject({ code: 'DB_OPEN_FAILED' });
    const reopened = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    reopened.close();
  });

  it('refuses a database written by a newer version and does not touch it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    const opened = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    opened.sqlite.prepare(`insert into ${MIGRATIONS_TABLE} (hash, created_at) values ('from-the-future', ?)`).run(journal.entries.at(-1)!.when + 10 ** 10);
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.close();
    const before = sha(file);
    await expect(openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now })).rejects.toMatchObject({ code: 'DB_FROM_NEWER_VERSION' });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('reports a file that is not a database as DB_OPEN_FAILED and leaves it alone', async () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'dit is geen database, maar wel belangrijk\n'.repeat(200));
    const before = sha(file);
    await expect(openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now })).rejects.toMatchObject({ code: 'DB_OPEN_FAILED' });
    expect(sha(file)).toBe(before);
  });
});
