import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import { takeAccessToken } from './api/access-token';
import { createApiClient, type Transport } from './api/api-client';
import { ApiProvider } from './api/api-context';
import { findElectronBridge, httpTransport, ipcTransport } from './api/transports';
import { App } from './app/App';
import { createI18n } from './i18n/i18n';
import './styles.css';
import './print.css';

const i18n = createI18n();
const root = createRoot(document.getElementById('root')!);

function chooseTransport(): Transport | null {
  const bridge = findElectronBridge();
  if (bridge) return ipcTransport(bridge);
  const token = takeAccessToken(window.location, window.history, window.sessionStorage);
  return token ? httpTransport(token) : null;
}

const transport = chooseTransport();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {transport ? (
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(transport)}>
            <HashRouter>
              <App />
            </HashRouter>
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
