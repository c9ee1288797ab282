import path from 'node:path';
import type Database from 'better-sqlite3';
import { diskFullMessage, isDiskFull } from '../../../db/database-errors';
import { appDatabaseOver, type AppDatabase } from '../../../db/open-database';
import { openSiblingConnection } from '../../../db/sibling-connection';
import type { Role } from '../../../shared/domain/roles';
import { withOperationMemo } from './operation-memo';
import { runWriteTransaction, runWriteTransactionApart } from './write-transaction';

/** Who an operation runs for, as the database's second line needs it (PostgreSQL's role and row scope). */
export interface OperationScope {
  /** The app role the operation is done in (one of the person's roles that may do it); null: standalone. */
  role: Role | null;
  /** A police liaison's unit; null for every other role. */
  policeUnit: string | null;
  actor: string;
}

export type WriteTransaction = <T>(work: () => T | Promise<T>) => Promise<T>;

/**
 * The district's database as the api handler uses it, the same for the standalone file (SQLite) and the
 * district server (PostgreSQL): where each operation runs, how it writes, and what a failure of the
 * engine means for the user.
 */
export interface DistrictDatabase {
  readonly engine: 'sqlite' | 'postgresql';
  /** Nothing can be written (a district file opened read-only). */
  readonly readonly: boolean;
  /**
   * Runs one operation on its own handle; `write` runs work as a write transaction on that handle.
   * `readOnly`: the operation is a read (OPERATION_KINDS); PostgreSQL then first tries it in a READ ONLY
   * transaction and runs it again writable should it write after all.
   */
  run<T>(scope: OperationScope, work: (db: AppDatabase, write: WriteTransaction) => Promise<T>, options?: { readOnly?: boolean }): Promise<T>;
  /** A small write of its own, after or instead of an operation (a refusal's audit row, a read's trace, a stored answer). */
  write<T>(scope: OperationScope, work: (db: AppDatabase) => Promise<T>): Promise<T>;
  /**
   * A district file (not one in memory, not read-only): a long write transaction on a connection of its
   * own, which may wait on other work while open (runWriteTransactionApart). Absent on PostgreSQL.
   */
  readonly writeApart?: <T>(scope: OperationScope, work: (db: AppDatabase) => Promise<T>) => Promise<T>;
  /** The Dutch message for a failure because storage is full, or null for any other failure. */
  storageFullMessage(error: unknown): string | null;
  /** A uniqueness rule the service did not check first. */
  isUniqueViolation(error: unknown): boolean;
}

/**
 * The standalone district file: one connection for every operation; a write is BEGIN IMMEDIATE behind
 * the connection's gate, waiting while another process writes (write-transaction.ts).
 */
export function sqliteDistrictDatabase(db: AppDatabase, sqlite: Database.Database): DistrictDatabase {
  const write: WriteTransaction = (work) => runWriteTransaction(sqlite, work);
  return {
    engine: 'sqlite',
    get readonly() {
      return sqlite.readonly;
    },
    run: (_scope, work) => withOperationMemo(() => work(db, write)),
    write: async (_scope, work) => await write(() => work(db)),
    ...(sqlite.memory || sqlite.readonly ? {} : { writeApart: async (_scope, work) => await runWriteTransactionApart(sqlite, openSiblingConnection, (own) => work(appDatabaseOver(own))) }),
    storageFullMessage: (error) => (isDiskFull(error) ? diskFullMessage(path.dirname(sqlite.name)) : null),
    isUniqueViolation: isSqliteUniqueViolation,
  };
}

export function isSqliteUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
