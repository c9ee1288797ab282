import type { MenuItemConstructorOptions } from 'electron';
import { REVIEW_PERIOD_PATTERN, reviewPeriodOf } from '../../shared/metrics/review-period';
import { APP_START_URL } from './app-origin';

/** What printing needs of a hidden BrowserWindow (a fake in tests). */
export interface PackWindow {
  loadURL(url: string): Promise<void>;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
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

const READY = "document.querySelector('.review-pack[data-ready]')?.getAttribute('data-ready') ?? ''";
const PROBLEM = "document.querySelector('.review-pack')?.innerText ?? ''";
const CHARTS_DRAWN = "document.querySelectorAll('.dashboard-chart svg.recharts-surface').length >= document.querySelectorAll('.dashboard-chart').length";

async function waitFor(window: PackWindow, deps: PrintPackDeps, test: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = deps.timeoutMs ?? 120_000;
  for (let waited = 0; ; waited += 250) {
    if (await test()) return;
    if (waited >= deadline) throw new Error(`Het overlegpakket is niet klaar na ${Math.round(deadline / 1000)} seconden (${what}).`);
    await deps.sleep(250);
  }
}

/**
 * Electron: prints the review pack of a period to PDF with webContents.printToPDF in a hidden window,
 * off the UI's thread, reporting the steps. Resolves to the file written, or null when cancelled.
 */
export async function printReviewPack(deps: PrintPackDeps, period: string): Promise<string | null> {
  const target = await deps.chooseTarget(`overlegpakket-${period}.pdf`);
  if (!target) return null;
  const window = deps.openHiddenWindow();
  try {
    deps.progress('data', 0.1);
    await window.loadURL(packUrl(period));
    await waitFor(window, deps, async () => (await window.webContents.executeJavaScript(READY)) !== '', 'gegevens');
    if ((await window.webContents.executeJavaScript(READY)) !== 'true') {
      throw new Error(`Het overlegpakket kon zijn gegevens niet laden: ${String(await window.webContents.executeJavaScript(PROBLEM)).replace(/\s+/g, ' ').trim()}`);
    }
    deps.progress('charts', 0.5);
    await waitFor(window, deps, async () => (await window.webContents.executeJavaScript(CHARTS_DRAWN)) === true, 'grafieken');
    // Let recharts finish its entry animation (1.5 s by default) before printing.
    await deps.sleep(CHART_ANIMATION_MS);
    deps.progress('pdf', 0.8);
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await deps.writeFile(target, pdf);
    return target;
  } finally {
    window.destroy();
    deps.progress(null, null);
  }
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
