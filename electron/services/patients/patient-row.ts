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
  address: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  merged_into: string | null;
}

/** A row with the names of who created and last changed it (`patientWithNames`). */
export interface NamedPatientRow extends PatientRow {
  created_by_name: string | null;
  updated_by_name: string | null;
}

export const patientWithNames = `SELECT p.*, cs.display_name AS created_by_name, us.display_name AS updated_by_name
  FROM patients p LEFT JOIN staff cs ON cs.id = p.created_by LEFT JOIN staff us ON us.id = p.updated_by`;

export const summaryColumns = 'id, surname, name, patronymic, birth_date, sex, snils, phone';

export function toPatient(row: NamedPatientRow): Patient {
  return {
    ...toSummary(row),
    foreign: row.foreign_citizen === 1,
    enp: row.enp,
    inn: row.inn,
    email: row.email,
    address: row.address,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
    mergedInto: row.merged_into,
  };
}

export function toSummary(
  row: Pick<PatientRow, 'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'phone'>,
): PatientSummary {
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
