import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import { isErrorCode } from '../../shared/errors/catalog';
import {
  factorSignInAnswerSchema,
  recoveryRenewAnswerSchema,
  secondFactorPaths,
  totpBeginAnswerSchema,
  totpConfirmAnswerSchema,
  type FactorSignInAnswer,
  type FactorSignInRequest,
} from '../../shared/sync/second-factor-protocol';
import type { ProvenSession } from '../../shared/sync/session-proof';
import type { Store } from '../store/open-store';
import { privateKeyFromBase64, signedHeaders } from '../sync/request-signer';
import { readSyncIdentity } from '../sync/sync-settings';

/**
 * The desk's side of second factors kept on the server (issue 10, item 2): on a desk enrolled
 * with a server, TOTP enrolment, recovery codes and sign-in with a code go to the server, online,
 * in device-signed requests (the sync transport's signature). Undefined on a desk that is not
 * enrolled: there, TOTP and recovery codes stay local and nothing leaves the desk.
 */
export interface SecondFactorServer {
  signIn(request: FactorSignInRequest): Promise<FactorSignInAnswer>;
  beginTotp(session: ProvenSession): Promise<{ uri: string; secret: string }>;
  confirmTotp(session: ProvenSession, code: string): Promise<{ enrolledAt: string }>;
  renewRecoveryCodes(session: ProvenSession): Promise<string[]>;
}

const refusalSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export function secondFactorServer(store: Store, timeoutMs = 10_000): SecondFactorServer | undefined {
  const identity = store.transaction((tx) => readSyncIdentity(tx));
  if (!identity) return undefined;
  const device = { deviceId: identity.deviceId, privateKey: privateKeyFromBase64(identity.privateKey) };

  async function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const payload = Buffer.from(JSON.stringify(body));
    for (const server of identity!.servers) {
      let response: Response;
      try {
        response = await fetch(new URL(path, server), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signedHeaders(device, 'POST', path, payload) },
          body: new Uint8Array(payload),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        continue;
      }
      if (response.status >= 500) continue;
      const answer: unknown = await response.json().catch(() => undefined);
      if (response.ok) return schema.parse(answer);
      const refusal = refusalSchema.safeParse(answer);
      if (refusal.success && isErrorCode(refusal.data.code)) {
        throw new AppError(refusal.data.code, { params: refusal.data.params ?? {} });
      }
      throw new AppError('factor.offline');
    }
    throw new AppError('factor.offline');
  }

  return {
    signIn: (request) => post(secondFactorPaths.signIn, request, factorSignInAnswerSchema),
    beginTotp: (session) => post(secondFactorPaths.totpBegin, { session }, totpBeginAnswerSchema),
    confirmTotp: (session, code) => post(secondFactorPaths.totpConfirm, { session, code }, totpConfirmAnswerSchema),
    renewRecoveryCodes: async (session) =>
      (await post(secondFactorPaths.recoveryRenew, { session }, recoveryRenewAnswerSchema)).codes,
  };
}
