import type { MenuItemConstructorOptions } from 'electron';
import { REVIEW_PERIOD_PATTERN, reviewPeriodOf } from '../../shared/metrics/review-period';
import {
  PRINT_CHARTS_DRAWN_SCRIPT,
  PRINT_HEADER_SCRIPT,
  PRINT_PDF_CHANNEL,
  PRINT_PROBLEM_SCRIPT,
  PRINT_READY_SCRIPT,
  PRINT_TOC_TARGETS_SCRIPT,
  printableRoute,
  printHeaderFooter,
  printTocPagesScript,
} from '../../shared/print/print-page';
import { printWithTocPages } from '../../server/print/toc-page-numbers';
import { APP_START_URL, isAppUrl } from './app-origin';

/** Electron's printToPDF options as used here (a subset of Electron.PrintToPDFOptions). */
export interface PdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  preferCSSPageSize: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  generateTaggedPDF: boolean;
  generateDocumentOutline: boolean;
}

/** What printing needs of a hidden BrowserWindow (a fake in tests). */
export interface PackWindow {
  loadURL(url: string): Promise<void>;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PdfOptions): Promise<Uint8Array>;
  };
  destroy(): void;
}

/** A4 less the print margins, in CSS pixels: the hidden window's width, so charts fit the page. */
export const PRINT_WIDTH_PX = 720;
const CHART_ANIMATION_MS = 1_600;

export type PackStep = 'data' | 'charts' | 'pdf';

export interface PrintPackDeps {
  openHiddenWindow(): PackWindow;
  /** Where to save; null when the user cancels. */
  chooseTarget(defaultName: string): Promise<string | null>;
  writeFile(target: string, data: Uint8Array): Promise<void>;
  /** Progress for the task bar (fraction 0..1, null = done) and the step in words. */
  progress(step: PackStep | null, fraction: number | null): void;
  sleep(ms: number): Promise<void>;
  timeoutMs?: number;
}

/** The period to print: the one on screen (register or pack page), else the current one. */
export function periodOnScreen(url: string, today: string): string {
  const match = /[#&?]\/?overleg(?:\/pakket)?\?(?:.*&)?period=(\d{4}-T[123])/.exec(decodeURIComponent(url));
  return match && REVIEW_PERIOD_PATTERN.test(match[1]!) ? match[1]! : reviewPeriodOf(today);
}

export function packUrl(period: string): string {
  return `${APP_START_URL}#/overleg/pakket?period=${period}`;
}

async function waitFor(deps: PrintPackDeps, test: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = deps.timeoutMs ?? 120_000;
  for (let waited = 0; ; waited += 250) {
    if (await test()) return;
    if (waited >= deadline) throw new Error(`De afdruk is niet klaar na ${Math.round(deadline / 1000)} seconden (${what}). Probeer het opnieuw.`);
    await deps.sleep(250);
  }
}

/**
 * Electron: prints a printable route of the app (shared/print/print-page.ts: the court roll, the review
 * pack) to PDF with webContents.printToPDF in a hidden window, off the UI's thread, reporting the steps:
 * the page's header line and "Pagina X van Y" on every page, tagged (accessible), with the headings as
 * the PDF's outline, a table of contents with page numbers (printed twice for that). Resolves to the
 * file written, or null when cancelled.
 */
export async function printRouteToPdf(deps: PrintPackDeps, route: string, fileName: string): Promise<string | null> {
  const target = await deps.chooseTarget(fileName);
  if (!target) return null;
  const window = deps.openHiddenWindow();
  try {
    deps.progress('data', 0.1);
    await window.loadURL(`${APP_START_URL}#${route}`);
    await waitFor(deps, async () => (await window.webContents.executeJavaScript(PRINT_READY_SCRIPT)) !== '', 'gegevens');
    if ((await window.webContents.executeJavaScript(PRINT_READY_SCRIPT)) !== 'true') {
      throw new Error(`De pagina kon zijn gegevens niet laden: ${String(await window.webContents.executeJavaScript(PRINT_PROBLEM_SCRIPT)).replace(/\s+/g, ' ').trim()}`);
    }
    deps.progress('charts', 0.5);
    await waitFor(deps, async () => (await window.webContents.executeJavaScript(PRINT_CHARTS_DRAWN_SCRIPT)) === true, 'grafieken');
    // Let recharts finish its entry animation (1.5 s by default) before printing.
    await deps.sleep(CHART_ANIMATION_MS);
    const header = String(await window.webContents.executeJavaScript(PRINT_HEADER_SCRIPT));
    deps.progress('pdf', 0.8);
    // A table of contents gets its page numbers from a first print (server/print/toc-page-numbers.ts).
    const { pdf } = await printWithTocPages({
      tocTargets: async () => (await window.webContents.executeJavaScript(PRINT_TOC_TARGETS_SCRIPT)) as string[],
      setTocPages: async (pages) => void (await window.webContents.executeJavaScript(printTocPagesScript(pages))),
      print: () =>
        window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          ...printHeaderFooter(header),
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        }),
    });
    await deps.writeFile(target, pdf);
    return target;
  } finally {
    window.destroy();
    deps.progress(null, null);
  }
}

/** The review pack of a period (File menu, and the pack's own button). */
export function printReviewPack(deps: PrintPackDeps, period: string): Promise<string | null> {
  return printRouteToPdf(deps, `/overleg/pakket?period=${period}`, `overlegpakket-${period}.pdf`);
}

export type PrintAnswer = { file: string | null } | { problem: string };

export interface IpcMainPrintLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }) => unknown): void;
}

/**
 * The renderer's 'Afdrukken / PDF' button (window.ketenplannerPrint.savePdf): prints the page the app
 * shows, when it is a printable route, and only for the app's own pages. Answers the file written or null.
 */
export function registerPrintIpc(ipcMain: IpcMainPrintLike, print: (route: string, fileName: string) => Promise<string | null>): void {
  // Answers { file } or { problem } (a Dutch sentence): an exception would reach the page wrapped in Electron's English.
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event): Promise<PrintAnswer> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) return { problem: 'Alleen de app zelf kan afdrukken.' };
    const printable = printableRoute(decodeURIComponent(new URL(url).hash));
    if (!printable) return { problem: 'Deze pagina kan niet als PDF worden bewaard.' };
    try {
      return { file: await print(printable.route, printable.fileName) };
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** The application menu: the usual roles, with 'Overlegpakket als PDF bewaren…' in the File menu. */
export function applicationMenuTemplate(onSavePack: () => void): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Bestand',
      submenu: [{ label: 'Overlegpakket als PDF bewaren…', accelerator: 'CmdOrCtrl+P', click: onSavePack }, { type: 'separator' }, { role: 'quit', label: 'Afsluiten' }],
    },
    { role: 'editMenu', label: 'Bewerken' },
    { role: 'viewMenu', label: 'Beeld' },
    { role: 'windowMenu', label: 'Venster' },
  ];
}
