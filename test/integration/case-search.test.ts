import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import type { CaseSearchOutput } from '../../shared/api/case-search-schemas';
import { openDemoDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

/**
 * Issue 15 item 1: the header's search box (cases.search over the FTS5 trigram index of migration 0018):
 * what is about the SQLite file (the import's deferred indexing, the migration of an old file). The
 * search itself runs on both engines in test/operations/case-search.test.ts.
 */

const tempDir = useTempDir();
const NOW = SMALL_DEMO_NOW; // Monday 15 June 2026, 10:00 Amsterdam

/** A detained snelrecht case arrested yesterday: its hard limit binds. */
const OZTURK = {
  parketnummer: '19/987654-26',
  suspect: { fullName: 'Ömer Öztürk', dateOfBirth: '1994-07-03', summonsAddress: 'Postbus 9, Hanzestad', lawyerName: null },
  modality: 'snelrecht',
  policeUnit: 'Basisteam Zuidkust',
  offenceSummary: 'Zakkenrollerij op het station',
  offenceAt: '2026-06-14T16:40:00+02:00',
  arrestedAt: '2026-06-14T17:05:00+02:00',
  custodyOrderedAt: '2026-06-14T23:30:00+02:00',
  shortTermConsent: false,
};
const ZUIDEMA = {
  ...OZTURK,
  parketnummer: '19/555123-26',
  suspect: { ...OZTURK.suspect, fullName: 'J. de Vries-Zuidema' },
  modality: 'snelrecht_nd',
  policeUnit: 'Basisteam Veenoord',
  offenceSummary: 'Heling van een fiets',
  arrestedAt: null,
  custodyOrderedAt: null,
};

type Call = <T>(operation: string, input: unknown) => Promise<T>;

async function setup(dir: string) {
  const database = await openDemoDatabase(dir);
  const handle = createTestApi(database, { actor: 'griffier.test', now: NOW });
  const call: Call = async <T,>(operation: string, input: unknown): Promise<T> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const search = (query: string, limit = 20) => call<CaseSearchOutput>('cases.search', { query, limit });
  const ozturk = await call<{ id: number }>('cases.create', OZTURK);
  const zuidema = await call<{ id: number }>('cases.create', ZUIDEMA);
  return { database, handle, call, search, ozturkId: ozturk.id, zuidemaId: zuidema.id };
}

describe('a bulk import indexes its cases in its own transaction', () => {
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  const csvOf = (rows: string[]) =>
    ['parketnummer;naam verdachte;geboortedatum;modaliteit;politie-eenheid;feit;betekening dagvaarding', ...rows].join('\r\n');
  const row = (n: number, name: string) => `19/41${String(n).padStart(4, '0')}-26;${name};01-01-1990;snelrecht niet-gedetineerd;Basisteam Noord;Vernieling;15-06-2026 10:00`;

  it('finds every imported case at once, folded names included, and leaves no deferral behind', async () => {
    const { database, call, search } = await setup(tempDir());
    const csv = csvOf([row(1, 'Łukasz Wałęsa'), row(2, 'Zoë Çelik'), row(3, 'Jan Ĳsselmuiden')]);
    const report = await call<{ committed: number }>('cases.import', { fileName: 'politie.csv', contentBase64: base64(csv), mode: 'all_or_nothing', dryRun: false });
    expect(report.committed).toBe(3);
    expect((await search('walesa')).results.map((r) => r.parketnummer)).toEqual(['19/410001-26']);
    expect((await search('çelik')).results.map((r) => r.parketnummer)).toEqual(['19/410002-26']);
    expect((await search('410003')).results.map((r) => r.suspectName)).toEqual(['Jan Ĳsselmuiden']);
    expect(database.sqlite.prepare('select count(*) from case_search_deferred').pluck().get()).toBe(0);
    // A case made afterwards by the form is indexed by the trigger again.
    await call('cases.create', { ...ZUIDEMA, parketnummer: '19/410004-26', suspect: { ...ZUIDEMA.suspect, fullName: 'Søren Kierkegaard' } });
    expect((await search('soren')).results.map((r) => r.parketnummer)).toEqual(['19/410004-26']);
    database.close();
  });

  it('indexes nothing of an import that commits nothing (all or nothing with a bad row)', async () => {
    const { database, call, search } = await setup(tempDir());
    const csv = csvOf([row(5, 'Piet Onbekend'), '19/410006-26;;01-01-1990;snelrecht niet-gedetineerd;Basisteam Noord;Vernieling;15-06-2026 10:00']);
    const report = await call<{ committed: number }>('cases.import', { fileName: 'politie.csv', contentBase64: base64(csv), mode: 'all_or_nothing', dryRun: false });
    expect(report.committed).toBe(0);
    expect((await search('onbekend')).results).toEqual([]);
    expect(database.sqlite.prepare('select count(*) from case_search_deferred').pluck().get()).toBe(0);
    database.close();
  });
});

describe('migration 0018 on a populated file', () => {
  it('indexes the cases that were there before the migration', async () => {
    const dir = tempDir();
    const journal = JSON.parse(fs.readFileSync(path.join(SOURCE_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag === '0018_case_search');
    expect(upTo).toBeGreaterThan(0);
    // A migrations folder with every migration before 0018.
    const folder = path.join(dir, 'migrations-before-search');
    fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
    const entries = journal.entries.slice(0, upTo);
    for (const e of entries) fs.copyFileSync(path.join(SOURCE_MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));

    const file = path.join(dir, 'old.sqlite');
    const old = await openDatabase(file, { migrationsFolder: folder, now: () => NOW });
    old.sqlite.exec(`
      insert into suspect (full_name, date_of_birth) values ('Zoë Çakır', '1990-01-01'), ('P. Jansen', '1985-05-05');
      insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values
        ('19/123456-25', 1, 'snelrecht_nd', 'Basisteam Noord', 'Winkeldiefstal'),
        ('19/654321-26', 2, 'zsm', 'Basisteam Zuid', 'Vernieling');`);
    expect(old.sqlite.prepare("select count(*) from sqlite_master where name = 'case_search'").pluck().get()).toBe(0);
    old.close();

    const upgraded: OpenedDatabase = await openDatabase(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, now: () => NOW });
    expect(upgraded.backupPath).not.toBeNull();
    const handle = createTestApi(upgraded, { actor: 'griffier.test', now: NOW });
    const search = async (query: string) => {
      const answer = await handle('cases.search', { query, limit: 10 });
      if (!answer.ok) throw new Error(answer.error.message);
      return (answer.value as CaseSearchOutput).results.map((r) => r.parketnummer);
    };
    expect(await search('cakir')).toEqual(['19/123456-25']);
    expect(await search('123456')).toEqual(['19/123456-25']);
    expect(await search('jansen')).toEqual(['19/654321-26']);
    expect(await search('zuid')).toEqual(['19/654321-26']);
    expect(await search('basisteam')).toEqual(['19/654321-26', '19/123456-25']);
    upgraded.close();
    // The file passes SQLite's own integrity check of the index.
    const check = new Database(file);
    check.exec("insert into case_search (case_search, rank) values ('integrity-check', 0)");
    check.close();
  });
});
