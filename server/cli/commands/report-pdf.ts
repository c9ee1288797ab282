import fs from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; never a downloaded browser. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 120_000;
/** A4 less the print margins, in CSS pixels. */
export const PRINT_WIDTH_PX = 720;

export interface PackPdfRequest {
  /** The running HTTP host, e.g. 'http://127.0.0.1:4780/'. */
  url: string;
  token: string;
  period: string;
  chromiumPath: string;
  onStep: (step: 'data' | 'charts' | 'pdf') => void;
}

export interface PackPdf {
  pdf: Buffer;
  /** The key figures as the page showed them (figure id -> text of this period's cell). */
  figures: Record<string, string>;
}

/** Opens the review pack in headless Chromium, waits for data-ready and prints it with printToPDF (A4). */
export async function printPackWithChromium(request: PackPdfRequest): Promise<PackPdf> {
  if (!fs.existsSync(request.chromiumPath)) {
    throw new Error(`Chromium not found at ${request.chromiumPath}: install Debian's chromium package or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({
    executablePath: request.chromiumPath,
    args: ['--lang=nl', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // About the printable width of A4, so the charts (sized to their container) fit the page; reduced
    // motion makes recharts draw at once instead of animating.
    const page = await browser.newPage({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: PRINT_WIDTH_PX, height: 1100 }, reducedMotion: 'reduce' });
    request.onStep('data');
    // The token goes in the first load (the app keeps it for the tab); then the pack route.
    await page.goto(`${request.url}#token=${request.token}`);
    await page.waitForSelector('main');
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/overleg/pakket?period=${request.period}`)}`);
    const root = await page.waitForSelector('.review-pack[data-ready]', { timeout: READY_TIMEOUT_MS });
    if ((await root.getAttribute('data-ready')) !== 'true') {
      throw new Error(`The review pack could not load its data: ${(await root.innerText()).replace(/\s+/g, ' ').trim()}`);
    }
    request.onStep('charts');
    // Page code runs in the browser: written as a string, as this file is compiled without DOM types.
    await page.waitForFunction("document.querySelectorAll('.dashboard-chart svg.recharts-surface').length >= document.querySelectorAll('.dashboard-chart').length", undefined, {
      timeout: READY_TIMEOUT_MS,
    });
    const figures = await page.$$eval('tr[data-figure]', (rows) =>
      Object.fromEntries(rows.map((row) => [row.getAttribute('data-figure') ?? '', row.querySelector('td')?.textContent?.trim() ?? ''])),
    );
    request.onStep('pdf');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return { pdf, figures };
  } finally {
    await browser.close();
  }
}
