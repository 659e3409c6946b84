import type { Knex } from 'knex';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { FactorSignInRequest } from '../../../shared/sync/second-factor-protocol';
import { findYubikeySecrets, advanceCounters, recordVerification } from '../../otp/yubikeys';
import { otpPublicId, parseOtp } from '../../otp/yubico-otp';
import type { FactorKeys } from './factor-keys';
import { spendServerRecoveryCode } from './server-recovery-codes';
import { checkTotp } from './server-totp';

export type FactorVerdict = { ok: true; recoveryCodesLeft?: number } | { ok: false; code: ErrorCode };

const otpShape = /^[cbdefghijklnrtuv]{32,48}$/;

/**
 * One factor checked for the statement's person, in `trx` (which holds their lockout row): the
 * accepted TOTP step, the spent recovery code or the YubiKey's counters commit with the verdict.
 */
export async function checkFactor(
  trx: Knex.Transaction,
  keys: FactorKeys,
  who: { staffId: string; deviceId: string },
  request: Pick<FactorSignInRequest, 'factor' | 'code'>,
  now: Date,
): Promise<FactorVerdict> {
  switch (request.factor) {
    case 'totp': {
      const check = await checkTotp(trx, keys.sealKey, who.staffId, request.code, now);
      if (check.ok) return { ok: true };
      if (check.reason === 'totp_not_enrolled') return { ok: false, code: 'factor.totp.not_enrolled' };
      return { ok: false, code: check.reason === 'totp_reused' ? 'factor.totp.reused' : 'factor.totp.wrong' };
    }
    case 'recovery-code': {
      const left = await spendServerRecoveryCode(trx, keys.pepper, who, request.code, now);
      return left === null ? { ok: false, code: 'factor.recovery.wrong' } : { ok: true, recoveryCodesLeft: left };
    }
    case 'yubikey-otp':
      return checkOtp(trx, keys.sealKey, who.staffId, request.code.toLowerCase(), now);
  }
}

/** The server holds the keys' AES secrets and counters: the OTP is decoded and spent here. */
async function checkOtp(
  trx: Knex.Transaction,
  sealKey: Buffer,
  staffId: string,
  otp: string,
  now: Date,
): Promise<FactorVerdict> {
  const refused: FactorVerdict = { ok: false, code: 'factor.otp.refused' };
  if (!otpShape.test(otp)) return refused;
  const publicId = otpPublicId(otp) as string;
  const key = await findYubikeySecrets(trx, sealKey, publicId);
  const record = (status: string) => recordVerification(trx, { publicId, clientId: null, status, at: now });
  if (!key || key.revokedAt !== null) return record('BAD_OTP').then(() => refused);
  if (key.staffId !== staffId)
    return record('WRONG_PERSON').then((): FactorVerdict => ({ ok: false, code: 'factor.otp.wrong_key' }));
  const decoded = parseOtp(otp, key.aesKey);
  if (!decoded.ok || decoded.privateId !== key.privateId) return record('BAD_OTP').then(() => refused);
  const won = await advanceCounters(trx, {
    publicId,
    usageCounter: decoded.usageCounter,
    sessionUse: decoded.sessionUse,
    nonce: `sign-in-${now.getTime()}`,
    clientId: null,
    now,
  });
  await record(won ? 'OK' : 'REPLAYED_OTP');
  return won ? { ok: true } : refused;
}
