import { serveDemoDistrict } from './support/served-district';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, SCREENSHOT_DIR } from './support/browser';

/**
 * Issue 15 item 1 on screen: the one search box in the header. Ctrl+K from anywhere, part of a name
 * typed without its diacritics, arrow down, Enter: the case opens. The open list passes axe.
 */

interface Target {
  id: number;
  parketnummer: string;
}
let target: Target = { id: 0, parketnummer: '' };

/** Gives the newest open detained case whose hard limit binds a suspect with a name of its own (the demo's names repeat). */
const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-search-', (file) => {
  const sqlite = new Database(file);
  try {
    target = sqlite
      .prepare("select id, parketnummer from criminal_case where modality in ('snelrecht', 'supersnelrecht') and status in ('intake', 'zsm_decided', 'awaiting_planning', 'planned') and next_limit_kind in ('voorgeleiding', 'hearing') order by id desc limit 1")
      .get() as Target;
    sqlite.prepare("update suspect set full_name = 'Ömer Öztürk-Visser' where id = (select suspect_id from criminal_case where id = ?)").run(target.id);
  } finally {
    sqlite.close();
  }
});

describe('the search box in the header in real Chromium', () => {
  it('Ctrl+K, part of a name, arrow down and Enter land on the case; the open list passes axe', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/zittingen`);
    const box = page.getByRole('combobox', { name: 'Zaak zoeken op naam, parketnummer, politie-eenheid of feit' });
    await box.waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    // From anywhere on the page.
    await page.keyboard.press('Control+K');
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);

    // Results as you type: a common surname lists several cases, open ones newest first.
    await page.keyboard.type('visser', { delay: 30 });
    const options = page.getByRole('option');
    await options.first().waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await options.count()).toBeGreaterThan(3);
    for (const text of await options.allTextContents()) expect(text).toMatch(/visser/i);
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    // The window as the user sees it (the list lies over the week view), not the whole long page.
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-search-open.png') });
    expect(await axeViolations(page)).toEqual([]);

    // Escape closes the list; then a name part without its diacritics finds the one case.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('[role="combobox"]')?.getAttribute('aria-expanded') === 'false');
    await box.fill('');
    await page.keyboard.type('ozturk', { delay: 30 });
    await page.getByRole('status').filter({ hasText: '1 zaak gevonden' }).waitFor();
    expect(await options.count()).toBe(1);
    const text = (await options.first().textContent()) ?? '';
    for (const part of [target.parketnummer, 'Ömer Öztürk-Visser', 'geb.', 'Gedetineerd', '(wettelijk)']) expect(text).toContain(part);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/zaken/${target.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(target.parketnummer) }).waitFor();
    expect(await box.inputValue()).toBe('');

    // Nothing found is said in words.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('qqqzzz');
    await page.getByText('Geen zaken gevonden voor ‘qqqzzz’', { exact: false }).waitFor();
    expect(problems).toEqual([]);
  });
});
