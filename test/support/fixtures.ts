import { innCheck } from '../../shared/domain/identifiers/inn';
import { enpCheck } from '../../shared/domain/identifiers/enp';
import { snilsCheck } from '../../shared/domain/identifiers/snils';
import type { PatientDraftInput } from '../../shared/domain/patient';

/** A valid SNILS made with the algorithm from a body above 001-001-998. */
export function validSnils(body = '112233445'): string {
  return body + snilsCheck(body);
}

/** The same number with a wrong check: the last digit moved by one. */
export function wrongSnils(body = '112233445'): string {
  const valid = validSnils(body);
  return valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10);
}

export function validEnp(body = '770000000000001'): string {
  return body + enpCheck(body);
}

export function validInn(body = '5001234567'): string {
  return body + innCheck(body);
}

export function draft(overrides: Partial<PatientDraftInput> = {}): PatientDraftInput {
  return {
    surname: 'Семёнова',
    name: 'Анна',
    patronymic: 'Петровна',
    birthDate: '1980-03-15',
    sex: 'female',
    snils: validSnils(),
    phone: '+7 (916) 123-45-67',
    ...overrides,
  };
}
