import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../../../../shared/errors/zod-issues';
import { businessCalendar } from '../../../../shared/domain/business-days';
import { passportValidUntil } from '../../../../shared/domain/documents/document-dates';
import { documentSchema, type DocumentInput } from '../../../../shared/domain/documents/document-schema';
import { documentSchemaOn, documentValidUntil } from '../../../../shared/domain/documents/document-validity';
import { documentUpdateDue } from '../../../../shared/domain/documents/update-deadline';
import { localize, type ErrorCode } from '../../../../shared/errors/catalog';
import { validEnp, validSnils } from '../../../support/fixtures';

const today = '2026-11-25';
const passport = (overrides: Record<string, unknown> = {}): DocumentInput =>
  ({
    type: 'passport',
    series: '45 08',
    number: '123 456',
    issuerCode: '770001',
    issuer: 'ОВД района Арбат г. Москвы',
    issueDate: '2010-06-01',
    ...overrides,
  }) as DocumentInput;

/** What the form would show: field → the code of its first error (the dispatcher's mapping). */
function fieldErrors(input: unknown, context?: { today: string; birthDate?: string }): Record<string, ErrorCode> {
  const schema = context ? documentSchemaOn(context) : documentSchema;
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(toFieldIssues(result.error, input).map((issue) => [issue.field, issue.code]));
}
function fieldMessage(input: unknown, field: string, context: { today: string; birthDate?: string }): string {
  const result = documentSchemaOn(context).safeParse(input);
  const issue = result.success ? undefined : toFieldIssues(result.error, input).find((item) => item.field === field);
  return issue ? localize(issue.code, issue.params).ru : '';
}

describe('passport of the Russian Federation (B3)', () => {
  it('stores series, number and the issuing office code in one form, however they were typed', () => {
    expect(documentSchema.parse(passport())).toMatchObject({
      series: '4508',
      number: '123456',
      issuerCode: '770-001',
      condition: 'intact',
    });
    expect(documentSchema.parse(passport({ issuerCode: '770-001' }))).toMatchObject({ issuerCode: '770-001' });
  });

  it('names each wrong field with its rule', () => {
    expect(fieldErrors(passport({ series: '450', number: '12345A', issuerCode: '770-01', issuer: ' ' }))).toEqual({
      series: 'document.passport.series',
      number: 'document.passport.number',
      issuerCode: 'document.passport.issuer_code',
      issuer: 'input.required',
    });
    expect(fieldErrors(passport({ issueDate: '01.06.2010' }))).toEqual({ issueDate: 'document.date.format' });
    expect(fieldErrors(passport({ issueDate: '2010-02-30' }))).toEqual({ issueDate: 'document.date.invalid' });
    expect(fieldErrors(passport({ colour: 'red' }))).toEqual({ colour: 'input.unknown_field' });
  });

  it('is issued from 14: not before the 14th birthday, and a 29 February child turns 14 on 28 February', () => {
    const context = { today, birthDate: '1996-05-10' };
    expect(fieldErrors(passport({ issueDate: '2010-05-09' }), context)).toEqual({
      issueDate: 'document.passport.issued_too_young',
    });
    expect(fieldMessage(passport({ issueDate: '2010-05-09' }), 'issueDate', context)).toBe(
      'Паспорт выдают с 14 лет: дата выдачи не раньше 10.05.2010',
    );
    expect(fieldErrors(passport({ issueDate: '2016-05-10' }), context)).toEqual({});
    const leap = { today, birthDate: '2008-02-29' };
    expect(fieldErrors(passport({ issueDate: '2022-02-28' }), leap)).toEqual({});
    expect(fieldErrors(passport({ issueDate: '2022-02-27' }), leap)).toEqual({
      issueDate: 'document.passport.issued_too_young',
    });
  });

  it('is not issued in the future or before birth', () => {
    expect(fieldErrors(passport({ issueDate: '2026-11-26' }), { today })).toEqual({
      issueDate: 'document.issue_date.future',
    });
    expect(fieldErrors(passport({ issueDate: '1989-01-01' }), { today, birthDate: '1990-01-01' })).toEqual({
      issueDate: 'document.issue_date.before_birth',
    });
  });

  it('expires 90 days after the 20th or 45th birthday when issued before it, and is then refused with that date', () => {
    expect(passportValidUntil('1996-05-10', '2010-05-10')).toBe('2016-08-08');
    expect(passportValidUntil('1996-05-10', '2016-05-10')).toBe('2041-08-08');
    expect(passportValidUntil('1970-01-01', '2015-01-01')).toBeNull();
    const expired = { today, birthDate: '1996-05-10' };
    expect(fieldErrors(passport({ issueDate: '2010-05-10' }), expired)).toEqual({ issueDate: 'document.expired' });
    expect(fieldMessage(passport({ issueDate: '2010-05-10' }), 'issueDate', expired)).toBe(
      'Срок действия документа истёк 08.08.2016: документ не принимается',
    );
    // 45 on 1 September 2026: the old passport still serves until 30 November 2026.
    expect(fieldErrors(passport({ issueDate: '2001-09-10' }), { today, birthDate: '1981-09-01' })).toEqual({});
    expect(
      fieldErrors(passport({ issueDate: '2001-09-10' }), { today: '2026-12-01', birthDate: '1981-09-01' }),
    ).toEqual({ issueDate: 'document.expired' });
  });

  it('a damaged document is refused whatever else it says', () => {
    expect(fieldErrors(passport({ condition: 'damaged' }))).toEqual({ condition: 'document.damaged' });
    expect(localize('document.damaged').en).toBe('A damaged document cannot be accepted: ask for another document');
  });
});

describe('driving licence, SNILS, OMS policy, other photo ID (B3, B7)', () => {
  const licence = (overrides: Record<string, unknown> = {}) => ({
    type: 'driving_licence',
    number: '99 01 123456',
    issueDate: '2018-03-01',
    expiryDate: '2028-03-01',
    ...overrides,
  });

  it('a driving licence is NN NN NNNNNN and refused the day after it expires', () => {
    expect(documentSchema.parse(licence())).toMatchObject({ number: '9901123456' });
    expect(fieldErrors(licence({ number: '99 AB 123456' }))).toEqual({ number: 'document.driving_licence.number' });
    expect(fieldErrors(licence({ expiryDate: today }), { today })).toEqual({});
    expect(fieldErrors(licence({ expiryDate: '2026-11-24' }), { today })).toEqual({ expiryDate: 'document.expired' });
    expect(fieldMessage(licence({ expiryDate: '2026-11-24' }), 'expiryDate', { today })).toContain('24.11.2026');
    expect(fieldErrors(licence({ expiryDate: '2017-03-01' }), { today })).toEqual({
      expiryDate: 'document.expiry.before_issue',
    });
    expect(fieldErrors(licence({ expiryDate: undefined }))).toEqual({ expiryDate: 'input.required' });
  });

  it('SNILS as a document uses the SNILS check digits', () => {
    expect(
      documentSchema.parse({
        type: 'snils',
        number: `${validSnils().slice(0, 3)}-${validSnils().slice(3, 6)}-${validSnils().slice(6, 9)} ${validSnils().slice(9)}`,
      }),
    ).toMatchObject({
      number: validSnils(),
      issueDate: null,
    });
    expect(fieldErrors({ type: 'snils', number: '11223344500' })).toEqual({ number: 'patient.snils.checksum' });
  });

  it('an OMS policy: the ЕНП with its check digit, a temporary certificate with its end, an old form with series and number', () => {
    const unified = {
      type: 'oms_policy',
      form: 'unified',
      number: validEnp(),
      insurerCode: '45001',
      issueDate: '2020-01-15',
    };
    expect(documentSchema.parse(unified)).toMatchObject({ number: validEnp(), insurerCode: '45001', expiryDate: null });
    expect(
      fieldErrors({ ...unified, number: `${validEnp().slice(0, 15)}${(Number(validEnp()[15]) + 1) % 10}` }),
    ).toEqual({ number: 'patient.enp.checksum' });
    expect(fieldErrors({ ...unified, insurerCode: '4500' })).toEqual({ insurerCode: 'document.oms.insurer' });
    const temporary = { ...unified, form: 'temporary', number: '123 456 789', expiryDate: '2026-12-31' };
    expect(documentSchema.parse(temporary)).toMatchObject({ number: '123456789' });
    expect(fieldErrors({ ...temporary, expiryDate: undefined })).toEqual({ expiryDate: 'input.required' });
    expect(fieldErrors({ ...temporary, expiryDate: '2026-11-01' }, { today })).toEqual({
      expiryDate: 'document.expired',
    });
    const old = { ...unified, form: 'old', series: 'ea-77', number: '1234567890' };
    expect(documentSchema.parse(old)).toMatchObject({ series: 'EA77', number: '1234567890' });
    expect(fieldErrors({ ...old, series: 'СЕРИЯ-1234567' })).toEqual({ series: 'document.oms.old_series' });
    expect(fieldErrors({ ...unified, form: 'digital' })).toHaveProperty('form');
  });

  it('another photo ID is accepted only with the holder’s photo and signature', () => {
    const other = {
      type: 'other_photo_id',
      title: 'Военный билет',
      number: 'АК 1234567',
      issuer: 'Военный комиссариат г. Москвы',
      issueDate: '2015-06-01',
      hasPhoto: true,
      hasSignature: true,
    };
    expect(documentSchema.parse(other)).toMatchObject({ series: null, expiryDate: null, condition: 'intact' });
    expect(fieldErrors({ ...other, hasPhoto: false, hasSignature: false, number: '№ 1' })).toEqual({
      hasPhoto: 'document.other.photo',
      hasSignature: 'document.other.signature',
      number: 'document.other.number',
    });
    expect(documentValidUntil(documentSchema.parse({ ...other, expiryDate: '2030-01-01' }))).toBe('2030-01-01');
  });

  it('an unknown document type is an error on the type field', () => {
    expect(Object.keys(fieldErrors({ type: 'library_card', number: '1' }))).toEqual(['type']);
  });
});

describe('a changed document is updated within 5 business days (B3)', () => {
  it('changed on Friday 25.12.2026 → due 12.01.2027 across the holidays; without 2027 the calendar says so', () => {
    const year2026 = { year: 2026, daysOff: ['2026-12-31'], shortenedDays: [], workingWeekendDays: [] };
    const year2027 = {
      year: 2027,
      daysOff: ['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => `2027-01-${day}`),
      shortenedDays: [],
      workingWeekendDays: [],
    };
    expect(documentUpdateDue(businessCalendar([year2026, year2027]), '2026-12-25')).toBe('2027-01-12');
    expect(() => documentUpdateDue(businessCalendar([year2026]), '2026-12-25')).toThrow(/calendar for 2027/);
  });
});
