import { createContext, useContext, type ReactNode } from 'react';
import type { ContractApi } from '../../shared/api/facade';

const ApiContext = createContext<ContractApi | null>(null);

/** Hands the one API object to every screen; a test or a preview can hand in its own. */
export function ApiProvider({ api, children }: { api: ContractApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ContractApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>');
  return api;
}
