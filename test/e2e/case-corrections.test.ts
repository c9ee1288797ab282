import { serveDemoDistrict } from './support/served-district';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESPONSE_FORMAT, RESPONSE_FORMAT_VERSION } from '../../shared/cjib/response-format';
import { E2E_NOW, STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot, SCREENSHOT_DIR } from './support/browser';

const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-corrections-');

function withDb<T>(work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(district.file);
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

async function openCase(page: Page, caseId: number, parketnummer: string) {
  await page.goto(`${district.server.origin}/#/zaken/${caseId}`);
  await page.getByRole('heading', { level: 1, name: `Zaak ${parketnummer}` }).waitFor();
}

const historyRows = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Waarom' }) }).getByRole('row');

describe('correcting a case in real Chromium', () => {
  it('saves a co-defendant group that looks like a date or a number, shows it as text in the history, and the case still opens', async () => {
    const target = withDb(
      (sqlite) =>
        sqlite
          .prepare("select id, parketnummer from criminal_case where status = 'awaiting_planning' and co_defendant_group is null order by id limit 1")
          .get() as { id: number; parketnummer: string },
    );
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await openCase(page, target.id, target.parketnummer);
    const events = page.getByRole('form', { name: 'Gebeurtenissen vastleggen of corrigeren' });
    for (const group of ['PL0900-2026041412', 'PV-B-9999']) {
      await events.getByLabel('Zaaksgroep (medeverdachten)').fill(group);
      await events.getByLabel('Reden van de wijziging *').fill(`Medeverdachten uit hetzelfde pv ${group}`);
      await events.getByRole('button', { name: 'Wijziging opslaan' }).click();
      await historyRows(page).filter({ hasText: `Medeverdachten uit hetzelfde pv ${group}` }).waitFor();
    }
    const rows = await historyRows(page).allTextContents();
    expect(rows.find((r) => r.includes('pv PL0900'))).toContain('Gebeurtenissen gewijzigd: Zaaksgroep (leeg) → PL0900-2026041412');
    expect(rows.find((r) => r.includes('pv PV-B'))).toContain('Zaaksgroep PL0900-2026041412 → PV-B-9999');
    expect(rows.join('\n')).not.toContain('9999 00:00');

    // Opened again from scratch: the page renders (it used to fail on 'Invalid time value').
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Zaak ${target.parketnummer}` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Geschiedenis' }).count()).toBe(1);
    expect(await page.getByText('Invalid time value').count()).toBe(0);
    await screenshot(page, 'case-history-co-defendant-group');
    await historyRows(page).filter({ hasText: 'Medeverdachten uit hetzelfde pv' }).first().screenshot({ path: path.join(SCREENSHOT_DIR, 'case-history-co-defendant-group-row.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads a CJIB file of valid and unknown messages (valid only), repairs the R01 address from the queue and only then marks it reworked', async () => {
    // A decision the demo's OM sent in a real batch and CJIB has not answered yet.
    const sent = withDb(
      (sqlite) =>
        sqlite
          .prepare(
            `select c.id as caseId, c.parketnummer, h.correlation_id as correlationId, h.attempt, b.batch_uid as batchUid
             from cjib_handoff h join decision d on d.id = h.decision_id join criminal_case c on c.id = d.case_id join cjib_batch b on b.id = h.last_batch_id
             where h.status = 'sent' order by h.id limit 1`,
          )
          .get() as { caseId: number; parketnummer: string; correlationId: string; attempt: number; batchUid: string },
    );
    const at = new Date(Date.parse(E2E_NOW) - 3_600_000).toISOString();
    const responseFile = path.join(path.dirname(district.file), 'cjib-antwoord-gemengd.json');
    fs.writeFileSync(
      responseFile,
      JSON.stringify({
        format: RESPONSE_FORMAT,
        version: RESPONSE_FORMAT_VERSION,
        batchUid: sent.batchUid,
        messages: [
          { type: 'return', correlationId: sent.correlationId, attempt: sent.attempt, at, reasonCode: 'R01', reasonText: 'Adres onbekend in de BRP' },
          { type: 'ack', correlationId: '00000000-0000-4000-8000-000000000000', attempt: 1, at },
        ],
      }),
    );

    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/overdracht/antwoorden`);
    await page.getByRole('heading', { level: 1, name: 'Antwoorden van het CJIB inlezen' }).waitFor();
    await page.getByLabel('Antwoordbestand (JSON)').setInputFiles(responseFile);
    await page.getByRole('button', { name: 'Controleren' }).click();
    const report = page.getByTestId('cjib-import-report');
    await report.waitFor();
    const outcomeOf = async (n: number) => (await report.getByRole('row').nth(n).getByRole('cell').nth(2).textContent())?.trim();
    expect(await outcomeOf(1)).toBe('zal worden verwerkt');
    expect(await outcomeOf(2)).toBe('fout');
    expect(await page.getByRole('button', { name: /berichten? verwerken$/ }).count()).toBe(0);
    await page.getByLabel('Alleen het 1 geldige bericht verwerken').check();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cjib-import-valid-only-check');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await expect.poll(() => page.getByTestId('cjib-import-result').textContent()).toMatch(/^1 bericht verwerkt; de berichten met een fout \(1\) zijn niet verwerkt/);
    expect(await outcomeOf(1)).toBe('verwerkt');
    await screenshot(page, 'cjib-import-valid-only-done');

    // The queue: 'verwerkt' is refused while nothing was corrected; the link goes to the address.
    await page.getByRole('link', { name: 'Overdracht CJIB', exact: true }).click();
    const row = page.getByTestId('handoff-returned').getByRole('row').filter({ hasText: sent.parketnummer });
    await row.waitFor();
    await row.getByRole('button', { name: `${sent.parketnummer} als verwerkt markeren` }).click();
    await row.getByLabel('Wat is hersteld').fill('Adres nagevraagd');
    await row.getByRole('button', { name: 'Markeren als verwerkt' }).click();
    await row.getByText(/is er nog niets gecorrigeerd: corrigeer eerst Adres voor dagvaarding op de zaakpagina/).waitFor();
    await screenshot(page, 'cjib-rework-refused');
    await row.screenshot({ path: path.join(SCREENSHOT_DIR, 'cjib-rework-refused-row.png') });
    await row.getByRole('link', { name: `Adres voor dagvaarding van ${sent.parketnummer} corrigeren` }).click();

    // The case page, the details form open and the cursor in the address.
    await page.getByRole('heading', { level: 1, name: `Zaak ${sent.parketnummer}` }).waitFor();
    const form = page.getByRole('form', { name: 'Gegevens van verdachte en zaak' });
    const address = form.getByLabel('Adres voor dagvaarding');
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'case-details-address-focused');
    await page.getByTestId('case-details').screenshot({ path: path.join(SCREENSHOT_DIR, 'case-details-address-focused-form.png') });
    // An implausible correction is refused with the field named, in Dutch.
    await form.getByLabel('Geboortedatum').fill('01-01-2031');
    await form.getByLabel('Reden van de correctie').fill('Adres volgens de BRP na retour CJIB');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await form.getByText(/Geboortedatum ligt in de toekomst \(01-01-2031\): controleer het jaartal\./).first().waitFor();
    await form.getByLabel('Adres voor dagvaarding').fill('Postbus 4100, 9700 AA Groningen');
    await form.getByLabel('Geboortedatum').fill(withDb((sqlite) => {
      const d = (sqlite.prepare('select s.date_of_birth as d from suspect s join criminal_case c on c.suspect_id = s.id where c.id = ?').get(sent.caseId) as { d: string }).d;
      return `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
    }));
    await form.getByLabel('Reden van de correctie').fill('Adres volgens de BRP na retour CJIB');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByText('De gegevens zijn gecorrigeerd.').waitFor();
    await historyRows(page).filter({ hasText: 'Adres volgens de BRP na retour CJIB' }).filter({ hasText: 'Gegevens gecorrigeerd: Adres voor dagvaarding' }).waitFor();
    expect(await page.getByText('Postbus 4100, 9700 AA Groningen', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'case-details-corrected');
    await historyRows(page).filter({ hasText: 'Gegevens gecorrigeerd' }).first().screenshot({ path: path.join(SCREENSHOT_DIR, 'case-details-corrected-history-row.png') });

    // Back in the queue: now it may be marked reworked, and waits for the next batch.
    await page.getByRole('link', { name: 'Overdracht CJIB', exact: true }).click();
    const again = page.getByTestId('handoff-returned').getByRole('row').filter({ hasText: sent.parketnummer });
    await again.getByRole('button', { name: `${sent.parketnummer} als verwerkt markeren` }).click();
    await again.getByLabel('Wat is hersteld').fill('Adres gecorrigeerd volgens de BRP');
    await again.getByRole('button', { name: 'Markeren als verwerkt' }).click();
    await page.getByTestId('handoff-ready').getByRole('row').filter({ hasText: sent.parketnummer }).waitFor();
    withDb((sqlite) => {
      const audit = sqlite.prepare("select details from audit_event where action = 'case.details_changed' and entity_id = ?").all(sent.caseId) as { details: string }[];
      expect(audit).toHaveLength(1);
      expect(Object.keys(JSON.parse(audit[0]!.details) as object)).toEqual(['summonsAddress']);
    });
    // The two refusals answered 409 and 400 (the browser logs those); nothing else went wrong.
    expect(problems.filter((p) => !/status of (409|400)/.test(p))).toEqual([]);
  });
});
