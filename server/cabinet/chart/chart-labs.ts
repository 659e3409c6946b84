import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { CabinetLab, LabUploadRequest } from '../../../shared/cabinet/chart-api';
import { documentBodySchema } from '../../../shared/chart/drafts';
import { chartDocumentTypes } from '../../../shared/chart/entry-kinds';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { toNumber, toRecord } from '../../db/values';
import { HttpError } from '../../http/http-error';
import { withChangeLog, type ChangeLogWriter } from '../../sync/change-log';
import { writeServerRow, type StoredRow } from '../../sync/server-rows';
import { cardRestrictions } from '../../rights/chart-access/cabinet-restrictions';
import type { ChartCard } from './chart-card';
import { chartDoctors } from './chart-entry';
import { cardRow, jsonField, staffNames, type Data, type Names } from './chart-rows';

/**
 * The patient's lab results and documents (§4.2 «Документы» → «Анализы»): a file first uploaded
 * through `POST /scans?purpose=chart_document` — weighed there by the scan checks (format by
 * content, size, SHA-256) — then put in the chart as a `document` entry of source `patient`,
 * `uploaded` until sent to a doctor, who then finds it in the chart (`sent`, `doctor_id`).
 */
const uploadWhere = (db: Knex, card: ChartCard) =>
  db('records')
    .where({ table_name: 'chart_entries', clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .whereRaw("data->>'source' = 'patient'")
    .whereRaw("data->>'kind' = 'document'")
    .whereRaw("coalesce(data->>'deleted_at', '') = ''");

function labView(id: string, data: Data, scan: Data | undefined, names: Names): CabinetLab {
  const body = jsonField<Record<string, unknown>>(data.body, {});
  const doctor = typeof data.doctor_id === 'string' && data.status === 'sent' ? data.doctor_id : null;
  return {
    id,
    scanId: String(body.scanId ?? ''),
    type: chartDocumentTypes.find((type) => type === body.type) ?? 'other',
    date: String(body.date ?? ''),
    title: String(body.title ?? ''),
    comment: String(body.comment ?? ''),
    mime: String(scan?.mime ?? ''),
    bytes: toNumber(scan?.bytes ?? 0),
    uploadedAt: String(data.created_at ?? ''),
    sentTo: doctor === null ? null : { id: doctor, name: names.get(doctor) ?? '' },
  };
}

async function viewsOf(db: Knex, card: ChartCard, rows: { id: string; data: Data }[]): Promise<CabinetLab[]> {
  const scanIds = rows.map((row) => String(jsonField<Record<string, unknown>>(row.data.body, {}).scanId ?? ''));
  const scans = await db('records')
    .where({ table_name: 'document_scans', clinic_id: card.clinicId })
    .whereIn('id', scanIds)
    .select<{ id: string; data: unknown }[]>('id', 'data');
  const byId = new Map(scans.map((scan) => [scan.id, toRecord(scan.data)]));
  const names = await staffNames(
    db,
    card.clinicId,
    rows.map((row) => row.data.doctor_id),
  );
  return rows.map((row, at) => labView(row.id, row.data, byId.get(scanIds[at] ?? ''), names));
}

export async function cabinetLabs(db: Knex, card: ChartCard): Promise<CabinetLab[]> {
  const rows = await uploadWhere(db, card)
    .orderByRaw("data->>'occurred_at' DESC, id ASC")
    .select<{ id: string; data: unknown }[]>('id', 'data');
  // Restricted entries (F4) are not the patient's to see, even their own uploads.
  const restrictions = await cardRestrictions(db, card);
  return viewsOf(
    db,
    card,
    rows.filter((row) => !restrictions.hides(row.id)).map((row) => ({ id: row.id, data: toRecord(row.data) })),
  );
}

function usableScan(scan: StoredRow | undefined): StoredRow {
  if (!scan || scan.data.purpose !== 'chart_document' || (scan.data.deleted_at ?? null) !== null)
    throw new HttpError(404, 'scan.not_found', { field: 'scanId' });
  if ((scan.data.attached_to ?? null) !== null) throw new HttpError(409, 'chart.upload.scan_used', { field: 'scanId' });
  return scan;
}

/** Puts an uploaded scan in the chart; the scan row names the entry it now belongs to. */
export async function addLab(db: Knex, card: ChartCard, request: LabUploadRequest, now: Date): Promise<CabinetLab> {
  const { id, data, scan } = await withChangeLog(db, { now, clinicId: card.clinicId }, (log) =>
    putUploadInChart(log, card, request, now),
  );
  return labView(id, { ...data, created_at: now.toISOString() }, scan.data, new Map());
}

/**
 * The writer behind `addLab`, in the caller's transaction: a `document` entry of source `patient`
 * for the uploaded scan (also used by a booking's attachment, server/cabinet/appointments/).
 */
export async function putUploadInChart(
  log: ChangeLogWriter,
  card: ChartCard,
  request: LabUploadRequest,
  now: Date,
): Promise<{ id: string; data: Data; scan: StoredRow }> {
  const body = documentBodySchema.parse({
    type: request.type ?? 'lab_report',
    date: request.date,
    title: request.title,
    comment: request.comment ?? '',
    scanId: request.scanId,
  });
  if (body.date > moscowDay(now))
    throw new HttpError(400, 'chart.date.future', { field: 'date', params: { date: body.date } });
  const at = now.toISOString();
  const id = uuidv7();
  const data = {
    patient_id: card.patientId,
    kind: 'document',
    encounter_id: null,
    occurred_at: `${body.date}T00:00:00.000Z`,
    visit_type: null,
    doctor_id: null,
    code: null,
    summary: body.title,
    status: 'uploaded',
    body: JSON.stringify(body),
    overrides: null,
    revision: 1,
    source: 'patient',
    amended_at: null,
    amended_by: null,
    amend_reason: null,
    report_id: null,
    deleted_at: null,
    deleted_by: null,
    deleted_reason: null,
  };
  const scan = usableScan(await cardRow(log.trx, card, 'document_scans', body.scanId));
  await writeServerRow(log, 'chart_entries', id, undefined, data, at);
  await writeServerRow(log, 'document_scans', scan.id, scan, { attached_to: id }, at);
  return { id, data, scan };
}

/** Sends the patient's upload to a doctor of the chart or of the clinic: it shows in the chart as theirs. */
export async function sendLab(db: Knex, card: ChartCard, id: string, doctorId: string, now: Date): Promise<CabinetLab> {
  const doctors = await chartDoctors(db, card);
  if (!doctors.some((doctor) => doctor.id === doctorId))
    throw new HttpError(422, 'chart.upload.doctor_unknown', { field: 'doctorId' });
  const at = now.toISOString();
  const data = await withChangeLog(db, { now, clinicId: card.clinicId }, async (log) => {
    const entry = await cardRow(log.trx, card, 'chart_entries', id);
    const mine = entry && entry.data.source === 'patient' && entry.data.kind === 'document';
    if (!entry || !mine || (entry.data.deleted_at ?? null) !== null) throw new HttpError(404, 'chart.entry.not_found');
    const fields = { doctor_id: doctorId, status: 'sent' };
    await writeServerRow(log, 'chart_entries', entry.id, entry, fields, at);
    return { ...entry.data, ...fields };
  });
  const [view] = await viewsOf(db, card, [{ id, data }]);
  if (!view) throw new Error('A sent upload has no view');
  return view;
}

/** The file of a scan of the card's chart (the patient's upload or a chart document): its row, for streaming. */
export async function chartScan(
  db: Knex,
  card: ChartCard,
  scanId: string,
): Promise<{ sha256: string; mime: string; bytes: number }> {
  const scan = await cardRow(db, card, 'document_scans', scanId);
  if (!scan || scan.data.purpose !== 'chart_document' || (scan.data.deleted_at ?? null) !== null)
    throw new HttpError(404, 'scan.not_found');
  return { sha256: String(scan.data.sha256), mime: String(scan.data.mime), bytes: toNumber(scan.data.bytes ?? 0) };
}
