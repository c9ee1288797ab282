import { serveDemoDistrict } from './support/served-district';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startOfAmsterdamDay } from '../../shared/calendar/amsterdam-time';
import { addDays } from '../../shared/calendar/local-date';
import { STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';

const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-dashboard-');

/** The number shown on a key-figure card, read as a Dutch integer. */
async function cardValue(page: Page, label: string): Promise<number> {
  const card = page.locator('.key-figure').filter({ has: page.locator('.key-figure-label', { hasText: new RegExp(`^${label}$`) }) });
  const text = (await card.locator('.key-figure-value').textContent()) ?? '';
  return Number(text.replace(/\./g, '').replace(/[^\d]/g, ''));
}

describe('the dashboard in real Chromium', () => {
  it('shows the figures, narrows them with a filter, clicks through to the cases behind a figure, and passes axe', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.locator('.key-figure').first().waitFor();
    const all = await cardValue(page, 'Instroom');
    expect(all).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard');

    // The figure equals the database: cases registered in the chosen period.
    // The fields show dd-mm-jjjj whatever the browser's locale (issue 15, item 8).
    const fromText = await page.getByLabel('Van', { exact: true }).inputValue();
    const toText = await page.getByLabel('Tot en met', { exact: true }).inputValue();
    expect(fromText).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    const [from, to] = [fromText, toText].map((text) => text.split('-').reverse().join('-')) as [string, string];
    const sqlite = new Database(district.file, { readonly: true });
    const count = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).get(...params) as { n: number }).n;
    const expectedAll = count(
      'select count(*) as n from criminal_case where created_at >= ? and created_at < ?',
      new Date(startOfAmsterdamDay(from)).toISOString(),
      new Date(startOfAmsterdamDay(addDays(to, 1))).toISOString(),
    );
    expect(all).toBe(expectedAll);

    await page.getByLabel('Modaliteit').selectOption('supersnelrecht');
    await page.waitForURL((url) => url.href.includes('supersnelrecht'));
    await expect.poll(() => cardValue(page, 'Instroom')).toBeLessThan(all);
    const filtered = await cardValue(page, 'Instroom');
    expect(filtered).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-filtered');

    const card = page.locator('.key-figure').filter({ has: page.locator('.key-figure-label', { hasText: /^Instroom$/ }) });
    await card.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Zaken achter het cijfer' }).waitFor();
    const caption = (await page.locator('caption').first().textContent()) ?? '';
    expect(Number(caption.replace(/\./g, '').match(/\d+/)?.[0])).toBe(filtered);
    const first = page.locator('tbody tr').first();
    expect(await first.textContent()).toContain('Supersnelrecht');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-cases');
    await first.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Zaak / }).waitFor();
    sqlite.close();
    expect(problems).toEqual([]);
  });
});
