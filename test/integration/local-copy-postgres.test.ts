import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import type { ConnectedBackend } from '../../server/desktop/connected-backend';
import { openLocalCopy, type LocalCopy } from '../../server/desktop/local-copy/local-copy';
import { withUserRole, type DatabaseUser } from '../../server/pg/with-user-role';
import { fixedClock } from '../../server/services/context/clock';
import Database from 'better-sqlite3';
import { demoNow, SMALL_DEMO } from '../support/demo-database';
import { differences, readSqliteTable, serverFetchers, type ReadTable } from '../support/local-copy-source';
import { startSyncStack, type SyncStack } from '../support/sync-stack';
import { TEST_USERS } from '../support/test-identity-provider';

/**
 * The desktop's local copy against a real district server (issue 14): a demo district on a real
 * PostgreSQL, the server's built operations (dist/server/district-wiring.mjs) over real TLS with a real
 * sign-in, and the copy fetched through the real sync.copyPage / sync.changes / sync.rows of a connected
 * desktop. Every synced table of the copy equals, row by row and value by value (booleans, nulls, instants,
 * the JSON text), what PostgreSQL shows the same person in their role: after the first copy, after
 * changes by others (whose PostgreSQL triggers rewrite versions and chain steps), and after repair.
 */

const DEMO = { ...SMALL_DEMO, chain: true };
const NOW = demoNow(DEMO);
const clock = fixedClock(NOW);

let stack: SyncStack;
let folder: string;
let prosecutor: ConnectedBackend;
let liaison: ConnectedBackend;
let coordinator: ConnectedBackend;

beforeAll(async () => {
  stack = await startSyncStack({ clock, demo: DEMO });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-local-copy-pg-'));
  [prosecutor, liaison, coordinator] = await Promise.all([stack.direct(TEST_USERS.prosecutor), stack.direct(TEST_USERS.policeLiaison), stack.direct(TEST_USERS.coordinator)]);
}, 180_000);

afterAll(async () => {
  await stack?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
}, 60_000);

/** What PostgreSQL shows a person in their role (row-level security), read as the owner switched into that role. */
const readAs =
  (pool: pg.Pool, user: DatabaseUser): ReadTable =>
  async (table) => {
    const client = await pool.connect();
    try {
      return await withUserRole(client, user, async (c) => (await c.query(`select * from "${table.name}"`)).rows as Record<string, unknown>[]);
    } finally {
      client.release();
    }
  };

async function copyDifferences(copy: LocalCopy, user: DatabaseUser): Promise<string[]> {
  const reader = new Database(copy.path, { readonly: true });
  try {
    return await differences(readSqliteTable(reader), readAs(stack.owner, user));
  } finally {
    reader.close();
  }
}

const openCopy = (name: string) => openLocalCopy({ path: path.join(folder, `${name}.sqlite`), migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock, pageSize: 1000 });

async function call<T>(backend: ConnectedBackend, operation: string, input: unknown): Promise<T> {
  const answer = await backend.handler(operation, input);
  if (!answer.ok) throw new Error(`${operation}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

describe('the local copy of a district on a real district server', () => {
  it('copies what the coordinator sees exactly, and catches up exactly with the changes of others', async () => {
    const copy = await openCopy('coordinator');
    try {
      const server = serverFetchers(coordinator.handler);
      await copy.fullCopy(server.fetchPage);
      const coordinatorUser: DatabaseUser = { role: 'coordinator', policeUnit: null };
      expect(await copyDifferences(copy, coordinatorUser)).toEqual([]);
      expect((await copy.state()).cursor).toMatch(/^[0-9]+$/);

      // Others work on: a prosecutor renames a suspect (versions of suspect and case, search), the
      // owner marks a hearing held (PostgreSQL's chain-step trigger rewrites the case) and removes a precondition.
      const caseId = ((await stack.owner.query("select id from criminal_case where status = 'awaiting_planning' order by id limit 1")).rows[0] as { id: number }).id;
      const detail = await call<{ version: number }>(prosecutor, 'cases.get', { id: caseId });
      await call(prosecutor, 'cases.updateDetails', { caseId, changes: { fullName: 'Zoë Wałęsa-Servernaam' }, reason: 'Naam volgens het proces-verbaal', expectedVersion: detail.version });
      await stack.owner.query("update hearing set status = 'held' where id = (select min(id) from hearing where status = 'planned')");
      await stack.owner.query('delete from case_precondition where id = (select min(id) from case_precondition)');

      const caughtUp = await copy.catchUp(server.fetchChanges);
      expect(caughtUp.fullCopyNeeded).toBeUndefined();
      expect(caughtUp.rows).toBeGreaterThanOrEqual(5);
      expect(await copyDifferences(copy, coordinatorUser)).toEqual([]);
      // Nothing new: an empty change set.
      expect(await copy.catchUp(server.fetchChanges)).toEqual({ rows: 0 });
      const found = await copy.localHandler({ actor: 'Carla Dekker (Rechtbank Noord-Holland)', roles: ['coordinator'], policeUnit: null })('cases.search', { query: 'walesa-server', limit: 20 });
      expect(found.ok && (found.value as { results: { id: number }[] }).results.map((c) => c.id)).toEqual([caseId]);
    } finally {
      await copy.close();
    }
  });

  it("holds exactly what the police liaison sees: the cases of its own unit", async () => {
    const unit = TEST_USERS.policeLiaison.policeUnit;
    // The demo's units are others: some of its cases move to the liaison's unit first.
    await stack.owner.query("update criminal_case set police_unit = $1 where id in (select id from criminal_case where police_unit = 'Basisteam Veenoord' order by id limit 40)", [unit]);
    const copy = await openCopy('liaison');
    try {
      await copy.fullCopy(serverFetchers(liaison.handler).fetchPage);
      expect(await copyDifferences(copy, { role: 'police_liaison', policeUnit: unit })).toEqual([]);
      const reader = new Database(copy.path, { readonly: true });
      const units = reader.prepare('select distinct police_unit from criminal_case').pluck().all();
      reader.close();
      expect(units).toEqual([unit]);
    } finally {
      await copy.close();
    }
  });

  // A case's rows follow it between units: row security (0004) shows a liaison the suspect, hearings and
  // their outcomes, ZSM decisions, preconditions, decisions down to the CJIB messages, and the audit lines
  // of its own unit's cases; the feed (0008's sync_changes_case_dependents_au) lists them when a case moves.
  it("drops the rows of a case that moved out of the liaison's unit, and gets those of a case that moved in", async () => {
    const unit = TEST_USERS.policeLiaison.policeUnit;
    const liaisonUser: DatabaseUser = { role: 'police_liaison', policeUnit: unit };
    // Two cases of other units with the whole chain below them: a held hearing with its outcome, a
    // decision with a hand-off to CJIB, audit lines. The first moves in before the copy, out after it.
    const rich = (
      await stack.owner.query(
        `select c.id, c.suspect_id as "suspectId" from criminal_case c
          where c.police_unit is distinct from $1
            and exists (select 1 from hearing h join hearing_outcome o on o.hearing_id = h.id where h.case_id = c.id)
            and exists (select 1 from decision d join cjib_handoff f on f.decision_id = d.id where d.case_id = c.id)
            and exists (select 1 from audit_event a where a.entity_type = 'case' and a.entity_id = c.id)
            and not exists (select 1 from criminal_case o where o.suspect_id = c.suspect_id and o.id <> c.id)
          order by c.id limit 2`,
        [unit],
      )
    ).rows as { id: number; suspectId: number }[];
    expect(rich).toHaveLength(2);
    const [out, into] = rich as [{ id: number; suspectId: number }, { id: number; suspectId: number }];
    await stack.owner.query('update criminal_case set police_unit = $1 where id = $2', [unit, out.id]);
    const copy = await openCopy('liaison-moves');
    const reader = () => new Database(copy.path, { readonly: true });
    /** What the copy holds of a case: its row, its suspect, hearings, outcomes, decisions, hand-offs, audit lines about it. */
    const held = (caseId: number, suspectId: number) => {
      const db = reader();
      try {
        const count = (sql: string) => db.prepare(sql).pluck().get(caseId) as number;
        return {
          case: count('select count(*) from criminal_case where id = ?'),
          suspect: db.prepare('select count(*) from suspect where id = ?').pluck().get(suspectId) as number,
          hearings: count('select count(*) from hearing where case_id = ?'),
          outcomes: count('select count(*) from hearing_outcome where hearing_id in (select id from hearing where case_id = ?)'),
          decisions: count('select count(*) from decision where case_id = ?'),
          handoffs: count('select count(*) from cjib_handoff where decision_id in (select id from decision where case_id = ?)'),
          auditLines: count("select count(*) from audit_event where entity_type = 'case' and entity_id = ?"),
        };
      } finally {
        db.close();
      }
    };
    const none = { case: 0, suspect: 0, hearings: 0, outcomes: 0, decisions: 0, handoffs: 0, auditLines: 0 };
    try {
      const server = serverFetchers(liaison.handler);
      await copy.fullCopy(server.fetchPage);
      expect(Object.values(held(out.id, out.suspectId)).every((n) => n > 0)).toBe(true);
      expect(held(into.id, into.suspectId)).toEqual(none);

      await stack.owner.query("update criminal_case set police_unit = 'Basisteam Elders' where id = $1", [out.id]);
      await stack.owner.query('update criminal_case set police_unit = $1 where id = $2', [unit, into.id]);
      await copy.catchUp(server.fetchChanges);
      expect(await copyDifferences(copy, liaisonUser)).toEqual([]);
      expect(held(out.id, out.suspectId)).toEqual(none);
      const arrived = held(into.id, into.suspectId);
      expect(Object.entries(arrived).filter(([, n]) => n === 0)).toEqual([]);
    } finally {
      await copy.close();
    }
  });

  it("repairs the rows the desktop wrote itself with the server's", async () => {
    const copy = await openCopy('prosecutor');
    try {
      const server = serverFetchers(prosecutor.handler);
      await copy.fullCopy(server.fetchPage);
      const person = { actor: 'Pieter Jansen (Openbaar Ministerie)', roles: ['prosecutor'] as const, policeUnit: null };
      const local = copy.localHandler({ ...person, roles: [...person.roles] });
      const caseId = ((await stack.owner.query("select id from criminal_case where status = 'awaiting_planning' order by id limit 1 offset 5")).rows[0] as { id: number }).id;
      const detail = await local('cases.get', { id: caseId });
      if (!detail.ok) throw new Error(detail.error.message);
      const written = await local(
        'cases.updateDetails',
        { caseId, changes: { lawyerName: 'mr. Offline' }, reason: 'Offline vastgelegd', expectedVersion: (detail.value as { version: number }).version },
        { requestId: 'offline-request-0001' },
      );
      expect(written.ok).toBe(true);
      expect(await copy.pendingDirty()).toBeGreaterThanOrEqual(3);
      const prosecutorUser: DatabaseUser = { role: 'prosecutor', policeUnit: null };
      expect(await copyDifferences(copy, prosecutorUser)).not.toEqual([]);

      await copy.repair(server.fetchRows);
      expect(await copy.pendingDirty()).toBe(0);
      await copy.catchUp(server.fetchChanges);
      expect(await copyDifferences(copy, prosecutorUser)).toEqual([]);
    } finally {
      await copy.close();
    }
  });
});
