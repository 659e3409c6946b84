import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../../shared/domain/calendar-date';
import { passportValidUntil } from '../../../../shared/domain/documents/document-dates';
import { documentSchema } from '../../../../shared/domain/documents/document-schema';
import { documentDateIssues } from '../../../../shared/domain/documents/document-validity';
import { randomDigits, seeded } from '../identifiers/reference-identifiers';

// Property-style, like identifier-properties: a seeded loop, references written apart from the code.
const samples = 2000;
const dayMs = 86_400_000;
const isoFrom = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const randomDay = (random: () => number, from: string, to: string) => {
  const start = Date.parse(`${from}T00:00:00Z`);
  return isoFrom(start + Math.floor(random() * ((Date.parse(`${to}T00:00:00Z`) - start) / dayMs + 1)) * dayMs);
};
/** Spaces and dashes as people type them between digits. */
const scatter = (random: () => number, digits: string) =>
  [...digits].map((digit) => digit + (random() < 0.2 ? (random() < 0.5 ? ' ' : '-') : '')).join('');

describe('identity documents, property-style', () => {
  it('a passport typed with any spacing reads back to its digits; one digit short fails on that field only', () => {
    const random = seeded(71);
    for (let i = 0; i < samples; i++) {
      const [series, number, office] = [randomDigits(random, 4), randomDigits(random, 6), randomDigits(random, 6)];
      const input = {
        type: 'passport',
        series: scatter(random, series),
        number: scatter(random, number),
        issuerCode: scatter(random, office),
        issuer: 'УФМС',
        issueDate: '2015-01-01',
      };
      expect(documentSchema.parse(input)).toMatchObject({
        series,
        number,
        issuerCode: `${office.slice(0, 3)}-${office.slice(3)}`,
      });
      const field = (['series', 'number', 'issuerCode'] as const)[i % 3]!;
      const short = { ...input, [field]: { series, number, issuerCode: office }[field].slice(1) };
      const result = documentSchema.safeParse(short);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
    }
  });

  it('"issued from 14" agrees with the age reckoned independently (ageOn), for every birth date but 29 February', () => {
    const random = seeded(72);
    let young = 0;
    for (let i = 0; i < samples; i++) {
      const birthDate = randomDay(random, '1940-01-01', '2012-12-31');
      if (birthDate.endsWith('02-29')) continue;
      const issueDate = randomDay(
        random,
        isoFrom(Date.parse(birthDate) + 13 * 365 * dayMs),
        isoFrom(Date.parse(birthDate) + 15 * 366 * dayMs),
      );
      const passport = documentSchema.parse({
        type: 'passport',
        series: '4508',
        number: '123456',
        issuerCode: '770-001',
        issuer: 'УФМС',
        issueDate,
      });
      const refused = documentDateIssues(passport, { today: '2099-12-31', birthDate }).some(
        (issue) => issue.code === 'document.passport.issued_too_young',
      );
      expect(refused, `${birthDate} → ${issueDate}`).toBe(ageOn(birthDate, issueDate) < 14);
      if (refused) young++;
    }
    expect(young).toBeGreaterThan(samples / 10);
  });

  it('a passport serves until 90 days after the first of the 20th and 45th birthdays that comes after its issue', () => {
    const random = seeded(73);
    for (let i = 0; i < samples; i++) {
      const birthDate = randomDay(random, '1940-01-01', '2010-12-31');
      if (birthDate.endsWith('02-29')) continue;
      const issueDate = randomDay(random, isoFrom(Date.parse(birthDate) + 14 * 366 * dayMs), '2026-11-25');
      const age = ageOn(birthDate, issueDate);
      const limit = age < 20 ? 20 : age < 45 ? 45 : null;
      const expected =
        limit === null
          ? null
          : isoFrom(Date.parse(`${Number(birthDate.slice(0, 4)) + limit}${birthDate.slice(4)}T00:00:00Z`) + 90 * dayMs);
      expect(passportValidUntil(birthDate, issueDate), `${birthDate} / ${issueDate}`).toBe(expected);
    }
  });

  it('any document with an end date is refused exactly when that date is before today, and says which date', () => {
    const random = seeded(74);
    const today = '2026-11-25';
    for (let i = 0; i < samples; i++) {
      const expiryDate = randomDay(random, '2025-11-25', '2027-11-25');
      const licence = documentSchema.parse({
        type: 'driving_licence',
        number: randomDigits(random, 10),
        issueDate: '2016-01-01',
        expiryDate,
      });
      const issues = documentDateIssues(licence, { today });
      if (expiryDate < today) {
        expect(issues).toEqual([
          {
            code: 'document.expired',
            field: 'expiryDate',
            params: { expiry: `${expiryDate.slice(8)}.${expiryDate.slice(5, 7)}.${expiryDate.slice(0, 4)}` },
          },
        ]);
      } else {
        expect(issues).toEqual([]);
      }
    }
  });
});
