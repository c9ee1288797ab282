import { serveDemoDistrict } from './support/served-district';
import Database from 'better-sqlite3';
import { addDays, format } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mondayOf } from '../../renderer/src/pages/sessions/week';
import { parseAcceptedModalities, type SessionType } from '../../shared/domain/session';
import { E2E_NOW, STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';

const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-planning-');

interface RollRow {
  caseId: number;
  parketnummer: string;
  modality: string;
  sessionId: number;
}

interface TargetRow {
  id: number;
  date: string;
  startTime: string;
  sessionType: SessionType;
  acceptedModalities: string;
  capacity: number;
  booked: number;
}

/** What the database says, read independently of the app: a planned case next week and another session that takes it, a full one if there is. */
function pickMove(weekStart: string): { move: RollRow; target: TargetRow } {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    const weekEnd = format(addDays(new Date(`${weekStart}T12:00:00`), 6), 'yyyy-MM-dd');
    const roll = sqlite
      .prepare(
        `select c.id as caseId, c.parketnummer, c.modality, h.session_id as sessionId from hearing h
         join criminal_case c on c.id = h.case_id join court_session s on s.id = h.session_id
         where h.status = 'planned' and s.date between ? and ? order by s.date, h.id`,
      )
      .all(weekStart, weekEnd) as RollRow[];
    const sessions = sqlite
      .prepare(
        `select s.id, s.date, s.start_time as startTime, s.session_type as sessionType, s.accepted_modalities as acceptedModalities, s.capacity_slots as capacity,
                (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) as booked
         from court_session s where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time`,
      )
      .all(weekStart, weekEnd) as TargetRow[];
    const options = roll.flatMap((move) =>
      sessions
        .filter((s) => s.id !== move.sessionId && parseAcceptedModalities(s.acceptedModalities, s.sessionType).includes(move.modality as never))
        .map((target) => ({ move, target })),
    );
    const choice = options.find((o) => o.target.booked >= o.target.capacity) ?? options[0];
    if (!choice) throw new Error(`no movable case in the week of ${weekStart}`);
    return choice;
  } finally {
    sqlite.close();
  }
}

/**
 * A real mouse drag (press, move in steps, release), which fires the browser's own HTML5 drag events.
 * Mouse moves cannot leave the viewport, so the page is made tall enough to show both ends at once.
 */
async function dragWithMouse(page: Page, source: Locator, target: Locator) {
  await page.setViewportSize({ width: 1400, height: 4800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 8, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 12 });
  await page.mouse.up();
  await page.setViewportSize({ width: 1400, height: 900 });
}

async function problemCount(page: Page): Promise<number> {
  const text = (await page.getByRole('link', { name: /^Problemen/ }).textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? 0);
}

describe('planning the week in real Chromium', () => {
  it('runs the planner, drags a case to another session, shows the explanation, and updates the problems', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('link', { name: 'Planning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Zaken plannen op zittingen' }).waitFor();
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    await page.getByTestId('planning-summary').waitFor();
    await page.getByRole('button', { name: /^Voorstel vastleggen/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Planning vastgelegd' }).waitFor();
    await screenshot(page, 'planning-recorded');

    await page.getByRole('link', { name: 'Zittingen', exact: true }).click();
    await page.getByRole('link', { name: /Volgende week/ }).click();
    const weekStart = mondayOf(addDays(new Date(E2E_NOW), 7));
    await page.waitForURL((url) => url.hash.includes(`week=${weekStart}`));
    await page.locator('li.roll-case-movable').first().waitFor();
    const { move, target } = pickMove(weekStart);
    const before = await problemCount(page);
    await screenshot(page, 'week-after-planning');

    // Drag the case onto the other session: the dialog opens with that session chosen.
    await dragWithMouse(page, page.locator(`li[data-case-id="${move.caseId}"]`), page.locator(`article[data-session-id="${target.id}"]`));
    const dialog = page.getByRole('dialog', { name: `Zaak ${move.parketnummer} verplaatsen` });
    await dialog.waitFor();
    const select = dialog.getByLabel('Naar zitting (komende zes weken)');
    await expect.poll(() => select.inputValue()).toBe(String(target.id));
    const full = target.booked >= target.capacity;
    if (full) {
      await dialog.getByText('Deze plaatsing breekt een regel:').waitFor();
      await dialog.getByLabel(/Ik weet dit en neem de beslissing/).check();
    }
    await dialog.getByLabel('Reden *').fill('Verdachte kan alleen op deze dag; afgestemd met de advocaat.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'move-dialog');
    await dialog.getByRole('button', { name: 'Verplaatsen', exact: true }).click();

    const outcome = page.getByTestId('move-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain(`Zaak ${move.parketnummer} staat nu op`);
    expect(await outcome.textContent()).toContain('Uitleg: Handmatig geplaatst door');
    expect(await outcome.textContent()).toContain('Verdachte kan alleen op deze dag');
    const onTarget = page.locator(`article[data-session-id="${target.id}"] li[data-case-id="${move.caseId}"]`);
    await onTarget.waitFor();
    await onTarget.getByText('Waarom hier?').click();
    await onTarget.getByText(/Verdachte kan alleen op deze dag/).waitFor();
    expect(await page.locator(`article[data-session-id="${move.sessionId}"] li[data-case-id="${move.caseId}"]`).count()).toBe(0);

    // The header count follows the change: a full target is now overbooked, a new listing problem.
    if (full) await expect.poll(() => problemCount(page)).toBeGreaterThan(before);
    await screenshot(page, 'week-after-move');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: /^Problemen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Problemen in de planning' }).waitFor();
    if (full) await page.getByRole('cell', { name: 'Zitting overboekt' }).first().waitFor();
    await screenshot(page, 'problems-after-move');

    // The keyboard way: back to the week, the case's own button moves it back.
    await page.goBack();
    await page.locator(`article[data-session-id="${target.id}"] li[data-case-id="${move.caseId}"]`).waitFor();
    const button = page.getByRole('button', { name: `Zaak ${move.parketnummer} verplaatsen` });
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByLabel('Naar zitting (komende zes weken)').selectOption(String(move.sessionId));
    await dialog.getByLabel('Reden *').fill('Toch op de oorspronkelijke zitting.');
    const confirm = dialog.getByLabel(/Ik weet dit en neem de beslissing/);
    if (await confirm.count()) await confirm.check();
    await dialog.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await page.locator(`article[data-session-id="${move.sessionId}"] li[data-case-id="${move.caseId}"]`).waitFor();

    const sqlite = new Database(district.file, { readonly: true });
    const audit = sqlite.prepare("select action, reason from audit_event where action = 'hearing.moved' order by id").all() as { action: string; reason: string }[];
    sqlite.close();
    expect(audit.map((a) => a.reason)).toEqual(['Verdachte kan alleen op deze dag; afgestemd met de advocaat.', 'Toch op de oorspronkelijke zitting.']);
    expect(problems).toEqual([]);
  });
});
