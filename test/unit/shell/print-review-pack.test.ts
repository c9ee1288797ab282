import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, packUrl, periodOnScreen, printReviewPack, printRouteToPdf, registerPrintIpc, type PackWindow, type PrintPackDeps } from '../../../electron/main/print-review-pack';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { PRINT_PDF_CHANNEL, PRINT_TOC_TARGET, PRINT_TOC_TARGETS_SCRIPT, printableRoute, printHeaderFooter, unwrapPrintAnswer } from '../../../shared/print/print-page';

/** A hidden window whose page becomes ready after `readyAfter` polls, with the given data-ready value. */
function fakeWindow(readyValue: 'true' | 'error', readyAfter = 2): PackWindow & { loaded: string[]; destroyed: boolean } {
  let polls = 0;
  const window = {
    loaded: [] as string[],
    destroyed: false,
    loadURL: vi.fn(async (url: string) => void window.loaded.push(url)),
    webContents: {
      executeJavaScript: vi.fn(async (code: string) => {
        if (code.includes('data-ready')) return ++polls > readyAfter ? readyValue : '';
        // No table of contents on this fake page (the two prints for page numbers: see below).
        if (code.includes(PRINT_TOC_TARGET)) return code.startsWith('Array.from') ? [] : true;
        if (code.includes('recharts-surface')) return true;
        if (code.includes('data-print-header')) return 'Arrondissement Oost-Nederland · Overlegpakket T3 2026';
        return 'Er ging iets mis Geen toegang';
      }),
      printToPDF: vi.fn(async () => new TextEncoder().encode('%PDF-1.7 fake')),
    },
    destroy: vi.fn(() => void (window.destroyed = true)),
  };
  return window;
}

function deps(window: PackWindow, target: string | null = '/tmp/pack.pdf') {
  const written: [string, Uint8Array][] = [];
  const steps: (string | null)[] = [];
  const d: PrintPackDeps = {
    openHiddenWindow: () => window,
    chooseTarget: vi.fn(async () => target),
    writeFile: async (file, data) => void written.push([file, data]),
    progress: (step) => void steps.push(step),
    sleep: async () => undefined,
    timeoutMs: 2_000,
  };
  return { d, written, steps };
}

describe('printing the review pack in Electron', () => {
  it('loads the pack route hidden, waits for data-ready and the charts, prints A4 and closes the window', async () => {
    const window = fakeWindow('true');
    const { d, written, steps } = deps(window);
    await expect(printReviewPack(d, '2026-T3')).resolves.toBe('/tmp/pack.pdf');
    expect(window.loaded).toEqual(['app://ketenplanner/index.html#/overleg/pakket?period=2026-T3']);
    // Chromium's header (the page's line) and footer (Pagina X van Y) on every page, tagged, with an outline.
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      ...printHeaderFooter('Arrondissement Oost-Nederland · Overlegpakket T3 2026'),
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    expect(new TextDecoder().decode(written[0]![1])).toMatch(/^%PDF-/);
    expect(steps).toEqual(['data', 'charts', 'pdf', null]);
    expect(window.destroyed).toBe(true);
  });

  it('prints a page with a table of contents twice, with the page numbers of the first print set in between', async () => {
    const window = fakeWindow('true');
    const scripts: string[] = [];
    const plain = vi.mocked(window.webContents.executeJavaScript).getMockImplementation()!;
    vi.mocked(window.webContents.executeJavaScript).mockImplementation(async (code: string) => {
      if (code === PRINT_TOC_TARGETS_SCRIPT) return ['pack-key-figures', 'pack-signals'];
      if (code.includes(PRINT_TOC_TARGET)) return void scripts.push(code);
      return plain(code);
    });
    // Chromium's PDF: the key figures on page 1, the signals on page 2 (named destinations in /Dests).
    vi.mocked(window.webContents.printToPDF).mockImplementation(async () => {
      const document = await PDFDocument.create({ updateMetadata: false });
      const pages = [document.addPage(), document.addPage()];
      const at = (page: number) => document.context.obj([pages[page]!.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(800), PDFNumber.of(0)]);
      document.catalog.set(PDFName.of('Dests'), document.context.obj({ 'pack-key-figures': at(0), 'pack-signals': at(1) }));
      return document.save();
    });
    const { d, written } = deps(window);
    await expect(printReviewPack(d, '2026-T3')).resolves.toBe('/tmp/pack.pdf');
    expect(window.webContents.printToPDF).toHaveBeenCalledTimes(2);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('{"pack-key-figures":1,"pack-signals":2}');
    expect(written).toHaveLength(1);
  });

  it('writes nothing and says why when the page could not load its data', async () => {
    const window = fakeWindow('error');
    const { d, written } = deps(window);
    await expect(printReviewPack(d, '2026-T3')).rejects.toThrow(/kon zijn gegevens niet laden: Er ging iets mis/);
    expect(written).toEqual([]);
    expect(window.destroyed).toBe(true);
  });

  it('gives up after the time limit, and does nothing when the save dialog is cancelled', async () => {
    const slow = fakeWindow('true', Number.POSITIVE_INFINITY);
    await expect(printReviewPack(deps(slow).d, '2026-T3')).rejects.toThrow(/niet klaar na 2 seconden \(gegevens\)/);
    const window = fakeWindow('true');
    await expect(printReviewPack(deps(window, null).d, '2026-T3')).resolves.toBeNull();
    expect(window.loaded).toEqual([]);
  });

  it.each([
    ['app://ketenplanner/index.html#/overleg/pakket?period=2025-T1', '2025-T1'],
    ['app://ketenplanner/index.html#/overleg?period=2026-T2', '2026-T2'],
    ['app://ketenplanner/index.html#/overleg?period=2026-T9', '2026-T3'],
    ['app://ketenplanner/index.html#/zittingen', '2026-T3'],
  ])('prints the period on screen (%s -> %s), else the current one', (url, period) => {
    expect(periodOnScreen(url, '2026-11-22')).toBe(period);
    expect(packUrl(period)).toContain(`period=${period}`);
  });

  it('puts the pack in the File menu and keeps the edit, view and window menus', () => {
    const onSave = vi.fn();
    const template = applicationMenuTemplate(onSave);
    expect(template.map((m) => m.role ?? m.label)).toEqual(['Bestand', 'editMenu', 'viewMenu', 'windowMenu']);
    const item = (template[0]!.submenu as { label?: string; click?: () => void }[])[0]!;
    expect(item.label).toBe('Overlegpakket als PDF bewaren…');
    item.click?.();
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('prints the court roll of a session the same way, and offers its own file name', async () => {
    const window = fakeWindow('true');
    const { d } = deps(window);
    await printRouteToPdf(d, '/zittingen/12/rol', 'zittingsrol-12.pdf');
    expect(d.chooseTarget).toHaveBeenCalledWith('zittingsrol-12.pdf');
    expect(window.loaded).toEqual(['app://ketenplanner/index.html#/zittingen/12/rol']);
  });

  it('the page button prints only printable routes of the app itself', async () => {
    let listener: ((event: { senderFrame: { url: string } | null }) => unknown) | undefined;
    const print = vi.fn(async () => '/tmp/rol.pdf');
    registerPrintIpc({ handle: (channel, l) => void (channel === PRINT_PDF_CHANNEL && (listener = l)) }, print);
    const ask = (url: string) => unwrapPrintAnswer(Promise.resolve(listener!({ senderFrame: { url } })));
    await expect(ask('app://ketenplanner/index.html#/zittingen/12/rol')).resolves.toBe('/tmp/rol.pdf');
    expect(print).toHaveBeenCalledWith('/zittingen/12/rol', 'zittingsrol-12.pdf');
    await expect(ask('https://example.org/#/zittingen/12/rol')).rejects.toThrow(/^Alleen de app zelf/);
    await expect(ask('app://ketenplanner/index.html#/instellingen')).rejects.toThrow(/^Deze pagina kan niet als PDF/);
    expect(print).toHaveBeenCalledOnce();
    print.mockRejectedValueOnce(new Error('De afdruk is niet klaar na 120 seconden (gegevens). Probeer het opnieuw.'));
    await expect(ask('app://ketenplanner/index.html#/zittingen/12/rol')).rejects.toThrow(/^De afdruk is niet klaar/);
  });

  it.each([
    ['#/zittingen/7/rol', 'zittingsrol-7.pdf'],
    ['#/overleg/pakket?period=2026-T2', 'overlegpakket-2026-T2.pdf'],
    ['#/zittingen/7/uitspraken', null],
    ['#/zittingen', null],
  ])('printableRoute(%s) offers %s', (hash, fileName) => {
    expect(printableRoute(hash)?.fileName ?? null).toBe(fileName);
  });

  it('puts the header line (escaped) and "Pagina X van Y" in Chromium’s templates', () => {
    const { headerTemplate, footerTemplate } = printHeaderFooter('Noord & <Zuid>');
    expect(headerTemplate).toContain('Noord &amp; &lt;Zuid&gt;');
    expect(footerTemplate).toContain('Pagina <span class="pageNumber"></span> van <span class="totalPages"></span>');
  });
});
