import { serveDemoDistrict } from './support/served-district';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_NOW, E2E_TODAY, STANDARD_DEMO } from '../support/e2e-district';
import { ackFile, readBatch, returnFile } from '../support/cjib-simulator';
import { axeViolations, openPage, screenshot, SCREENSHOT_DIR } from './support/browser';

const district = serveDemoDistrict(STANDARD_DEMO, 'kp-e2e-cjib-');

interface RollCase {
  caseId: number;
  parketnummer: string;
  sessionId: number;
}

const DAY = 86_400_000;
/** The wall-clock time of E2E_NOW in Amsterdam ('09:30'). */
const E2E_NOW_CLOCK = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(E2E_NOW));

function withDb<T>(work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(district.file);
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Two hearings of sessions already held (today or before, with a judge) that have no outcome yet,
 * whose suspect has a summons address (CJIB needs it): read independently of the app. The demo's
 * history records outcomes for most past hearings, so the two may sit on different rolls.
 */
function pickOpenHearings(): [RollCase, RollCase] {
  return withDb((sqlite) => {
    const rows = sqlite
      .prepare(
        `select c.id as caseId, c.parketnummer, s.id as sessionId from hearing h join court_session s on s.id = h.session_id
         join criminal_case c on c.id = h.case_id join suspect p on p.id = c.suspect_id
         where s.status = 'scheduled' and s.judge_id is not null and (s.date < ? or (s.date = ? and s.start_time <= ?)) and h.status in ('planned', 'held')
           and c.status in ('planned', 'heard') and p.summons_address is not null
           and not exists (select 1 from hearing_outcome o where o.hearing_id = h.id)
         order by s.date desc, h.id limit 2`,
      )
      // Sessions that have begun: the judgment moment is the session's (art. 378 Sv), never in the future.
      .all(E2E_TODAY, E2E_TODAY, E2E_NOW_CLOCK) as RollCase[];
    if (rows.length < 2) throw new Error('the demo has fewer than two past hearings without an outcome');
    return [rows[0]!, rows[1]!];
  });
}

/**
 * The form records the judgment at the session's moment (oral judgment at the hearing, art. 378 Sv), so a
 * fresh decision of a recent session is still in its 14-day appeal term. To see it enforceable now, the judgment moment of the decision
 * and its case are moved back 20 days, as if it had been recorded then; nothing else is recomputed.
 */
function moveJudgmentBack(caseId: number, days: number) {
  withDb((sqlite) => {
    const row = sqlite.prepare('select id, decided_at as decidedAt from decision where case_id = ?').get(caseId) as { id: number; decidedAt: string };
    const moved = new Date(Date.parse(row.decidedAt) - days * DAY).toISOString();
    sqlite.prepare('update decision set decided_at = ? where id = ?').run(moved, row.id);
    sqlite.prepare('update criminal_case set judgment_at = ? where id = ?').run(moved, caseId);
  });
}

/** Collects the downloads a click starts (a batch is a JSON and a CSV file) and reads them as text. */
async function downloadsOf(page: Page, count: number, click: () => Promise<void>): Promise<Record<string, string>> {
  const seen: Download[] = [];
  const listener = (d: Download) => seen.push(d);
  page.on('download', listener);
  await click();
  await expect.poll(() => seen.length, { timeout: 15_000 }).toBe(count);
  page.off('download', listener);
  const files: Record<string, string> = {};
  for (const d of seen) files[d.suggestedFilename()] = fs.readFileSync((await d.path())!, 'utf8');
  return files;
}

const jsonOf = (files: Record<string, string>) => Object.entries(files).find(([name]) => name.endsWith('.json'))![1];

/** Reads one CJIB response file through the import page: check, then import. Returns the report caption. */
async function importResponse(page: Page, name: string, text: string, expectImport: boolean): Promise<string> {
  const responseFile = path.join(path.dirname(district.file), name);
  fs.writeFileSync(responseFile, text);
  await page.goto(`${district.server.origin}/#/overdracht/antwoorden`);
  await page.getByRole('heading', { level: 1, name: 'Antwoorden van het CJIB inlezen' }).waitFor();
  await page.getByLabel('Antwoordbestand (JSON)').setInputFiles(responseFile);
  await page.getByRole('button', { name: 'Controleren' }).click();
  const report = page.getByTestId('cjib-import-report');
  await report.waitFor();
  const caption = (await report.locator('caption').textContent()) ?? '';
  if (expectImport) {
    await page.getByRole('button', { name: /^1 bericht verwerken$/ }).click();
    await expect.poll(() => page.getByTestId('cjib-import-result').textContent()).toBe('Het bestand is verwerkt.');
  } else {
    expect(await page.getByRole('button', { name: /bericht(en)? verwerken$/ }).count()).toBe(0);
  }
  return caption;
}

const decisionCard = (page: Page) => page.getByTestId('decision-panel').getByTestId('decision').first();

async function openCase(page: Page, caseId: number, parketnummer: string) {
  await page.goto(`${district.server.origin}/#/zaken/${caseId}`);
  await page.getByRole('heading', { level: 1, name: `Zaak ${parketnummer}` }).waitFor();
  await page.getByTestId('decision-panel').waitFor();
}

/** Types into a field the way a clerk does: focus, select what is there, type. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('hand-off to CJIB in real Chromium', () => {
  it('registers a decision on the roll, sends it, handles a return, re-sends and sees it acknowledged on the timeline', async () => {
    const [fine, broken] = pickOpenHearings();
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('link', { name: 'Zittingen', exact: true }).waitFor();

    // 1. The roll: a judgment by keyboard only. Enter in the judge's field saves and moves on.
    for (const [rollCase, amount] of [
      [fine, '450'],
      [broken, '300'],
    ] as const) {
      await page.goto(`${district.server.origin}/#/zittingen/${rollCase.sessionId}/uitspraken`);
      await page.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
      const form = page.getByRole('form', { name: `Uitkomst van zaak ${rollCase.parketnummer}` });
      await form.getByRole('radio', { name: 'Uitspraak' }).focus();
      await form.getByRole('radio', { name: 'ja', exact: true }).focus();
      await page.keyboard.press('Space');
      await typeInto(page, form.getByLabel('Bedrag (euro)'), amount);
      // The statutory suggestion fills the substitute detention; the judge decided on 9 days here.
      await expect.poll(() => form.getByLabel('Vervangende hechtenis (dagen)').inputValue()).not.toBe('');
      if (rollCase === fine) await typeInto(page, form.getByLabel('Vervangende hechtenis (dagen)'), '9');
      const judge = form.getByLabel('Beslist door (rechter)');
      expect(await judge.inputValue()).not.toBe('');
      if (rollCase === fine) {
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'cjib-roll-entry');
      }
      await judge.focus();
      await page.keyboard.press('Enter');
      await form.waitFor({ state: 'detached' });
      await page.getByRole('listitem').filter({ hasText: rollCase.parketnummer }).getByText(/overdracht CJIB: wacht/).waitFor();
      if (rollCase === fine) await screenshot(page, 'cjib-roll-recorded');
    }

    // 2. Enforceable now (see moveJudgmentBack); the second decision loses its fine amount, as a bad import would.
    moveJudgmentBack(fine.caseId, 20);
    moveJudgmentBack(broken.caseId, 20);
    withDb((sqlite) => {
      const decision = sqlite.prepare('select id from decision where case_id = ?').get(broken.caseId) as { id: number };
      sqlite.prepare('update sanction set amount_cents = null where decision_id = ?').run(decision.id);
      sqlite.prepare('update decision set judgment_signed_at = ? where id = ?').run(district.server.now().toISOString(), decision.id);
    });

    // 3. The case page: the clerk records the signed judgment (court -> OM).
    await openCase(page, fine.caseId, fine.parketnummer);
    const card = decisionCard(page);
    expect((await card.getByTestId('decision-sanctions').textContent())?.replace(/\s/g, ' ')).toBe('Geldboete, € 450,00, 9 dagen vervangende hechtenis');
    expect(await card.getByTestId('decision-signed').textContent()).toBe('nog niet getekend');
    await card.getByRole('button', { name: 'Vonnis getekend' }).click();
    await card.getByRole('button', { name: 'Ondertekening vastleggen' }).click();
    await expect.poll(() => card.getByTestId('decision-signed').textContent()).not.toBe('nog niet getekend');
    expect(await card.getByTestId('decision-handoff').textContent()).toContain('wacht op verzending');

    // 4. The hand-off queue: ready with its countdown; the broken one blocked, naming the field.
    await page.getByRole('link', { name: 'Overdracht CJIB', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdracht aan het CJIB' }).waitFor();
    const readyRow = page.getByTestId('handoff-ready').getByRole('row').filter({ hasText: fine.parketnummer });
    await readyRow.waitFor();
    expect(await readyRow.textContent()).toMatch(/Naar CJIB: /);
    const blockedRow = page.getByTestId('handoff-blocked').getByRole('row').filter({ hasText: broken.parketnummer });
    expect(await blockedRow.textContent()).toContain('Geldboete: bedrag ontbreekt');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cjib-queue-ready');
    // The demo's queue is long: the two rows of this test, readable on their own.
    await readyRow.screenshot({ path: path.join(SCREENSHOT_DIR, 'cjib-queue-ready-row.png') });
    await blockedRow.screenshot({ path: path.join(SCREENSHOT_DIR, 'cjib-queue-blocked-row.png') });

    const first = await downloadsOf(page, 2, () => page.getByRole('button', { name: /^Batch maken van \d+ beslissing/ }).click());
    const batch1 = readBatch(jsonOf(first));
    const sent1 = batch1.decisions.find((d) => d.parketnummer === fine.parketnummer);
    expect(sent1).toMatchObject({ attempt: 1 });
    expect(batch1.decisions.some((d) => d.parketnummer === broken.parketnummer)).toBe(false);
    const correlationIds = [sent1!.correlationId];
    await page.getByTestId('handoff-sent').getByRole('row').filter({ hasText: fine.parketnummer }).waitFor();
    // Downloading the same batch again gives the same bytes and creates nothing.
    const again = await downloadsOf(page, 2, () => page.getByRole('button', { name: `Batch ${batch1.batchUid} opnieuw downloaden` }).click());
    expect(jsonOf(again)).toBe(jsonOf(first));

    // 5. CJIB returns it: the substitute detention does not match the judgment.
    const reasonText = 'Vervangende hechtenis wijkt af van het vonnis (9 i.p.v. 6 dagen)';
    await importResponse(page, 'cjib-retour-1.json', returnFile(batch1, { reasonCode: 'R03', reasonText, correlationIds, at: district.server.now().toISOString() }), true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cjib-import-return');

    // 6. Fixed on the case page, with a reason; then marked reworked in the queue.
    await openCase(page, fine.caseId, fine.parketnummer);
    expect(await card.getByTestId('decision-handoff').textContent()).toContain(`R03 Vervangende hechtenis ontbreekt: ${reasonText}`);
    expect(await card.getByTestId('decision-handoff').textContent()).toContain('1 keer retour');
    await card.getByRole('button', { name: 'Beslissing corrigeren' }).click();
    const correction = card.getByRole('form', { name: 'Beslissing corrigeren' });
    await typeInto(page, correction.getByLabel('Vervangende hechtenis (dagen)'), '6');
    await typeInto(page, correction.getByLabel('Reden van de wijziging'), 'Retour CJIB: vervangende hechtenis volgens het vonnis is 6 dagen');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cjib-case-correction');
    await correction.getByRole('button', { name: 'Correctie opslaan' }).click();
    await correction.waitFor({ state: 'detached' });
    await expect.poll(() => card.getByTestId('decision-sanctions').textContent()).toContain('6 dagen vervangende hechtenis');

    await page.getByRole('link', { name: 'Overdracht CJIB', exact: true }).click();
    const returnedRow = page.getByTestId('handoff-returned').getByRole('row').filter({ hasText: fine.parketnummer });
    await returnedRow.waitFor();
    expect(await returnedRow.textContent()).toContain('1 keer');
    await returnedRow.screenshot({ path: path.join(SCREENSHOT_DIR, 'cjib-queue-returned-row.png') });
    await returnedRow.getByRole('button', { name: `${fine.parketnummer} als verwerkt markeren` }).click();
    await returnedRow.getByLabel('Wat is hersteld').fill('Vervangende hechtenis gecorrigeerd naar 6 dagen');
    await returnedRow.getByRole('button', { name: 'Markeren als verwerkt' }).click();
    await page.getByTestId('handoff-ready').getByRole('row').filter({ hasText: fine.parketnummer }).waitFor();

    // 7. Attempt 2, downloaded twice; the acknowledgement read twice.
    const second = await downloadsOf(page, 2, () => page.getByRole('button', { name: /^Batch maken van \d+ beslissing/ }).click());
    const batch2 = readBatch(jsonOf(second));
    expect(batch2.batchUid).not.toBe(batch1.batchUid);
    expect(batch2.decisions.find((d) => d.parketnummer === fine.parketnummer)).toMatchObject({ correlationId: sent1!.correlationId, attempt: 2 });
    const secondAgain = await downloadsOf(page, 2, () => page.getByRole('button', { name: `Batch ${batch2.batchUid} opnieuw downloaden` }).click());
    expect(jsonOf(secondAgain)).toBe(jsonOf(second));
    await screenshot(page, 'cjib-queue-sent');
    const ack = ackFile(readBatch(jsonOf(secondAgain)), { correlationIds, at: district.server.now().toISOString() });
    await importResponse(page, 'cjib-ack-2.json', ack, true);
    const repeat = await importResponse(page, 'cjib-ack-2-again.json', ack, false);
    expect(repeat).toContain('1 al verwerkt');
    await screenshot(page, 'cjib-import-ack-again');

    // 8. The database: one hand-off for the decision, one acknowledgement; the broken one never left.
    withDb((sqlite) => {
      const handoffs = sqlite
        .prepare('select h.id, h.status, h.attempt, h.return_count as returnCount from cjib_handoff h join decision d on d.id = h.decision_id where d.case_id = ?')
        .all(fine.caseId) as { id: number; status: string; attempt: number; returnCount: number }[];
      expect(handoffs).toHaveLength(1);
      expect(handoffs[0]).toMatchObject({ status: 'acknowledged', attempt: 2, returnCount: 1 });
      const acks = sqlite.prepare("select count(*) as n from cjib_message where kind = 'ack' and handoff_id = ?").get(handoffs[0]!.id) as { n: number };
      expect(acks.n).toBe(1);
      const blocked = sqlite
        .prepare('select h.status, h.attempt, (select count(*) from cjib_batch_item i where i.handoff_id = h.id) as batches from cjib_handoff h join decision d on d.id = h.decision_id where d.case_id = ?')
        .get(broken.caseId);
      expect(blocked).toEqual({ status: 'waiting', attempt: 0, batches: 0 });
    });

    // 9. The case: acknowledged, not correctable any more, and every step on the timeline.
    await openCase(page, fine.caseId, fine.parketnummer);
    expect(await card.getByTestId('decision-handoff').textContent()).toContain('ontvangen door het CJIB');
    expect(await card.getByRole('button', { name: 'Beslissing corrigeren' }).count()).toBe(0);
    const timeline = page.getByTestId('case-timeline');
    await timeline.waitFor();
    const steps = await timeline.locator('li').allTextContents();
    const stepIndex = (pattern: RegExp) => {
      const index = steps.findIndex((s) => pattern.test(s));
      expect(index, `timeline step ${pattern} in:\n${steps.join('\n')}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const order = [
      stepIndex(/Vonnis: Geldboete,? €\s450,00/),
      stepIndex(new RegExp(`Overgedragen aan het CJIB: batch ${batch1.batchUid.slice(0, 8)}, poging 1`)),
      stepIndex(new RegExp(`Retour van het CJIB \\(poging 1\\).*${reasonText.slice(0, 30).replace(/[()]/g, '\\$&')}`)),
      stepIndex(/Beslissing gecorrigeerd.*vervangende hechtenis volgens het vonnis/),
      stepIndex(/Hersteld na retour.*gecorrigeerd naar 6 dagen/),
      stepIndex(new RegExp(`Overgedragen aan het CJIB: batch ${batch2.batchUid.slice(0, 8)}, poging 2`)),
      stepIndex(/Ontvangst bevestigd door het CJIB \(poging 2\)/),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cjib-case-acknowledged');
    expect(problems).toEqual([]);
  });
});
