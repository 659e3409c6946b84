import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { HttpError } from '../../http/http-error';
import { patientExists } from '../../portal/online-identity-row';
import { cabinetSessionOf, requirePatientStage } from '../session/cabinet-session';

/** Whose chart a cabinet request may touch: the account's own card in its clinic, nothing else. */
export interface ChartCard {
  clinicId: string;
  patientId: string;
  accountId: string;
}

/**
 * The chart's card of the request: a session at the `patient` stage (401/403 otherwise) whose
 * account is linked to a live card of its clinic (409 cabinet.identity.not_linked otherwise).
 * Nothing in a request names the card: an id of another patient's row is simply not found in it.
 */
export async function chartCardOf(request: FastifyRequest, db: Knex): Promise<ChartCard> {
  const session = requirePatientStage(cabinetSessionOf(request));
  if (session.patientId === null || !(await patientExists(db, session.patientId, session.clinicId)))
    throw new HttpError(409, 'cabinet.identity.not_linked');
  return { clinicId: session.clinicId, patientId: session.patientId, accountId: session.accountId };
}

/** A path's `:id` when it is a UUID (lower case); otherwise the route's not-found code. */
export function idParam(
  params: unknown,
  notFound: 'chart.entry.not_found' | 'chart.report.not_found' | 'scan.not_found' | 'chart.share.consent_not_found',
): string {
  const id = (params as { id?: unknown; scanId?: unknown }).id ?? (params as { scanId?: unknown }).scanId;
  if (typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new HttpError(404, notFound);
  return id.toLowerCase();
}
