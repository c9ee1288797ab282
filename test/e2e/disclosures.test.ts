import { serveDemoDistrict } from './support/served-district';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SMALL_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';

/**
 * Issue 13 item 5 on screen: opening a case is traced (who, which case, when), and the administrator's
 * 'Inzage-log' (Instellingen) lists it, filtered by parketnummer, with the term of the log.
 */
const district = serveDemoDistrict(SMALL_DEMO, 'kp-e2e-disclosures-');

function readDatabase<T>(read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('the log of reads of personal data in real Chromium', () => {
  it('traces opening a case and lists it on the Inzage-log, filtered by parketnummer', async () => {
    const [opened, other] = readDatabase(
      (sqlite) => sqlite.prepare('select c.id, c.parketnummer, s.full_name as fullName from criminal_case c join suspect s on s.id = c.suspect_id where c.co_defendant_group is null order by c.id limit 2').all() as { id: number; parketnummer: string; fullName: string }[],
    );
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/zaken/${opened!.id}`);
    await page.getByText(opened!.fullName).first().waitFor();
    const rows = readDatabase((sqlite) => sqlite.prepare("select operation, roles from personal_data_read where case_id = ? and operation = 'cases.get'").all(opened!.id)) as { operation: string; roles: string }[];
    expect(rows.length).toBeGreaterThan(0);

    await page.goto(`${district.server.origin}/#/instellingen`);
    await page.getByRole('link', { name: 'Inzage-log: wie heeft welke zaak ingezien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inzage-log' }).waitFor();
    const table = page.getByRole('table', { name: /keer ingezien/ });
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: opened!.parketnummer }).first();
    expect(await row.textContent()).toContain('Zaak geopend');
    // The log shows the case by its parketnummer, never the person.
    expect(await table.textContent()).not.toContain(opened!.fullName);
    expect(await page.getByTestId('disclosures-term').textContent()).toContain('Standaardkeuze: 36 maanden, nog te bevestigen door de functionaris gegevensbescherming.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'disclosures-log');

    // A parketnummer no one opened: nothing; then the one opened: only its rows.
    const filters = page.getByRole('form', { name: 'Filters van het inzage-log' });
    await filters.getByLabel('Parketnummer').fill(other!.parketnummer);
    await filters.getByRole('button', { name: 'Toon' }).click();
    await page.getByText('Met deze filters is geen inzage vastgelegd.').waitFor();
    await filters.getByLabel('Parketnummer').fill(opened!.parketnummer);
    await filters.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(async () => table.locator('tbody tr').count()).toBeGreaterThan(0);
    const cases = await table.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(cases)).toEqual(new Set([opened!.parketnummer]));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'disclosures-log-filtered');

    // The filtered log as CSV, through the lists' own export control.
    const control = page.getByRole('group', { name: 'Exporteren' });
    const [download] = await Promise.all([page.waitForEvent('download'), control.getByRole('button', { name: /CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inzage-log-.+-2026-06-15\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(opened!.parketnummer);
    expect(csv).not.toContain(opened!.fullName);

    // The administrator records the privacy officer's term, with a reason.
    const term = page.getByRole('form', { name: 'Bewaartermijn van het inzage-log' });
    await term.getByLabel('Bewaartermijn inzage-log (maanden)').fill('24');
    await term.getByLabel('Bevestigd door de functionaris gegevensbescherming').check();
    await term.getByLabel('Reden van de wijziging').fill('Vastgesteld door de FG');
    await term.getByRole('button', { name: 'Termijn opslaan' }).click();
    await page.getByText('Regels worden 24 maanden bewaard (bevestigd door de functionaris gegevensbescherming).').waitFor();
    expect(problems).toEqual([]);
  });
});
