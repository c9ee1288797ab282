import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/** `ketenplanner calendar` (issue 15 item 6), read back with Mozilla's ical.js. */

const tempDir = useTempDir();
const NOW = '2026-06-15T09:30:00+02:00';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--now', NOW], { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function demoFile() {
  const dir = tempDir();
  const database = await openDemoDatabase(dir);
  const ids = (sql: string) => (database.sqlite.prepare(sql).all() as { id: number }[]).map((r) => r.id);
  const prosecutor = ids("select p.id from person p where p.role = 'ovj' and exists (select 1 from court_session s where s.prosecutor_id = p.id and s.date >= '2026-06-15') order by p.id")[0]!;
  const sessions = ids(`select id from court_session where prosecutor_id = ${prosecutor} and date between '2026-04-20' and '2026-12-14'`);
  database.sqlite.close();
  return { dir, file: path.join(dir, 'district.sqlite'), prosecutor, sessions };
}

describe('ketenplanner calendar', () => {
  it('writes the prosecutor\u2019s ICS file; the same file twice gives the same events', async () => {
    const { dir, file, prosecutor, sessions } = await demoFile();
    const out = path.join(dir, 'agenda', 'officier.ics');
    const first = await run('calendar', '--db', file, '--prosecutor', String(prosecutor), '--out', out);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ file: out, subject: { kind: 'prosecutor', id: prosecutor }, events: sessions.length, from: '2026-04-20', to: '2026-12-14' });
    const text = fs.readFileSync(out, 'utf8');
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => Number(/^zitting-(\d+)\./.exec(e.uid)![1])).sort((a, b) => a - b)).toEqual([...sessions].sort((a, b) => a - b));
    expect(events.every((e) => e.description.includes('Officier van justitie: '))).toBe(true);

    const again = await run('calendar', '--db', file, '--prosecutor', String(prosecutor), '--out', out);
    expect(again.code).toBe(0);
    // Nothing changed in between: the same events (the CLI's clock runs on from --now, so only DTSTAMP may differ).
    const withoutStamps = (ics: string) => ics.replace(/\r\n[ \t]/g, '').replace(/^(DTSTAMP|X-WR-CALDESC|DESCRIPTION:Zittingen ).*$/gm, '');
    expect(withoutStamps(fs.readFileSync(out, 'utf8'))).toBe(withoutStamps(text));
  });

  it('says what is wrong: no subject, two subjects, an unknown one, a missing file', async () => {
    const { dir, file } = await demoFile();
    const out = path.join(dir, 'x.ics');
    const none = await run('calendar', '--db', file, '--out', out);
    expect(none.code).toBe(2);
    expect(none.err).toContain('exactly one of --judge ID, --prosecutor ID or --courtroom ID');
    const two = await run('calendar', '--db', file, '--judge', '1', '--courtroom', '1', '--out', out);
    expect(two.code).toBe(2);
    const notANumber = await run('calendar', '--db', file, '--courtroom', 'zaal1', '--out', out);
    expect(notANumber.code).toBe(2);
    const unknown = await run('calendar', '--db', file, '--courtroom', '99999', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Zittingszaal 99999 bestaat niet');
    expect(fs.existsSync(out)).toBe(false);
    const missing = await run('calendar', '--db', path.join(dir, 'nope.sqlite'), '--judge', '1', '--out', out);
    expect(missing.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'nope.sqlite'))).toBe(false);
    const help = await run('--help');
    expect(help.out).toContain('ketenplanner calendar --db FILE (--judge ID | --prosecutor ID | --courtroom ID) --out FILE.ics');
  });
});
