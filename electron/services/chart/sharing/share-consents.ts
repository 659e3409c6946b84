import type { CallOutput } from '../../../../shared/api/contract';
import type { ShareConsentDraft } from '../../../../shared/chart/sharing';
import { AppError } from '../../../../shared/errors/app-error';
import type { ServiceContext } from '../../../core/context';
import { insertRecord, updateRecord } from '../../../store/record-door';
import { requireChartPatient, deskNow } from '../entry-context';
import { requireConsent, toConsentView } from './share-rows';

/**
 * A consent to share given at the desk, in person (D6): one recipient, the whole record or chosen
 * entries of this patient (each a live entry of the chart), optionally until a day. Through the
 * door (`chart.write`, audited); the server judges it again when it arrives.
 */
export function giveShareConsent(
  ctx: ServiceContext,
  patientId: string,
  consent: ShareConsentDraft,
): CallOutput<'chart.shares.giveConsent'> {
  const now = deskNow(ctx);
  return ctx.store.transaction((tx) => {
    requireChartPatient(tx, patientId);
    const entryIds = consent.scope === 'entries' ? [...new Set(consent.entryIds)] : [];
    if (consent.scope === 'entries' && entryIds.length === 0)
      throw new AppError('chart.share.consent_invalid', { field: 'entryIds', params: { reason: 'entryIds' } });
    if (consent.validUntil !== null && consent.validUntil < now.today)
      throw new AppError('chart.share.consent_expired', {
        field: 'validUntil',
        params: { validUntil: consent.validUntil },
      });
    for (const entryId of entryIds) {
      const entry = tx.get<{ deleted_at: string | null }>(
        'SELECT deleted_at FROM chart_entries WHERE id = ? AND patient_id = ?',
        [entryId, patientId],
      );
      if (!entry || entry.deleted_at !== null)
        throw new AppError('chart.share.out_of_scope', { field: 'entryIds', params: { entryId } });
    }
    const door = { tx, actor: ctx.actor, at: now.at };
    const id = insertRecord(
      door,
      'chart.write',
      'share_consents',
      {
        patient_id: patientId,
        recipient: JSON.stringify(consent.recipient),
        scope: consent.scope,
        entry_ids: JSON.stringify(entryIds),
        valid_until: consent.validUntil,
        given_at: now.at,
        given_via: 'desk',
        given_by: ctx.actor.staffId,
        revoked_at: null,
        revoked_by: null,
        revocation_reason: null,
      },
      { action: 'chart.shares.giveConsent', patientId, details: { scope: consent.scope, entries: entryIds.length } },
    );
    return toConsentView(requireConsent(tx, id, 'id'));
  });
}

/** Revokes a consent (one way: a revoked consent stays revoked; a new one is a new consent). */
export function revokeShareConsent(
  ctx: ServiceContext,
  id: string,
  reason: string,
): CallOutput<'chart.shares.revokeConsent'> {
  const now = deskNow(ctx);
  return ctx.store.transaction((tx) => {
    const consent = requireConsent(tx, id, 'id');
    if (consent.revoked_at !== null)
      throw new AppError('chart.share.consent_revoked', { field: 'id', params: { revokedAt: consent.revoked_at } });
    const door = { tx, actor: ctx.actor, at: now.at };
    updateRecord(
      door,
      'chart.write',
      'share_consents',
      id,
      { revoked_at: now.at, revoked_by: ctx.actor.staffId, revocation_reason: reason },
      { action: 'chart.shares.revokeConsent', patientId: consent.patient_id, details: { consentId: id, reason } },
    );
    return toConsentView(requireConsent(tx, id, 'id'));
  });
}
