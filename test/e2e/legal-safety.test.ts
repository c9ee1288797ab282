import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { format, parseISO, startOfISOWeek } from 'date-fns';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrictFile, E2E_NOW, E2E_TODAY, SMALL_DEMO } from '../support/e2e-district';
import { axeViolations, launchChromium, openPage, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve-process';

/*
 * Issue 11, items 1 and 4 on screen: the move dialog offers no session that has started (the pinned
 * 'now' is Monday 15 June 2026 09:30; that morning's 09:00 session has begun), and the intake form
 * refuses an arrest in 2099 at its field and says 'minderjarig' for a suspect of 16.
 */
let dir: string;
let file: string;
let browser: Browser;
let server: ServeProcess;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-legal-'));
  file = await demoDistrictFile(SMALL_DEMO, dir);
  // Room on today's sessions, so only the start time can keep one out of the dialog.
  const sqlite = new Database(file);
  sqlite.prepare('update court_session set capacity_slots = 9 where date = ?').run(E2E_TODAY);
  sqlite.close();
  server = await startServe(file, E2E_NOW);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('legal safety on screen', () => {
  it('the move dialog does not offer a session that has already started', async () => {
    const sqlite = new Database(file, { readonly: true });
    const started = sqlite
      .prepare("select id, accepted_modalities as accepted from court_session where date = ? and start_time <= '09:30' and status = 'scheduled'")
      .all(E2E_TODAY) as { id: number; accepted: string }[];
    expect(started.length).toBeGreaterThan(0);
    // A case planned later on whose modality a started session takes; the dialog offers the coming six weeks.
    const move = sqlite
      .prepare(
        `select c.id, c.parketnummer, s.date from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
         where h.status = 'planned' and s.date > ? and instr(?, c.modality) > 0 order by s.date, s.start_time limit 1`,
      )
      .get(E2E_TODAY, started.map((s) => s.accepted).join(',')) as { id: number; parketnummer: string; date: string } | undefined;
    sqlite.close();
    expect(move).toBeDefined();
    const week = format(startOfISOWeek(parseISO(move!.date)), 'yyyy-MM-dd');

    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.goto(`${server.origin}/#/zittingen?week=${week}`);
    await page.locator('[data-session-id]').first().waitFor();
    await page.getByRole('button', { name: `Zaak ${move!.parketnummer} verplaatsen` }).click();
    const dialog = page.getByRole('dialog', { name: `Zaak ${move!.parketnummer} verplaatsen` });
    const select = dialog.getByLabel('Naar zitting (komende zes weken)');
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    const offered = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(offered.length).toBeGreaterThan(0);
    for (const s of started) expect(offered).not.toContain(String(s.id));
    const labels = await select.locator('option').allTextContents();
    expect(labels.some((l) => /ma 15 jun\.? 09:00/.test(l))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'move-dialog-no-started-session');
    expect(problems).toEqual([]);
  });

  it('the intake form refuses an arrest in 2099 at its field, and says minderjarig for a suspect of 16', async () => {
    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('link', { name: 'Nieuwe zaak', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe zaak invoeren' }).waitFor();
    await page.getByLabel('Parketnummer *').fill('19/778001-26');
    await page.getByLabel('Modaliteit *').selectOption('supersnelrecht');
    await page.getByLabel('Politie-eenheid *').fill('Basisteam Hanzestad-Centrum');
    await page.getByLabel('Feit *').fill('Winkeldiefstal');
    await page.getByLabel('Pleegdatum', { exact: true }).fill('14-06-2026 16:40');
    await page.getByLabel('Naam verdachte *').fill('J. Jong');
    await page.getByLabel('Geboortedatum * (dd-mm-jjjj)').fill('01-03-2010');
    await page.getByLabel('Aanhouding', { exact: true }).fill('01-01-2099 10:00');

    // Juvenile law, said as soon as the dates are there.
    const notice = page.getByTestId('minor-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'minderjarig De verdachte was 16 jaar op de pleegdatum: jeugdstrafrecht (art. 77a Sr e.v.). De zaak gaat alleen naar een zitting die minderjarigen neemt.',
    );

    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await page.getByText('Controleer de gemarkeerde velden.').waitFor();
    const arrest = page.getByLabel('Aanhouding', { exact: true });
    expect(await arrest.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Aanhouding ligt in de toekomst (01-01-2099 10:00): vul het werkelijke tijdstip in, niet later dan nu').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'new-case-2099-minor');

    // Corrected, the case is saved and its page says 'minderjarig' too.
    await arrest.fill('14-06-2026 17:05');
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaak 19/778001-26' }).waitFor();
    expect(await page.getByTestId('case-minor').textContent()).toBe('minderjarig');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'case-page-minor');
    expect(problems).toEqual([]);
  });
});
