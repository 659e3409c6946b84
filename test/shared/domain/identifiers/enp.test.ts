import { describe, expect, it } from 'vitest';
import { enpCheck, normalizeEnp, validateEnp } from '../../../../shared/domain/identifiers/enp';
import { parityLuhnCheck, randomDigits, referenceLuhnCheck, seeded } from './reference-identifiers';

describe('ЕНП (OMS policy number)', () => {
  it('computes the standard Luhn digit (79927398713 is the textbook Luhn number)', () => {
    expect(enpCheck('7992739871')).toBe('3');
  });

  it('accepts 16 digits whose last one is the Luhn digit of the first 15', () => {
    const random = seeded(10);
    for (let i = 0; i < 2000; i++) {
      const body = randomDigits(random, 15);
      expect(enpCheck(body)).toBe(referenceLuhnCheck(body));
      expect(validateEnp(body + referenceLuhnCheck(body))).toBeNull();
    }
  });

  it('refuses an ЕНП whose check digit does not match', () => {
    const random = seeded(11);
    for (let i = 0; i < 200; i++) {
      const body = randomDigits(random, 15);
      const wrong = (Number(referenceLuhnCheck(body)) + 1 + Math.floor(random() * 9)) % 10;
      expect(validateEnp(`${body}${wrong}`)).toBe('patient.enp.checksum');
    }
  });

  it('doubles by position, not by digit parity (the widely copied bug in DOMAIN.md)', () => {
    // Find a body where the two readings disagree, then insist on the positional answer.
    const random = seeded(12);
    let body = randomDigits(random, 15);
    while (referenceLuhnCheck(body) === parityLuhnCheck(body)) body = randomDigits(random, 15);

    expect(enpCheck(body)).toBe(referenceLuhnCheck(body));
    expect(validateEnp(body + referenceLuhnCheck(body))).toBeNull();
    expect(validateEnp(body + parityLuhnCheck(body))).toBe('patient.enp.checksum');
  });

  it('doubles the rightmost digit of the body', () => {
    // With one non-zero digit, the check tells whether its position is doubled: 1 → 8 if doubled, 9 if not.
    expect(enpCheck('000000000000001')).toBe('8');
    expect(enpCheck('000000000000010')).toBe('9');
    expect(enpCheck('100000000000000')).toBe('8');
  });

  it('ignores the spaces the policy is printed with', () => {
    const random = seeded(13);
    const body = randomDigits(random, 15);
    const digits = body + referenceLuhnCheck(body);
    const printed = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(normalizeEnp(printed)).toBe(digits);
    expect(validateEnp(normalizeEnp(printed))).toBeNull();
  });

  it('refuses anything but 16 digits as a format error', () => {
    for (const raw of ['', '123456789012345', '12345678901234567', '123456789012345a', '1234-5678-9012-3456']) {
      expect(validateEnp(raw)).toBe('patient.enp.format');
    }
  });
});
