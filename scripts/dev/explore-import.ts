/**
 * Issue 12 by hand, scripted: the large import as a coordinator uses it, in real Chromium against
 * `ketenplanner serve` (the built app, dist/), with a numbered screenshot after each step and a log of
 * what was seen. Not a test: every step runs even when an earlier one found something.
 *
 *   npx tsx scripts/dev/explore-import.ts [--out /tmp/explore-import] [--rows 100000]
 *
 * Two tabs on the small demo district (clock pinned at E2E_NOW): tab A checks and imports a workbook of
 * `--rows` valid rows, double-clicking 'Inlezen'; meanwhile tab B keeps reading the intake list (it must
 * never show part of the import) and then imports the same file (every row already there). Then the
 * back button, a wrong file and an empty file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../../test/e2e/support/browser';
import { startServe } from '../../test/e2e/support/serve-process';
import { demoDistrictFile, E2E_NOW, SMALL_DEMO } from '../../test/support/e2e-district';
import { largeXlsx } from '../fuzz/import-files';

const { values: args } = parseArgs({ options: { out: { type: 'string', default: '/tmp/explore-import' }, rows: { type: 'string', default: '100000' } } });
const OUT = path.resolve(args.out!);
const ROWS = Number(args.rows);
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const startedAt = Date.now();
let shotNumber = 0;
const note = (step: string, text: string) => console.log(`${String(Math.round((Date.now() - startedAt) / 1000)).padStart(4)}s [${step}] ${text}`);
async function shot(page: Page, name: string, full = false) {
  const file = path.join(OUT, `${String(++shotNumber).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: full });
  note('shot', file);
}
async function step(name: string, page: Page, work: () => Promise<void>) {
  note(name, 'start');
  try {
    await work();
  } catch (error) {
    note(name, `FAILED: ${error instanceof Error ? error.message.split('\n').slice(0, 4).join(' | ') : String(error)}`);
    await shot(page, `${name}-failed`).catch(() => undefined);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-explore-import-'));
const server = await startServe(await demoDistrictFile(SMALL_DEMO, dir), E2E_NOW);
const browser = await launchChromium();
const workbook = await largeXlsx(ROWS);
note('setup', `${ROWS} rows, ${(workbook.length / 1048576).toFixed(1)} MB workbook; ${server.url}`);

const a = await openPage(browser, server.url, server.now());
const b = await openPage(browser, server.url, server.now());
const toImport = async (page: Page) => {
  await page.getByRole('link', { name: 'Importeren', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Zaken importeren uit CSV of Excel' }).waitFor();
};
const intakeCount = async (page: Page) => (await page.getByTestId('queue-count').textContent()) ?? '';
const toIntake = async (page: Page) => {
  await page.getByRole('link', { name: 'Instroom', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Instroom: zaken die wachten op een ZSM-beslissing' }).waitFor();
  await page.getByTestId('queue-count').waitFor();
};

let before = '';
await step('b-reads-intake', b.page, async () => {
  await toIntake(b.page);
  before = await intakeCount(b.page);
  note('b-reads-intake', `intake list before: ${before}`);
});

await step('a-checks-file', a.page, async () => {
  await toImport(a.page);
  await a.page.getByLabel('Bestand (.csv of .xlsx)').setInputFiles({ name: 'politie-export.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
  const started = Date.now();
  await a.page.getByRole('button', { name: 'Bestand controleren' }).click();
  await a.page.getByTestId('import-rows-read').filter({ hasText: /rijen gelezen/ }).waitFor({ timeout: 30_000 }).catch(() => undefined);
  note('a-checks-file', `progress shown: ${await a.page.getByTestId('import-rows-read').textContent().catch(() => '(gone)')}`);
  await shot(a.page, 'a-checking');
  await a.page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
  note('a-checks-file', `${await a.page.getByTestId('import-summary').textContent()} (${Date.now() - started} ms)`);
  await shot(a.page, 'a-checked');
  note('a-checks-file', `axe: ${JSON.stringify(await axeViolations(a.page))}`);
});

await step('a-imports-double-click-while-b-reads', a.page, async () => {
  await a.page.getByLabel(/^Alleen de .* goede rijen inlezen$/).check();
  const button = a.page.getByRole('button', { name: 'Inlezen' });
  const started = Date.now();
  await button.dblclick();
  // Tab B reads the intake list again and again while A's import runs: never part of it.
  const seen = new Set<string>();
  let done = false;
  const result = a.page.getByText(/zaken ingelezen\.$/).waitFor({ timeout: 120_000 }).then(() => (done = true));
  // The rows read so far, shown while it runs (cases.importProgress, twice a second).
  await a.page.getByTestId('import-rows-read').filter({ hasText: /rijen gelezen/ }).waitFor({ timeout: 30_000 }).catch(() => undefined);
  note('a-imports', `progress shown: ${await a.page.getByTestId('import-rows-read').textContent().catch(() => '(gone)')}`);
  await shot(a.page, 'a-importing');
  while (!done) {
    // Away and back: the list is asked for again (a cached answer is refetched on return).
    await b.page.getByRole('link', { name: 'Importeren', exact: true }).click();
    await toIntake(b.page);
    await b.page.waitForTimeout(300);
    seen.add(await intakeCount(b.page));
  }
  await result;
  note('a-imports', `${await a.page.getByTestId('import-result').textContent()} (${Date.now() - started} ms)`);
  note('b-reads-intake', `counts B saw during the import: ${[...seen].join(' | ')} (before: ${before})`);
  await shot(a.page, 'a-imported');
  await b.page.getByRole('link', { name: 'Importeren', exact: true }).click();
  await toIntake(b.page);
  await b.page.waitForTimeout(500);
  note('b-reads-intake', `after: ${await intakeCount(b.page)}`);
  await shot(b.page, 'b-intake-after');
});

await step('b-imports-same-file', b.page, async () => {
  await toImport(b.page);
  await b.page.getByLabel('Bestand (.csv of .xlsx)').setInputFiles({ name: 'politie-export.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
  await b.page.getByRole('button', { name: 'Bestand controleren' }).click();
  await b.page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
  note('b-imports-same-file', `${await b.page.getByTestId('import-summary').textContent()}`);
  await shot(b.page, 'b-same-file-checked');
  // The 100,000 problems are a virtual list: scrolled halfway, the rows there are in the page.
  const region = b.page.getByRole('region', { name: / problemen$/ });
  await region.evaluate((box) => (box.scrollTop = box.scrollHeight / 2));
  await b.page.waitForTimeout(300);
  const rows = await b.page.getByTestId('import-problems').locator('tbody tr:not([aria-hidden])').count();
  note('b-imports-same-file', `rows in the page: ${rows}; halfway shows row ${await b.page.getByTestId('import-problems').locator('tbody tr:not([aria-hidden]) td').first().textContent()}`);
  await region.scrollIntoViewIfNeeded();
  await shot(b.page, 'b-problems-halfway');
  note('b-imports-same-file', `axe: ${JSON.stringify(await axeViolations(b.page))}`);
});

await step('a-back-button', a.page, async () => {
  await a.page.goBack();
  note('a-back-button', `after back: ${await a.page.locator('h1').first().textContent()} (${a.page.url().replace(/#token=\S+/, '#token=…')})`);
  await shot(a.page, 'a-after-back');
});

await step('a-wrong-and-empty-files', a.page, async () => {
  await toImport(a.page);
  await a.page.getByLabel('Bestand (.csv of .xlsx)').setInputFiles({ name: 'kapot.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a workbook') });
  await a.page.getByRole('button', { name: 'Bestand controleren' }).click();
  await a.page.getByRole('alert').first().waitFor({ timeout: 30_000 });
  note('a-wrong-file', `${await a.page.getByRole('alert').first().textContent()}`);
  await shot(a.page, 'a-broken-workbook');
  await a.page.getByLabel('Bestand (.csv of .xlsx)').setInputFiles({ name: 'leeg.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await a.page.getByRole('button', { name: 'Bestand controleren' }).click();
  await a.page.waitForTimeout(1000);
  note('a-empty-file', `${await a.page.getByRole('alert').first().textContent()}`);
  await shot(a.page, 'a-empty-file');
});

note('problems', `tab A: ${JSON.stringify(a.problems)}; tab B: ${JSON.stringify(b.problems)}`);
await browser.close();
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });
