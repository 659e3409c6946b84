import type { CallOutput } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/errors/app-error';
import type { ServiceContext } from '../../../core/context';
import { insertRecord, recordRead } from '../../../store/record-door';
import { staffNames } from '../chart-row';
import { deskNow, requireChartPatient } from '../entry-context';
import {
  consentRow,
  idsOf,
  requireConsent,
  toConsentView,
  toShareView,
  type ConsentRow,
  type ShareRow,
} from './share-rows';

/** The patient's consents to share and the sendings made under them, newest first; the read is audited. */
export function listShares(ctx: ServiceContext, patientId: string): CallOutput<'chart.shares.list'> {
  return ctx.store.transaction((tx) => {
    requireChartPatient(tx, patientId);
    const consents = tx.all<ConsentRow>(
      'SELECT * FROM share_consents WHERE patient_id = ? ORDER BY given_at DESC, id DESC',
      [patientId],
    );
    const shares = tx.all<ShareRow>(
      'SELECT * FROM chart_shares WHERE patient_id = ? ORDER BY shared_at DESC, id DESC',
      [patientId],
    );
    const byId = new Map(consents.map((consent) => [consent.id, consent]));
    const names = staffNames(
      tx,
      shares.map((share) => share.shared_by),
    );
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'chart.read', {
      action: 'chart.shares.list',
      patientId,
      details: { consents: consents.length, shares: shares.length },
    });
    return {
      consents: consents.map(toConsentView),
      shares: shares.map((share) =>
        toShareView(share, byId.get(share.consent_id) ?? consentRow(tx, share.consent_id), names),
      ),
    };
  });
}

/**
 * Sends entries to a consent's recipient (D6): refused unless the consent is in force — not
 * revoked, not past its last day — and covers each entry, a live entry of the consent's patient.
 * The sending is a `chart_shares` row through the door (audited); the server checks the consent
 * again on its own rows and e-mails the recipient (server/chart/share-rules.ts).
 */
export function sendShare(ctx: ServiceContext, consentId: string, entryIds: string[]): CallOutput<'chart.shares.send'> {
  const now = deskNow(ctx);
  return ctx.store.transaction((tx) => {
    const consent = requireConsent(tx, consentId, 'consentId');
    const view = toConsentView(consent);
    if (view.revokedAt !== null)
      throw new AppError('chart.share.consent_revoked', { field: 'consentId', params: { revokedAt: view.revokedAt } });
    if (view.validUntil !== null && view.validUntil < now.today)
      throw new AppError('chart.share.consent_expired', {
        field: 'consentId',
        params: { validUntil: view.validUntil },
      });
    const wanted = [...new Set(entryIds)];
    const named = new Set(idsOf(consent.entry_ids));
    for (const entryId of wanted) {
      const entry = tx.get<{ deleted_at: string | null }>(
        'SELECT deleted_at FROM chart_entries WHERE id = ? AND patient_id = ?',
        [entryId, consent.patient_id],
      );
      const covered = view.scope === 'whole_record' || named.has(entryId);
      if (!entry || entry.deleted_at !== null || !covered)
        throw new AppError('chart.share.out_of_scope', { field: 'entryIds', params: { entryId } });
    }
    const door = { tx, actor: ctx.actor, at: now.at };
    const id = insertRecord(
      door,
      'chart.write',
      'chart_shares',
      {
        patient_id: consent.patient_id,
        consent_id: consent.id,
        entry_ids: JSON.stringify(wanted),
        shared_at: now.at,
        shared_by: ctx.actor.staffId,
        sent_at: null,
      },
      { action: 'chart.shares.send', patientId: consent.patient_id, details: { consentId, entryIds: wanted } },
    );
    const row = tx.get<ShareRow>('SELECT * FROM chart_shares WHERE id = ?', [id]);
    if (!row) throw new Error('A sending vanished inside its own transaction');
    return toShareView(row, consent, staffNames(tx, [row.shared_by]));
  });
}
