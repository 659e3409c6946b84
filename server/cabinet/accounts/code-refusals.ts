import type { Knex } from 'knex';
import { HttpError } from '../../http/http-error';
import { countFailure } from './account-lockout';
import type { CodeCheck } from './one-time-codes';

/**
 * The answer to a one-time code that did not pass: each outcome its own code, field `code`. A
 * wrong code (and a try at a spent-by-guessing one) counts against the account's lockout, so the
 * fifth answers 423 `cabinet.locked` instead.
 */
export async function codeRefusal(
  db: Knex,
  accountId: string,
  check: Exclude<CodeCheck, 'ok'>,
  now: Date,
): Promise<HttpError> {
  switch (check) {
    case 'expired':
      return new HttpError(410, 'cabinet.code.expired', { field: 'code' });
    case 'used':
      return new HttpError(410, 'cabinet.code.used', { field: 'code' });
    case 'locked':
      return countFailure(db, { accountId }, now, new HttpError(400, 'cabinet.code.spent', { field: 'code' }));
    case 'wrong':
      return countFailure(db, { accountId }, now, new HttpError(400, 'cabinet.code.wrong', { field: 'code' }));
  }
}
