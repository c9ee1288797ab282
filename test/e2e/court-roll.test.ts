import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';
import { serveDemoDistrict } from './support/served-district';

/**
 * Issue 15 item 4: the court roll (zittingsrol) of a session as a printable page, reached from the week
 * view, and the week view itself printable. (The PDFs themselves: test/integration/print-pdf.test.ts.)
 */
const WEEK = STANDARD_DEMO.asOf;
const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-roll-');

interface RollCase {
  parketnummer: string;
  suspect: string;
}

/** The first session of the week with at least two cases, and its cases in roll order, from the database. */
function sessionWithCases(): { id: number; startTime: string; judge: string | null; cases: RollCase[] } {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    const session = sqlite
      .prepare(
        `select s.id, s.start_time as startTime, j.name as judge from court_session s left join person j on j.id = s.judge_id
         where s.status = 'scheduled' and s.date between ? and date(?, '+6 days')
         and (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) >= 2 order by s.date, s.start_time, s.id limit 1`,
      )
      .get(WEEK, WEEK) as { id: number; startTime: string; judge: string | null };
    const cases = sqlite
      .prepare(
        `select c.parketnummer, su.full_name as suspect from hearing h join criminal_case c on c.id = h.case_id join suspect su on su.id = c.suspect_id
         where h.session_id = ? and h.status in ('planned','held') order by h.id`,
      )
      .all(session.id) as RollCase[];
    return { ...session, cases };
  } finally {
    sqlite.close();
  }
}

describe('the court roll and the printable week in Chromium', () => {
  it('opens the roll of a session from the week, shows its cases in order, prints without the app around it', async () => {
    const expected = sessionWithCases();
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/zittingen?week=${WEEK}`);
    const card = page.locator(`[data-session-id="${expected.id}"]`);
    await card.getByRole('link', { name: /^Zittingsrol van de zitting/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Zittingsrol .* 2026/ }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/zittingen/${expected.id}/rol`);

    const rows = page.locator('.court-roll-table tbody tr');
    expect(await rows.count()).toBe(expected.cases.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th:not(.select-cell), td:not(.select-cell)')].map((cell) => cell.textContent?.trim() ?? '')));
    expect(shown.map((cells) => cells[1])).toEqual(expected.cases.map((c) => c.parketnummer));
    expect(shown.map((cells) => cells[2])).toEqual(expected.cases.map((c) => c.suspect));
    expect(shown[0]![0]).toBe(expected.startTime);
    // Detained or not in words, never by colour alone.
    expect(shown.every((cells) => cells[6] === 'ja' || cells[6] === 'nee')).toBe(true);
    await expect(page.locator('.court-roll-facts').textContent()).resolves.toContain(expected.judge ?? 'nog niet ingedeeld');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'court-roll');

    // Browser mode: the button opens the browser's print dialog (window.print).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: 'Afdrukken / PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // Printed: no app header, no buttons or links back; the table's header row repeats on every page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Afdrukken / PDF' }).isVisible()).resolves.toBe(false);
    expect(await page.locator('.court-roll-table thead').evaluate((head) => getComputedStyle(head).display)).toBe('table-header-group');
    await screenshot(page, 'court-roll-print');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints the week in landscape with every session and its cases, and no controls', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/zittingen?week=${WEEK}`);
    await page.locator('[data-session-id]').first().waitFor();
    await expect(page.getByRole('button', { name: 'Afdrukken / PDF' }).isVisible()).resolves.toBe(true);
    // A roll folded on screen still prints: the cases of every session are visible on paper.
    const folded = page.locator('details.session-roll').first();
    await folded.locator('summary').click();
    expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: 'print' });
    await expect(folded.locator('li.roll-case').first().isVisible()).resolves.toBe(true);
    const cases = await page.locator('li.roll-case').count();
    const visible = await page.locator('li.roll-case').evaluateAll((items) => items.filter((li) => (li as HTMLElement).offsetParent !== null).length);
    expect(visible).toBe(cases);
    for (const control of ['.week-tools', '.week-nav', '.app-header']) await expect(page.locator(control).first().isVisible()).resolves.toBe(false);
    expect(await page.locator('.sessions-week-page button:visible').count()).toBe(0);
    expect(await page.locator('.sessions-week-page').evaluate((root) => getComputedStyle(root).getPropertyValue('page'))).toBe('week');
    await screenshot(page, 'week-print');
    expect(problems).toEqual([]);
    await page.close();
  });
});
