import { serveDemoDistrict } from './support/served-district';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { AppDatabase } from '../../db/open-database';
import { fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { addDays } from '../../shared/calendar/local-date';
import { latestServiceDay } from '../../shared/deadlines/summons-term';
import { loadDeadlineContext } from '../../server/services/settings/district-settings';
import { E2E_TODAY, STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';

/*
 * Issue 11, items 2 and 3 on screen: the roll form's judgment moment (default: the session, art. 378 Sv)
 * and the case page's "dagvaarding uiterlijk betekenen op" for a planned case whose summons is not served.
 */

const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-legal-dates-');

async function withDb<T>(work: (sqlite: Database.Database) => T | Promise<T>): Promise<T> {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    return await work(sqlite);
  } finally {
    sqlite.close();
  }
}

const dutchInput = (date: string, time: string) => `${date.split('-').reverse().join('-')} ${time}`;

async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

interface OpenHearing {
  caseId: number;
  parketnummer: string;
  sessionId: number;
  date: string;
  startTime: string;
}

describe('legal dates follow the facts, in real Chromium', () => {
  it('the roll form shows the session as the judgment moment, refuses one before it, and takes a later written one', async () => {
    // Two hearings without an outcome on one past session (read independently of the app).
    const [first, second] = await withDb(
      (sqlite) =>
        sqlite
          .prepare(
            `select c.id as caseId, c.parketnummer, s.id as sessionId, s.date, s.start_time as startTime from hearing h
             join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
             where s.status = 'scheduled' and s.judge_id is not null and s.date < ? and h.status in ('planned', 'held') and c.status in ('planned', 'heard')
               and not exists (select 1 from hearing_outcome o where o.hearing_id = h.id)
               and s.id = (select s2.id from court_session s2 join hearing h2 on h2.session_id = s2.id
                           where s2.date < ? and s2.judge_id is not null and h2.status in ('planned', 'held')
                             and not exists (select 1 from hearing_outcome o2 where o2.hearing_id = h2.id)
                           group by s2.id having count(*) >= 2 order by s2.date desc limit 1)
             order by h.id limit 2`,
          )
          .all(E2E_TODAY, E2E_TODAY) as OpenHearing[],
    );
    expect(second).toBeDefined();
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('link', { name: 'Zittingen', exact: true }).waitFor();
    await page.goto(`${district.server.origin}/#/zittingen/${first!.sessionId}/uitspraken`);
    await page.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();

    // 1. The judgment moment defaults to the session (date and time of the case on the roll), not to now.
    const form = page.getByRole('form', { name: `Uitkomst van zaak ${first!.parketnummer}` });
    const moment = form.getByLabel('Moment van de uitspraak');
    expect(await moment.inputValue()).toBe(dutchInput(first!.date, first!.startTime));
    await form.getByText(/Standaard het begin van de zitting/).waitFor();
    await form.getByRole('radio', { name: 'ja', exact: true }).check();
    await typeInto(page, form.getByLabel('Bedrag (euro)'), '300');
    await expect.poll(() => form.getByLabel('Vervangende hechtenis (dagen)').inputValue()).not.toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'legal-dates-roll-judgment-moment');

    // 2. Before the session: refused, in words, and nothing is saved.
    const [hour] = first!.startTime.split(':').map(Number) as [number];
    await typeInto(page, moment, dutchInput(first!.date, `${String(hour - 1).padStart(2, '0')}:00`));
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await form.getByText(/Het moment van de uitspraak ligt vóór de zitting/).waitFor();
    await screenshot(page, 'legal-dates-roll-before-session');

    // 3. A later written judgment: the day after the session at 10:00. Enter in the judge's field saves.
    const later = addDays(first!.date, 1);
    await typeInto(page, moment, dutchInput(later, '10:00'));
    await form.getByLabel('Beslist door (rechter)').focus();
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    const summary = page.getByRole('listitem').filter({ hasText: first!.parketnummer }).getByTestId('recorded-outcome');
    await summary.getByText(/Beslist door .* op .* 10:00/).waitFor();

    // 4. The second case keeps the default: judgment at the session.
    const secondForm = page.getByRole('form', { name: `Uitkomst van zaak ${second!.parketnummer}` });
    await secondForm.getByRole('radio', { name: 'ja', exact: true }).check();
    await typeInto(page, secondForm.getByLabel('Bedrag (euro)'), '200');
    await expect.poll(() => secondForm.getByLabel('Vervangende hechtenis (dagen)').inputValue()).not.toBe('');
    await secondForm.getByLabel('Beslist door (rechter)').focus();
    await page.keyboard.press('Enter');
    await secondForm.waitFor({ state: 'detached' });
    await screenshot(page, 'legal-dates-roll-recorded');

    const stored = await withDb((sqlite) =>
      Object.fromEntries(
        (sqlite.prepare('select case_id as caseId, decided_at as decidedAt from decision where case_id in (?, ?)').all(first!.caseId, second!.caseId) as { caseId: number; decidedAt: string }[]).map(
          (r) => [r.caseId, r.decidedAt],
        ),
      ),
    );
    expect(stored[first!.caseId]).toBe(new Date(fromAmsterdamLocal(later, 10, 0)).toISOString());
    const [h2, m2] = second!.startTime.split(':').map(Number) as [number, number];
    expect(stored[second!.caseId]).toBe(new Date(fromAmsterdamLocal(second!.date, h2, m2)).toISOString());
    // The one refused save (a moment before the session) answers 400: the browser logs that, nothing else.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    expect(problems.filter((p) => p.includes('status of 400'))).toHaveLength(1);
  });

  it('the case page of a planned case whose summons is not served says by when to serve it', async () => {
    // A planned non-detained case next week, read independently of the app.
    const planned = await withDb(
      (sqlite) =>
        sqlite
          .prepare(
            `select c.id as caseId, c.parketnummer, s.id as sessionId, s.date, s.start_time as startTime from hearing h
             join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
             where h.status = 'planned' and c.status = 'planned' and c.modality = 'snelrecht_nd' and c.summons_served_at is not null and s.date > ?
             order by s.date, h.id limit 1`,
          )
          .get(addDays(E2E_TODAY, 6)) as OpenHearing,
    );
    expect(planned).toBeDefined();
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('link', { name: 'Zittingen', exact: true }).waitFor();
    await page.goto(`${district.server.origin}/#/zaken/${planned.caseId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(planned.parketnummer.replace(/[/]/g, '\\/')) }).waitFor();
    expect(await page.getByTestId('summons-serve-by').count()).toBe(0);

    // The service turns out not to have happened (a wrong import): the clerk clears it, with a reason.
    await typeInto(page, page.getByLabel('Betekening dagvaarding', { exact: true }), '');
    await page.keyboard.press('Backspace');
    await page.getByLabel('Reden van de wijziging').fill('Dagvaarding blijkt nog niet betekend (foutieve import).');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();

    const [hour, minute] = planned.startTime.split(':').map(Number) as [number, number];
    const serveBy = await withDb(async (sqlite) => {
      const context = await loadDeadlineContext(drizzle(sqlite, { schema }) as unknown as AppDatabase);
      return latestServiceDay(fromAmsterdamLocal(planned.date, hour, minute), 'snelrecht_nd', false, context.settings, context.calendar);
    });
    const reminder = page.getByTestId('summons-serve-by');
    await reminder.waitFor();
    const longDay = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
      new Date(fromAmsterdamLocal(serveBy, 12, 0)),
    );
    expect(await reminder.textContent()).toContain(`dagvaarding uiterlijk betekenen op ${longDay}`);
    await page.getByLabel('Verwachte betekening dagvaarding (datum)').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await reminder.scrollIntoViewIfNeeded();
    await screenshot(page, 'legal-dates-case-summons-serve-by');
    expect(problems).toEqual([]);
  });
});
