import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { isErrorCode } from '../../../shared/errors/catalog';
import type { ProvenSession } from '../../../shared/sync/session-proof';
import type { Store } from '../../store/open-store';
import { privateKeyFromBase64, signedHeaders } from '../../sync/request-signer';
import { readSyncIdentity } from '../../sync/sync-settings';

export const printedCodeAnswerSchema = z.object({ code: z.string().min(1), expiresAt: z.string() });
export type PrintedCodeAnswer = z.infer<typeof printedCodeAnswerSchema>;

/** The server's desk-signed application routes (H3's `registerDeskApplicationRoutes`). */
export interface ApplicationServer {
  printedCode(applicationId: string, session: ProvenSession): Promise<PrintedCodeAnswer>;
}

const refusalSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * The server's application routes as this desk reaches them: online, in requests signed with the
 * device key (as the sync transport's and second factors' are), the primary server first, then
 * the backup. Undefined on a desk not enrolled with a server. A refusal with a known code is
 * thrown as that code; no answer at all as `application.desk.server_unreachable`.
 */
export function applicationServer(store: Store, timeoutMs = 10_000): ApplicationServer | undefined {
  const identity = store.transaction((tx) => readSyncIdentity(tx));
  if (!identity) return undefined;
  const device = { deviceId: identity.deviceId, privateKey: privateKeyFromBase64(identity.privateKey) };
  const servers = identity.servers;

  async function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const payload = Buffer.from(JSON.stringify(body));
    for (const server of servers) {
      const response = await fetch(new URL(path, server), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(device, 'POST', path, payload) },
        body: new Uint8Array(payload),
        signal: AbortSignal.timeout(timeoutMs),
      }).catch(() => undefined);
      if (!response || response.status >= 500) continue;
      const answer: unknown = await response.json().catch(() => undefined);
      if (response.ok) return schema.parse(answer);
      const refusal = refusalSchema.safeParse(answer);
      if (refusal.success && isErrorCode(refusal.data.code))
        throw new AppError(refusal.data.code, { params: refusal.data.params ?? {} });
      throw new AppError('application.desk.server_unreachable');
    }
    throw new AppError('application.desk.server_unreachable');
  }

  return {
    printedCode: (applicationId, session) =>
      post(`/v1/applications/${encodeURIComponent(applicationId)}/printed-code`, { session }, printedCodeAnswerSchema),
  };
}
