import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

async function runWithStdin(stdin: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the ketenplanner CLI', () => {
  it('prints help with every command', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('ketenplanner demo --db FILE');
    expect(out).toContain('ketenplanner serve --db FILE');
  });

  it('writes a deterministic demo district and refuses to overwrite it', async () => {
    const dir = tempDir();
    const args = ['--seed', '5', '--cases', '700', '--as-of', '2026-05-01'];
    const first = await run('demo', '--db', path.join(dir, 'a.sqlite'), ...args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\d+ sessions, 700 cases \(seed 5, as of 2026-05-01\)/);
    await run('demo', '--db', path.join(dir, 'b.sqlite'), ...args);
    const dump = (file: string) =>
      new Database(path.join(dir, file), { readonly: true })
        .prepare('select parketnummer, modality, status, police_unit, arrested_at from criminal_case order by id')
        .all();
    expect(dump('a.sqlite')).toEqual(dump('b.sqlite'));

    const again = await run('demo', '--db', path.join(dir, 'a.sqlite'));
    expect(again.code).toBe(1);
    expect(again.err).toContain('bevat al een arrondissement');
  });

  it.each([
    [['demo'], '--db is required'],
    [['demo', '--db', 'x.sqlite', '--seed', 'abc'], '--seed must be a whole number'],
    [['demo', '--db', 'x.sqlite', '--cases', '0'], '--cases must be between 1 and 200000'],
    [['demo', '--db', 'x.sqlite', '--as-of', '2026-02-30'], '--as-of must be a date'],
    [['demo', '--db', 'x.sqlite', '--as-of', '1999-05-01'], '--as-of must lie between'],
    [['demo', '--db', 'x.sqlite', '--colour', 'red'], "Unknown option '--colour'"],
    [['serve'], '--db is required'],
    [['serve', '--db', 'x.sqlite', '--port', '70000'], '--port must be between 0 and 65535'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
  ])('%j fails with exit 2 and says: %s', async (argv, message) => {
    const dir = tempDir();
    const { code, err } = await run(...argv.map((a) => (a === 'x.sqlite' ? path.join(dir, a) : a)));
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('deadlines: computes the limits of every case in a JSON array', async () => {
    const cases = [
      { id: 'SSR-1', modality: 'supersnelrecht', arrestedAt: '2026-04-10T22:15:00+02:00', shortTermConsent: true },
      { id: 'SR-1', modality: 'snelrecht', arrestedAt: '2026-03-02T08:00:00+01:00', remandOrderedAt: '2026-03-05T11:00:00+01:00' },
      { id: 'SR-2', modality: 'snelrecht', arrestedAt: '2026-03-02T08:00:00+01:00', remandOrderedAt: '2026-03-03T09:00:00+01:00' },
      { id: 'ND-1', modality: 'snelrecht_nd', arrestedAt: '2026-06-01T10:00:00+02:00' },
    ];
    const { code, out } = await runWithStdin(JSON.stringify(cases), 'deadlines');
    expect(code).toBe(0);
    const results = JSON.parse(out) as Record<string, unknown>[];
    expect(results.map((r) => r['id'])).toEqual(['SSR-1', 'SR-1', 'SR-2', 'ND-1']);
    // art. 59a Sv: arrest Fri 10 Apr 22:15 + 3 days 18 hours = Tue 14 Apr 16:15, never moved for the weekend.
    expect(results[0]).toMatchObject({ voorgeleidingBy: '2026-04-14T16:15:00+02:00', hearingBy: '2026-04-14T16:15:00+02:00' });
    // The earlier of arrest + 17 days (art. 67a Sv, 19 Mar 08:00) and remand + 14 days (art. 64 Sv, 19 Mar 11:00).
    expect(results[1]).toMatchObject({ hearingBy: '2026-03-19T08:00:00+01:00' });
    // Here the remand ends first: 3 Mar 09:00 + 14 days = 17 Mar 09:00.
    expect(results[2]).toMatchObject({ hearingBy: '2026-03-17T09:00:00+01:00' });
    expect(results[3]).toHaveProperty('hearingTargetBy');
    expect((results[0]!['rules'] as { article: string }[]).map((r) => r.article)).toContain('art. 59a lid 1 Sv');
  });

  it.each([
    ['not JSON', '{oops', /stdin is not valid JSON/],
    ['a missing offset', JSON.stringify([{ id: 'A-1', modality: 'snelrecht', arrestedAt: '2026-03-02T08:00:00' }]), /A-1.*arrestedAt/],
    ['an unknown modality', JSON.stringify([{ id: 'B-2', modality: 'turbo' }]), /B-2.*modality/],
  ])('deadlines: refuses %s with exit 1 and a message naming the case and field', async (_label, stdin, message) => {
    const { code, err, out } = await runWithStdin(stdin, 'deadlines');
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('import: prints the JSON report, commits valid rows, and exits 1 when rows had problems', async () => {
    const dir = tempDir();
    const { makeImportCsv } = await import('../support/import-fixture');
    const fs = await import('node:fs');
    const file = path.join(dir, 'politie.csv');
    fs.writeFileSync(file, makeImportCsv(300, 3).csv);
    const db = path.join(dir, 'district.sqlite');
    const missing = await run('import', '--db', db, file);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
    await run('demo', '--db', db, '--cases', '50', '--as-of', '2026-03-01');
    const demoCases = (new Database(db, { readonly: true }).prepare('select count(*) as n from criminal_case').get() as { n: number }).n;
    const dry = await run('import', '--db', db, '--dry-run', file);
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.out)).toMatchObject({ totalRows: 300, validRows: 297, invalidRows: 3, committed: 0, dryRun: true });
    const strict = await run('import', '--db', db, '--mode', 'all-or-nothing', file);
    expect(JSON.parse(strict.out)).toMatchObject({ committed: 0, mode: 'all_or_nothing' });
    const loose = await run('import', '--db', db, file);
    const report = JSON.parse(loose.out) as { committed: number; problems: { row: number; column: string; message: string }[] };
    expect(report.committed).toBe(297);
    expect(report.problems).toHaveLength(3);
    expect(new Database(db, { readonly: true }).prepare('select count(*) as n from criminal_case').get()).toEqual({ n: demoCases + 297 });
    const again = await run('import', '--db', db, file);
    expect(JSON.parse(again.out)).toMatchObject({ committed: 0, invalidRows: 300 });
  });

  it.each([
    [['import', '--db', 'x.sqlite'], 'give exactly one file'],
    [['import', '--db', 'x.sqlite', '--mode', 'some', 'a.csv'], '--mode must be valid-only or all-or-nothing'],
    [['import', '--db', 'x.sqlite', '/nonexistent/a.csv'], 'cannot read /nonexistent/a.csv'],
  ])('import %j fails with exit 2: %s', async (argv, message) => {
    const dir = tempDir();
    const { code, err } = await run(...argv.map((a) => (a === 'x.sqlite' ? path.join(dir, a) : a)));
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
