import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { appendAudit } from '../../store/audit-log';
import type { ProvenSession } from '../../../shared/sync/session-proof';
import { applicationServer, type PrintedCodeAnswer } from './application-server';
import { requireApplication } from './application-row';

/**
 * The activation code of an application approved with `print` (C5), asked from the server in the
 * clerk's proven session and handed to the screen to print once. Never stored on the desk; the
 * audit event says that it was printed, not what it was. Refused here what the server would refuse.
 * `proven` is the signed-in clerk's proven session (the server acts only in a person's name).
 */
export async function printedCode(
  ctx: Pick<ServiceContext, 'store' | 'clock' | 'actor'>,
  id: string,
  proven: ProvenSession | undefined,
): Promise<PrintedCodeAnswer> {
  const row = ctx.store.transaction((tx) => requireApplication(tx, id));
  if (row.status !== 'approved' || row.activation_channel !== 'print')
    throw new AppError('application.printed_code.channel', { field: 'id' });
  const server = applicationServer(ctx.store);
  if (!server) throw new AppError('application.desk.not_online');
  if (!proven) throw new AppError('application.desk.unproven');
  const answer = await server.printedCode(id, proven);
  ctx.store.transaction((tx) =>
    appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
      action: 'applications.code_printed',
      patientId: row.patient_id,
      details: { application: id, expiresAt: answer.expiresAt },
    }),
  );
  return answer;
}
