import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabaseFile, listBackups, pruneBackups } from '../../db/backup';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase } from '../../db/open-database';
import { runCli } from '../../server/cli/run-cli';
import { fixedClock } from '../../server/services/context/clock';
import { createBackend } from '../../server/services/create-backend';
import { useTempDir } from '../support/temp-dir';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

const tempDir = useTempDir();
/** Every clock here is pinned; two steps below deliberately share one instant. */
const NOW = new Date('2026-06-15T08:00:00.000Z');
const now = () => NOW;
const journal = JSON.parse(fs.readFileSync(path.join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function migrationsUpTo(dir: string, count: number): string {
  const folder = path.join(dir, `migrations-${count}`);
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const e of entries) fs.copyFileSync(path.join(SOURCE_MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries }));
  return folder;
}

async function districtFile(dir: string, name = 'district.sqlite'): Promise<string> {
  const file = path.join(dir, name);
  const opened = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
  opened.sqlite.exec("insert into district (code, name) values ('OOST', 'Oost-Nederland')");
  opened.close();
  return file;
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--now', '2026-06-15T10:00:00+02:00'], { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const districtName = (file: string) => {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('select name from district').get() as { name: string } | undefined;
  db.close();
  return row?.name ?? null;
};

describe('backups before migrations', () => {
  it('two migrations at the same clock value give two backups under different names; neither is overwritten', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    const n = journal.entries.length;
    const old = await openDatabase(file, { migrationsFolder: migrationsUpTo(dir, n - 2), now });
    old.sqlite.exec("insert into district (code, name) values ('OUD', 'Versie min twee')");
    old.close();
    const first = await openDatabase(file, { migrationsFolder: migrationsUpTo(dir, n - 1), now });
    first.sqlite.exec("update district set name = 'Versie min een'");
    first.close();
    const second = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now });
    second.close();

    expect(path.basename(first.backupPath!)).toBe('district-before-migration-2026-06-15T08-00-00-000Z.sqlite');
    expect(path.basename(second.backupPath!)).toBe('district-before-migration-2026-06-15T08-00-00-000Z-2.sqlite');
    expect(districtName(first.backupPath!)).toBe('Versie min twee');
    expect(districtName(second.backupPath!)).toBe('Versie min een');
    // each backup is one verified file (no -wal or -shm beside it)
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual([path.basename(first.backupPath!), path.basename(second.backupPath!)].sort());
  });
});

describe('the retention rule', () => {
  it('keeps the newest N and the newest of each of the last M months, never a copy kept before a restore', async () => {
    const dir = tempDir();
    const file = await districtFile(dir);
    const folder = path.join(dir, 'backups');
    const instants = ['2025-11-03', '2025-12-01', '2025-12-20', '2026-01-10', '2026-02-02', '2026-02-25', '2026-03-05', '2026-03-06', '2026-03-07'];
    for (const day of instants) await backupDatabaseFile(file, { folder, reason: 'manual', now: new Date(`${day}T09:00:00Z`) });
    const kept = path.join(folder, 'district-before-restore-2025-10-01T09-00-00-000Z.sqlite');
    fs.copyFileSync(file, kept);

    const removed = pruneBackups(file, folder, { keepLast: 2, keepMonths: 3 });
    const left = listBackups(file, folder).map((b) => `${b.reason} ${b.createdAt.slice(0, 10)}`);
    // newest two: 03-07, 03-06; months 2026-03, 2026-02, 2026-01 -> newest of each: 03-07, 02-25, 01-10
    expect(left).toEqual(['manual 2026-03-07', 'manual 2026-03-06', 'manual 2026-02-25', 'manual 2026-01-10', 'before-restore 2025-10-01']);
    expect(removed.map((f) => path.basename(f).slice('district-manual-'.length, 'district-manual-'.length + 10)).sort()).toEqual([
      '2025-11-03',
      '2025-12-01',
      '2025-12-20',
      '2026-02-02',
      '2026-03-05',
    ]);
  });
});

describe('ketenplanner backup and restore', () => {
  it('backup makes a verified copy under a new name each time, lists it, and applies --keep-last', async () => {
    const dir = tempDir();
    const file = await districtFile(dir);
    const before = sha(file);
    const first = await run('backup', '--db', file);
    const second = await run('backup', '--db', file, '--keep-last', '5');
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const a = JSON.parse(first.out) as { backup: string; check: string };
    const b = JSON.parse(second.out) as { backup: string; removed: string[] };
    expect(a.check).toBe('ok');
    // --now starts the clock at that instant and lets it run: the names carry the clock's milliseconds
    expect(path.basename(a.backup)).toMatch(/^district-manual-2026-06-15T08-00-0\d-\d{3}Z(-\d+)?\.sqlite$/);
    expect(b.backup).not.toBe(a.backup);
    expect(b.removed).toEqual([]);
    expect(sha(file)).toBe(before);

    const out = path.join(dir, 'elders');
    expect((await run('backup', '--db', file, '--out', out)).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual([expect.stringMatching(/^district-manual-2026-06-15T08-00-0\d-\d{3}Z\.sqlite$/)]);

    const listed = await run('backup', '--db', file, '--list');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as { backups: { check: string }[] }).backups.map((x) => x.check)).toEqual(['ok', 'ok']);
  });

  it('backup refuses a missing or empty file in Dutch', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'leeg.sqlite');
    fs.writeFileSync(empty, '');
    const result = await run('backup', '--db', empty);
    expect(result.code).toBe(1);
    expect(result.err).toContain('is leeg (0 bytes)');
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('restore verifies the backup, keeps the current file (with its -wal) as a backup, and deletes nothing', async () => {
    const dir = tempDir();
    const file = await districtFile(dir);
    const made = JSON.parse((await run('backup', '--db', file)).out) as { backup: string };
    const backupHash = sha(made.backup);

    // Later work, part of it still in the -wal of a program that stopped hard.
    const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    spawnSync(process.execPath, [
      '-e',
      `const db = new (require(${JSON.stringify(betterSqlite)}))(${JSON.stringify(file)}); db.exec("update district set name = 'Later gewijzigd'"); process.kill(process.pid, 'SIGKILL');`,
    ]);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const currentHash = sha(file);
    const walHash = sha(`${file}-wal`);

    const restored = await run('restore', '--db', file, '--from', made.backup);
    expect(restored.code).toBe(0);
    const result = JSON.parse(restored.out) as { previousCopy: string; check: string };
    expect(result.check).toBe('ok');
    expect(path.basename(result.previousCopy)).toMatch(/^district-before-restore-2026-06-15T08-00-0\d-\d{3}Z\.sqlite$/);
    expect(sha(result.previousCopy)).toBe(currentHash);
    expect(sha(`${result.previousCopy}-wal`)).toBe(walHash);
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // the old WAL must never meet the restored file
    expect(districtName(result.previousCopy)).toBe('Later gewijzigd');
    expect(districtName(file)).toBe('Oost-Nederland');
    expect(sha(made.backup)).toBe(backupHash);

    // The app opens the restored file as usual.
    const backend = await createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: fixedClock(NOW), roles: STANDALONE_ROLES });
    const district = await backend.handler('district.get', {});
    backend.close();
    expect(district).toMatchObject({ ok: true, value: { name: 'Oost-Nederland' } });
  });

  it('restore refuses a damaged backup and leaves the current file alone', async () => {
    const dir = tempDir();
    const file = await districtFile(dir);
    const made = JSON.parse((await run('backup', '--db', file)).out) as { backup: string };
    const fd = fs.openSync(made.backup, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096);
    fs.closeSync(fd);
    const before = sha(file);
    const result = await run('restore', '--db', file, '--from', made.backup);
    expect(result.code).toBe(1);
    expect(result.err).toContain('is niet goed');
    expect(result.err).toContain('Er is niets teruggezet');
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(made.backup)]);
  });

  it('restore --from newest takes the newest backup that passes integrity_check', async () => {
    const dir = tempDir();
    const file = await districtFile(dir);
    const folder = path.join(dir, 'backups');
    const good = await backupDatabaseFile(file, { folder, reason: 'manual', now: new Date('2026-06-01T08:00:00Z') });
    const bad = await backupDatabaseFile(file, { folder, reason: 'manual', now: new Date('2026-06-10T08:00:00Z') });
    const fd = fs.openSync(bad.path, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096);
    fs.closeSync(fd);
    const result = await run('restore', '--db', file, '--from', 'newest');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { restoredFrom: string }).restoredFrom).toBe(good.path);
  });
});

describe('backups in the app (contract operations)', () => {
  it('backups.create makes a verified backup; backups.list shows date, size and check result', async () => {
    const dir = tempDir();
    const file = await districtFile(dir);
    const backend = await createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: fixedClock(NOW), roles: STANDALONE_ROLES });
    try {
      const created = await backend.handler('backups.create', {}, { requestId: 'backup-request-0001' });
      expect(created).toMatchObject({ ok: true, value: { backup: { fileName: 'district-manual-2026-06-15T08-00-00-000Z.sqlite', ok: true, reason: 'manual' }, removed: 0 } });
      const again = await backend.handler('backups.create', {}, { requestId: 'backup-request-0002' });
      expect(again).toMatchObject({ ok: true, value: { backup: { fileName: 'district-manual-2026-06-15T08-00-00-000Z-2.sqlite' } } });
      const listed = await backend.handler('backups.list', {});
      expect(listed.ok).toBe(true);
      const value = (listed as { value: { folder: string; backups: { createdAt: string; sizeBytes: number; ok: boolean }[] } }).value;
      expect(value.folder).toBe(path.join(dir, 'backups'));
      expect(value.backups).toHaveLength(2);
      expect(value.backups.every((b) => b.ok && b.sizeBytes > 0 && b.createdAt === NOW.toISOString())).toBe(true);
    } finally {
      backend.close();
    }
  });
});
