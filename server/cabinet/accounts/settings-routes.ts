import type { FastifyInstance } from 'fastify';
import { assertPasswordPolicy } from '../../../shared/auth/password-policy';
import { cabinetPaths, notificationSettingsSchema } from '../../../shared/cabinet/cabinet-api';
import { activateRequestSchema, codeRequestSchema } from '../../../shared/cabinet/account-requests';
import { parseInput } from '../../../shared/errors/zod-issues';
import { tryRedeemActivationCode } from '../applications/activation-codes';
import { defaultClinicId } from '../../clinics/clinics';
import { HttpError } from '../../http/http-error';
import type { CabinetDeps } from '../cabinet-deps';
import {
  cabinetSessionOf,
  clearSessionCookie,
  endAllCabinetSessions,
  requirePatientStage,
} from '../session/cabinet-session';
import { clearFailures, lockOf } from './account-lockout';
import { accountRoute, routeLimits } from './account-route-options';
import { accountById, meOf } from './account-store';
import { beginCabinetTotp, cabinetTotpKey, confirmCabinetTotp } from './cabinet-totp';
import { codeRefusal } from './code-refusals';
import { hashPassword } from '../../../node-common/password-hash';

/**
 * The account itself: who is signed in (`/me`, with the CSRF token), activation (the clinic's code
 * + a new password), the authenticator app, and which channels the clinic's notices use.
 */
export function registerSettingsRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  let clinic: Promise<string> | undefined;
  const clinicId = () => (clinic ??= defaultClinicId(deps.db));
  const totpKey = cabinetTotpKey(deps.masterKey);

  scope.get(cabinetPaths.me, accountRoute(deps, routeLimits.read), async (request) => {
    const session = cabinetSessionOf(request);
    return meOf(await accountById(deps.db, session.accountId), session);
  });

  scope.post(cabinetPaths.activate, accountRoute(deps, routeLimits.check), async (request, reply) => {
    const body = parseInput(activateRequestSchema, request.body);
    assertPasswordPolicy(body.password);
    const hash = await hashPassword(body.password);
    const now = deps.now();
    const clinicOf = await clinicId();
    const outcome = await deps.db.transaction(async (trx) => {
      const redeemed = await tryRedeemActivationCode(
        trx,
        { clinicId: clinicOf, email: body.email, code: body.code },
        now,
      );
      if (!redeemed.ok) return { refused: redeemed.error } as const;
      await trx('cabinet_accounts')
        .where({ id: redeemed.accountId })
        .update({ password_hash: hash, activated_at: now, updated_at: now });
      // The code reached the patient by e-mail or SMS: that contact is theirs (an account opened at
      // the desk's approval had neither confirmed).
      const confirmed =
        redeemed.channel === 'email' ? 'email_confirmed_at' : redeemed.channel === 'sms' ? 'phone_confirmed_at' : null;
      if (confirmed)
        await trx('cabinet_accounts')
          .where({ id: redeemed.accountId })
          .whereNull(confirmed)
          .update({ [confirmed]: now });
      await clearFailures(trx, redeemed.accountId);
      // A new credential: the applicant's sessions end; the patient signs in with it and a code.
      await endAllCabinetSessions(trx, redeemed.accountId, now);
      return { ok: true } as const;
    });
    if ('refused' in outcome) throw outcome.refused;
    clearSessionCookie(reply, deps);
    return reply.code(204).send();
  });

  scope.post(cabinetPaths.totpBegin, accountRoute(deps, routeLimits.send), async (request) => {
    const session = requirePatientStage(cabinetSessionOf(request));
    const account = await accountById(deps.db, session.accountId);
    return beginCabinetTotp(deps.db, totpKey, account, deps.now());
  });

  scope.post(cabinetPaths.totpConfirm, accountRoute(deps, routeLimits.check), async (request, reply) => {
    const session = requirePatientStage(cabinetSessionOf(request));
    const { code } = parseInput(codeRequestSchema, request.body);
    const now = deps.now();
    const outcome = await deps.db.transaction(async (trx) => {
      const locked = await lockOf(trx, { accountId: session.accountId }, now);
      if (locked) return { refused: locked } as const;
      const account = await accountById(trx, session.accountId, true);
      const check = await confirmCabinetTotp(trx, totpKey, account, code, now);
      if (check.ok) return { ok: true } as const;
      if (check.reason === 'no_pending') return { refused: new HttpError(400, 'cabinet.totp.no_pending') } as const;
      return {
        refused: await codeRefusal(trx, account.id, check.reason === 'totp_reused' ? 'used' : 'wrong', now),
      } as const;
    });
    if ('refused' in outcome) throw outcome.refused;
    return reply.code(204).send();
  });

  scope.get(cabinetPaths.notificationSettings, accountRoute(deps, routeLimits.read), async (request) => {
    const session = cabinetSessionOf(request);
    const account = await accountById(deps.db, session.accountId);
    return { email: account.notify_email, sms: account.notify_sms };
  });

  scope.put(cabinetPaths.notificationSettings, accountRoute(deps, routeLimits.check), async (request) => {
    const session = cabinetSessionOf(request);
    const settings = parseInput(notificationSettingsSchema, request.body);
    await deps
      .db('cabinet_accounts')
      .where({ id: session.accountId })
      .update({ notify_email: settings.email, notify_sms: settings.sms, updated_at: deps.now() });
    return settings;
  });
}
