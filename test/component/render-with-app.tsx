import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { createApiClient, type Transport } from '../../renderer/src/api/api-client';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { createI18n } from '../../renderer/src/i18n/i18n';

/** Renders a page with the app's real providers around it, talking to the given transport. */
export function renderWithApp(ui: ReactElement, transport: Transport, route = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n()}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={createApiClient(transport)}>
          <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
        </ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
