import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import { setPendingTotpSecret } from '../store/local-writers/pending-totp';
import type { AuthContext } from './auth-context';
import { parseInput } from '../../shared/errors/zod-issues';
import { updateStaff } from './person-rows';
import { assertSelfOrAdmin, requirePerson } from './staff-records';
import { verifyTotpCode, newTotpSecret, totpUri } from './totp';

const enrolSchema = authCalls['account.enrolTotp'].input;
const confirmSchema = authCalls['account.confirmTotp'].input;

/**
 * Starts TOTP for a person: a new secret, kept pending until the app proves it has it, so that
 * a mis-scanned QR code never replaces a working secret. Shown once, as a URI and as text.
 */
export function enrolTotp(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof enrolSchema>,
): { secret: string; uri: string } {
  const { staffId } = parseInput(enrolSchema, input);
  const at = auth.clock.now().toISOString();
  return auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    const person = requirePerson(tx, staffId);
    if (person.active !== 1) throw new AppError('staff.inactive');
    const secret = newTotpSecret();
    // Pending secrets stay on this desk: the app is confirmed where its QR code was shown.
    setPendingTotpSecret(tx, staffId, secret);
    appendAudit(tx, actor, at, { action: 'auth.totp.enrolment_started', details: { staffId } });
    return { secret, uri: totpUri(secret, person.login) };
  });
}

/** The app's current code makes the pending secret the person's; that code is then spent. */
export function confirmTotp(auth: AuthContext, actor: Actor, input: z.input<typeof confirmSchema>): void {
  const { staffId, code } = parseInput(confirmSchema, input);
  const now = auth.clock.now();
  const at = now.toISOString();
  auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    const person = requirePerson(tx, staffId);
    if (person.totp_pending_secret === null) throw new AppError('auth.totp.no_pending');
    const check = verifyTotpCode(person.totp_pending_secret, code, now, null);
    if (!check.ok) throw new AppError('auth.totp.confirm_wrong', { field: 'code' });
    updateStaff(tx, actor, at, staffId, {
      totp_secret: person.totp_pending_secret,
      totp_enrolled_at: at,
      totp_last_step: check.step,
    });
    setPendingTotpSecret(tx, staffId, null);
    appendAudit(tx, actor, at, { action: 'auth.totp.enrolled', details: { staffId } });
  });
}
