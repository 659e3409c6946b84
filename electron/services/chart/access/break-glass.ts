import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/errors/app-error';
import { rightsActions } from '../../../../shared/rights/access-actions';
import { reauthenticateWithKey } from '../../../auth/reauthentication';
import type { ServiceContext } from '../../../core/context';
import { appendAudit } from '../../../store/audit-log';
import { newId } from '../../../store/ids';
import { insertSyncedRow } from '../../../store/record-door';
import { requireChartPatient } from '../entry-context';
import { openChartGate } from './chart-gate';
import { emergencyHours } from './emergency-hours';
import type { LiveGrant } from './emergency-grants';

type Input = z.output<Contract['chartAccess.breakGlass']['input']>;
type BreakGlassContext = Pick<ServiceContext, 'store' | 'clock' | 'actor' | 'auth'>;

/** What is checked before the key is asked: the card, the entry, and that the grant is needed at all. */
function checkBeforeTouch(ctx: BreakGlassContext, input: Input): void {
  const at = ctx.clock.now().toISOString();
  ctx.store.read((tx) => {
    requireChartPatient(tx, input.patientId);
    if (input.entryId !== null) {
      const entry = tx.get<{ patient_id: string }>('SELECT patient_id FROM chart_entries WHERE id = ?', [
        input.entryId,
      ]);
      if (!entry || entry.patient_id !== input.patientId)
        throw new AppError('chart.entry.not_found', { field: 'entryId' });
    }
    if (openChartGate(tx, ctx.actor, input.patientId, at).inTeam)
      throw new AppError('chart.emergency.not_needed', { field: 'patientId' });
  });
}

/**
 * Break-the-glass (F4): a doctor outside the treating team — or reaching a restricted entry —
 * states a reason and touches their own key (the challenge of `auth.beginReauthentication`,
 * checked as the lock screen checks it: that person's keys only, failures counted). The grant,
 * with the touched key's credential, lasts the desk's setting; it is a desk-local write that
 * syncs (`emergency_access`), audited `chart.emergency.started`. Nothing is written on refusal.
 */
export async function breakGlass(ctx: BreakGlassContext, input: Input): Promise<CallOutput<'chartAccess.breakGlass'>> {
  checkBeforeTouch(ctx, input);
  // A wrong or stale touch is refused with the sign-in's own codes (auth.key.refused, auth.challenge.expired).
  await reauthenticateWithKey(ctx.auth, ctx.actor, input.key);
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.store.transaction((tx): LiveGrant & { patientId: string } => {
    requireChartPatient(tx, input.patientId);
    const expiresAt = new Date(now.getTime() + emergencyHours(tx) * 3_600_000).toISOString();
    const door = { tx, actor: ctx.actor, at };
    const id = insertSyncedRow(
      door,
      'emergency_access',
      {
        patient_id: input.patientId,
        staff_id: ctx.actor.staffId,
        entry_id: input.entryId,
        reason_code: input.reasonCode,
        reason_text: input.reasonText,
        started_at: at,
        expires_at: expiresAt,
        credential_id: input.key.answer.id,
        review_verdict: null,
        reviewed_at: null,
        reviewed_by: null,
        review_note: null,
      },
      newId(),
    );
    // The grant's id in the event, as every read under it carries it: the access log ties them.
    appendAudit(tx, ctx.actor, at, {
      action: rightsActions.emergencyStarted,
      patientId: input.patientId,
      details: { emergencyAccessId: id, entry: input.entryId, reason: input.reasonCode, expiresAt },
    });
    return {
      id,
      patientId: input.patientId,
      entryId: input.entryId,
      reasonCode: input.reasonCode,
      reasonText: input.reasonText,
      startedAt: at,
      expiresAt,
    };
  });
}
