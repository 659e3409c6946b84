import type { CallOutput } from '../../../shared/api/contract';
import { isoDay } from '../../../shared/domain/calendar-date';
import type { ZonedActorContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { requirePatient } from '../patients/require-patient';
import { proxiesOf, toProxyView } from './proxy-row';

/** A patient's trusted persons with where each one's authority ends (B9); the read is audited. */
export function listProxies(ctx: ZonedActorContext, patientId: string): CallOutput<'proxies.list'> {
  const now = ctx.clock.now();
  const today = isoDay(now, ctx.timeZone);
  return ctx.store.transaction((tx) => {
    requirePatient(tx, patientId);
    const items = proxiesOf(tx, patientId).map((row) => toProxyView(row, today));
    recordRead({ tx, actor: ctx.actor, at: now.toISOString() }, 'patients.read', { action: 'proxies.read', patientId });
    return { items };
  });
}
