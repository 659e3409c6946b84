import { describe, expect, it } from 'vitest';
import { FederatedRefusal, federatedPerson } from '../../../../server/cabinet/oidc/federated-person';
import { validSnils, wrongSnils } from '../../../support/fixtures';

const claims = {
  sub: 'esia-42',
  family_name: 'СЕМЁНОВА-ЩЕРБА',
  given_name: 'анна',
  middle_name: 'Игоревна',
  birthdate: '1985-06-01',
  gender: 'F',
  snils: `${validSnils().slice(0, 3)}-${validSnils().slice(3, 6)}-${validSnils().slice(6, 9)} ${validSnils().slice(9)}`,
  email: ' Anna@Gosuslugi.RU ',
  email_verified: true,
  phone_number: '+7(916)123-45-67',
};

function refusal(input: Record<string, unknown>): { code: string; params: Record<string, string> } {
  try {
    federatedPerson(input);
  } catch (error) {
    if (error instanceof FederatedRefusal) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('not refused');
}

describe('the provider’s claims read as the desk reads a person', () => {
  it('normalises names, SNILS, e-mail and phone as the desk does, and trusts only verified contacts', () => {
    expect(federatedPerson(claims)).toEqual({
      subject: 'esia-42',
      surname: 'Семёнова-Щерба',
      name: 'анна',
      patronymic: 'Игоревна',
      birthDate: '1985-06-01',
      sex: 'female',
      snils: validSnils(),
      email: 'anna@gosuslugi.ru',
      emailVerified: true,
      phone: '+79161234567',
      phoneVerified: false,
    });
  });

  it('a SNILS whose check digits fail links nothing', () => {
    expect(federatedPerson({ ...claims, snils: wrongSnils() }).snils).toBeNull();
  });

  it('no birth date, or not a date, is its own refusal; other missing claims are named', () => {
    expect(refusal({ ...claims, birthdate: undefined }).code).toBe('cabinet.oidc.birthdate');
    expect(refusal({ ...claims, birthdate: '1985-02-30' }).code).toBe('cabinet.oidc.birthdate');
    expect(refusal({ ...claims, email: 'not an address', gender: undefined })).toEqual({
      code: 'cabinet.oidc.claims_missing',
      params: { claims: 'gender, email' },
    });
  });
});
