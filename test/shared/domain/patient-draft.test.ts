import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { patientDraftSchema, type PatientDraftInput } from '../../../shared/domain/patient';
import {
  randomCheckedSnilsBody,
  randomDigits,
  referenceLuhnCheck,
  referencePersonInn,
  referenceSnilsCheck,
  seeded,
} from './identifiers/reference-identifiers';

const random = seeded(30);
const snilsBody = randomCheckedSnilsBody(random);
const snils = snilsBody + referenceSnilsCheck(snilsBody);
const enpBody = randomDigits(random, 15);
const enp = enpBody + referenceLuhnCheck(enpBody);
const inn = referencePersonInn(randomDigits(random, 10));

const valid: PatientDraftInput = {
  surname: 'Семёнова',
  name: 'Анна',
  patronymic: 'Ильинична',
  birthDate: '1987-06-15',
  sex: 'female',
  snils: '112-233-445 95',
  enp,
  inn,
  phone: '8 (916) 123-45-67',
  email: 'Anna.Semenova@Example.COM',
};

function issuesOf(input: unknown): z.core.$ZodIssue[] {
  const result = patientDraftSchema.safeParse(input);
  expect(result.success, 'the draft should have been refused').toBe(false);
  return result.success ? [] : result.error.issues;
}

/** Our own code travels in `params.code` of a custom issue. */
function codesAt(issues: z.core.$ZodIssue[], field: string): unknown[] {
  return issues
    .filter((issue) => issue.path.join('.') === field)
    .map((issue) => (issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : issue.code));
}

describe('patient draft schema (B1)', () => {
  it('normalises a full valid draft: SNILS to digits, phone to E.164, e-mail to lower case', () => {
    expect(patientDraftSchema.parse(valid)).toEqual({
      surname: 'Семёнова',
      name: 'Анна',
      patronymic: 'Ильинична',
      birthDate: '1987-06-15',
      sex: 'female',
      foreign: false,
      snils: '11223344595',
      enp,
      inn,
      phone: '+79161234567',
      email: 'anna.semenova@example.com',
      address: null,
    });
  });

  it('accepts every identifier in its shown form, with spaces and dashes', () => {
    const draft = patientDraftSchema.parse({
      ...valid,
      snils: `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`,
      enp: enp.replace(/(\d{4})(?=\d)/g, '$1 '),
      inn: ` ${inn.slice(0, 4)} ${inn.slice(4)} `,
    });
    expect(draft).toMatchObject({ snils, enp, inn });
  });

  it('turns empty or blank optional fields into null', () => {
    const draft = patientDraftSchema.parse({
      ...valid,
      patronymic: '',
      snils: '  ',
      enp: '',
      inn: '',
      phone: '',
      email: '',
    });
    expect(draft).toMatchObject({ patronymic: null, snils: null, enp: null, inn: null, phone: null, email: null });
  });

  it('takes absent or null optional fields as not given', () => {
    const { surname, name, birthDate, sex } = valid;
    expect(patientDraftSchema.parse({ surname, name, birthDate, sex })).toMatchObject({
      patronymic: null,
      snils: null,
      phone: null,
    });
    expect(patientDraftSchema.parse({ ...valid, snils: null, phone: null })).toMatchObject({
      snils: null,
      phone: null,
    });
  });

  it('trims and folds names', () => {
    expect(
      patientDraftSchema.parse({ ...valid, surname: '  Римская\u2011Корсакова ', name: 'Анна   Мария' }),
    ).toMatchObject({
      surname: 'Римская-Корсакова',
      name: 'Анна Мария',
    });
  });

  const badFields: Array<[string, Partial<Record<keyof PatientDraftInput, unknown>>, string, ErrorCode]> = [
    ['a SNILS with wrong check digits', { snils: '112-233-445 96' }, 'snils', 'patient.snils.checksum'],
    ['a SNILS of 10 digits', { snils: '112-233-445 9' }, 'snils', 'patient.snils.format'],
    ['an all-zero SNILS', { snils: '000-000-000 00' }, 'snils', 'patient.snils.zero'],
    ['an ЕНП with a wrong check digit', { enp: enpBody + ((Number(enp[15]) + 1) % 10) }, 'enp', 'patient.enp.checksum'],
    ['an ЕНП of 15 digits', { enp: enpBody }, 'enp', 'patient.enp.format'],
    [
      'an INN with a wrong 12th digit',
      { inn: inn.slice(0, 11) + ((Number(inn[11]) + 1) % 10) },
      'inn',
      'patient.inn.checksum',
    ],
    ["an organisation's 10-digit INN", { inn: '7707083893' }, 'inn', 'patient.inn.format'],
    ['a phone of the wrong length', { phone: '+7 916 123 45 6' }, 'phone', 'patient.phone.format'],
    ['a US phone', { phone: '+1 212 555 0100' }, 'phone', 'patient.phone.format'],
    ['a phone with an unassigned code', { phone: '+7 (555) 123-45-67' }, 'phone', 'patient.phone.code'],
    ['an e-mail without @', { email: 'anna.example.com' }, 'email', 'patient.email.format'],
    ['a birth date as ДД.ММ.ГГГГ', { birthDate: '15.06.1987' }, 'birthDate', 'patient.birth_date.format'],
    ['29 February 2023', { birthDate: '2023-02-29' }, 'birthDate', 'patient.birth_date.invalid'],
    ['a birth date before 1900', { birthDate: '1899-12-31' }, 'birthDate', 'patient.birth_date.too_old'],
    ['a Latin surname for a Russian citizen', { surname: 'Semenova' }, 'surname', 'patient.name.alphabet'],
    ['a name ending in a hyphen', { name: 'Анна-' }, 'name', 'patient.name.shape'],
    ['a patronymic with a digit', { patronymic: 'Ильинична2' }, 'patronymic', 'patient.name.alphabet'],
    ['a control character in the surname', { surname: 'Семё\u0000нова' }, 'surname', 'input.control_chars'],
    ['a newline inside the name', { name: 'Анна\nМария' }, 'name', 'input.control_chars'],
    ['a control character in an optional field', { email: 'anna@exa\u0007mple.com' }, 'email', 'input.control_chars'],
  ];

  it.each(badFields)('refuses %s with its own code on that field, and only that', (_label, change, field, code) => {
    const issues = issuesOf({ ...valid, ...change });
    expect(codesAt(issues, field)).toEqual([code]);
    expect(issues).toHaveLength(1);
  });

  it('names the unassigned code in the issue, without it shadowing the error code', () => {
    const [issue] = issuesOf({ ...valid, phone: '+7 (555) 123-45-67' });
    expect(issue).toMatchObject({
      code: 'custom',
      path: ['phone'],
      params: { code: 'patient.phone.code', prefix: '555' },
    });
  });

  it('reports every bad field at once', () => {
    const issues = issuesOf({ ...valid, snils: '112-233-445 96', phone: '123', birthDate: '2023-02-29' });
    expect(codesAt(issues, 'snils')).toContain('patient.snils.checksum');
    expect(codesAt(issues, 'phone')).toContain('patient.phone.format');
    expect(codesAt(issues, 'birthDate')).toContain('patient.birth_date.invalid');
  });

  it('accepts Latin names when the patient is a foreign citizen', () => {
    expect(
      patientDraftSchema.parse({ ...valid, foreign: true, surname: 'Kowalska', name: 'Łucja', patronymic: '' }),
    ).toMatchObject({
      surname: 'Kowalska',
      name: 'Łucja',
      patronymic: null,
    });
  });

  it('refuses unknown keys', () => {
    const issues = issuesOf({ ...valid, diagnosis: 'J06.9' });
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['diagnosis'] })]);
  });

  it('refuses a 10,000-character surname by its length, before any other rule', () => {
    const issues = issuesOf({ ...valid, surname: 'Я'.repeat(10_000) });
    expect(issues).toEqual([expect.objectContaining({ code: 'too_big', maximum: 100, path: ['surname'] })]);
  });

  it('refuses over-long optional fields by length too', () => {
    const issues = issuesOf({ ...valid, email: `${'a'.repeat(5000)}@example.com` });
    expect(issues.some((issue) => issue.code === 'too_big' && issue.path.join('.') === 'email')).toBe(true);
  });

  it('requires surname, name, birth date and sex', () => {
    const issues = issuesOf({});
    expect(new Set(issues.map((issue) => issue.path.join('.')))).toEqual(
      new Set(['surname', 'name', 'birthDate', 'sex']),
    );
  });

  it('refuses a blank surname and a sex outside male/female', () => {
    expect(codesAt(issuesOf({ ...valid, surname: '   ' }), 'surname')).toEqual(['too_small']);
    expect(codesAt(issuesOf({ ...valid, sex: 'unknown' }), 'sex')).toEqual(['invalid_value']);
  });
});
