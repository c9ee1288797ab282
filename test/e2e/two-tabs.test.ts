import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrictFile, E2E_NOW, SMALL_DEMO } from '../support/e2e-district';
import { launchChromium, openPage, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve-process';

/**
 * No lost updates (issue 10): two tabs on one case. Tab A saves; tab B, still on the version it loaded,
 * is refused with who changed the case and when; B's input stays, 'Opnieuw laden' brings A's change in,
 * and saving again applies B's change on top of it.
 */
let dir: string;
let browser: Browser;
let server: ServeProcess;
let caseId: number;
let parketnummer: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-two-tabs-'));
  const file = await demoDistrictFile(SMALL_DEMO, dir);
  const sqlite = new Database(file, { readonly: true });
  // A case waiting for planning, without the suspect's consent to a shorter term or an expected duration of its own.
  ({ id: caseId, parketnummer } = sqlite
    .prepare("select id, parketnummer from criminal_case where status = 'awaiting_planning' and short_term_consent = 0 and estimated_minutes is null order by id limit 1")
    .get() as { id: number; parketnummer: string });
  sqlite.close();
  server = await startServe(file, E2E_NOW);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openCase(): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser, server.url, server.now());
  await opened.page.goto(`${server.origin}/#/zaken/${caseId}`);
  await opened.page.getByRole('heading', { level: 1, name: `Zaak ${parketnummer}` }).waitFor();
  return opened;
}

const CONSENT = 'Verdachte stemt in met een kortere dagvaardingstermijn (art. 265 lid 2 Sv)';
const eventsForm = (page: Page) => page.getByRole('form', { name: 'Gebeurtenissen vastleggen of corrigeren' });

describe('two tabs on one case in real Chromium', () => {
  it('the second save is refused with who and when; nothing is lost; reload and re-apply saves both changes', async () => {
    const a = await openCase();
    const b = await openCase();

    // Tab A: the expected duration.
    await eventsForm(a.page).getByLabel('Verwachte duur (minuten)').fill('25');
    await eventsForm(a.page).getByLabel('Reden van de wijziging *').fill('Tolk nodig, zitting duurt langer.');
    await eventsForm(a.page).getByRole('button', { name: 'Wijziging opslaan' }).click();
    await eventsForm(a.page).getByText('Opgeslagen; termijnen en gereedheid zijn opnieuw berekend.').waitFor();

    // Tab B, on the version it loaded before A saved: the suspect's consent to a shorter summons term.
    const formB = eventsForm(b.page);
    await formB.getByLabel(CONSENT).check();
    await formB.getByLabel('Reden van de wijziging *').fill('Verdachte stemt alsnog in.');
    await formB.getByRole('button', { name: 'Wijziging opslaan' }).click();
    const alert = formB.getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('Deze zaak is intussen gewijzigd door');
    expect(message).toMatch(/op 15-6-2026 om 09:3\d \(tijdstippen gecorrigeerd\)/);
    expect(message).toContain('Uw wijziging is niet opgeslagen');
    await screenshot(b.page, 'two-tabs-conflict');
    // B's input is still there; A's change is not shown yet.
    expect(await formB.getByLabel(CONSENT).isChecked()).toBe(true);
    expect(await formB.getByLabel('Reden van de wijziging *').inputValue()).toBe('Verdachte stemt alsnog in.');
    expect(await formB.getByLabel('Verwachte duur (minuten)').inputValue()).toBe('');

    // Reload: A's change comes in, B's own change stays in the form.
    await alert.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect.poll(() => formB.getByLabel('Verwachte duur (minuten)').inputValue()).toBe('25');
    expect(await formB.getByLabel(CONSENT).isChecked()).toBe(true);

    // Re-apply: saved on the new version, A's change kept.
    await formB.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await formB.getByText('Opgeslagen; termijnen en gereedheid zijn opnieuw berekend.').waitFor();
    expect(await formB.getByRole('alert').count()).toBe(0);

    await a.page.reload();
    await a.page.getByRole('heading', { level: 1, name: `Zaak ${parketnummer}` }).waitFor();
    await expect.poll(() => eventsForm(a.page).getByLabel(CONSENT).isChecked()).toBe(true);
    expect(await eventsForm(a.page).getByLabel('Verwachte duur (minuten)').inputValue()).toBe('25');
    expect([...a.problems, ...b.problems].filter((p) => !p.includes('409'))).toEqual([]);
  });
});
