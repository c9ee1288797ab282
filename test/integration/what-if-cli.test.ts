import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { addDays } from '../../shared/calendar/local-date';
import { openDemoDatabase } from '../support/demo-database';
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

const PATTERN = JSON.stringify({ courtroomId: 5, weekdays: [2, 4], daypart: 'morning', startTime: '09:00', endTime: '12:30', sessionType: 'supersnelrecht', capacitySlots: 4 });

describe('ketenplanner whatif', () => {
  it('is in the help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('ketenplanner whatif --db FILE --from YYYY-MM-DD --to YYYY-MM-DD');
  });

  it('prints the comparison as JSON and writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    const database = await openDemoDatabase(dir, { seed: 3, casesPerYear: 700, asOf: today });
    const rows = () => database.sqlite.prepare('select (select count(*) from court_session) + (select count(*) from hearing) + (select count(*) from audit_event) as n').get();
    const before = rows();

    const { code, out, err } = await run(
      'whatif', '--db', file, '--from', today, '--to', addDays(today, 27),
      '--replay-from', addDays(today, -28), '--replay-to', addDays(today, -1),
      '--add-pattern', PATTERN, '--remove-template', '3',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { replay: { cases: number; shiftDays: number }; changes: { addedSlots: number; removedSessions: number }; baseline: { cases: number }; difference: { capacity: number } };
    expect(result.replay.shiftDays).toBe(28);
    expect(result.replay.cases).toBeGreaterThan(0);
    expect(result.baseline.cases).toBeGreaterThanOrEqual(result.replay.cases);
    expect(result.changes.addedSlots % 4).toBe(0);
    expect(result.changes.removedSessions).toBeGreaterThan(0);
    expect(rows()).toEqual(before);
    database.close();
  });

  it.each([
    [['whatif', '--db', 'x.sqlite', '--from', '2026-06-15'], '--to is required'],
    [['whatif', '--db', 'x.sqlite', '--from', '2026-06-15', '--to', '2026-07-01', '--replay-from', '2026-05-01'], '--replay-from and --replay-to go together'],
    [['whatif', '--db', 'x.sqlite', '--from', '2026-06-15', '--to', '2026-07-01', '--add-pattern', '{courtroomId'], '--add-pattern 1 is no valid JSON'],
    [['whatif', '--db', 'x.sqlite', '--from', '2026-06-15', '--to', '2026-07-01', '--remove-template', 'drie'], '--remove-template must be a template number'],
    [['whatif', '--db', 'x.sqlite', '--from', '2026-06-15', '--to', '2026-07-01'], 'x.sqlite does not exist'],
  ])('%j fails with exit 2 and says: %s', async (argv, message) => {
    const dir = tempDir();
    const { code, err } = await run(...argv.map((a) => (a === 'x.sqlite' ? path.join(dir, a) : a)));
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('refuses a window in the past with exit 1 and the Dutch message', async () => {
    const dir = tempDir();
    const database = await openDemoDatabase(dir, { seed: 3, casesPerYear: 300, asOf: today });
    database.close();
    const { code, err } = await run('whatif', '--db', path.join(dir, 'district.sqlite'), '--from', addDays(today, -1), '--to', addDays(today, 6));
    expect(code).toBe(1);
    expect(err).toContain('Van: het scenario ligt in de toekomst');
  });

  it.each([
    [['--from', '2026-06-15', '--to', '2027-06-15'], 'to: Tot en met: een scenario beslaat hoogstens 26 weken'],
    [['--from', '2026-06-15', '--to', '2026-07-01', '--add-pattern', PATTERN.replace('[2,4]', '[7]')], 'zaterdag en zondag zijn geen zittingsdagen'],
  ])('%j is refused by the contract, as in the app: exit 1 and the Dutch message', async (window, message) => {
    const dir = tempDir();
    const database = await openDemoDatabase(dir, { seed: 3, casesPerYear: 300, asOf: today });
    database.close();
    const { code, err, out } = await run('whatif', '--db', path.join(dir, 'district.sqlite'), ...window);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('De invoer is niet geldig');
    expect(err).toContain(message);
  });
});
