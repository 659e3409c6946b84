import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import {
  factorSignInRequestSchema,
  ownFactorRequestSchema,
  secondFactorPaths,
  totpConfirmRequestSchema,
  type FactorSignInAnswer,
} from '../../../shared/sync/second-factor-protocol';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { deviceOf } from '../../auth/device-auth';
import { HttpError } from '../../http/http-error';
import { parseOr400 } from '../../http/parse';
import { checkFactor } from './factor-checks';
import type { FactorKeys } from './factor-keys';
import { clearFailures, countFailure, factorLockout, lockedMinutes } from './factor-lockout';
import type { StatementVerifier } from '../../sync/proof/statement-proof';
import { provenPerson, statementPerson } from './proven-person';
import { issueServerRecoveryCodes } from './server-recovery-codes';
import { beginTotp, confirmTotp } from './server-totp';

export interface SecondFactorDeps {
  db: Knex;
  now: () => Date;
  keys: FactorKeys;
  /** Checks the proofs of sessions (tickets are signed with its `ticketKey`). */
  verifier: StatementVerifier;
}

/**
 * `/v1/second-factors/*` (shared/sync/second-factor-protocol.ts), in the device-signed scope. A
 * wrong code is counted for the person in the same transaction as its check, and the refusal is
 * answered after that commit, so neither a crash nor a race loses a count.
 */
export function registerSecondFactorRoutes(app: FastifyInstance, deps: SecondFactorDeps): void {
  const { db } = deps;

  app.post(
    secondFactorPaths.signIn.replace('/v1', ''),
    withParams(async (request): Promise<FactorSignInAnswer> => {
      const body = parseOr400(factorSignInRequestSchema, request.body);
      const device = deviceOf(request);
      const now = deps.now();
      const person = await statementPerson(db, device, body.statement, now);
      const who = { staffId: person.staffId, deviceId: device.id };
      const outcome = await guarded(db, person.staffId, now, (trx) => checkFactor(trx, deps.keys, who, body, now));
      const state = await db('staff_factor_state')
        .where({ staff_id: person.staffId })
        .first<{ must_renew_recovery_codes: boolean } | undefined>('must_renew_recovery_codes');
      request.log.info({ factor: { staffId: person.staffId, kind: body.factor } }, 'second factor accepted');
      return {
        signature: deps.verifier.ticketKey.sign(body.statement, body.factor),
        ...(outcome.recoveryCodesLeft === undefined ? {} : { recoveryCodesLeft: outcome.recoveryCodesLeft }),
        mustRenewRecoveryCodes: state?.must_renew_recovery_codes === true,
      };
    }),
  );

  app.post(secondFactorPaths.totpBegin.replace('/v1', ''), async (request) => {
    const body = parseOr400(ownFactorRequestSchema, request.body);
    const person = await provenPerson(db, deps.verifier, deviceOf(request), body.session, deps.now());
    return beginTotp(db, deps.keys.sealKey, person, deps.now());
  });

  app.post(
    secondFactorPaths.totpConfirm.replace('/v1', ''),
    withParams(async (request) => {
      const body = parseOr400(totpConfirmRequestSchema, request.body);
      const now = deps.now();
      const person = await provenPerson(db, deps.verifier, deviceOf(request), body.session, now);
      const confirmed = await guarded(db, person.staffId, now, async (trx) => {
        const outcome = await confirmTotp(trx, deps.keys.sealKey, person.staffId, body.code, now);
        if (outcome.ok) return { ok: true as const, enrolledAt: outcome.enrolledAt };
        if (outcome.reason === 'no_pending') throw new HttpError(409, 'factor.totp.no_pending');
        return { ok: false as const, code: 'factor.totp.confirm_wrong' as const };
      });
      return { enrolledAt: confirmed.enrolledAt.toISOString() };
    }),
  );

  app.post(secondFactorPaths.recoveryRenew.replace('/v1', ''), async (request) => {
    const body = parseOr400(ownFactorRequestSchema, request.body);
    const now = deps.now();
    const person = await provenPerson(db, deps.verifier, deviceOf(request), body.session, now);
    const codes = await db.transaction((trx) => issueServerRecoveryCodes(trx, deps.keys.pepper, person.staffId, now));
    request.log.info({ factor: { staffId: person.staffId, kind: 'recovery-codes-issued' } }, 'recovery codes issued');
    return { codes };
  });
}

/**
 * Refusals of code checks carry their params (`left`, `minutes`) besides the texts, so the desk
 * shows the person the same sentence in their language.
 */
function withParams<T>(handler: (request: FastifyRequest) => Promise<T>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<T | FastifyReply> => {
    try {
      return await handler(request);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return reply.code(error.status).send({ ...toApiError(error), params: error.params });
    }
  };
}

type Checked<T> = ({ ok: true } & T) | { ok: false; code: ErrorCode };

/**
 * Runs a check under the person's lockout: refused while locked (423), a failure counted and
 * answered (403, with the attempts left) only after its transaction commits.
 */
async function guarded<T extends object>(
  db: Knex,
  staffId: string,
  now: Date,
  check: (trx: Knex.Transaction) => Promise<Checked<T>>,
): Promise<{ ok: true } & T> {
  const result = await db.transaction(async (trx): Promise<Checked<T> | { locked: number } | { failed: AppError }> => {
    const locked = await lockedMinutes(trx, staffId, now);
    if (locked !== null) return { locked };
    const verdict = await check(trx);
    if (verdict.ok) {
      await clearFailures(trx, staffId);
      return verdict;
    }
    const left = await countFailure(trx, staffId, now);
    if (left === 0) {
      return { failed: new HttpError(423, 'factor.locked', { params: { minutes: factorLockout.lockMinutes } }) };
    }
    return { failed: new HttpError(403, verdict.code, { params: { left } }) };
  });
  if ('locked' in result) throw new HttpError(423, 'factor.locked', { params: { minutes: result.locked } });
  if ('failed' in result) throw result.failed;
  if (!result.ok) throw new HttpError(403, result.code);
  return result;
}
