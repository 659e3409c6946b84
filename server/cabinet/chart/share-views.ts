import type { Knex } from 'knex';
import type { ChartShare, ShareConsent } from '../../../shared/chart/chart-views';
import { toRecord } from '../../db/values';
import { heldConsent, shareEntryIds } from '../../chart/sharing/share-consent-state';
import type { ChartCard } from './chart-card';
import { person, staffNames, type Data } from './chart-rows';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function consentView(id: string, data: Data): ShareConsent {
  const held = heldConsent(id, data);
  return {
    id,
    patientId: held.patientId,
    recipient: held.recipient ?? { name: '', organisation: '', specialty: '', email: 'unknown@invalid' },
    scope: held.scope ?? 'entries',
    entryIds: held.entryIds,
    validUntil: held.validUntil,
    givenAt: String(data.given_at ?? ''),
    givenVia: data.given_via === 'cabinet' ? 'cabinet' : 'desk',
    revokedAt: held.revokedAt,
    revocationReason: text(data.revocation_reason),
  };
}

/** The card's consents (newest first) and the sendings made under them (newest first). */
export async function cardShares(
  db: Knex,
  card: ChartCard,
): Promise<{ consents: ShareConsent[]; shares: ChartShare[] }> {
  const rows = await db('records')
    .whereIn('table_name', ['share_consents', 'chart_shares'])
    .where({ clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .select<{ id: string; table_name: string; data: unknown }[]>('id', 'table_name', 'data');
  const consents = rows
    .filter((row) => row.table_name === 'share_consents')
    .map((row) => consentView(row.id, toRecord(row.data)))
    .sort((a, b) => b.givenAt.localeCompare(a.givenAt) || b.id.localeCompare(a.id));
  const byId = new Map(consents.map((consent) => [consent.id, consent]));
  const sendings = rows
    .filter((row) => row.table_name === 'chart_shares')
    .map((row) => ({ id: row.id, data: toRecord(row.data) }));
  const names = await staffNames(
    db,
    card.clinicId,
    sendings.map((row) => row.data.shared_by),
  );
  const shares = sendings
    .map((row): ChartShare => {
      const consentId = String(row.data.consent_id ?? '');
      return {
        id: row.id,
        consentId,
        recipient: byId.get(consentId)?.recipient ?? {
          name: '',
          organisation: '',
          specialty: '',
          email: 'unknown@invalid',
        },
        entryIds: shareEntryIds(row.data.entry_ids),
        sharedAt: String(row.data.shared_at ?? ''),
        sharedBy: person(names, row.data.shared_by),
      };
    })
    .sort((a, b) => b.sharedAt.localeCompare(a.sharedAt) || b.id.localeCompare(a.id));
  return { consents, shares };
}
