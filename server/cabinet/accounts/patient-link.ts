import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { searchFold } from '../../../shared/domain/person-name';
import type { ChangeLogWriter } from '../../sync/change-log';
import { writeServerRow } from '../../sync/server-rows';
import type { AccountRow } from './account-store';

/**
 * Links a cabinet account to the clinic's card (issue 11 item 2): the live card (not removed, not
 * merged) with the account's SNILS — or, without one, INN — and birth date. With none, the server
 * makes the card, marked `registered_online_at`, as a change of its own (no desk, no person) so
 * that every desk pulls it and its duplicate check and merge cover it like any other card.
 * Returns the card's id.
 */
export async function linkAccountToPatient(log: ChangeLogWriter, account: AccountRow, at: string): Promise<string> {
  const found = await matchingPatient(log.trx, account);
  const patientId = found ?? (await writeOnlinePatient(log, account, at));
  await log
    .trx('cabinet_accounts')
    .where({ id: account.id })
    .update({ patient_id: patientId, updated_at: new Date(at) });
  return patientId;
}

async function matchingPatient(db: Knex, account: AccountRow): Promise<string | undefined> {
  const identifier =
    account.snils !== null ? { field: 'snils', value: account.snils } : { field: 'inn', value: account.inn };
  if (identifier.value === null) return undefined;
  const row = await db('records')
    .where({ table_name: 'patients', clinic_id: account.clinic_id })
    .whereRaw(`data->>'${identifier.field}' = ?`, [identifier.value])
    .whereRaw("data->>'birth_date' = ?", [account.birth_date])
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .whereRaw("coalesce(data->>'merged_into', '') = ''")
    .orderBy('id')
    .first<{ id: string } | undefined>('id');
  return row?.id;
}

/** The card as the desk would have written it (create-patient.ts), by the server. */
async function writeOnlinePatient(log: ChangeLogWriter, account: AccountRow, at: string): Promise<string> {
  const id = uuidv7();
  const data = {
    surname: account.surname,
    name: account.name,
    patronymic: account.patronymic,
    birth_date: account.birth_date,
    sex: account.sex,
    foreign_citizen: 0,
    snils: account.snils,
    enp: null,
    inn: account.inn,
    phone: account.phone,
    email: account.email,
    address: null,
    surname_fold: searchFold(account.surname),
    name_fold: searchFold(account.name),
    patronymic_fold: searchFold(account.patronymic ?? ''),
    deleted_at: null,
    merged_into: null,
    registered_online_at: at,
  };
  await writeServerRow(log, 'patients', id, undefined, data, at);
  return id;
}
