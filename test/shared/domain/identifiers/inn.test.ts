import { describe, expect, it } from 'vitest';
import { innCheck, normalizeInn, validateInn } from '../../../../shared/domain/identifiers/inn';
import {
  innResidue,
  innWeights,
  randomDigits,
  referenceOrganisationInn,
  referencePersonInn,
  seeded,
} from './reference-identifiers';

const bump = (digit: string | undefined) => String((Number(digit) + 1) % 10);

describe('INN', () => {
  it('accepts 7707083893, the organisation example in DOMAIN.md', () => {
    expect(referenceOrganisationInn('770708389')).toBe('7707083893');
    expect(validateInn('7707083893', 'organisation')).toBeNull();
  });

  it("treats a patient's INN as a person's: 12 digits, and refuses a 10-digit one", () => {
    expect(validateInn('7707083893')).toBe('patient.inn.format');
    expect(validateInn('7707083893', 'person')).toBe('patient.inn.format');
  });

  it('accepts generated 12-digit person INNs with both check digits', () => {
    const random = seeded(20);
    for (let i = 0; i < 2000; i++) {
      const inn = referencePersonInn(randomDigits(random, 10));
      expect(innCheck(inn.slice(0, 10))).toBe(inn.slice(10));
      expect(validateInn(inn)).toBeNull();
    }
  });

  it('accepts generated 10-digit organisation INNs', () => {
    const random = seeded(21);
    for (let i = 0; i < 2000; i++) {
      const inn = referenceOrganisationInn(randomDigits(random, 9));
      expect(validateInn(inn, 'organisation')).toBeNull();
    }
  });

  it("refuses a person's INN whose 11th or 12th digit does not match", () => {
    const random = seeded(22);
    for (let i = 0; i < 200; i++) {
      const inn = referencePersonInn(randomDigits(random, 10));
      expect(validateInn(inn.slice(0, 10) + bump(inn[10]) + inn[11])).toBe('patient.inn.checksum');
      expect(validateInn(inn.slice(0, 11) + bump(inn[11]))).toBe('patient.inn.checksum');
    }
  });

  it("refuses an organisation's INN whose check digit does not match", () => {
    expect(validateInn('7707083894', 'organisation')).toBe('patient.inn.checksum');
  });

  it('writes a weighted sum of 10 modulo 11 as the check digit 0', () => {
    const random = seeded(23);
    let body = randomDigits(random, 9);
    while (innResidue(body, innWeights.organisation) !== 10) body = randomDigits(random, 9);
    expect(innCheck(body)).toBe('0');
    expect(validateInn(`${body}0`, 'organisation')).toBeNull();
  });

  it('refuses wrong lengths and non-digits as a format error', () => {
    for (const raw of ['', '77070838931', '7707083893123', '77070838931a', '7707-0838-9312']) {
      expect(validateInn(raw)).toBe('patient.inn.format');
    }
    expect(validateInn('770708389312', 'organisation')).toBe('patient.inn.format');
  });

  it('drops spaces when normalising', () => {
    expect(normalizeInn(' 7707 083 893 ')).toBe('7707083893');
  });
});
