import { afterEach, describe, expect, it } from 'vitest';
import type { OperationName } from '../../shared/api/contract';
import { SMALL_DEMO } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** The rota (people, absences, assignments) through the api, on both engines. */
const tempDir = useTempDir();
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T06:00:00+02:00');

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), SMALL_DEMO);
  district = database;
  const handle = database.api({ actor: 'coordinator.test', today: () => TODAY, now: () => NOW, onInternalError: (_op, error) => console.error(error) });
  const call = async <T = unknown>(operation: OperationName, input: unknown): Promise<T> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  const count = async (sql: string, ...params: unknown[]) => (await database.row<{ n: number }>(sql, params))!.n;
  /** A record's current version, as an edit sends it back (`expectedVersion`). */
  const versionOf = async (table: 'person' | 'court_session', id: number) => (await database.row<{ version: number }>(`select version from ${table} where id = ?`, [id]))!.version;
  return { database, handle, call, count, versionOf };
}

const csv = (text: string, bom = true) => ({ fileName: 'rooster.csv', contentBase64: Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8').toString('base64') });

interface Report {
  validRows: number;
  invalidRows: number;
  newPersons: number;
  newAbsences: number;
  committed: boolean;
  fileProblems: string[];
  problems: { row: number; column: string; message: string }[];
}

describe('importing the rota', () => {
  const FILE = [
    'naam;rol;afwezig_van;afwezig_tot;reden',
    'mr. N. Nieuw;politierechter;;;',
    'mr. O. Officier;ovj;03-08-2026;14-08-2026;verlof',
    'MR. O. OFFICIER;OvJ;2026-09-01;2026-09-01;cursus',
  ].join('\r\n');

  it('checks first, then commits in one go; the same file again adds nothing', async () => {
    const { call, count } = await setup();
    const persons = (await count('select count(*) as n from person'));
    const checked = await call<Report>('people.import', { ...csv(FILE), dryRun: true });
    expect(checked).toMatchObject({ validRows: 3, invalidRows: 0, newPersons: 2, newAbsences: 2, committed: false, problems: [] });
    expect((await count('select count(*) as n from person'))).toBe(persons);

    const done = await call<Report>('people.import', { ...csv(FILE), dryRun: false });
    expect(done).toMatchObject({ committed: true, newPersons: 2, newAbsences: 2 });
    expect((await count('select count(*) as n from person'))).toBe(persons + 2);
    expect((await count("select count(*) as n from person_unavailability u join person p on p.id = u.person_id where p.name = 'mr. O. Officier'"))).toBe(2);
    expect((await count("select count(*) as n from audit_event where action in ('person.created', 'person.unavailability_added') and actor = 'coordinator.test'"))).toBe(4);

    // Again, now comma-separated and without a BOM: recognised as the same people and absences.
    const again = await call<Report>('people.import', { ...csv(FILE.replaceAll(';', ','), false), dryRun: false });
    expect(again).toMatchObject({ committed: true, validRows: 3, newPersons: 0, newAbsences: 0 });
    expect((await count('select count(*) as n from person'))).toBe(persons + 2);
    expect((await count('select count(*) as n from person_unavailability'))).toBe(2);
  });

  it('imports nothing when one row is wrong, and names that row and field', async () => {
    const { call, count } = await setup();
    const persons = (await count('select count(*) as n from person'));
    const file = ['naam;rol;afwezig_van;afwezig_tot;reden', 'mr. Goed;ovj;;;', 'mr. Fout;ovj;03-08-2026;04-08-2026;griep', 'mr. Ook Fout;griffier;;;'].join('\n');
    const report = await call<Report>('people.import', { ...csv(file), dryRun: false });
    expect(report.committed).toBe(false);
    expect(report.validRows).toBe(1);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'reden'],
      [4, 'rol'],
    ]);
    expect(report.problems[0]!.message).toMatch(/geen medische details/);
    expect((await count('select count(*) as n from person'))).toBe(persons);
  });

  it('refuses a file without the name column, and an absence overlapping one in the rota or the file', async () => {
    const { call } = await setup();
    const missing = await call<Report>('people.import', { ...csv('wie;rol\nmr. X;ovj'), dryRun: true });
    expect(missing.fileProblems.join(' ')).toMatch(/Kolom 'naam' ontbreekt/);
    const overlap = ['naam;rol;afwezig_van;afwezig_tot;reden', 'mr. X;ovj;03-08-2026;10-08-2026;verlof', 'mr. X;ovj;07-08-2026;12-08-2026;cursus'].join('\n');
    const report = await call<Report>('people.import', { ...csv(overlap), dryRun: true });
    expect(report.problems).toEqual([{ row: 3, column: 'afwezig_van', message: 'Overlapt met de afwezigheid van mr. X in rij 2' }]);
  });

  it('offers a template that imports as is', async () => {
    const { call } = await setup();
    const template = await call<{ fileName: string; contentBase64: string }>('people.importTemplate', {});
    expect(template.fileName).toMatch(/\.csv$/);
    const report = await call<Report>('people.import', { fileName: template.fileName, contentBase64: template.contentBase64, dryRun: true });
    expect(report).toMatchObject({ validRows: 2, invalidRows: 0, fileProblems: [] });
  });
});

describe('people and assignments', () => {
  it('keeps name and role unique, and refuses to deactivate someone still on a coming session', async () => {
    const { call, handle, database, versionOf } = await setup();
    const { id } = await call<{ id: number }>('people.save', { name: 'mr. P. Uniek', role: 'politierechter' });
    const twice = await handle('people.save', { name: 'MR. P.  UNIEK', role: 'politierechter' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "Er staat al een politierechter met de naam 'mr. P. Uniek' op het rooster." } });
    expect(await call('people.save', { name: 'mr. P. Uniek', role: 'ovj' })).toMatchObject({ id: expect.any(Number) });
    const empty = await handle('people.save', { name: ' ', role: 'ovj' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'name', message: 'Vul de naam in' }] } });

    const busy = (await database.row("select judge_id as id from court_session where date > ? and judge_id is not null and status = 'scheduled' order by date, start_time, id limit 1", [TODAY])) as { id: number };
    expect(await handle('people.deactivate', { id: busy.id, expectedVersion: (await versionOf('person', busy.id)) })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/deel daar eerst iemand anders in/) } });
    expect(await call('people.deactivate', { id, expectedVersion: (await versionOf('person', id)) })).toEqual({ id });
    const list = await call<{ persons: { id: number; active: boolean }[]; sessions: unknown[] }>('people.list', {});
    expect(list.persons.find((p) => p.id === id)?.active).toBe(false);
    expect(list.sessions.length).toBeGreaterThan(10);
  });

  it('refuses an absent or double-booked person unless confirmed with a reason, and never a wrong role', async () => {
    const { call, handle, database, count, versionOf } = await setup();
    const [a, b] = (await database.rows(`select id, date, judge_id as "judgeId" from court_session where date = '2026-06-22' and status = 'scheduled' order by start_time, id`)) as { id: number; date: string; judgeId: number }[];
    const judge = await call<{ id: number }>('people.save', { name: 'mr. R. Reserve', role: 'politierechter' });
    const added = await call<{ affectedSessions: unknown[] }>('people.addUnavailability', { personId: judge.id, fromDate: '2026-06-22', toDate: '2026-06-26', reason: 'cursus' });
    expect(added.affectedSessions).toEqual([]);
    const overlapping = await handle('people.addUnavailability', { personId: judge.id, fromDate: '2026-06-26', toDate: '2026-06-30', reason: 'verlof' });
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/al afwezig op 22-06-2026 t\/m 26-06-2026 \(cursus\)/) } });

    const refused = await call<{ status: string; warnings: string[] }>('sessions.assign', { sessionId: a!.id, role: 'judge', personId: judge.id, expectedVersion: (await versionOf('court_session', a!.id)) });
    expect(refused.status).toBe('needs_confirmation');
    expect(refused.warnings[0]).toMatch(/mr. R. Reserve is afwezig op 22-06-2026 t\/m 26-06-2026 \(cursus\)/);
    expect((await database.row('select judge_id as j from court_session where id = ?', [a!.id]))).toEqual({ j: a!.judgeId });

    const noReason = await handle('sessions.assign', { sessionId: a!.id, role: 'judge', personId: judge.id, confirm: true, expectedVersion: (await versionOf('court_session', a!.id)) });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'reason' }] } });
    const prosecutor = (await database.row("select id from person where role = 'ovj' order by id limit 1")) as { id: number };
    const wrongRole = await handle('sessions.assign', { sessionId: a!.id, role: 'judge', personId: prosecutor.id, expectedVersion: (await versionOf('court_session', a!.id)) });
    expect(wrongRole).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/kan niet als rechter/) } });

    const forced = await call<{ status: string }>('sessions.assign', { sessionId: a!.id, role: 'judge', personId: judge.id, confirm: true, reason: 'Geen andere rechter beschikbaar', expectedVersion: (await versionOf('court_session', a!.id)) });
    expect(forced.status).toBe('assigned');
    expect((await database.row('select judge_id as j from court_session where id = ?', [a!.id]))).toEqual({ j: judge.id });
    const audit = (await database.row("select reason, details from audit_event where action = 'session.judge_assigned' and entity_id = ?", [a!.id])) as { reason: string; details: string };
    expect(audit.reason).toBe('Geen andere rechter beschikbaar');
    expect(JSON.parse(audit.details)).toMatchObject({ personId: judge.id, previousPersonId: a!.judgeId, confirmed: true });

    // On an overlapping session that day: also a confirmation first.
    await database.run("update court_session set start_time = '09:00', end_time = '17:00' where id = ?", [b!.id]);
    const free = await call<{ id: number }>('people.save', { name: 'mr. S. Vrij', role: 'rc_politierechter' });
    expect(await call('sessions.assign', { sessionId: a!.id, role: 'judge', personId: free.id, expectedVersion: (await versionOf('court_session', a!.id)) })).toEqual({ status: 'assigned', warnings: [] });
    const clash = await call<{ status: string; warnings: string[] }>('sessions.assign', { sessionId: b!.id, role: 'judge', personId: free.id, expectedVersion: (await versionOf('court_session', b!.id)) });
    expect(clash.status).toBe('needs_confirmation');
    expect(clash.warnings[0]).toMatch(/staat al op de zitting in .* van 09:00 tot 12:30/);

    expect(await call('sessions.assign', { sessionId: a!.id, role: 'judge', personId: null, expectedVersion: (await versionOf('court_session', a!.id)) })).toEqual({ status: 'assigned', warnings: [] });
    expect((await count("select count(*) as n from audit_event where action = 'session.judge_unassigned'"))).toBe(1);
  });
});

describe('listing problems that depend on the rota', () => {
  it('flags an absent person, a closed room, too many minutes and overbooking beyond the allowance, with a severity', async () => {
    const { call, database } = await setup();
    const sessions = (await database.rows(`select s.id, s.date, s.judge_id as "judgeId", r.location_id as "locationId" from court_session s join courtroom r on r.id = s.courtroom_id
         where s.status = 'scheduled' and s.date between '2026-06-29' and '2026-07-10' and s.judge_id is not null order by s.date, s.start_time, s.id`)) as { id: number; date: string; judgeId: number; locationId: number }[];
    const [away, closed, minutes, allowed, over] = [sessions[0]!, sessions.at(-1)!, sessions[1]!, sessions[2]!, sessions[3]!];
    await call('people.addUnavailability', { personId: away.judgeId, fromDate: away.date, toDate: away.date, reason: 'verlof' });
    await database.run("insert into location_closure (location_id, date, reason, created_by) values (?, ?, 'Verbouwing', 'test')", [closed.locationId, closed.date]);

    const caseIds = ((await database.rows('select id from criminal_case order by id limit 12')) as { id: number }[]).map((c) => c.id);
    const book = async (sessionId: number, cases: number[]) => {
      await database.run("delete from hearing where session_id = ?", [sessionId]);
      for (const caseId of cases) await database.run("insert into hearing (case_id, session_id, status) values (?, ?, 'planned')", [caseId, sessionId]);
    };
    await book(minutes.id, caseIds.slice(0, 2));
    await database.run('update criminal_case set estimated_minutes = 100 where id = ?', [caseIds[0]]);
    await database.run('update court_session set capacity_slots = 5, capacity_minutes = 120 where id = ?', [minutes.id]);
    await book(allowed.id, caseIds.slice(2, 5));
    await database.run('update court_session set capacity_slots = 2, overbooking_slots = 1, capacity_minutes = 600 where id = ?', [allowed.id]);
    await book(over.id, caseIds.slice(5, 9));
    await database.run('update court_session set capacity_slots = 2, overbooking_slots = 1, capacity_minutes = 600 where id = ?', [over.id]);

    const problems = await call<{ kind: string; severity: string; sessionId: number | null; subject: string }[]>('planner.problems', {});
    const of = (kind: string) => problems.filter((p) => p.kind === kind);
    expect(of('person_unavailable').map((p) => p.sessionId)).toContain(away.id);
    expect(of('person_unavailable').find((p) => p.sessionId === away.id)?.subject).toMatch(/\(verlof\)/);
    expect(of('room_closed').find((p) => p.sessionId === closed.id)?.subject).toMatch(/Verbouwing/);
    // 100 minutes estimated plus the session's own minutes per slot (120 / 5 = 24) for the case without an estimate: 124 > 120.
    expect(of('over_minutes').find((p) => p.sessionId === minutes.id)?.subject).toMatch(/124 van 120 minuten/);
    expect(of('overbooked').map((p) => p.sessionId)).not.toContain(allowed.id);
    expect(of('overbooked').find((p) => p.sessionId === over.id)?.subject).toMatch(/4 van 2 \(\+1 overboeking toegestaan\)/);

    const order = ['critical', 'warning', 'info'];
    const ranks = problems.map((p) => order.indexOf(p.severity));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    // Two weeks out or more: information, not yet a warning.
    expect(of('room_closed').find((p) => p.sessionId === closed.id)?.severity).toBe('info');
  });
});
