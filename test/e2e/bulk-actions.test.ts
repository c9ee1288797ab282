import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STANDARD_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';
import { serveDemoDistrict } from './support/served-district';

/**
 * Issue 15 item 2, bulk work: select cases in Instroom (mouse, keyboard, shift-click), record one ZSM
 * decision for all, see which were recorded and which not and why. And the measurement the issue made
 * (16 decisions took 87 clicks and 815 keystrokes): the user actions for 16 decisions one by one on the
 * case page, and for the same 16 in one bulk action, counted by the helper that performs them.
 */
const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-bulk-');

function sql<T>(query: string, ...params: unknown[]): T[] {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    return sqlite.prepare(query).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

/** A write through the served HTTP api, as another user would do it at the same time. */
async function api<T>(operation: string, input: unknown): Promise<T> {
  const token = new URL(district.server.url).hash.replace('#token=', '');
  const response = await fetch(`${district.server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `e2e-bulk-${operation}-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
  return envelope.value as T;
}

/** New cases awaiting their ZSM decision, of one police unit so a filter shows exactly them. */
async function intakeCases(unit: string, first: number, n: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const parketnummer = `19/${first + i}-26`;
    await api('cases.create', {
      parketnummer,
      suspect: { fullName: `T. Bulk ${i + 1}`, dateOfBirth: '1990-05-06', summonsAddress: 'Postbus 1, Hanzestad', lawyerName: null },
      modality: 'zsm',
      policeUnit: unit,
      offenceSummary: 'Winkeldiefstal',
      offenceAt: '2026-06-14T16:40:00+02:00',
      arrestedAt: '2026-06-14T17:05:00+02:00',
      custodyOrderedAt: null,
      shortTermConsent: true,
    });
    numbers.push(parketnummer);
  }
  return numbers;
}

/**
 * Performs user actions and counts them as the issue did: a click is one mouse click (choosing in a
 * drop-down list is two: open, choose), a keystroke one key (typing a text: one per character).
 */
function actionCounter(page: Page) {
  const counted = { clicks: 0, keystrokes: 0 };
  return {
    counted,
    click: async (target: Locator, options: { modifiers?: ('Shift' | 'Control')[] } = {}) => {
      await target.click(options);
      counted.clicks += 1;
      counted.keystrokes += options.modifiers?.length ?? 0;
    },
    choose: async (select: Locator, label: string) => {
      await select.selectOption({ label });
      counted.clicks += 2;
    },
    type: async (field: Locator, text: string) => {
      await field.click();
      counted.clicks += 1;
      // Filled at once to keep the test fast; a user types it: one keystroke per character.
      await field.fill(text);
      counted.keystrokes += text.length;
    },
    press: async (key: string) => {
      await page.keyboard.press(key);
      counted.keystrokes += 1;
    },
  };
}

const PROSECUTOR = 'mr. J. de Vries';
const REASON = 'Geringe ernst, first offender, schade vergoed.';

async function expectNoAxe(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('bulk work in Instroom (issue 15, item 2)', () => {
  it('selects three cases with mouse, keyboard and shift-click, records one decision, and lists the one refused with its reason', async () => {
    const numbers = await intakeCases('Basisteam Bulk Drie', 510001, 3);
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instroom', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Instroom/ }).waitFor();
    await page.getByLabel('Politie-eenheid', { exact: true }).selectOption({ label: 'Basisteam Bulk Drie' });
    await page.getByTestId('queue-count').filter({ hasText: '3 zaken' }).waitFor();

    // Mouse on the first, keyboard (Tab past the case link, Space) on the second, shift-click back to the first.
    await page.getByRole('checkbox', { name: `Selecteer zaak ${numbers[0]}` }).click();
    const bar = page.getByRole('region', { name: 'Actie voor de geselecteerde zaken' });
    await bar.getByText('1 zaak geselecteerd').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Selecteer zaak ${numbers[1]}`);
    await page.keyboard.press('Space');
    await bar.getByText('2 zaken geselecteerd').waitFor();
    await page.getByRole('checkbox', { name: `Selecteer zaak ${numbers[2]}` }).click({ modifiers: ['Shift'] });
    await bar.getByText('3 zaken geselecteerd').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Selecteer alle getoonde zaken (hoogstens 200)' }).isChecked()).toBe(true);

    await bar.getByLabel('Beslissing *').selectOption({ label: 'Sepot' });
    await bar.getByLabel('Officier van justitie *').fill(PROSECUTOR);
    await bar.getByLabel('Reden *').fill(REASON);
    await expectNoAxe(page);
    await screenshot(page, 'bulk-instroom-selection');

    // Meanwhile someone else corrects the second case: it was selected at its old version.
    const second = sql<{ id: number; version: number }>('select id, version from criminal_case where parketnummer = ?', numbers[1])[0]!;
    await api('cases.updateEvents', { caseId: second.id, changes: { estimatedMinutes: 25 }, reason: 'Tolk nodig.', expectedVersion: second.version });

    await bar.getByRole('button', { name: 'Beslissing vastleggen voor 3 zaken' }).click();
    const result = page.getByTestId('bulk-result');
    await result.getByRole('heading', { name: '2 vastgelegd, 1 niet' }).waitFor();
    expect(await result.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${numbers[1]}: Deze zaak is intussen gewijzigd door .* \\(tijdstippen gecorrigeerd\\)`))]);
    // The refused case stays selected (and in the list); the recorded ones left the list.
    await bar.getByText('1 zaak geselecteerd').waitFor();
    await page.getByTestId('queue-count').filter({ hasText: '1 zaak' }).waitFor();
    expect(await page.getByRole('checkbox', { name: `Selecteer zaak ${numbers[1]}` }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('2 vastgelegd, 1 niet');
    await expectNoAxe(page);
    await screenshot(page, 'bulk-instroom-result');
    // Keyboard only: closing the result and clearing the selection remove the button pressed; focus goes back to the list.
    const activeLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
    await result.getByRole('button', { name: 'Resultaat sluiten' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => result.count()).toBe(0);
    await expect.poll(activeLabel).toBe('Selecteer alle getoonde zaken (hoogstens 200)');
    await bar.getByRole('button', { name: 'Selectie opheffen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => bar.count()).toBe(0);
    await expect.poll(activeLabel).toBe('Selecteer alle getoonde zaken (hoogstens 200)');

    // Each recorded case has its own audit row; the refused one has none.
    const audited = sql<{ parketnummer: string }>(
      "select c.parketnummer from audit_event a join criminal_case c on c.id = a.entity_id where a.action = 'zsm.decided' and a.entity_type = 'case' and c.police_unit = 'Basisteam Bulk Drie' order by c.parketnummer",
    );
    expect(audited.map((r) => r.parketnummer)).toEqual([numbers[0], numbers[2]]);
    expect(problems).toEqual([]);
  });

  it('measures 16 decisions: one by one on the case page, then in one bulk action', async () => {
    // One by one, every case takes exactly the same actions: the page does it for ONE_BY_ONE cases, each
    // counted on its own (they must be equal), and 16 decisions are the opening actions plus 16 times one
    // case's count. Sixteen real round trips through the case page added nothing but 5 s to the run.
    const ONE_BY_ONE = 3;
    const single = await intakeCases('Basisteam Bulk Enkel', 520001, ONE_BY_ONE);
    const bulk = await intakeCases('Basisteam Bulk Samen', 530001, 16);
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });

    // Before: per case the case from the filtered Instroom list, its decision form, and back to the list.
    const before = actionCounter(page);
    await before.click(nav.getByRole('link', { name: 'Instroom', exact: true }));
    await before.choose(page.getByLabel('Politie-eenheid', { exact: true }), 'Basisteam Bulk Enkel');
    const opening = { ...before.counted };
    const perCase: { clicks: number; keystrokes: number }[] = [];
    for (const parketnummer of single) {
      const left = ONE_BY_ONE - single.indexOf(parketnummer);
      await page.getByTestId('queue-count').filter({ hasText: left === 1 ? '1 zaak' : `${left} zaken` }).waitFor();
      const start = { ...before.counted };
      await before.click(page.getByRole('link', { name: parketnummer, exact: true }));
      const form = page.getByRole('form', { name: 'ZSM-beslissing' });
      await before.choose(form.getByLabel('Beslissing *'), 'Sepot');
      await before.type(form.getByLabel('Officier van justitie *'), PROSECUTOR);
      await before.type(form.getByLabel('Reden *'), REASON);
      await before.click(form.getByRole('button', { name: 'Beslissing vastleggen' }));
      await page.getByTestId('zsm-decision').waitFor();
      // The browser's Back button (one click): the list with its filter.
      await page.goBack();
      before.counted.clicks += 1;
      perCase.push({ clicks: before.counted.clicks - start.clicks, keystrokes: before.counted.keystrokes - start.keystrokes });
    }
    expect(perCase.every((c) => c.clicks === perCase[0]!.clicks && c.keystrokes === perCase[0]!.keystrokes)).toBe(true);
    const oneByOne = { clicks: opening.clicks + 16 * perCase[0]!.clicks, keystrokes: opening.keystrokes + 16 * perCase[0]!.keystrokes };
    // What the full sixteen-case run counted (the issue counted 87 clicks and 815 keystrokes by hand).
    expect(oneByOne).toEqual({ clicks: 115, keystrokes: 976 });

    // After: Instroom, filter, select all shown, one decision.
    const after = actionCounter(page);
    await after.click(nav.getByRole('link', { name: 'Instroom', exact: true }));
    await page.getByRole('heading', { level: 1, name: /^Instroom/ }).waitFor();
    await after.choose(page.getByLabel('Politie-eenheid', { exact: true }), 'Basisteam Bulk Samen');
    await page.getByTestId('queue-count').filter({ hasText: '16 zaken' }).waitFor();
    await after.click(page.getByRole('checkbox', { name: 'Selecteer alle getoonde zaken (hoogstens 200)' }));
    const bar = page.getByRole('region', { name: 'Actie voor de geselecteerde zaken' });
    await bar.getByText('16 zaken geselecteerd').waitFor();
    await after.choose(bar.getByLabel('Beslissing *'), 'Sepot');
    await after.type(bar.getByLabel('Officier van justitie *'), PROSECUTOR);
    await after.type(bar.getByLabel('Reden *'), REASON);
    await after.click(bar.getByRole('button', { name: 'Beslissing vastleggen voor 16 zaken' }));
    await page.getByTestId('bulk-result').getByRole('heading', { name: '16 vastgelegd, 0 niet' }).waitFor();

    const decided = (unit: string) =>
      sql<{ n: number }>("select count(*) as n from criminal_case c where c.police_unit = ? and c.status = 'completed' and exists (select 1 from audit_event a where a.action = 'zsm.decided' and a.entity_id = c.id)", unit)[0]!.n;
    expect(decided('Basisteam Bulk Enkel')).toBe(ONE_BY_ONE);
    expect(decided('Basisteam Bulk Samen')).toBe(16);
    expect(sql<{ parketnummer: string }>("select parketnummer from criminal_case where police_unit = 'Basisteam Bulk Samen' order by parketnummer").map((r) => r.parketnummer)).toEqual(bulk);
    console.info(
      `16 ZSM decisions: one by one ${oneByOne.clicks} clicks and ${oneByOne.keystrokes} keystrokes; in bulk ${after.counted.clicks} clicks and ${after.counted.keystrokes} keystrokes`,
    );
    expect(after.counted.clicks).toBeLessThan(oneByOne.clicks / 5);
    expect(after.counted.keystrokes).toBeLessThan(oneByOne.keystrokes / 10);
    expect(problems).toEqual([]);
  });

  it('releases two reservations at once on the reservations page, each with its own audit row', async () => {
    const sessions = sql<{ id: number }>(
      `select s.id from court_session s where s.status = 'scheduled' and s.session_type = 'snelrecht_nd' and s.date between '2026-06-22' and '2026-07-10'
       and s.capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) - coalesce((select sum(r.slots) from reservation r where r.session_id = s.id and r.released_at is null), 0) >= 1
       order by s.date, s.id limit 2`,
    );
    expect(sessions).toHaveLength(2);
    const made = [];
    for (const s of sessions) made.push(await api<{ id: number }>('reservations.reserve', { sessionId: s.id, modality: 'snelrecht_nd', slots: 1, note: 'bulk-e2e' }));
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Reserveringen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Reserveringen van het OM' }).waitFor();
    // The two just made: their rows carry the note.
    const ticks = page.locator('li', { hasText: '(bulk-e2e)' }).getByRole('checkbox', { name: /^Selecteer reservering 1 plaats · / });
    await expect.poll(() => ticks.count()).toBe(2);
    await ticks.nth(0).click();
    await page.keyboard.press('Tab');
    await ticks.nth(1).check();
    const bar = page.getByRole('region', { name: 'Geselecteerde reserveringen vrijgeven' });
    await bar.getByText('2 reserveringen geselecteerd').waitFor();
    await bar.getByLabel('Reden van vrijgave *').fill('Geen aanbod deze week.');
    await expectNoAxe(page);
    await screenshot(page, 'bulk-reservations-selection');
    await bar.getByRole('button', { name: '2 reserveringen vrijgeven' }).click();
    await page.getByTestId('bulk-result').getByRole('heading', { name: '2 vrijgegeven, 0 niet' }).waitFor();
    expect(await bar.count()).toBe(0);
    // Closed by keyboard: focus goes to the page's heading, not to the start of the document.
    await page.getByRole('button', { name: 'Resultaat sluiten' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reserveringen van het OM');
    for (const r of made) {
      expect(sql("select actor, reason from audit_event where action = 'reservation.released' and entity_type = 'reservation' and entity_id = ?", r.id)).toHaveLength(1);
    }
    await expectNoAxe(page);
    expect(problems).toEqual([]);
  });

  it('places two cases from the Werkvoorraad on one session; each case is checked on its own', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Werkvoorraad/ }).waitFor();
    await page.getByLabel('Gereedheid', { exact: true }).selectOption({ label: 'Klaar voor planning' });
    const boxes = page.getByRole('checkbox', { name: /^Selecteer zaak / });
    await boxes.first().waitFor();
    const names = [await boxes.nth(0).getAttribute('aria-label'), await boxes.nth(1).getAttribute('aria-label')].map((n) => n!.replace('Selecteer zaak ', ''));
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    const bar = page.getByRole('region', { name: 'Actie voor de geselecteerde zaken' });
    await bar.getByText('2 zaken geselecteerd').waitFor();
    const session = bar.getByLabel('Zitting *', { exact: true });
    await expect.poll(() => session.locator('option').count()).toBeGreaterThan(1);
    // The first session with room for both.
    const options = await session.locator('option').evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
    const roomy = options.find((o) => o.value && Number(/· (\d+) vrij$/.exec(o.label)?.[1] ?? 0) >= 2) ?? options[1]!;
    const sessionId = Number(roomy.value);
    await session.selectOption(roomy.value);
    await bar.getByLabel('Reden van de planning').fill('Samen op de eerstvolgende zitting.');
    await expectNoAxe(page);
    await bar.getByRole('button', { name: '2 zaken plaatsen' }).click();
    const heading = page.getByTestId('bulk-result').getByRole('heading', { name: /^\d geplaatst, \d niet$/ });
    await heading.waitFor();
    const [placed, refused] = ((await heading.textContent()) ?? '').match(/\d+/g)!.map(Number) as [number, number];
    expect(placed + refused).toBe(2);
    const onSession = sql<{ parketnummer: string }>(
      "select c.parketnummer from hearing h join criminal_case c on c.id = h.case_id where h.session_id = ? and h.status = 'planned' and c.parketnummer in (?, ?)",
      sessionId,
      names[0],
      names[1],
    );
    expect(onSession).toHaveLength(placed);
    expect(await page.getByTestId('bulk-result').getByRole('listitem').count()).toBe(refused);
    await screenshot(page, 'bulk-werkvoorraad-result');
    expect(problems).toEqual([]);
  });
});
