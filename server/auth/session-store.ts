import type { SignedInPerson } from './signed-in-person';

/**
 * A browser session on the district server. The cookie holds a random id; the store knows it only by
 * its SHA-256 (sessionKey), so a copy of the store cannot be replayed as cookies.
 */
export interface SessionRecord {
  key: string;
  person: SignedInPerson;
  createdAt: Date;
  lastSeenAt: Date;
  /** For RP-initiated logout (id_token_hint); null when the IdP gave none. */
  idToken: string | null;
}

/**
 * Where sessions live. MemorySessionStore serves one server process (sessions end when it restarts,
 * and two processes behind a balancer would not share them); a PostgreSQL table can implement the same
 * five calls when the district runs more than one process.
 */
export interface SessionStore {
  create(record: SessionRecord): Promise<void>;
  get(key: string): Promise<SessionRecord | null>;
  touch(key: string, lastSeenAt: Date): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops every session past its idle or absolute time (the sign-in calls it before creating one). */
  deleteExpired(now: Date, limits: SessionLimits): Promise<void>;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export class MemorySessionStore implements SessionStore {
  private readonly records = new Map<string, SessionRecord>();

  async create(record: SessionRecord): Promise<void> {
    this.records.set(record.key, { ...record });
  }

  async get(key: string): Promise<SessionRecord | null> {
    const record = this.records.get(key);
    return record ? { ...record } : null;
  }

  async touch(key: string, lastSeenAt: Date): Promise<void> {
    const record = this.records.get(key);
    if (record) record.lastSeenAt = lastSeenAt;
  }

  async delete(key: string): Promise<void> {
    this.records.delete(key);
  }

  async deleteExpired(now: Date, limits: SessionLimits): Promise<void> {
    for (const [key, record] of this.records) {
      if (isExpired(record, now, limits)) this.records.delete(key);
    }
  }
}

export function isExpired(record: Pick<SessionRecord, 'createdAt' | 'lastSeenAt'>, now: Date, limits: SessionLimits): boolean {
  return now.getTime() - record.createdAt.getTime() >= limits.absoluteMs || now.getTime() - record.lastSeenAt.getTime() >= limits.idleMs;
}
