import type { Knex } from 'knex';
import { toRecord } from '../../db/values';
import { HttpError } from '../../http/http-error';
import type { CabinetSession } from '../session/cabinet-session-types';

/** The clinic's card an account is linked to, as the desks synced it: what identity checks read. */
export interface LinkedCard {
  patientId: string;
  clinicId: string;
  /** The contacts the clinic holds (E.164, e-mail); null where the card has none. */
  phone: string | null;
  email: string | null;
  /** The identifiers on the card (SNILS, ЕНП: digits), which a SNILS notice or a policy's number must equal. */
  snils: string | null;
  enp: string | null;
  /**
   * Made by the server for an account with no matching card (`registered_online_at`): its contacts
   * are the ones the patient typed, so a code sent there proves nothing.
   */
  madeOnline: boolean;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The card (not removed, not merged away), or undefined. */
export async function findCard(db: Knex, clinicId: string, patientId: string): Promise<LinkedCard | undefined> {
  const row = await db('records')
    .where({ table_name: 'patients', id: patientId, clinic_id: clinicId })
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .whereRaw("coalesce(data->>'merged_into', '') = ''")
    .first<{ data: unknown } | undefined>('data');
  if (!row) return undefined;
  const data = toRecord(row.data);
  return {
    patientId,
    clinicId,
    phone: textOrNull(data.phone),
    email: textOrNull(data.email),
    snils: textOrNull(data.snils),
    enp: textOrNull(data.enp),
    madeOnline: textOrNull(data.registered_online_at) !== null,
  };
}

/** The session's card; 409 cabinet.identity.not_linked while the account has none. */
export async function linkedCardOf(db: Knex, session: CabinetSession): Promise<LinkedCard> {
  const card = session.patientId === null ? undefined : await findCard(db, session.clinicId, session.patientId);
  if (!card) throw new HttpError(409, 'cabinet.identity.not_linked');
  return card;
}
