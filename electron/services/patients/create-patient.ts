import { isoDay, validateBirthDate } from '../../../shared/domain/calendar-date';
import type { Patient, PatientDraft } from '../../../shared/domain/patient';
import { searchFold } from '../../../shared/domain/person-name';
import { AppError } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { insertRecord, recordRead } from '../../store/record-door';
import { hardStopIssues } from './duplicate-candidates';
import { patientWithNames, toPatient, type NamedPatientRow } from './patient-row';

/** Enrols a patient (B1): the rules the schema could not check, then one audited insert. */
export function createPatient(ctx: ZonedActorContext, draft: PatientDraft): Patient {
  const now = ctx.clock.now();
  assertBirthDateNotFuture(draft, isoDay(now, ctx.timeZone));
  try {
    return ctx.store.transaction((tx) => {
      const id = insertPatient(tx, ctx, draft, now.toISOString());
      const row = tx.get<NamedPatientRow>(`${patientWithNames} WHERE p.id = ?`, [id]);
      if (!row) throw new Error('A patient row vanished inside its own transaction');
      return toPatient(row);
    });
  } catch (error) {
    if (error instanceof AppError) recordCardsNamed(ctx, error);
    throw error;
  }
}

/**
 * A hard-stop refusal names the existing card (who it is, born when): that is a read of its data
 * (F1), recorded after the refused enrolment rolled back, as a not-found card is in getPatient.
 */
export function recordCardsNamed(ctx: ZonedActorContext, error: AppError): void {
  const named = error.issues.filter((issue) => typeof issue.params?.patientId === 'string');
  if (named.length === 0) return;
  ctx.store.transaction((tx) => {
    for (const issue of named) {
      recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
        action: 'patients.duplicate_shown',
        patientId: String(issue.params?.patientId),
        details: { field: issue.field },
      });
    }
  });
}

/**
 * Enrols many validated drafts in one transaction (demo data, imports): the same checks and the
 * same door as one by one, so each patient still gets its audit event and outbox entry.
 */
export function createPatients(ctx: ZonedActorContext, drafts: readonly PatientDraft[]): string[] {
  const now = ctx.clock.now();
  const today = isoDay(now, ctx.timeZone);
  for (const draft of drafts) assertBirthDateNotFuture(draft, today);
  const at = now.toISOString();
  return ctx.store.transaction((tx) => drafts.map((draft) => insertPatient(tx, ctx, draft, at)));
}

export function assertBirthDateNotFuture(draft: PatientDraft, today: string): void {
  const birthDateError = validateBirthDate(draft.birthDate, today);
  if (birthDateError) throw new AppError(birthDateError, { field: 'birthDate' });
}

/** One enrolment inside the caller's transaction: the hard-stop check, then the door. */
export function insertPatient(tx: Tx, ctx: ZonedActorContext, draft: PatientDraft, at: string): string {
  assertNoDuplicateIdentifiers(tx, draft);
  return insertRecord(
    { tx, actor: ctx.actor, at },
    'patients.write',
    'patients',
    {
      surname: draft.surname,
      name: draft.name,
      patronymic: draft.patronymic,
      birth_date: draft.birthDate,
      sex: draft.sex,
      foreign_citizen: draft.foreign ? 1 : 0,
      snils: draft.snils,
      enp: draft.enp,
      inn: draft.inn,
      phone: draft.phone,
      email: draft.email,
      address: draft.address,
      surname_fold: searchFold(draft.surname),
      name_fold: searchFold(draft.name),
      patronymic_fold: searchFold(draft.patronymic ?? ''),
    },
    { action: 'patients.create', patientId: 'self' },
  );
}

/**
 * Same SNILS, ЕНП or INN as a live card is the same person: a hard stop (B2), reported per field
 * and naming the card. The identifier indexes are not unique (two offline desks may enrol the
 * same person; see 0002-sync), so this check, not a constraint, is what refuses.
 */
function assertNoDuplicateIdentifiers(tx: Tx, draft: PatientDraft): void {
  const issues = hardStopIssues(tx, draft);
  const first = issues[0];
  if (first) throw new AppError(first.code, { field: first.field, params: first.params, issues });
}
