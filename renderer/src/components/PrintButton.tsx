import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINT_GLOBAL_NAME, PRINT_ROOT, type KetenplannerPrintBridge } from '../../../shared/print/print-page';

function findPrintBridge(): KetenplannerPrintBridge | null {
  const bridge = (globalThis as Record<string, unknown>)[PRINT_GLOBAL_NAME];
  return bridge && typeof bridge === 'object' && 'savePdf' in bridge ? (bridge as KetenplannerPrintBridge) : null;
}

/**
 * 'Afdrukken / PDF': in the Electron app the page is printed to PDF (webContents.printToPDF with page
 * numbers, electron/main/print-review-pack.ts) and saved where the user chooses; in browser mode the
 * browser's own print dialog (which can also save as PDF). Never printed itself.
 */
export function PrintButton({ label, openOnPrint }: { label?: string; openOnPrint?: string }) {
  const { t } = useTranslation();
  // Folded parts (<details>) the printout must show, also when printing from the browser's menu.
  useEffect(() => {
    if (!openOnPrint) return;
    const open = () => document.querySelectorAll<HTMLDetailsElement>(openOnPrint).forEach((details) => (details.open = true));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, [openOnPrint]);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'saved'; file: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const print = async () => {
    const bridge = findPrintBridge();
    // Pages made for PDF (data-print-root) go through Electron's printToPDF; the others print as they are.
    if (!bridge || !document.querySelector(PRINT_ROOT)) {
      window.print();
      return;
    }
    setState({ kind: 'busy' });
    try {
      const file = await bridge.savePdf();
      setState(file ? { kind: 'saved', file } : { kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <span className="print-button no-print">
      <button type="button" onClick={() => void print()} disabled={state.kind === 'busy'}>
        {label ?? t('print.button')}
      </button>
      <span role="status">
        {state.kind === 'busy' && t('print.busy')}
        {state.kind === 'saved' && t('print.saved', { file: state.file })}
      </span>
      {state.kind === 'failed' && <span role="alert">{t('print.failed', { message: state.message })}</span>}
    </span>
  );
}
