import type { TFunction } from 'i18next';
import { formatRussianDate, isCalendarDate } from '../../../shared/domain/calendar-date';
import { sexes, type Sex } from '../../../shared/domain/patient';
import { formatDateTime } from '../../format/date-time';
import { displayPhone, displaySnils } from '../../format/identifiers';
import type { Translation } from '../../i18n/ru';

type PatientFieldKey = keyof Translation['patients']['fields'];
type TableKey = keyof Translation['sync']['tables'];

/** The patients table's columns (as sync names them) and the card's labels for them. */
const patientFields: Readonly<Record<string, PatientFieldKey>> = {
  surname: 'surname',
  name: 'name',
  patronymic: 'patronymic',
  birth_date: 'birthDate',
  sex: 'sex',
  snils: 'snils',
  phone: 'phone',
  enp: 'enp',
  inn: 'inn',
  email: 'email',
  foreign_citizen: 'foreign',
  deleted_at: 'deletedAt',
};

function known<K extends string>(table: Readonly<Record<string, K>>, key: string): K | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function isTableKey(table: string): table is TableKey {
  return table === 'patients' || table === 'sync_conflicts';
}

function isSex(value: string): value is Sex {
  return (sexes as readonly string[]).includes(value);
}

/** `patients` → «Карта пациента»; a table this build does not know is shown as its name. */
export function tableLabel(t: TFunction, table: string): string {
  return isTableKey(table) ? t(`sync.tables.${table}`) : table;
}

/** `birth_date` of `patients` → «Дата рождения», the label the patient card uses. */
export function fieldLabel(t: TFunction, table: string, field: string): string {
  const key = table === 'patients' ? known(patientFields, field) : undefined;
  return key ? t(`patients.fields.${key}`) : field;
}

export interface ShownValue {
  text: string;
  /** The field is empty: the text says so and is shown muted. */
  missing: boolean;
}

/** A stored value as the card would show it: dates, sex, SNILS and phone in their usual form. */
export function fieldValue(t: TFunction, table: string, field: string, value: string | null): ShownValue {
  const key = table === 'patients' ? known(patientFields, field) : undefined;
  if (value === null || value === '') {
    return {
      text: key === 'deletedAt' ? t('sync.conflicts.notDeleted') : t('sync.conflicts.emptyValue'),
      missing: true,
    };
  }
  switch (key) {
    case 'birthDate':
      return { text: isCalendarDate(value) ? formatRussianDate(value) : value, missing: false };
    case 'sex':
      return { text: isSex(value) ? t(`sex.${value}`) : value, missing: false };
    case 'snils':
      return { text: displaySnils(value), missing: false };
    case 'phone':
      return { text: displayPhone(value), missing: false };
    case 'foreign':
      return { text: value === '1' || value === 'true' ? t('common.yes') : t('common.no'), missing: false };
    case 'deletedAt':
      return { text: formatDateTime(value), missing: false };
    default:
      return { text: value, missing: false };
  }
}
