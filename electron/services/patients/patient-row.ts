import type { Patient, PatientSummary, Sex } from '../../../shared/domain/patient';

/** A `patients` row as SQLite returns it. */
export interface PatientRow {
  id: string;
  version: number;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  sex: Sex;
  foreign_citizen: number;
  snils: string | null;
  enp: string | null;
  inn: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export const summaryColumns = 'id, surname, name, patronymic, birth_date, sex, snils, phone';

export function toPatient(row: PatientRow): Patient {
  return {
    ...toSummary(row),
    foreign: row.foreign_citizen === 1,
    enp: row.enp,
    inn: row.inn,
    email: row.email,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function toSummary(row: Pick<PatientRow, 'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'phone'>): PatientSummary {
  return {
    id: row.id,
    surname: row.surname,
    name: row.name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    sex: row.sex,
    snils: row.snils,
    phone: row.phone,
  };
}
