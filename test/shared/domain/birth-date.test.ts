import { describe, expect, it } from 'vitest';
import {
  formatRussianDate,
  isCalendarDate,
  parseRussianDate,
  validateBirthDate,
} from '../../../shared/domain/calendar-date';

const today = '2026-11-25';

describe('birth dates (B1)', () => {
  it('accepts a real ISO date between 1900 and today', () => {
    expect(validateBirthDate('1987-06-15', today)).toBeNull();
    expect(validateBirthDate('1900-01-01', today)).toBeNull();
    expect(validateBirthDate(today, today)).toBeNull();
  });

  it.each([
    '15.06.1987',
    '1987-6-15',
    '1987-06-15T00:00:00Z',
    '87-06-15',
    ' 1987-06-15',
    '',
    '1987/06/15',
    '１９８７-06-15',
  ])('refuses %j as not an ISO date', (iso) => {
    expect(validateBirthDate(iso, today)).toBe('patient.birth_date.format');
  });

  it('accepts 29 February in leap years, including 2000 (divisible by 400)', () => {
    for (const iso of ['2000-02-29', '2024-02-29', '1904-02-29', '1996-02-29']) {
      expect(validateBirthDate(iso, today)).toBeNull();
    }
  });

  it('refuses 29 February in common years, including 1900 (divisible by 100, not 400)', () => {
    for (const iso of ['2023-02-29', '1900-02-29', '2025-02-29', '1999-02-29']) {
      expect(validateBirthDate(iso, today)).toBe('patient.birth_date.invalid');
    }
  });

  it('refuses days and months that are not in the calendar', () => {
    for (const iso of ['1987-13-01', '1987-00-10', '1987-04-31', '1987-06-00', '1987-01-32']) {
      expect(validateBirthDate(iso, today)).toBe('patient.birth_date.invalid');
    }
  });

  it('refuses a date before 1900 as too old, however far back', () => {
    expect(validateBirthDate('1899-12-31', today)).toBe('patient.birth_date.too_old');
    expect(validateBirthDate('1800-01-01', today)).toBe('patient.birth_date.too_old');
    // Years 0–99 are real dates too (Date.UTC once read them as 19xx).
    expect(validateBirthDate('0099-01-01', today)).toBe('patient.birth_date.too_old');
    expect(validateBirthDate('0000-01-01', today)).toBe('patient.birth_date.too_old');
  });

  it('refuses a date after the given today, and accepts it when today has come', () => {
    expect(validateBirthDate('2026-11-26', today)).toBe('patient.birth_date.future');
    expect(validateBirthDate('2027-01-01', today)).toBe('patient.birth_date.future');
    expect(validateBirthDate('2026-11-26', '2026-11-26')).toBeNull();
  });

  it('checks the calendar before the range, so a nonexistent future date is reported as nonexistent', () => {
    expect(validateBirthDate('2027-02-29', today)).toBe('patient.birth_date.invalid');
  });

  it('tells calendar dates for any four-digit year', () => {
    expect(isCalendarDate('0004-02-29')).toBe(true);
    expect(isCalendarDate('0100-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('converts between ДД.ММ.ГГГГ and ISO', () => {
    expect(parseRussianDate(' 25.11.2026 ')).toBe('2026-11-25');
    expect(parseRussianDate('25.11.26')).toBeNull();
    expect(formatRussianDate('2026-11-25')).toBe('25.11.2026');
  });
});
