import {
  desksHealthResponseSchema,
  healthReportSchema,
  type DesksHealthResponse,
  type HealthReport,
} from '../../shared/health/report';
import type { Store } from '../store/open-store';
import { privateKeyFromBase64, signedHeaders } from './request-signer';
import { readSyncIdentity } from './sync-settings';
import { SyncRefusedError, SyncUnreachableError } from './sync-transport';

/** The server's desks' health routes (server/monitoring/device-health-routes.ts), as a desk reaches them. */
export interface HealthServer {
  /** Sends this desk's report; the server keeps the latest. */
  send(report: HealthReport): Promise<void>;
  /** Every desk of the clinic, each with its latest report. */
  desks(): Promise<DesksHealthResponse>;
}

/**
 * The health routes signed with this desk's device key, on `server` (the sync worker's: the one
 * that answered last) or the desk's first server; none for a desk not enrolled with a server.
 */
export function healthServerOf(
  store: Store,
  options: { server?: string; timeoutMs?: number } = {},
): HealthServer | undefined {
  const identity = store.transaction((tx) => readSyncIdentity(tx));
  if (!identity) return undefined;
  const device = { deviceId: identity.deviceId, privateKey: privateKeyFromBase64(identity.privateKey) };
  const base = options.server ?? (identity.servers[0] as string);
  const timeoutMs = options.timeoutMs ?? 5_000;
  const request = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> => {
    const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = signedHeaders(device, method, path, payload);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers,
        body: body === undefined ? undefined : new Uint8Array(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SyncUnreachableError(`${base}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status >= 500) throw new SyncUnreachableError(`${base} answered ${response.status}`);
    if (!response.ok) throw new SyncRefusedError(response.status, 'sync.refused');
    return response;
  };
  return {
    send: async (report) => {
      await request('POST', '/v1/devices/health', healthReportSchema.parse(report));
    },
    desks: async () => desksHealthResponseSchema.parse(await (await request('GET', '/v1/devices/health')).json()),
  };
}

/**
 * After a cycle: this desk's report to the server (G5), best effort — a report that does not get
 * through is not a failed sync; the next cycle sends a fresh one. `report` makes it (services/health).
 */
export async function sendHealthReport(
  store: Store,
  server: string,
  report: () => Promise<HealthReport>,
): Promise<boolean> {
  try {
    const health = healthServerOf(store, { server });
    if (!health) return false;
    await health.send(await report());
    return true;
  } catch {
    return false;
  }
}
