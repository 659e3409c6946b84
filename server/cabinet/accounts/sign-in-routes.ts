import type { FastifyInstance } from 'fastify';
import { cabinetPaths, type CodeChannel } from '../../../shared/cabinet/cabinet-api';
import {
  signInRequestSchema,
  signInSendRequestSchema,
  signInVerifyRequestSchema,
} from '../../../shared/cabinet/account-requests';
import { parseInput } from '../../../shared/errors/zod-issues';
import { defaultClinicId } from '../../clinics/clinics';
import { HttpError } from '../../http/http-error';
import type { CabinetDeps } from '../cabinet-deps';
import {
  cabinetSessionOf,
  clearSessionCookie,
  endAllCabinetSessions,
  endCabinetSession,
  openCabinetSession,
  setSessionCookie,
} from '../session/cabinet-session';
import { clearFailures, countFailure, lockOf, type LockSubject } from './account-lockout';
import { accountRoute, routeLimits } from './account-route-options';
import { accountByEmail, accountById, meOf, type AccountRow } from './account-store';
import { cabinetTotpKey, checkCabinetTotp } from './cabinet-totp';
import { codeRefusal } from './code-refusals';
import { sendCode } from './code-sending';
import { checkCode } from './one-time-codes';
import { verifyAgainstNothing, verifyPassword } from '../../../node-common/password-hash';
import { liveChallenge, openChallenge, spendChallenge } from './sign-in-challenge';

/** A sign-in code lives as long as an SMS code (NIST SP 800-63B). */
export const signInCodeTtlMs = 10 * 60_000;

/** Where a sign-in code may go: only to a confirmed contact, or the enrolled app. */
function signInChannels(account: AccountRow): CodeChannel[] {
  const channels: CodeChannel[] = [];
  if (account.phone_confirmed_at !== null) channels.push('sms');
  if (account.email_confirmed_at !== null) channels.push('email');
  if (account.totp_secret_sealed !== null) channels.push('totp');
  return channels;
}

const wrongSignIn = () => new HttpError(401, 'cabinet.sign_in.wrong');

/**
 * Sign-in, always with two factors: e-mail + password open a challenge; a one-time code (SMS,
 * e-mail or the authenticator app) answers it and opens the `patient` session. An unknown e-mail,
 * an account not yet activated and a wrong password get the same answer after the same argon2
 * work, and are counted and locked alike. Sign-out ends this session or every one.
 */
export function registerSignInRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  let clinic: Promise<string> | undefined;
  const clinicId = () => (clinic ??= defaultClinicId(deps.db));
  const totpKey = cabinetTotpKey(deps.masterKey);

  scope.post(cabinetPaths.signIn, accountRoute(deps, routeLimits.check), async (request) => {
    const { email, password } = parseInput(signInRequestSchema, request.body);
    const now = deps.now();
    const clinicOf = await clinicId();
    const account = await accountByEmail(deps.db, clinicOf, email);
    const usable = account && account.activated_at !== null && account.password_hash !== null ? account : undefined;
    const subject: LockSubject = usable ? { accountId: usable.id } : { clinicId: clinicOf, email };
    const locked = await lockOf(deps.db, subject, now);
    const right = usable?.password_hash
      ? await verifyPassword(usable.password_hash, password)
      : await verifyAgainstNothing(password);
    if (locked) throw locked;
    if (!usable || !right) throw await countFailure(deps.db, subject, now, wrongSignIn());
    return { challengeId: await openChallenge(deps.db, usable.id, now), channels: signInChannels(usable) };
  });

  scope.post(cabinetPaths.signInSend, accountRoute(deps, routeLimits.send), async (request) => {
    const body = parseInput(signInSendRequestSchema, request.body);
    if (body.channel === 'totp') throw new HttpError(400, 'cabinet.sign_in.totp_no_send', { field: 'channel' });
    const channel = body.channel;
    const now = deps.now();
    return deps.db.transaction(async (trx) => {
      const challenge = await liveChallenge(trx, body.challengeId, now);
      const locked = await lockOf(trx, { accountId: challenge.accountId }, now);
      if (locked) throw locked;
      const account = await accountById(trx, challenge.accountId, true);
      if (!signInChannels(account).includes(channel))
        throw new HttpError(400, 'cabinet.sign_in.channel', { field: 'channel' });
      const template = 'sign_in_code';
      return sendCode(
        trx,
        account,
        { purpose: 'sign_in', channel, template, ttlMs: signInCodeTtlMs, challengeId: challenge.id },
        now,
      );
    });
  });

  scope.post(cabinetPaths.signInVerify, accountRoute(deps, routeLimits.check), async (request, reply) => {
    const body = parseInput(signInVerifyRequestSchema, request.body);
    const now = deps.now();
    const outcome = await deps.db.transaction(async (trx) => {
      const challenge = await liveChallenge(trx, body.challengeId, now);
      const account = await accountById(trx, challenge.accountId, true);
      const locked = await lockOf(trx, { accountId: account.id }, now);
      if (locked) return { refused: locked } as const;
      if (body.channel === 'totp') {
        const check = await checkCabinetTotp(trx, totpKey, account, body.code, now);
        if (!check.ok) {
          if (check.reason === 'not_enrolled')
            return { refused: new HttpError(400, 'cabinet.totp.not_enrolled', { field: 'channel' }) } as const;
          return {
            refused: await codeRefusal(trx, account.id, check.reason === 'totp_reused' ? 'used' : 'wrong', now),
          } as const;
        }
      } else {
        const check = await checkCode(trx, {
          accountId: account.id,
          purpose: 'sign_in',
          code: body.code,
          challengeId: challenge.id,
          now,
        });
        if (check !== 'ok') return { refused: await codeRefusal(trx, account.id, check, now) } as const;
      }
      await spendChallenge(trx, challenge.id, now);
      await clearFailures(trx, account.id);
      // The session the browser had (an applicant's) gives way to the new one.
      if (request.cabinetSession) await endCabinetSession(trx, request.cabinetSession.idHash, now);
      const opened = await openCabinetSession(
        trx,
        { accountId: account.id, clinicId: account.clinic_id, stage: 'patient' },
        now,
      );
      return { account, opened } as const;
    });
    if ('refused' in outcome) throw outcome.refused;
    setSessionCookie(reply, outcome.opened.cookieValue, deps);
    return meOf(outcome.account, { stage: 'patient', csrfToken: outcome.opened.csrfToken });
  });

  scope.post(cabinetPaths.signOut, accountRoute(deps, routeLimits.read), async (request, reply) => {
    const session = cabinetSessionOf(request);
    await endCabinetSession(deps.db, session.idHash, deps.now());
    clearSessionCookie(reply, deps);
    return reply.code(204).send();
  });

  scope.post(cabinetPaths.signOutEverywhere, accountRoute(deps, routeLimits.read), async (request, reply) => {
    const session = cabinetSessionOf(request);
    await endAllCabinetSessions(deps.db, session.accountId, deps.now());
    clearSessionCookie(reply, deps);
    return reply.code(204).send();
  });
}
