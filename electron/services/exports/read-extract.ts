import { AppError } from '../../../shared/errors/app-error';
import {
  kindsOfSections,
  type ClinicAddress,
  type ExtractEntry,
  type RecordExtract,
} from '../../../shared/exports/record-extract';
import type { RecordMaterial } from '../../../shared/rights/record-requests';
import type { ChartEntryRow } from '../chart/chart-row';
import { staffNames } from '../chart/chart-row';
import { restrictedEntryIds, type Restriction } from '../chart/access/restrictions-read';
import type { ActorContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { readSetting } from '../../store/settings';

/** The settings keys the clinic is named by on the desk (absent: the generic words, no OID, no address). */
export const clinicSettings = { name: 'clinic.name', oid: 'clinic.oid', address: 'clinic.address' } as const;
const unnamedClinic = 'Медицинская организация';

export interface ExtractQuery {
  patientId: string;
  sections?: readonly RecordMaterial[];
  from?: string;
  to?: string;
}

interface PatientRow {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  sex: 'male' | 'female';
  snils: string | null;
  enp: string | null;
}

interface PassportRow {
  series: string | null;
  number: string;
  issuer: string | null;
  issue_date: string | null;
}

type EntryRow = Pick<
  ChartEntryRow,
  'id' | 'kind' | 'occurred_at' | 'visit_type' | 'doctor_id' | 'code' | 'summary' | 'status' | 'encounter_id'
> &
  Pick<ChartEntryRow, 'source' | 'body'>;

/**
 * The patient's record for an export, in one read transaction: the card, the clinic, the chosen
 * sections' entries in the period (not deleted), restricted entries left out and counted.
 * A patient unknown to this desk, deleted or merged into another card: `exports.patient_not_found`.
 */
export function readExtract(ctx: ActorContext, query: ExtractQuery): RecordExtract {
  return ctx.store.read((tx) => {
    const patient = tx.get<PatientRow>(
      `SELECT id, surname, name, patronymic, birth_date, sex, snils, enp FROM patients
        WHERE id = ? AND deleted_at IS NULL AND merged_into IS NULL`,
      [query.patientId],
    );
    if (!patient) throw new AppError('exports.patient_not_found', { field: 'patientId' });
    const passport = tx.get<PassportRow>(
      `SELECT series, number, issuer, issue_date FROM identity_documents
        WHERE patient_id = ? AND type = 'passport' AND deleted_at IS NULL AND superseded_at IS NULL
        ORDER BY issue_date DESC LIMIT 1`,
      [patient.id],
    );
    const rows = entryRows(tx, query);
    const restrictions = restrictedEntryIds(tx, patient.id);
    const kept: EntryRow[] = [];
    const withheldBy = new Map<string, Restriction>();
    let withheldCount = 0;
    for (const row of rows) {
      const restriction = restrictions.wholeChart ?? restrictions.entries.get(row.id);
      if (restriction) {
        withheldCount += 1;
        withheldBy.set(restriction.id, restriction);
      } else kept.push(row);
    }
    if (restrictions.wholeChart) withheldBy.set(restrictions.wholeChart.id, restrictions.wholeChart);
    const names = staffNames(tx, [...kept.map((row) => row.doctor_id), ctx.actor.staffId]);
    const entries = inChartOrder(
      kept.map((row): ExtractEntry => ({
        id: row.id,
        kind: row.kind,
        occurredAt: row.occurred_at,
        visitType: row.visit_type,
        doctor: row.doctor_id === null ? null : { id: row.doctor_id, name: names.get(row.doctor_id) ?? '' },
        code: row.code,
        summary: row.summary,
        status: row.status,
        encounterId: row.encounter_id,
        source: row.source,
        body: JSON.parse(row.body) as Record<string, unknown>,
      })),
    );
    const withheld =
      withheldCount > 0 || restrictions.wholeChart
        ? {
            count: withheldCount,
            wholeChart: restrictions.wholeChart !== null,
            reasons: [...withheldBy.values()].map(({ reason, basis, decidedAt }) => ({ reason, basis, decidedAt })),
          }
        : null;
    return {
      patient: {
        id: patient.id,
        surname: patient.surname,
        name: patient.name,
        patronymic: patient.patronymic,
        birthDate: patient.birth_date,
        sex: patient.sex,
        snils: patient.snils,
        enp: patient.enp,
        passport: passport
          ? {
              series: passport.series,
              number: passport.number,
              issuer: passport.issuer,
              issueDate: passport.issue_date,
            }
          : null,
      },
      clinic: {
        name: readSetting<string>(tx, clinicSettings.name) ?? unnamedClinic,
        oid: readSetting<string>(tx, clinicSettings.oid) ?? null,
        address: readSetting<ClinicAddress>(tx, clinicSettings.address) ?? null,
      },
      issuedAt: ctx.clock.now().toISOString(),
      issuedBy: { id: ctx.actor.staffId, name: names.get(ctx.actor.staffId) ?? ctx.actor.displayName },
      sections: query.sections && query.sections.length > 0 ? query.sections : ['all'],
      from: query.from ?? null,
      to: query.to ?? null,
      entries,
      withheld,
    };
  });
}

function entryRows(tx: ReadTx, query: ExtractQuery): EntryRow[] {
  const kinds = kindsOfSections(query.sections);
  const where = ['patient_id = ?', 'deleted_at IS NULL', `kind IN (${kinds.map(() => '?').join(', ')})`];
  const params: unknown[] = [query.patientId, ...kinds];
  // Days are compared as the entry's calendar day (the first ten characters of a day or an instant).
  if (query.from) {
    where.push('substr(occurred_at, 1, 10) >= ?');
    params.push(query.from);
  }
  if (query.to) {
    where.push('substr(occurred_at, 1, 10) <= ?');
    params.push(query.to);
  }
  return tx.all<EntryRow>(
    `SELECT id, kind, occurred_at, visit_type, doctor_id, code, summary, status, encounter_id, source, body
       FROM chart_entries WHERE ${where.join(' AND ')} ORDER BY occurred_at, id`,
    params,
  );
}

/** Oldest first; an encounter's own entries right after it (others of the period in their time). */
function inChartOrder(entries: ExtractEntry[]): ExtractEntry[] {
  const encounters = new Set(entries.filter((entry) => entry.kind === 'encounter').map((entry) => entry.id));
  const children = new Map<string, ExtractEntry[]>();
  const top: ExtractEntry[] = [];
  for (const entry of entries) {
    if (entry.encounterId !== null && encounters.has(entry.encounterId)) {
      const list = children.get(entry.encounterId) ?? [];
      list.push(entry);
      children.set(entry.encounterId, list);
    } else top.push(entry);
  }
  return top.flatMap((entry) => [entry, ...(children.get(entry.id) ?? [])]);
}
