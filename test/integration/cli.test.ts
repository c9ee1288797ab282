import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l));
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
    const args = ['--seed', '5', '--year', '2026', '--cases', '700', '--as-of', '2026-05-01'];
    const first = await run('demo', '--db', path.join(dir, 'a.sqlite'), ...args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\d+ sessions, \d+ cases \(seed 5, year 2026, as of 2026-05-01\)/);
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
    [['demo', '--db', 'x.sqlite', '--year', '1999'], '--year must be between 2000 and 2100'],
    [['demo', '--db', 'x.sqlite', '--as-of', '2026-02-30'], '--as-of must be a date'],
    [['demo', '--db', 'x.sqlite', '--year', '2026', '--as-of', '2025-05-01'], '--as-of must lie in --year 2026'],
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
});
