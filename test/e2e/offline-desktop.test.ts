import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TODAY } from '../support/e2e-district';
import { TEST_USERS } from '../support/test-identity-provider';
import { axeViolations, screenshot, SCREENSHOT_DIR } from './support/browser';
import { connectionLine, startOfflineDesktopStack, type OfflineDesktopStack } from './support/offline-desktop-stack';
import { ROOT } from './support/serve-process';

/**
 * Issue 14 in real Chromium: a desktop connected to the district server keeps working when the network
 * is cut. The stack (PostgreSQL, the district server, a TCP proxy the test stops and starts, per person the
 * desktop's back end as Electron's main process runs it, the built UI in Chromium with the bridges as page
 * bindings) is test/e2e/support/offline-desktop-stack.ts, shared with scripts/dev/explore-offline.ts.
 *
 * A clerk records two outcomes while the proxy is down, sees them "nog niet bevestigd", the proxy comes
 * back, both are confirmed on the server. A prosecutor reserves the free places of a session offline;
 * meanwhile someone else takes one; back online the reservation lands in the conflict inbox with the
 * server's reason, and dropping it is recorded on the server.
 * The app restarted without network: the start screen offers the clerk's copy, she records an outcome
 * signed out, the server comes back, she signs in and the outcome is confirmed.
 *
 * Builds: KETENPLANNER_WIRING_BUNDLE (default dist/server/district-wiring.mjs) and
 * KETENPLANNER_RENDERER_ROOT (default dist/renderer), as `npm test` builds them.
 */
const WIRING_BUNDLE = process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs');
const RENDERER_ROOT = process.env['KETENPLANNER_RENDERER_ROOT'] ?? path.join(ROOT, 'dist', 'renderer');

let stack: OfflineDesktopStack;
let owner: pg.Pool;

beforeAll(async () => {
  stack = await startOfflineDesktopStack({ wiringBundle: WIRING_BUNDLE, rendererRoot: RENDERER_ROOT });
  owner = stack.owner;
}, 240_000);

afterAll(async () => {
  await stack?.close();
}, 60_000);

describe('an offline desktop in real Chromium', () => {
  it('a clerk records two outcomes while the server cannot be reached; they are confirmed when it is back', async () => {
    // A session that has begun, with two hearings still without an outcome (read independently of the app).
    const picked = await owner.query<{ sessionId: number; hearingIds: number[]; parketnummers: string[] }>(
      `select s.id as "sessionId", (array_agg(h.id order by h.id))[1:2] as "hearingIds", (array_agg(c.parketnummer order by h.id))[1:2] as parketnummers
         from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
        where s.status = 'scheduled' and s.judge_id is not null and (s.date < $1 or (s.date = $1 and s.start_time <= '09:30')) and h.status in ('planned', 'held') and c.status in ('planned', 'heard')
          and not exists (select 1 from hearing_outcome o where o.hearing_id = h.id)
        group by s.id, s.date having count(*) >= 2 order by s.date desc, s.id limit 1`,
      [E2E_TODAY],
    );
    const roll = picked.rows[0];
    if (!roll) throw new Error('the demo has no held session with two hearings without an outcome');

    const desktop = await stack.startDesktop(TEST_USERS.clerk);
    const window = await stack.openDesktopPage(desktop, `/zittingen/${roll.sessionId}/uitspraken`);
    const { page, problems } = window;
    await page.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
    await expect.poll(() => connectionLine(page).textContent()).toBe(`Verbonden met 127.0.0.1:${stack.proxy.port}`);
    await page.getByRole('region', { name: 'Aangemeld' }).getByText('Greet Smit').waitFor();

    // The network goes.
    await stack.proxy.stop();
    for (const parketnummer of roll.parketnummers) {
      const form = page.getByRole('form', { name: `Uitkomst van zaak ${parketnummer}` });
      await form.getByRole('radio', { name: 'Aangehouden' }).check();
      await form.getByLabel('Weer te plannen vanaf').fill('22-06-2026');
      await form.getByLabel('Reden van aanhouding').fill('Tolk niet aanwezig');
      // A double click: one action, one entry in the outbox.
      await form.getByRole('button', { name: 'Opslaan' }).dblclick();
      await form.waitFor({ state: 'detached' });
      const entry = page.getByRole('listitem').filter({ hasText: parketnummer });
      await entry.getByTestId('recorded-outcome').waitFor();
      await entry.getByTestId('not-confirmed').getByText(/^nog niet bevestigd/).waitFor();
    }
    await expect.poll(() => connectionLine(page).textContent()).toMatch(/^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d, 2 nog niet bevestigd$/);
    expect((await desktop.start.syncStatus())?.pending).toHaveLength(2);
    // F5 while offline, and a second window of the same desktop: the queued outcomes are still there, marked.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
    const otherWindow = await stack.openAnotherWindow(window, `/zittingen/${roll.sessionId}/uitspraken`);
    for (const shown of [page, otherWindow]) {
      await expect.poll(() => shown.getByTestId('not-confirmed').count()).toBe(2);
      await expect.poll(() => connectionLine(shown).textContent()).toMatch(/^Offline sinds .*, 2 nog niet bevestigd$/);
    }
    await otherWindow.close();
    const pendingList = page.locator('details.sync-pending');
    await pendingList.getByText('2 nog niet bevestigd').click();
    const pendingItems = await pendingList.getByRole('listitem').allTextContents();
    expect(pendingItems).toHaveLength(2);
    for (const [index, parketnummer] of roll.parketnummers.entries()) expect(pendingItems[index]).toContain(`Uitkomst vastleggen: zaak ${parketnummer}`);
    // Nothing has reached the server.
    const onServer = () => owner.query<{ recordedBy: string }>('select recorded_by as "recordedBy" from hearing_outcome where hearing_id = any($1::int[])', [roll.hearingIds]);
    expect((await onServer()).rows).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-desktop-clerk-offline');
    await pendingList.getByText('2 nog niet bevestigd').click();

    // The network is back: 'Nu bijwerken' sends the outbox; the server confirms both.
    await stack.proxy.start();
    await page.getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect.poll(() => connectionLine(page).textContent(), { timeout: 30_000 }).toBe(`Verbonden met 127.0.0.1:${stack.proxy.port}`);
    await expect.poll(() => page.getByTestId('not-confirmed').count()).toBe(0);
    for (const parketnummer of roll.parketnummers) await page.getByRole('listitem').filter({ hasText: parketnummer }).getByTestId('recorded-outcome').waitFor();
    expect((await onServer()).rows).toEqual([{ recordedBy: 'Greet Smit (Rechtbank Noord-Holland)' }, { recordedBy: 'Greet Smit (Rechtbank Noord-Holland)' }]);
    // Each once, though a lost answer would have been sent again with the same request id.
    const audits = await owner.query<{ n: string }>(`select count(*) as n from audit_event where action = 'outcome.recorded' and actor = 'Greet Smit (Rechtbank Noord-Holland)'`);
    expect(Number(audits.rows[0]!.n)).toBe(2);
    await screenshot(page, 'offline-desktop-clerk-confirmed');
    expect(problems).toEqual([]);
  });

  it("a prosecutor's offline reservation of places taken meanwhile lands in the conflict inbox with the server's reason", async () => {
    const desktop = await stack.startDesktop(TEST_USERS.prosecutor);
    // Someone else at the same time, directly on the server (not through the proxy).
    const colleague = await stack.direct(TEST_USERS.prosecutor);
    const window = { from: E2E_TODAY, to: '2026-07-26' };
    const overview = await colleague.handler('reservations.list', window, {});
    if (!overview.ok) throw new Error(overview.error.message);
    const sessions = (overview.value as { sessions: { sessionId: number; free: number; reservableModalities: string[]; releaseDueOn: string | null }[] }).sessions;
    const session = sessions.find((s) => s.free >= 2 && s.free <= 4 && s.reservableModalities.length > 0 && (s.releaseDueOn === null || s.releaseDueOn > '2026-06-20'));
    if (!session) throw new Error('no session with a few free places to reserve');

    const { page, problems } = await stack.openDesktopPage(desktop, '/reserveringen');
    await page.getByRole('heading', { level: 1, name: 'Reserveringen van het OM' }).waitFor();
    await expect.poll(() => connectionLine(page).textContent()).toBe(`Verbonden met 127.0.0.1:${stack.proxy.port}`);

    await stack.proxy.stop();
    // Offline: every free place of the session, on the local copy.
    const form = page.getByRole('form', { name: 'Plaatsen reserveren' });
    await form.getByLabel('Zitting *').selectOption(String(session.sessionId));
    await form.getByLabel('Modaliteit *').selectOption(session.reservableModalities[0]!);
    await form.getByLabel('Aantal plaatsen *').fill(String(session.free));
    await form.getByRole('button', { name: 'Reserveren' }).click();
    await form.getByRole('status').getByText(/^Gereserveerd\./).waitFor();
    await expect.poll(() => connectionLine(page).textContent()).toMatch(/^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d, 1 nog niet bevestigd$/);
    const row = page.locator('tbody tr').filter({ has: page.getByTestId('not-confirmed') });
    await expect.poll(() => row.count()).toBe(1);
    // The list is long: the part of the screen with the header and the marked row.
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'offline-desktop-prosecutor-reserved-offline.png') });

    // Online-only actions say why they cannot be done now: a new case needs the server's number.
    await page.getByRole('link', { name: 'Nieuwe zaak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe zaak invoeren' }).waitFor();
    const submit = page.getByRole('button', { name: 'Zaak opslaan' });
    await expect.poll(() => submit.isDisabled()).toBe(true);
    const reasonId = await submit.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${reasonId}"]`).textContent()).toMatch(/^Niet mogelijk zonder verbinding met de districtsserver: een nieuwe zaak krijgt haar nummer/);
    // The disabled button is skipped by Tab; its reason takes the focus instead, so the keyboard reaches it.
    let reached = false;
    for (let tab = 0; tab < 120 && !reached; tab++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.id)) === reasonId;
    }
    expect(reached).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-desktop-prosecutor-new-case-disabled');

    // Meanwhile a colleague takes one of those places on the server.
    const taken = await colleague.handler('reservations.reserve', { sessionId: session.sessionId, modality: session.reservableModalities[0], slots: 1 }, { requestId: 'e2e-offline-colleague-0001' });
    expect(taken).toMatchObject({ ok: true });

    await stack.proxy.start();
    await page.getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect.poll(() => connectionLine(page).textContent(), { timeout: 30_000 }).toBe(`Verbonden met 127.0.0.1:${stack.proxy.port}`);
    const conflictsLink = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Conflicten (1)' });
    await conflictsLink.click();
    await page.getByRole('heading', { level: 1, name: 'Conflicten' }).waitFor();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: /^Reserveren: / }) });
    const reason = (await entry.locator('.conflict-reason').textContent()) ?? '';
    expect(reason.length).toBeGreaterThan(10);
    // What the server holds now, in words.
    await entry.locator('.server-now-fields').first().waitFor();
    expect(await entry.textContent()).not.toMatch(/[{}"]/);
    // The local copy holds the server's truth again: the offline reservation is gone, the colleague's is there.
    expect(await page.getByTestId('not-confirmed').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-desktop-prosecutor-conflict');

    // Laten vallen, after confirming: out of the inbox, recorded on the server.
    await entry.getByRole('button', { name: /^Laten vallen: / }).click();
    await page.getByRole('button', { name: 'Ja, laten vallen' }).click();
    await page.getByText('Er zijn geen conflicten: de districtsserver heeft al uw handelingen verwerkt.').waitFor();
    const resolved = await owner.query<{ actor: string }>(`select actor from audit_event where action = 'sync.conflict_resolved'`);
    expect(resolved.rows).toEqual([{ actor: 'Pieter Jansen (Openbaar Ministerie)' }]);
    // On the server only the colleague's place: the offline reservation was never applied.
    const reserved = await owner.query<{ slots: number }>(`select slots from reservation where session_id = $1 and reserved_by = 'Pieter Jansen (Openbaar Ministerie)' order by id`, [session.sessionId]);
    expect(reserved.rows).toEqual([{ slots: 1 }]);
    expect(problems).toEqual([]);
  });

  it('a restarted desktop without network starts on its copy as the clerk, signed out; her outcome is sent after she signs in again', async () => {
    // A hearing of a begun session still without an outcome (read independently of the app).
    const picked = await owner.query<{ sessionId: number; hearingId: number; parketnummer: string }>(
      `select s.id as "sessionId", h.id as "hearingId", c.parketnummer
         from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
        where s.status = 'scheduled' and s.judge_id is not null and (s.date < $1 or (s.date = $1 and s.start_time <= '09:30')) and h.status in ('planned', 'held') and c.status in ('planned', 'heard')
          and not exists (select 1 from hearing_outcome o where o.hearing_id = h.id)
        order by s.date desc, s.id, h.id limit 1`,
      [E2E_TODAY],
    );
    const hearing = picked.rows[0];
    if (!hearing) throw new Error('the demo has no held session with a hearing without an outcome');
    const onServer = () => owner.query<{ recordedBy: string }>('select recorded_by as "recordedBy" from hearing_outcome where hearing_id = $1', [hearing.hearingId]);

    // The clerk's desktop connected once (its copy made); the app is quit; the network goes; the app starts again.
    const first = await stack.startDesktop(TEST_USERS.clerk);
    await stack.proxy.stop();
    const desktop = await stack.restartDesktop(first, TEST_USERS.clerk);
    const { page, problems } = await stack.openDesktopPage(desktop, `/zittingen/${hearing.sessionId}/uitspraken`);
    // The start screen with the remembered server.
    await page.getByRole('heading', { level: 1, name: 'Ketenplanner' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Verbinden met de districtsserver' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Adres van de districtsserver').inputValue()).toBe(stack.proxiedOrigin);
    await page.getByRole('button', { name: 'Verbinden en aanmelden' }).click();
    const reason = page.getByRole('alert');
    await reason.waitFor();
    expect(await reason.textContent()).toMatch(/niet bereikbaar/);
    const offlineStart = page.getByRole('button', { name: /^Offline verder werken als Greet Smit \(gegevens van \d\d:\d\d\)$/ });
    await offlineStart.waitFor();
    expect(desktop.start.state().phase).toBe('choose');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-start-screen');

    // A double click: one start, one copy opened.
    await offlineStart.dblclick();
    await page.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
    expect(desktop.copiesOpened()).toBe(1);
    expect(desktop.start.state()).toMatchObject({ phase: 'server', person: { name: 'Greet Smit' } });
    await expect.poll(() => connectionLine(page).textContent()).toMatch(/^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d · niet aangemeld$/);
    // Not signed in: the person is the copy's owner, and the header's button leads back to the start screen.
    const copyOwner = page.getByRole('region', { name: 'Werkt op de kopie op deze computer, niet aangemeld' });
    await copyOwner.getByText('Greet Smit').waitFor();
    expect(await copyOwner.getByRole('button', { name: 'Terug naar het startscherm' }).count()).toBe(1);

    const form = page.getByRole('form', { name: `Uitkomst van zaak ${hearing.parketnummer}` });
    await form.getByRole('radio', { name: 'Aangehouden' }).check();
    await form.getByLabel('Weer te plannen vanaf').fill('22-06-2026');
    await form.getByLabel('Reden van aanhouding').fill('Tolk niet aanwezig');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    const entry = page.getByRole('listitem').filter({ hasText: hearing.parketnummer });
    await entry.getByTestId('not-confirmed').getByText(/^nog niet bevestigd/).waitFor();
    await expect.poll(() => connectionLine(page).textContent()).toMatch(/^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d · niet aangemeld, 1 nog niet bevestigd$/);
    expect((await onServer()).rows).toEqual([]);
    await screenshot(page, 'offline-start-working-signed-out');

    // The network is back: the probe finds the server, nothing is sent before she signs in.
    await stack.proxy.start();
    await page.getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect.poll(() => connectionLine(page).textContent(), { timeout: 30_000 }).toMatch(/^Server weer bereikbaar: meld u aan om uw 1 wijziging te versturen/);
    const signIn = page.getByRole('region', { name: 'Verbinding met de districtsserver' }).getByRole('button', { name: 'Aanmelden' });
    await signIn.waitFor();
    // Only the sign-in moves on now: no second button that seems to.
    expect(await page.getByRole('button', { name: 'Nu bijwerken' }).count()).toBe(0);
    expect((await onServer()).rows).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-start-server-back');

    // She signs in (the system browser): her outbox goes under her name; the page starts over, connected.
    await signIn.click();
    await expect.poll(() => connectionLine(page).textContent(), { timeout: 30_000 }).toBe(`Verbonden met 127.0.0.1:${stack.proxy.port}`);
    await page.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
    await expect.poll(() => page.getByTestId('not-confirmed').count()).toBe(0);
    await page.getByRole('listitem').filter({ hasText: hearing.parketnummer }).getByTestId('recorded-outcome').waitFor();
    expect((await onServer()).rows).toEqual([{ recordedBy: 'Greet Smit (Rechtbank Noord-Holland)' }]);
    // The owner's own copy went on: not opened again.
    expect(desktop.copiesOpened()).toBe(1);
    await screenshot(page, 'offline-start-confirmed');
    expect(problems).toEqual([]);
  });
});
