import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_FOLDS, type CaseSearchOutput } from '../../shared/api/case-search-schemas';
import type { CaseDetail } from '../../shared/api/case-schemas';
import { PSEUDONYMISED_SUSPECT } from '../../shared/retention/retention';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * Issue 15 item 1: the header's search box (cases.search), on both engines: SQLite's FTS5 trigram index
 * (migration 0018) and PostgreSQL's case_search_match (pg migration 0003). The import and the SQLite
 * migration stay in test/integration/case-search.test.ts.
 */

const tempDir = useTempDir();
const NOW = new Date('2026-06-15T10:00:00+02:00'); // Monday 15 June 2026, 10:00 Amsterdam: the small demo's moment
const DEMO = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

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

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup(dir: string) {
  const database = await openTestDistrict(dir, DEMO);
  const handle = database.api({ actor: 'griffier.test', now: NOW, onInternalError: (op, error) => console.error('INTERNAL', op, error) });
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

/** A district of its own for one test (closed after it). */
async function fresh() {
  const context = await setup(tempDir());
  district = context.database;
  return context;
}

describe('cases.search on a district database', () => {
  let context: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    context = await setup(tempDir());
  });
  afterAll(async () => await context.database.close());

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
    const d = context.database;
    const insertSuspect = async (name: string) => (await d.row<{ id: number }>("insert into suspect (full_name, date_of_birth) values (?, '1990-01-01') returning id", [name]))!.id;
    const insertCase = async (parketnummer: string, suspectId: number) =>
      await d.run("insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values (?, ?, 'snelrecht_nd', 'Basisteam Noord', 'Vernieling')", [parketnummer, suspectId]);
    for (const [index, [from]] of SEARCH_FOLDS.entries()) {
      await insertCase(`19/9100${String(index).padStart(2, '0')}-26`, await insertSuspect(`Q. Fold${from}proef`));
    }
    for (const [index, [from, to]] of SEARCH_FOLDS.entries()) {
      const parketnummer = `19/9100${String(index).padStart(2, '0')}-26`;
      for (const query of [`fold${to}proef`, `Fold${from}proef`, `FOLD${to.toUpperCase()}PROEF`]) {
        expect((await context.search(query, 50)).results.map((r) => r.parketnummer), `${query} -> ${parketnummer}`).toContain(parketnummer);
      }
    }
    const names: [string, string][] = [['Łukasz Wałęsa', 'walesa'], ['Çağla Yıldırım', 'cagla yildirim'], ['Søren Ørsted', 'soren orsted'], ['Đorđe Straße', 'dorde strasse']];
    for (const [index, [name, query]] of names.entries()) {
      await insertCase(`19/9200${index}-26`, await insertSuspect(name));
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
  ])('FTS5, LIKE and SQL syntax in the text is searched for as text, never an error: %j', async (query) => {
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
    const { call, search, ozturkId } = await fresh();
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
  });

  it('after a delete the case is gone from the index; a suspect with two cases renamed re-indexes both', async () => {
    const { database, search, ozturkId, zuidemaId } = await fresh();
    await database.run('delete from criminal_case where id = ?', [zuidemaId]);
    expect((await search('zuidema')).results).toEqual([]);
    const indexed =
      database.engine === 'sqlite'
        ? await database.row<{ n: number }>(`select count(*) as n from case_search where case_search match '"555123"'`)
        : await database.row<{ n: number }>('select count(*) as n from case_search where case_id = ?', [zuidemaId]);
    expect(indexed!.n).toBe(0);
    // A second case of the same suspect (co-defendant files, a new arrest).
    const { suspectId } = (await database.row<{ suspectId: number }>('select suspect_id as "suspectId" from criminal_case where id = ?', [ozturkId]))!;
    await database.run("insert into criminal_case (parketnummer, suspect_id, modality, police_unit, offence_summary) values ('19/987655-26', ?, 'snelrecht_nd', 'Basisteam Zuidkust', 'Vernieling')", [suspectId]);
    expect((await search('öztürk')).results.map((r) => r.parketnummer).sort()).toEqual(['19/987654-26', '19/987655-26']);
    await database.run("update suspect set full_name = 'Ö. Kaya' where id = ?", [suspectId]);
    expect((await search('öztürk')).results).toEqual([]);
    expect((await search('kaya')).results.map((r) => r.parketnummer).sort()).toEqual(['19/987654-26', '19/987655-26']);
  });

  it('after pseudonymisation (retention) the removed names no longer match; the parketnummer still finds the case', async () => {
    const { database, call, search } = await fresh();
    const preview0 = await call<{ version: number }>('retention.preview', {});
    await call('retention.setTerm', { months: 6, confirmed: true, reason: 'Vastgesteld door de FG', expectedVersion: preview0.version });
    const preview = await call<{ cases: { caseId: number; parketnummer: string }[] }>('retention.preview', { limit: 100_000 });
    expect(preview.cases.length).toBeGreaterThan(5);
    const nameOf = async (caseId: number) => (await database.row<{ name: string }>('select s.full_name as name from criminal_case c join suspect s on s.id = c.suspect_id where c.id = ?', [caseId]))!.name;
    const namesake = async (name: string) => (await database.row<{ n: number }>('select count(*) as n from suspect where full_name = ?', [name]))!.n;
    // Cases past the term whose suspect's full name is unique in the district (so no other case carries it).
    const named = await Promise.all(preview.cases.map(async (c) => ({ ...c, name: await nameOf(c.caseId) })));
    const unique: typeof named = [];
    for (const c of named) if (unique.length < 5 && (await namesake(c.name)) === 1) unique.push(c);
    expect(unique.length).toBeGreaterThan(0);
    for (const c of unique) expect((await search(c.name, 50)).results.map((r) => r.id), c.name).toContain(c.caseId);

    await call('retention.apply', { reason: 'Bewaartermijn van 6 maanden verstreken' });

    for (const c of unique) {
      expect((await search(c.name, 50)).results.map((r) => r.id), c.name).not.toContain(c.caseId);
      const [byNumber] = (await search(c.parketnummer)).results;
      expect(byNumber).toMatchObject({ id: c.caseId, suspectName: PSEUDONYMISED_SUSPECT.fullName, dateOfBirth: '' });
    }
  });
});
