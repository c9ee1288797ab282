import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../support/test-api';
import { openDemoDatabase } from '../support/demo-database';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { useTempDir } from '../support/temp-dir';
import type { OperationName } from '../../shared/api/contract';
import type { CaseDetail } from '../../shared/api/case-schemas';
import { amsterdamDate } from '../../shared/calendar/amsterdam-time';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';

/*
 * Issue 11, items 2 and 3: legal dates follow the facts.
 * 2. The judgment moment is the session (oral judgment at the hearing, art. 378 lid 1 Sv), not the moment
 *    a clerk records it: recording on Friday 4 December for the session of Tuesday 1 December gives an
 *    appeal term to Tuesday 15 December (art. 408 Sv), not Friday 18 December.
 * 3. An unserved summons does not keep a case off the planning: it is planned no earlier than the summons
 *    term allows from the expected service, and must be served by the session minus the term.
 */

const tempDir = useTempDir();
const AS_OF = '2026-12-04';
/** Friday 4 December 2026, 10:00 Amsterdam: three days after the session of Tuesday 1 December. */
const NOW = new Date('2026-12-04T10:00:00+01:00');
const NO_SIGNALS = { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null };
const FINE = { kind: 'fine', amountCents: 30_000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 6, description: null };

async function setup() {
  const dir = tempDir();
  const database = await openDemoDatabase(dir, { seed: 5, casesPerYear: 2800, asOf: AS_OF });
  const api = (now: Date) => {
    const handle = createTestApi(database, { actor: 'griffier.test', now: () => now });
    const call = async <T = any>(op: OperationName, input: unknown): Promise<T> => {
      const result = await handle(op, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as T;
    };
    const fail = async (op: OperationName, input: unknown) => {
      const result = await handle(op, input);
      if (result.ok) throw new Error(`${op} unexpectedly succeeded`);
      return result.error;
    };
    return { call, fail };
  };
  const sql = database.sqlite;
  /** Hearings of the 1 December 09:00 session that were held and have no outcome recorded yet. */
  const unrecorded = () =>
    sql
      .prepare(
        `select h.id as hearingId, h.case_id as caseId, s.id as sessionId from hearing h join court_session s on s.id = h.session_id
         left join hearing_outcome o on o.hearing_id = h.id
         where s.date = '2026-12-01' and s.start_time = '09:00' and h.status = 'held' and o.id is null order by h.id`,
      )
      .all() as { hearingId: number; caseId: number; sessionId: number }[];
  return { dir, database, sql, api, unrecorded, ...api(NOW) };
}

const decided = (hearingId: number, extra: Record<string, unknown> = {}) => ({
  hearingId,
  outcome: 'decided',
  suspectPresent: true,
  decidedBy: 'mr. A. de Rechter',
  verdict: 'sanctions',
  sanctions: [FINE],
  conditions: null,
  signals: NO_SIGNALS,
  ...extra,
});

/** The migration of a standalone district file (SQLite); the operations are in test/operations/legal-dates.test.ts. */
describe('item 2: the judgment moment is the session, and every term follows from it', () => {
  it('migration 0014 moves stored judgments whose moment was the later recording to their session, audited', async () => {
    const { database, call, sql, unrecorded } = await setup();
    const [a, b, c] = unrecorded();
    expect(c).toBeDefined();
    // As the old code stored them: no moment entered, so the recording moment (4 December) became the judgment's.
    const old = (await call('outcomes.record', decided(a!.hearingId, { decidedAt: NOW.toISOString() }))).decision;
    expect(old.decidedAt).toBe(old.recordedAt);
    // A moment someone entered (differs from the recording): left as it is.
    const entered = (await call('outcomes.record', decided(b!.hearingId, { decidedAt: '2026-12-02T11:00:00+01:00' }))).decision;
    // Recorded the new way (session moment): nothing to correct.
    const fresh = (await call('outcomes.record', decided(c!.hearingId))).decision;

    // Run migration 0014 as the app's migrator does (its statements in one transaction) over this file.
    const journal = JSON.parse(fs.readFileSync(path.join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
    const when = journal.entries.find((e) => e.tag === '0014_judgment_at_session')!.when;
    const migration = readMigrationFiles({ migrationsFolder: SOURCE_MIGRATIONS_FOLDER }).find((m) => m.folderMillis === when)!;
    const auditBefore = (sql.prepare('select max(id) as id from audit_event').get() as { id: number }).id;
    sql.transaction(() => {
      for (const statement of migration.sql) if (statement.trim()) sql.exec(statement);
    })();

    const rows = sql.prepare('select id, decided_at as decidedAt from decision where id in (?, ?, ?) order by id').all(old.id, entered.id, fresh.id);
    expect(rows).toEqual([
      { id: old.id, decidedAt: '2026-12-01T08:00:00.000Z' },
      { id: entered.id, decidedAt: '2026-12-02T10:00:00.000Z' },
      { id: fresh.id, decidedAt: '2026-12-01T08:00:00.000Z' },
    ]);
    expect(sql.prepare('select judgment_at as judgmentAt from criminal_case where id = ?').get(a!.caseId)).toEqual({ judgmentAt: '2026-12-01T08:00:00.000Z' });
    const audit = sql.prepare('select actor, action, entity_type as entityType, entity_id as entityId, reason, details from audit_event where id > ?').all(auditBefore) as {
      actor: string;
      action: string;
      entityType: string;
      entityId: number;
      reason: string;
      details: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'system', action: 'decision.corrected', entityType: 'decision', entityId: old.id });
    expect(audit[0]!.reason).toMatch(/^Moment van de uitspraak gecorrigeerd naar de zitting van 2026-12-01: .*art\. 378 lid 1 Sv.*art\. 408 Sv/);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ caseId: a!.caseId, old: { decidedAt: NOW.toISOString() }, new: { decidedAt: '2026-12-01T08:00:00.000Z' } });
    // Every term now runs from the session: the appeal term ends on 15 December.
    const detail = await call<CaseDetail>('cases.get', { id: a!.caseId });
    expect(amsterdamDate(Date.parse(detail.deadlines.appealBy!))).toBe('2026-12-15');
    // Summer time (CEST, two hours ahead of UTC): the session moved to Sunday 5 July (no other session that day), judgment recorded on the 10th.
    sql.prepare("update court_session set date = '2026-07-05' where id = ?").run(a!.sessionId);
    sql.prepare("update decision set decided_at = '2026-07-10T10:00:00.000Z', recorded_at = '2026-07-10T10:00:00.000Z' where id = ?").run(entered.id);
    sql.transaction(() => {
      for (const statement of migration.sql) if (statement.trim()) sql.exec(statement);
    })();
    expect(sql.prepare('select decided_at as decidedAt from decision where id = ?').get(entered.id)).toEqual({ decidedAt: '2026-07-05T07:00:00.000Z' });
    database.close();
  });
});
