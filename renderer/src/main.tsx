import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import { takeAccessToken } from './api/access-token';
import { createApiClient, type Transport } from './api/api-client';
import { ApiProvider } from './api/api-context';
import { queryClientConfig } from './api/server-polling';
import { loginUrl, probeServerSession, type ServerPerson } from './api/server-session';
import { ServerSessionProvider } from './api/server-session-context';
import { SyncStatusProvider, type DesktopSyncSource } from './api/sync-status-context';
import { findElectronBridge, httpTransport, ipcTransport, sessionTransport } from './api/transports';
import { findDesktopBridge } from './api/desktop-start';
import { DesktopStartScreen } from './components/DesktopStartScreen';
import type { DesktopBridge, DesktopStartState } from '../../shared/api/desktop-bridge';
import { App } from './app/App';
import { createI18n } from './i18n/i18n';
import './styles.css';
import './print.css';

const i18n = createI18n();
const root = createRoot(document.getElementById('root')!);

/** Sends the browser to sign in at the district server, coming back to this page (once: later calls wait for the navigation). */
let signingIn = false;
function goSignIn(): void {
  if (signingIn) return;
  signingIn = true;
  window.location.assign(loginUrl(window.location));
}

/**
 * Electron: the preload's bridge. Browser with a token in the URL: `ketenplanner serve`. Otherwise ask
 * the server whether it is a district server (GET /auth/me): then the session cookie, or sign in first.
 */
async function chooseTransport(): Promise<
  | { transport: Transport; person: ServerPerson | null; sync?: { source: DesktopSyncSource; serverUrl: string } }
  | { desktop: DesktopBridge; state: DesktopStartState }
  | 'signing-in'
  | null
> {
  const bridge = findElectronBridge();
  if (bridge) {
    // The desktop: the start screen first (district file or district server); connected, the person for the header.
    const desktop = findDesktopBridge();
    const state = desktop ? await desktop.state() : null;
    if (desktop && state?.phase === 'choose') return { desktop, state };
    // Connected (issue 14): the synchronisation's status for the header and the conflict inbox.
    const sync = desktop && state?.phase === 'server' && state.serverUrl ? { source: desktop, serverUrl: state.serverUrl } : undefined;
    return { transport: ipcTransport(bridge), person: state?.person ?? null, ...(sync ? { sync } : {}) };
  }
  const token = takeAccessToken(window.location, window.history, window.sessionStorage);
  if (token) return { transport: httpTransport(token), person: null };
  const probe = await probeServerSession();
  if (probe.kind === 'signed-out') {
    goSignIn();
    return 'signing-in';
  }
  return probe.kind === 'signed-in' ? { transport: sessionTransport(goSignIn), person: probe.person } : null;
}

const chosen = await chooseTransport();
const queryClient = new QueryClient(queryClientConfig(chosen !== null && chosen !== 'signing-in' && 'person' in chosen && chosen.person !== null));

function withSession(person: ServerPerson | null, children: ReactNode): ReactNode {
  return person ? <ServerSessionProvider person={person}>{children}</ServerSessionProvider> : children;
}

function withSync(sync: { source: DesktopSyncSource; serverUrl: string } | undefined, children: ReactNode): ReactNode {
  return sync ? (
    <SyncStatusProvider source={sync.source} serverUrl={sync.serverUrl}>
      {children}
    </SyncStatusProvider>
  ) : (
    children
  );
}

root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {chosen === 'signing-in' ? (
        <main id="main" className="panel" role="status">
          <h1>{i18n.t('app.title')}</h1>
          <p>{i18n.t('session.signingIn')}</p>
        </main>
      ) : chosen && 'desktop' in chosen ? (
        <DesktopStartScreen desktop={chosen.desktop} initial={chosen.state} onStarted={() => window.location.reload()} />
      ) : chosen ? (
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(chosen.transport)}>
            {withSession(
              chosen.person,
              withSync(
                chosen.sync,
                <HashRouter>
                  <App />
                </HashRouter>,
              ),
            )}
          </ApiProvider>
        </QueryClientProvider>
      ) : (
        <main id="main" className="panel panel-error" role="alert">
          <h1>{i18n.t('app.title')}</h1>
          <p>{i18n.t('errors.noToken')}</p>
        </main>
      )}
    </I18nextProvider>
  </StrictMode>,
);
