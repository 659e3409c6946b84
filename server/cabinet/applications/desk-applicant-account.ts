import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { toRecord } from '../../db/values';
import type { ChangeLogWriter } from '../../sync/change-log';
import { findApplication, writeServerRow, type StoredRow } from './application-rows';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Whether the e-mail is already the login of a cabinet account linked to another patient (or to none). */
export async function emailTakenByAnother(
  db: Knex,
  clinicId: string,
  email: unknown,
  patientId: unknown,
): Promise<boolean> {
  const login = text(email)?.toLowerCase();
  if (!login) return false;
  const account = await db('cabinet_accounts')
    .where({ clinic_id: clinicId, email: login })
    .first<{ patient_id: string | null } | undefined>('patient_id');
  return account !== undefined && account.patient_id !== patientId;
}

/**
 * The cabinet account of a patient who applied at the desk, opened when the clerk approves: the
 * patient's own account if they also registered online, else a new one from the card (names,
 * birth date, sex, SNILS, INN) with the application's e-mail and phone, unconfirmed until the
 * activation code that reached one of them is redeemed. The application names it (the server's
 * change); returns the row as it now stands.
 */
export async function openDeskApplicantAccount(log: ChangeLogWriter, row: StoredRow, now: Date): Promise<StoredRow> {
  const patientId = String(row.data.patient_id);
  const existing = await log
    .trx('cabinet_accounts')
    .where({ clinic_id: log.clinicId, patient_id: patientId })
    .first<{ id: string } | undefined>('id');
  let accountId = existing?.id;
  if (!accountId) {
    const card = await log
      .trx('records')
      .where({ table_name: 'patients', id: patientId, clinic_id: log.clinicId })
      .first<{ data: unknown } | undefined>('data');
    const data = toRecord(card?.data ?? {});
    accountId = uuidv7();
    await log.trx('cabinet_accounts').insert({
      id: accountId,
      clinic_id: log.clinicId,
      surname: String(data.surname ?? ''),
      name: String(data.name ?? ''),
      patronymic: text(data.patronymic),
      birth_date: String(data.birth_date ?? ''),
      sex: String(data.sex ?? ''),
      snils: text(data.snils),
      inn: text(data.inn),
      email: String(row.data.contact_email).toLowerCase(),
      phone: String(row.data.contact_phone),
      patient_id: patientId,
      created_at: now,
      updated_at: now,
    });
  }
  const at = now.toISOString();
  await writeServerRow(log, 'applications', row.id, row, { account_id: accountId }, at);
  return (await findApplication(log.trx, log.clinicId, row.id))!;
}
