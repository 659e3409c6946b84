import { createContext, useContext, type ReactNode } from 'react';
import type { CallOutput } from '../../shared/api/contract';
import { useApiQuery, type QueryState } from '../api/use-api-query';

export type Session = CallOutput<'session.whoami'>;

const SessionContext = createContext<QueryState<Session>>({ status: 'idle' });

/** Asks once who is signed in at this desk; the status bar and settings read the answer. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useApiQuery('whoami', (api) => api.session.whoami({}));
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): QueryState<Session> {
  return useContext(SessionContext);
}
