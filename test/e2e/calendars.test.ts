import fs from 'node:fs';
import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALL_DEMO } from '../support/e2e-district';
import { serveDemoDistrict } from './support/served-district';
import { axeViolations, openPage, screenshot } from './support/browser';

/**
 * Issue 15 item 6 on screen: the page Agenda's lists judges, prosecutors and courtrooms; 'Agenda
 * opslaan (.ics)' saves a file that Mozilla's ical.js reads back; browser mode also serves it for
 * subscription at /calendars/<kind>/<id>.ics behind the start's token.
 */
const district = serveDemoDistrict(SMALL_DEMO, 'kp-e2e-calendars-');

function readDatabase<T>(read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(district.file, { readonly: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('calendars (ICS) in real Chromium', () => {
  it('saves a judge\u2019s calendar from the page Agenda\u2019s and serves the same for subscription', async () => {
    const judge = readDatabase(
      (sqlite) =>
        sqlite
          .prepare(
            `select p.id, p.name, (select count(*) from court_session s where s.judge_id = p.id and s.date between '2026-04-20' and '2026-12-14') as sessions
             from person p where p.role != 'ovj' order by sessions desc, p.id limit 1`,
          )
          .get() as { id: number; name: string; sessions: number },
    );
    expect(judge.sessions).toBeGreaterThan(0);

    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('link', { name: "Agenda's" }).click();
    await page.getByRole('heading', { level: 1, name: "Agenda's" }).waitFor();
    await page.getByRole('table', { name: 'Rechters' }).waitFor();
    expect(await page.getByRole('table', { name: 'Zittingszalen' }).locator('tbody tr').count()).toBe(
      readDatabase((sqlite) => (sqlite.prepare('select count(*) as n from courtroom').get() as { n: number }).n),
    );
    expect(await page.locator('main').textContent()).toContain('van 20-04-2026 tot en met 14-12-2026');

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByRole('button', { name: `Agenda opslaan (.ics) voor ${judge.name}` }).click();
    await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(1);
    expect(downloads[0]!.suggestedFilename()).toMatch(/^agenda-rechter-.*\.ics$/);
    const content = fs.readFileSync((await downloads[0]!.path())!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(content)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(judge.sessions);
    expect(events.every((e) => e.description.includes(`Politierechter: ${judge.name}`))).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Opgeslagen:' }).waitFor();

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'calendars-page');

    // Subscription in browser mode: the same events at /calendars/judge/<id>.ics, only with the token.
    const token = /#token=([A-Za-z0-9_-]+)/.exec(district.server.url)![1]!;
    const feed = `${district.server.origin}/calendars/judge/${judge.id}.ics`;
    expect((await fetch(feed)).status).toBe(401);
    const subscribed = await fetch(`${feed}?token=${token}`);
    expect(subscribed.status).toBe(200);
    expect(subscribed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const uids = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents('vevent')
        .map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids(await subscribed.text())).toEqual(uids(content));
    expect(problems).toEqual([]);
    await page.close();
  });
});
