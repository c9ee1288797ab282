import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALL_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';
import { serveDemoDistrict } from './support/served-district';

/**
 * Undo (issue 15 item 3) in real Chromium: move a case in the week view by its 'Verplaatsen' button,
 * 'Ongedaan maken' in the status message puts it back; an undo refused because someone changed the
 * case meanwhile shows the Dutch reason (who, when, what). The newest move of a case is offered in its
 * history too.
 */
const district = serveDemoDistrict(SMALL_DEMO, 'kp-e2e-undo-');
const WEEK = '2026-06-29';
const WEEK_END = '2026-07-05';

function sql<T>(query: string, ...params: unknown[]): T[] {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    return sqlite.prepare(query).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

async function api<T>(operation: string, input: unknown): Promise<T> {
  const token = new URL(district.server.url).hash.replace('#token=', '');
  const response = await fetch(`${district.server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `e2e-undo-${operation}-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
  return envelope.value as T;
}

interface Move {
  caseId: number;
  parketnummer: string;
  fromSessionId: number;
  toSessionId: number;
}

/** Planned cases of the week, each with another session of the same week it can go to without breaking a rule. */
async function movableCases(count: number): Promise<Move[]> {
  // The demo leaves the weeks ahead to the planner: record its plan for the week first.
  await api('planner.run', { from: WEEK, to: WEEK_END, dryRun: false });
  const planned = sql<{ caseId: number; parketnummer: string; sessionId: number }>(
    `select c.id as caseId, c.parketnummer, h.session_id as sessionId from hearing h join criminal_case c on c.id = h.case_id join court_session s on s.id = h.session_id
     where h.status = 'planned' and c.status = 'planned' and c.modality != 'zsm' and s.date between ? and ? order by s.date, h.id`,
    WEEK,
    WEEK_END,
  );
  const moves: Move[] = [];
  for (const p of planned) {
    const candidates = await api<{ sessionId: number; free: number; breaches: string[] }[]>('planner.candidates', { caseId: p.caseId, from: WEEK, to: WEEK_END });
    const fit = candidates.find((c) => c.breaches.length === 0 && c.free >= 1);
    if (fit) moves.push({ caseId: p.caseId, parketnummer: p.parketnummer, fromSessionId: p.sessionId, toSessionId: fit.sessionId });
    if (moves.length === count) return moves;
  }
  throw new Error(`only ${moves.length} movable cases in the week of ${WEEK} (${planned.length} planned)`);
}

/** The keyboard way of the week view: the case's own 'Verplaatsen' button, the dialog, the reason. */
async function moveInWeek(page: Page, move: Move, reason: string) {
  const button = page.getByRole('button', { name: `Zaak ${move.parketnummer} verplaatsen` });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Zaak ${move.parketnummer} verplaatsen` });
  await dialog.waitFor();
  await dialog.getByLabel('Naar zitting (komende zes weken)').selectOption(String(move.toSessionId));
  await dialog.getByLabel('Reden *').fill(reason);
  await dialog.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
  await page.locator(`article[data-session-id="${move.toSessionId}"] li[data-case-id="${move.caseId}"]`).waitFor();
}

describe('undo in real Chromium', () => {
  it('moves a case in the week view and puts it back with Ongedaan maken; a refused undo says why; the case history offers the newest move', async () => {
    const [first, second, third] = await movableCases(3);
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.goto(`${district.server.origin}/#/zittingen?week=${WEEK}`);
    await page.locator(`li[data-case-id="${first!.caseId}"]`).waitFor();

    await moveInWeek(page, first!, 'Advocaat verhinderd.');
    const notice = page.getByTestId('move-outcome');
    await notice.getByText(`Zaak ${first!.parketnummer} staat nu op`).waitFor();
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'undo-move-notice');

    // Keyboard: the button is in reach and works with Enter.
    await notice.getByRole('button', { name: 'Ongedaan maken' }).focus();
    await page.keyboard.press('Enter');
    await notice.getByText(`Zaak ${first!.parketnummer} staat weer op de zitting van`).waitFor();
    await page.locator(`article[data-session-id="${first!.fromSessionId}"] li[data-case-id="${first!.caseId}"]`).waitFor();
    expect(await page.locator(`article[data-session-id="${first!.toSessionId}"] li[data-case-id="${first!.caseId}"]`).count()).toBe(0);
    expect(await notice.getByRole('button', { name: 'Ongedaan maken' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'undo-move-done');
    const undoRows = sql<{ reason: string }>("select reason from audit_event where action = 'undo.move' and entity_id = ?", first!.caseId);
    expect(undoRows.map((r) => r.reason)).toEqual([expect.stringMatching(/^Ongedaan gemaakt: het verplaatsen van de zaak door .* \(Advocaat verhinderd\.\)$/)]);

    // A second move; someone else corrects that case meanwhile: the undo is refused, saying who and what.
    await moveInWeek(page, second!, 'Zitting te vol.');
    await notice.getByText(`Zaak ${second!.parketnummer} staat nu op`).waitFor();
    const version = sql<{ version: number }>('select version from criminal_case where id = ?', second!.caseId)[0]!.version;
    await api('cases.updateEvents', { caseId: second!.caseId, changes: { estimatedMinutes: 25 }, reason: 'Tolk nodig.', expectedVersion: version });
    await notice.getByRole('button', { name: 'Ongedaan maken' }).click();
    await notice.getByText(/kan niet meer ongedaan worden gemaakt: Zaak .*: Deze zaak is intussen gewijzigd door .* op 15-6-2026 om \d\d:\d\d \(tijdstippen gecorrigeerd\)/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'undo-refused');
    expect(sql("select 1 from hearing where case_id = ? and session_id = ? and status = 'planned'", second!.caseId, second!.toSessionId)).toHaveLength(1);

    // The case history: 'Ongedaan maken' on the newest move, while it can still be undone.
    await moveInWeek(page, third!, 'Dubbele boeking.');
    await page.goto(`${district.server.origin}/#/zaken/${third!.caseId}`);
    const history = page.getByRole('table', { name: 'Geschiedenis' });
    await history.waitFor();
    const newest = history.getByRole('row').nth(1);
    await newest.getByRole('button', { name: 'Ongedaan maken' }).click();
    await page.getByTestId('history-undo-status').getByText(`Zaak ${third!.parketnummer} staat weer op de zitting van`).waitFor();
    await history.getByRole('cell', { name: 'Verplaatsing ongedaan gemaakt' }).waitFor();
    expect(await history.getByRole('button', { name: 'Ongedaan maken' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'undo-case-history');
    expect(sql("select 1 from hearing where case_id = ? and session_id = ? and status = 'planned'", third!.caseId, third!.fromSessionId)).toHaveLength(1);
    // The one refusal (409) is the undo refused on purpose above.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  });
});
