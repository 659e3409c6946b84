import { can, type Permission } from '../../../shared/auth/permissions';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { appendAudit } from '../../store/audit-log';
import type { Tx } from '../../store/open-store';
import type { DoorContext } from '../../store/record-door';

/**
 * The door for a booking or a schedule change whose row id the service needs before the write
 * (the booking check names it): the permission checked before anything is written, then the rows
 * through the door's synced writers and one audit event for the action.
 */
export function appointmentDoor(
  ctx: Pick<ServiceContext, 'actor'>,
  tx: Tx,
  at: string,
  permission: Permission,
): DoorContext {
  if (!can(ctx.actor.role, permission)) throw new AppError('forbidden');
  return { tx, actor: ctx.actor, at };
}

export function auditAppointmentAction(
  door: DoorContext,
  action: string,
  patientId: string | null,
  details: Record<string, unknown>,
): void {
  appendAudit(door.tx, door.actor, door.at, { action, patientId, details });
}
