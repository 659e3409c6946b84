import type { Store } from '../../store/open-store';
import type { AuditTransport } from '../../sync/audit-transport';
import { httpTransport } from '../../sync/http-transport';
import { privateKeyFromBase64 } from '../../sync/request-signer';
import { readSyncIdentity } from '../../sync/sync-settings';

/**
 * The server's audit routes as the desk's core reaches them (the auditor's screen, `medcard
 * verify`): requests signed with this desk's device key, like the sync worker's; none for a desk
 * that is not enrolled with a server. A short timeout: the auditor waits for the answer.
 */
export function auditServerOf(store: Store): AuditTransport | undefined {
  const identity = store.transaction((tx) => readSyncIdentity(tx));
  if (!identity) return undefined;
  return httpTransport({
    servers: identity.servers,
    deviceId: identity.deviceId,
    privateKey: privateKeyFromBase64(identity.privateKey),
    timeoutMs: 5_000,
  }).audit;
}
