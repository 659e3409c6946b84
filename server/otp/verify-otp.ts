import type { Knex } from 'knex';
import { z } from 'zod';
import { maxClientId, findYkvalClient } from './ykval-clients';
import { otpPublicId, parseOtp } from './yubico-otp';
import { ykvalSignatureMatches, type YkvalAnswer, type YkvalStatus } from './ykval-protocol';
import { advanceCounters, findYubikeySecrets, recordVerification } from './yubikeys';

export interface VerifyDeps {
  db: Knex;
  /** From yubikeySecretsKey(): opens the stored AES secrets and API keys. */
  secretsKey: Uint8Array;
  now: () => Date;
}

/** A verify request's parameters, each given once; `repeated` when one came more than once. */
export interface VerifyQuery {
  params: Record<string, string>;
  repeated: boolean;
}

export interface VerifyOutcome {
  answer: YkvalAnswer;
  /** The client's key to sign the answer with; undefined when the client is not known. */
  apiKey: Buffer | undefined;
  /** As claimed by the request (for the log and the audit trail), when well-formed. */
  publicId: string | null;
  clientId: number | null;
  /** An internal failure behind BACKEND_ERROR, for the log. */
  error?: unknown;
}

// Protocol 2.0: the nonce is 16–40 characters; YK-VAL takes only letters and digits.
const nonceSchema = z.string().regex(/^[A-Za-z0-9]{16,40}$/);
const clientIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .refine((id) => id <= maxClientId);
// Modhex is case-blind; YK-VAL lower-cases the OTP too.
const otpShape = /^[cbdefghijklnrtuv]{32,48}$/i;

const paramsSchema = z.object({
  id: clientIdSchema,
  otp: z.string().min(1),
  nonce: nonceSchema,
  h: z.string().min(1),
  // "timestamp=1 requests timestamp and session counter information"; other values are ignored.
  timestamp: z.string().optional(),
  // Accepted for compatibility: with one shared database there is nothing to sync with.
  sl: z.union([z.enum(['fast', 'secure']), z.string().regex(/^(?:100|[1-9]?[0-9])$/)]).optional(),
  timeout: z
    .string()
    .regex(/^[0-9]{1,6}$/)
    .optional(),
});

/**
 * One YK-VAL 2.0 verification, in YK-VAL's order of checks: client, request signature,
 * parameters, OTP, counters. Never throws: an internal failure is BACKEND_ERROR. Every outcome
 * is recorded in yubikey_verifications (an accepted OTP in the same transaction as its counters).
 */
export async function verifyOtpRequest(deps: VerifyDeps, query: VerifyQuery): Promise<VerifyOutcome> {
  const { params } = query;
  const otp = params.otp !== undefined && otpShape.test(params.otp) ? params.otp : undefined;
  const nonce = nonceSchema.safeParse(params.nonce).success ? params.nonce : undefined;
  const id = clientIdSchema.safeParse(params.id);
  const outcome: VerifyOutcome = {
    answer: {
      status: 'BACKEND_ERROR',
      ...(otp === undefined ? {} : { otp }),
      ...(nonce === undefined ? {} : { nonce }),
    },
    apiKey: undefined,
    publicId: otp === undefined ? null : (otpPublicId(otp.toLowerCase()) ?? null),
    clientId: id.success ? id.data : null,
  };
  let recorded = false;
  try {
    const decision = await decide(deps, query, outcome);
    outcome.answer = { ...outcome.answer, ...decision.extra, status: decision.status };
    recorded = decision.recorded;
  } catch (error) {
    outcome.answer.status = 'BACKEND_ERROR';
    outcome.error = error;
  }
  if (!recorded) {
    await recordVerification(deps.db, {
      publicId: outcome.publicId,
      clientId: outcome.clientId,
      status: outcome.answer.status,
      at: deps.now(),
    }).catch((error: unknown) => {
      outcome.error ??= error;
    });
  }
  return outcome;
}

interface Decision {
  status: YkvalStatus;
  extra?: Partial<YkvalAnswer>;
  recorded: boolean;
}

const refuse = (status: YkvalStatus): Decision => ({ status, recorded: false });

async function decide(deps: VerifyDeps, query: VerifyQuery, outcome: VerifyOutcome): Promise<Decision> {
  const { db } = deps;
  if (outcome.clientId === null) return refuse('MISSING_PARAMETER');
  const client = await findYkvalClient(db, deps.secretsKey, outcome.clientId);
  if (!client) return refuse('NO_SUCH_CLIENT');
  outcome.apiKey = client.apiKey;
  // A repeated parameter leaves "the" signed value ambiguous.
  if (query.repeated || query.params.h === undefined) return refuse('MISSING_PARAMETER');
  if (!ykvalSignatureMatches(query.params, client.apiKey, query.params.h)) return refuse('BAD_SIGNATURE');
  if (client.revokedAt !== null || client.deviceRevoked) return refuse('OPERATION_NOT_ALLOWED');

  const parsedParams = paramsSchema.safeParse(query.params);
  if (!parsedParams.success) return refuse('MISSING_PARAMETER');
  const params = parsedParams.data;
  if (!otpShape.test(params.otp)) return refuse('BAD_OTP');
  const otp = params.otp.toLowerCase();
  const publicId = otpPublicId(otp) as string;

  const key = await findYubikeySecrets(db, deps.secretsKey, publicId);
  if (!key || key.revokedAt !== null) return refuse('BAD_OTP');
  const decoded = parseOtp(otp, key.aesKey);
  // A wrong private id means the block was made with another key's secret: forged or corrupt.
  if (!decoded.ok || decoded.privateId !== key.privateId) return refuse('BAD_OTP');

  const now = deps.now();
  const accepted = await db.transaction(async (trx) => {
    const won = await advanceCounters(trx, {
      publicId,
      usageCounter: decoded.usageCounter,
      sessionUse: decoded.sessionUse,
      nonce: params.nonce,
      clientId: client.id,
      now,
    });
    if (won) await recordVerification(trx, { publicId, clientId: client.id, status: 'OK', at: now });
    return won;
  });
  if (accepted) {
    const extra: Partial<YkvalAnswer> = {};
    if (params.sl !== undefined) extra.sl = '100';
    if (params.timestamp === '1') {
      extra.timestamp = decoded.timestamp;
      extra.sessioncounter = decoded.usageCounter;
      extra.sessionuse = decoded.sessionUse;
    }
    return { status: 'OK', extra, recorded: true };
  }

  // Lost the UPDATE: revoked meanwhile, the same request again, or an old OTP.
  const current = await db('yubikeys').where({ public_id: publicId }).first<{
    revoked_at: Date | null;
    last_usage_counter: number;
    last_session_use: number;
    last_nonce: string | null;
  }>('revoked_at', 'last_usage_counter', 'last_session_use', 'last_nonce');
  if (!current || current.revoked_at !== null) return refuse('BAD_OTP');
  const sameCounters =
    current.last_usage_counter === decoded.usageCounter && current.last_session_use === decoded.sessionUse;
  return refuse(sameCounters && current.last_nonce === params.nonce ? 'REPLAYED_REQUEST' : 'REPLAYED_OTP');
}
