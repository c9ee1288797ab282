import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SMALL_DEMO } from '../support/e2e-district';
import { axeViolations, openPage, screenshot } from './support/browser';
import { serveDemoDistrict } from './support/served-district';

/*
 * issue 15 item 5 in Chromium: the werkvoorraad, filtered on a police unit, exported as Excel with the
 * "Exporteren" control; the downloaded file holds the list's Dutch headers and exactly the filtered rows,
 * and a suspect name that starts like a formula is neutralised.
 */

const FORMULA_NAME = '=HYPERLINK("http://voorbeeld.invalid","klik")';
let unit = '';
let expectedCases: string[] = [];

const district = serveDemoDistrict(SMALL_DEMO, 'kp-e2e-export-', (file) => {
  const sqlite = new Database(file);
  try {
    // The police unit with the most cases waiting for planning, and the first of its cases.
    unit = (
      sqlite.prepare("select police_unit as unit from criminal_case where status = 'awaiting_planning' group by police_unit order by count(*) desc, police_unit limit 1").get() as {
        unit: string;
      }
    ).unit;
    const first = sqlite
      .prepare("select suspect_id as suspectId from criminal_case where status = 'awaiting_planning' and police_unit = ? order by queue_order, id limit 1")
      .get(unit) as { suspectId: number };
    sqlite.prepare('update suspect set full_name = ? where id = ?').run(FORMULA_NAME, first.suspectId);
    expectedCases = (
      sqlite.prepare("select parketnummer from criminal_case where status = 'awaiting_planning' and police_unit = ? order by queue_order, id").all(unit) as { parketnummer: string }[]
    ).map((r) => r.parketnummer);
  } finally {
    sqlite.close();
  }
});

describe('exporting a list', () => {
  it('downloads the filtered werkvoorraad as an Excel file with Dutch headers, every row, and formulas neutralised', async () => {
    const { page, problems } = await openPage(district.browser, district.server.url, district.server.now());
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
    await page.getByTestId('queue-count').waitFor();
    await page.getByLabel('Politie-eenheid', { exact: true }).selectOption(unit);
    await expect.poll(() => page.getByTestId('queue-count').textContent()).toBe(`${expectedCases.length} ${expectedCases.length === 1 ? 'zaak' : 'zaken'}`);
    const control = page.getByRole('group', { name: 'Exporteren' });
    await control.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), control.getByRole('button', { name: 'Exporteren als Excel-bestand (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('werkvoorraad-ijsselvallei-demo-2026-06-15.xlsx');
    await expect.poll(() => control.getByRole('status').textContent()).toMatch(/werkvoorraad-ijsselvallei-demo-2026-06-15\.xlsx is gedownload \(\d+ regels?\)\./);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Werkvoorraad')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual(['Zaak', 'Feit', 'Verdachte', 'Modaliteit', 'Politie-eenheid', 'Termijn', 'Soort termijn']);
    const body: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && body.push((row.values as unknown[]).slice(1)));
    expect(body.map((r) => r[0])).toEqual(expectedCases);
    expect(new Set(body.map((r) => r[4]))).toEqual(new Set([unit]));
    // The first row on screen is the first row of the file, with its name neutralised.
    const firstOnScreen = await page.locator('.queue-table tbody tr[data-case-id] td a').first().textContent();
    expect(body[0]![0]).toBe(firstOnScreen);
    expect(body[0]![2]).toBe(`'${FORMULA_NAME}`);

    await screenshot(page, 'werkvoorraad-export');
    expect(await axeViolations(page)).toEqual([]);

    // Another filter: the message about the file made with the previous one is gone.
    await page.getByLabel('Politie-eenheid', { exact: true }).selectOption('');
    await expect.poll(() => control.getByRole('status').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });
});
