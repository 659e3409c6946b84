import type { ApiEnvelope, ContractApi } from '../../shared/api/facade';

type CallTable = Record<string, Record<string, (input: unknown) => Promise<ApiEnvelope<unknown>>>>;

/**
 * Answers that mean "the desk is no longer where this screen thinks it is": nobody is signed in,
 * the session was locked (by the main process's idle timer, say), or the person must finish
 * setting up their account first.
 */
const sessionLostCodes: ReadonlySet<string> = new Set([
  'auth.required',
  'auth.session_locked',
  'auth.account_setup_required',
]);

export function isSessionLost(code: string): boolean {
  return sessionLostCodes.has(code);
}

/**
 * The one place that reacts to a lost session: every call made through the returned API that is
 * answered with such a code tells `onSessionLost`, which asks the main process who is at the
 * desk now (and so brings up the lock or sign-in screen).
 */
export function guardApi(api: ContractApi, onSessionLost: () => void): ContractApi {
  const table = api as unknown as CallTable;
  const guarded: CallTable = {};
  for (const [namespace, methods] of Object.entries(table)) {
    const calls: CallTable[string] = {};
    for (const [method, call] of Object.entries(methods)) {
      calls[method] = async (input) => {
        const envelope = await call(input);
        if (!envelope.ok && isSessionLost(envelope.error.code)) onSessionLost();
        return envelope;
      };
    }
    guarded[namespace] = calls;
  }
  return guarded as unknown as ContractApi;
}
