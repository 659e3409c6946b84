import { describe, expect, it } from 'vitest';
import { formatPhone, isMobile, normalizePhone } from '../../../shared/domain/phone';

describe('phone numbers', () => {
  it.each([
    ['+7 (916) 123-45-67', '+79161234567'],
    ['+79161234567', '+79161234567'],
    ['8 916 123 45 67', '+79161234567'],
    ['8(916)123-45-67', '+79161234567'],
    ['7-916-123-45-67', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['916 123 45 67', '+79161234567'],
    ['(916) 1234567', '+79161234567'],
    ['+7 495 987-65-43', '+74959876543'],
    ['8 (3812) 24-68-10', '+73812246810'],
    ['8 800 100-20-30', '+78001002030'],
    ['\u00a0+7\u00a0916\u00a0123\u00a045\u00a067\t', '+79161234567'],
  ])('normalises %j to E.164 %s', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['a 9-digit number', '916 123 45 6'],
    ['an 11-digit number without 7 or 8 in front', '9 916 123 45 67'],
    ['a 12-digit number without +', '7 916 123 45 678'],
    ['+7 with 9 digits', '+7 916 123 45 6'],
    ['+7 with 11 digits', '+7 916 123 45 678'],
    ['8 with 11 digits after it', '8 916 123 45 678'],
    ['letters', '+7 916 123 45 6x'],
    ['a word for the extension', '+7 916 123-45-67 доб. 12'],
    ['dots as separators', '916.123.45.67'],
    ['a plus in the middle', '7+9161234567'],
    ['an empty string', ''],
    ['a US number', '+1 212 555 0100'],
    ['a UK number', '+44 20 7946 0958'],
    ['+8 instead of +7', '+8 916 123 45 67'],
  ])('refuses %s as a format error', (_label, raw) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, code: 'patient.phone.format' });
  });

  it.each([
    ['0', '+7 012 345-67-89', '012'],
    ['1', '8 123 456-78-90', '123'],
    ['2', '2345678901', '234'],
    ['5', '+7 (555) 123-45-67', '555'],
    ['6', '+7 612 345 67 89', '612'],
    ['7', '+7 712 345 67 89', '712'],
  ])('refuses a national number starting with %s: not assigned in Russian numbering', (_digit, raw, prefix) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, code: 'patient.phone.code', params: { prefix } });
  });

  it('refuses Kazakh numbers (+7 7xx) by decision: the field is a Russian contact number (see phone.ts)', () => {
    expect(normalizePhone('+7 701 234 56 78')).toMatchObject({ ok: false, code: 'patient.phone.code' });
    expect(normalizePhone('8 727 234 56 78')).toMatchObject({ ok: false, code: 'patient.phone.code' });
  });

  it('accepts the codes Russia uses: 3xx and 4xx geographic, 8xx geographic and toll-free, 9xx mobile', () => {
    for (const raw of ['+7 301 234 56 78', '+7 499 234 56 78', '+7 812 234 56 78', '+7 999 234 56 78']) {
      expect(normalizePhone(raw).ok).toBe(true);
    }
  });

  it('tells mobile numbers by the 9 after +7', () => {
    expect(isMobile('+79161234567')).toBe(true);
    expect(isMobile('+74959876543')).toBe(false);
  });

  it('shows an E.164 number as +7 (XXX) XXX-XX-XX, which normalises back to itself', () => {
    expect(formatPhone('+79161234567')).toBe('+7 (916) 123-45-67');
    expect(normalizePhone(formatPhone('+74959876543'))).toEqual({ ok: true, e164: '+74959876543' });
  });
});
