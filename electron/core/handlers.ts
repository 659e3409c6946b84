import type { z } from 'zod';
import type { CallName, CallOutput, Contract } from '../../shared/api/contract';
import { rolePermissions } from '../../shared/auth/permissions';
import { patientAccessLog } from '../services/patients/access-log';
import { createPatient } from '../services/patients/create-patient';
import { getPatient } from '../services/patients/get-patient';
import { searchPatients } from '../services/patients/search-patients';
import { listConflicts, resolveConflict } from '../services/sync/conflicts';
import { syncStatus } from '../services/sync/sync-status';
import type { ServiceContext } from './context';

export type Handler<N extends CallName> = (
  ctx: ServiceContext,
  input: z.output<Contract[N]['input']>,
) => CallOutput<N> | Promise<CallOutput<N>>;

/** The service behind each call of the contract; the type makes a missing one a compile error. */
export const handlers: { [N in CallName]: Handler<N> } = {
  'session.whoami': (ctx) => ({
    actor: { id: ctx.actor.staffId, displayName: ctx.actor.displayName, role: ctx.actor.role, kind: ctx.actor.kind },
    device: { id: ctx.actor.deviceId, name: ctx.actor.deviceName },
    permissions: [...rolePermissions[ctx.actor.role]],
  }),
  'patients.create': (ctx, input) => createPatient(ctx, input),
  'patients.search': (ctx, input) => searchPatients(ctx, input.query, input.limit),
  'patients.get': (ctx, input) => getPatient(ctx, input.id),
  'patients.accessLog': (ctx, input) => patientAccessLog(ctx, input.id, input.limit),
  'sync.status': (ctx) => syncStatus(ctx),
  'sync.conflicts': (ctx) => listConflicts(ctx),
  'sync.resolveConflict': (ctx, input) => resolveConflict(ctx, input.id, input.keep),
};
