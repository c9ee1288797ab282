import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import { createHttpApp } from '../../server/http/http-host';
import { parseAcceptedModalities, type SessionType } from '../../shared/domain/session';
import { SMALL_DEMO } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/*
 * Issue 15 item 6: the ICS calendars of judges, prosecutors and courtrooms, read back with an
 * independent parser (Mozilla's ical.js), never with the library that wrote them. On both engines.
 */

const tempDir = useTempDir();
const NOW = new Date('2026-06-15T09:30:00+02:00');

type CalendarFile = OperationOutput<'calendars.get'>;

let opened: TestDistrict | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function setup(now: Date = NOW) {
  const database = await openTestDistrict(tempDir(), SMALL_DEMO);
  opened = database;
  const handle = database.api({ actor: 'coordinator.test', now });
  const call = async <K extends OperationName>(operation: K, input: unknown): Promise<OperationOutput<K>> => {
    const result = await handle(operation, input, { requestId: `req-${Math.random().toString(36).slice(2, 12)}` });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as OperationOutput<K>;
  };
  const rows = <T>(sql: string, ...params: unknown[]) => database.rows<T>(sql, params);
  const one = async <T>(sql: string, ...params: unknown[]) => (await database.row<T>(sql, params)) as T;
  const run = (sql: string, ...params: unknown[]) => database.run(sql, params);
  return { database, handle, call, rows, one, run };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string;
  description: string;
  status: string;
  sequence: number;
  start: Date;
  end: Date;
  startIsUtc: boolean;
}

/** The file as Mozilla's ical.js reads it: calendar properties and every VEVENT. */
function parse(content: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      status: String(component.getFirstPropertyValue('status')),
      sequence: event.sequence,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startIsUtc: event.startDate.zone === ICAL.Timezone.utcTimezone,
    };
  });
  return { calendar, events };
}

/** 'HH:mm' of an instant on the wall clock of Amsterdam. */
function amsterdamTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

function amsterdamDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

describe('calendars (ICS, RFC 5545)', () => {
  it('lists every judge, prosecutor and courtroom, and a judge\u2019s file holds exactly their sessions in the window', async () => {
    const { call, rows, one } = await setup();
    const subjects = await call('calendars.subjects', {});
    expect(subjects.from).toBe('2026-04-20'); // 8 weeks back
    expect(subjects.to).toBe('2026-12-14'); // 26 weeks ahead
    expect(subjects.judges.length).toBeGreaterThan(0);
    expect(subjects.prosecutors.length).toBeGreaterThan(0);
    expect(subjects.courtrooms.length).toBe((await rows('select id from courtroom')).length);
    expect(subjects.judges.every((p) => p.role !== 'ovj')).toBe(true);
    expect(subjects.prosecutors.every((p) => p.role === 'ovj')).toBe(true);

    let judge: (typeof subjects.judges)[number] | undefined;
    for (const j of subjects.judges) {
      if ((await rows('select id from court_session where judge_id = ?', j.id)).length > 0) {
        judge = j;
        break;
      }
    }
    if (!judge) throw new Error('the demo has no judge with sessions');
    const file: CalendarFile = await call('calendars.get', { subject: { kind: 'judge', id: judge.id } });
    expect(file.mimeType).toBe('text/calendar');
    expect(file.fileName).toMatch(/^agenda-rechter-[a-z0-9-]+\.ics$/);

    const expected = await rows<{ id: number; date: string; startTime: string; endTime: string; booked: number }>(
      `select s.id, s.date, s.start_time as "startTime", s.end_time as "endTime",
              (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) as "booked"
       from court_session s where s.judge_id = ? and s.date between ? and ? order by s.date, s.start_time`,
      judge.id,
      subjects.from,
      subjects.to,
    );
    const { calendar, events } = parse(file.content);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(String(calendar.getFirstPropertyValue('x-wr-caldesc'))).toContain('8 weken terug tot 26 weken vooruit');
    expect(events).toHaveLength(expected.length);
    expect(file.eventCount).toBe(expected.length);
    const districtCode = (await one<{ code: string }>('select code from district')).code.toLowerCase();
    for (const [i, session] of expected.entries()) {
      const event = events[i]!;
      expect(event.uid).toBe(`zitting-${session.id}.${districtCode}@ketenplanner`);
      expect(event.startIsUtc).toBe(true);
      expect(amsterdamDay(event.start)).toBe(session.date);
      expect(amsterdamTime(event.start)).toBe(session.startTime);
      expect(amsterdamTime(event.end)).toBe(session.endTime);
      expect(event.status).toBe('CONFIRMED');
      expect(event.description).toContain(`Geplande zaken: ${session.booked} van`);
      expect(event.description).toContain(`Politierechter: ${judge.name}`);
    }
  });

  it('names no suspect and no parketnummer anywhere in any file (data minimisation)', async () => {
    const { call, rows, run } = await setup();
    const subjects = await call('calendars.subjects', {});
    // Synthetic suspect names may equal a judge's ('H. van Dijk'): give the suspects in the window marked names first.
    await run(
      `update suspect set full_name = 'Verdachte Q' || cast(id as text) || ' Zwijgzaam' where id in (select c.suspect_id from hearing h join criminal_case c on c.id = h.case_id
       join court_session s on s.id = h.session_id where s.date between ? and ?)`,
      subjects.from,
      subjects.to,
    );
    const names = await rows<{ name: string; parketnummer: string }>(
      `select distinct su.full_name as "name", c.parketnummer from hearing h join criminal_case c on c.id = h.case_id join suspect su on su.id = c.suspect_id
       join court_session s on s.id = h.session_id where s.date between ? and ?`,
      subjects.from,
      subjects.to,
    );
    expect(names.length).toBeGreaterThan(20);
    expect(names.every((n) => n.name.startsWith('Verdachte Q'))).toBe(true);
    const all = [
      ...subjects.judges.map((p) => ({ kind: 'judge' as const, id: p.id })),
      ...subjects.prosecutors.map((p) => ({ kind: 'prosecutor' as const, id: p.id })),
      ...subjects.courtrooms.map((r) => ({ kind: 'courtroom' as const, id: r.id })),
    ];
    for (const subject of all) {
      const { content } = await call('calendars.get', { subject });
      // Unfolded (a name may be split over two physical lines) and unescaped by the parser.
      const unfolded = content.replace(/\r\n[ \t]/g, '');
      const texts = parse(content).events.flatMap((e) => [e.summary, e.location, e.description]).join('\n');
      for (const { name, parketnummer } of names) {
        expect(unfolded).not.toContain(name);
        expect(texts).not.toContain(name);
        expect(unfolded).not.toContain(parketnummer);
      }
      expect(unfolded).not.toContain('Zwijgzaam');
    }
  });

  it('keeps UIDs across exports, raises SEQUENCE after a change and marks a cancelled session CANCELLED', async () => {
    const { call, one } = await setup();
    const session = await one<{
      id: number;
      courtroomId: number;
      version: number;
      sessionType: SessionType;
      capacitySlots: number;
      capacityMinutes: number;
      overbookingSlots: number;
      acceptedModalities: string;
      acceptedFillerKinds: string;
    }>(
      `select id, courtroom_id as "courtroomId", version, session_type as "sessionType", capacity_slots as "capacitySlots", capacity_minutes as "capacityMinutes",
              overbooking_slots as "overbookingSlots", accepted_modalities as "acceptedModalities", accepted_filler_kinds as "acceptedFillerKinds"
       from court_session where status = 'scheduled' and date > '2026-06-20' and not exists (select 1 from hearing h where h.session_id = court_session.id)
       order by date, id limit 1`,
    );
    const subject = { kind: 'courtroom', id: session.courtroomId } as const;
    const first = parse((await call('calendars.get', { subject })).content).events;
    const second = parse((await call('calendars.get', { subject })).content).events;
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
    const uid = first.find((e) => e.uid.startsWith(`zitting-${session.id}.`))!.uid;
    const before = first.find((e) => e.uid === uid)!;
    expect(before.sequence).toBe(session.version);

    await call('sessions.update', {
      sessionId: session.id,
      capacitySlots: session.capacitySlots + 1,
      capacityMinutes: session.capacityMinutes,
      overbookingSlots: session.overbookingSlots,
      acceptedModalities: parseAcceptedModalities(session.acceptedModalities, session.sessionType),
      acceptedFillerKinds: session.acceptedFillerKinds ? session.acceptedFillerKinds.split(',') : [],
      reason: 'Extra plaats voor de test',
      expectedVersion: session.version,
    });
    const changed = parse((await call('calendars.get', { subject })).content).events.find((e) => e.uid === uid)!;
    expect(changed.sequence).toBeGreaterThan(before.sequence);
    expect(changed.status).toBe('CONFIRMED');

    const version = (await one<{ version: number }>('select version from court_session where id = ?', session.id)).version;
    await call('sessions.cancel', { sessionId: session.id, reason: 'Zaal onder handen voor onderhoud', confirm: true, expectedVersion: version });
    const cancelledFile = (await call('calendars.get', { subject })).content;
    const cancelled = parse(cancelledFile).events.find((e) => e.uid === uid)!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(changed.sequence);
    expect(cancelled.summary).toMatch(/^Vervallen: /);
    // The reason of a cancellation stays in the app.
    expect(cancelledFile).not.toContain('onderhoud');
  });

  it('gets both clock changes right (last Sunday of March and of October 2026)', async () => {
    // 1 May 2026: the window (6 March to 30 October) holds both Sundays.
    const { call, run, one } = await setup(new Date('2026-05-01T10:00:00+02:00'));
    const judge = await one<{ id: number }>("select id from person where role = 'politierechter' order by id limit 1");
    const room = await one<{ id: number }>('select id from courtroom order by id limit 1');
    for (const date of ['2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25']) {
      await run(
        `insert into court_session (courtroom_id, date, daypart, start_time, end_time, session_type, capacity_slots, capacity_minutes, judge_id)
         values (?, ?, 'morning', '09:00', '12:30', 'snelrecht', 8, 180, ?)`,
        room.id,
        date,
        judge.id,
      );
    }
    const { content } = await call('calendars.get', { subject: { kind: 'judge', id: judge.id } });
    const utc = (date: string) =>
      parse(content)
        .events.filter((e) => amsterdamDay(e.start) === date)
        .map((e) => [e.start.toISOString(), e.end.toISOString()]);
    // Saturday before summer time: CET (+01:00); the Sunday summer time starts: CEST (+02:00).
    expect(utc('2026-03-28')).toEqual([['2026-03-28T08:00:00.000Z', '2026-03-28T11:30:00.000Z']]);
    expect(utc('2026-03-29')).toEqual([['2026-03-29T07:00:00.000Z', '2026-03-29T10:30:00.000Z']]);
    // Saturday before winter time: CEST; the Sunday it ends: CET.
    expect(utc('2026-10-24')).toEqual([['2026-10-24T07:00:00.000Z', '2026-10-24T10:30:00.000Z']]);
    expect(utc('2026-10-25')).toEqual([['2026-10-25T08:00:00.000Z', '2026-10-25T11:30:00.000Z']]);
    expect(content).toContain('DTSTART:20260329T070000Z');
    expect(content).toContain('DTSTART:20261025T080000Z');
  });

  it('escapes commas and semicolons in Dutch location names and folds long lines at 75 octets', async () => {
    const { call, run, one } = await setup();
    const room = await one<{ id: number; locationId: number }>(
      "select r.id, r.location_id as \"locationId\" from courtroom r where exists (select 1 from court_session s where s.courtroom_id = r.id and s.date >= '2026-06-15') order by r.id limit 1",
    );
    const locationName = 'Paleis van Justitie, vleugel Zuid; ingang Prinsengracht (’s-Hertogenbosch)';
    await run('update court_location set name = ? where id = ?', locationName, room.locationId);
    await run('update courtroom set name = ? where id = ?', 'Zaal 1,12; politierechter', room.id);
    const { city } = await one<{ city: string }>('select city from court_location where id = ?', room.locationId);
    const { content } = await call('calendars.get', { subject: { kind: 'courtroom', id: room.id } });
    // Folding may split a line anywhere (RFC 5545 3.1), even inside an escape: compare unfolded.
    const unfolded = content.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('LOCATION:Zaal 1\\,12\\; politierechter\\, Paleis van Justitie\\, vleugel Zuid\\; ingang Prinsengracht');
    const lines = content.split('\r\n');
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    const { events } = parse(content);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.location).toBe(`Zaal 1,12; politierechter, ${locationName}, ${city}`);
      expect(event.summary).toContain('Zaal 1,12; politierechter');
      expect(event.description.split('\n')[1]).toBe(`Plaats: ${locationName}, Zaal 1,12; politierechter`);
    }
  });

  it('shows a prosecutor the reservations on their sessions, and refuses a subject of the wrong kind in Dutch', async () => {
    const { call, handle, one } = await setup();
    const session = await one<{ id: number; prosecutorId: number }>(
      `select id, prosecutor_id as "prosecutorId" from court_session s where status = 'scheduled' and prosecutor_id is not null and date >= '2026-06-22'
       and session_type in ('snelrecht', 'mixed') and capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) >= 2
       and not exists (select 1 from reservation r where r.session_id = s.id) order by date, id limit 1`,
    );
    await call('reservations.reserve', { sessionId: session.id, modality: 'snelrecht', slots: 2, note: 'Piket week 26' });
    const { content } = await call('calendars.get', { subject: { kind: 'prosecutor', id: session.prosecutorId } });
    const event = parse(content).events.find((e) => e.uid.startsWith(`zitting-${session.id}.`))!;
    expect(event.description).toMatch(/Reservering OM: 2 plaatsen snelrecht gedetineerd, \d+ gevuld, vrijgave op \w+ \d+ \w+ 2026/);
    // The judge's calendar of the same session does not carry the prosecution's reservations.
    const { judgeId } = await one<{ judgeId: number | null }>('select judge_id as "judgeId" from court_session where id = ?', session.id);
    if (judgeId) {
      const judgeFile = await call('calendars.get', { subject: { kind: 'judge', id: judgeId } });
      expect(judgeFile.content).not.toContain('Reservering OM');
    }

    const wrong = await handle('calendars.get', { subject: { kind: 'judge', id: session.prosecutorId } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!wrong.ok) expect(wrong.error.message).toMatch(/staat niet in het rooster: kies iemand uit de lijst/);
    const badKind = await handle('calendars.get', { subject: { kind: 'griffier', id: 1 } });
    expect(badKind).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('browser mode serves the same file at GET /calendars/<kind>/<id>.ics behind the token', async () => {
    const { handle, call, one } = await setup();
    const token = 'calendar-test-token-0123456789';
    const app = createHttpApp({ handler: handle, token, staticRoot: null });
    const room = await one<{ id: number }>('select id from courtroom order by id limit 1');
    const url = `http://127.0.0.1/calendars/courtroom/${room.id}.ics`;

    const missing = await app.request(url, { headers: { host: '127.0.0.1' } });
    expect(missing.status).toBe(401);
    const wrong = await app.request(`${url}?token=wrong`, { headers: { host: '127.0.0.1' } });
    expect(wrong.status).toBe(401);

    const byHeader = await app.request(url, { headers: { host: '127.0.0.1', authorization: `Bearer ${token}` } });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('content-type')).toMatch(/^text\/calendar; ?charset=utf-8/i);
    expect(byHeader.headers.get('cache-control')).toBe('no-store');
    const expected = await call('calendars.get', { subject: { kind: 'courtroom', id: room.id } });
    expect(byHeader.headers.get('content-disposition')).toContain(expected.fileName);
    const text = await byHeader.text();
    expect(parse(text).events.map((e) => e.uid)).toEqual(parse(expected.content).events.map((e) => e.uid));

    // A calendar client subscribes with a URL only: the token may come as a query parameter.
    const byQuery = await app.request(`${url}?token=${token}`, { headers: { host: '127.0.0.1' } });
    expect(byQuery.status).toBe(200);

    const unknown = await app.request(`http://127.0.0.1/calendars/courtroom/999999.ics?token=${token}`, { headers: { host: '127.0.0.1' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('bestaat niet');
    const badKind = await app.request(`http://127.0.0.1/calendars/griffier/1.ics?token=${token}`, { headers: { host: '127.0.0.1' } });
    expect(badKind.status).toBe(404);
    const foreignHost = await app.request(`${url}?token=${token}`, { headers: { host: 'evil.example' } });
    expect(foreignHost.status).toBe(403);
  });
});
