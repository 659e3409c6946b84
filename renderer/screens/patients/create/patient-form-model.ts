import type { CallInput } from '../../../../shared/api/contract';
import { isoDay, parseRussianDate, validateBirthDate } from '../../../../shared/domain/calendar-date';
import { normalizeSnils, validateSnils } from '../../../../shared/domain/identifiers/snils';
import type { Sex } from '../../../../shared/domain/patient';
import { normalizePhone } from '../../../../shared/domain/phone';
import { localize } from '../../../../shared/errors/catalog';
import type { FieldProblem } from '../../../forms/field-problem';
import { isMaskComplete } from '../../../forms/mask';
import { dateMask, phoneMask, snilsMask } from '../../../forms/masks';

/** The create form as the clerk types it: masked text, the sex not chosen yet. */
export interface PatientFormValues {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  sex: Sex | '';
  snils: string;
  phone: string;
}

/** In the order of the paper form, which is also the tab order. */
export const patientFormFields = ['surname', 'name', 'patronymic', 'birthDate', 'sex', 'snils', 'phone'] as const;
export type PatientFormField = (typeof patientFormFields)[number];

export const emptyPatientForm: PatientFormValues = {
  surname: '',
  name: '',
  patronymic: '',
  birthDate: '',
  sex: '',
  snils: '',
  phone: '',
};

/** What the API takes: the birth date as ISO, everything else as typed (the server normalises). */
export function toPatientDraft(values: PatientFormValues & { sex: Sex }): CallInput<'patients.create'> {
  return {
    surname: values.surname,
    name: values.name,
    patronymic: values.patronymic,
    // An incomplete date goes as typed, so the server names the problem.
    birthDate: parseRussianDate(values.birthDate) ?? values.birthDate,
    sex: values.sex,
    snils: values.snils,
    phone: values.phone,
  };
}

/**
 * Checks a masked field as soon as it is complete (UX.md), with the same rules and codes as the
 * server, so the clerk sees a wrong check digit before saving. The server still decides.
 */
export function precheck(values: PatientFormValues): Partial<Record<PatientFormField, FieldProblem>> {
  const problems: Partial<Record<PatientFormField, FieldProblem>> = {};
  if (isMaskComplete(dateMask, values.birthDate)) {
    const iso = parseRussianDate(values.birthDate);
    const code = iso ? validateBirthDate(iso, isoDay(new Date())) : 'patient.birth_date.format';
    if (code) problems.birthDate = { code, message: localize(code) };
  }
  if (isMaskComplete(snilsMask, values.snils)) {
    const code = validateSnils(normalizeSnils(values.snils));
    if (code) problems.snils = { code, message: localize(code) };
  }
  if (isMaskComplete(phoneMask, values.phone)) {
    const result = normalizePhone(values.phone);
    if (!result.ok) problems.phone = { code: result.code, message: localize(result.code, result.params) };
  }
  return problems;
}
