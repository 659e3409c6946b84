import { buildApi, type ContractApi } from '../../shared/api/facade';
import { createHttpInvoke } from './http-invoke';
import { createIpcInvoke } from './ipc-invoke';

/** Electron's preload when present, otherwise the browser host over HTTP (trading `launchSecret` first). */
export function selectApi(launchSecret: string | null): ContractApi {
  return buildApi(window.api ? createIpcInvoke(window.api) : createHttpInvoke(launchSecret));
}
