import { formatRussianDate, isCalendarDate, parseRussianDate } from '../../../shared/domain/calendar-date';
import {
  duplicateLookupKeys,
  findDuplicates,
  type DuplicateMatch,
  type PersonIdentity,
} from '../../../shared/domain/duplicates';
import { mayMatchFolded } from '../../../shared/domain/name-similarity';
import type { PatientSummary } from '../../../shared/domain/patient';
import type { FieldIssue } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { ActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { summaryColumns, toSummary, type PatientRow } from './patient-row';

/** A card that can be found: not tombstoned, not merged into another. */
export const livePatient = 'deleted_at IS NULL AND merged_into IS NULL';

type CandidateRow = Pick<
  PatientRow,
  'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'phone' | 'enp' | 'inn'
>;

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

const candidateColumns = `${summaryColumns}, enp, inn`;
const byRowid = `SELECT ${candidateColumns} FROM patients WHERE rowid = ?`;
// Answered from `patients_birth_names` alone (partial: live cards only; an index entry holds the
// rowid), never the rows.
const bornThatDay = `SELECT rowid AS rowid, surname_fold, name_fold FROM patients WHERE birth_date = ? AND ${livePatient}`;
const holding = Object.fromEntries(
  identifiers.map((field) => [field, `SELECT ${candidateColumns} FROM patients WHERE ${field} = ? AND ${livePatient}`]),
) as Record<(typeof identifiers)[number], string>;

/**
 * Live patients who may be the draft's person (B2): anyone holding one of its identifiers, and
 * those born that day whose folded surname and first name could match the draft's — screened
 * from the index (`patients_birth_names`, about 30 entries in a million) so that only the few
 * that pass are read whole; then the shared scorer. The screen is `mayMatchFolded`, which
 * never drops a pair the scorer would keep.
 */
export function findCandidates(tx: Tx, draft: PersonIdentity): { match: DuplicateMatch; row: CandidateRow }[] {
  const keys = duplicateLookupKeys(draft);
  const rows = new Map<string, CandidateRow>();
  for (const field of identifiers) {
    const value = keys[field];
    if (value === null) continue;
    for (const row of tx.all<CandidateRow>(holding[field], [value])) rows.set(row.id, row);
  }
  if (isCalendarDate(keys.birthDate)) {
    for (const entry of tx.all<{ rowid: number; surname_fold: string; name_fold: string }>(bornThatDay, [
      keys.birthDate,
    ])) {
      if (!mayMatchFolded(draft.surname, entry.surname_fold) || !mayMatchFolded(draft.name, entry.name_fold)) continue;
      const row = tx.get<CandidateRow>(byRowid, [entry.rowid]);
      if (row) rows.set(row.id, row);
    }
  }
  if (rows.size === 0) return [];
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
export function patientDuplicates(
  ctx: ActorContext,
  draft: PartialIdentity,
  limit: number,
): { items: DuplicateCandidateView[] } {
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
export function hardStopIssues(
  tx: Tx,
  draft: { snils: string | null; enp: string | null; inn: string | null },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of identifiers) {
    const value = draft[field];
    if (value === null) continue;
    const holder = tx.get<CandidateRow>(holding[field], [value]);
    if (holder)
      issues.push({
        code: duplicateCodes[field],
        field,
        params: { patient: describePatient(holder), patientId: holder.id },
      });
  }
  return issues;
}

/** "Семёнова Анна Петровна, 15.03.1980": how an error names a card. */
export function describePatient(row: Pick<PatientRow, 'surname' | 'name' | 'patronymic' | 'birth_date'>): string {
  return `${[row.surname, row.name, row.patronymic].filter(Boolean).join(' ')}, ${formatRussianDate(row.birth_date)}`;
}
