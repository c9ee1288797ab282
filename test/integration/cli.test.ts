import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { fixedClock } from '../../server/services/context/clock';
import { createBackend } from '../../server/services/create-backend';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { useTempDir } from '../support/temp-dir';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

const tempDir = useTempDir();

/** Every run is pinned: the clock starts at this moment (`--now`), the demo lives on its date. */
const NOW = '2026-06-01T09:00:00+02:00';
const AS_OF = '2026-06-01';

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
    const args = ['--seed', '5', '--cases', '700', '--as-of', '2026-05-01', '--now', NOW];
    const first = await run('demo', '--db', path.join(dir, 'a.sqlite'), ...args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\d+ sessions, 700 cases \(seed 5, as of 2026-05-01\)/);
    await run('demo', '--db', path.join(dir, 'b.sqlite'), ...args);
    const dump = (file: string) =>
      new Database(path.join(dir, file), { readonly: true })
        .prepare('select parketnummer, modality, status, police_unit, arrested_at from criminal_case order by id')
        .all();
    expect(dump('a.sqlite')).toEqual(dump('b.sqlite'));

    // Without other options the demo is the app's demo.load, through the api handler: same refusal.
    const again = await run('demo', '--db', path.join(dir, 'a.sqlite'), '--now', NOW);
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
    [['demo', '--db', 'x.sqlite', '--now'], '--now needs an instant'],
    [['demo', '--db', 'x.sqlite', '--now', '2026-06-01T09:00:00'], 'it has no offset'],
    [['plan', '--db', 'x.sqlite', '--from', '2026-06-01', '--to', '2026-06-30', '--now', 'morgen'], '--now must be an instant with its offset'],
    [['plan', '--db', 'x.sqlite', '--from', '2026-06-01', '--to', '2026-06-30', '--now', '2026-02-30T09:00:00+01:00'], 'no such moment'],
    [['plan', '--db', 'x.sqlite', '--from', '2026-06-01', '--now', NOW], '--to is required'],
    [['plan', '--db', 'x.sqlite', '--from', '2026-06-01', '--to', '2026-06-30', '--now', NOW], 'does not exist'],
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
    const fixture = makeImportCsv(300, 3);
    fs.writeFileSync(file, fixture.csv);
    const db = path.join(dir, 'district.sqlite');
    const missing = await run('import', '--db', db, file, '--now', NOW);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
    await run('demo', '--db', db, '--cases', '50', '--as-of', '2026-03-01', '--now', '2026-03-01T09:00:00+01:00');
    const demoCases = (new Database(db, { readonly: true }).prepare('select count(*) as n from criminal_case').get() as { n: number }).n;
    // The fixture's events fall on 1-28 March 2026; the import runs after all of them, since a moment in
    // the future is refused (shared/intake/plausibility.ts), so only the 3 rows broken on purpose fail.
    const importNow = '2026-03-30T10:00:00+02:00';
    const dry = await run('import', '--db', db, '--dry-run', file, '--now', importNow);
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.out)).toMatchObject({ totalRows: 300, validRows: 297, invalidRows: 3, committed: 0, dryRun: true });
    const strict = await run('import', '--db', db, '--mode', 'all-or-nothing', file, '--now', importNow);
    expect(JSON.parse(strict.out)).toMatchObject({ committed: 0, mode: 'all_or_nothing' });
    const loose = await run('import', '--db', db, file, '--now', importNow);
    const report = JSON.parse(loose.out) as { committed: number; problems: { row: number; column: string; message: string }[] };
    expect(report.committed).toBe(297);
    expect(report.problems.map((p) => ({ row: p.row, column: p.column }))).toEqual(fixture.badRows);
    expect(new Database(db, { readonly: true }).prepare('select count(*) as n from criminal_case').get()).toEqual({ n: demoCases + 297 });
    const again = await run('import', '--db', db, file, '--now', '2026-03-30T10:05:00+02:00');
    expect(JSON.parse(again.out)).toMatchObject({ committed: 0, invalidRows: 300 });
  });

  it.each([
    [['import', '--db', 'x.sqlite'], 'give exactly one file'],
    [['import', '--db', 'x.sqlite', '--mode', 'some', 'a.csv'], '--mode must be valid-only or all-or-nothing'],
    [['import', '--db', 'x.sqlite', '/nonexistent/a.csv'], 'cannot read /nonexistent/a.csv'],
  ])('import %j fails with exit 2: %s', async (argv, message) => {
    const dir = tempDir();
    const { code, err } = await run(...argv.map((a) => (a === 'x.sqlite' ? path.join(dir, a) : a)), '--now', NOW);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('the CLI as a transport over the api handler', () => {
  /** What the app (IPC, HTTP) answers to the same input, from the same handler at the same moment. */
  async function apiAnswer(file: string, operation: string, input: unknown) {
    const backend = await createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: fixedClock(NOW), roles: STANDALONE_ROLES });
    try {
      return await backend.handler(operation, input, { requestId: 'test-request-1' });
    } finally {
      backend.close();
    }
  }

  async function demoFile() {
    const file = path.join(tempDir(), 'district.sqlite');
    const made = await run('demo', '--db', file, '--seed', '11', '--cases', '300', '--as-of', AS_OF, '--now', NOW);
    expect(made.code, made.err).toBe(0);
    return file;
  }

  it.each([
    ['a window over 400 days', ['--from', '2026-06-01', '--to', '2027-08-01'], { from: '2026-06-01', to: '2027-08-01', dryRun: true, replan: false, holdBackForUrgent: false }],
    ['a window that ends before it starts', ['--from', '2026-06-10', '--to', '2026-06-01'], { from: '2026-06-10', to: '2026-06-01', dryRun: true, replan: false, holdBackForUrgent: false }],
  ])('plan refuses %s as the api does: the same Dutch message, exit 1', async (_label, window, input) => {
    const file = await demoFile();
    const cli = await run('plan', '--db', file, ...window, '--dry-run', '--now', NOW);
    const api = await apiAnswer(file, 'planner.run', input);
    expect(api.ok).toBe(false);
    if (api.ok) return;
    expect(api.error.code).toBe('INVALID_INPUT');
    expect(cli.code).toBe(1);
    expect(cli.out).toBe('');
    expect(cli.err).toContain(api.error.message);
    for (const detail of api.error.details ?? []) expect(cli.err).toContain(`${detail.path}: ${detail.message}`);
    expect(cli.err).toMatch(/to: (Plan hoogstens een jaar tegelijk|Het einde ligt vóór het begin)/);
  });

  it('sessions generate refuses a horizon in the past as the api does', async () => {
    const file = await demoFile();
    const cli = await run('sessions', 'generate', '--db', file, '--from', '2026-05-20', '--to', '2026-06-10', '--now', NOW);
    const api = await apiAnswer(file, 'capacity.generate', { from: '2026-05-20', to: '2026-06-10', dryRun: false });
    expect(api.ok).toBe(false);
    if (api.ok) return;
    expect(cli.code).toBe(1);
    expect(cli.err).toBe(`ketenplanner sessions: ${api.error.message}${(api.error.details ?? []).map((d) => `\n  ${d.path}: ${d.message}`).join('')}`);
  });

  it('--now pins the clock: demo and a plan proposal give the same output every time', async () => {
    const proposal = async () => {
      const file = await demoFile();
      const { code, out, err } = await run('plan', '--db', file, '--from', '2026-06-01', '--to', '2026-07-12', '--dry-run', '--now', NOW);
      expect(err).toBe('');
      expect(code).toBe(0);
      const summary = JSON.parse(out) as { runTimeMs: number; planned: unknown[] };
      return { ...summary, runTimeMs: 0 };
    };
    const first = await proposal();
    expect(first.planned.length).toBeGreaterThan(0);
    expect(await proposal()).toEqual(first);
  });

  it('--now decides what today is: the same window is in the past one day later', async () => {
    const file = await demoFile();
    const window = ['--from', '2026-06-02', '--to', '2026-06-30', '--dry-run'];
    expect((await run('sessions', 'generate', '--db', file, ...window, '--now', NOW)).code).toBe(0);
    const later = await run('sessions', 'generate', '--db', file, ...window, '--now', '2026-06-03T09:00:00+02:00');
    expect(later.code).toBe(1);
    expect(later.err).toContain('zittingen worden niet in het verleden aangemaakt');
  });

  it('a write goes through the handler once: the plan is recorded with the pinned moment', async () => {
    const file = await demoFile();
    const { code } = await run('plan', '--db', file, '--from', '2026-06-01', '--to', '2026-06-21', '--now', NOW);
    expect(code).toBe(0);
    const sqlite = new Database(file, { readonly: true });
    try {
      const audit = sqlite.prepare("select occurred_at as at from audit_event where action = 'hearing.planned' order by id desc limit 1").get() as { at: string } | undefined;
      expect(audit?.at.slice(0, 16)).toBe('2026-06-01T07:00');
    } finally {
      sqlite.close();
    }
  });

  it('the built CLI (dist/cli, what bin/ketenplanner.mjs runs) answers the same, its planner in its own built worker', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    if (!fs.existsSync(path.join(root, 'dist/cli/ketenplanner.mjs'))) execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
    expect(fs.existsSync(path.join(root, 'dist/cli/planner-worker.mjs'))).toBe(true);
    const file = await demoFile();
    const args = ['plan', '--db', file, '--from', '2026-06-01', '--to', '2026-07-12', '--dry-run', '--now', NOW];
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'bin/ketenplanner.mjs'), ...args], { cwd: root });
    const inProcess = await run(...args);
    const withoutTiming = (text: string) => ({ ...(JSON.parse(text) as object), runTimeMs: 0 });
    expect(withoutTiming(stdout)).toEqual(withoutTiming(inProcess.out));

    const refused = await promisify(execFile)(process.execPath, [path.join(root, 'bin/ketenplanner.mjs'), 'plan', '--db', file, '--from', '2026-06-01', '--to', '2027-08-01', '--now', NOW], { cwd: root }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('to: Plan hoogstens een jaar tegelijk') });
  });
});
