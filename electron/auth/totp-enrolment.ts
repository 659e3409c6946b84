import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import type { ProvenSession } from '../../shared/sync/session-proof';
import type { Actor } from '../store/actor';
import type { Tx } from '../store/open-store';
import { appendAudit } from '../store/audit-log';
import { setLocalTotpSecret, setPendingTotpSecret } from '../store/local-writers/pending-totp';
import type { AuthContext } from './auth-context';
import { parseInput } from '../../shared/errors/zod-issues';
import { updateStaff } from './person-rows';
import { secondFactorServer, type SecondFactorServer } from './second-factor-server';
import { assertSelfOrAdmin, requirePerson } from './staff-records';
import { verifyTotpCode, newTotpSecret, totpUri } from './totp';

const enrolSchema = authCalls['account.enrolTotp'].input;
const confirmSchema = authCalls['account.confirmTotp'].input;

/**
 * On a desk enrolled with a server the secret is the server's (issue 10, item 2): made and sealed
 * there, its URI shown once on this screen, confirmed there with a code. The server takes it from
 * the person's own proven session only, so an admin cannot set up someone else's app there.
 */
function onServer(auth: AuthContext, actor: Actor, staffId: string, proven: ProvenSession | undefined) {
  const server = secondFactorServer(auth.store);
  if (!server) return undefined;
  if (actor.staffId !== staffId) throw new AppError('factor.session.other_person');
  if (!proven || proven.statement.staffId !== staffId) throw new AppError('factor.session.unproven');
  return { server, proven } satisfies { server: SecondFactorServer; proven: ProvenSession };
}

/**
 * Starts TOTP for a person: a new secret, kept pending until the app proves it has it, so that
 * a mis-scanned QR code never replaces a working secret. Shown once, as a URI and as text.
 * `proven` is the signed-in person's proven session (needed on an enrolled desk).
 */
export async function enrolTotp(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof enrolSchema>,
  proven?: ProvenSession,
): Promise<{ secret: string; uri: string }> {
  const { staffId } = parseInput(enrolSchema, input);
  const at = auth.clock.now().toISOString();
  const started = (tx: Tx) =>
    appendAudit(tx, actor, at, { action: 'auth.totp.enrolment_started', details: { staffId } });
  const remote = auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    if (requirePerson(tx, staffId).active !== 1) throw new AppError('staff.inactive');
    return onServer(auth, actor, staffId, proven);
  });
  if (remote) {
    const begun = await remote.server.beginTotp(remote.proven);
    auth.store.transaction(started);
    return begun;
  }
  return auth.store.transaction((tx) => {
    const person = requirePerson(tx, staffId);
    const secret = newTotpSecret();
    // Pending secrets stay on this desk: the app is confirmed where its QR code was shown.
    setPendingTotpSecret(tx, staffId, secret);
    started(tx);
    return { secret, uri: totpUri(secret, person.login) };
  });
}

/** The app's current code makes the pending secret the person's; that code is then spent. */
export async function confirmTotp(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof confirmSchema>,
  proven?: ProvenSession,
): Promise<void> {
  const { staffId, code } = parseInput(confirmSchema, input);
  const remote = auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    return onServer(auth, actor, staffId, proven);
  });
  if (remote) {
    await remote.server.confirmTotp(remote.proven, code);
    const at = auth.clock.now().toISOString();
    // Every desk learns that the person has an app (to offer it at sign-in); never the secret.
    auth.store.transaction((tx) => {
      updateStaff(tx, actor, at, staffId, { totp_enrolled_at: at });
      appendAudit(tx, actor, at, { action: 'auth.totp.enrolled', details: { staffId } });
    });
    return;
  }
  const now = auth.clock.now();
  const at = now.toISOString();
  auth.store.transaction((tx) => {
    const person = requirePerson(tx, staffId);
    if (person.totp_pending_secret === null) throw new AppError('auth.totp.no_pending');
    const check = verifyTotpCode(person.totp_pending_secret, code, now, null);
    if (!check.ok) throw new AppError('auth.totp.confirm_wrong', { field: 'code' });
    setLocalTotpSecret(tx, staffId, person.totp_pending_secret, check.step);
    updateStaff(tx, actor, at, staffId, { totp_enrolled_at: at });
    appendAudit(tx, actor, at, { action: 'auth.totp.enrolled', details: { staffId } });
  });
}

/** Whether sign-in offers an app's code: the person has one, kept here (lone desk) or on the server. */
export function totpOffered(tx: Tx, staffId: string): boolean {
  return (
    tx.get<{ one: number }>(
      'SELECT 1 AS one FROM staff WHERE id = ? AND (totp_secret IS NOT NULL OR totp_enrolled_at IS NOT NULL)',
      [staffId],
    ) !== undefined
  );
}
