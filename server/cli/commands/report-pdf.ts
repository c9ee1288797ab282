import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startHttpHost } from '../../http/http-host';
import type { ApiHandler } from '../../services/api-handler';
import type { Clock } from '../../services/context/clock';
import { createBackend } from '../../services/create-backend';
import { CliUsageError } from '../cli-error';
import { PROJECT_PATHS } from '../project-paths';
import { PRINT_CHARTS_DRAWN_SCRIPT, PRINT_HEADER_SCRIPT, PRINT_ROOT, PRINT_TOC_TARGETS_SCRIPT, printHeaderFooter, printTocPagesScript } from '../../../shared/print/print-page';
import { printWithTocPages } from '../../print/toc-page-numbers';
import { STANDALONE_ROLES } from '../../../shared/domain/roles';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; never a downloaded browser. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 120_000;
/** A4 less the print margins, in CSS pixels. */
export const PRINT_WIDTH_PX = 720;

export type PrintStep = 'data' | 'charts' | 'pdf';

export interface PrintRouteRequest<T> {
  /** The running HTTP host, e.g. 'http://127.0.0.1:4780/'. */
  url: string;
  token: string;
  /** The app's hash route of a printable page (shared/print/print-page.ts), e.g. '/zittingen/12/rol'. */
  route: string;
  chromiumPath: string;
  onStep: (step: PrintStep) => void;
  /** Reads what the caller wants to report from the ready page (before printing). */
  collect?: (page: Page) => Promise<T>;
}

export interface PrintedRoute<T> {
  pdf: Buffer;
  /** The header line printed on every page (the page's data-print-header). */
  header: string;
  collected: T | undefined;
}

/**
 * Opens a printable route of the app in headless Chromium, waits for its data (data-ready) and charts, and
 * prints it with Chromium's printToPDF: A4 (or the page's own @page size), the page's header line and
 * "Pagina X van Y" on every page, tagged (accessible) and with the headings as the PDF's outline; a table
 * of contents with the page number of each section (printed twice for that).
 */
export async function printRouteToPdf<T = undefined>(request: PrintRouteRequest<T>): Promise<PrintedRoute<T>> {
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
    // The token goes in the first load (the app keeps it for the tab); then the route to print.
    await page.goto(`${request.url}#token=${request.token}`);
    await page.waitForSelector('main');
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#${request.route}`)}`);
    const root = await page.waitForSelector(`${PRINT_ROOT}[data-ready]`, { timeout: READY_TIMEOUT_MS });
    if ((await root.getAttribute('data-ready')) !== 'true') {
      throw new Error(`The page ${request.route} could not load its data: ${(await root.innerText()).replace(/\s+/g, ' ').trim()}`);
    }
    request.onStep('charts');
    // Page code runs in the browser: written as a string, as this file is compiled without DOM types.
    await page.waitForFunction(PRINT_CHARTS_DRAWN_SCRIPT, undefined, { timeout: READY_TIMEOUT_MS });
    const collected = request.collect ? await request.collect(page) : undefined;
    const header = String(await page.evaluate(PRINT_HEADER_SCRIPT));
    request.onStep('pdf');
    await page.emulateMedia({ media: 'print' });
    // A table of contents gets its page numbers from a first print (server/print/toc-page-numbers.ts).
    const { pdf } = await printWithTocPages({
      tocTargets: async () => (await page.evaluate(PRINT_TOC_TARGETS_SCRIPT)) as string[],
      setTocPages: async (pages) => void (await page.evaluate(printTocPagesScript(pages))),
      print: () =>
        page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          ...printHeaderFooter(header),
          tagged: true,
          outline: true,
        }),
    });
    return { pdf: Buffer.from(pdf), header, collected };
  } finally {
    await browser.close();
  }
}

export interface PackPdfRequest {
  url: string;
  token: string;
  period: string;
  chromiumPath: string;
  onStep: (step: PrintStep) => void;
}

export interface PackPdf {
  pdf: Buffer;
  /** The key figures as the page showed them (figure id -> text of this period's cell). */
  figures: Record<string, string>;
}

/** The review pack of a period (renderer/src/pages/review/ReviewPackPage.tsx) as PDF, with its key figures. */
export async function printPackWithChromium(request: PackPdfRequest): Promise<PackPdf> {
  const { pdf, collected } = await printRouteToPdf({
    url: request.url,
    token: request.token,
    route: `/overleg/pakket?period=${request.period}`,
    chromiumPath: request.chromiumPath,
    onStep: request.onStep,
    collect: (page) =>
      page.$$eval('tr[data-figure]', (rows) => Object.fromEntries(rows.map((row) => [row.getAttribute('data-figure') ?? '', row.querySelector('td')?.textContent?.trim() ?? '']))),
  });
  return { pdf, figures: collected ?? {} };
}

/** A district file served on 127.0.0.1 (a random token) with the built UI, for one print. */
export interface ServedForPrint {
  url: string;
  token: string;
  backend: { handler: ApiHandler };
}

/**
 * Opens the district file with the app's back end, serves it and the built UI on a free port of
 * 127.0.0.1 for the duration of `work`, then closes both. Refuses a missing file, a file without a
 * district and a missing UI build before starting anything.
 */
export async function withServedDistrict<T>(options: { dbFile: string; ui: string | undefined; clock: Clock }, work: (served: ServedForPrint) => Promise<T>): Promise<T> {
  if (!fs.existsSync(options.dbFile)) throw new CliUsageError(`${options.dbFile} does not exist: give the district's database file`);
  const ui = path.resolve(options.ui ?? PROJECT_PATHS.builtRenderer);
  if (!fs.existsSync(path.join(ui, 'index.html'))) throw new CliUsageError(`No built UI in ${ui}: run \`npm run build\` first (or give --ui).`);
  const backend = await createBackend(options.dbFile, { migrationsFolder: PROJECT_PATHS.migrations, clock: options.clock, roles: STANDALONE_ROLES });
  const token = randomBytes(24).toString('base64url');
  try {
    const district = await backend.handler('district.get', {});
    if (!district.ok || !district.value) throw new CliUsageError(`${options.dbFile} holds no district yet`);
    const host = await startHttpHost({ handler: backend.handler, token, staticRoot: ui, port: 0 });
    try {
      return await work({ url: host.url, token, backend });
    } finally {
      await host.close();
    }
  } finally {
    backend.close();
  }
}

/** Writes the PDF next to its place first, then renames: a reader never sees half a file. */
export function writePdfFile(outFile: string, pdf: Uint8Array): void {
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const temporary = `${outFile}.partial`;
  fs.writeFileSync(temporary, pdf);
  fs.renameSync(temporary, outFile);
}
