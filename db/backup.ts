import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { amsterdamDate } from '../shared/calendar/amsterdam-time';
import { BackupError } from './database-errors';
import { checkDatabaseFile, errorText, type FileCheck } from './file-check';
import { MIGRATIONS_TABLE } from './migrations-state';

/**
 * Backups of a district file: full copies made with SQLite's backup API into a folder (default: a
 * 'backups' folder next to the file), each under a name of its own (never overwritten), each verified
 * by opening it read-only and running integrity_check. See docs/architecture-decisions.md (backups).
 *
 * Names: <file>-<reason>-<UTC instant>[-<n>].sqlite, e.g. district-manual-2026-06-01T07-00-00-000Z.sqlite;
 * the counter n (2, 3, ...) is added when that name exists (two backups in the same millisecond of the caller's clock).
 */
export type BackupReason = 'before-migration' | 'manual' | 'before-restore';
const REASONS: readonly BackupReason[] = ['before-migration', 'manual', 'before-restore'];

export interface BackupInfo {
  path: string;
  fileName: string;
  reason: BackupReason;
  /** The instant in the name (the clock of whoever made it). */
  createdAt: string;
  /** Bytes, with its -wal file if it has one (a raw copy taken before a restore). */
  sizeBytes: number;
}

export interface CheckedBackup extends BackupInfo {
  check: FileCheck;
}

/** Keep the newest `keepLast` backups and, for the last `keepMonths` months, the newest backup of each month. */
export interface BackupRetention {
  keepLast: number;
  keepMonths: number;
}

export const DEFAULT_RETENTION: BackupRetention = { keepLast: 10, keepMonths: 12 };

export function defaultBackupFolder(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

function baseNameOf(databasePath: string): string {
  const resolved = path.resolve(databasePath);
  return path.basename(resolved, path.extname(resolved));
}

function stampOf(instant: Date): string {
  return instant.toISOString().replace(/[:.]/g, '-');
}

/** Claims a new, empty file under a name nobody has used (O_EXCL: an existing file is never taken over). */
function reserveBackupPath(folder: string, databasePath: string, reason: BackupReason, now: Date): string {
  fs.mkdirSync(folder, { recursive: true });
  const stem = `${baseNameOf(databasePath)}-${reason}-${stampOf(now)}`;
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, `${stem}${n === 1 ? '' : `-${n}`}.sqlite`);
    try {
      fs.closeSync(fs.openSync(candidate, 'wx'));
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export interface CreateBackupOptions {
  folder: string;
  reason: BackupReason;
  now: Date;
  nativeBinding?: string | undefined;
}

/**
 * Copies the database open on `source` (read-only or not) into a new backup file with SQLite's backup
 * API (a consistent copy, the WAL's committed changes included), makes the copy a single file
 * (journal_mode=DELETE), and verifies it read-only with integrity_check. A copy that fails is removed
 * (it is this function's own, unfinished file) and the failure thrown: a full disk with its code
 * (SQLITE_FULL/ENOSPC), a damaged source as a BackupError.
 */
export async function createBackup(source: Database.Database, databasePath: string, options: CreateBackupOptions): Promise<CheckedBackup> {
  const target = reserveBackupPath(options.folder, databasePath, options.reason, options.now);
  const discard = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
  };
  try {
    await source.backup(target);
    const copy = new Database(target, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    discard();
    throw error;
  }
  const check = checkDatabaseFile(target, 'full', options.nativeBinding);
  if (!check.ok) {
    discard();
    throw new BackupError(`De reservekopie is niet goed (integrity_check: ${check.problems.slice(0, 3).join('; ')}); het bronbestand is waarschijnlijk beschadigd.`, null);
  }
  return { ...describe(target, options.reason, options.now.toISOString()), check };
}

function describe(file: string, reason: BackupReason, createdAt: string): BackupInfo {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return { path: file, fileName: path.basename(file), reason, createdAt, sizeBytes: size(file) + size(`${file}-wal`) };
}

/** The backups of this database file in the folder, newest first (by the instant in their names). */
export function listBackups(databasePath: string, folder: string): BackupInfo[] {
  if (!fs.existsSync(folder)) return [];
  const base = baseNameOf(databasePath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${base}-(${REASONS.join('|')})-(\\d{4}-\\d{2}-\\d{2}T\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z(?:-(\\d+))?\\.sqlite$`);
  const found: (BackupInfo & { counter: number })[] = [];
  for (const name of fs.readdirSync(folder)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [, reason, dateHour, minute, second, milli, counter] = match;
    const createdAt = `${dateHour}:${minute}:${second}.${milli}Z`;
    if (Number.isNaN(Date.parse(createdAt))) continue;
    found.push({ ...describe(path.join(folder, name), reason as BackupReason, createdAt), counter: Number(counter ?? 1) });
  }
  found.sort((a, b) => (a.createdAt === b.createdAt ? b.counter - a.counter : a.createdAt < b.createdAt ? 1 : -1));
  return found.map(({ counter: _counter, ...info }) => info);
}

// Checking a large backup takes a while; a file that did not change since its check is not read again.
const checkCache = new Map<string, { key: string; check: FileCheck }>();

/** integrity_check of one backup, remembered while the file's size and modification time stay the same. */
export function checkBackup(backup: BackupInfo, nativeBinding?: string): FileCheck {
  const stat = fs.statSync(backup.path, { throwIfNoEntry: false });
  const key = stat ? `${stat.size}:${stat.mtimeMs}` : 'missing';
  const cached = checkCache.get(backup.path);
  if (cached?.key === key) return cached.check;
  const check = checkDatabaseFile(backup.path, 'full', nativeBinding);
  checkCache.set(backup.path, { key, check });
  return check;
}

/** The newest backup that passes integrity_check, or null. */
export function newestGoodBackup(databasePath: string, folder: string, nativeBinding?: string): CheckedBackup | null {
  for (const backup of listBackups(databasePath, folder)) {
    const check = checkBackup(backup, nativeBinding);
    if (check.ok) return { ...backup, check };
  }
  return null;
}

/**
 * Applies the retention rule to the backups made before a migration or on request; raw copies kept
 * before a restore are never removed by it (they may be the only trace of what was replaced).
 * Returns the files removed.
 */
export function pruneBackups(databasePath: string, folder: string, retention: BackupRetention): string[] {
  const candidates = listBackups(databasePath, folder).filter((b) => b.reason !== 'before-restore');
  const keep = new Set(candidates.slice(0, retention.keepLast).map((b) => b.path));
  const newest = candidates[0];
  if (newest && retention.keepMonths > 0) {
    const monthOf = (b: BackupInfo) => amsterdamDate(Date.parse(b.createdAt)).slice(0, 7);
    const [year, month] = monthOf(newest).split('-').map(Number) as [number, number];
    const oldestKeptMonth = (() => {
      const index = year * 12 + (month - 1) - (retention.keepMonths - 1);
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    })();
    const seen = new Set<string>();
    for (const backup of candidates) {
      const m = monthOf(backup);
      if (m >= oldestKeptMonth && !seen.has(m)) {
        seen.add(m);
        keep.add(backup.path);
      }
    }
  }
  const removed: string[] = [];
  for (const backup of candidates) {
    if (keep.has(backup.path)) continue;
    fs.rmSync(backup.path);
    removed.push(backup.path);
  }
  return removed;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The raw copy of the file as it was before the restore (null when there was no file). */
  previousCopy: string | null;
}

/**
 * Puts a backup in place of the database file. The backup is verified first (integrity_check, and it
 * must be a Ketenplanner file); the current file, with its -wal, is first copied byte for byte into the
 * backup folder (reason before-restore); then the backup is copied next to the file and renamed over
 * it. Nothing is deleted but the old -wal and -shm, whose contents are in that copy (an old WAL must
 * never be applied to the restored file). Run it while no program has the file open.
 */
export function restoreBackup(
  databasePath: string,
  backupPath: string,
  options: { folder: string; now: Date; nativeBinding?: string | undefined },
): RestoreResult {
  const target = path.resolve(databasePath);
  const source = path.resolve(backupPath);
  if (source === target) throw new BackupError('De reservekopie is het databasebestand zelf.', source);
  const check = checkDatabaseFile(source, 'full', options.nativeBinding);
  if (!check.ok) throw new BackupError(`De reservekopie ${source} is niet goed: ${check.problems.slice(0, 3).join('; ')}. Er is niets teruggezet.`, source);
  if (!isKetenplannerFile(source, options.nativeBinding)) {
    throw new BackupError(`${source} is geen Ketenplanner-database. Er is niets teruggezet.`, source);
  }

  let previousCopy: string | null = null;
  if (fs.existsSync(target)) {
    previousCopy = reserveBackupPath(options.folder, target, 'before-restore', options.now);
    fs.copyFileSync(target, previousCopy);
    const wal = `${target}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) fs.copyFileSync(wal, `${previousCopy}-wal`);
    if (fs.statSync(previousCopy).size !== fs.statSync(target).size) {
      throw new BackupError(`Het kopiëren van het huidige bestand naar ${previousCopy} is niet gelukt. Er is niets teruggezet.`, previousCopy);
    }
  }

  const temporary = `${target}.restoring-${process.pid}`;
  fs.copyFileSync(source, temporary, fs.constants.COPYFILE_EXCL);
  const fd = fs.openSync(temporary, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(temporary, target);
  return { restoredFrom: source, previousCopy };
}

function isKetenplannerFile(file: string, nativeBinding?: string): boolean {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return Boolean(sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(MIGRATIONS_TABLE));
  } catch (error) {
    throw new BackupError(`${file} kan niet worden gelezen: ${errorText(error)}`, file, { cause: error });
  } finally {
    sqlite?.close();
  }
}

// The better-sqlite3 addon each connection was opened with (the Electron-ABI build under Electron), so
// code that only has the connection opens backups with the same addon.
const bindings = new WeakMap<Database.Database, string>();

export function rememberNativeBinding(sqlite: Database.Database, nativeBinding: string | undefined): void {
  if (nativeBinding) bindings.set(sqlite, nativeBinding);
}

export function nativeBindingOf(sqlite: Database.Database): string | undefined {
  return bindings.get(sqlite);
}

/**
 * A backup of a database file that is not open here (the CLI): the file must exist and hold data; it is
 * read over a read-only connection (no migration, nothing written), copied and verified.
 */
export async function backupDatabaseFile(databasePath: string, options: CreateBackupOptions): Promise<CheckedBackup> {
  const resolved = path.resolve(databasePath);
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new BackupError(`${resolved} bestaat niet: geef het databasebestand van het arrondissement.`, null);
  if (stat.size === 0) throw new BackupError(`${resolved} is leeg (0 bytes): daar valt niets van te bewaren.`, null);
  const sqlite = new Database(resolved, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    sqlite.pragma('busy_timeout = 5000');
    return await createBackup(sqlite, resolved, options);
  } finally {
    sqlite.close();
  }
}
