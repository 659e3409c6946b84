import type { CallOutput } from '../../../shared/api/contract';
import { ageOn, formatRussianDate, isoDay, validateBirthDate } from '../../../shared/domain/calendar-date';
import { lastDayBeforeAgeOfConsent, medicalAgeOfConsent, proxyEffectiveEnd } from '../../../shared/domain/proxies';
import type { ProxyDraft } from '../../../shared/domain/proxy-draft';
import { AppError, type FieldIssue } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import { insertRecord } from '../../store/record-door';
import { requirePatient } from '../patients/require-patient';
import { proxyById, toProxyView } from './proxy-row';

/**
 * Adds a trusted person (B9) after the rules that need the patient and today: a parent of a minor
 * only for a patient under 15 (323-ФЗ art. 54), a power of attorney not expired nor issued in
 * the future, and an authority that has not already ended. All problems are reported at once.
 */
export function addProxy(ctx: ZonedActorContext, draft: ProxyDraft): CallOutput<'proxies.add'> {
  const now = ctx.clock.now();
  const today = isoDay(now, ctx.timeZone);
  return ctx.store.transaction((tx) => {
    const patient = requirePatient(tx, draft.patientId);
    const issues = proxyIssues(draft, patient.birth_date, today);
    const first = issues[0];
    if (first) throw new AppError(first.code, { field: first.field, params: first.params ?? {}, issues });
    const id = insertRecord(
      { tx, actor: ctx.actor, at: now.toISOString() },
      'patients.write',
      'proxies',
      {
        patient_id: draft.patientId,
        surname: draft.surname,
        name: draft.name,
        patronymic: draft.patronymic,
        foreign_citizen: draft.foreign ? 1 : 0,
        birth_date: draft.birthDate,
        phone: draft.phone,
        relationship: draft.relationship,
        basis: draft.basis,
        document_number: draft.documentNumber,
        document_issued_on: draft.documentIssuedOn,
        document_expires_on: draft.documentExpiresOn,
        document_issuer: draft.documentIssuer,
        scope: JSON.stringify(draft.scope),
        starts_on: draft.startsOn,
        ends_on: draft.endsOn,
      },
      {
        action: 'proxies.add',
        patientId: draft.patientId,
        details: { basis: draft.basis, scope: draft.scope, startsOn: draft.startsOn, endsOn: draft.endsOn },
      },
    );
    const row = proxyById(tx, id);
    if (!row) throw new Error('A proxy row vanished inside its own transaction');
    return toProxyView(row, today);
  });
}

function proxyIssues(draft: ProxyDraft, patientBirthDate: string, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const birth = validateBirthDate(draft.birthDate, today);
  if (birth) issues.push({ code: birth, field: 'birthDate' });
  if (draft.basis === 'parent_of_minor') {
    const lastDay = lastDayBeforeAgeOfConsent(patientBirthDate);
    if (ageOn(patientBirthDate, today) >= medicalAgeOfConsent)
      issues.push({ code: 'proxy.basis.patient_of_age', field: 'basis' });
    else if (draft.startsOn > lastDay)
      issues.push({
        code: 'proxy.period.after_age_of_consent',
        field: 'startsOn',
        params: { date: formatRussianDate(lastDay) },
      });
  }
  if (draft.basis === 'power_of_attorney') {
    if (draft.documentIssuedOn !== null && draft.documentIssuedOn > today)
      issues.push({ code: 'proxy.poa.issued_future', field: 'documentIssuedOn' });
    if (draft.documentExpiresOn !== null && draft.documentExpiresOn < today) {
      issues.push({
        code: 'proxy.poa.expired',
        field: 'documentExpiresOn',
        params: { date: formatRussianDate(draft.documentExpiresOn) },
      });
    }
  }
  if (issues.length > 0) return issues;
  const end = proxyEffectiveEnd({ ...draft }, patientBirthDate).lastDay;
  if (end !== null && end < today)
    issues.push({ code: 'proxy.period.over', field: 'endsOn', params: { date: formatRussianDate(end) } });
  return issues;
}
