import { createContext, useContext, type ReactNode } from 'react';
import type { ServerPerson } from './server-session';

const ServerSessionContext = createContext<ServerPerson | null>(null);

/** District server mode: the signed-in person, for the header. Absent (standalone, Electron): null. */
export function ServerSessionProvider({ person, children }: { person: ServerPerson; children: ReactNode }) {
  return <ServerSessionContext.Provider value={person}>{children}</ServerSessionContext.Provider>;
}

export function useServerPerson(): ServerPerson | null {
  return useContext(ServerSessionContext);
}
