import { callPlace, type ApiEnvelope, type ContractApi, type Invoke } from '../../shared/api/facade';
import { localFailure } from './local-failure';

type CallTable = Record<string, Record<string, (input: unknown) => Promise<ApiEnvelope<unknown>>>>;

/** Calls through the preload's `window.api`; a rejected IPC call becomes a failure envelope. */
export function createIpcInvoke(api: ContractApi): Invoke {
  const table = api as unknown as CallTable;
  return async (name, input) => {
    const { namespace, method } = callPlace(name);
    try {
      return await table[namespace]![method]!(input);
    } catch {
      return localFailure('api.internal');
    }
  };
}
