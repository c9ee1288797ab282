import { serveDemoDistrict } from './support/served-district';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { quasiIdentifierKey } from '../../shared/monitoring/disclosure-control';
import type { MonitoringRecord } from '../../shared/monitoring/monitoring-record';
import { PSEUDONYMISED_SUSPECT } from '../../shared/retention/retention';
import { SMALL_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';

/**
 * Issue 12 item 8 on screen: the retention term with its sources on the settings page, the number of
 * cases past it, the dry-run list, 'Pseudonimiseren' with a reason; and the monitoring export's
 * smallest group (k) on the review page.
 */
const district = serveDemoDistrict(SMALL_DEMO, 'kp-e2e-retention-');

const section = (page: Page) => page.getByRole('region', { name: 'Bewaartermijn persoonsgegevens' });

function readDatabase<T>(read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('retention of personal data and the monitoring export in real Chromium', () => {
  it('sets the term with its sources, lists the cases past it as a dry run, and pseudonymises them with a reason', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/instellingen`);
    const retention = section(page);
    await retention.getByTestId('retention-due').waitFor();
    // The default is a choice awaiting the privacy officer, with the legal sources next to it.
    expect(await retention.getByTestId('retention-term').textContent()).toContain('Standaardkeuze van 12 maanden: geen wettelijke termijn, nog te bevestigen door de functionaris gegevensbescherming');
    const sources = (await retention.textContent()) ?? '';
    for (const source of ['AVG art. 5 lid 1 onder e', 'Wjsg en Besluit justitiële en strafvorderlijke gegevens', 'Archiefwet 1995', 'selectielijst van de Rechtspraak']) expect(sources).toContain(source);
    expect(await retention.getByTestId('retention-due').textContent()).toMatch(/^Geen enkele afgeronde zaak is langer dan 12 maanden geleden afgerond \(vóór 15 juni 2025\)/);

    // A reason is required; then the privacy officer's term of 6 months.
    await retention.getByLabel('Bewaartermijn na afronding (maanden)').fill('6');
    await retention.getByLabel('Bevestigd door de functionaris gegevensbescherming (FG)').check();
    await retention.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
    await retention.locator('.field-error').first().waitFor();
    expect(await retention.locator('.field-error').first().textContent()).toContain('Reden van de wijziging');
    await retention.getByLabel('Reden van de wijziging').fill('Vastgesteld door de FG op 12 juni 2026');
    await retention.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
    await retention.getByText('Bewaartermijn van 6 maanden, bevestigd door de functionaris gegevensbescherming.').waitFor();

    const due = readDatabase(
      (sqlite) =>
        sqlite
          .prepare(
            `select c.id, c.parketnummer, s.full_name as fullName from criminal_case c join suspect s on s.id = c.suspect_id
              where c.status in ('completed', 'withdrawn')
                and (select max(a.occurred_at) from audit_event a where a.entity_type = 'case' and a.entity_id = c.id and a.action = 'case.status_changed' and json_extract(a.details, '$.to') = c.status) < '2025-12-14T23:00:00.000Z'`,
          )
          .all() as { id: number; parketnummer: string; fullName: string }[],
    );
    expect(due.length).toBeGreaterThan(10);
    const count = retention.getByTestId('retention-due');
    await expect.poll(async () => (await count.textContent()) ?? '').toMatch(new RegExp(`^${due.length} zaken zijn langer dan 6 maanden geleden afgerond \\(vóór 15 december 2025\\)`));

    // The dry run: the list, with no personal data, and nothing changed yet.
    await retention.getByRole('button', { name: 'Proefrun: toon de zaken' }).click();
    const table = retention.getByRole('table', { name: /Zaken waarvan de persoonsgegevens worden verwijderd/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(due.length);
    const listed = (await table.textContent()) ?? '';
    expect(listed).toContain(due[0]!.parketnummer);
    expect(due.filter((d) => listed.includes(d.fullName))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'retention-dry-run');
    expect(readDatabase((sqlite) => sqlite.prepare("select count(*) as n from audit_event where action = 'retention.pseudonymised'").get())).toEqual({ n: 0 });

    // Pseudonymise, with a reason.
    await retention.getByRole('button', { name: 'Pseudonimiseren' }).click();
    await retention.locator('.field-error').first().waitFor();
    expect(await retention.locator('.field-error').first().textContent()).toContain('Reden van het pseudonimiseren');
    await retention.getByLabel('Reden van het pseudonimiseren').fill('Bewaartermijn van 6 maanden verstreken');
    await retention.getByRole('button', { name: 'Pseudonimiseren' }).click();
    await retention.getByText(`${due.length} zaken gepseudonimiseerd.`).waitFor();
    await expect.poll(async () => (await count.textContent()) ?? '').toMatch(/^Geen enkele afgeronde zaak .* Al gepseudonimiseerd: \d+ zaken\./);
    await screenshot(page, 'retention-done');

    const after = readDatabase((sqlite) => ({
      names: sqlite.prepare(`select distinct s.full_name as fullName from criminal_case c join suspect s on s.id = c.suspect_id where c.id in (${due.map((d) => d.id).join(',')})`).all(),
      audits: sqlite.prepare("select count(*) as n from audit_event where action = 'retention.pseudonymised' and reason = 'Bewaartermijn van 6 maanden verstreken'").get(),
    }));
    expect(after.names).toEqual([{ fullName: PSEUDONYMISED_SUSPECT.fullName }]);
    expect(after.audits).toEqual({ n: due.length });

    // The case page of a pseudonymised case shows the pseudonym and no date of birth.
    await page.goto(`${district.server.origin}/#/zaken/${due[0]!.id}`);
    await page.getByRole('heading', { level: 1, name: `Zaak ${due[0]!.parketnummer}` }).waitFor();
    expect(await page.getByText(PSEUDONYMISED_SUSPECT.fullName).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads the monitoring export with the smallest group k chosen on the page', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/overleg`);
    const form = page.getByRole('form', { name: 'Monitoringexport' });
    await form.waitFor();
    const k = form.getByLabel('Kleinste groep (k)');
    expect(await k.inputValue()).toBe('5');
    await form.getByLabel('Aanhouding of registratie vanaf').fill('');
    await form.getByLabel('Tot en met').fill('');
    await k.fill('1');
    await form.getByRole('button', { name: 'Monitoringexport downloaden' }).click();
    expect(await form.locator('.field-error').first().textContent()).toContain('Kleinste groep (k)');
    await k.fill('8');
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await form.getByRole('button', { name: 'Monitoringexport downloaden' }).click();
    await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(1);
    const exported = JSON.parse(fs.readFileSync((await downloads[0]!.path())!, 'utf8')) as {
      formatVersion: number;
      disclosureControl: { k: number; suppressedRecords: number };
      records: MonitoringRecord[];
    };
    expect(exported.formatVersion).toBe(2);
    expect(exported.disclosureControl.k).toBe(8);
    const sizes = new Map<string, number>();
    for (const r of exported.records) sizes.set(quasiIdentifierKey(r), (sizes.get(quasiIdentifierKey(r)) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(8);
    await form.getByRole('status').waitFor();
    expect(await form.getByRole('status').textContent()).toMatch(/zaken geëxporteerd naar ketenplanner-monitoring-.*\.json\./);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'monitoring-export-k');
    expect(problems).toEqual([]);
    await page.close();
  });
});
