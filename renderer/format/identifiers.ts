import { formatPhone } from '../../shared/domain/phone';
import { formatSnils } from '../../shared/domain/identifiers/snils';

/** `11223344595` → `112-233-445 95`; anything else is shown as stored. */
export function displaySnils(snils: string): string {
  return /^\d{11}$/.test(snils) ? formatSnils(snils) : snils;
}

/** `+79161234567` → `+7 (916) 123-45-67`; anything else is shown as stored. */
export function displayPhone(phone: string): string {
  return /^\+7\d{10}$/.test(phone) ? formatPhone(phone) : phone;
}
