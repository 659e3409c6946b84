import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../shared/domain/email';
import { patientDraftSchema } from '../../../shared/domain/patient';
import { draft } from '../../support/fixtures';
import { seeded } from './identifiers/reference-identifiers';

const code = (value: string) => {
  const result = normalizeEmail(value);
  return result.ok ? result.email : result.code;
};

describe('e-mail addresses (B1)', () => {
  it.each([
    ['Anna.Semenova@Example.COM', 'anna.semenova@example.com'],
    ['ivan+clinic@mail.ru', 'ivan+clinic@mail.ru'],
    ["o'neil_j@gmail.com", "o'neil_j@gmail.com"],
    ['info@почта.рф', 'info@почта.рф'],
    ['info@ПОЧТА.РФ', 'info@почта.рф'],
    ['info@xn--80a1acny.xn--p1ai', 'info@xn--80a1acny.xn--p1ai'],
    ['user@sub.domain.co.uk', 'user@sub.domain.co.uk'],
    ['user@mail.ru.', 'user@mail.ru'],
  ])('accepts %s', (typed, stored) => {
    expect(code(typed)).toBe(stored);
  });

  it.each([
    ['anna.example.com', 'patient.email.format'],
    ['anna@', 'patient.email.format'],
    ['@mail.ru', 'patient.email.format'],
    ['anna..s@mail.ru', 'patient.email.local_part'],
    ['.anna@mail.ru', 'patient.email.local_part'],
    ['anna.@mail.ru', 'patient.email.local_part'],
    ['"anna s"@mail.ru', 'patient.email.local_part'],
    ['анна@mail.ru', 'patient.email.local_part'],
    ['a@b@mail.ru', 'patient.email.local_part'],
    ['anna@localhost', 'patient.email.domain'],
    ['anna@192.168.0.1', 'patient.email.domain'],
    ['anna@[192.168.0.1]', 'patient.email.domain'],
    ['anna@-mail.ru', 'patient.email.domain'],
    ['anna@mail_ru.com', 'patient.email.domain'],
    ['anna@mail..ru', 'patient.email.domain'],
    ['anna@mail.r', 'patient.email.domain'],
    ['anna@mail.ru:25', 'patient.email.domain'],
    ['anna@ma il.ru', 'patient.email.domain'],
  ])('refuses %s with %s', (typed, expected) => {
    expect(code(typed)).toBe(expected);
  });

  it('keeps to RFC 5321 limits: 64 before @, 63 per label, 254 in all (in the ASCII form)', () => {
    expect(code(`${'a'.repeat(64)}@mail.ru`)).toBe(`${'a'.repeat(64)}@mail.ru`);
    expect(code(`${'a'.repeat(65)}@mail.ru`)).toBe('patient.email.local_part');
    expect(code(`a@${'b'.repeat(63)}.ru`)).not.toMatch(/^patient/);
    expect(code(`a@${'b'.repeat(64)}.ru`)).toBe('patient.email.domain');
    const domain = (length: number) =>
      `${['c'.repeat(63), 'd'.repeat(63), 'e'.repeat(63)].join('.')}.${'f'.repeat(length)}.ru`;
    const local = 'a'.repeat(254 - 1 - domain(55).length);
    expect(code(`${local}@${domain(55)}`)).not.toMatch(/^patient/);
    expect(code(`${local}a@${domain(55)}`)).toBe('patient.email.too_long');
  });

  it('every generated address of letters, digits and the allowed signs passes; one bad character refuses it', () => {
    const random = seeded(61);
    const pick = (alphabet: string, length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const atom = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-";
    const latin = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const cyrillic = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
    for (let i = 0; i < 500; i++) {
      const local = `${pick(atom, 1 + Math.floor(random() * 10))}.${pick(atom, 1 + Math.floor(random() * 5))}`;
      const domain =
        i % 2
          ? `${pick(latin, 1 + Math.floor(random() * 12))}.ru`
          : `${pick(cyrillic, 2 + Math.floor(random() * 10))}.рф`;
      expect(code(`${local}@${domain}`), `${local}@${domain}`).toBe(`${local}@${domain}`);
      const bad = ' (),:;<>[]\\"'[Math.floor(random() * 12)];
      const at = 1 + Math.floor(random() * (local.length - 1));
      expect(code(`${local.slice(0, at)}${bad}${local.slice(at)}@${domain}`)).toMatch(/^patient\.email\./);
    }
  });

  it('the patient form takes an IDN address and names the rule that failed', () => {
    expect(patientDraftSchema.parse(draft({ email: 'Info@Почта.рф' })).email).toBe('info@почта.рф');
    const result = patientDraftSchema.safeParse(draft({ email: 'info@почта' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['email', 'patient.email.domain'],
    ]);
  });
});
