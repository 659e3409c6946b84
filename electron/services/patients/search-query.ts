import { parseRussianDate } from '../../../shared/domain/calendar-date';
import { normalizeEnp, validateEnp } from '../../../shared/domain/identifiers/enp';
import { normalizeInn, validateInn } from '../../../shared/domain/identifiers/inn';
import { normalizeSnils, validateSnils } from '../../../shared/domain/identifiers/snils';
import { searchFold } from '../../../shared/domain/person-name';
import { normalizePhone } from '../../../shared/domain/phone';

/**
 * What the one search box understood (UX.md): "Ива Пет 1980" is a surname prefix, a name
 * prefix and a birth year; an 11-digit number is a SNILS (or a phone); 16 digits an ЕНП.
 */
export type SearchPlan =
  | { kind: 'empty' }
  | { kind: 'identifier'; snils?: string; enp?: string; inn?: string; phone?: string }
  | { kind: 'digits'; prefix: string }
  | { kind: 'name'; parts: string[]; birthDate?: string; birthYear?: string };

const identifierChars = /^[\d\s\-()+]+$/;
const nameToken = /^[\p{L}'-]+$/u;

export function planSearch(raw: string): SearchPlan {
  const query = raw.trim();
  if (query === '') return { kind: 'empty' };
  if (identifierChars.test(query)) return planDigits(query);

  const plan: Extract<SearchPlan, { kind: 'name' }> = { kind: 'name', parts: [] };
  for (const token of query.split(/[\s,]+/)) {
    const date = parseRussianDate(token);
    if (date) plan.birthDate = date;
    else if (/^(19|20)\d{2}$/.test(token)) plan.birthYear = token;
    else if (nameToken.test(token) && plan.parts.length < 3) plan.parts.push(searchFold(token));
  }
  return plan.parts.length === 0 && !plan.birthDate && !plan.birthYear ? { kind: 'empty' } : plan;
}

function planDigits(query: string): SearchPlan {
  const digits = query.replace(/\D/g, '');
  const plan: Extract<SearchPlan, { kind: 'identifier' }> = { kind: 'identifier' };
  if (digits.length === 11 && validateSnils(normalizeSnils(digits)) === null) plan.snils = digits;
  if (digits.length === 16 && validateEnp(normalizeEnp(digits)) === null) plan.enp = digits;
  if (digits.length === 12 && validateInn(normalizeInn(digits)) === null) plan.inn = digits;
  const phone = normalizePhone(query);
  if (phone.ok) plan.phone = phone.e164;
  if (plan.snils || plan.enp || plan.inn || plan.phone) return plan;
  // Still typing: a SNILS or phone being entered digit by digit.
  return digits.length >= 3 ? { kind: 'digits', prefix: digits } : { kind: 'empty' };
}
