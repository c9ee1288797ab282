import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../renderer/src/i18n/format';
import { computeDeadlines } from '../../shared/deadlines/compute-deadlines';
import { parseDutchDateTime } from '../../shared/intake/dutch-datetime';
import { demoDistrictFile, E2E_NOW, SMALL_DEMO } from '../support/e2e-district';
import { makeImportCsv } from '../support/import-fixture';
import { axeViolations, launchChromium, openPage, screenshot } from './support/browser';
import { startServe, type ServeProcess } from './support/serve-process';

let dir: string;
let browser: Browser;
let server: ServeProcess;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-intake-'));
  server = await startServe(await demoDistrictFile(SMALL_DEMO, dir), E2E_NOW);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Dutch notation for an instant some hours before the pinned 'now', as a clerk would type it. */
function hoursAgo(hours: number): string {
  const d = new Date(Date.parse(E2E_NOW) - hours * 3_600_000);
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}`;
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('case intake in real Chromium', () => {
  it('creates a case in the form, records a ZSM decision, and finds it in the queue with the right limit', async () => {
    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('link', { name: 'Nieuwe zaak', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe zaak invoeren' }).waitFor();

    // First a mistake: the messages appear next to the fields, in Dutch.
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await page.getByText('Controleer de gemarkeerde velden.').waitFor();
    expect(await page.getByLabel('Parketnummer *').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    const arrested = hoursAgo(5);
    const custody = hoursAgo(3);
    await page.getByLabel('Parketnummer *').fill('19/777001-26');
    await page.getByLabel('Modaliteit *').selectOption('zsm');
    await page.getByLabel('Politie-eenheid *').fill('Basisteam Hanzestad-Centrum');
    await page.getByLabel('Feit *').fill('Winkeldiefstal');
    await page.getByLabel('Naam verdachte *').fill('T. Tester');
    await page.getByLabel('Geboortedatum * (dd-mm-jjjj)').fill('03-07-1994');
    await page.getByLabel('Aanhouding', { exact: true }).fill(arrested);
    await page.getByLabel('Inverzekeringstelling', { exact: true }).fill(custody);
    await page.getByLabel('Verdachte stemt in met een kortere dagvaardingstermijn (art. 265 lid 2 Sv)').check();
    await screenshot(page, 'new-case-form');
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();

    await page.getByRole('heading', { level: 1, name: 'Zaak 19/777001-26' }).waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('Instroom');
    await page.getByLabel('Beslissing *').selectOption('summons_supersnelrecht');
    await page.getByLabel('Officier van justitie *').fill('mr. J. Smit');
    await page.getByLabel('Reden *').fill('Eenvoudige zaak; verdachte stemt in met kortere termijn.');
    await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();
    await page.getByTestId('zsm-decision').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('Wacht op planning');
    expect(await page.getByTestId('case-modality').textContent()).toBe('Supersnelrecht');

    // The limit, computed independently by the engine from what was typed.
    const expected = computeDeadlines({
      id: 'e2e',
      modality: 'supersnelrecht',
      arrestedAt: (parseDutchDateTime(arrested) as { value: string }).value,
      custodyOrderedAt: (parseDutchDateTime(custody) as { value: string }).value,
      shortTermConsent: true,
    });
    const hearingBy = formatInstant(expected.hearingBy!);
    expect(await page.locator('[data-limit="hearingBy"] [data-field="moment"]').textContent()).toBe(hearingBy);
    expect(await page.getByRole('cell', { name: /art\. 58 lid 1 Sv|art\. 59a lid 1 Sv/ }).count()).toBeGreaterThan(0);
    const history = await page.getByRole('table', { name: 'Geschiedenis' }).textContent();
    expect(history).toContain('ZSM-beslissing: Dagvaarden: supersnelrecht');
    expect(history).toContain('Status gewijzigd: Instroom → ZSM-beslissing genomen');
    await expectNoAxeViolations(page);
    await screenshot(page, 'case-page');

    await page.getByRole('link', { name: 'Werkvoorraad', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad: zaken die wachten op planning' }).waitFor();
    await page.getByLabel('Modaliteit').selectOption('supersnelrecht');
    const row = page.locator('tr', { has: page.getByRole('link', { name: '19/777001-26' }) });
    await row.waitFor();
    const rowText = await row.textContent();
    expect(rowText).toContain(hearingBy);
    expect(rowText).toContain('wettelijk');
    expect(rowText).toMatch(/Urgent|Binnenkort|Op tijd/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'work-queue');
    expect(problems).toEqual([]);
  });

  it('an unserved summons does not keep a non-detained case off the planning: once planned the case page says by when to serve it, and recording the service clears it', async () => {
    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('heading', { level: 1, name: 'Zittingen per week' }).waitFor();
    await page.goto(`${server.origin}/#/zaken/nieuw`);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe zaak invoeren' }).waitFor();
    await page.getByLabel('Parketnummer *').fill('19/777002-26');
    await page.getByLabel('Modaliteit *').selectOption('zsm');
    await page.getByLabel('Politie-eenheid *').fill('Basisteam Veenoord');
    await page.getByLabel('Feit *').fill('Vernieling');
    await page.getByLabel('Naam verdachte *').fill('U. Tester');
    await page.getByLabel('Geboortedatum * (dd-mm-jjjj)').fill('12-12-1988');
    await page.getByLabel('Aanhouding', { exact: true }).fill(hoursAgo(30));
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaak 19/777002-26' }).waitFor();
    await page.getByLabel('Beslissing *').selectOption('summons_snelrecht_nd');
    await page.getByLabel('Officier van justitie *').fill('mr. E. Meijer');
    await page.getByLabel('Reden *').fill('Verdachte heengezonden; snelrecht niet-gedetineerd.');
    await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();

    // Issue 11 item 3: the date comes first, the suspect is served for it. The case is ready for
    // planning although the summons is not served; nothing to serve by yet, as there is no date.
    await page.getByTestId('case-modality').getByText('Snelrecht niet-gedetineerd').waitFor();
    await page.getByTestId('readiness').getByText('Ja: niets ontbreekt voor de planning.').waitFor();
    expect(await page.getByTestId('readiness-gaps').count()).toBe(0);
    expect(await page.getByText('Dagvaarding nog niet betekend').count()).toBe(0);
    expect(await page.getByTestId('summons-serve-by').count()).toBe(0);

    // Planned by hand on a session that breaks no rule (none before the end of the summons term counted from now).
    const select = page.getByLabel('Zitting (komende zes weken)');
    await expect.poll(() => select.locator('option:not([value=""])').count()).toBeGreaterThan(0);
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const target = options.find((o) => o.value && !o.text.includes('breekt een regel'));
    expect(target, 'a session within six weeks that this case can go to without breaking a rule').toBeDefined();
    await select.selectOption(target!.value);
    await page.getByLabel('Reden *').fill('Eerste vrije zitting na de dagvaardingstermijn.');
    await page.getByRole('button', { name: 'Plaatsen' }).click();
    await page.getByText('Vastgelegd; de geschiedenis toont wie, wanneer en waarom.').waitFor();

    // Now the case page says by when the summons must be served, and the problems list carries it.
    const serveBy = page.getByTestId('summons-serve-by');
    await serveBy.waitFor();
    expect(await serveBy.textContent()).toMatch(/^Nog niet betekend: dagvaarding uiterlijk betekenen op \S+ \d{1,2} \S+ \d{4} \(zittingsdag min de dagvaardingstermijn, art\. 265 lid 1 en art\. 370 Sv\)\.$/);
    expect(await page.getByTestId('case-status').textContent()).toBe('Gepland');
    await expectNoAxeViolations(page);
    await screenshot(page, 'case-summons-serve-by');
    const caseUrl = page.url();
    await page.getByRole('link', { name: /^Problemen \(/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Problemen in de planning' }).waitFor();
    const unserved = page.getByTestId('problems').locator('tbody tr', { hasText: '19/777002-26: dagvaarding uiterlijk betekenen op' });
    await unserved.waitFor();
    expect(await unserved.textContent()).toContain('Dagvaarding voor een geplande zitting nog niet betekend');

    // Recording the service clears it: the line on the case page and the problem.
    await page.goto(caseUrl);
    await page.getByRole('heading', { level: 1, name: 'Zaak 19/777002-26' }).waitFor();
    await page.getByLabel('Betekening dagvaarding', { exact: true }).fill(hoursAgo(2));
    await page.getByLabel('Reden van de wijziging *').fill('Dagvaarding in persoon uitgereikt.');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText('Opgeslagen; termijnen en gereedheid zijn opnieuw berekend.').waitFor();
    await serveBy.waitFor({ state: 'detached' });
    expect(await page.locator('[data-limit="hearingFrom"]').count()).toBe(1);
    const history = await page.getByRole('table', { name: 'Geschiedenis' }).textContent();
    expect(history).toContain('Gebeurtenissen gewijzigd: Betekening dagvaarding');
    expect(history).toContain('Dagvaarding in persoon uitgereikt.');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /^Problemen \(/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Problemen in de planning' }).waitFor();
    await page.getByTestId('problems').waitFor();
    expect(await page.getByTestId('problems').locator('tbody tr', { hasText: '19/777002-26' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the district confirms a legal reading on the settings page; every limit is recomputed and the change is recorded', async () => {
    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('link', { name: 'Termijnen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Termijnen en instellingen' }).waitFor();
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Dagvaardingstermijn politierechter (dagen)' }) });
    await row.getByRole('checkbox').check();
    await page.getByLabel('Reden van de wijziging *').fill('Art. 370 Sv gecontroleerd door de juridisch adviseur.');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText(/Opgeslagen; de termijnen van [\d.]+ zaken zijn opnieuw berekend\./).waitFor();
    expect(await row.textContent()).toContain('Bevestigd door het arrondissement');
    await expectNoAxeViolations(page);
    await screenshot(page, 'settings');
    expect(problems).toEqual([]);
  });

  it('plans: the planner proposes with an explanation per case, the coordinator records it, and the case shows its hearing', async () => {
    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('link', { name: 'Planning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaken plannen op zittingen' }).waitFor();
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    await page.getByTestId('planning-summary').waitFor();
    // The supersnelrecht case made in the first test is either placed before its limit or listed as not feasible: never planned late.
    const link = page.getByRole('link', { name: '19/777001-26' });
    await link.first().waitFor();
    const placed = await page.getByTestId('planning-placements').getByRole('link', { name: '19/777001-26' }).count();
    await expectNoAxeViolations(page);
    await screenshot(page, 'planning-proposal');
    await page.getByRole('button', { name: /^Voorstel vastleggen/ }).click();
    await page.getByRole('heading', { name: 'Planning vastgelegd' }).waitFor();
    await page.getByTestId('planning-placements').getByRole('link').first().click();
    await page.getByTestId('hearing').first().waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('Gepland');
    expect(await page.getByTestId('hearing').first().textContent()).toMatch(/gepland · vroegste zitting/);
    expect(placed === 0 || placed === 1).toBe(true);

    // The coordinator moves it by hand: the form names what a session would break and wants a reason.
    const select = page.getByLabel('Zitting (komende zes weken)');
    await select.waitFor();
    // The sessions arrive after the form: wait for them rather than read an empty list.
    await expect.poll(() => select.locator('option:not([value=""])').count()).toBeGreaterThan(0);
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const target = options.find((o) => o.value && !o.text.includes('breekt een regel')) ?? options.find((o) => o.value)!;
    await select.selectOption(target.value);
    if (target.text.includes('breekt een regel')) await page.getByLabel('Ik weet dit en neem de beslissing; de reden wordt vastgelegd').check();
    await page.getByLabel('Reden *').fill('Advocaat verhinderd op de eerste datum.');
    await page.getByRole('button', { name: 'Verplaatsen' }).click();
    await page.getByText('Vastgelegd; de geschiedenis toont wie, wanneer en waarom.').waitFor();
    const history = await page.getByRole('table', { name: 'Geschiedenis' }).textContent();
    expect(history).toContain('Zitting verplaatst');
    expect(history).toContain('Advocaat verhinderd op de eerste datum.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'case-moved');

    // The problems panel, with its count in the header.
    await page.getByRole('link', { name: /^Problemen \(/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Problemen in de planning' }).waitFor();
    await page.getByTestId('problems').waitFor();
    const count = Number(/\((\d+)\)/.exec((await page.getByRole('link', { name: /^Problemen \(/ }).textContent()) ?? '')?.[1]);
    expect(await page.getByTestId('problems').locator('tbody tr').count()).toBe(count);
    await expectNoAxeViolations(page);
    await screenshot(page, 'problems');
    expect(problems).toEqual([]);
  });

  it('imports a 10,000-row export: exactly the 50 bad rows are shown, all-or-nothing commits nothing, valid-only commits the rest', async () => {
    const { page, problems } = await openPage(browser, server.url, server.now());
    await page.getByRole('link', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaken importeren uit CSV of Excel' }).waitFor();
    const fixture = makeImportCsv(10_000, 50);
    await page.getByLabel('Bestand (.csv of .xlsx)').setInputFiles({ name: 'politie-export.csv', mimeType: 'text/csv', buffer: Buffer.from(fixture.csv) });
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toBe('10.000 rijen: 9.950 goed, 50 met fouten.');
    const shown = await page.getByTestId('import-problems').locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ row: Number(r.children[0]!.textContent), column: r.children[1]!.textContent ?? '' })),
    );
    expect(shown).toEqual(fixture.badRows);
    await expectNoAxeViolations(page);
    await screenshot(page, 'import-report');

    await page.getByLabel('Alles of niets: niets inlezen zolang er fouten zijn').check();
    await page.getByRole('button', { name: 'Inlezen' }).click();
    expect(await page.getByTestId('import-result').textContent()).toBe('Er is niets ingelezen.');

    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByLabel('Alleen de 9.950 goede rijen inlezen').check();
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText('9.950 zaken ingelezen.').waitFor({ timeout: 30_000 });

    // The imported cases wait in the intake list for their ZSM decision, reachable by search too.
    await page.getByRole('link', { name: 'Instroom', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Instroom: zaken die wachten op een ZSM-beslissing' }).waitFor();
    expect(await page.getByTestId('queue-count').textContent()).toMatch(/^(9\.9\d\d|10\.\d{3}) zaken$/);
    expect(await page.title()).toBe('Instroom: zaken die wachten op een ZSM-beslissing · Ketenplanner');
    await expectNoAxeViolations(page);
    await page.getByLabel('Parketnummer van de zaak').fill('19/200000-26');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaak 19/200000-26' }).waitFor();
    expect(problems).toEqual([]);
  });
});
