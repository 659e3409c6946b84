import { useEffect, useState } from 'react';
import type { ApiEnvelope, ContractApi } from '../../shared/api/facade';
import type { ApiError } from '../../shared/errors/app-error';
import { useApi } from './api-context';

export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous: T | null }
  | { status: 'ok'; data: T }
  | { status: 'failed'; error: ApiError };

/** The most recent answer a state still knows, for showing (not using) while the next loads. */
function lastAnswer<T>(state: QueryState<T>): T | null {
  if (state.status === 'ok') return state.data;
  if (state.status === 'loading') return state.previous;
  return null;
}

export type ApiRequest<T> = (api: ContractApi) => Promise<ApiEnvelope<T>>;

/**
 * Runs `request` whenever `key` changes (after `delayMs`, for typing) and shows only the answer
 * to the latest key: an answer that arrives after the key moved on is dropped. A null request
 * means "nothing to ask".
 */
export function useApiQuery<T>(key: string, request: ApiRequest<T> | null, delayMs = 0): QueryState<T> {
  const api = useApi();
  const [state, setState] = useState<{ key: string; value: QueryState<T> }>(() => ({
    key,
    value: request ? { status: 'loading', previous: null } : { status: 'idle' },
  }));

  useEffect(() => {
    if (!request) {
      setState({ key, value: { status: 'idle' } });
      return;
    }
    let current = true;
    setState((prior) => ({ key, value: { status: 'loading', previous: lastAnswer(prior.value) } }));
    const timer = window.setTimeout(() => {
      void request(api).then((envelope) => {
        if (!current) return;
        setState({
          key,
          value: envelope.ok ? { status: 'ok', data: envelope.data } : { status: 'failed', error: envelope.error },
        });
      });
    }, delayMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // The request closure is new on every render; the key says when the question changed.
  }, [api, key, delayMs]);

  if (state.key === key) return state.value;
  // The key moved on and the effect has not run yet: do not show the old question's answer.
  if (!request) return { status: 'idle' };
  return { status: 'loading', previous: lastAnswer(state.value) };
}
