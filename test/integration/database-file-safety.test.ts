import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { backupDatabaseFile, restoreBackup } from '../../db/backup';
import { DatabaseOpenError } from '../../db/database-errors';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { MIGRATIONS_TABLE } from '../../db/migrations-state';
import { openDatabase } from '../../db/open-database';
import { showStartupError } from '../../electron/main/startup-error-screen';
import { runCli } from '../../server/cli/run-cli';
import { fixedClock } from '../../server/services/context/clock';
import { createBackend } from '../../server/services/create-backend';
import { makeImportCsv } from '../support/import-fixture';
import { openDemoDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

// The disk "fills up" after the file was opened: SQLite's max_page_count caps the file at its size
// plus `extraPages` (SQLITE_FULL beyond), the way a full disk or quota does.
const diskLimit: { extraPages: number | null } = { extraPages: null };
vi.mock('../../server/services/open-district-database', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/services/open-district-database')>();
  return {
    ...original,
    openDistrictDatabase: async (...args: Parameters<typeof original.openDistrictDatabase>) => {
      const opened = await original.openDistrictDatabase(...args);
      if (diskLimit.extraPages !== null) {
        const pages = Number(opened.sqlite.pragma('page_count', { simple: true }));
        opened.sqlite.pragma(`max_page_count = ${pages + diskLimit.extraPages}`);
      }
      return opened;
    },
  };
});

const tempDir = useTempDir();
const NOW = SMALL_DEMO_NOW;
const now = () => NOW;
const NOW_OPTION = '2026-06-15T10:00:00+02:00';

const sha = (file: string) => (fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'absent');
const hashes = (file: string) => ({ main: sha(file), wal: sha(`${file}-wal`) });

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--now', NOW_OPTION], { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The small demo district in one self-contained file (WAL checkpointed into it), made once and copied per test. */
let template = '';
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(path.dirname(tempDir()), 'ketenplanner-safety-template-'));
  const database = await openDemoDatabase(dir);
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  template = path.join(dir, 'district.sqlite');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

function districtCopy(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'district.sqlite');
  fs.copyFileSync(template, file);
  return { dir, file };
}

/** Overwrites `length` bytes at `offset` with fixed pseudo-random bytes (the same every run). */
function damage(file: string, offset: number, length: number, seed: string): void {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 32) crypto.createHash('sha256').update(`${seed}:${i}`).digest().copy(bytes, i);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, length, offset);
  fs.closeSync(fd);
}

const PAGE = 4096;

describe('a damaged district file', () => {
  const cases: [string, (file: string) => void][] = [
    ['random bytes in the middle', (file) => damage(file, Math.floor(fs.statSync(file).size / PAGE / 2) * PAGE, 512, 'middle')],
    ['random bytes at the tail', (file) => damage(file, fs.statSync(file).size - PAGE, PAGE, 'tail')],
    [
      'random bytes in several pages',
      (file) => {
        const pages = fs.statSync(file).size / PAGE;
        for (const page of [3, Math.floor(pages / 3), Math.floor((2 * pages) / 3)]) damage(file, page * PAGE + 8, 200, `page-${page}`);
      },
    ],
  ];

  it.each(cases)('with %s is refused on open, unchanged, and the newest good backup is offered', async (_name, breakIt) => {
    const { dir, file } = districtCopy();
    const older = await backupDatabaseFile(file, { folder: path.join(dir, 'backups'), reason: 'manual', now: new Date('2026-06-01T08:00:00Z') });
    const newest = await backupDatabaseFile(file, { folder: path.join(dir, 'backups'), reason: 'manual', now: new Date('2026-06-14T08:00:00Z') });
    damage(newest.path, PAGE * 2, PAGE, 'broken-backup'); // the newest backup is damaged too: the one before it is offered
    breakIt(file);
    const before = hashes(file);

    const error = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('DB_DAMAGED');
    expect((error as DatabaseOpenError).goodBackupPath).toBe(older.path);
    expect(hashes(file)).toEqual(before);

    // serve (the back end of the app and browser mode) refuses it too
    await expect(createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: fixedClock(NOW), roles: STANDALONE_ROLES })).rejects.toMatchObject({ code: 'DB_DAMAGED' });

    // the CLI says so in Dutch, with the backup, and writes nothing
    const csv = path.join(dir, 'cases.csv');
    fs.writeFileSync(csv, makeImportCsv(50, 0).csv);
    const imported = await run('import', '--db', file, csv);
    expect(imported.code).toBe(1);
    expect(imported.err).toContain('Het databasebestand is beschadigd.');
    expect(imported.err).toContain(`Nieuwste goede reservekopie: ${older.path}`);
    expect(imported.err).not.toMatch(/\n\s+at /);
    const exported = await run('export', 'monitoring', '--db', file, '--out', path.join(dir, 'm.json'));
    expect(exported.code).toBe(1);
    expect(exported.err).toContain('beschadigd');
    expect(fs.existsSync(path.join(dir, 'm.json'))).toBe(false);
    expect(hashes(file)).toEqual(before);
  });

  it('with a damaged header is refused as unreadable, unchanged, with the good backup', async () => {
    const { dir, file } = districtCopy();
    const good = await backupDatabaseFile(file, { folder: path.join(dir, 'backups'), reason: 'manual', now: new Date('2026-06-01T08:00:00Z') });
    damage(file, 0, 100, 'header');
    const before = hashes(file);
    await expect(openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now })).rejects.toMatchObject({ code: 'DB_OPEN_FAILED', goodBackupPath: good.path });
    expect(hashes(file)).toEqual(before);
  });
});

describe('the start-up screen for a damaged file', () => {
  it('offers the newest good backup and puts it back, keeping the damaged file as a backup', async () => {
    const { dir, file } = districtCopy();
    const folder = path.join(dir, 'backups');
    const good = await backupDatabaseFile(file, { folder, reason: 'manual', now: new Date('2026-06-01T08:00:00Z') });
    damage(file, PAGE * 3, PAGE, 'screen');
    const damagedHash = sha(file);
    const error = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now }).catch((e: unknown) => e);
    const shown: { message: string; detail: string; buttons: string[] }[] = [];
    const outcome = await showStartupError(
      {
        showMessageBox: async (options) => {
          shown.push(options);
          return { response: 0 };
        },
        copyToClipboard: () => undefined,
        openFolder: async () => '',
        folderExists: () => true,
        restoreBackup: async (databasePath, backupPath, backupFolder) => restoreBackup(databasePath, backupPath, { folder: backupFolder, now: NOW }).previousCopy,
      },
      error,
      folder,
    );
    expect(outcome).toBe('restored');
    expect(shown[0]!.message).toBe('Het databasebestand is beschadigd.');
    expect(shown[0]!.detail).toContain(`Nieuwste goede reservekopie: ${good.path}`);
    expect(shown[0]!.buttons).toEqual(['Reservekopie terugzetten', 'Foutmelding kopiëren', 'Back-upmap openen', 'Afsluiten']);
    expect(shown[1]!.message).toBe('De reservekopie is teruggezet.');
    const previous = path.join(folder, 'district-before-restore-2026-06-15T08-00-00-000Z.sqlite');
    expect(sha(previous)).toBe(damagedHash);
    const reopened = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    reopened.close();
  });
});

describe('a zero-byte file', () => {
  it('is refused in Dutch and left as it is; only a path that does not exist becomes a new database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    fs.writeFileSync(file, '');
    await expect(openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now })).rejects.toMatchObject({ code: 'DB_EMPTY_FILE' });
    const cli = await run('demo', '--db', file);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('Het databasebestand is leeg (0 bytes).');
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['district.sqlite']);

    const fresh = path.join(dir, 'new.sqlite');
    const opened = await openDatabase(fresh, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    opened.close();
    expect(fs.statSync(fresh).size).toBeGreaterThan(0);
  });

  it('is not left behind when creating a new database fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    const broken = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(broken, 'meta'), { recursive: true });
    fs.writeFileSync(path.join(broken, '0000_broken.sql'), 'THIS IS NOT SQL;');
    fs.writeFileSync(path.join(broken, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: [{ idx: 0, version: '6', when: 1, tag: '0000_broken', breakpoints: true }] }));
    await expect(openDatabase(file, { migrationsFolder: broken, now })).rejects.toMatchObject({ code: 'DB_MIGRATION_FAILED' });
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('a file of a newer version with its last changes still in the -wal', () => {
  /** A copy of the district that a "newer version" migrated and wrote to, then stopped hard (its WAL never checkpointed). */
  function newerVersionLeftWal(): { dir: string; file: string } {
    const { dir, file } = districtCopy();
    const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const newer = spawnSync(process.execPath, [
      '-e',
      `const Database = require(${JSON.stringify(betterSqlite)});
       const db = new Database(${JSON.stringify(file)});
       db.prepare("insert into ${MIGRATIONS_TABLE} (hash, created_at) values ('from-the-future', ?)").run(${Date.parse('2100-01-01T00:00:00Z')});
       db.exec("update district set name = name || ' (nieuwer)'");
       process.kill(process.pid, 'SIGKILL');`,
    ]);
    expect(newer.signal).toBe('SIGKILL');
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    return { dir, file };
  }

  it('is refused by the app, serve and the CLI while main file and -wal stay byte for byte as they were', async () => {
    const { dir, file } = newerVersionLeftWal();
    const before = hashes(file);
    const shmSize = fs.statSync(`${file}-shm`).size;

    await expect(openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now })).rejects.toMatchObject({ code: 'DB_FROM_NEWER_VERSION' });
    expect(hashes(file)).toEqual(before);
    await expect(createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: fixedClock(NOW), roles: STANDALONE_ROLES })).rejects.toMatchObject({ code: 'DB_FROM_NEWER_VERSION' });
    const cli = await run('plan', '--db', file, '--from', '2026-06-15', '--to', '2026-06-30');
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('nieuwere versie van Ketenplanner');
    expect(hashes(file)).toEqual(before);
    // -shm is SQLite's shared-memory index (no data): it stays, though a reader may rebuild its contents.
    expect(fs.statSync(`${file}-shm`).size).toBe(shmSize);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);

    // The newer version's last change is still only in its -wal, and still there.
    const reader = new Database(file, { readonly: true });
    expect((reader.prepare('select name from district').get() as { name: string }).name).toMatch(/\(nieuwer\)$/);
    reader.close();
    expect(hashes(file)).toEqual(before);
  });
});

describe('a full disk', () => {
  it('answers the api in Dutch with the folder (STORAGE_FULL), and nothing is half written', async () => {
    const { dir, file } = districtCopy();
    diskLimit.extraPages = 2;
    try {
      const countBefore = countCases(file);
      const backend = await createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: fixedClock(NOW), roles: STANDALONE_ROLES });
      const answer = await backend.handler(
        'cases.import',
        { fileName: 'cases.csv', contentBase64: Buffer.from(makeImportCsv(3000, 0).csv).toString('base64'), mode: 'valid_only', dryRun: false },
        { requestId: 'disk-full-0001' },
      );
      backend.close();
      expect(answer).toEqual({ ok: false, error: { code: 'STORAGE_FULL', message: expect.stringContaining(`De schijf is vol`) } });
      expect(!answer.ok && answer.error.message).toContain(dir);
      expect(countCases(file)).toBe(countBefore);
    } finally {
      diskLimit.extraPages = null;
    }
  });

  it('makes the CLI say it in Dutch with the folder, no stack trace, and commit nothing', async () => {
    const { dir, file } = districtCopy();
    const csv = path.join(dir, 'cases.csv');
    fs.writeFileSync(csv, makeImportCsv(3000, 0).csv);
    const countBefore = countCases(file);
    diskLimit.extraPages = 2;
    try {
      const imported = await run('import', '--db', file, csv);
      expect(imported.code).toBe(1);
      expect(imported.err).toContain(`De schijf is vol: Ketenplanner kan niets meer opslaan in de map ${dir}`);
      expect(imported.err).not.toMatch(/\n\s+at /);
    } finally {
      diskLimit.extraPages = null;
    }
    expect(countCases(file)).toBe(countBefore);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});

function countCases(file: string): number {
  const db = new Database(file, { readonly: true });
  const { n } = db.prepare('select count(*) as n from criminal_case').get() as { n: number };
  db.close();
  return n;
}
