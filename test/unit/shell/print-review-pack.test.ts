import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, packUrl, periodOnScreen, printReviewPack, type PackWindow, type PrintPackDeps } from '../../../electron/main/print-review-pack';

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
        if (code.includes('recharts-surface')) return true;
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
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(new TextDecoder().decode(written[0]![1])).toMatch(/^%PDF-/);
    expect(steps).toEqual(['data', 'charts', 'pdf', null]);
    expect(window.destroyed).toBe(true);
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
    await expect(printReviewPack(deps(slow).d, '2026-T3')).rejects.toThrow(/niet klaar na 2 seconden/);
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
});
