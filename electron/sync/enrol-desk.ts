import { generateKeyPairSync } from 'node:crypto';
import { AppError } from '../../shared/errors/app-error';
import { enrolRequestSchema, enrolResponseSchema, syncErrorSchema } from '../../shared/sync/protocol';
import type { Store } from '../store/open-store';
import { writeSyncIdentity, type SyncIdentity } from './sync-settings';
import { SyncRefusedError, SyncUnreachableError } from './sync-transport';

/**
 * Enrols this desk with the central server using an admin's one-time code: makes the desk's
 * Ed25519 key pair, gives the server the public half, and keeps the private half (and the
 * server addresses) inside the encrypted database.
 */
export async function enrolDesk(
  store: Store,
  options: { servers: string[]; code: string; name: string },
): Promise<SyncIdentity> {
  for (const server of options.servers) assertSecureServer(server);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const body = enrolRequestSchema.parse({
    code: options.code.trim(),
    name: options.name,
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  });
  let response: Response | undefined;
  let lastError: unknown;
  for (const server of options.servers) {
    try {
      response = await fetch(new URL('/v1/devices/enrol', server), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status < 500) break;
    } catch (error) {
      lastError = error;
    }
  }
  if (!response || response.status >= 500) {
    throw new SyncUnreachableError(
      `No sync server answered: ${lastError instanceof Error ? lastError.message : String(response?.status)}`,
    );
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = syncErrorSchema.safeParse(payload);
    throw error.success
      ? SyncRefusedError.received(response.status, error.data)
      : new SyncRefusedError(response.status, 'sync.refused', {
          ru: 'Сервер отказал в подключении',
          en: 'The server refused the enrolment',
        });
  }
  const { deviceId } = enrolResponseSchema.parse(payload);
  const identity: SyncIdentity = {
    servers: options.servers,
    deviceId,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    enrolledAt: new Date().toISOString(),
  };
  store.transaction((tx) => writeSyncIdentity(tx, identity));
  return identity;
}

const loopbackHosts = new Set(['localhost', '[::1]']);

/**
 * A server address the desk may send its enrolment code and then its patients' data to:
 * `https://`, or plain `http://` to this same computer only (a server beside the desk, tests).
 */
export function assertSecureServer(address: string): void {
  const url = URL.canParse(address) ? new URL(address) : undefined;
  const loopback = url !== undefined && (loopbackHosts.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname));
  if (url?.protocol === 'https:' || (url?.protocol === 'http:' && loopback)) return;
  throw new AppError('cli.enrol.insecure_server', { field: 'server', params: { url: address.slice(0, 200) } });
}
