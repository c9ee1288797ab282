import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import type { GenerationResult } from '../../shared/capacity/capacity-schemas';
import { addDays } from '../../shared/calendar/local-date';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

/** Pinned: every run's clock (`--now`, appended by run()) and its Amsterdam date, the demo's as-of day. */
const NOW = '2026-06-15T10:00:00+02:00';
const today = '2026-06-15';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--now', NOW], { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ketenplanner sessions generate', () => {
  it('is listed in the help', async () => {
    expect((await run('--help')).out).toContain('ketenplanner sessions generate --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--dry-run]');
    const own = await run('sessions', '--help');
    expect(own.code).toBe(0);
    expect(own.out).toContain('--dry-run');
  });

  it('previews, then writes the sessions of the templates as a JSON summary, and a second run creates nothing', async () => {
    const db = path.join(tempDir(), 'district.sqlite');
    expect((await run('demo', '--db', db, '--cases', '50', '--as-of', today)).code).toBe(0);
    const count = () => {
      const file = new Database(db, { readonly: true });
      try {
        return (file.prepare('select count(*) as n from court_session').get() as { n: number }).n;
      } finally {
        file.close();
      }
    };
    const before = count();
    const window = ['--db', db, '--from', today, '--to', addDays(today, 120)];

    const dry = await run('sessions', 'generate', ...window, '--dry-run');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out) as GenerationResult;
    expect(preview.dryRun).toBe(true);
    expect(preview.counts.created).toBeGreaterThan(10);
    expect(preview.skipped.every((s) => s.message.length > 0)).toBe(true);
    expect(count()).toBe(before);

    const real = JSON.parse((await run('sessions', 'generate', ...window)).out) as GenerationResult;
    expect(real.counts.created).toBe(preview.counts.created);
    expect(count()).toBe(before + real.counts.created);

    const again = JSON.parse((await run('sessions', 'generate', ...window)).out) as GenerationResult;
    expect(again.counts.created).toBe(0);
    expect(count()).toBe(before + real.counts.created);
  });

  it('refuses a horizon in the past with the Dutch reason and exit 1 (the service rule, through the api handler)', async () => {
    const db = path.join(tempDir(), 'district.sqlite');
    await run('demo', '--db', db, '--cases', '50', '--as-of', today);
    const { code, err } = await run('sessions', 'generate', '--db', db, '--from', addDays(today, -7), '--to', today);
    expect(code).toBe(1);
    expect(err).toContain('zittingen worden niet in het verleden aangemaakt');
  });

  it.each([
    [['sessions'], 'Give a subcommand: generate'],
    [['sessions', 'delete'], 'Unknown subcommand "delete"'],
    [['sessions', 'generate', '--from', '2030-01-01', '--to', '2030-01-31'], '--db is required'],
    [['sessions', 'generate', '--db', 'x.sqlite', '--to', '2030-01-31'], '--from is required'],
    [['sessions', 'generate', '--db', 'x.sqlite', '--from', '2030-02-30', '--to', '2030-03-01'], '--from must be a date'],
    [['sessions', 'generate', '--db', 'x.sqlite', '--from', '2030-01-01', '--to', '2030-01-31'], 'does not exist'],
  ])('%j fails with exit 2 and says: %s', async (argv, message) => {
    const dir = tempDir();
    const { code, err } = await run(...argv.map((a) => (a === 'x.sqlite' ? path.join(dir, a) : a)));
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it.each([
    [['--from', '2030-02-01', '--to', '2030-01-01'], 'to: Tot en met: ligt vóór de begindatum'],
    [['--from', '2030-01-01', '--to', '2031-06-01'], 'to: Tot en met: genereer hoogstens een jaar tegelijk'],
  ])('%j is refused by the contract, as in the app: exit 1 and the Dutch message per field', async (window, message) => {
    const db = path.join(tempDir(), 'district.sqlite');
    await run('demo', '--db', db, '--cases', '50', '--as-of', today);
    const { code, err, out } = await run('sessions', 'generate', '--db', db, ...window);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('De invoer is niet geldig');
    expect(err).toContain(message);
  });
});
