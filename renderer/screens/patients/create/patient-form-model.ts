import type { CallInput } from '../../../../shared/api/contract';
import { normalizeAddress, validateAddress } from '../../../../shared/domain/address';
import { isoDay, parseRussianDate, validateBirthDate } from '../../../../shared/domain/calendar-date';
import { normalizeEmail } from '../../../../shared/domain/email';
import { normalizeEnp, validateEnp } from '../../../../shared/domain/identifiers/enp';
import { normalizeInn, validateInn } from '../../../../shared/domain/identifiers/inn';
import { normalizeSnils, validateSnils } from '../../../../shared/domain/identifiers/snils';
import type { Sex } from '../../../../shared/domain/patient';
import { normalizePersonName, validatePersonName } from '../../../../shared/domain/person-name';
import { normalizePhone } from '../../../../shared/domain/phone';
import { localize, type ErrorCode } from '../../../../shared/errors/catalog';
import type { FieldProblem } from '../../../forms/field-problem';
import { isMaskComplete, type DigitMask } from '../../../forms/mask';
import { dateMask, enpMask, innMask, phoneMask, snilsMask } from '../../../forms/masks';

/** The enrolment form as the clerk types it: masked text, the sex not chosen yet. */
export interface PatientFormValues {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  sex: Sex | '';
  foreign: boolean;
  snils: string;
  inn: string;
  enp: string;
  phone: string;
  email: string;
  address: string;
}

/** In the order of the paper form, which is also the tab order across the wizard's steps. */
export const patientFormFields = [
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'sex',
  'foreign',
  'snils',
  'inn',
  'enp',
  'phone',
  'email',
  'address',
] as const;
export type PatientFormField = (typeof patientFormFields)[number];
export type PatientTextFieldName = Exclude<PatientFormField, 'sex' | 'foreign'>;
export type FormProblems = Partial<Record<PatientFormField, FieldProblem>>;

export const emptyPatientForm: PatientFormValues = {
  surname: '',
  name: '',
  patronymic: '',
  birthDate: '',
  sex: '',
  foreign: false,
  snils: '',
  inn: '',
  enp: '',
  phone: '',
  email: '',
  address: '',
};

/** The masked fields and their masks: checked as soon as every slot holds a digit. */
export const fieldMasks: Partial<Record<PatientTextFieldName, DigitMask>> = {
  birthDate: dateMask,
  snils: snilsMask,
  inn: innMask,
  enp: enpMask,
  phone: phoneMask,
};

/** What the API takes: the birth date as ISO, everything else as typed (the main process normalises). */
export function toPatientDraft(values: PatientFormValues & { sex: Sex }): CallInput<'patients.create'> {
  return {
    surname: values.surname,
    name: values.name,
    patronymic: values.patronymic,
    // An incomplete date goes as typed, so the main process names the problem.
    birthDate: parseRussianDate(values.birthDate) ?? values.birthDate,
    sex: values.sex,
    foreign: values.foreign,
    snils: values.snils,
    inn: values.inn,
    enp: values.enp,
    phone: values.phone,
    email: values.email,
    address: values.address,
  };
}

/**
 * How far a field is judged: `live` while it is typed (a masked field once complete, a wrong
 * letter at once), `left` once the clerk has left it (an unfinished mask, a name ending in a
 * hyphen), `final` when they move on or save (also a blank required field). A blank field just
 * tabbed through says nothing yet: the message would push the form down under the pointer.
 */
export type CheckMoment = 'live' | 'left' | 'final';

const problem = (code: ErrorCode, params?: Record<string, string | number>): FieldProblem => ({
  code,
  message: localize(code, params),
});

type Check = (values: PatientFormValues, moment: CheckMoment) => FieldProblem | undefined;

const required = ['surname', 'name', 'birthDate', 'sex'] as const satisfies readonly PatientFormField[];

function nameCheck(field: 'surname' | 'name' | 'patronymic'): Check {
  return (values, moment) => {
    const value = normalizePersonName(values[field]);
    if (value === '') return undefined;
    const code = validatePersonName(value, { foreign: values.foreign });
    // While typing, only a letter of the wrong alphabet is worth saying: «Римский-» is on its way.
    if (!code || (moment === 'live' && code === 'patient.name.shape')) return undefined;
    return problem(code);
  };
}

function identifierCheck(
  field: 'snils' | 'inn' | 'enp',
  normalize: (raw: string) => string,
  validate: (digits: string) => ErrorCode | null,
): Check {
  return (values, moment) => {
    const mask = fieldMasks[field]!;
    if (values[field] === '' || (moment === 'live' && !isMaskComplete(mask, values[field]))) return undefined;
    const code = validate(normalize(values[field]));
    return code ? problem(code) : undefined;
  };
}

const checks: Partial<Record<PatientFormField, Check>> = {
  surname: nameCheck('surname'),
  name: nameCheck('name'),
  patronymic: nameCheck('patronymic'),
  birthDate: (values, moment) => {
    if (values.birthDate === '' || (moment === 'live' && !isMaskComplete(dateMask, values.birthDate))) return undefined;
    const iso = parseRussianDate(values.birthDate);
    const code = iso ? validateBirthDate(iso, isoDay(new Date())) : 'patient.birth_date.format';
    return code ? problem(code) : undefined;
  },
  snils: identifierCheck('snils', normalizeSnils, validateSnils),
  inn: identifierCheck('inn', normalizeInn, (digits) => validateInn(digits)),
  enp: identifierCheck('enp', normalizeEnp, validateEnp),
  phone: (values, moment) => {
    if (values.phone === '' || (moment === 'live' && !isMaskComplete(phoneMask, values.phone))) return undefined;
    const result = normalizePhone(values.phone);
    return result.ok ? undefined : problem(result.code, result.params);
  },
  email: (values, moment) => {
    if (values.email.trim() === '' || moment === 'live') return undefined;
    const result = normalizeEmail(values.email);
    return result.ok ? undefined : problem(result.code, result.params);
  },
  address: (values, moment) => {
    const value = normalizeAddress(values.address);
    if (value === '') return undefined;
    const found = validateAddress(value);
    // «123456, г. Москва» starts with digits: no letters yet is not an error while typing.
    if (!found || (moment === 'live' && found.code === 'patient.address.no_letters')) return undefined;
    return problem(found.code, found.params);
  },
};

/**
 * The form's checks with the same rules and codes as the main process, so the clerk sees a wrong
 * check digit before saving (UX.md). `moments` says how far each field is judged; the main
 * process still decides on save.
 */
export function precheck(values: PatientFormValues, momentOf: (field: PatientFormField) => CheckMoment): FormProblems {
  const problems: FormProblems = {};
  for (const field of patientFormFields) {
    const moment = momentOf(field);
    const empty =
      field === 'sex' ? values.sex === '' : typeof values[field] === 'string' && String(values[field]).trim() === '';
    if (moment === 'final' && empty && (required as readonly string[]).includes(field)) {
      problems[field] = problem('input.required');
      continue;
    }
    const found = checks[field]?.(values, moment);
    if (found) problems[field] = found;
  }
  return problems;
}
