import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  // A screen's own answer (a confirmed e-mail, a sign-in) is newer than a GET /me that was already
  // under way: the older answer must not undo it. Each setMe moves the generation on.
  const generation = useRef(0);
  const setMe = useCallback((next: Me | null) => {
    generation.current += 1;
    setMeState(next);
  }, []);
  const refresh = useCallback(async () => {
    const asked = generation.current;
    const settle = (next: Me | null) => {
      if (generation.current === asked) setMe(next);
    };
    try {
      const current = await client.me();
      settle(current);
      return current;
    } catch (error) {
      if (error instanceof CabinetError && error.status === 401) {
        settle(null);
        return null;
      }
      if (generation.current === asked) setMeState((previous) => previous ?? null);
      throw error;
    }
  }, [client, setMe]);
  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);
  const value = useMemo(() => ({ client, me, setMe, refresh }), [client, me, setMe, refresh]);
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
