import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import { insertSyncedRow } from '../store/record-door';
import type { AuthContext } from './auth-context';
import { parseInput } from '../../shared/errors/zod-issues';
import { keySummary, type KeySummary } from './key-enrolment';
import { updateStaff } from './person-rows';
import { assertSelfOrAdmin, requirePerson } from './staff-records';
import { normalizeYubikeyOtp } from './yubikey-client';

const enrolSchema = authCalls['account.enrolYubikey'].input;

/**
 * Gives a person a YubiKey for OTP sign-in (A2). The key's AES secret is registered on the
 * central server by its admin (`medcard-server yubikey-add`); here the person touches the key
 * once, the authority must accept that OTP (so the key is registered, working and its counter
 * moves on), and the key's public id is recorded as the person's — synced to every desk.
 */
export async function enrolYubikey(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof enrolSchema>,
): Promise<KeySummary> {
  const { staffId, name, otp } = parseInput(enrolSchema, input);
  const normalized = normalizeYubikeyOtp(otp);
  auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    if (requirePerson(tx, staffId).active !== 1) throw new AppError('staff.inactive');
  });
  if (!auth.verifyOtp) throw new AppError('yubikey.not_configured');
  const verdict = await auth.verifyOtp(normalized);
  if (verdict.status !== 'OK') throw new AppError(verdict.code, { field: 'otp' });
  const at = auth.clock.now().toISOString();
  return auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    const taken = tx.get(
      "SELECT 1 FROM staff_keys WHERE kind = 'yubikey-otp' AND yubikey_public_id = ? AND revoked_at IS NULL",
      [verdict.publicId],
    );
    if (taken) throw new AppError('auth.key.taken', { field: 'otp' });
    const keyId = insertSyncedRow({ tx, actor, at }, 'staff_keys', {
      staff_id: staffId,
      kind: 'yubikey-otp',
      name,
      credential_id: null,
      public_key: null,
      transports: null,
      aaguid: null,
      yubikey_public_id: verdict.publicId,
      revoked_at: null,
      revoked_by: null,
    });
    updateStaff(tx, actor, at, staffId, { must_enrol_key: 0 });
    appendAudit(tx, actor, at, {
      action: 'auth.yubikey.enrolled',
      details: { staffId, keyId, name, publicId: verdict.publicId },
    });
    return keySummary(tx, keyId);
  });
}
