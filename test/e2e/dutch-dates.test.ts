import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { E2E_TODAY, STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';
import { serveDemoDistrict } from './support/served-district';

/*
 * Issue 15, item 8: date and time fields read and write dd-mm-jjjj and 24-hour time whatever the
 * browser's locale (a native date input in an en-US Chromium showed 11/22/2026 and 09:00 AM).
 */

const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-dutch-dates-');
const dutch = (isoDate: string) => isoDate.split('-').reverse().join('-');

describe('Dutch dates and times in an en-US browser, in real Chromium', () => {
  it('shows and takes dd-mm-jjjj and uu:mm, and says what is wrong with an impossible date or time', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now(), { locale: 'en-US' });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');

    await page.goto(`${district.server.origin}/#/planning`);
    const from = page.getByLabel('Van', { exact: true });
    await from.waitFor();
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.inputValue()).toBe(dutch(E2E_TODAY));
    await from.fill('31-02-2026');
    await from.blur();
    await page.getByText('"31-02-2026" is geen geldige datum (dd-mm-jjjj)').waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await from.fill('16-6-2026');
    await from.blur();
    expect(await page.getByText('is geen geldige datum').count()).toBe(0);
    expect(await from.inputValue()).toBe('16-06-2026');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dutch-dates-planning');

    await page.goto(`${district.server.origin}/#/wat-als`);
    await page.getByRole('button', { name: 'Zittingspatroon toevoegen' }).click();
    const start = page.getByRole('group', { name: 'Zittingspatroon 1' }).getByLabel(/^Begintijd/);
    await start.waitFor();
    expect(await start.inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    await start.fill('25:00');
    await start.blur();
    await page.getByText('"25:00" is geen geldige tijd (uu:mm, 24-uurs)').waitFor();
    await start.fill('13.30');
    await start.blur();
    expect(await start.inputValue()).toBe('13:30');
    expect(await page.getByText('is geen geldige tijd').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dutch-dates-what-if');

    await page.goto(`${district.server.origin}/#/zittingen`);
    await page.getByLabel('Ga naar datum').fill('16-12-2026');
    await page.getByRole('button', { name: 'Week tonen' }).click();
    await page.getByRole('heading', { name: /^Week 51 · 14 – 20 december 2026$/ }).waitFor();

    // No native date or time picker is left anywhere the user can reach from these pages.
    for (const route of ['/dashboard', '/capaciteit', '/overleg', '/verkeerstoren']) {
      await page.goto(`${district.server.origin}/#${route}`);
      await page.locator('main h1').first().waitFor();
      await page.locator('main input').first().waitFor();
      expect(await page.locator('input[type=date], input[type=time], input[type=datetime-local]').count(), route).toBe(0);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('never submits a form while a date or time field holds a mistyped value, and saves what people type (9.00, 31-12-2026)', async () => {
    const template = (() => {
      const sqlite = new Database(district.file, { readonly: true });
      try {
        return sqlite.prepare("select id, name from session_template where active = 1 and valid_until is null and daypart = 'morning' and start_time = '09:00' order by id limit 1").get() as { id: number; name: string };
      } finally {
        sqlite.close();
      }
    })();
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now(), { locale: 'en-US' });

    // A form with the browser's own checks: "Ga naar datum" with 31-02-2026 stays on the week and says why.
    await page.goto(`${district.server.origin}/#/zittingen`);
    const goTo = page.getByLabel('Ga naar datum');
    await goTo.fill('31-02-2026');
    await goTo.press('Enter');
    expect(await goTo.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('"31-02-2026" is geen geldige datum (dd-mm-jjjj)');
    expect(page.url()).not.toContain('week=');

    // A form with noValidate (the session template): an optional end date typed wrong is not saved as "unlimited".
    await page.goto(`${district.server.origin}/#/capaciteit`);
    await page.getByRole('button', { name: `Zittingspatroon ${template.name} wijzigen` }).click();
    const form = page.getByRole('region', { name: `Zittingspatroon '${template.name}' wijzigen` });
    const until = form.getByLabel('Geldig tot en met (leeg: onbeperkt)');
    await until.fill('31-02-2026');
    // 'Opslaan' clicked straight after typing: the message under the field appears only after the
    // release, so the button does not move away from under the pointer and this first click counts: the
    // field refuses the submit, takes the focus and says why.
    const save = form.getByRole('button', { name: 'Opslaan' });
    const top = () => save.evaluate((button) => button.getBoundingClientRect().top + window.scrollY);
    const before = await top();
    await save.click();
    await expect.poll(() => until.evaluate((input) => input === document.activeElement)).toBe(true);
    await form.getByText('"31-02-2026" is geen geldige datum (dd-mm-jjjj)').waitFor();
    // The message did move the button down: that is why it waits for the release.
    expect(await top()).toBeGreaterThan(before);
    await screenshot(page, 'dutch-dates-first-click-refused');
    expect(await page.getByText('opgeslagen').count()).toBe(0);
    await until.fill('31-12-2026');
    await form.getByLabel('Begintijd * (uu:mm)').fill('9.00');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(`Zittingspatroon '${template.name}' opgeslagen.`).waitFor();
    const saved = (() => {
      const sqlite = new Database(district.file, { readonly: true });
      try {
        return sqlite.prepare('select start_time as startTime, valid_until as validUntil from session_template where id = ?').get(template.id);
      } finally {
        sqlite.close();
      }
    })();
    expect(saved).toEqual({ startTime: '09:00', validUntil: '2026-12-31' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dutch-dates-capacity-template');
    expect(problems).toEqual([]);
    await page.close();
  });
});
