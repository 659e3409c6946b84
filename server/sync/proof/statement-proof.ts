import { createHash } from 'node:crypto';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { Knex } from 'knex';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { maxSessionMs, statementText, type ProvenSession } from '../../../shared/sync/session-proof';
import type { TicketKey } from '../../auth/ticket-key';

/** What checking a statement's proof needs from the server. */
export interface StatementVerifier {
  ticketKey: TicketKey;
  /**
   * The WebAuthn RP ids desks use (`desk` under Electron, `localhost` for the browser host). The
   * key binds its signature to the RP id (rpIdHash), so that is what is checked; the origin is the
   * desk's own report and is only required to belong to that RP id (`originFits`).
   */
  rpIds: readonly string[];
}

export const defaultRpIds: readonly string[] = ['desk', 'localhost'];

/**
 * Checks what vouches for a session statement, in the push's transaction (so a key registered
 * earlier in the same push counts — the first admin's): the server's own ticket, or the person's
 * WebAuthn assertion over `base64url(SHA-256(statementText))` by a key registered to the
 * statement's person and not revoked. Also the statement's own shape of time: at most
 * `maxSessionMs` long.
 */
export async function refuseStatement(
  trx: Knex.Transaction,
  proven: ProvenSession,
  verifier: StatementVerifier,
): Promise<ErrorCode | null> {
  const { statement, proof } = proven;
  const issued = Date.parse(statement.issuedAt);
  const expires = Date.parse(statement.expiresAt);
  if (!(expires > issued) || expires - issued > maxSessionMs) return 'sync.proof.expired';
  if (proof.kind === 'ticket') {
    return verifier.ticketKey.verify(statement, proof.factor, proof.signature) ? null : 'sync.proof.statement';
  }
  const key = await trx('records')
    .where({ table_name: 'staff_keys' })
    .whereRaw("data->>'credential_id' = ?", [proof.credentialId])
    .first<{ data: unknown } | undefined>('data');
  const data = (typeof key?.data === 'string' ? JSON.parse(key.data) : key?.data) as
    Record<string, unknown> | undefined;
  if (!data || data.staff_id !== statement.staffId || data.kind !== 'webauthn') return 'sync.proof.key_unknown';
  if (data.revoked_at !== null && data.revoked_at !== undefined) return 'sync.proof.key_unknown';
  if (typeof data.public_key !== 'string') return 'sync.proof.key_unknown';
  const origin = clientOrigin(proof.clientDataJSON);
  if (origin === undefined || !verifier.rpIds.some((rpId) => originFits(origin, rpId))) return 'sync.proof.statement';
  try {
    const verified = await verifyAuthenticationResponse({
      response: {
        id: proof.credentialId,
        rawId: proof.credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: proof.clientDataJSON,
          authenticatorData: proof.authenticatorData,
          signature: proof.signature,
        },
      },
      expectedChallenge: createHash('sha256').update(statementText(statement)).digest('base64url'),
      expectedOrigin: origin,
      expectedRPID: [...verifier.rpIds],
      expectedType: 'webauthn.get',
      // Counters are kept per desk; a replayed assertion only proves the same statement again.
      credential: {
        id: proof.credentialId,
        publicKey: new Uint8Array(Buffer.from(data.public_key, 'base64url')),
        counter: 0,
      },
      requireUserVerification: false,
    });
    return verified.verified ? null : 'sync.proof.statement';
  } catch {
    return 'sync.proof.statement';
  }
}

function clientOrigin(clientDataJSON: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { origin?: unknown };
    return typeof parsed.origin === 'string' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** `app://desk` for RP id `desk`; `http(s)://localhost:<port>` or any https origin on the RP id. */
function originFits(origin: string, rpId: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) return false;
  return url.protocol === 'https:' || url.protocol === 'app:' || (url.protocol === 'http:' && rpId === 'localhost');
}
