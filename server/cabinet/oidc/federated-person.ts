import { isCalendarDate } from '../../../shared/domain/calendar-date';
import { recordCase } from '../../../shared/domain/documents/compare';
import { normalizeEmail } from '../../../shared/domain/email';
import { normalizeSnils, validateSnils } from '../../../shared/domain/identifiers/snils';
import type { Sex } from '../../../shared/domain/patient';
import { normalizePersonName } from '../../../shared/domain/person-name';
import { normalizePhone } from '../../../shared/domain/phone';
import type { ErrorCode } from '../../../shared/errors/catalog';

/** The person the identity provider vouched for, in the cabinet's terms (normalised as the desk does). */
export interface FederatedPerson {
  /** The provider's stable id of the person (`sub`). */
  subject: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  sex: Sex;
  snils: string | null;
  email: string;
  emailVerified: boolean;
  phone: string;
  phoneVerified: boolean;
}

/** Why the provider's answer cannot make or find an account (→ `/sign-in?error=<code>`). */
export class FederatedRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string> = {},
    cause?: unknown,
  ) {
    super(code, cause === undefined ? undefined : { cause });
    this.name = 'FederatedRefusal';
  }
}

const claimText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' && value.length <= 320 ? value.trim() : null;

const personName = (value: unknown): string | null => {
  const text = claimText(value);
  return text === null ? null : recordCase(normalizePersonName(text));
};

/** `gender` as OpenID Connect says it (`male`/`female`); the government portal's `M`/`F` too. */
function sexOf(value: unknown): Sex | null {
  const text = claimText(value)?.toLowerCase();
  if (text === 'male' || text === 'm') return 'male';
  if (text === 'female' || text === 'f') return 'female';
  return null;
}

/**
 * The ID token's and userinfo's claims, read: `sub`, `family_name`, `given_name`, `middle_name`,
 * `birthdate`, `gender`, `snils` (when the provider gives it — the government portal does),
 * `email`, `phone_number` and their `_verified`. Without a birth date no card can be found; without
 * names, sex or contacts no account can be made.
 */
export function federatedPerson(claims: Record<string, unknown>): FederatedPerson {
  const birthDate = claimText(claims.birthdate);
  if (birthDate === null || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || !isCalendarDate(birthDate))
    throw new FederatedRefusal('cabinet.oidc.birthdate');
  const subject = claimText(claims.sub);
  const surname = personName(claims.family_name);
  const name = personName(claims.given_name);
  const sex = sexOf(claims.gender);
  const email = claimText(claims.email);
  const emailResult = email === null ? undefined : normalizeEmail(email);
  const phone = claimText(claims.phone_number);
  const phoneResult = phone === null ? undefined : normalizePhone(phone);
  const missing: string[] = [];
  if (subject === null) missing.push('sub');
  if (surname === null) missing.push('family_name');
  if (name === null) missing.push('given_name');
  if (sex === null) missing.push('gender');
  if (!emailResult?.ok) missing.push('email');
  if (!phoneResult?.ok) missing.push('phone_number');
  if (subject === null || surname === null || name === null || sex === null || !emailResult?.ok || !phoneResult?.ok)
    throw new FederatedRefusal('cabinet.oidc.claims_missing', { claims: missing.join(', ') });
  const snilsText = claimText(claims.snils);
  const snils = snilsText === null ? null : normalizeSnils(snilsText);
  return {
    subject,
    surname,
    name,
    patronymic: personName(claims.middle_name),
    birthDate,
    sex,
    // A SNILS that fails its check digits links nothing: the card is then found by nothing else.
    snils: snils !== null && validateSnils(snils) === null ? snils : null,
    email: emailResult.email,
    emailVerified: claims.email_verified === true,
    phone: phoneResult.e164,
    phoneVerified: claims.phone_number_verified === true,
  };
}
