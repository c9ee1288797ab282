/**
 * Issue 14 by hand, scripted: the offline desktop as its users use it, in real Chromium, with a numbered
 * screenshot after each step (for a person to look at) and a log of what was seen. Not a test: every step
 * runs even when an earlier one found something, and the log says what did not go as a clerk would expect.
 *
 *   npx tsx scripts/dev/explore-offline.ts [--out /tmp/explore-offline]
 *
 * The stack is test/e2e/support/offline-desktop-stack.ts (PostgreSQL with the small demo district, the
 * district server, a TCP proxy that is cut and restored, per person the desktop's back end as Electron runs
 * it, the built UI in Chromium), every clock pinned at E2E_NOW. Builds: KETENPLANNER_WIRING_BUNDLE and
 * KETENPLANNER_RENDERER_ROOT (default dist/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { axeViolations } from '../../test/e2e/support/browser';
import { connectionLine, startOfflineDesktopStack, type DesktopPage, type OfflineDesktop, type OfflineDesktopStack } from '../../test/e2e/support/offline-desktop-stack';
import { ROOT } from '../../test/e2e/support/serve-process';
import { E2E_TODAY } from '../../test/support/e2e-district';
import { TEST_USERS } from '../../test/support/test-identity-provider';

const { values: args } = parseArgs({ options: { out: { type: 'string', default: '/tmp/explore-offline' } } });
const OUT = path.resolve(args.out!);
const WIRING_BUNDLE = process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs');
const RENDERER_ROOT = process.env['KETENPLANNER_RENDERER_ROOT'] ?? path.join(ROOT, 'dist', 'renderer');

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const log: string[] = [];
let shotNumber = 0;

const startedAt = Date.now();
function note(step: string, text: string): void {
  const line = `${String(Math.round((Date.now() - startedAt) / 1000)).padStart(4)}s [${step}] ${text}`;
  log.push(line);
  console.log(line);
}

/** A numbered screenshot named by its step (the visible window; `full` for the whole page). */
async function shot(page: Page, name: string, full = false): Promise<void> {
  shotNumber++;
  const file = path.join(OUT, `${String(shotNumber).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: full });
  note('shot', file);
}

/** One step; a failure is logged (with a screenshot) and the walk goes on. */
async function step(name: string, page: Page | null, work: () => Promise<void>): Promise<void> {
  note(name, 'start');
  try {
    await work();
  } catch (error) {
    note(name, `FAILED: ${error instanceof Error ? error.message.split('\n').slice(0, 4).join(' | ') : String(error)}`);
    if (page) await shot(page, `${name}-failed`).catch(() => undefined);
  }
}

function expectThat(step: string, ok: boolean, text: string): void {
  note(step, `${ok ? 'ok  ' : 'BAD '} ${text}`);
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await Promise.race([check().catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000))]);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

async function pending(desktop: OfflineDesktop): Promise<{ requestId: string; summary: string }[]> {
  return (await desktop.start.syncStatus())?.pending ?? [];
}

/** The local copy file of a desktop (one per server and person in its user-data folder). */
function copyFile(stack: OfflineDesktopStack, login: string): string {
  const folder = fs.readdirSync(stack.dir).find((name) => name.startsWith(`desktop-${login}-`))!;
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sqlite')) found.push(full);
    }
  };
  walk(path.join(stack.dir, folder));
  return found[0]!;
}

async function goOfflineInUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nu bijwerken' }).click();
  await until(async () => /^Offline sinds/.test((await connectionLine(page).textContent()) ?? ''));
}

/**
 * The demo district is generated once and kept in DEMO_CACHE between runs: the e2e helper looks for its
 * template in a folder named after this process.
 */
const DEMO_CACHE = path.join(os.tmpdir(), 'kp-explore-offline-demo');
const DEMO_TEMPLATE = 'demo-11-700-2026-06-15.sqlite';

async function main(): Promise<void> {
  const processCache = path.join(os.tmpdir(), `kp-e2e-demo-cache-${process.pid}`);
  if (fs.existsSync(path.join(DEMO_CACHE, DEMO_TEMPLATE))) {
    fs.mkdirSync(processCache, { recursive: true });
    fs.copyFileSync(path.join(DEMO_CACHE, DEMO_TEMPLATE), path.join(processCache, DEMO_TEMPLATE));
  }
  const stack = await startOfflineDesktopStack({ wiringBundle: WIRING_BUNDLE, rendererRoot: RENDERER_ROOT });
  const { owner, proxy } = stack;
  if (fs.existsSync(path.join(processCache, DEMO_TEMPLATE))) {
    fs.mkdirSync(DEMO_CACHE, { recursive: true });
    fs.copyFileSync(path.join(processCache, DEMO_TEMPLATE), path.join(DEMO_CACHE, DEMO_TEMPLATE));
    fs.rmSync(processCache, { recursive: true, force: true });
  }
  note('setup', 'stack started');
  // A stopped run still stops its PostgreSQL and Chromium.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stack.close().finally(() => process.exit(1)));
  try {
    // Three held sessions with at least two hearings each still without an outcome.
    const picked = await owner.query<{ sessionId: number; parketnummers: string[] }>(
      `select s.id as "sessionId", (array_agg(c.parketnummer order by h.id))[1:2] as parketnummers
         from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
        where s.status = 'scheduled' and s.judge_id is not null and (s.date < $1 or (s.date = $1 and s.start_time <= '09:30')) and h.status in ('planned', 'held') and c.status in ('planned', 'heard')
          and not exists (select 1 from hearing_outcome o where o.hearing_id = h.id)
        group by s.id, s.date having count(*) >= 2 order by s.date desc, s.id limit 3`,
      [E2E_TODAY],
    );
    if (picked.rows.length < 3) throw new Error('the demo has fewer than three held sessions with two hearings without an outcome');
    const [first, second, third] = picked.rows as [{ sessionId: number; parketnummers: string[] }, { sessionId: number; parketnummers: string[] }, { sessionId: number; parketnummers: string[] }];
    const [doubleClicked, wrongInput] = first.parketnummers as [string, string];
    const [tabA, tabBoth] = second.parketnummers as [string, string];
    const slow = third.parketnummers[0]!;
    note('setup', `rolls: ${JSON.stringify(picked.rows)}`);
    const rollRoute = `/zittingen/${first.sessionId}/uitspraken`;
    const secondRoute = `/zittingen/${second.sessionId}/uitspraken`;
    const thirdRoute = `/zittingen/${third.sessionId}/uitspraken`;

    const clerk = await stack.startDesktop(TEST_USERS.clerk);
    const prosecutor = await stack.startDesktop(TEST_USERS.prosecutor);
    const coordinator = await stack.startDesktop(TEST_USERS.coordinator);
    const form = (page: Page, parketnummer: string) => page.getByRole('form', { name: `Uitkomst van zaak ${parketnummer}` });
    const rollEntry = (page: Page, parketnummer: string) => page.getByRole('listitem').filter({ hasText: parketnummer });
    const outcomesOnServer = async (parketnummer: string) =>
      Number(
        (
          await owner.query<{ n: string }>(
            `select count(*) as n from audit_event a join hearing h on a.entity_type = 'hearing' and a.entity_id = h.id join criminal_case c on c.id = h.case_id where a.action = 'outcome.recorded' and c.parketnummer = $1`,
            [parketnummer],
          )
        ).rows[0]!.n,
      );

    // 1. Online, then the network goes: the header, and online-only actions disabled with the reason.
    const coordinatorWindow: DesktopPage = await stack.openDesktopPage(coordinator, '/planning');
    const cp = coordinatorWindow.page;
    coordinatorWindow.context.setDefaultTimeout(20_000);
    await step('1-online-offline', cp, async () => {
      await cp.getByRole('heading', { level: 1 }).first().waitFor();
      await until(async () => ((await connectionLine(cp).textContent()) ?? '').startsWith('Verbonden met'));
      await shot(cp, 'coordinator-planning-online');
      note('1', 'cutting the network');
      await proxy.stop();
      note('1', 'cut');
      await goOfflineInUi(cp);
      const line = (await connectionLine(cp).textContent()) ?? '';
      expectThat('1', /^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d/.test(line), `header: "${line}"`);
      await shot(cp, 'coordinator-planning-offline');
      const buttons = cp.locator('button[aria-describedby]');
      for (let i = 0; i < (await buttons.count()); i++) {
        const button = buttons.nth(i);
        const id = (await button.getAttribute('aria-describedby'))!;
        const reason = await cp.locator(`[id="${id}"]`).textContent().catch(() => null);
        expectThat('1', (await button.isDisabled()) && !!reason && (await cp.locator(`[id="${id}"]`).isVisible()), `"${await button.textContent()}" disabled, reason: ${reason}`);
      }
      // The keyboard: Tab through the page; does the focus ever reach the action or its reason?
      await cp.getByRole('heading', { level: 1 }).first().focus().catch(() => undefined);
      const focused: string[] = [];
      for (let i = 0; i < 25; i++) {
        await cp.keyboard.press('Tab');
        focused.push(await cp.evaluate(() => {
          const element = document.activeElement;
          return element ? `${element.tagName}${element.id ? `#${element.id}` : ''}${element.classList.contains('unavailable-reason') ? '.unavailable-reason' : ''}:${(element.textContent ?? '').trim().slice(0, 40)}` : '-';
        }));
      }
      note('1', `Tab order: ${focused.join(' > ')}`);
      expectThat('1', focused.some((f) => f.includes('.unavailable-reason')), 'the reason is reachable with the keyboard');
      await cp.goto(`${stack.uiOrigin}/#/capaciteit`);
      await cp.getByRole('heading', { level: 1 }).first().waitFor();
      await until(async () => (await cp.locator('.unavailable-reason').count()) > 0, 5_000);
      note('1', `capacity page: ${await cp.locator('.unavailable-reason').count()} reasons shown`);
      await shot(cp, 'coordinator-capacity-offline', true);
    });

    // 2. The clerk records an outcome offline with a double click; F5 offline keeps it.
    const clerkWindow = await stack.openDesktopPage(clerk, rollRoute);
    const kp = clerkWindow.page;
    clerkWindow.context.setDefaultTimeout(20_000);
    await step('2-double-click', kp, async () => {
      await kp.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
      await shot(kp, 'clerk-roll-before');
      const f = form(kp, doubleClicked);
      await f.getByRole('radio', { name: 'Aangehouden' }).check();
      await f.getByLabel('Weer te plannen vanaf').fill('22-06-2026');
      await f.getByLabel('Reden van aanhouding').fill('Tolk niet aanwezig');
      await f.getByRole('button', { name: 'Opslaan' }).dblclick();
      await rollEntry(kp, doubleClicked).getByTestId('recorded-outcome').waitFor();
      await until(async () => (await rollEntry(kp, doubleClicked).getByTestId('not-confirmed').count()) > 0);
      const queued = await pending(clerk);
      expectThat('2', queued.length === 1, `outbox after a double click: ${queued.length} (${queued.map((p) => p.summary).join('; ')})`);
      const marks = await kp.getByTestId('not-confirmed').count();
      expectThat('2', marks === 1, `"nog niet bevestigd" marks on the roll: ${marks}`);
      const line = (await connectionLine(kp).textContent()) ?? '';
      expectThat('2', /^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d, 1 nog niet bevestigd$/.test(line), `header: "${line}"`);
      await shot(kp, 'clerk-outcome-offline-double-click');
      await kp.reload();
      await kp.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
      const kept = await until(async () => (await rollEntry(kp, doubleClicked).getByTestId('not-confirmed').count()) === 1);
      expectThat('2', kept, 'after F5 offline the outcome is still shown, "nog niet bevestigd"');
      const lineAfter = (await connectionLine(kp).textContent()) ?? '';
      expectThat('2', /^Offline sinds/.test(lineAfter), `header after F5: "${lineAfter}"`);
      await shot(kp, 'clerk-after-reload-offline');
    });

    // 3. Wrong input offline: a Dutch message naming the field, nothing queued.
    await step('3-wrong-input', kp, async () => {
      const before = (await pending(clerk)).length;
      const f = form(kp, wrongInput);
      await f.getByRole('radio', { name: 'Aangehouden' }).check();
      await f.getByLabel('Weer te plannen vanaf').fill('31-02-2026');
      await f.getByRole('button', { name: 'Opslaan' }).click();
      await kp.waitForTimeout(500);
      const messages = await f.locator('.field-error, [role=alert]').allTextContents();
      note('3', `messages: ${JSON.stringify(messages)}`);
      expectThat('3', messages.length >= 2, 'a message for the impossible date and the missing reason');
      expectThat('3', (await pending(clerk)).length === before, `nothing queued (${(await pending(clerk)).length})`);
      await f.scrollIntoViewIfNeeded();
      await shot(kp, 'clerk-wrong-input-offline');
      // A possible date, the reason left empty.
      await f.getByLabel('Weer te plannen vanaf').fill('29-06-2026');
      await f.getByRole('button', { name: 'Opslaan' }).click();
      await kp.waitForTimeout(500);
      const second = await f.locator('.field-error, [role=alert]').allTextContents();
      note('3', `messages with a possible date and no reason: ${JSON.stringify(second)}`);
      expectThat('3', second.some((m) => /reden/i.test(m)), 'the missing reason is named');
      expectThat('3', (await pending(clerk)).length === before, `nothing queued (${(await pending(clerk)).length})`);
      await f.scrollIntoViewIfNeeded();
      await shot(kp, 'clerk-missing-reason-offline');
      await f.getByLabel('Weer te plannen vanaf').fill('');
    });

    // 4. The conflicts page, then Back and Forward.
    await step('4-back-forward', kp, async () => {
      await kp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').first().click();
      await kp.getByRole('heading', { level: 1 }).first().waitFor();
      const firstHeading = await kp.getByRole('heading', { level: 1 }).first().textContent();
      await kp.goto(`${stack.uiOrigin}/#/conflicten`);
      await kp.getByRole('heading', { level: 1, name: 'Conflicten' }).waitFor();
      await shot(kp, 'clerk-conflicts-empty-offline');
      await kp.goBack();
      await kp.waitForTimeout(500);
      const back = await kp.getByRole('heading', { level: 1 }).first().textContent().catch(() => null);
      expectThat('4', back === firstHeading, `Back shows "${back}" (was "${firstHeading}")`);
      await kp.goBack();
      await kp.waitForTimeout(500);
      const back2 = await kp.getByRole('heading', { level: 1 }).first().textContent().catch(() => null);
      expectThat('4', /^Uitspraken vastleggen/.test(back2 ?? ''), `Back again: "${back2}", marks ${await kp.getByTestId('not-confirmed').count()}`);
      await shot(kp, 'clerk-back-to-roll');
      await kp.goForward();
      await kp.goForward();
      await kp.waitForTimeout(500);
      const forward = await kp.getByRole('heading', { level: 1 }).first().textContent().catch(() => null);
      expectThat('4', forward === 'Conflicten', `Forward twice: "${forward}"`);
      const line = (await connectionLine(kp).textContent()) ?? '';
      expectThat('4', /^Offline sinds/.test(line), `header: "${line}"`);
      await shot(kp, 'clerk-forward-conflicts');
      await kp.goto(`${stack.uiOrigin}/#${rollRoute}`);
      await kp.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
    });

    // 5. Two windows of the same desktop.
    let kp2: Page | null = null;
    await step('5-two-windows', kp, async () => {
      await kp.goto(`${stack.uiOrigin}/#${secondRoute}`);
      await kp.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
      kp2 = await stack.openAnotherWindow(clerkWindow, secondRoute);
      const other = kp2;
      await other.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
      // A: one outcome; B sees it after F5.
      const f = form(kp, tabA);
      await f.getByRole('radio', { name: 'Aangehouden' }).check();
      await f.getByLabel('Weer te plannen vanaf').fill('22-06-2026');
      await f.getByLabel('Reden van aanhouding').fill('Advocaat verhinderd');
      await f.getByRole('button', { name: 'Opslaan' }).click();
      await rollEntry(kp, tabA).getByTestId('not-confirmed').waitFor();
      await other.reload();
      await other.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
      const seen = await until(async () => (await rollEntry(other, tabA).getByTestId('not-confirmed').count()) === 1);
      expectThat('5', seen, 'window B shows window A\'s queued outcome after F5');
      // Both windows open the form of the same hearing, then both save.
      for (const page of [kp, other]) {
        const g = form(page, tabBoth);
        await g.getByRole('radio', { name: 'Aangehouden' }).check();
        await g.getByLabel('Weer te plannen vanaf').fill('29-06-2026');
        await g.getByLabel('Reden van aanhouding').fill(page === kp ? 'Getuige ziek (venster A)' : 'Getuige ziek (venster B)');
      }
      // As good as at once: B's status poll has not yet told B about A's outcome.
      // Dispatched clicks: Playwright's click waits for animation frames, which a window in the background never has.
      await Promise.all([form(kp, tabBoth).getByRole('button', { name: 'Opslaan' }).dispatchEvent('click'), form(other, tabBoth).getByRole('button', { name: 'Opslaan' }).dispatchEvent('click')]);
      await other.waitForTimeout(300);
      note('5', `window B right after: ${JSON.stringify(await form(other, tabBoth).locator('[role=alert], .error-panel').allTextContents().catch(() => []))}`);
      await shot(other, 'clerk-window-b-right-after');
      await rollEntry(kp, tabBoth).getByTestId('not-confirmed').waitFor();
      await other.waitForTimeout(2500);
      const forHearing = (await pending(clerk)).filter((p) => p.summary.includes(tabBoth));
      expectThat('5', forHearing.length === 1, `outbox entries for ${tabBoth} after saving in both windows: ${forHearing.length}`);
      const refusal = await form(other, tabBoth).locator('[role=alert], .error-panel').allTextContents().catch(() => []);
      note('5', `window B says: ${JSON.stringify(refusal)}; B's form still open: ${await form(other, tabBoth).count()}`);
      await shot(other, 'clerk-window-b-same-outcome');
      await kp.bringToFront();
      await shot(kp, 'clerk-window-a');
    });

    // 6. The prosecutor's offline reservations, places taken meanwhile; back online into Conflicten.
    const prosecutorWindow = await stack.openDesktopPage(prosecutor, '/reserveringen');
    const pp = prosecutorWindow.page;
    prosecutorWindow.context.setDefaultTimeout(20_000);
    const colleague = await stack.direct(TEST_USERS.prosecutor);
    await step('6-conflicts', pp, async () => {
      await pp.getByRole('heading', { level: 1, name: 'Reserveringen van het OM' }).waitFor();
      await goOfflineInUi(pp);
      const overview = await colleague.handler('reservations.list', { from: E2E_TODAY, to: '2026-07-26' }, {});
      if (!overview.ok) throw new Error(overview.error.message);
      const sessions = (overview.value as { sessions: { sessionId: number; free: number; reservableModalities: string[]; releaseDueOn: string | null }[] }).sessions
        .filter((s) => s.free >= 2 && s.free <= 4 && s.reservableModalities.length > 0 && (s.releaseDueOn === null || s.releaseDueOn > '2026-06-20'))
        .slice(0, 3);
      if (sessions.length < 3) throw new Error('fewer than three sessions with a few free places');
      const reserveForm = pp.getByRole('form', { name: 'Plaatsen reserveren' });
      for (const session of sessions) {
        await reserveForm.getByLabel('Zitting *').selectOption(String(session.sessionId));
        await reserveForm.getByLabel('Modaliteit *').selectOption(session.reservableModalities[0]!);
        await reserveForm.getByLabel('Aantal plaatsen *').fill(String(session.free));
        await reserveForm.getByRole('button', { name: 'Reserveren' }).click();
        await reserveForm.getByRole('status').getByText(/^Gereserveerd\./).waitFor();
        await pp.waitForTimeout(300);
      }
      note('6', `offline reservations: ${(await pending(prosecutor)).map((p) => p.summary).join('; ')}`);
      await shot(pp, 'prosecutor-reserved-offline');
      for (const [index, session] of sessions.entries()) {
        const taken = await colleague.handler('reservations.reserve', { sessionId: session.sessionId, modality: session.reservableModalities[0], slots: 1 }, { requestId: `explore-colleague-000${index}` });
        if (!taken.ok) throw new Error(taken.error.message);
      }
      await proxy.start();
      await pp.getByRole('button', { name: 'Nu bijwerken' }).click();
      await until(async () => ((await connectionLine(pp).textContent()) ?? '').startsWith('Verbonden met'), 30_000);
      await pp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Conflicten/ }).click();
      await pp.getByRole('heading', { level: 1, name: 'Conflicten' }).waitFor();
      await shot(pp, 'prosecutor-conflicts', true);
      const entries = pp.locator('li.conflict-entry');
      note('6', `conflicts: ${await entries.count()}; reasons: ${JSON.stringify(await pp.locator('.conflict-reason').allTextContents())}`);
      expectThat('6', (await pp.getByTestId('not-confirmed').count()) === 0, 'no "nog niet bevestigd" left');
      const violations = await axeViolations(pp);
      expectThat('8', violations.length === 0, `axe on Conflicten (online): ${JSON.stringify(violations)}`);

      // Redo with a double click.
      await entries.nth(0).getByRole('button', { name: /^Opnieuw proberen/ }).dblclick();
      await pp.waitForTimeout(2000);
      note('6', `after redo: conflicts ${await entries.count()}, done "${await pp.locator('.conflict-done').textContent()}", alerts ${JSON.stringify(await pp.getByRole('alert').allTextContents())}`);
      await shot(pp, 'prosecutor-after-redo', true);
      // Adapt (double click on both buttons).
      const adaptEntry = entries.filter({ has: pp.getByRole('button', { name: /^Aanpassen/ }) }).first();
      await adaptEntry.getByRole('button', { name: /^Aanpassen/ }).dblclick();
      await shot(pp, 'prosecutor-adapt-question');
      await pp.getByRole('button', { name: 'Ja, aanpassen' }).dblclick();
      await pp.waitForTimeout(1500);
      note('6', `after adapt: at ${pp.url()}, heading "${await pp.getByRole('heading', { level: 1 }).first().textContent()}"`);
      await shot(pp, 'prosecutor-after-adapt');
      await pp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Conflicten/ }).click().catch(async () => pp.goto(`${stack.uiOrigin}/#/conflicten`));
      await pp.getByRole('heading', { level: 1, name: 'Conflicten' }).waitFor();
      note('6', `conflicts left: ${await entries.count()}`);
      if ((await entries.count()) > 0) {
        await entries.last().getByRole('button', { name: /^Laten vallen/ }).dblclick();
        await shot(pp, 'prosecutor-drop-question');
        await pp.getByRole('button', { name: 'Ja, laten vallen' }).dblclick();
        await pp.waitForTimeout(1500);
      }
      await shot(pp, 'prosecutor-after-drop', true);
      const audits = await owner.query<{ actor: string; details: unknown }>(`select actor, details from audit_event where action = 'sync.conflict_resolved' order by id`);
      note('6', `server audit sync.conflict_resolved: ${JSON.stringify(audits.rows)}`);
      const serverRows = await owner.query<{ id: number; session_id: number; slots: number; released_at: string | null }>(
        `select id, session_id, slots, released_at from reservation where session_id = any($1::int[]) order by id`,
        [sessions.map((s) => s.sessionId)],
      );
      const sqlite = new Database(copyFile(stack, TEST_USERS.prosecutor.login), { readonly: true });
      try {
        const localRows = sqlite
          .prepare(`select id, session_id, slots, released_at from reservation where session_id in (${sessions.map((s) => s.sessionId).join(',')}) order by id`)
          .all();
        const equal = JSON.stringify(localRows) === JSON.stringify(serverRows.rows);
        expectThat('6', equal, `copy equals server for those sessions' reservations: server ${JSON.stringify(serverRows.rows)} copy ${JSON.stringify(localRows)}`);
      } finally {
        sqlite.close();
      }
    });

    // The clerk's outbox goes to the server now.
    await step('6b-clerk-confirmed', kp, async () => {
      await kp.bringToFront();
      await kp.getByRole('button', { name: 'Nu bijwerken' }).click();
      await until(async () => ((await connectionLine(kp).textContent()) ?? '').startsWith('Verbonden met'), 30_000);
      await until(async () => (await kp.getByTestId('not-confirmed').count()) === 0);
      for (const parketnummer of [doubleClicked, tabA, tabBoth]) note('6b', `${parketnummer}: outcome.recorded audits on the server: ${await outcomesOnServer(parketnummer)}`);
      const conflicts = (await clerk.start.syncStatus())?.conflicts ?? [];
      note('6b', `clerk conflicts: ${JSON.stringify(conflicts.map((c) => [c.summary, c.reason]))}`);
      await shot(kp, 'clerk-confirmed');
    });

    // 7. A slow network: the server acts, its answer is held and then lost. (The proxy drops a held answer as
    // soon as the server closes the connection, which it does after each request of the desktop's client: the
    // desktop hears of the loss at once, so the progress state lasts only a moment.)
    await step('7-slow-network', kp, async () => {
      await kp.goto(`${stack.uiOrigin}/#${thirdRoute}`);
      await kp.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
      await proxy.stop();
      await proxy.start();
      proxy.holdResponses();
      // Let the desktop's HTTP client notice its old connections are gone, so the save opens a new (held) one.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const f = form(kp, slow);
      await f.getByRole('radio', { name: 'Aangehouden' }).check();
      await f.getByLabel('Weer te plannen vanaf').fill('22-06-2026');
      await f.getByLabel('Reden van aanhouding').fill('Verdachte ziek');
      const connectionsBefore = proxy.connections;
      await f.getByRole('button', { name: 'Opslaan' }).dblclick();
      const acted = await until(async () => (await outcomesOnServer(slow)) > 0, 8_000);
      note('7', `server acted while its answer is held: ${acted}; new connections ${proxy.connections - connectionsBefore}, open ${proxy.open}`);
      const button = f.locator('button[type=submit]');
      note('7', `while held: button "${await button.textContent({ timeout: 1000 }).catch(() => '?')}" disabled ${await button.isDisabled({ timeout: 1000 }).catch(() => '?')}, status "${await kp.getByRole('status').allTextContents()}"`);
      await shot(kp, 'clerk-slow-saving');
      // The answer is lost: the network goes before it arrives.
      await proxy.stop();
      await rollEntry(kp, slow).getByTestId('recorded-outcome').waitFor({ timeout: 30_000 });
      await kp.waitForTimeout(2500);
      const marks = await rollEntry(kp, slow).getByTestId('not-confirmed').count();
      const queued = (await pending(clerk)).filter((p) => p.summary.includes(slow));
      note('7', `after the timeout: marks ${marks}, outbox ${queued.length}, header "${await connectionLine(kp).textContent()}", errors ${JSON.stringify(await kp.locator('.error-panel, [role=alert]').allTextContents())}`);
      await shot(kp, 'clerk-slow-ended');
      await proxy.stop();
      await proxy.start();
      await kp.getByRole('button', { name: 'Nu bijwerken' }).click();
      await until(async () => ((await connectionLine(kp).textContent()) ?? '').startsWith('Verbonden met'), 30_000);
      await until(async () => (await kp.getByTestId('not-confirmed').count()) === 0);
      expectThat('7', (await outcomesOnServer(slow)) === 1, `outcome.recorded audits on the server for ${slow}: ${await outcomesOnServer(slow)}`);
      await shot(kp, 'clerk-slow-confirmed');
    });

    // 8. axe on the header offline and the Conflicten page offline (with a conflict listed).
    await step('8-axe-offline', pp, async () => {
      await proxy.stop();
      await pp.bringToFront();
      await pp.goto(`${stack.uiOrigin}/#/conflicten`);
      await pp.getByRole('heading', { level: 1, name: 'Conflicten' }).waitFor();
      await goOfflineInUi(pp);
      const violations = await axeViolations(pp);
      expectThat('8', violations.length === 0, `axe on Conflicten + header offline: ${JSON.stringify(violations)}`);
      await shot(pp, 'prosecutor-conflicts-offline', true);
      const k = await axeViolations(kp);
      expectThat('8', k.length === 0, `axe on the clerk's roll offline: ${JSON.stringify(k)}`);
      await proxy.start();
    });

    for (const [name, window] of [['coordinator', coordinatorWindow], ['clerk', clerkWindow], ['prosecutor', prosecutorWindow]] as const) {
      note('problems', `${name}: ${JSON.stringify(window.problems)}`);
    }
  } finally {
    fs.writeFileSync(path.join(OUT, 'log.txt'), `${log.join('\n')}\n`);
    await stack.close();
  }
}

await main();
