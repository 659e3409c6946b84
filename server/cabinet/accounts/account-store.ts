import type { Knex } from 'knex';
import type { Me } from '../../../shared/cabinet/cabinet-api';
import type { CabinetSession } from '../session/cabinet-session-types';

/** A row of `cabinet_accounts` (0008-cabinet-accounts), as read. */
export interface AccountRow {
  id: string;
  clinic_id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  sex: string;
  snils: string | null;
  inn: string | null;
  email: string;
  phone: string;
  email_confirmed_at: Date | string | null;
  phone_confirmed_at: Date | string | null;
  patient_id: string | null;
  password_hash: string | null;
  activated_at: Date | string | null;
  totp_secret_sealed: string | null;
  totp_pending_sealed: string | null;
  totp_last_step: number | string | null;
  oidc_subject: string | null;
  federated_at: Date | string | null;
  failed_sign_ins: number;
  locked_until: Date | string | null;
  notify_email: boolean;
  notify_sms: boolean;
}

/** The account with this e-mail (already normalised) in the clinic. */
export async function accountByEmail(db: Knex, clinicId: string, email: string): Promise<AccountRow | undefined> {
  return db('cabinet_accounts').where({ clinic_id: clinicId, email }).first<AccountRow | undefined>();
}

/** The account, locked for the rest of the transaction when `forUpdate`. */
export async function accountById(db: Knex, id: string, forUpdate = false): Promise<AccountRow> {
  const query = db('cabinet_accounts').where({ id });
  if (forUpdate) void query.forUpdate();
  const row = await query.first<AccountRow | undefined>();
  if (!row) throw new Error(`The cabinet account ${id} is gone`);
  return row;
}

/** What `GET /me` (and every call that opens a session) answers. */
export function meOf(account: AccountRow, session: Pick<CabinetSession, 'stage' | 'csrfToken'>): Me {
  return {
    accountId: account.id,
    stage: session.stage,
    csrfToken: session.csrfToken,
    surname: account.surname,
    name: account.name,
    patronymic: account.patronymic,
    email: account.email,
    emailConfirmed: account.email_confirmed_at !== null,
    phone: account.phone,
    phoneConfirmed: account.phone_confirmed_at !== null,
    patientId: account.patient_id,
    federated: account.federated_at !== null,
    activated: account.activated_at !== null,
    totpEnrolled: account.totp_secret_sealed !== null,
  };
}
