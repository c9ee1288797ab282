import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SMALL_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';
import { serveDemoDistrict } from './support/served-district';

/**
 * Issue 15 item 7, notifications: the bell in the header with its count, the centre at /meldingen per
 * severity with the role choice (kept on this desktop), following a link, marking one done, and a new
 * one announced politely. The district's 'now' is Monday 15 June 2026 09:30.
 */

/**
 * A supersnelrecht case awaiting planning, arrested on Friday 12 June with custody ordered the next day:
 * its hard limit (art. 59a Sv, as the deadline engine gives it) falls on Tuesday 16 June, one working
 * day ahead. The cached limit columns hold the engine's answer, as a file opened by the app would.
 */
function insertDetainedCase(file: string, parketnummer: string, arrestedAt: string, limit: string): void {
  const sqlite = new Database(file);
  try {
    const suspect = sqlite.prepare("insert into suspect (full_name, date_of_birth) values ('M. Melding', '1991-02-03')").run().lastInsertRowid;
    sqlite
      .prepare(
        `insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, arrested_at, custody_ordered_at, short_term_consent,
                                    voorgeleiding_by, hearing_by, next_limit, next_limit_kind, queue_order)
         values (?, ?, 'supersnelrecht', 'awaiting_planning', 'Noord', 'Winkeldiefstal', ?, '2026-06-13T10:00:00.000Z', 1, ?, ?, ?, 'hearing', '2026-06-01T00:00:00.000Z')`,
      )
      .run(parketnummer, suspect, arrestedAt, limit, limit, limit);
  } finally {
    sqlite.close();
  }
}

const district = serveDemoDistrict(SMALL_DEMO, 'kp-e2e-notifications-', (file) =>
  insertDetainedCase(file, '19/200001-26', '2026-06-12T08:00:00.000Z', '2026-06-16T02:00:00.000Z'),
);

describe('notifications in real Chromium', () => {
  it('counts in the bell, lists per severity for the chosen roles, follows a link, marks one done and announces a new one', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    const bell = page.getByTestId('notification-bell');
    // The count is text, not only a colour; the link's name is that text (label in name, WCAG 2.5.3).
    await expect.poll(() => bell.textContent()).toMatch(/^Meldingen \(\d+\)$/);
    const countOf = async () => Number((await bell.textContent())!.match(/\((\d+)\)/)![1]);
    const before = await countOf();
    expect(before).toBeGreaterThan(0);
    expect(await bell.getAttribute('aria-label')).toBeNull();
    await page.getByRole('link', { name: `Meldingen (${before})`, exact: true }).waitFor();

    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const urgent = page.getByTestId('notifications-critical');
    const detained = urgent.getByTestId('notification').filter({ hasText: '19/200001-26' });
    await detained.waitFor();
    expect(await detained.textContent()).toContain('19/200001-26: gedetineerd, uiterste datum di 16 jun 04:00, niet gepland.');
    expect(await page.getByTestId('notification').count()).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'notifications-centre');

    // Roles: only Griffier has no detained case (the role names of shared/domain/roles.ts); the choice is kept on this desktop (after a reload too).
    for (const role of ['Coördinator', 'Officier van justitie / parketsecretaris', 'Politie (ketenpartner)', 'Lid van het overleg (alleen lezen)']) await page.getByLabel(role).uncheck();
    await expect.poll(() => detained.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    expect(await page.getByLabel('Coördinator').isChecked()).toBe(false);
    expect(await page.getByLabel('Griffier').isChecked()).toBe(true);
    expect(await countOf()).toBeLessThan(before);
    await page.getByLabel('Coördinator').check();
    await detained.waitFor();

    // Follow the link to the case, and come back.
    await detained.getByRole('link', { name: 'Naar de zaak' }).click();
    await page.getByRole('heading', { level: 1, name: /19\/200001-26/ }).waitFor();
    await bell.click();
    await detained.waitFor();

    // Meanwhile another detained case comes in (another user); marking one done refreshes the list.
    const countNow = await countOf();
    insertDetainedCase(district.file, '19/200002-26', '2026-06-12T06:00:00.000Z', '2026-06-16T00:00:00.000Z');
    // By keyboard, pressed twice (a double press): one mark; focus lands on what was done, not on the page's start.
    await detained.getByRole('button', { name: 'Afgehandeld' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // A detained suspect's limit is marked done for today only, and the status says so.
    await expect
      .poll(() => page.getByTestId('notification-status').textContent())
      .toBe('De melding is voor vandaag afgehandeld. Is de zaak morgen nog niet gepland, dan staat de melding er weer: een gedetineerde verdachte blijft in beeld tot de zaak gepland is.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('notification-status');
    await expect.poll(() => detained.count()).toBe(0);
    await urgent.getByTestId('notification').filter({ hasText: '19/200002-26' }).waitFor();
    await expect.poll(() => countOf()).toBe(countNow);
    await expect
      .poll(() => page.getByTestId('notification-announcer').textContent())
      .toBe('Nieuwe melding: Gedetineerde zaak niet gepland. 19/200002-26: gedetineerd, uiterste datum di 16 jun 02:00, niet gepland. Plan de zaak of kies een andere route.');

    const sqlite = new Database(district.file, { readonly: true });
    const done = sqlite.prepare("select key, done_by as doneBy from notification_done").all() as { key: string; doneBy: string }[];
    const audit = sqlite.prepare("select entity_type as entityType from audit_event where action = 'notification.done'").all();
    sqlite.close();
    expect(done.map((d) => d.key)).toEqual([expect.stringMatching(/^detained_near_limit:case:\d+:2026-06-16T02:00:00.000Z$/)]);
    expect(audit).toEqual([{ entityType: 'case' }]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'notifications-after-done');
    expect(problems).toEqual([]);
  });
});
