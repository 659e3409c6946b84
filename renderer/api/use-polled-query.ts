import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from './api-context';
import type { ApiRequest, QueryState } from './use-api-query';

export interface PolledQuery<T> {
  state: QueryState<T>;
  /** Ask now; if a request is on its way, ask again as soon as it is answered. */
  refresh: () => void;
}

/**
 * Asks `request` now and then `intervalMs` after each answer, so two requests never overlap and
 * a slow host is not flooded. A hidden tab is not polled; coming back to it asks at once.
 */
export function usePolledQuery<T>(request: ApiRequest<T>, intervalMs: number): PolledQuery<T> {
  const api = useApi();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading', previous: null });
  const latestRequest = useRef(request);
  const askNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    latestRequest.current = request;
  });

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    let askAgain = false;
    let timer: number | undefined;

    const cancelTimer = () => {
      window.clearTimeout(timer);
      timer = undefined;
    };
    const scheduleNext = () => {
      cancelTimer();
      if (!stopped && !document.hidden) timer = window.setTimeout(ask, intervalMs);
    };
    function ask(): void {
      cancelTimer();
      if (inFlight) {
        askAgain = true;
        return;
      }
      inFlight = true;
      void latestRequest.current(api).then((envelope) => {
        inFlight = false;
        if (stopped) return;
        setState(envelope.ok ? { status: 'ok', data: envelope.data } : { status: 'failed', error: envelope.error });
        if (askAgain) {
          askAgain = false;
          ask();
        } else {
          scheduleNext();
        }
      });
    }
    const onVisibilityChange = () => {
      if (document.hidden) cancelTimer();
      else if (!inFlight) ask();
    };

    document.addEventListener('visibilitychange', onVisibilityChange);
    askNow.current = ask;
    if (!document.hidden) ask();
    return () => {
      stopped = true;
      cancelTimer();
      document.removeEventListener('visibilitychange', onVisibilityChange);
      askNow.current = () => undefined;
    };
  }, [api, intervalMs]);

  const refresh = useCallback(() => askNow.current(), []);
  return { state, refresh };
}
