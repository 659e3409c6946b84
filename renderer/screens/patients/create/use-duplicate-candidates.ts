import type { CallInput, CallOutput } from '../../../../shared/api/contract';
import { parseRussianDate } from '../../../../shared/domain/calendar-date';
import { useApiQuery, type QueryState } from '../../../api/use-api-query';
import type { PatientFormValues } from './patient-form-model';

export type DuplicateCandidates = CallOutput<'patients.duplicates'>['items'];

/** Typing pauses this long before the desk is asked: each question is an audited read (F1). */
const typingPauseMs = 350;

const digitsOf = (value: string, length: number) => {
  const digits = value.replace(/\D/g, '');
  return digits.length === length ? digits : '';
};

/**
 * The form's values as `patients.duplicates` takes them, or null when there is nothing to look
 * for yet: candidates come from the birth date or a whole identifier (the desk ignores the rest).
 */
export function duplicateQuestion(values: PatientFormValues): CallInput<'patients.duplicates'> | null {
  const birthDate = parseRussianDate(values.birthDate) ?? '';
  const snils = digitsOf(values.snils, 11);
  const enp = digitsOf(values.enp, 16);
  const inn = digitsOf(values.inn, 12);
  const named = values.surname.trim() !== '' && values.name.trim() !== '';
  if (!(named && birthDate) && !snils && !enp && !inn) return null;
  return {
    surname: values.surname.trim(),
    name: values.name.trim(),
    patronymic: values.patronymic.trim(),
    birthDate,
    snils,
    enp,
    inn,
  };
}

/** Possible duplicates of the card being typed (B2, UX.md: beside the form, while typing). */
export function useDuplicateCandidates(values: PatientFormValues): QueryState<DuplicateCandidates> {
  const question = duplicateQuestion(values);
  const key = question ? JSON.stringify(question) : 'none';
  const state = useApiQuery(
    `duplicates:${key}`,
    question
      ? async (api) => {
          const envelope = await api.patients.duplicates(question);
          return envelope.ok ? { ok: true as const, data: envelope.data.items } : envelope;
        }
      : null,
    typingPauseMs,
  );
  return state;
}
