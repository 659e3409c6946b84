import type { Knex } from 'knex';
import { maxClockSkewMs } from '../../../shared/sync/protocol';
import { maxSessionMs, type ProvenSession, type SessionStatement } from '../../../shared/sync/session-proof';
import { HttpError } from '../../http/http-error';
import { refuseStatement, type StatementVerifier } from '../../sync/proof/statement-proof';

export interface PersonOnServer {
  staffId: string;
  login: string;
}

/**
 * The statement is this device's, in force now, of an active person of the device's clinic. A
 * statement from another desk, an expired one or one of a person the server does not have is
 * refused before any code is looked at (and is not counted: it is not a guess).
 */
export async function statementPerson(
  db: Knex,
  device: { id: string; clinicId: string },
  statement: SessionStatement,
  now: Date,
): Promise<PersonOnServer> {
  if (statement.deviceId.toLowerCase() !== device.id) throw new HttpError(403, 'factor.statement.device');
  const issued = Date.parse(statement.issuedAt);
  const expires = Date.parse(statement.expiresAt);
  const at = now.getTime();
  if (issued - maxClockSkewMs > at || expires <= at || expires - issued > maxSessionMs) {
    throw new HttpError(403, 'factor.statement.expired');
  }
  const row = await db('records')
    .where({ table_name: 'staff', id: statement.staffId, clinic_id: device.clinicId })
    .first<{ data: Record<string, unknown> } | undefined>('data');
  const active = row?.data.active === 1 || row?.data.active === true;
  if (!row || !active || typeof row.data.login !== 'string') throw new HttpError(403, 'factor.person.unknown');
  return { staffId: statement.staffId, login: row.data.login };
}

/**
 * A proven session's person: the statement as above, and its proof — a ticket of ours or the
 * person's key's assertion, checked as a push's proof is (server/sync/proof/statement-proof.ts).
 */
export async function provenPerson(
  db: Knex,
  verifier: StatementVerifier,
  device: { id: string; clinicId: string },
  proven: ProvenSession,
  now: Date,
): Promise<PersonOnServer> {
  const person = await statementPerson(db, device, proven.statement, now);
  const refused = await db.transaction((trx) => refuseStatement(trx, proven, verifier));
  if (refused !== null) throw new HttpError(403, 'factor.session.unproven');
  return person;
}
