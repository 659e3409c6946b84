import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/cabinet/cabinet-api';
import { CabinetClient } from './cabinet-client';
import { CabinetError } from './cabinet-error';

interface Session {
  client: CabinetClient;
  /** undefined while the first GET /me is under way; null without a session. */
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<Me | null>;
}

const SessionContext = createContext<Session | null>(null);

/** The API client and who is signed in (GET /me), for every screen. */
export function SessionProvider({ client, children }: { client: CabinetClient; children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      const current = await client.me();
      setMe(current);
      return current;
    } catch (error) {
      if (error instanceof CabinetError && error.status === 401) {
        setMe(null);
        return null;
      }
      setMe((previous) => previous ?? null);
      throw error;
    }
  }, [client]);
  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);
  const value = useMemo(() => ({ client, me, setMe, refresh }), [client, me, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function useClient(): CabinetClient {
  return useSession().client;
}
