import { AppError } from '../../shared/errors/app-error';
import type { StatementProof } from '../../shared/sync/session-proof';
import type { RelyingParty } from '../auth/auth-context';
import type { HardwareKeyPort } from '../auth/hardware-key-port';
import {
  dropSession,
  openSession,
  sessionDeviceId,
  startSession,
  statementChallenge,
  type OpenSession,
} from '../auth/session-keys';
import {
  activeKeys,
  assertionOptions,
  checkAssertion,
  keyByCredential,
  recordKeyUse,
} from '../auth/webauthn-assertion';
import type { ZonedActorContext } from '../core/context';
import { recordProvenSession } from '../store/local-writers/proven-sessions';

/**
 * The proof a `--as LOGIN` command needs on a desk enrolled with a server (issue 10, item 1): the
 * person touches their own FIDO2 key through the native key port (`Fido2ToolsPort`), which signs a
 * fresh session statement exactly as at sign-in; the desk checks the assertion against the key it
 * has for them and keeps the statement for the sync worker. The session lives as long as the
 * command; its key never leaves this process.
 */
export async function keyTouchSession(
  ctx: Pick<ZonedActorContext, 'store' | 'clock'>,
  staffId: string,
  deskDeviceId: string,
  port: Pick<HardwareKeyPort, 'get'>,
  rp: RelyingParty,
): Promise<OpenSession> {
  const now = ctx.clock.now();
  const { attemptId, statement, keys } = ctx.store.transaction((tx) => ({
    ...startSession({ staffId, deviceId: sessionDeviceId(tx, deskDeviceId) }, now),
    keys: activeKeys(tx, staffId),
  }));
  try {
    if (keys.length === 0) throw new AppError('auth.key.none');
    const challenge = statementChallenge(statement);
    const options = await assertionOptions(rp, challenge, keys);
    // No key, no tools, not touched: the command cannot prove who runs it (the port's own reason is logged by it).
    const answer = await port.get(options).catch(() => {
      throw new AppError('sync.proof.cli_needs_proof', { field: 'as' });
    });
    const key = ctx.store.transaction((tx) => keyByCredential(tx, staffId, answer.id));
    const check = await checkAssertion(rp, challenge, answer, key);
    if (!check.ok) throw new AppError('auth.key.refused');
    const proof: StatementProof = {
      kind: 'webauthn',
      credentialId: answer.id,
      clientDataJSON: answer.response.clientDataJSON,
      authenticatorData: answer.response.authenticatorData,
      signature: answer.response.signature,
    };
    return ctx.store.transaction((tx) => {
      if (!recordKeyUse(tx, check, now.toISOString())) throw new AppError('auth.key.refused');
      const opened = openSession(attemptId, proof);
      if (!opened) throw new AppError('auth.challenge.expired');
      recordProvenSession(tx, opened.proven, now.toISOString());
      return opened;
    });
  } finally {
    dropSession(attemptId);
  }
}
