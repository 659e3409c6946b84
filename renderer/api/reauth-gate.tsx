import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { CallName } from '../../shared/api/contract';
import { buildApi, callPlace, type ApiEnvelope, type ContractApi } from '../../shared/api/facade';
import { ReauthDialog } from '../ui/ReauthDialog';
import { ApiProvider, useApi } from './api-context';

type AnyCall = (input: unknown) => Promise<ApiEnvelope<unknown>>;

function callOf(api: ContractApi, name: CallName): AnyCall {
  const { namespace, method } = callPlace(name);
  const calls = (api as unknown as Record<string, Record<string, AnyCall>>)[namespace];
  const call = calls?.[method];
  if (!call) throw new Error(`no call ${name}`);
  return call;
}

/**
 * The screens below it never meet `auth.reauth_required` (issue 10): a call refused with it opens
 * the ReauthDialog, and once the person has typed their password or touched their key the same
 * call is sent once more; if they cancel, the screen gets the refusal as it came.
 */
export function ReauthGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const waiting = useRef<((confirmed: boolean) => void)[]>([]);

  const guarded = useMemo(() => {
    const ask = () =>
      new Promise<boolean>((resolve) => {
        waiting.current.push(resolve);
        setOpen(true);
      });
    return buildApi(async (name, input) => {
      const call = callOf(api, name);
      const first = await call(input);
      if (first.ok || first.error.code !== 'auth.reauth_required') return first;
      return (await ask()) ? call(input) : first;
    });
  }, [api]);

  const done = (confirmed: boolean) => {
    setOpen(false);
    for (const resolve of waiting.current.splice(0)) resolve(confirmed);
  };

  return (
    <ApiProvider api={guarded}>
      {children}
      <ReauthDialog open={open} onDone={done} />
    </ApiProvider>
  );
}
