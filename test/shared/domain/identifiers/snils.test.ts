import { describe, expect, it } from 'vitest';
import { formatSnils, normalizeSnils, snilsCheck, validateSnils } from '../../../../shared/domain/identifiers/snils';
import {
  randomCheckedSnilsBody,
  referenceSnilsCheck,
  seeded,
  snilsBodyWithSum,
  snilsWeightedSum,
} from './reference-identifiers';

const wrongCheck = (check: string) => String((Number(check) + 1) % 100).padStart(2, '0');

describe('SNILS', () => {
  it('accepts 112-233-445 95, the worked example in DOMAIN.md', () => {
    expect(snilsWeightedSum('112233445')).toBe(95);
    expect(validateSnils(normalizeSnils('112-233-445 95'))).toBeNull();
  });

  it('reduces the shown form XXX-XXX-XXX YY to 11 digits and formats it back', () => {
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    expect(normalizeSnils(' 112 233 445 95 ')).toBe('11223344595');
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });

  it('uses the weighted sum itself as the check when it is below 100', () => {
    const random = seeded(1);
    for (const sum of [10, 42, 77, 99]) {
      const body = snilsBodyWithSum(random, sum);
      expect(snilsCheck(body)).toBe(String(sum).padStart(2, '0'));
      expect(validateSnils(body + String(sum).padStart(2, '0'))).toBeNull();
    }
  });

  it('gives 00 when the weighted sum is exactly 100 or 101', () => {
    const random = seeded(2);
    for (const sum of [100, 101]) {
      const body = snilsBodyWithSum(random, sum);
      expect(snilsWeightedSum(body)).toBe(sum);
      expect(snilsCheck(body)).toBe('00');
      expect(validateSnils(`${body}00`)).toBeNull();
      expect(validateSnils(`${body}01`)).toBe('patient.snils.checksum');
    }
  });

  it('takes the weighted sum modulo 101 when it is above 101', () => {
    const random = seeded(3);
    for (const [sum, check] of [
      [102, '01'],
      [150, '49'],
      [200, '99'],
      [250, '48'],
      [405, '01'],
    ] as const) {
      const body = snilsBodyWithSum(random, sum);
      expect(snilsWeightedSum(body)).toBe(sum);
      expect(snilsCheck(body)).toBe(check);
    }
  });

  it('turns a modulo-101 result of 100 into 00 (sums 201, 302, 403)', () => {
    const random = seeded(4);
    for (const sum of [201, 302, 403]) {
      const body = snilsBodyWithSum(random, sum);
      expect(snilsWeightedSum(body)).toBe(sum);
      expect(snilsCheck(body)).toBe('00');
      expect(validateSnils(`${body}00`)).toBeNull();
    }
  });

  it('agrees with the rule as DOMAIN.md states it on a few thousand generated bodies', () => {
    const random = seeded(5);
    for (let i = 0; i < 5000; i++) {
      const body = randomCheckedSnilsBody(random);
      expect(snilsCheck(body)).toBe(referenceSnilsCheck(body));
    }
  });

  it('refuses a SNILS whose check digits do not match', () => {
    const random = seeded(6);
    for (let i = 0; i < 200; i++) {
      const body = randomCheckedSnilsBody(random);
      expect(validateSnils(body + wrongCheck(referenceSnilsCheck(body)))).toBe('patient.snils.checksum');
    }
  });

  it('does not check bodies up to 001-001-998, issued before the rule, but checks 001-001-999', () => {
    expect(validateSnils('00100199800')).toBeNull();
    expect(validateSnils('00100199873')).toBeNull();
    expect(validateSnils('00000000199')).toBeNull();
    const firstChecked = '001001999';
    expect(validateSnils(firstChecked + referenceSnilsCheck(firstChecked))).toBeNull();
    expect(validateSnils(firstChecked + wrongCheck(referenceSnilsCheck(firstChecked)))).toBe('patient.snils.checksum');
  });

  it('refuses the all-zero number', () => {
    expect(validateSnils('00000000000')).toBe('patient.snils.zero');
    expect(validateSnils(normalizeSnils('000-000-000 00'))).toBe('patient.snils.zero');
  });

  it('refuses anything but 11 digits as a format error', () => {
    for (const raw of ['', '1122334459', '112233445950', '1122334459a', '112-233-445 95', '１１２２３３４４５９５']) {
      expect(validateSnils(raw)).toBe('patient.snils.format');
    }
  });
});
