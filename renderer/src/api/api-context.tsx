import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { ApiClient } from './api-client';
import { refreshLiveQueriesAfterMutations } from './live-refresh';

const ApiContext = createContext<ApiClient | null>(null);

/** Must sit inside a QueryClientProvider: it installs the app's refresh rule (live-refresh.ts). */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => refreshLiveQueriesAfterMutations(queryClient), [queryClient]);
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}
