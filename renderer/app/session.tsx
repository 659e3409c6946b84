import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CallOutput } from '../../shared/api/contract';
import type { Permission } from '../../shared/auth/permissions';
import { ApiProvider, useApi } from '../api/api-context';
import { guardApi } from '../api/session-guard';
import type { QueryState } from '../api/use-api-query';

export type Session = CallOutput<'session.whoami'>;

/** Asked now and then, so a lock made by the main process (its own idle timer) shows soon. */
const whoamiIntervalMs = 15_000;

interface SessionControl {
  state: QueryState<Session>;
  /** Ask the main process again who is at the desk. */
  refresh: () => void;
  /** A step that changed the session answered with the new one: show it. */
  apply: (session: Session) => void;
  /** Ctrl+L, the status bar's lock button, the idle timer. */
  lock: () => Promise<void>;
  /** "Switch user": the person leaves; nothing of theirs stays on the screen. */
  signOut: () => Promise<void>;
  /** Grows at every sign-out, so whatever the app keeps is made anew for the next person. */
  generation: number;
}

const SessionContext = createContext<SessionControl | null>(null);

/**
 * Who is at this desk, as the main process says (the renderer is told, never trusted). Hands
 * its children an API that refetches the session whenever a call is refused because the
 * session was lost, so the lock or sign-in screen comes up from wherever it happened.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const rawApi = useApi();
  const [state, setState] = useState<QueryState<Session>>({ status: 'loading', previous: null });
  const [generation, setGeneration] = useState(0);
  // The latest question wins: an answer to an older whoami never overwrites a newer session.
  const sequence = useRef(0);

  const show = useCallback((next: QueryState<Session>) => {
    setState((prior) => (JSON.stringify(prior) === JSON.stringify(next) ? prior : next));
  }, []);

  const refresh = useCallback(() => {
    const asked = ++sequence.current;
    void rawApi.session.whoami({}).then((envelope) => {
      if (asked !== sequence.current) return;
      show(envelope.ok ? { status: 'ok', data: envelope.data } : { status: 'failed', error: envelope.error });
    });
  }, [rawApi, show]);

  const apply = useCallback(
    (session: Session) => {
      sequence.current += 1;
      show({ status: 'ok', data: session });
    },
    [show],
  );

  const lock = useCallback(async () => {
    const envelope = await rawApi.auth.lock({});
    if (envelope.ok) apply(envelope.data);
    else refresh();
  }, [rawApi, apply, refresh]);

  const signOut = useCallback(async () => {
    const envelope = await rawApi.auth.signOut({});
    // The next person starts at the beginning, not on the previous person's last screen.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
    setGeneration((value) => value + 1);
    if (envelope.ok) apply(envelope.data);
    else refresh();
  }, [rawApi, apply, refresh]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, whoamiIntervalMs);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const api = useMemo(() => guardApi(rawApi, refresh), [rawApi, refresh]);
  const control = useMemo(
    () => ({ state, refresh, apply, lock, signOut, generation }),
    [state, refresh, apply, lock, signOut, generation],
  );
  return (
    <SessionContext.Provider value={control}>
      <ApiProvider api={api}>{children}</ApiProvider>
    </SessionContext.Provider>
  );
}

export function useSessionControl(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error('useSessionControl() outside <SessionProvider>');
  return control;
}

/** The session as last answered: the status bar, settings and names read it. */
export function useSession(): QueryState<Session> {
  return useSessionControl().state;
}

/** What the signed-in person's role allows (to hide what they may not use; the main process enforces). */
export function usePermissions(): (permission: Permission) => boolean {
  const state = useSession();
  const granted = state.status === 'ok' ? state.data.permissions : [];
  return (permission) => granted.includes(permission);
}
