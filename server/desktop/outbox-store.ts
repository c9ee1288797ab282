import Database from 'better-sqlite3';
import type { SyncConflict, SyncSubject } from '../../shared/api/sync-status';

/**
 * The outbox and the conflict inbox of a connected desktop (issue 14): local-only tables in the local
 * copy's SQLite file (not in db/schema.ts, never sent to the server), on a connection of their own, so
 * they survive a restart with the copy. The outbox keeps each offline write as the contract operation
 * with its original request id, in order; the conflict inbox each write the server refused, with its
 * reason and what the server holds now.
 *
 * An entry is written 'applying' before the local copy applies the write and made 'pending' after; an
 * entry still 'applying' at the next start was cut off by a crash: it is kept when the copy recorded its
 * request id (processed_request: the local write happened) and dropped otherwise.
 */

export interface OutboxEntry {
  seq: number;
  requestId: string;
  operation: string;
  input: unknown;
  summary: string;
  subject: SyncSubject | null;
  createdAt: string;
  state: 'applying' | 'pending';
}

export interface NewOutboxEntry {
  requestId: string;
  operation: string;
  input: unknown;
  summary: string;
  subject: SyncSubject | null;
  createdAt: string;
}

export interface ConflictRecord extends SyncConflict {
  code: string;
  input: unknown;
  subject: SyncSubject | null;
  resolvedAt: string | null;
  resolution: string | null;
}

interface OutboxRow {
  seq: number;
  request_id: string;
  operation: string;
  input_json: string;
  summary: string;
  subject_table: string | null;
  subject_key: string | null;
  created_at: string;
  state: 'applying' | 'pending';
}

interface ConflictRow {
  id: number;
  request_id: string;
  operation: string;
  input_json: string;
  summary: string;
  subject_table: string | null;
  subject_key: string | null;
  reason: string;
  code: string;
  server_now_json: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

const SCHEMA = `
create table if not exists outbox (
  seq integer primary key autoincrement,
  request_id text not null unique,
  operation text not null,
  input_json text not null,
  summary text not null,
  subject_table text,
  subject_key text,
  created_at text not null,
  state text not null default 'pending' check (state in ('applying', 'pending'))
);
create table if not exists "conflict" (
  id integer primary key autoincrement,
  request_id text not null,
  operation text not null,
  input_json text not null,
  summary text not null,
  subject_table text,
  subject_key text,
  reason text not null,
  code text not null,
  server_now_json text,
  created_at text not null,
  resolved_at text,
  resolution text
);
-- Rows a pending entry's local write created: their ids are the copy's own, not yet the server's.
create table if not exists outbox_created (
  request_id text not null,
  table_name text not null,
  row_key text not null,
  primary key (table_name, row_key)
);
create table if not exists outbox_meta (key text primary key, value text);
`;

const BUSY_WAIT_MS = 30_000;

export interface OfflineRead {
  id: number;
  readAt: string;
  operation: string;
  caseId: number;
}

export class OutboxStore {
  private readonly db: Database.Database;

  /**
   * Opens the tables on a connection of its own. It never waits inside SQLite for the copy's own
   * connection (same process: that would block the thread the other transaction needs to finish);
   * a write that finds the file busy is retried after a short pause instead.
   */
  constructor(readonly path: string, nativeBinding?: string) {
    this.db = new Database(path, nativeBinding ? { nativeBinding } : {});
    this.db.pragma('busy_timeout = 0');
    this.db.pragma('synchronous = FULL');
  }

  async init(): Promise<void> {
    await this.writing(() => this.db.exec(SCHEMA));
  }

  private async writing<T>(work: () => T): Promise<T> {
    let waited = 0;
    for (;;) {
      try {
        return this.db.transaction(work).immediate();
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || waited >= BUSY_WAIT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10));
        waited += 10;
      }
    }
  }

  /** A read of the copy's own tables (the summary of an entry names the case's parketnummer). */
  lookup<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare<unknown[], T>(sql).get(...params);
  }

  /** The highest id of each table (rows above it after a local write were created by that write). */
  maxIds(tables: readonly string[]): Map<string, number> {
    return new Map(tables.map((table) => [table, this.db.prepare<[], { id: number | null }>(`select max(id) as id from "${table}"`).get()?.id ?? 0]));
  }

  /** The rows of these tables above the given ids. */
  rowsAbove(before: Map<string, number>): SyncSubject[] {
    const rows: SyncSubject[] = [];
    for (const [table, id] of before) {
      for (const row of this.db.prepare<[number], { id: number }>(`select id from "${table}" where id > ?`).all(id)) rows.push({ table, key: String(row.id) });
    }
    return rows;
  }

  /** Stores a new entry 'applying'; false when the request id is already in the outbox (a double click). */
  async begin(entry: NewOutboxEntry): Promise<boolean> {
    const result = await this.writing(() => this.db
      .prepare(
        "insert or ignore into outbox (request_id, operation, input_json, summary, subject_table, subject_key, created_at, state) values (?, ?, ?, ?, ?, ?, ?, 'applying')",
      )
      .run(entry.requestId, entry.operation, JSON.stringify(entry.input ?? {}), entry.summary, entry.subject?.table ?? null, entry.subject?.key ?? null, entry.createdAt));
    return result.changes === 1;
  }

  /** The local copy took the write: the entry waits for the server. */
  async commit(requestId: string, created: readonly SyncSubject[]): Promise<void> {
    await this.writing(() => {
      this.db.prepare("update outbox set state = 'pending' where request_id = ?").run(requestId);
      const insert = this.db.prepare('insert or ignore into outbox_created (request_id, table_name, row_key) values (?, ?, ?)');
      for (const row of created) insert.run(requestId, row.table, row.key);
    });
  }

  /** The local copy refused the write (or it was answered from the copy's store): no entry. */
  async abandon(requestId: string): Promise<void> {
    await this.writing(() => this.db.prepare("delete from outbox where request_id = ? and state = 'applying'").run(requestId));
  }

  /** Entries cut off by a crash between 'applying' and 'pending': kept when the copy holds their request id. */
  async recover(appliedLocally: (requestId: string) => boolean): Promise<void> {
    const applying = this.db.prepare<[], OutboxRow>("select * from outbox where state = 'applying'").all();
    for (const row of applying) {
      if (appliedLocally(row.request_id)) await this.commit(row.request_id, []);
      else await this.abandon(row.request_id);
    }
  }

  entry(requestId: string): OutboxEntry | null {
    const row = this.db.prepare<[string], OutboxRow>('select * from outbox where request_id = ?').get(requestId);
    return row ? outboxEntry(row) : null;
  }

  pending(): OutboxEntry[] {
    return this.db.prepare<[], OutboxRow>("select * from outbox where state = 'pending' order by seq").all().map(outboxEntry);
  }

  pendingCount(): number {
    return this.db.prepare<[], { n: number }>('select count(*) as n from outbox').get()?.n ?? 0;
  }

  /** Whether a pending entry created this row (its id is the copy's own, not yet the server's). */
  createdOffline(subject: SyncSubject): boolean {
    return this.db.prepare('select 1 from outbox_created where table_name = ? and row_key = ?').get(subject.table, subject.key) !== undefined;
  }

  /** The server applied it. */
  async confirm(entry: OutboxEntry): Promise<void> {
    await this.writing(() => {
      this.db.prepare('delete from outbox where seq = ?').run(entry.seq);
      this.db.prepare('delete from outbox_created where request_id = ?').run(entry.requestId);
    });
  }

  /** The server refused it: out of the outbox and into the conflict inbox, in one transaction. */
  async refuse(entry: OutboxEntry, refusal: { code: string; reason: string; serverNow: unknown; at: string }): Promise<number> {
    return this.writing(() => {
      this.db.prepare('delete from outbox where seq = ?').run(entry.seq);
      this.db.prepare('delete from outbox_created where request_id = ?').run(entry.requestId);
      const inserted = this.db
        .prepare(
          'insert into "conflict" (request_id, operation, input_json, summary, subject_table, subject_key, reason, code, server_now_json, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          entry.requestId,
          entry.operation,
          JSON.stringify(entry.input ?? {}),
          entry.summary,
          entry.subject?.table ?? null,
          entry.subject?.key ?? null,
          refusal.reason,
          refusal.code,
          refusal.serverNow === undefined ? null : JSON.stringify(refusal.serverNow),
          refusal.at,
        );
      return Number(inserted.lastInsertRowid);
    });
  }

  conflict(id: number): ConflictRecord | null {
    const row = this.db.prepare<[number], ConflictRow>('select * from "conflict" where id = ?').get(id);
    return row ? conflictRecord(row) : null;
  }

  /** The conflicts not yet resolved, oldest first. */
  openConflicts(): ConflictRecord[] {
    return this.db.prepare<[], ConflictRow>('select * from "conflict" where resolved_at is null order by id').all().map(conflictRecord);
  }

  allConflicts(): ConflictRecord[] {
    return this.db.prepare<[], ConflictRow>('select * from "conflict" order by id').all().map(conflictRecord);
  }

  async resolve(id: number, resolution: string, at: string): Promise<boolean> {
    return (await this.writing(() => this.db.prepare('update "conflict" set resolved_at = ?, resolution = ? where id = ? and resolved_at is null').run(at, resolution, id))).changes === 1;
  }

  meta(key: string): string | null {
    return this.db.prepare<[string], { value: string | null }>('select value from outbox_meta where key = ?').get(key)?.value ?? null;
  }

  async setMeta(key: string, value: string | null): Promise<void> {
    await this.writing(() => this.db.prepare('insert into outbox_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(key, value));
  }

  /** Reads of personal data this desktop answered from the copy (the copy's own trace, never synced), oldest first. */
  offlineReads(limit: number): OfflineRead[] {
    return this.db
      .prepare<[number], OfflineRead>('select id, read_at as readAt, operation, case_id as caseId from personal_data_read order by id limit ?')
      .all(limit);
  }

  /** The reads the server has recorded. */
  async forgetReads(ids: readonly number[]): Promise<void> {
    await this.writing(() => this.db.prepare('delete from personal_data_read where id in (select value from json_each(?))').run(JSON.stringify(ids)));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function subjectOf(table: string | null, key: string | null): SyncSubject | null {
  return table !== null && key !== null ? { table, key } : null;
}

function outboxEntry(row: OutboxRow): OutboxEntry {
  return {
    seq: row.seq,
    requestId: row.request_id,
    operation: row.operation,
    input: JSON.parse(row.input_json) as unknown,
    summary: row.summary,
    subject: subjectOf(row.subject_table, row.subject_key),
    createdAt: row.created_at,
    state: row.state,
  };
}

function conflictRecord(row: ConflictRow): ConflictRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    operation: row.operation,
    summary: row.summary,
    reason: row.reason,
    code: row.code,
    serverNow: row.server_now_json === null ? null : (JSON.parse(row.server_now_json) as unknown),
    createdAt: row.created_at,
    input: JSON.parse(row.input_json) as unknown,
    subject: subjectOf(row.subject_table, row.subject_key),
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
  };
}
