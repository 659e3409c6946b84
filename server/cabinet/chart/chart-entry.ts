import type { Knex } from 'knex';
import type { CabinetEntryDetail } from '../../../shared/cabinet/chart-api';
import { toNumber, toRecord } from '../../db/values';
import { HttpError } from '../../http/http-error';
import { cardRestrictions } from '../../rights/chart-access/cabinet-restrictions';
import type { ChartCard } from './chart-card';
import {
  cardReports,
  cardRow,
  jsonField,
  reportView,
  revisionView,
  staffNames,
  summaryView,
  type Data,
} from './chart-rows';

async function linkedRows(
  db: Knex,
  card: ChartCard,
  table: 'chart_revisions' | 'chart_entries',
  link: string,
  id: string,
) {
  const rows = await db('records')
    .where({ table_name: table, clinic_id: card.clinicId })
    .whereRaw(`data->>'${link}' = ?`, [id])
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .select<{ id: string; data: unknown }[]>('id', 'data');
  return rows.map((row) => ({ id: row.id, data: toRecord(row.data) }));
}

/**
 * One entry of the card in full: its body, its previous versions (newest first), an encounter's
 * own entries, and the patient's reports about it. A removed entry keeps only what says it was
 * removed (when, why): neither its body nor its earlier versions are shown.
 */
export async function cabinetEntry(db: Knex, card: ChartCard, id: string, now: Date): Promise<CabinetEntryDetail> {
  const row = await cardRow(db, card, 'chart_entries', id);
  const restrictions = await cardRestrictions(db, card);
  // A restricted entry (F4) is not found, as if it were not there.
  if (!row || restrictions.hides(id)) throw new HttpError(404, 'chart.entry.not_found');
  const data: Data = row.data;
  const deleted = typeof data.deleted_at === 'string' && data.deleted_at !== '';
  const revisions = deleted ? [] : await linkedRows(db, card, 'chart_revisions', 'entry_id', id);
  revisions.sort((a, b) => toNumber(b.data.revision ?? 0) - toNumber(a.data.revision ?? 0));
  const children = (await linkedRows(db, card, 'chart_entries', 'encounter_id', id)).filter(
    (child) => !restrictions.hides(child.id),
  );
  children.sort(
    (a, b) => String(b.data.occurred_at).localeCompare(String(a.data.occurred_at)) || a.id.localeCompare(b.id),
  );
  const reports = await cardReports(db, card, id);
  const names = await staffNames(db, card.clinicId, [
    data.doctor_id,
    ...revisions.map((revision) => revision.data.replaced_by),
    ...children.map((child) => child.data.doctor_id),
    ...reports.map((report) => report.data.decided_by),
  ]);
  return {
    entry: {
      ...summaryView(id, data, names),
      body: deleted ? {} : jsonField<Record<string, unknown>>(data.body, {}),
      amendedAt: typeof data.amended_at === 'string' ? data.amended_at : null,
      amendReason: deleted || typeof data.amend_reason !== 'string' ? null : data.amend_reason,
      deletedReason: typeof data.deleted_reason === 'string' ? data.deleted_reason : null,
    },
    revisions: revisions.map((revision) => revisionView(revision.data, names)),
    children: children.map((child) => summaryView(child.id, child.data, names)),
    reports: reports.map((report) => reportView(report.id, report.data, names, now)),
  };
}

/** The doctors the card's filter and a lab's sending offer: who wrote in it, and every active doctor. */
export async function chartDoctors(db: Knex, card: ChartCard): Promise<{ id: string; name: string }[]> {
  const wrote = await db('records')
    .where({ table_name: 'chart_entries', clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .whereRaw("coalesce(data->>'doctor_id', '') <> ''")
    .distinct<{ id: string }[]>(db.raw("data->>'doctor_id' AS id"));
  const active = await db('records')
    .where({ table_name: 'staff', clinic_id: card.clinicId })
    .whereRaw("data->>'role' = 'doctor'")
    .whereRaw("data->>'active' IN ('1', 'true')")
    .select<{ id: string }[]>('id');
  const names = await staffNames(
    db,
    card.clinicId,
    [...wrote, ...active].map((row) => row.id),
  );
  return [...names.entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.id.localeCompare(b.id));
}
