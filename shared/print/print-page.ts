/**
 * Printing a route of the app to PDF, one convention for the CLI (headless Chromium through
 * playwright-core, server/cli/commands/report-pdf.ts) and Electron (webContents.printToPDF,
 * electron/main/print-review-pack.ts): the printable page's root carries `data-print-root`, sets
 * `data-ready` to "true" (or "error") once its data is in, and `data-print-header` to the line that goes
 * at the top of every page (the district and what/when the document is about). Chromium's own header
 * and footer templates then put that line and "Pagina X van Y" on every page. A table of contents gets its
 * page numbers through the data attributes below.
 */

export const PRINT_ROOT = '[data-print-root]';

/** Page code, as strings (server/ and electron/ are compiled without DOM types). */
export const PRINT_READY_SCRIPT = `document.querySelector('${PRINT_ROOT}[data-ready]')?.getAttribute('data-ready') ?? ''`;
export const PRINT_PROBLEM_SCRIPT = `document.querySelector('${PRINT_ROOT}')?.innerText ?? ''`;
export const PRINT_HEADER_SCRIPT = `document.querySelector('${PRINT_ROOT}')?.getAttribute('data-print-header') ?? ''`;
/** Charts (recharts) draw after the data: every chart has its svg. True on pages without charts. */
export const PRINT_CHARTS_DRAWN_SCRIPT =
  "document.querySelectorAll('.dashboard-chart svg.recharts-surface').length >= document.querySelectorAll('.dashboard-chart').length";

/**
 * Page numbers in a table of contents (server/print/toc-page-numbers.ts prints twice to learn them): each
 * entry carries `data-print-toc-target` = the id of its section (which it links to, so Chromium writes a
 * named destination for it) and holds an empty `data-print-toc-page` element for the number.
 */
export const PRINT_TOC_TARGET = 'data-print-toc-target';
export const PRINT_TOC_PAGE = 'data-print-toc-page';
/** Section id -> page number (1-based) in the printed PDF. */
export type TocPages = Record<string, number>;
export const PRINT_TOC_TARGETS_SCRIPT = `Array.from(document.querySelectorAll('${PRINT_ROOT} [${PRINT_TOC_TARGET}]'), (entry) => entry.getAttribute('${PRINT_TOC_TARGET}'))`;
/** Page code that writes the numbers into the entries' page elements (empty where a section has none). */
export function printTocPagesScript(pages: TocPages): string {
  return `(() => { const pages = ${JSON.stringify(pages)}; for (const entry of document.querySelectorAll('${PRINT_ROOT} [${PRINT_TOC_TARGET}]')) { const slot = entry.querySelector('[${PRINT_TOC_PAGE}]'); if (slot) slot.textContent = String(pages[entry.getAttribute('${PRINT_TOC_TARGET}')] ?? ''); } return true; })()`;
}

/** The routes that can be printed to PDF (hash routes of the app), with the file name offered. */
export function printableRoute(hashRoute: string): { route: string; fileName: string } | null {
  const route = hashRoute.replace(/^#/, '');
  const roll = /^\/zittingen\/(\d{1,9})\/rol$/.exec(route);
  if (roll) return { route, fileName: `zittingsrol-${roll[1]}.pdf` };
  const pack = /^\/overleg\/pakket\?(?:.*&)?period=(\d{4}-T[123])(?:&.*)?$/.exec(route);
  if (pack) return { route, fileName: `overlegpakket-${pack[1]}.pdf` };
  return null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// The templates are rendered apart from the page: no page CSS, and a tiny default font size.
const TEMPLATE_STYLE = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #222; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8mm;';

/**
 * Chromium's header and footer for printToPDF/page.pdf (displayHeaderFooter): the page's header line at the
 * top of every page, "Pagina X van Y" at the bottom (pageNumber and totalPages are filled in by Chromium).
 */
export function printHeaderFooter(header: string): { headerTemplate: string; footerTemplate: string } {
  return {
    headerTemplate: `<div style="${TEMPLATE_STYLE}"><span>${escapeHtml(header)}</span></div>`,
    footerTemplate: `<div style="${TEMPLATE_STYLE} justify-content: flex-end;"><span style="white-space: nowrap">Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
  };
}

/** Electron: the preload exposes this (window.ketenplannerPrint.savePdf) to print the route on screen to PDF. */
export const PRINT_GLOBAL_NAME = 'ketenplannerPrint';
export const PRINT_PDF_CHANNEL = 'ketenplanner:print-pdf';
/** The preload's savePdf from the main process's answer: the file, null (cancelled), or the problem thrown. */
export async function unwrapPrintAnswer(answer: Promise<unknown>): Promise<string | null> {
  const value = (await answer) as { file?: string | null; problem?: string } | null;
  if (value && typeof value.problem === 'string') throw new Error(value.problem);
  return value && typeof value.file === 'string' ? value.file : null;
}

export interface KetenplannerPrintBridge {
  /** Prints the page on screen to PDF and asks where to save it: the file written, or null (cancelled). */
  savePdf(): Promise<string | null>;
}
