import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrintButton } from '../../renderer/src/components/PrintButton';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { PRINT_GLOBAL_NAME } from '../../shared/print/print-page';

function renderPage(printable: boolean) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <article {...(printable ? { 'data-print-root': '' } : {})}>
        <PrintButton />
      </article>
    </I18nextProvider>,
  );
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[PRINT_GLOBAL_NAME];
  vi.restoreAllMocks();
});

describe("the 'Afdrukken / PDF' button (issue 15, items 4 and 10)", () => {
  it('in the browser opens the print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPage(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Afdrukken / PDF' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('in Electron saves a printable page as PDF through the main process and says where', async () => {
    const savePdf = vi.fn(async () => '/home/griffie/zittingsrol-12.pdf');
    (globalThis as Record<string, unknown>)[PRINT_GLOBAL_NAME] = { savePdf };
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPage(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Afdrukken / PDF' }));
    expect(savePdf).toHaveBeenCalledOnce();
    expect(print).not.toHaveBeenCalled();
    expect(await screen.findByText('PDF bewaard: /home/griffie/zittingsrol-12.pdf')).toBeTruthy();
  });

  it('in Electron says in Dutch when the PDF failed, and prints other pages as they are', async () => {
    (globalThis as Record<string, unknown>)[PRINT_GLOBAL_NAME] = { savePdf: vi.fn(async () => Promise.reject(new Error('De pagina kon zijn gegevens niet laden.'))) };
    renderPage(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Afdrukken / PDF' }));
    expect((await screen.findByRole('alert')).textContent).toBe('De PDF is niet gemaakt: De pagina kon zijn gegevens niet laden. Probeer het opnieuw.');
  });

  it('in Electron prints a page without a print root (the week) with the print dialog', async () => {
    const savePdf = vi.fn(async () => null);
    (globalThis as Record<string, unknown>)[PRINT_GLOBAL_NAME] = { savePdf };
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPage(false);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Afdrukken / PDF' }));
    expect(print).toHaveBeenCalledOnce();
    expect(savePdf).not.toHaveBeenCalled();
  });
});
