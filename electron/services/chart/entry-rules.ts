import type { ChartOverride } from '../../../shared/chart/chart-views';
import { labFlag, type ChartDraft } from '../../../shared/chart/drafts';
import type { PrescriptionProblem } from '../../../shared/chart/prescription-check';
import { chartSummaryText, type SummaryNames } from '../../../shared/chart/summary';
import { isoDay } from '../../../shared/domain/calendar-date';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import type { FieldValue } from '../../store/record-door';
import type { ChartEntryRow } from './chart-row';
import type { ChartPatient, DeskNow } from './entry-context';
import { codeName, requireMedicine } from './nsi-codes';
import { prescriptionProblems } from './prescription-facts';

type RulesContext = Pick<ServiceContext, 'store' | 'actor' | 'timeZone'>;

const bodyField = (name: string) => `draft.body.${name}`;

export interface StoredOverride extends ChartOverride {
  at: string;
  by: string;
}

export interface EntryPlanInput {
  patient: ChartPatient;
  draft: ChartDraft;
  /** The encounter the entry belongs to (a new entry's `encounterId`, an amended one's own). */
  encounterId: string | null;
  /** The entry being amended. */
  current: ChartEntryRow | null;
  overrides: readonly ChartOverride[];
  now: DeskNow;
}

/** The columns a draft becomes, and what the write does beside it. */
export interface EntryPlan {
  fields: Record<string, FieldValue>;
  overrides: StoredOverride[];
}

interface EncounterRow {
  id: string;
  patient_id: string;
  kind: string;
  occurred_at: string;
  visit_type: string | null;
  doctor_id: string | null;
  deleted_at: string | null;
}

function requireEncounter(tx: ReadTx, id: string, patientId: string): EncounterRow {
  const row = tx.get<EncounterRow>(
    'SELECT id, patient_id, kind, occurred_at, visit_type, doctor_id, deleted_at FROM chart_entries WHERE id = ?',
    [id],
  );
  if (!row || row.kind !== 'encounter' || row.patient_id !== patientId || row.deleted_at !== null) {
    throw new AppError('chart.encounter.not_found', { field: 'encounterId' });
  }
  return row;
}

/** A day the chart records as past: not after the desk's today, not before the patient's birth. */
function assertPastDay(day: string, field: string, patient: ChartPatient, now: DeskNow): void {
  if (day > now.today) throw new AppError('chart.date.future', { field, params: { date: day } });
  if (day < patient.birthDate) throw new AppError('chart.date.before_birth', { field, params: { date: day } });
}

function assertOrder(start: string, end: string | null, field: string): void {
  if (end !== null && end < start) throw new AppError('chart.date.order', { field, params: { start, end } });
}

function requireScan(tx: ReadTx, scanId: string, patientId: string): void {
  const scan = tx.get<{ id: string }>(
    'SELECT id FROM document_scans WHERE id = ? AND patient_id = ? AND deleted_at IS NULL',
    [scanId, patientId],
  );
  if (!scan) throw new AppError('scan.not_found', { field: bodyField('scanId') });
}

function refuseDuplicateDiagnosis(tx: ReadTx, patientId: string, code: string, selfId: string | null): void {
  const active = tx.get<{ id: string }>(
    `SELECT id FROM chart_entries WHERE patient_id = ? AND kind = 'diagnosis' AND status = 'active'
       AND deleted_at IS NULL AND code = ? AND id IS NOT ?`,
    [patientId, code, selfId],
  );
  if (active) throw new AppError('chart.diagnosis.duplicate', { field: bodyField('icd10'), params: { code } });
}

/**
 * The prescription check's verdict: the first error refuses (nothing written); each warning
 * needs an override with a reason, kept with who and when.
 */
function refuseOnError(problems: readonly PrescriptionProblem[]): void {
  const error = problems.find((problem) => problem.severity === 'error');
  if (error) throw new AppError(error.code, { field: bodyField(error.field), params: error.params });
}

function acceptProblems(
  problems: readonly PrescriptionProblem[],
  overrides: readonly ChartOverride[],
  at: string,
  by: string,
): StoredOverride[] {
  refuseOnError(problems);
  const warned = [...new Set(problems.map((problem) => problem.code))];
  const missing = warned.filter((code) => !overrides.some((override) => override.code === code));
  if (missing.length > 0) {
    throw new AppError('chart.alert.override_required', { field: 'overrides', params: { codes: missing.join(', ') } });
  }
  return overrides.filter((override) => warned.includes(override.code)).map((override) => ({ ...override, at, by }));
}

const dayStart = (day: string) => `${day}T00:00:00.000Z`;

/**
 * Checks a draft against the chart's rules (codes in the active НСИ, dates, ranges, scans, the
 * encounter, duplicates, the prescription check) and works out the row's columns: the timeline's
 * `occurred_at`, `code`, `summary` and `status`, and the body as stored. Throws the first refusal.
 */
export function planEntry(ctx: RulesContext, tx: ReadTx, input: EntryPlanInput): EntryPlan {
  const { patient, draft, now, current } = input;
  const selfId = current?.id ?? null;
  if (draft.kind === 'encounter' && input.encounterId !== null) {
    throw new AppError('chart.encounter.not_found', { field: 'encounterId' });
  }
  const encounter = input.encounterId === null ? null : requireEncounter(tx, input.encounterId, patient.id);
  const names: SummaryNames = {};
  /** The draft as stored: a numeric lab result's flag is the range's verdict. */
  let stored: ChartDraft = draft;
  let day: string;
  let code: string | null = null;
  let status: string | null = null;
  let overrides: StoredOverride[] = [];

  switch (draft.kind) {
    case 'encounter': {
      const at = new Date(draft.body.at);
      if (at.getTime() > Date.parse(now.at)) {
        throw new AppError('chart.date.future', { field: bodyField('at'), params: { date: draft.body.at } });
      }
      day = isoDay(at, ctx.timeZone);
      assertPastDay(day, bodyField('at'), patient, now);
      code = current?.code ?? null;
      break;
    }
    case 'diagnosis': {
      const b = draft.body;
      names.codeName = codeName(ctx, 'icd10', b.icd10, bodyField('icd10'));
      day = b.establishedOn;
      assertPastDay(day, bodyField('establishedOn'), patient, now);
      if (b.resolvedOn !== null) assertPastDay(b.resolvedOn, bodyField('resolvedOn'), patient, now);
      assertOrder(b.establishedOn, b.resolvedOn, bodyField('resolvedOn'));
      code = b.icd10;
      status = b.status;
      if (b.status === 'active') refuseDuplicateDiagnosis(tx, patient.id, code, selfId);
      break;
    }
    case 'procedure':
      names.codeName = codeName(ctx, 'services', draft.body.serviceCode, bodyField('serviceCode'));
      day = draft.body.performedOn;
      assertPastDay(day, bodyField('performedOn'), patient, now);
      code = draft.body.serviceCode;
      break;
    case 'prescription': {
      const b = draft.body;
      day = b.startOn;
      const { medicine, problems } = prescriptionProblems(ctx, tx, patient, b, selfId, 'draft.body.');
      refuseOnError(problems);
      assertPastDay(day, bodyField('startOn'), patient, now);
      overrides = acceptProblems(problems, input.overrides, now.at, ctx.actor.staffId);
      names.inn = medicine.inn;
      code = b.medicineCode;
      status = b.status;
      break;
    }
    case 'allergy':
      day = draft.body.notedOn;
      assertPastDay(day, bodyField('notedOn'), patient, now);
      if (draft.body.medicineCode !== null) requireMedicine(ctx, draft.body.medicineCode, bodyField('medicineCode'));
      status = draft.body.status;
      break;
    case 'lab_result': {
      const b = draft.body;
      day = b.takenOn;
      assertPastDay(day, bodyField('takenOn'), patient, now);
      if (b.referenceLow !== null && b.referenceHigh !== null && b.referenceLow > b.referenceHigh) {
        throw new AppError('chart.lab.range_order', {
          field: bodyField('referenceLow'),
          params: { low: b.referenceLow, high: b.referenceHigh },
        });
      }
      const flag = typeof b.value === 'number' ? labFlag(b.value, b.referenceLow, b.referenceHigh) : b.flag;
      if (flag === null) throw new AppError('chart.lab.flag_required', { field: bodyField('flag') });
      if (b.scanId !== null) requireScan(tx, b.scanId, patient.id);
      stored = { kind: 'lab_result', body: { ...b, flag } };
      code = b.testCode;
      status = flag;
      break;
    }
    case 'document':
      day = draft.body.date;
      assertPastDay(day, bodyField('date'), patient, now);
      requireScan(tx, draft.body.scanId, patient.id);
      break;
  }

  const own =
    draft.kind === 'encounter'
      ? { occurredAt: new Date(draft.body.at).toISOString(), visitType: draft.body.visitType }
      : { occurredAt: dayStart(day), visitType: null };
  const fields: Record<string, FieldValue> = {
    encounter_id: encounter?.id ?? null,
    occurred_at: encounter ? encounter.occurred_at : own.occurredAt,
    visit_type: encounter ? encounter.visit_type : own.visitType,
    // The doctor who wrote it: the encounter's, or the author's own (an amendment keeps it).
    doctor_id: encounter ? encounter.doctor_id : current ? current.doctor_id : ctx.actor.staffId,
    code,
    summary: chartSummaryText(stored, names),
    status,
    body: JSON.stringify(stored.body),
    overrides: overrides.length === 0 ? null : JSON.stringify(overrides),
  };
  return { fields, overrides };
}
