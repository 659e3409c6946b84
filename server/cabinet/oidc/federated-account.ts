import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { CabinetStage } from '../../../shared/cabinet/cabinet-api';
import { identityConfirmed } from '../../../shared/domain/online-identity';
import { findOnlineIdentity } from '../../portal/online-identity-row';
import { recordIdentityAttempt } from '../../portal/identity-attempts';
import { withChangeLog } from '../../sync/change-log';
import { accountByEmail, accountById, type AccountRow } from '../accounts/account-store';
import { linkAccountToPatient } from '../accounts/patient-link';
import { FederatedRefusal, type FederatedPerson } from './federated-person';

export interface FederatedSignIn {
  accountId: string;
  clinicId: string;
  stage: CabinetStage;
}

/**
 * The account of the person the provider vouched for, found by (clinic, subject) or made now.
 * An account registered earlier with the same e-mail is the same person only if the provider's
 * SNILS and birth date are its own: then the subject is added to it; otherwise the e-mail is
 * someone else's and the sign-in is refused (`cabinet.oidc.email_taken`).
 */
async function accountOf(trx: Knex, clinicId: string, person: FederatedPerson, now: Date): Promise<AccountRow> {
  const bySubject = (await trx('cabinet_accounts')
    .where({ clinic_id: clinicId, oidc_subject: person.subject })
    .forUpdate()
    .first('id')) as { id: string } | undefined;
  if (bySubject) {
    await trx('cabinet_accounts').where({ id: bySubject.id }).whereNull('federated_at').update({ federated_at: now });
    return accountById(trx, bySubject.id, true);
  }
  const byEmail = await accountByEmail(trx, clinicId, person.email);
  if (byEmail) {
    const samePerson =
      byEmail.oidc_subject === null &&
      person.snils !== null &&
      byEmail.snils === person.snils &&
      byEmail.birth_date === person.birthDate;
    if (!samePerson) throw new FederatedRefusal('cabinet.oidc.email_taken');
    await trx('cabinet_accounts')
      .where({ id: byEmail.id })
      .update({ oidc_subject: person.subject, federated_at: now, updated_at: now });
    return accountById(trx, byEmail.id, true);
  }
  const id = randomUUID();
  await trx('cabinet_accounts').insert({
    id,
    clinic_id: clinicId,
    surname: person.surname,
    name: person.name,
    patronymic: person.patronymic,
    birth_date: person.birthDate,
    sex: person.sex,
    snils: person.snils,
    inn: null,
    email: person.email,
    phone: person.phone,
    // The provider's word on its own contacts.
    email_confirmed_at: person.emailVerified ? now : null,
    phone_confirmed_at: person.phoneVerified ? now : null,
    oidc_subject: person.subject,
    federated_at: now,
    created_at: now,
    updated_at: now,
  });
  return accountById(trx, id, true);
}

/**
 * Federated sign-in (issue 11 item 2): the account found or made, linked to the clinic's card by
 * SNILS and birth date as a registration is (H1's `linkAccountToPatient`: a card made online when
 * none matches), and its identity confirmed online — the provider vouched for the person, so the
 * code and document checks are skipped (B6 attempt `federated`, passed). A card whose online
 * confirmation is locked stays locked: only a clerk who saw the originals unlocks it. The session
 * is `patient` for an activated account, `applicant` before.
 */
export async function signInFederated(
  db: Knex,
  clinicId: string,
  person: FederatedPerson,
  now: Date,
): Promise<FederatedSignIn> {
  const account = await withChangeLog(db, { now, clinicId }, async (log) => {
    const found = await accountOf(log.trx, clinicId, person, now);
    if (found.patient_id !== null) return found;
    const patientId = await linkAccountToPatient(log, found, now.toISOString());
    return { ...found, patient_id: patientId };
  });
  const patientId = account.patient_id;
  if (patientId !== null) {
    const current = await findOnlineIdentity(db, patientId, clinicId);
    const status = current?.counters.status ?? 'none';
    if (!identityConfirmed(status) && status !== 'locked')
      await recordIdentityAttempt(db, { patientId, method: 'federated', outcome: 'passed' }, now, clinicId);
  }
  return { accountId: account.id, clinicId, stage: account.activated_at !== null ? 'patient' : 'applicant' };
}
