import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { SEARCH_FOLDS, type CaseSearchOutput } from '../../shared/api/case-search-schemas';
import type { CaseDetail } from '../../shared/api/case-schemas';
import { PSEUDONYMISED_SUSPECT } from '../../shared/retention/retention';
import { openDemoDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

/** Issue 15 item 1: the header's search box (cases.search over the FTS5 trigram index of migration 0018). */

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

describe('cases.search on a real district file', () => {
  let context: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    context = await setup(tempDir());
  });
  afterAll(() => context.database.close());

  it.each([
    ['part of a name', 'türk', OZTURK.parketnummer],
    ['a name without its diacritics', 'ozturk', OZTURK.parketnummer],
    ['a name in capitals without diacritics', 'OMER OZTURK', OZTURK.parketnummer],
    ['the middle of a parketnummer', '987654', OZTURK.parketnummer],
    ['a part across the dash', '7654-2', OZTURK.parketnummer],
    ['the whole parketnummer', '19/987654-26', OZTURK.parketnummer],
    ['part of a police unit', 'zuidkust', OZTURK.parketnummer],
    ['part of an offence', 'zakkenrol', OZTURK.parketnummer],
    ['name and offence together', 'öztürk station', OZTURK.parketnummer],
    ['a short word narrowing a name', 'J. zuidema', ZUIDEMA.parketnummer],
    ['quotes and an asterisk as in other search boxes', '"Zuidema" vries*', ZUIDEMA.parketnummer],
  ])('finds a case by %s (%s)', async (_label, query, parketnummer) => {
    const answer = await context.search(query);
    expect(answer.tooShort).toBe(false);
    expect(answer.results[0]?.parketnummer).toBe(parketnummer);
  });

  it('folds the letters remove_diacritics keeps (ł, ø, ı, ß, …) the same way in the index and the query', async () => {
    const sqlite = context.database.sqlite;
    const insertSuspect = sqlite.prepare("insert into suspect (full_name, date_of_birth) values (?, '1990-01-01')");
    const insertCase = sqlite.prepare("insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values (?, ?, 'snelrecht_nd', 'Basisteam Noord', 'Vernieling')");
    for (const [index, [from]] of SEARCH_FOLDS.entries()) {
      const suspectId = insertSuspect.run(`Q. Fold${from}proef`).lastInsertRowid;
      insertCase.run(`19/9100${String(index).padStart(2, '0')}-26`, suspectId);
    }
    for (const [index, [from, to]] of SEARCH_FOLDS.entries()) {
      const parketnummer = `19/9100${String(index).padStart(2, '0')}-26`;
      for (const query of [`fold${to}proef`, `Fold${from}proef`, `FOLD${to.toUpperCase()}PROEF`]) {
        expect((await context.search(query, 50)).results.map((r) => r.parketnummer), `${query} -> ${parketnummer}`).toContain(parketnummer);
      }
    }
    const names: [string, string][] = [['Łukasz Wałęsa', 'walesa'], ['Çağla Yıldırım', 'cagla yildirim'], ['Søren Ørsted', 'soren orsted'], ['Đorđe Straße', 'dorde strasse']];
    for (const [index, [name, query]] of names.entries()) {
      insertCase.run(`19/9200${index}-26`, insertSuspect.run(name).lastInsertRowid);
      expect((await context.search(query)).results.map((r) => r.suspectName), query).toEqual([name]);
      expect((await context.search(name)).results.map((r) => r.suspectName), name).toEqual([name]);
    }
  });

  it('answers with what is needed to pick the right case: name, birth date, offence, unit, status, detained and the hard limit', async () => {
    const [hit] = (await context.search('öztürk')).results;
    expect(hit).toMatchObject({
      id: context.ozturkId,
      parketnummer: OZTURK.parketnummer,
      suspectName: 'Ömer Öztürk',
      dateOfBirth: '1994-07-03',
      modality: 'snelrecht',
      status: 'intake',
      detained: true,
      policeUnit: 'Basisteam Zuidkust',
      offenceSummary: 'Zakkenrollerij op het station',
    });
    // A detained suspect's voorgeleiding limit (art. 59a Sv) binds: it comes with the result.
    expect(hit!.hardLimit?.kind).toBe('voorgeleiding');
    expect(Date.parse(hit!.hardLimit!.at)).toBeGreaterThan(NOW.getTime());
    const [free] = (await context.search('zuidema')).results;
    expect(free).toMatchObject({ detained: false, hardLimit: null });
  });

  it('puts cases whose name or parketnummer match before those that match by unit or offence; binding hard limits, then open cases, then finished ones', async () => {
    // 'Veenoord' is ZUIDEMA's police unit and that of a fifth of the demo; nobody is called so.
    const unit = await context.search('veenoord', 50);
    expect(unit.more).toBe(true);
    expect(unit.results).toHaveLength(50);
    const group = (r: CaseSearchOutput['results'][number]) => (r.hardLimit ? 0 : r.status === 'completed' || r.status === 'withdrawn' ? 2 : 1);
    const groups = unit.results.map(group);
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(groups).toContain(0);
    // Newest first within each group.
    for (const g of [0, 1, 2]) {
      const ids = unit.results.filter((r) => group(r) === g).map((r) => r.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    }
    // A demo surname that is also in the tier of units and offences comes first by name.
    const name = await context.search('jansen', 50);
    expect(name.results.length).toBeGreaterThan(0);
    expect(name.results.every((r) => /jansen/i.test(r.suspectName))).toBe(true);
  });

  it('says a query is too short below 3 characters, and finds nothing for an unknown text', async () => {
    for (const query of ['', ' ', 'a', 'ab', ' ab ', 'a b', '""', '**', 'ö']) {
      expect(await context.search(query), query).toEqual({ query: query.trim(), tooShort: true, more: false, results: [] });
    }
    expect(await context.search('qqqzzz')).toEqual({ query: 'qqqzzz', tooShort: false, more: false, results: [] });
  });

  it.each([
    '"',
    '"öztürk',
    'öztürk"',
    '"""',
    'AND',
    'OR',
    'öztürk OR jansen',
    'NOT öztürk',
    'NEAR(öztürk jansen)',
    'NEAR/2',
    'öztürk*',
    '*',
    '^öztürk',
    'suspect_name:öztürk',
    '{parketnummer}: 987654',
    '(öztürk',
    'öztürk)',
    '()',
    '-',
    '- - -',
    '+öztürk',
    "'; drop table criminal_case; --",
    "%' or 1=1 --",
    '_%_',
    '\\',
    '\u0000öztürk',
    '😀😀😀',
    'x'.repeat(100),
  ])('FTS5 and SQL syntax in the text is searched for as text, never an error: %j', async (query) => {
    const answer = await context.handle('cases.search', { query, limit: 10 });
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
  });

  it('refuses a query over 100 characters or a limit over 50 with a Dutch message', async () => {
    const long = await context.handle('cases.search', { query: 'x'.repeat(101), limit: 10 });
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // One sentence, one full stop (no '..').
    if (!long.ok) expect(long.error.message).toBe('De invoer is niet geldig: Zoektekst is te lang: gebruik ten hoogste 100 tekens.');
    expect(await context.handle('cases.search', { query: 'jansen', limit: 51 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the search index follows every change in the same transaction', () => {
  it('after a correction of name, police unit and offence: the old text no longer matches, the new one does', async () => {
    const { database, call, search, ozturkId } = await setup(tempDir());
    const before = await call<CaseDetail>('cases.get', { id: ozturkId });
    await call('cases.updateDetails', {
      caseId: ozturkId,
      changes: { fullName: 'Ö. Yıldırım', policeUnit: 'Basisteam Kustlicht', offenceSummary: 'Inbraak in schuur' },
      reason: 'Gegevens volgens het proces-verbaal',
      expectedVersion: before.version,
    });
    const ids = async (query: string) => (await search(query)).results.map((r) => r.id);
    expect(await ids('öztürk')).not.toContain(ozturkId);
    expect(await ids('zuidkust')).not.toContain(ozturkId);
    expect(await ids('zakkenrol')).not.toContain(ozturkId);
    expect(await ids('yildirim')).toContain(ozturkId);
    expect(await ids('kustlicht')).toContain(ozturkId);
    expect(await ids('schuur')).toContain(ozturkId);
    expect(await ids('987654')).toEqual([ozturkId]);
    database.close();
  });

  it('after a delete the case is gone from the index; a suspect with two cases renamed re-indexes both', async () => {
    const { database, search, ozturkId, zuidemaId } = await setup(tempDir());
    const sqlite = database.sqlite;
    sqlite.prepare('delete from criminal_case where id = ?').run(zuidemaId);
    expect((await search('zuidema')).results).toEqual([]);
    expect(sqlite.prepare("select count(*) from case_search where case_search match '\"555123\"'").pluck().get()).toBe(0);
    // A second case of the same suspect (co-defendant files, a new arrest).
    const suspectId = sqlite.prepare('select suspect_id from criminal_case where id = ?').pluck().get(ozturkId) as number;
    sqlite
      .prepare("insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('19/987655-26', ?, 'snelrecht_nd', 'Basisteam Zuidkust', 'Vernieling')")
      .run(suspectId);
    expect((await search('öztürk')).results.map((r) => r.parketnummer).sort()).toEqual(['19/987654-26', '19/987655-26']);
    sqlite.prepare("update suspect set full_name = 'Ö. Kaya' where id = ?").run(suspectId);
    expect((await search('öztürk')).results).toEqual([]);
    expect((await search('kaya')).results.map((r) => r.parketnummer).sort()).toEqual(['19/987654-26', '19/987655-26']);
    database.close();
  });

  it('after pseudonymisation (retention) the removed names no longer match; the parketnummer still finds the case', async () => {
    const { database, call, search } = await setup(tempDir());
    const preview0 = await call<{ version: number }>('retention.preview', {});
    await call('retention.setTerm', { months: 6, confirmed: true, reason: 'Vastgesteld door de FG', expectedVersion: preview0.version });
    const preview = await call<{ cases: { caseId: number; parketnummer: string }[] }>('retention.preview', { limit: 100_000 });
    expect(preview.cases.length).toBeGreaterThan(5);
    const sqlite = database.sqlite;
    const nameOf = sqlite.prepare('select s.full_name from criminal_case c join suspect s on s.id = c.suspect_id where c.id = ?').pluck();
    // Cases past the term whose suspect's full name is unique in the district (so no other case carries it).
    const unique = preview.cases
      .map((c) => ({ ...c, name: nameOf.get(c.caseId) as string }))
      .filter((c) => (sqlite.prepare('select count(*) from suspect where full_name = ?').pluck().get(c.name) as number) === 1)
      .slice(0, 5);
    expect(unique.length).toBeGreaterThan(0);
    for (const c of unique) expect((await search(c.name, 50)).results.map((r) => r.id), c.name).toContain(c.caseId);

    await call('retention.apply', { reason: 'Bewaartermijn van 6 maanden verstreken' });

    for (const c of unique) {
      expect((await search(c.name, 50)).results.map((r) => r.id), c.name).not.toContain(c.caseId);
      const [byNumber] = (await search(c.parketnummer)).results;
      expect(byNumber).toMatchObject({ id: c.caseId, suspectName: PSEUDONYMISED_SUSPECT.fullName, dateOfBirth: '' });
    }
    database.close();
  });
});

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
