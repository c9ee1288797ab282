import fs from 'node:fs';
import Database from 'better-sqlite3';
import { isCorruption } from './database-errors';

export interface FileCheck {
  ok: boolean;
  /** SQLite's own findings (at most 20), or why the file could not be read; empty when ok. */
  problems: string[];
}

/**
 * Runs SQLite's own check on an open connection: `quick_check` (every page and record, no index
 * comparison: fast enough for every open) or `integrity_check` (also every index; for backups).
 * A read that fails because the file is damaged counts as a finding, not as a crash.
 */
export function runFileCheck(sqlite: Database.Database, kind: 'quick' | 'full'): FileCheck {
  try {
    const rows = sqlite.prepare(`PRAGMA ${kind === 'quick' ? 'quick_check' : 'integrity_check'}(20)`).raw().all() as unknown[][];
    const findings = rows.map((row) => String(row[0]));
    return findings.length === 1 && findings[0] === 'ok' ? { ok: true, problems: [] } : { ok: false, problems: findings };
  } catch (error) {
    // A damaged page is a finding; a file that is no database at all (SQLITE_NOTADB) is the caller's to name.
    if (isCorruption(error) && (error as { code?: unknown }).code !== 'SQLITE_NOTADB') return { ok: false, problems: [errorText(error)] };
    throw error;
  }
}

/**
 * Opens a file read-only and runs the check. A read-only connection never writes the file, never
 * checkpoints its WAL and never deletes -wal or -shm (SQLite may rebuild the -shm index, which holds no data).
 */
export function checkDatabaseFile(file: string, kind: 'quick' | 'full', nativeBinding?: string): FileCheck {
  if (!fs.existsSync(file)) return { ok: false, problems: ['Het bestand bestaat niet.'] };
  if (fs.statSync(file).size === 0) return { ok: false, problems: ['Het bestand is leeg (0 bytes).'] };
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return runFileCheck(sqlite, kind);
  } catch (error) {
    return { ok: false, problems: [errorText(error)] };
  } finally {
    sqlite?.close();
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
