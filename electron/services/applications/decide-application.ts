import type { ApplicationDetail } from '../../../shared/api/application-calls';
import {
  deskApprovalProblem,
  type ActivationChannel,
  type AppealOutcome,
  type DenyReason,
} from '../../../shared/domain/application';
import { AppError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { ActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { updateRecord, type FieldValue } from '../../store/record-door';
import { appendApplicationEvent } from './application-events';
import { requireApplication, type ApplicationRow } from './application-row';
import { applicationDetail } from './get-application';

/** Runs a decision on an application in the one transaction: the row's change, its journal entry, the audit event. */
function decide(
  ctx: ActorContext,
  id: string,
  judge: (
    tx: Tx,
    row: ApplicationRow,
    at: string,
  ) => {
    fields: Record<string, FieldValue>;
    event: Parameters<typeof appendApplicationEvent>[2];
    detail: Record<string, string>;
  },
): ApplicationDetail {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const door = { tx, actor: ctx.actor, at };
    const row = requireApplication(tx, id);
    const { fields, event, detail } = judge(tx, row, at);
    updateRecord(door, 'patients.write', 'applications', id, fields, {
      action: `applications.${event}`,
      patientId: row.patient_id,
      details: { application: id, ...detail },
    });
    appendApplicationEvent(door, id, event, detail);
    return applicationDetail(tx, id, at);
  });
}

function requireInReview(row: ApplicationRow): void {
  if (row.status !== 'in_review') throw new AppError('application.desk.not_in_review', { field: 'id' });
}

/**
 * Approves an application under review (C3): refused, naming the check, unless the patient's
 * identity is confirmed, a consent is in force and the OMS policy is confirmed — as the server
 * would refuse it. The channel must reach the patient; an application taken at the desk needs the
 * patient's e-mail and phone and a code by e-mail or SMS (the server opens their account). The
 * server then sends the activation code.
 */
export function approveApplication(
  ctx: ActorContext,
  id: string,
  activationChannel: ActivationChannel,
): ApplicationDetail {
  return decide(ctx, id, (tx, row, at) => {
    requireInReview(row);
    // Taken at the desk, the patient has no cabinet account yet: the server opens one on approval,
    // and needs their e-mail and phone, and the code sent to one of them (shared rule).
    const desk = deskApprovalProblem(
      { accountId: row.account_id, contactEmail: row.contact_email, contactPhone: row.contact_phone },
      activationChannel,
    );
    if (desk) throw new AppError(desk, { field: 'activationChannel' });
    const unmet = applicationDetail(tx, id, at).checks.find((check) => !check.met);
    if (unmet) throw new AppError(`application.check.${unmet.check}` satisfies ErrorCode, { field: 'id' });
    if (activationChannel === 'email' && !row.contact_email)
      throw new AppError('application.desk.no_email', { field: 'activationChannel' });
    if (activationChannel === 'sms' && !row.contact_phone)
      throw new AppError('application.desk.no_phone', { field: 'activationChannel' });
    return {
      fields: {
        status: 'approved',
        decided_at: at,
        decided_by: ctx.actor.staffId,
        activation_channel: activationChannel,
      },
      event: 'approved',
      detail: { activationChannel },
    };
  });
}

/**
 * Denies an application under review with a reason citing its clause (C4) and the clerk's note.
 * The server sets the last day the patient may supply what was missing (`supply_due`): it comes
 * back with the sync.
 */
export function denyApplication(ctx: ActorContext, id: string, reason: DenyReason, note: string): ApplicationDetail {
  return decide(ctx, id, (_tx, row, at) => {
    requireInReview(row);
    return {
      fields: {
        status: 'denied',
        decided_at: at,
        decided_by: ctx.actor.staffId,
        deny_reason: reason,
        deny_note: note === '' ? null : note,
      },
      event: 'denied',
      detail: { reason },
    };
  });
}

/**
 * Records the outcome of the patient's appeal of a denial (C5). Upheld: the denial stands.
 * Overturned: the application is under review again, to be decided anew.
 */
export function recordAppealOutcome(
  ctx: ActorContext,
  id: string,
  outcome: AppealOutcome,
  note: string,
): ApplicationDetail {
  return decide(ctx, id, (_tx, row, at) => {
    if (row.status !== 'denied' || row.appeal_text === null || row.appeal_outcome !== null)
      throw new AppError('application.appeal.none', { field: 'id' });
    return {
      fields: {
        appeal_outcome: outcome,
        appeal_note: note === '' ? null : note,
        appeal_decided_at: at,
        appeal_decided_by: ctx.actor.staffId,
        ...(outcome === 'overturned' ? { status: 'in_review' } : {}),
      },
      event: 'appeal_decided',
      detail: { outcome },
    };
  });
}
