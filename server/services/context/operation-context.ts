import type { AppDatabase } from '../../../db/open-database';
import type { Role } from '../../../shared/domain/roles';
import type { Clock } from './clock';

/**
 * Everything one operation may use, made once per request by the api handler: the database, who acts,
 * the clock, and the request id the caller chose. The district server adds the role here.
 */
export interface OperationContext {
  db: AppDatabase;
  actor: string;
  /** The actor's roles as the api handler checked them; a context made outside the api handler has none. */
  roles?: readonly Role[];
  clock: Clock;
  /** The caller's id for this request (one per user action); null for reads and callers without one. */
  requestId: string | null;
  /**
   * Runs `work` as one write transaction (BEGIN IMMEDIATE; waits and retries while another process
   * writes the file) and records the request id in the same transaction.
   */
  write<T>(work: () => T | Promise<T>): Promise<T>;
  /**
   * A district file only: `work` as one write transaction on a connection of its own, which may wait on
   * other work (a worker thread) while it is open; this operation's readers and everybody else's see
   * nothing of it until it commits, and other writes wait. `work` writes only through the `db` it is
   * given. Records the request id in it, as write. Absent on PostgreSQL and in memory: use write.
   */
  writeApart?<T>(work: (db: AppDatabase) => Promise<T>): Promise<T>;
  /**
   * Reports cases whose personal data this read disclosed, for an operation whose answer holds no ids
   * (a file: shared/api/disclosures.ts, 'reported'); the api handler traces them after the read.
   * Optional: a context made outside the api handler traces nothing.
   */
  disclose?: (caseIds: Iterable<number>) => void;
}
