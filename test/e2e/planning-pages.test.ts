import { serveDemoDistrict } from './support/served-district';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate, formatLongDay, formatShortDay } from '../../renderer/src/i18n/format';
import { amsterdamDate, fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { defaultCourtCalendar } from '../../shared/calendar/court-calendar';
import { addDays, dayOfWeek } from '../../shared/calendar/local-date';
import { RESERVABLE_MODALITIES } from '../../shared/domain/reservation';
import { E2E_TODAY, STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';
import { ROOT } from './support/serve-process';
import { formatDutchDate } from '../../shared/intake/dutch-datetime';

const NL = JSON.parse(fs.readFileSync(path.join(ROOT, 'shared', 'i18n', 'nl.json'), 'utf8')) as {
  modality: Record<string, string>;
  sessionType: Record<string, string>;
  capacity: { weekday: Record<string, string> };
};

/** The demo's and the app's 'today' (pinned: the demo is built as of it and the clocks start on it). */
const TODAY = E2E_TODAY;
/** The generation horizon the coordinator previews: the next 8 weeks. */
const GENERATE_TO = addDays(TODAY, 55);
const calendar = defaultCourtCalendar();
const isoWeekday = (date: string) => (dayOfWeek(date) === 0 ? 7 : dayOfWeek(date));
/** '2026-12-08' as the forms want it: '08-12-2026'. */
const dutch = (date: string) => date.split('-').reverse().join('-');
/** '1.234' -> 1234 */
const num = (text: string) => Number(text.replace(/\./g, ''));

const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-pages-');

/** What the database says, read independently of the app. */
function sql<T>(query: string, ...params: unknown[]): T[] {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    return sqlite.prepare(query).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}
const one = <T>(query: string, ...params: unknown[]): T => {
  const row = sql<T>(query, ...params)[0];
  if (row === undefined) throw new Error(`no row for: ${query}`);
  return row;
};
const count = (query: string, ...params: unknown[]) => one<{ n: number }>(query, ...params).n;

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Wide tables scroll inside their own box; the page itself never scrolls sideways. */
async function expectNoPageOverflow(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px: ${(el.textContent ?? '').slice(0, 60)}`);
  });
  expect(overflow).toEqual([]);
}

async function visit(page: Page, link: string | RegExp, heading: string) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: link, exact: typeof link === 'string' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The text of a cell of a table, found by its row header and column header (both exact). */
async function cellOf(table: Locator, rowHeader: string, column: string): Promise<string> {
  return table.evaluate(
    (el, { rowHeader, column }) => {
      const headers = [...el.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
      const index = headers.indexOf(column);
      const row = [...el.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent?.trim() === rowHeader);
      if (index < 0 || !row) throw new Error(`no cell ${rowHeader} / ${column}`);
      return row.children[index]!.textContent?.trim() ?? '';
    },
    { rowHeader, column },
  );
}

/**
 * A cell of the verkeerstoren: the week table with this day, the column group of the session type
 * (its header spans four columns) and the column within it, counting column spans as a reader would.
 */
async function towerCell(page: Page, date: string, typeLabel: string, column: 'Plaatsen' | 'Gereserveerd' | 'Geboekt' | 'Vrij'): Promise<string> {
  const day = formatShortDay(date);
  const table = page.locator('table.tower-table', { has: page.getByRole('rowheader', { name: day, exact: true }) });
  return table.evaluate(
    (el, { day, typeLabel, offset }) => {
      const groups = [...el.querySelectorAll('thead tr:first-child th[scope="colgroup"]')].map((th) => th.textContent?.trim());
      const group = groups.indexOf(typeLabel);
      if (group < 0) throw new Error(`no column group ${typeLabel} in ${groups.join(', ')}`);
      const target = 1 + group * 4 + offset;
      const row = [...el.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent?.trim() === day)!;
      let column = 0;
      for (const cell of [...row.children] as HTMLTableCellElement[]) {
        if (target >= column && target < column + cell.colSpan) return cell.textContent?.trim() ?? '';
        column += cell.colSpan;
      }
      throw new Error(`no column ${target} on ${day}`);
    },
    { day, typeLabel, offset: ['Plaatsen', 'Gereserveerd', 'Geboekt', 'Vrij'].indexOf(column) },
  );
}

interface SessionRow {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  sessionType: string;
  room: string;
  location: string;
  locationId: number;
  capacity: number;
  accepted: string;
  judgeId: number | null;
}

const SESSION_COLUMNS = `s.id, s.date, s.start_time as startTime, s.end_time as endTime, s.session_type as sessionType, r.name as room, l.name as location,
  l.id as locationId, s.capacity_slots as capacity, s.accepted_modalities as accepted, s.judge_id as judgeId
  from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id`;

describe('the planning pages in real Chromium', () => {
  it('Capaciteit: lists the templates, previews 8 weeks with skip reasons, generates them, and adds closure days', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await visit(page, 'Capaciteit', 'Capaciteit: zittingspatronen en uitzonderingen');

    const templates = sql<{ id: number; name: string; weekdays: string; locationId: number }>(
      `select t.id, t.name, t.weekdays, r.location_id as locationId from session_template t join courtroom r on r.id = t.courtroom_id where t.active = 1 order by t.id`,
    );
    expect(templates.length).toBeGreaterThan(0);
    for (const tpl of templates) await page.getByRole('rowheader', { name: tpl.name, exact: true }).waitFor();

    // The dry run: nothing is written; what exists already is counted, the rest would be created.
    const generate = page.getByRole('region', { name: 'Zittingen genereren' });
    await generate.getByLabel('Tot en met').fill(formatDutchDate(GENERATE_TO));
    const sessionsBefore = count(`select count(*) as n from court_session where date between ? and ?`, TODAY, GENERATE_TO);
    await generate.getByRole('button', { name: 'Eerst bekijken' }).click();
    const summary = generate.getByTestId('generation-summary');
    await summary.waitFor();
    const [created, skipped] = /^([\d.]+) zittingen aan te maken, ([\d.]+) overgeslagen\.$/.exec((await summary.textContent()) ?? '')!.slice(1).map(num) as [number, number];
    expect(created).toBeGreaterThan(0);
    const reasons = generate.getByRole('table', { name: 'Overgeslagen per reden' });
    const existing = count(`select count(*) as n from court_session where template_id is not null and status = 'scheduled' and date between ? and ?`, TODAY, GENERATE_TO);
    expect(num(await cellOf(reasons, 'Bestaat al', 'Aantal'))).toBe(existing);
    expect(existing).toBeGreaterThan(0);
    expect(await generate.getByRole('table', { name: 'Aan te maken zittingen' }).locator('tbody tr').count()).toBe(created);
    expect(skipped).toBeGreaterThanOrEqual(existing);
    expect(count(`select count(*) as n from court_session where date between ? and ?`, TODAY, GENERATE_TO)).toBe(sessionsBefore);

    // A closure day in the new weeks: the next preview skips that location's patterns there, with the reason.
    const lastExisting = one<{ d: string }>(`select max(date) as d from court_session`).d;
    const closure = firstTemplateDay(templates, addDays(lastExisting, 1), GENERATE_TO);
    const closureLocation = one<{ name: string }>(`select name from court_location where id = ?`, closure.locationId).name;
    const closures = page.getByRole('region', { name: 'Sluitingsdagen van locaties' });
    await closures.getByLabel('Locatie *').selectOption({ label: closureLocation });
    await closures.getByLabel('Datum *').fill(closure.date);
    await closures.getByLabel('Reden van sluiting *').fill('Verbouwing van de zittingszalen');
    await closures.getByRole('button', { name: 'Sluitingsdag toevoegen' }).click();
    await closures.getByText('Sluitingsdag vastgelegd.').waitFor();
    expect(sql(`select reason from location_closure where location_id = ? and date = ?`, closure.locationId, closure.date)).toEqual([{ reason: 'Verbouwing van de zittingszalen' }]);
    await closures.getByRole('rowheader', { name: formatDate(closure.date) }).waitFor();

    await generate.getByRole('button', { name: 'Eerst bekijken' }).click();
    await expect.poll(() => summary.textContent()).toBe(`${created - closure.templates} zittingen aan te maken, ${skipped + closure.templates} overgeslagen.`);
    expect(num(await cellOf(reasons, 'Locatie gesloten', 'Aantal'))).toBe(closure.templates);
    const closedRows = generate.getByRole('table', { name: "Overgeslagen (zonder 'bestaat al')" }).locator('tr', { hasText: formatDate(closure.date) });
    expect(await closedRows.count()).toBe(closure.templates);
    expect(await closedRows.first().textContent()).toContain('Locatie gesloten: Verbouwing van de zittingszalen');
    await expectNoAxeViolations(page);
    await expectNoPageOverflow(page);
    await screenshot(page, 'capacity-generate-preview');

    // Now for real: the database has exactly the previewed sessions, none on the closure day there.
    const toCreate = created - closure.templates;
    await generate.getByRole('button', { name: `${toCreate} zittingen aanmaken` }).click();
    await generate.getByRole('heading', { name: 'Zittingen aangemaakt' }).waitFor();
    expect(await summary.textContent()).toBe(`${toCreate} zittingen aangemaakt, ${skipped + closure.templates} overgeslagen.`);
    expect(count(`select count(*) as n from court_session where date between ? and ?`, TODAY, GENERATE_TO)).toBe(sessionsBefore + toCreate);
    expect(count(`select count(*) as n from court_session where date > ? and date <= ? and template_id is not null`, lastExisting, GENERATE_TO)).toBe(toCreate);
    expect(count(`select count(*) as n from court_session s join courtroom r on r.id = s.courtroom_id where s.date = ? and r.location_id = ?`, closure.date, closure.locationId)).toBe(0);
    expect(count(`select count(*) as n from audit_event where action = 'sessions.generated'`)).toBe(1);

    // A closure on a day that already has sessions: they are listed, to be cancelled by hand.
    const busyDay = one<{ date: string; locationId: number; location: string }>(
      `select s.date, l.id as locationId, l.name as location from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id
       where s.status = 'scheduled' and s.date > ? and s.date <= ? and s.date <> ? group by s.date, l.id order by count(*) desc, s.date limit 1`,
      lastExisting,
      GENERATE_TO,
      closure.date,
    );
    const onBusyDay = sql<SessionRow>(`select ${SESSION_COLUMNS} where s.status = 'scheduled' and s.date = ? and l.id = ? order by s.start_time`, busyDay.date, busyDay.locationId);
    await closures.getByLabel('Locatie *').selectOption({ label: busyDay.location });
    await closures.getByLabel('Datum *').fill(busyDay.date);
    await closures.getByLabel('Reden van sluiting *').fill('Stroomstoring verwacht');
    await closures.getByRole('button', { name: 'Sluitingsdag toevoegen' }).click();
    const added = closures.getByRole('status').filter({ hasText: 'Sluitingsdag vastgelegd.' });
    await added.getByText(onBusyDay.length === 1 ? 'Op die dag staat nog 1 zitting op deze locatie.' : `Op die dag staan nog ${onBusyDay.length} zittingen op deze locatie.`, { exact: false }).waitFor();
    expect(await added.getByRole('listitem').count()).toBe(onBusyDay.length);
    for (const s of onBusyDay) await added.getByRole('button', { name: new RegExp(`^Zitting van ${formatDate(s.date)} ${s.startTime}–${s.endTime}, ${escape(s.room)}`) }).waitFor();
    await expectNoAxeViolations(page);
    await expectNoPageOverflow(page);
    await screenshot(page, 'capacity-closure');
    expect(problems).toEqual([]);
  });

  it('Rooster: an absence on a day the judge sits is flagged, assigning them elsewhere that day asks for confirmation, and Problemen shows it', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await visit(page, 'Rooster', 'Rooster van rechters en officieren');
    const persons = sql<{ name: string; role: string }>(`select name, role from person where active = 1`);
    const judges = page.getByRole('table', { name: 'Rechters (politierechter en RC als politierechter)' });
    const prosecutors = page.getByRole('table', { name: 'Officieren van justitie' });
    for (const p of persons) await (p.role === 'ovj' ? prosecutors : judges).getByRole('rowheader', { name: p.name, exact: true }).waitFor();

    // A day with two sessions: the judge of one is away that day and is then chosen for the other.
    const pick = one<{ date: string; sits: number; other: number; judgeId: number; judge: string; role: string }>(
      `select a.date, a.id as sits, b.id as other, p.id as judgeId, p.name as judge, p.role from court_session a
       join court_session b on b.date = a.date and b.id <> a.id and b.status = 'scheduled' and (b.judge_id is null or b.judge_id <> a.judge_id)
       join person p on p.id = a.judge_id
       where a.status = 'scheduled' and a.date between ? and ? order by a.date, a.id, b.id limit 1`,
      addDays(TODAY, 8),
      addDays(TODAY, 35),
    );
    const [sits, other] = [pick.sits, pick.other].map((id) => one<SessionRow>(`select ${SESSION_COLUMNS} where s.id = ?`, id)) as [SessionRow, SessionRow];
    const affected = sql<{ id: number }>(`select id from court_session where status = 'scheduled' and date = ? and (judge_id = ? or prosecutor_id = ?)`, pick.date, pick.judgeId, pick.judgeId);

    const form = page.getByRole('form', { name: 'Afwezigheid vastleggen' });
    await form.getByLabel('Persoon *').selectOption({ label: `${pick.judge} (${pick.role === 'politierechter' ? 'Politierechter' : 'RC als politierechter'})` });
    await form.getByLabel('Afwezig vanaf *').fill(dutch(pick.date));
    await form.getByLabel('Reden *').selectOption('verlof');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.getByText('Afwezigheid vastgelegd.').waitFor();
    await form.getByText(affected.length === 1 ? 'Let op: deze persoon staat in die periode op 1 zitting' : `Let op: deze persoon staat in die periode op ${affected.length} zittingen`).waitFor();
    await form.getByText(`${formatShortDay(sits.date)} · ${sits.room}`).waitFor();
    expect(sql(`select from_date as fromDate, to_date as toDate, reason from person_unavailability where person_id = ?`, pick.judgeId)).toEqual([
      { fromDate: pick.date, toDate: pick.date, reason: 'verlof' },
    ]);
    await judges.getByRole('row', { name: new RegExp(escape(pick.judge)) }).getByText(`${dutch(pick.date)} (verlof)`).waitFor();

    // Assigning the absent judge to the other session that day: refused until confirmed with a reason.
    const select = page.getByLabel(`Rechter voor ${formatShortDay(other.date)} ${other.startTime}–${other.endTime}, ${other.room}`, { exact: true });
    await select.selectOption({ label: `${pick.judge} (afwezig)` });
    const control = page.locator('form.assign-control', { has: select });
    await control.getByRole('button', { name: 'Toewijzen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Niet toegewezen:' });
    await alert.getByText(`${pick.judge} is afwezig op`, { exact: false }).waitFor();
    expect(one<{ judgeId: number | null }>(`select judge_id as judgeId from court_session where id = ?`, other.id).judgeId).toBe(other.judgeId);
    await expectNoAxeViolations(page);
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'rota-confirm-absent');
    await alert.getByLabel('Reden om toch toe te wijzen *').fill('Geen vervanger beschikbaar; verlof wordt verschoven.');
    await alert.getByRole('button', { name: 'Toch toewijzen' }).click();
    await page.getByText('Toch toegewezen; de reden staat in de geschiedenis.').waitFor();
    expect(one<{ judgeId: number }>(`select judge_id as judgeId from court_session where id = ?`, other.id).judgeId).toBe(pick.judgeId);
    expect(sql(`select reason from audit_event where action = 'session.judge_assigned' and entity_id = ?`, other.id)).toEqual([
      { reason: 'Geen vervanger beschikbaar; verlof wordt verschoven.' },
    ]);

    // Both sessions now have an absent judge: the problems panel names them.
    await visit(page, /^Problemen/, 'Problemen in de planning');
    const rows = page.getByTestId('problems').locator('tbody tr', { hasText: 'Ingedeelde rechter of officier is afwezig' }).filter({ hasText: formatLongDay(pick.date) });
    for (const s of [sits, other]) await rows.filter({ hasText: `${pick.judge} (verlof): ${s.room}` }).first().waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  it('Reserveringen and Verkeerstoren: 2 reserved slots are listed, counted in the tower as in the database, and released with a reason', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await visit(page, 'Reserveringen', 'Reserveringen van het OM');
    // A session two to six weeks ahead with nothing booked, so the reservation is certainly unfilled.
    const candidates = sql<SessionRow>(
      `select ${SESSION_COLUMNS} where s.status = 'scheduled' and s.date between ? and ? and s.capacity_slots >= 2
       and not exists (select 1 from hearing h where h.session_id = s.id and h.status in ('planned', 'held'))
       and not exists (select 1 from reservation x where x.session_id = s.id) order by s.date, s.start_time`,
      addDays(TODAY, 14),
      addDays(TODAY, 40),
    );
    const session = candidates.find((s) => RESERVABLE_MODALITIES.some((m) => s.accepted.split(',').includes(m)));
    if (!session) throw new Error('no empty session to reserve on');
    const modality = RESERVABLE_MODALITIES.find((m) => session.accepted.split(',').includes(m))!;
    const typeLabel = NL.sessionType[session.sessionType]!;

    const form = page.getByRole('form', { name: 'Plaatsen reserveren' });
    await form.getByLabel('Zitting *').selectOption(String(session.id));
    await form.getByLabel('Modaliteit *').selectOption(modality);
    await form.getByLabel('Aantal plaatsen *').fill('2');
    await form.getByLabel('Toelichting').fill('Verwachte instroom na actiedag');
    await form.getByRole('button', { name: 'Reserveren' }).click();
    const done = form.getByRole('status');
    await done.waitFor();
    const reservation = one<{ id: number; slots: number; modality: string; releaseDueOn: string; releasedAt: string | null }>(
      `select id, slots, modality, release_due_on as releaseDueOn, released_at as releasedAt from reservation where session_id = ?`,
      session.id,
    );
    expect(reservation).toMatchObject({ slots: 2, modality, releasedAt: null });
    expect(await done.textContent()).toBe(`Gereserveerd. Niet gevulde plaatsen worden op ${formatDate(reservation.releaseDueOn)} vrijgegeven.`);
    const what = `2 plaatsen · ${NL.modality[modality]}`;
    const row = page.getByRole('table', { name: /^Zittingen van de komende zes weken/ }).getByRole('row', { name: new RegExp(`^${escape(formatShortDay(session.date))} ${session.startTime}`) });
    await row.getByText(`${what}`, { exact: true }).waitFor();
    expect(await row.textContent()).toContain('open: 0 gevuld, 2 niet gevuld');
    await expectNoAxeViolations(page);
    await expectNoPageOverflow(page);
    await screenshot(page, 'reservations');

    // The tower counts the unfilled reserved slots of that day and session type as the database has them.
    await visit(page, 'Verkeerstoren', 'Verkeerstoren');
    const expected = towerCounts(session.date, session.sessionType);
    expect(expected.reserved).toBe(2);
    expect(num(await towerCell(page, session.date, typeLabel, 'Gereserveerd'))).toBe(expected.reserved);
    expect(num(await towerCell(page, session.date, typeLabel, 'Plaatsen'))).toBe(expected.capacity);
    expect(num(await towerCell(page, session.date, typeLabel, 'Geboekt'))).toBe(expected.booked);
    expect(num(await towerCell(page, session.date, typeLabel, 'Vrij'))).toBe(Math.max(0, expected.capacity - expected.booked - expected.reserved));
    await expectNoAxeViolations(page);
    await expectNoPageOverflow(page);
    await screenshot(page, 'traffic-tower');

    // Released by hand with a reason: listed as released, gone from the tower.
    await visit(page, 'Reserveringen', 'Reserveringen van het OM');
    await row.getByRole('button', { name: `Vrijgeven: ${what}, ${formatShortDay(session.date)} ${session.startTime}` }).click();
    await row.getByLabel('Reden van vrijgave *').fill('Actiedag afgelast');
    await expectNoAxeViolations(page);
    await row.getByRole('button', { name: 'Vrijgave bevestigen' }).click();
    await row.getByText(/vrijgegeven door .+: 2 plaatsen terug naar de rechtbank/).waitFor();
    expect(one(`select release_kind as kind, released_slots as slots from reservation where id = ?`, reservation.id)).toEqual({ kind: 'manual', slots: 2 });
    expect(sql(`select reason from audit_event where action = 'reservation.released' and entity_id = ?`, reservation.id)).toEqual([{ reason: 'Actiedag afgelast' }]);
    await visit(page, 'Verkeerstoren', 'Verkeerstoren');
    expect(towerCounts(session.date, session.sessionType).reserved).toBe(0);
    // The tower may first show its cached figures while it reads again: wait for the fresh ones.
    await expect.poll(async () => num(await towerCell(page, session.date, typeLabel, 'Gereserveerd'))).toBe(0);
    expect(problems).toEqual([]);
  });

  it('Wat als: a scenario that adds a session pattern shows the side-by-side comparison', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await visit(page, 'Wat als', 'Wat als: een scenario naast de planning');
    // A room and weekday whose mornings are free in every template, so each occurrence can be added.
    const rooms = sql<{ id: number; room: string; location: string }>(`select r.id, r.name as room, l.name as location from courtroom r join court_location l on l.id = r.location_id order by r.id`);
    const busy = sql<{ courtroomId: number; weekdays: string }>(`select courtroom_id as courtroomId, weekdays from session_template where active = 1 and daypart in ('morning', 'full_day')`);
    const free = rooms.flatMap((r) => [1, 2, 3, 4, 5].map((weekday) => ({ ...r, weekday }))).find((c) => !busy.some((b) => b.courtroomId === c.id && b.weekdays.split(',').map(Number).includes(c.weekday)));
    if (!free) throw new Error('no free room morning');
    const to = addDays(TODAY, 41);
    const occurrences: string[] = [];
    for (let d = TODAY; d <= to; d = addDays(d, 1)) if (isoWeekday(d) === free.weekday) occurrences.push(d);
    const existingThere = count(
      `select count(*) as n from court_session where courtroom_id = ? and date between ? and ? and daypart in ('morning', 'full_day')`,
      free.id,
      TODAY,
      to,
    );

    const sessionsBefore = count(`select count(*) as n from court_session`);
    await page.getByRole('button', { name: 'Zittingspatroon toevoegen' }).click();
    const pattern = page.getByRole('group', { name: 'Zittingspatroon 1' });
    await pattern.getByLabel('Zaal', { exact: true }).selectOption({ label: `${free.location} – ${free.room}` });
    await pattern.getByRole('checkbox', { name: NL.capacity.weekday[String(free.weekday)] }).check();
    await page.getByRole('button', { name: 'Scenario doorrekenen' }).click();
    const compare = page.getByRole('table', { name: 'Huidig plan en scenario naast elkaar' });
    await compare.waitFor({ timeout: 60_000 });
    const summary = (await page.getByTestId('what-if-summary').textContent()) ?? '';
    const added = num(/· ([\d.]+) zittingen toegevoegd \(([\d.]+) plaatsen\)/.exec(summary)![1]!);
    const skippedRows = await page.getByRole('table', { name: 'Niet aangemaakte zittingen van de toegevoegde patronen' }).locator('tbody tr').count();
    expect(added + skippedRows).toBe(occurrences.length);
    // Not on non-court days, nor on the location's own closure days (the demo has some), nor today once the start time has passed.
    const closed = new Set(sql<{ date: string }>(`select c.date from location_closure c join courtroom r on r.location_id = c.location_id where r.id = ?`, free.id).map((c) => c.date));
    const [startHour, startMinute] = (await pattern.getByLabel(/^Begintijd/).inputValue()).split(':').map(Number) as [number, number];
    const started = (d: string) => fromAmsterdamLocal(d, startHour, startMinute) <= district.server.now().getTime();
    expect(added).toBe(occurrences.filter((d) => calendar.isCourtDay(d, closed) && !started(d)).length - existingThere);
    expect(summary).toContain(`(${added * 4} plaatsen)`);
    const baseline = num(await cellOf(compare, 'Zittingen', 'Huidig'));
    expect(num(await cellOf(compare, 'Zittingen', 'Scenario'))).toBe(baseline + added);
    expect(await cellOf(compare, 'Zittingen', 'Verschil')).toBe(`+${added}`);
    expect(num(await cellOf(compare, 'Plaatsen', 'Scenario')) - num(await cellOf(compare, 'Plaatsen', 'Huidig'))).toBe(added * 4);
    // Nothing is written by a scenario.
    expect(count(`select count(*) as n from court_session`)).toBe(sessionsBefore);
    await expectNoAxeViolations(page);
    await expectNoPageOverflow(page);
    await screenshot(page, 'what-if');
    expect(problems).toEqual([]);
  });

  it('a case page: a precondition with an expected date makes the case ready from that day; the replanning proposal respects it', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    const c = one<{ id: number; parketnummer: string }>(
      `select c.id, c.parketnummer from criminal_case c where c.status = 'awaiting_planning' and c.planning_gaps = '' and c.ready_from is null
       and not exists (select 1 from case_precondition p where p.case_id = c.id) order by c.queue_order, c.id limit 1`,
    );
    let expectedOn = addDays(TODAY, 10);
    while (!calendar.isCourtDay(expectedOn)) expectedOn = addDays(expectedOn, 1);

    await visit(page, 'Werkvoorraad', 'Werkvoorraad: zaken die wachten op planning');
    await page.getByLabel('Parketnummer van de zaak').fill(c.parketnummer);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: `Zaak ${c.parketnummer}` }).waitFor();
    const section = page.getByRole('region', { name: 'Voorwaarden voor behandeling' });
    await section.getByTestId('readiness').getByText('Ja: niets ontbreekt voor de planning.').waitFor();
    await section.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    const form = section.getByRole('form', { name: 'Voorwaarde toevoegen' });
    await form.getByLabel('Voorwaarde *').selectOption({ label: 'Volledig dossier' });
    expect(await form.getByLabel('Stand *').inputValue()).toBe('pending');
    await form.getByLabel('Verwacht op (dd-mm-jjjj)').fill(dutch(expectedOn));
    await form.getByLabel('Toelichting').fill('Politie levert het aanvullend proces-verbaal na.');
    await form.getByRole('button', { name: 'Opslaan' }).click();

    const row = section.getByRole('row', { name: /^Volledig dossier/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Nog niet rond${formatDate(expectedOn)}`);
    const stored = one<{ readyFrom: string }>(`select ready_from as readyFrom from criminal_case where id = ?`, c.id);
    expect(amsterdamDate(Date.parse(stored.readyFrom))).toBe(expectedOn);
    expect(sql(`select status, expected_on as expectedOn from case_precondition where case_id = ?`, c.id)).toEqual([{ status: 'pending', expectedOn }]);
    expect(await section.getByTestId('readiness').textContent()).toBe(`Klaar voor planning vanaf ${formatLongDay(expectedOn)}.`);
    expect(await page.getByRole('table', { name: 'Geschiedenis' }).textContent()).toContain('Voorwaarde voor behandeling vastgelegd');
    await expectNoAxeViolations(page);
    await expectNoPageOverflow(page);
    await screenshot(page, 'case-precondition');

    // Planning, replanning booked cases too: a proposal only, and this case never before its date.
    const hearingsBefore = count(`select count(*) as n from hearing`);
    await visit(page, 'Planning', 'Zaken plannen op zittingen');
    await page.getByLabel('Ook al geplande zaken herplannen').check();
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    const summary = page.getByTestId('planning-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(/^[\d.]+ zaken geplaatst, [\d.]+ niet haalbaar vóór de termijn, [\d.]+ pasten niet, [\d.]+ nog niet klaar · [\d.,]+ ms$/);
    await page.getByRole('heading', { level: 2, name: 'Voorstel (nog niet vastgelegd)' }).waitFor();
    const placed = page.getByTestId('planning-placements').getByRole('row', { name: new RegExp(`^${escape(c.parketnummer)}`) });
    if ((await placed.count()) > 0) {
      const date = (await placed.getByRole('cell').nth(1).textContent()) ?? '';
      const iso = sql<{ date: string }>(`select distinct date from court_session where date >= ?`, TODAY).find((s) => formatDate(s.date) === date)!.date;
      expect(iso >= expectedOn).toBe(true);
    }
    expect(count(`select count(*) as n from hearing`)).toBe(hearingsBefore);
    // Moved cases are listed; when none moved, no empty table but a sentence.
    const moved = page.getByTestId('planning-moved');
    if ((await moved.count()) > 0) {
      if ((await moved.evaluate((el) => el.tagName)) === 'TABLE') expect(await moved.locator('tbody tr').count()).toBeGreaterThan(0);
      else expect(await moved.textContent()).toMatch(/^Geen al geplande zaak verplaatst; [\d.]+ bleven staan binnen de dagvaardingstermijn\.$/);
    }
    await expectNoAxeViolations(page);
    await expectNoPageOverflow(page);
    await screenshot(page, 'planning-replan-proposal');
    expect(problems).toEqual([]);
  });
});

/** The tower's numbers for one day and session type, computed from the tables. */
function towerCounts(date: string, sessionType: string): { capacity: number; booked: number; reserved: number } {
  const sessions = sql<{ id: number; capacity: number; booked: number }>(
    `select s.id, s.capacity_slots as capacity, (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) as booked
     from court_session s where s.date = ? and s.session_type = ? and s.status = 'scheduled'`,
    date,
    sessionType,
  );
  let reserved = 0;
  for (const s of sessions) {
    for (const r of sql<{ modality: string; slots: number; bookedBefore: number }>(`select modality, slots, booked_before as bookedBefore from reservation where session_id = ? and released_at is null`, s.id)) {
      const bookedOfModality = count(
        `select count(*) as n from hearing h join criminal_case c on c.id = h.case_id where h.session_id = ? and h.status in ('planned', 'held') and c.modality = ?`,
        s.id,
        r.modality,
      );
      // Cases booked before the reservation was made do not fill it (issue 11, item 10).
      reserved += Math.max(0, r.slots - Math.max(0, bookedOfModality - r.bookedBefore));
    }
  }
  return { capacity: sessions.reduce((a, s) => a + s.capacity, 0), booked: sessions.reduce((a, s) => a + s.booked, 0), reserved };
}

/** The first court day in the range on which some location has templates, and how many. */
function firstTemplateDay(templates: readonly { weekdays: string; locationId: number }[], from: string, to: string): { date: string; locationId: number; templates: number } {
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!calendar.isCourtDay(date)) continue;
    const applying = templates.filter((t) => t.weekdays.split(',').map(Number).includes(isoWeekday(date)));
    if (applying.length > 0) {
      const locationId = applying[0]!.locationId;
      return { date, locationId, templates: applying.filter((t) => t.locationId === locationId).length };
    }
  }
  throw new Error(`no template day between ${from} and ${to}`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
