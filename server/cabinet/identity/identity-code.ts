import type { CodeSent } from '../../../shared/cabinet/cabinet-api';
import type { IdentityCodeChannel } from '../../../shared/cabinet/identity-requests';
import { HttpError } from '../../http/http-error';
import { enqueueNotification } from '../../notifications/enqueue';
import { assertMayResend, resendAfterSeconds } from '../accounts/code-sending';
import { maskEmail, maskPhone } from '../accounts/contact-mask';
import { checkCode, issueCode } from '../accounts/one-time-codes';
import type { CabinetDeps } from '../cabinet-deps';
import type { CabinetSession } from '../session/cabinet-session-types';
import { countAttempt, requireOpenConfirmation } from './identity-guard';
import { codeChannelsOf } from './identity-state';
import { linkedCardOf } from './linked-card';

/** An identity code lives 10 minutes (as a code sent by SMS, NIST SP 800-63B). */
export const identityCodeTtlMs = 10 * 60_000;
const purpose = 'identity';

type Deps = Pick<CabinetDeps, 'db' | 'now'>;

/**
 * Sends a 6-digit code to the phone or e-mail ON THE CLINIC'S CARD — the contact the clinic
 * already held, not the one typed at registration: receiving it shows the account's person is
 * the card's. Queued in the outbox in the same transaction as the code.
 */
export async function sendIdentityCode(
  deps: Deps,
  session: CabinetSession,
  channel: IdentityCodeChannel,
): Promise<CodeSent> {
  const { db } = deps;
  const card = await linkedCardOf(db, session);
  await requireOpenConfirmation(db, card);
  const offered = codeChannelsOf(card).includes(channel);
  const to = channel === 'sms' ? card.phone : card.email;
  if (!offered || to === null)
    throw new HttpError(409, 'cabinet.identity.no_channel', { params: { channel }, field: 'channel' });
  const now = deps.now();
  await assertMayResend(db, session.accountId, purpose, now);
  await db.transaction(async (trx) => {
    const code = await issueCode(trx, {
      accountId: session.accountId,
      purpose,
      channel,
      ttlMs: identityCodeTtlMs,
      now,
    });
    await enqueueNotification(
      trx,
      {
        clinicId: card.clinicId,
        accountId: session.accountId,
        channel,
        to,
        template: 'identity_code',
        params: { code },
      },
      now,
    );
  });
  return { sentTo: channel === 'sms' ? maskPhone(to) : maskEmail(to), resendAfterSeconds };
}

/**
 * Checks the code (H1's checkCode). A wrong code is a failed attempt of the B6 counter; a
 * replayed or expired one is refused on its own and not counted: it was a code the card's
 * contact received, so it proves nothing against the person — only that it came late or twice —
 * while guesses (which is what the lock is for) are always `wrong`.
 */
export async function confirmIdentityCode(deps: Deps, session: CabinetSession, code: string): Promise<void> {
  const { db } = deps;
  const card = await linkedCardOf(db, session);
  await requireOpenConfirmation(db, card);
  const latest = (await db('cabinet_codes')
    .where({ account_id: session.accountId, purpose })
    .orderBy('created_at', 'desc')
    .first('channel')) as { channel: string } | undefined;
  if (!latest) throw new HttpError(409, 'cabinet.identity.code_none');
  const now = deps.now();
  const result = await db.transaction((trx) => checkCode(trx, { accountId: session.accountId, purpose, code, now }));
  if (result === 'expired') throw new HttpError(410, 'cabinet.identity.code_expired');
  if (result === 'used') throw new HttpError(410, 'cabinet.identity.code_used');
  const method = latest.channel === 'email' ? 'email_code' : 'sms_code';
  await countAttempt(
    db,
    card,
    { method, outcome: result === 'ok' ? 'passed' : 'failed' },
    now,
    'cabinet.identity.code_wrong',
  );
}
