import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can, roles } from '../../../shared/auth/permissions';
import { ownFactorRequestSchema } from '../../../shared/sync/second-factor-protocol';
import { deriveTicketKey } from '../../auth/ticket-key';
import { deviceOf } from '../../auth/device-auth';
import { HttpError } from '../../http/http-error';
import { parseOr400 } from '../../http/parse';
import { provenPerson } from '../../staff/second-factors/proven-person';
import { withChangeLog } from '../../sync/change-log';
import { defaultRpIds } from '../../sync/proof/statement-proof';
import type { CabinetDeps } from '../cabinet-deps';
import { issueActivationCode } from './activation-codes';
import { appendEvent, findApplication, writeServerRow } from './application-rows';
import { installApplicationRuntime } from './application-runtime';

/** `POST /v1/applications/:id/printed-code` (the path inside the /v1 scope). */
export const printedCodePath = '/applications/:id/printed-code';

export const printedCodeAnswerSchema = z.strictObject({ code: z.string(), expiresAt: z.iso.datetime() });
export type PrintedCodeAnswer = z.infer<typeof printedCodeAnswerSchema>;

const idSchema = z.object({ id: z.uuid() });

/**
 * Desk-signed routes of applications (under /v1, device signature checked by the scope). The
 * printed activation code (7 days) of an approved application whose channel is `print`: asked by
 * a person who may change patients' data, in a proven session on this desk (as a second factor's
 * renewal is asked: server/staff/second-factors/), shown once; a new one replaces the earlier.
 */
export function registerDeskApplicationRoutes(signed: FastifyInstance, deps: CabinetDeps): void {
  installApplicationRuntime(deps, signed.log);
  const verifier = { ticketKey: deriveTicketKey(deps.masterKey), rpIds: defaultRpIds };

  signed.post(printedCodePath, async (request): Promise<PrintedCodeAnswer> => {
    const { id } = parseOr400(idSchema, request.params);
    const body = parseOr400(ownFactorRequestSchema, request.body);
    const device = deviceOf(request);
    const now = deps.now();
    const person = await provenPerson(deps.db, verifier, device, body.session, now);
    const staff = await deps
      .db('records')
      .where({ table_name: 'staff', id: person.staffId, clinic_id: device.clinicId })
      .first<{ data: { role?: unknown } } | undefined>('data');
    const role = roles.find((known) => known === staff?.data.role);
    if (!role || !can(role, 'patients.write')) {
      throw new HttpError(403, 'application.printed_code.permission');
    }
    const at = now.toISOString();
    return withChangeLog(deps.db, { now, clinicId: device.clinicId }, async (log) => {
      const row = await findApplication(log.trx, device.clinicId, id);
      if (!row) throw new HttpError(404, 'application.not_found');
      const accountId = row.data.account_id;
      if (row.data.status !== 'approved' || row.data.activation_channel !== 'print') {
        throw new HttpError(409, 'application.printed_code.channel');
      }
      if (typeof accountId !== 'string') throw new HttpError(409, 'application.account.none');
      const issued = await issueActivationCode(
        log.trx,
        { clinicId: device.clinicId, applicationId: row.id, accountId, channel: 'print' },
        now,
      );
      await writeServerRow(log, 'applications', row.id, row, { activation_sent_at: at }, at);
      await appendEvent(
        log,
        {
          applicationId: row.id,
          kind: 'activation_sent',
          actorKind: 'staff',
          actorId: person.staffId,
          detail: { channel: 'print' },
        },
        at,
      );
      request.log.info({ application: { id: row.id, staffId: person.staffId } }, 'printed activation code issued');
      return issued;
    });
  });
}
