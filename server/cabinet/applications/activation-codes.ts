import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import { activationLifetimeMs, type ActivationChannel } from '../../../shared/domain/application';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { HttpError } from '../../http/http-error';
import { withChangeLog } from '../../sync/change-log';
import { enqueueNotification } from '../../notifications/enqueue';
import { appendEvent, findApplication, writeServerRow } from './application-rows';
import { applicationRuntime } from './application-runtime';

/**
 * Activation codes (C4, NIST SP 800-63A): what an approved patient types (or follows, by e-mail)
 * to set a password. Random, single use, expiring by channel (24 h e-mail link, 10 min SMS,
 * 7 days printed at the desk), kept only as HMAC-SHA-256 under a key derived from the master key.
 * A new code for an application replaces its earlier ones; five wrong tries spend the code.
 */
export const maxActivationAttempts = 5;

function newCode(channel: ActivationChannel): string {
  if (channel === 'email') return randomBytes(32).toString('base64url');
  const digits = (length: number) => Array.from({ length }, () => String(randomInt(10))).join('');
  return channel === 'sms' ? digits(8) : digits(12);
}

/** Spaces and dashes a person types into a digit code do not count. */
function normalised(code: string): string {
  const trimmed = code.trim();
  return /^[\d\s-]+$/.test(trimmed) ? trimmed.replace(/[\s-]/g, '') : trimmed;
}

function mac(key: Buffer, clinicId: string, code: string): string {
  return createHmac('sha256', key)
    .update(`${clinicId}\n${normalised(code)}`, 'utf8')
    .digest('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

function keyOf(db: Knex): Buffer {
  const runtime = applicationRuntime(db);
  if (!runtime) throw new Error('The cabinet has not installed the applications’ runtime on this database');
  return runtime.activationKey;
}

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

/** A new activation code for an approved application; its earlier unspent codes stop working. */
export async function issueActivationCode(
  trx: Knex,
  request: { clinicId: string; applicationId: string; accountId: string; channel: ActivationChannel },
  now: Date,
): Promise<IssuedCode> {
  const code = newCode(request.channel);
  const expiresAt = new Date(now.getTime() + activationLifetimeMs[request.channel]);
  await trx('activation_codes')
    .where({ clinic_id: request.clinicId, application_id: request.applicationId })
    .whereNull('used_at')
    .update({ used_at: now });
  await trx('activation_codes').insert({
    id: randomUUID(),
    clinic_id: request.clinicId,
    application_id: request.applicationId,
    account_id: request.accountId,
    channel: request.channel,
    code_hash: mac(keyOf(trx), request.clinicId, code),
    created_at: now,
    expires_at: expiresAt,
    attempts: 0,
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

interface CodeRow {
  id: string;
  application_id: string;
  account_id: string;
  code_hash: string;
  expires_at: Date | string;
  used_at: Date | string | null;
  attempts: number;
  channel: ActivationChannel;
}

/** The account and application a code opened, and the channel it reached the patient by. */
export type Redeemed = { accountId: string; applicationId: string; channel: ActivationChannel };
export type RedeemOutcome = ({ ok: true } & Redeemed) | { ok: false; error: HttpError };

const refused = (status: number, code: ErrorCode): RedeemOutcome => ({
  ok: false,
  error: new HttpError(status, code, { field: 'code' }),
});

/**
 * Redeems a code without throwing: a wrong try is counted in `trx`, so a caller that must keep the
 * count commits before answering the refusal (`error`). On success the code is spent and the
 * application is `activated` (the server's change, its `activated` event, the `account_activated`
 * notice), all in `trx`.
 */
export async function tryRedeemActivationCode(
  trx: Knex,
  request: { clinicId: string; email: string; code: string },
  now: Date,
): Promise<RedeemOutcome> {
  const account = await trx('cabinet_accounts')
    .where({ clinic_id: request.clinicId, email: request.email.trim().toLowerCase() })
    .first<{ id: string; email: string } | undefined>('id', 'email');
  if (!account) return refused(400, 'application.activation.wrong');
  const codeMac = mac(keyOf(trx), request.clinicId, request.code);
  const latest = await trx('activation_codes')
    .where({ clinic_id: request.clinicId, account_id: account.id })
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .forUpdate()
    .first<CodeRow | undefined>(
      'id',
      'application_id',
      'account_id',
      'code_hash',
      'expires_at',
      'used_at',
      'attempts',
      'channel',
    );
  if (!latest) return refused(400, 'application.activation.wrong');
  if (sameHex(latest.code_hash, codeMac)) {
    if (latest.used_at !== null) return refused(410, 'application.activation.used');
    if (now.getTime() >= new Date(latest.expires_at).getTime()) return refused(410, 'application.activation.expired');
    await trx('activation_codes').where({ id: latest.id }).update({ used_at: now });
    await markActivated(trx, request.clinicId, latest.application_id, account, now);
    return { ok: true, accountId: latest.account_id, applicationId: latest.application_id, channel: latest.channel };
  }
  const older = await trx('activation_codes')
    .where({ clinic_id: request.clinicId, account_id: account.id, code_hash: codeMac })
    .first<{ id: string } | undefined>('id');
  if (older) return refused(410, 'application.activation.used');
  if (latest.used_at === null) {
    const attempts = latest.attempts + 1;
    await trx('activation_codes')
      .where({ id: latest.id })
      .update(attempts >= maxActivationAttempts ? { attempts, used_at: now } : { attempts });
  }
  return refused(400, 'application.activation.wrong');
}

/**
 * The agreed entry (H1's `/activate`): throws 400 `application.activation.wrong`, 410 `…expired`
 * or `…used`. A wrong try is counted in `trx`: it sticks only if `trx` commits — a caller inside a
 * transaction of its own should use `tryRedeemActivationCode` and throw after its commit.
 */
export async function redeemActivationCode(
  trx: Knex,
  request: { clinicId: string; email: string; code: string },
  now: Date,
): Promise<Redeemed> {
  const outcome = await tryRedeemActivationCode(trx, request, now);
  if (!outcome.ok) throw outcome.error;
  return { accountId: outcome.accountId, applicationId: outcome.applicationId, channel: outcome.channel };
}

async function markActivated(
  trx: Knex,
  clinicId: string,
  applicationId: string,
  account: { id: string; email: string },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await withChangeLog(trx, { now, clinicId }, async (log) => {
    const application = await findApplication(log.trx, clinicId, applicationId);
    if (!application) throw new HttpError(404, 'application.not_found');
    await writeServerRow(
      log,
      'applications',
      application.id,
      application,
      { status: 'activated', activated_at: at },
      at,
    );
    await appendEvent(log, { applicationId, kind: 'activated', actorKind: 'patient', actorId: account.id }, at);
    await enqueueNotification(
      log.trx,
      {
        clinicId,
        accountId: account.id,
        applicationId,
        channel: 'email',
        to: account.email,
        template: 'account_activated',
        params: {},
      },
      now,
    );
  });
}

/** Where the e-mail's link takes the patient: the cabinet's activation page, the code in the fragment. */
export function activationLink(publicUrl: string, code: string, email: string): string {
  return `${publicUrl}/activate#code=${encodeURIComponent(code)}&email=${encodeURIComponent(email)}`;
}
