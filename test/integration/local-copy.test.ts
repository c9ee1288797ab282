import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import type { OpenedDatabase } from '../../db/open-database';
import { localCopyPath, openLocalCopy, type FetchPage, type LocalCopy } from '../../server/desktop/local-copy/local-copy';
import { fixedClock } from '../../server/services/context/clock';
import { differences, readSqliteTable, sqliteSource } from '../support/local-copy-source';
import { openDemoDatabase, SMALL_DEMO, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

/**
 * The desktop's local copy (issue 14), SQLite side: a demo district file stands in for the district
 * server (test/support/local-copy-source.ts gives its rows in the server's wire form), the copy is a real
 * district file opened as the app opens one. After every full copy, catch-up and repair, each synced table
 * equals the source row by row, although the copy's triggers (record versions, chain steps, search index)
 * would rewrite rows if they fired.
 */

const DEMO = { ...SMALL_DEMO, chain: true };
const clock = fixedClock(SMALL_DEMO_NOW);
const tempDir = useTempDir('kp-local-copy-');

let source: OpenedDatabase;
let copy: LocalCopy;
let copyFile: string;

async function openCopy(): Promise<LocalCopy> {
  return openLocalCopy({ path: copyFile, migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock, pageSize: 700 });
}

/** The copy read over a connection of its own (as another reader would see it). */
async function copyDifferences(): Promise<string[]> {
  const reader = new Database(copyFile, { readonly: true });
  try {
    return await differences(readSqliteTable(reader), readSqliteTable(source.sqlite));
  } finally {
    reader.close();
  }
}

/** The district's triggers and indexes (the copy suspends them while it writes server rows). */
const triggerNames = (sqlite: Database.Database) =>
  (sqlite.prepare("select type || ' ' || name from sqlite_master where type in ('trigger', 'index') and sql is not null and name not like 'local_dirty_%' order by 1").pluck().all() as string[]);

beforeEach(async () => {
  source = await openDemoDatabase(tempDir(), DEMO);
  copyFile = localCopyPath(path.join(tempDir(), 'user-data'), 'https://planner.district.example', 'G. Griffier (Rechtbank)');
  copy = await openCopy();
});

afterEach(async () => {
  await copy.close().catch(() => undefined);
  source.close();
});

describe('the local copy of a district', () => {
  it('copies every synced table exactly, keeps the cursor and the moment, and builds its own search index', async () => {
    expect(copyFile).toMatch(/[/\\]copies[/\\][0-9a-f]{32}\.sqlite$/);
    expect(await copy.state()).toEqual({ cursor: null, copiedAt: null });
    const progress: { table: string; rows: number }[] = [];
    await copy.fullCopy(sqliteSource(source.sqlite).fetchPage, (p) => progress.push(p));
    expect(await copyDifferences()).toEqual([]);
    expect(await copy.state()).toEqual({ cursor: '1000', copiedAt: SMALL_DEMO_NOW.toISOString() });
    expect(progress.filter((p) => p.table === 'criminal_case').at(-1)?.rows).toBe(source.sqlite.prepare('select count(*) from criminal_case').pluck().get());
    expect(await copy.pendingDirty()).toBe(0);

    // The district's triggers and indexes are all back (the copy's own dirty triggers are next to them).
    const reader = new Database(copyFile, { readonly: true });
    const triggers = triggerNames(reader);
    const indexed = reader.prepare('select count(*) from case_search').pluck().get();
    reader.close();
    expect(triggers).toEqual(triggerNames(source.sqlite));
    expect(indexed).toBe(source.sqlite.prepare('select count(*) from case_search').pluck().get());

    const suspect = source.sqlite.prepare('select c.id, s.full_name as name from criminal_case c join suspect s on s.id = c.suspect_id order by c.id limit 1').get() as { id: number; name: string };
    const found = await copy.localHandler({ actor: 'G. Griffier (Rechtbank)', roles: ['clerk'], policeUnit: null })('cases.search', { query: suspect.name, limit: 20 });
    expect(found.ok && (found.value as { results: { id: number }[] }).results.map((c) => c.id)).toContain(suspect.id);
  });

  it('applies the server changes exactly, although its triggers would bump versions and rewrite chain steps', async () => {
    const server = sqliteSource(source.sqlite, () => '2000');
    await copy.fullCopy(server.fetchPage);
    // Changes on the 'server', each rewriting other rows by its own triggers there.
    const api = createTestApi(source, { now: SMALL_DEMO_NOW, actor: 'O. Officier (OM)', roles: ['prosecutor'] });
    const caseId = source.sqlite.prepare("select id from criminal_case where status = 'awaiting_planning' order by id limit 1").pluck().get() as number;
    const detail = await api('cases.get', { id: caseId });
    if (!detail.ok) throw new Error(detail.error.message);
    const renamed = await api('cases.updateDetails', {
      caseId,
      changes: { fullName: 'Zoë Wałęsa-Testnaam' },
      reason: 'Naam volgens het proces-verbaal',
      expectedVersion: (detail.value as { version: number }).version,
    });
    expect(renamed.ok).toBe(true);
    const hearing = source.sqlite.prepare("select id from hearing where status = 'planned' order by id limit 1").pluck().get() as number;
    source.sqlite.prepare("update hearing set status = 'held' where id = ?").run(hearing);
    const precondition = source.sqlite.prepare('select id from case_precondition order by id limit 1').pluck().get() as number;
    source.sqlite.prepare('delete from case_precondition where id = ?').run(precondition);
    source.sqlite.prepare("update district_setting set value = '\"anders\"' where key = (select min(key) from district_setting)").run();

    const result = await copy.catchUp(server.changesAgainst(copyFile));
    expect(result.rows).toBeGreaterThan(4);
    expect(result.fullCopyNeeded).toBeUndefined();
    expect(await copyDifferences()).toEqual([]);
    expect(await copy.state()).toEqual({ cursor: '2000', copiedAt: SMALL_DEMO_NOW.toISOString() });
    expect(await copy.pendingDirty()).toBe(0);
    // The search index followed the new name (the suspended trigger's work, done by the apply).
    const found = await copy.localHandler({ actor: 'O. Officier (OM)', roles: ['prosecutor'], policeUnit: null })('cases.search', { query: 'walesa-test', limit: 20 });
    if (!found.ok) throw new Error(JSON.stringify(found.error));
    expect(found.ok && (found.value as { results: { id: number }[] }).results.map((c) => c.id)).toEqual([caseId]);
  });

  it('answers fullCopyNeeded without a cursor or when the server asks for a full copy, and changes nothing', async () => {
    expect(await copy.catchUp(async () => 'FULL_COPY_NEEDED')).toEqual({ rows: 0, fullCopyNeeded: true });
    await copy.fullCopy(sqliteSource(source.sqlite).fetchPage);
    expect(await copy.catchUp(async () => 'FULL_COPY_NEEDED')).toEqual({ rows: 0, fullCopyNeeded: true });
    expect(await copyDifferences()).toEqual([]);
  });

  it("records the desktop's own writes as dirty, and repair puts the server's rows back", async () => {
    const server = sqliteSource(source.sqlite);
    await copy.fullCopy(server.fetchPage);
    const local = copy.localHandler({ actor: 'O. Officier (OM)', roles: ['prosecutor'], policeUnit: null });
    const caseId = source.sqlite.prepare("select id from criminal_case where status = 'awaiting_planning' order by id limit 1 offset 3").pluck().get() as number;
    const detail = await local('cases.get', { id: caseId });
    if (!detail.ok) throw new Error(detail.error.message);
    const written = await local('cases.updateDetails', {
      caseId,
      changes: { fullName: 'Offline Gewijzigd' },
      reason: 'Offline vastgelegd',
      expectedVersion: (detail.value as { version: number }).version,
    }, { requestId: 'local-request-0001' });
    expect(written.ok).toBe(true);
    expect(await copy.pendingDirty()).toBeGreaterThanOrEqual(3); // suspect, case (version), audit row
    const reader = new Database(copyFile, { readonly: true });
    const audit = reader.prepare("select actor from audit_event where action = 'case.details_changed' order by id desc limit 1").pluck().get();
    const dirtyTables = reader.prepare('select distinct table_name from local_dirty order by 1').pluck().all();
    reader.close();
    expect(audit).toBe('O. Officier (OM)');
    expect(dirtyTables).toEqual(expect.arrayContaining(['audit_event', 'criminal_case', 'suspect']));
    expect(await copyDifferences()).not.toEqual([]);

    // Roles are checked as on the server: a prosecutor records no outcome.
    const refused = await local('outcomes.record', { hearingId: 1, kind: 'judgment', note: null }, { requestId: 'local-request-0002' });
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');

    const repaired = await copy.repair(server.fetchRows);
    expect(repaired.rows).toBeGreaterThanOrEqual(3);
    expect(await copy.pendingDirty()).toBe(0);
    expect(await copyDifferences()).toEqual([]);
  });

  it("counts a dirty row the server changed since as the server's once a catch-up brings it", async () => {
    const server = sqliteSource(source.sqlite);
    await copy.fullCopy(server.fetchPage);
    const person = { actor: 'O. Officier (OM)', roles: ['prosecutor'] as const, policeUnit: null };
    const local = copy.localHandler({ ...person, roles: [...person.roles] });
    const caseId = source.sqlite.prepare("select id from criminal_case where status = 'awaiting_planning' order by id limit 1 offset 1").pluck().get() as number;
    const detail = await local('cases.get', { id: caseId });
    if (!detail.ok) throw new Error(detail.error.message);
    const input = { caseId, changes: { lawyerName: 'mr. Beiden' }, reason: 'Advocaat gewijzigd', expectedVersion: (detail.value as { version: number }).version };
    expect((await local('cases.updateDetails', input, { requestId: 'local-request-0003' })).ok).toBe(true);
    // Meanwhile someone else changed the same case on the server: the changes hold the server's rows.
    const other = createTestApi(source, { now: new Date(SMALL_DEMO_NOW.getTime() + 60_000), actor: 'A. Ander (OM)', roles: ['prosecutor'] });
    expect((await other('cases.updateDetails', { ...input, changes: { lawyerName: 'mr. Server' } })).ok).toBe(true);
    expect(await copy.pendingDirty()).toBe(3);
    await copy.catchUp(server.changesAgainst(copyFile));
    // This stand-in lists only rows that differ (the case row came out the same on both sides); the rest is repair's.
    expect(await copy.pendingDirty()).toBe(1);
    expect(await copyDifferences()).toEqual([]);
    await copy.repair(server.fetchRows);
    expect(await copy.pendingDirty()).toBe(0);
    expect(await copyDifferences()).toEqual([]);
  });

  it('keeps the old copy usable when a new full copy is cut off, and keeps local tables through a completed one', async () => {
    const server = sqliteSource(source.sqlite, () => '3000');
    await copy.fullCopy(server.fetchPage);
    // A local-only table of another part of the desktop (as the outbox is), on a connection of its own.
    const outbox = new Database(copyFile);
    outbox.exec("create table outbox_test (seq integer primary key, request_id text); insert into outbox_test (request_id) values ('r-1')");
    source.sqlite.prepare("update suspect set full_name = 'Na de kopie' where id = (select min(id) from suspect)").run();

    let pages = 0;
    const cutting: FetchPage = async (input) => {
      if (++pages > 5) throw new Error('network cut');
      return server.fetchPage(input);
    };
    await expect(copy.fullCopy(cutting)).rejects.toThrow('network cut');
    expect(await copy.state()).toMatchObject({ cursor: '3000' });
    expect(fs.existsSync(`${copyFile}.copying`)).toBe(false);
    const before = await copyDifferences();
    expect(before.length).toBeGreaterThan(0); // the old copy, not the changed server
    expect(before.every((d) => d.startsWith('suspect ') || d.startsWith('criminal_case ') || d.startsWith('audit_event '))).toBe(true);
    const local = copy.localHandler({ actor: 'G. Griffier (Rechtbank)', roles: ['clerk'], policeUnit: null });
    expect((await local('district.get', {})).ok).toBe(true);

    await copy.fullCopy(sqliteSource(source.sqlite, () => '4000').fetchPage);
    expect(await copyDifferences()).toEqual([]);
    expect(await copy.state()).toMatchObject({ cursor: '4000' });
    expect(outbox.prepare('select request_id from outbox_test').pluck().all()).toEqual(['r-1']);
    outbox.close();
  });

  it('puts the triggers back at the next open when a first copy was cut off, and copies again from the start', async () => {
    const server = sqliteSource(source.sqlite);
    let pages = 0;
    await expect(
      copy.fullCopy(async (input) => {
        if (++pages > 8) throw new Error('network cut');
        return server.fetchPage(input);
      }),
    ).rejects.toThrow('network cut');
    expect(await copy.state()).toEqual({ cursor: null, copiedAt: null });
    await copy.close();
    copy = await openCopy();
    const reader = new Database(copyFile, { readonly: true });
    expect(triggerNames(reader)).toEqual(triggerNames(source.sqlite));
    reader.close();
    await copy.fullCopy(server.fetchPage);
    expect(await copyDifferences()).toEqual([]);
  });
});
