import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { cabinetPaths } from '../../../shared/cabinet/cabinet-api';
import {
  codeRequestSchema,
  emailConfirmRequestSchema,
  emailResendRequestSchema,
} from '../../../shared/cabinet/account-requests';
import { minimumSelfAge, registerRequestSchema } from '../../../shared/cabinet/registration';
import { ageOn, isoDay, validateBirthDate } from '../../../shared/domain/calendar-date';
import { parseInput } from '../../../shared/errors/zod-issues';
import { defaultClinicId } from '../../clinics/clinics';
import { HttpError } from '../../http/http-error';
import { enqueueNotification } from '../../notifications/enqueue';
import { withChangeLog } from '../../sync/change-log';
import type { CabinetDeps } from '../cabinet-deps';
import { cabinetSessionOf, endCabinetSession, openCabinetSession, setSessionCookie } from '../session/cabinet-session';
import { lockOf } from './account-lockout';
import { accountRoute, routeLimits } from './account-route-options';
import { accountByEmail, accountById, meOf, type AccountRow } from './account-store';
import { codeRefusal } from './code-refusals';
import { assertMayResend, sendCode } from './code-sending';
import { maskEmail } from './contact-mask';
import { checkCode, codeOwner, issueCode, type CodeCheck } from './one-time-codes';
import { linkAccountToPatient } from './patient-link';

const hour = 60 * 60_000;
/** NIST SP 800-63B lifetimes: an e-mail link a day, an SMS code 10 minutes. */
export const emailLinkTtlMs = 24 * hour;
export const phoneCodeTtlMs = 10 * 60_000;

/** Where the confirmation e-mail's link takes the patient: the cabinet's page, the token in the fragment. */
export function emailConfirmLink(publicUrl: string, token: string): string {
  return `${publicUrl}/confirm-email#token=${token}`;
}

/** A new e-mail link for the account, queued in `trx`. */
async function queueEmailLink(trx: Parameters<typeof issueCode>[0], deps: CabinetDeps, account: AccountRow, now: Date) {
  const token = await issueCode(trx, {
    accountId: account.id,
    purpose: 'email_link',
    channel: 'email',
    length: 0,
    ttlMs: emailLinkTtlMs,
    now,
  });
  await enqueueNotification(
    trx,
    {
      clinicId: account.clinic_id,
      accountId: account.id,
      channel: 'email',
      to: account.email,
      template: 'email_confirm',
      params: { link: emailConfirmLink(deps.publicUrl, token) },
    },
    now,
  );
}

const linkRefusals: Record<Exclude<CodeCheck, 'ok'>, HttpError> = {
  wrong: new HttpError(400, 'cabinet.email.link_wrong', { field: 'token' }),
  locked: new HttpError(400, 'cabinet.email.link_wrong', { field: 'token' }),
  expired: new HttpError(410, 'cabinet.email.link_expired', { field: 'token' }),
  used: new HttpError(410, 'cabinet.email.link_used', { field: 'token' }),
};

/**
 * Registration and the contacts' confirmation: register (the same 202 whether the e-mail is new
 * or taken — the owner of a taken one is told by e-mail), the e-mail link (opens the applicant
 * session and links the account to the clinic's card), the phone's SMS code.
 */
export function registerRegistrationRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  let clinic: Promise<string> | undefined;
  const clinicId = () => (clinic ??= defaultClinicId(deps.db));

  scope.post(cabinetPaths.register, accountRoute(deps, routeLimits.register), async (request, reply) => {
    const draft = parseInput(registerRequestSchema, request.body);
    const now = deps.now();
    const today = isoDay(now);
    const future = validateBirthDate(draft.birthDate, today);
    if (future) throw new HttpError(400, future, { field: 'birthDate' });
    if (ageOn(draft.birthDate, today) < minimumSelfAge)
      throw new HttpError(400, 'cabinet.register.under_15', { field: 'birthDate', params: { age: minimumSelfAge } });
    const clinicOf = await clinicId();
    await deps.db.transaction(async (trx) => {
      const inserted = await trx('cabinet_accounts')
        .insert({
          id: randomUUID(),
          clinic_id: clinicOf,
          surname: draft.surname,
          name: draft.name,
          patronymic: draft.patronymic,
          birth_date: draft.birthDate,
          sex: draft.sex,
          snils: draft.snils,
          inn: draft.inn,
          email: draft.email,
          phone: draft.phone,
          created_at: now,
          updated_at: now,
        })
        .onConflict(['clinic_id', 'email'])
        .ignore()
        .returning<{ id: string }[]>('id');
      const id = inserted[0]?.id;
      if (id !== undefined) {
        await queueEmailLink(trx, deps, await accountById(trx, id), now);
        return;
      }
      // Taken: the same answer, and its owner hears of the attempt.
      await enqueueNotification(
        trx,
        {
          clinicId: clinicOf,
          accountId: (await accountByEmail(trx, clinicOf, draft.email))?.id ?? null,
          channel: 'email',
          to: draft.email,
          template: 'register_existing',
          params: {},
        },
        now,
      );
    });
    return reply.code(202).send({ sentTo: maskEmail(draft.email) });
  });

  scope.post(cabinetPaths.emailConfirm, accountRoute(deps, routeLimits.check), async (request, reply) => {
    const { token } = parseInput(emailConfirmRequestSchema, request.body);
    const now = deps.now();
    const owner = await codeOwner(deps.db, 'email_link', token);
    if (!owner) throw linkRefusals.wrong;
    const account = await accountById(deps.db, owner.accountId);
    const outcome = await withChangeLog(deps.db, { now, clinicId: account.clinic_id }, async (log) => {
      const check = await checkCode(log.trx, { accountId: account.id, purpose: 'email_link', code: token, now });
      if (check !== 'ok') return { refused: linkRefusals[check] } as const;
      const current = await accountById(log.trx, account.id, true);
      if (current.activated_at !== null) return { refused: linkRefusals.used } as const;
      if (current.email_confirmed_at === null)
        await log
          .trx('cabinet_accounts')
          .where({ id: current.id })
          .update({ email_confirmed_at: now, updated_at: now });
      if (current.patient_id === null) await linkAccountToPatient(log, current, now.toISOString());
      if (request.cabinetSession) await endCabinetSession(log.trx, request.cabinetSession.idHash, now);
      const opened = await openCabinetSession(
        log.trx,
        { accountId: current.id, clinicId: current.clinic_id, stage: 'applicant' },
        now,
      );
      return { opened, account: await accountById(log.trx, current.id) } as const;
    });
    if ('refused' in outcome) throw outcome.refused;
    setSessionCookie(reply, outcome.opened.cookieValue, deps);
    return meOf(outcome.account, { stage: 'applicant', csrfToken: outcome.opened.csrfToken });
  });

  scope.post(cabinetPaths.emailResend, accountRoute(deps, routeLimits.send), async (request, reply) => {
    const { email } = parseInput(emailResendRequestSchema, request.body);
    const now = deps.now();
    await deps.db.transaction(async (trx) => {
      const account = await accountByEmail(trx, await clinicId(), email);
      // Nothing for an unknown or activated account, nor within a minute of the last link: the same 202.
      if (!account || account.activated_at !== null) return;
      try {
        await assertMayResend(trx, account.id, 'email_link', now);
      } catch {
        return;
      }
      await queueEmailLink(trx, deps, account, now);
    });
    return reply.code(202).send({ sentTo: maskEmail(email) });
  });

  scope.post(cabinetPaths.phoneSend, accountRoute(deps, routeLimits.send), async (request) => {
    const session = cabinetSessionOf(request);
    const now = deps.now();
    return deps.db.transaction(async (trx) => {
      const account = await accountById(trx, session.accountId, true);
      const locked = await lockOf(trx, { accountId: account.id }, now);
      if (locked) throw locked;
      if (account.phone_confirmed_at !== null) throw new HttpError(409, 'cabinet.phone.already_confirmed');
      return sendCode(
        trx,
        account,
        { purpose: 'phone', channel: 'sms', template: 'phone_code', ttlMs: phoneCodeTtlMs },
        now,
      );
    });
  });

  scope.post(cabinetPaths.phoneConfirm, accountRoute(deps, routeLimits.check), async (request) => {
    const session = cabinetSessionOf(request);
    const { code } = parseInput(codeRequestSchema, request.body);
    const now = deps.now();
    const outcome = await deps.db.transaction(async (trx) => {
      const locked = await lockOf(trx, { accountId: session.accountId }, now);
      if (locked) return { refused: locked } as const;
      const check = await checkCode(trx, { accountId: session.accountId, purpose: 'phone', code, now });
      if (check !== 'ok') return { refused: await codeRefusal(trx, session.accountId, check, now) } as const;
      await trx('cabinet_accounts')
        .where({ id: session.accountId })
        .update({ phone_confirmed_at: now, failed_sign_ins: 0, updated_at: now });
      return { account: await accountById(trx, session.accountId) } as const;
    });
    if ('refused' in outcome) throw outcome.refused;
    return meOf(outcome.account, session);
  });
}
