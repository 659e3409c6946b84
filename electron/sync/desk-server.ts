import type { Store } from '../store/open-store';
import { httpTransport } from './http-transport';
import { privateKeyFromBase64 } from './request-signer';
import { readSyncIdentity } from './sync-settings';
import type { SyncTransport } from './sync-transport';

/**
 * The server as the desk's core reaches it outside the sync worker (the auditor's screen, the
 * desks' health, `medcard verify`): requests signed with this desk's device key, like the worker's;
 * none for a desk that is not enrolled with a server. A short timeout: a person waits for the answer.
 */
export function deskServerOf(store: Store): SyncTransport | undefined {
  const identity = store.transaction((tx) => readSyncIdentity(tx));
  if (!identity) return undefined;
  return httpTransport({
    servers: identity.servers,
    deviceId: identity.deviceId,
    privateKey: privateKeyFromBase64(identity.privateKey),
    timeoutMs: 5_000,
  });
}
