import type { ApiError } from '../errors/app-error';
import { callNames, type CallInput, type CallName, type CallOutput } from './contract';

/** What every transport (IPC, HTTP, a test) answers for a call. */
export type ApiEnvelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export type Invoke = (name: CallName, input: unknown) => Promise<ApiEnvelope<unknown>>;

type Namespace<N> = N extends `${infer NS}.${string}` ? NS : never;

/** `api.patients.search(input)` for the call `patients.search`, and so on for each call. */
export type ContractApi = {
  [NS in Namespace<CallName>]: {
    [N in CallName as N extends `${NS}.${infer M}` ? M : never]: (
      input: CallInput<N>,
    ) => Promise<ApiEnvelope<CallOutput<N>>>;
  };
};

/**
 * Where a call lives on the API object: `chart.reports.accept` is `api.chart['reports.accept']`
 * (the namespace ends at the first dot).
 */
export function callPlace(name: CallName): { namespace: string; method: string } {
  const dot = name.indexOf('.');
  return { namespace: name.slice(0, dot), method: name.slice(dot + 1) };
}

/** Builds the namespaced API object over one transport. */
export function buildApi(invoke: Invoke): ContractApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<ApiEnvelope<unknown>>>> = {};
  for (const name of callNames) {
    const { namespace, method } = callPlace(name);
    api[namespace] ??= {};
    api[namespace][method] = (input: unknown) => invoke(name, input);
  }
  return api as unknown as ContractApi;
}
