import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrictFile, E2E_NOW, STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, launchChromium, openPage, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve-process';

/** The week of the pinned 'today' (a Monday). */
const WEEK = STANDARD_DEMO.asOf;
let dir: string;
let browser: Browser;
const servers: ServeProcess[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

interface DbSession {
  id: number;
  capacity: number;
  booked: number;
}

describe('sessions overview in real Chromium against `ketenplanner serve`', () => {
  it('shows the week with numbers that match the database, works by keyboard, and has no axe violations', async () => {
    const file = await demoDistrictFile(STANDARD_DEMO, dir);
    const server = await startServe(file, E2E_NOW);
    servers.push(server);

    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('heading', { level: 1, name: 'Zittingen per week' }).waitFor();
    expect(new URL(page.url()).hash).not.toContain('token');
    await page.goto(`${server.origin}/#/zittingen?week=${WEEK}`);
    await page.getByRole('heading', { name: /^Week 25 · 15 – 21 juni 2026$/ }).waitFor();
    await page.locator('[data-session-id]').first().waitFor();

    const sqlite = new Database(file, { readonly: true });
    const expected = sqlite
      .prepare(
        `select s.id, s.capacity_slots as capacity,
           (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) as booked
         from court_session s where s.date between ? and date(?, '+6 days') and s.status = 'scheduled' order by s.id`,
      )
      .all(WEEK, WEEK) as DbSession[];
    sqlite.close();
    expect(expected.length).toBeGreaterThan(5);

    const shown = await page.locator('[data-session-id]').evaluateAll((cards) =>
      cards.map((card) => ({
        id: Number(card.getAttribute('data-session-id')),
        capacity: card.querySelector('[data-field="capacity"]')?.textContent ?? '',
        booked: card.querySelector('[data-field="booked"]')?.textContent ?? '',
        free: card.querySelector('[data-field="free"]')?.textContent ?? '',
      })),
    );
    expect(shown.map((s) => s.id).sort((a, b) => a - b)).toEqual(expected.map((s) => s.id));
    for (const session of expected) {
      const card = shown.find((s) => s.id === session.id)!;
      const free = session.capacity - session.booked;
      expect(card).toEqual({
        id: session.id,
        capacity: `${session.capacity} plaatsen`,
        booked: `${session.booked} geboekt`,
        free: free === 0 ? 'Vol' : `${free} vrij`,
      });
    }
    const totals = expected.reduce((t, s) => ({ capacity: t.capacity + s.capacity, booked: t.booked + s.booked }), { capacity: 0, booked: 0 });
    const summary = await page.getByTestId('week-summary').textContent();
    expect(summary).toContain(`${expected.length} zittingen · ${totals.capacity} plaatsen · ${totals.booked} geboekt · ${totals.capacity - totals.booked} vrij`);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sessions-week');

    // Keyboard only: the first Tab reaches the skip link, which moves focus to the content and keeps the week.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toContain(`week=${WEEK}`);
    let hops = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'Volgende week →' && hops++ < 20) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Week 26 · 22 – 28 juni 2026$/ }).waitFor();

    // Reflow (WCAG 1.4.10): at 320 CSS pixels the page itself never scrolls sideways; the grid scrolls in its region.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'sessions-week-320px');
    expect(problems).toEqual([]);
  });

  it('on a new, empty database offers to create a district or open the demo, accessibly', async () => {
    const server = await startServe(path.join(dir, 'new-district.sqlite'), E2E_NOW);
    servers.push(server);
    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Ketenplanner' }).waitFor();

    await page.getByRole('button', { name: 'Arrondissement aanmaken' }).click();
    await page.getByText('Controleer de gemarkeerde velden.').waitFor();
    expect(await page.getByLabel('Naam van het arrondissement').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'welcome');

    await page.getByRole('button', { name: 'Demo openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zittingen per week' }).waitFor({ timeout: 60_000 });
    await page.getByText('Arrondissement IJsselvallei (demo)').waitFor();
    expect(problems).toEqual([]);
  });
});
