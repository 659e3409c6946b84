import { formatRussianDate, isCalendarDate, parseRussianDate } from '../../../shared/domain/calendar-date';
import { duplicateLookupKeys, findDuplicates, type DuplicateMatch, type PersonIdentity } from '../../../shared/domain/duplicates';
import type { PatientSummary } from '../../../shared/domain/patient';
import type { FieldIssue } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { ServiceContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { summaryColumns, toSummary, type PatientRow } from './patient-row';

/** A card that can be found: not tombstoned, not merged into another. */
export const livePatient = 'deleted_at IS NULL AND merged_into IS NULL';

type CandidateRow = Pick<PatientRow, 'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'phone' | 'enp' | 'inn'>;

export interface DuplicateCandidateView extends DuplicateMatch {
  patient: PatientSummary;
}

/** What the form has typed so far: any field may be missing or unfinished. */
export interface PartialIdentity {
  surname?: string | null | undefined;
  name?: string | null | undefined;
  patronymic?: string | null | undefined;
  /** ISO or ДД.ММ.ГГГГ. */
  birthDate?: string | null | undefined;
  snils?: string | null | undefined;
  enp?: string | null | undefined;
  inn?: string | null | undefined;
}

const identifierLength = { snils: 11, enp: 16, inn: 12 } as const;
const identifiers = ['snils', 'enp', 'inn'] as const;

/**
 * Live patients who may be the draft's person (B2): everyone born that day plus anyone holding
 * one of its identifiers, each branch through its own index (`patients_birth_date`,
 * `patients_snils`, …), then the shared scorer.
 */
export function findCandidates(tx: Tx, draft: PersonIdentity): { match: DuplicateMatch; row: CandidateRow }[] {
  const keys = duplicateLookupKeys(draft);
  const branches: string[] = [];
  const params: string[] = [];
  const columns = `${summaryColumns}, enp, inn`;
  if (isCalendarDate(keys.birthDate)) {
    branches.push(`SELECT ${columns} FROM patients WHERE birth_date = ? AND ${livePatient}`);
    params.push(keys.birthDate);
  }
  for (const field of identifiers) {
    const value = keys[field];
    if (value === null) continue;
    branches.push(`SELECT ${columns} FROM patients WHERE ${field} = ? AND ${livePatient}`);
    params.push(value);
  }
  if (branches.length === 0) return [];
  const rows = new Map<string, CandidateRow>();
  for (const row of tx.all<CandidateRow>(branches.join(' UNION ALL '), params)) rows.set(row.id, row);
  const candidates = [...rows.values()].map((row) => ({ ...row, birthDate: row.birth_date }));
  return findDuplicates(draft, candidates).map((match) => ({ match, row: rows.get(match.id)! }));
}

/** The draft as typed → what the scorer takes; unfinished identifiers and dates are left out. */
export function identityOf(draft: PartialIdentity): PersonIdentity {
  const trimmed = (value: string | null | undefined) => (value ?? '').trim();
  const birth = trimmed(draft.birthDate);
  const iso = parseRussianDate(birth) ?? birth;
  const identifier = (field: (typeof identifiers)[number]) => {
    const digits = trimmed(draft[field]).replace(/\D/g, '');
    return digits.length === identifierLength[field] ? digits : null;
  };
  return {
    surname: trimmed(draft.surname),
    name: trimmed(draft.name),
    patronymic: trimmed(draft.patronymic) || null,
    birthDate: isCalendarDate(iso) ? iso : '',
    snils: identifier('snils'),
    enp: identifier('enp'),
    inn: identifier('inn'),
  };
}

/** `patients.duplicates`: candidates for the form while the clerk types; the read is audited (F1). */
export function patientDuplicates(ctx: ServiceContext, draft: PartialIdentity, limit: number): { items: DuplicateCandidateView[] } {
  const identity = identityOf(draft);
  return ctx.store.transaction((tx) => {
    const items = findCandidates(tx, identity)
      .slice(0, limit)
      .map(({ match, row }) => ({ ...match, patient: toSummary(row) }));
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'patients.duplicates',
      details: { shown: items.map((item) => item.id) },
    });
    return { items };
  });
}

const duplicateCodes = {
  snils: 'patient.snils.duplicate',
  enp: 'patient.enp.duplicate',
  inn: 'patient.inn.duplicate',
} as const satisfies Record<(typeof identifiers)[number], ErrorCode>;

/**
 * The hard stops (B2): each identifier of the draft that a live card already holds, as a field
 * error naming that card ("Семёнова Анна Петровна, 15.03.1980"), so the clerk can find it.
 */
export function hardStopIssues(tx: Tx, draft: { snils: string | null; enp: string | null; inn: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of identifiers) {
    const value = draft[field];
    if (value === null) continue;
    const holder = tx.get<CandidateRow>(`SELECT ${summaryColumns}, enp, inn FROM patients WHERE ${field} = ? AND ${livePatient} LIMIT 1`, [value]);
    if (holder) issues.push({ code: duplicateCodes[field], field, params: { patient: describePatient(holder), patientId: holder.id } });
  }
  return issues;
}

/** "Семёнова Анна Петровна, 15.03.1980": how an error names a card. */
export function describePatient(row: Pick<PatientRow, 'surname' | 'name' | 'patronymic' | 'birth_date'>): string {
  return `${[row.surname, row.name, row.patronymic].filter(Boolean).join(' ')}, ${formatRussianDate(row.birth_date)}`;
}
