import { useState, type ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

/** Where 'Terug naar het overzicht' leads: the week of sessions, the app's start page. */
export const OVERVIEW_PATH = '/zittingen';

/** The text a user can copy for the administrator: what failed, where, and the stack. */
export function describeFault(error: unknown, path: string): string {
  const head = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `Pagina: ${path}\n${head}${stack}`;
}

function PageFault({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [copied, setCopied] = useState(false);
  const text = describeFault(error, pathname);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <section role="alert" className="panel panel-error" aria-labelledby="page-fault-title">
      <h1 id="page-fault-title">{t('errors.pageTitle')}</h1>
      <p>{t('errors.pageIntro')}</p>
      <div className="actions">
        <button type="button" onClick={resetErrorBoundary}>
          {t('app.retry')}
        </button>
        <Link to={OVERVIEW_PATH}>{t('errors.backToOverview')}</Link>
      </div>
      <details>
        <summary>{t('errors.technicalDetails')}</summary>
        <textarea readOnly rows={6} value={text} aria-label={t('errors.technicalDetails')} className="fault-text" />
        <button type="button" onClick={copy}>
          {t('errors.copyDetails')}
        </button>
        {copied && <span role="status"> {t('errors.copied')}</span>}
      </details>
    </section>
  );
}

/**
 * Catches a render fault of one page: shows a Dutch message, 'Opnieuw proberen', a link back to the
 * overview and the error as copyable text, never a blank window. Leaving the page (another path)
 * clears the fault, so the navigation keeps working.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary FallbackComponent={PageFault} resetKeys={[pathname]}>
      {children}
    </ErrorBoundary>
  );
}

/** A layout route that gives every page below it its own error boundary. */
export function PageBoundaryOutlet() {
  return (
    <PageErrorBoundary>
      <Outlet />
    </PageErrorBoundary>
  );
}
