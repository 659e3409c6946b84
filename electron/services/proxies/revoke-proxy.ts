import type { CallOutput } from '../../../shared/api/contract';
import { formatRussianDate, isoDay } from '../../../shared/domain/calendar-date';
import { AppError } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import { updateRecord } from '../../store/record-door';
import { proxyById, toProxyView } from './proxy-row';

/** Revokes a trusted person's authority (B9): who, when and why, once; the row stays listed. */
export function revokeProxy(
  ctx: ZonedActorContext,
  input: { proxyId: string; reason: string },
): CallOutput<'proxies.revoke'> {
  const now = ctx.clock.now();
  const today = isoDay(now, ctx.timeZone);
  return ctx.store.transaction((tx) => {
    const proxy = proxyById(tx, input.proxyId);
    if (!proxy) throw new AppError('proxy.not_found', { field: 'proxyId' });
    if (proxy.revoked_at !== null) {
      throw new AppError('proxy.already_revoked', {
        field: 'proxyId',
        params: { date: formatRussianDate(isoDay(new Date(proxy.revoked_at), ctx.timeZone)) },
      });
    }
    const door = { tx, actor: ctx.actor, at: now.toISOString() };
    updateRecord(
      door,
      'patients.write',
      'proxies',
      proxy.id,
      { revoked_at: door.at, revoked_by: ctx.actor.staffId, revocation_reason: input.reason },
      { action: 'proxies.revoke', patientId: proxy.patient_id, details: { proxyId: proxy.id, reason: input.reason } },
    );
    const row = proxyById(tx, proxy.id);
    if (!row) throw new Error('A proxy row vanished inside its own transaction');
    return toProxyView(row, today);
  });
}
