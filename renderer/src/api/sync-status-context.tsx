import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { DesktopBridge } from '../../../shared/api/desktop-bridge';
import type { SyncStatus } from '../../../shared/api/sync-status';

/**
 * A desktop connected to a district server (issue 14): the synchronisation's status from the main
 * process (online or offline, unconfirmed actions, conflicts), read every SYNC_POLL_MS and after every
 * write (it is a query like the others, so the refresh rule after a write reads it again). When the
 * connection changes, or the server confirmed or refused actions, every other query is read again: the
 * data then comes from the other side (the server, or the local copy).
 */
export type DesktopSyncSource = Pick<DesktopBridge, 'syncStatus' | 'syncNow' | 'resolveConflict'> & Partial<Pick<DesktopBridge, 'signIn'>>;

interface SyncContextValue {
  source: DesktopSyncSource;
  /** The district server's host, as the header names it. */
  host: string;
}

const SyncContext = createContext<SyncContextValue | null>(null);

export const SYNC_STATUS_QUERY_KEY = ['desktop.syncStatus'] as const;
export const SYNC_POLL_MS = 2_000;

export function SyncStatusProvider({ source, serverUrl, children }: { source: DesktopSyncSource; serverUrl: string; children: ReactNode }) {
  return (
    <SyncContext.Provider value={{ source, host: hostOf(serverUrl) }}>
      <RefetchOnSyncChange source={source} />
      {children}
    </SyncContext.Provider>
  );
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host;
  } catch {
    return serverUrl;
  }
}

function useStatusQuery(source: DesktopSyncSource | null) {
  return useQuery({
    queryKey: SYNC_STATUS_QUERY_KEY,
    queryFn: async () => (source ? source.syncStatus() : null),
    enabled: source !== null,
    refetchInterval: SYNC_POLL_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
}

/** What changes the data the pages show: the connection, the unconfirmed and the refused actions. */
function fingerprintOf(status: SyncStatus | null | undefined): string {
  if (!status) return '';
  return JSON.stringify([status.connection, status.dataAsOf, status.pending.map((p) => p.requestId), status.conflicts.map((c) => c.id)]);
}

function RefetchOnSyncChange({ source }: { source: DesktopSyncSource }) {
  const queryClient = useQueryClient();
  const { data } = useStatusQuery(source);
  const previous = useRef<string | null>(null);
  const fingerprint = fingerprintOf(data);
  useEffect(() => {
    if (data === undefined) return;
    const before = previous.current;
    previous.current = fingerprint;
    if (before === null || before === fingerprint) return;
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SYNC_STATUS_QUERY_KEY[0] });
  }, [data, fingerprint, queryClient]);
  return null;
}

export interface SyncState {
  /** Null: standalone, a browser, or the status is not yet known. */
  status: SyncStatus | null;
  host: string | null;
  source: DesktopSyncSource | null;
  /** Reads the status again (after sync now or a conflict choice). */
  refresh(): Promise<void>;
}

export function useSyncState(): SyncState {
  const context = useContext(SyncContext);
  const queryClient = useQueryClient();
  const query = useStatusQuery(context?.source ?? null);
  return {
    status: query.data ?? null,
    host: context?.host ?? null,
    source: context?.source ?? null,
    refresh: () => queryClient.invalidateQueries({ queryKey: SYNC_STATUS_QUERY_KEY }),
  };
}

/** True while a connected desktop cannot reach its district server (or must sign in again). */
export function useIsOffline(): boolean {
  const { status } = useSyncState();
  return status !== null && status.connection !== 'online';
}
