import { randomUUID } from 'node:crypto';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/facade';
import { AppError, toApiError } from '../../shared/errors/app-error';
import type { Core } from '../core/core';
import { apiChannel } from './api-channel';
import { isAppUrl } from './app-origin';

export interface RegisterApiOptions {
  /** Where an unexpected failure is reported; the renderer only sees its incident id. */
  log?: (message: string, error: unknown) => void;
}

/**
 * One `ipcMain.handle` per contract call and no other channel. A call is answered only for a
 * frame on app://desk; the core validates the input and checks the permission.
 * Returns a function that removes the handlers.
 */
export function registerApi(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<Core, 'dispatch'>,
  options: RegisterApiOptions = {},
): () => void {
  const log = options.log ?? ((message, error) => console.error(message, error));

  for (const name of callNames) {
    ipc.handle(apiChannel(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiEnvelope<unknown>> => {
      const url = event.senderFrame?.url;
      if (url === undefined || !isAppUrl(url)) return { ok: false, error: toApiError(new AppError('host.origin')) };
      try {
        return await core.dispatch(name, input);
      } catch (error) {
        const incident = randomUUID();
        log(`api ${name} failed, incident ${incident}`, error);
        return { ok: false, error: { ...toApiError(new AppError('api.internal')), incident } };
      }
    });
  }

  return () => {
    for (const name of callNames) ipc.removeHandler(apiChannel(name));
  };
}
