import { describe, expect, it } from 'vitest';
import { enpSpace, generateEnp, generateInn, generateSnils, snilsSpace } from '../../../electron/demo/identifiers';
import { femaleNames, maleNames, patronymicOf, surnameForms, surnames } from '../../../electron/demo/russian-names';
import { syntheticPatients } from '../../../electron/demo/synthetic-patients';
import { validateBirthDate } from '../../../shared/domain/calendar-date';
import { validateEnp } from '../../../shared/domain/identifiers/enp';
import { validateInn } from '../../../shared/domain/identifiers/inn';
import { normalizeSnils, validateSnils } from '../../../shared/domain/identifiers/snils';
import { patientDraftSchema, type PatientDraftInput } from '../../../shared/domain/patient';

const today = '2026-11-25';
const take = (seed: number, count: number) => [...syntheticPatients({ seed, count, today })];

describe('synthetic patients', () => {
  it('gives the same drafts for the same seed, and different ones for another seed', () => {
    expect(take(42, 500)).toEqual(take(42, 500));
    expect(take(43, 50)).not.toEqual(take(42, 50));
  });

  it('gives a longer run the same first drafts as a shorter one', () => {
    expect(take(7, 1000).slice(0, 100)).toEqual(take(7, 100));
  });

  it('keeps SNILS and ЕНП unique over 200,000 drafts, with the expected shares present', () => {
    const snils = new Set<string>();
    const enp = new Set<string>();
    let drafts = 0;
    let withSnils = 0;
    let withEnp = 0;
    for (const draft of syntheticPatients({ seed: 1, count: 200_000, today })) {
      drafts++;
      if (draft.snils) {
        withSnils++;
        snils.add(draft.snils);
      }
      if (draft.enp) {
        withEnp++;
        enp.add(draft.enp);
      }
    }
    expect(drafts).toBe(200_000);
    expect(snils.size).toBe(withSnils);
    expect(enp.size).toBe(withEnp);
    expect(withSnils / drafts).toBeCloseTo(0.95, 2);
    expect(withEnp / drafts).toBeCloseTo(0.9, 2);
  });

  it('passes the enrolment schema, every one of a few thousand', () => {
    const refused: string[] = [];
    for (const draft of syntheticPatients({ seed: 2, count: 5000, today })) {
      const result = patientDraftSchema.safeParse(draft);
      if (!result.success) refused.push(`${JSON.stringify(draft)}: ${result.error.message}`);
    }
    expect(refused).toEqual([]);
  });

  it('writes identifiers and phones as the form does, and they check out', () => {
    for (const draft of take(3, 5000)) {
      if (draft.snils) {
        expect(draft.snils).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
        expect(validateSnils(normalizeSnils(draft.snils))).toBeNull();
        expect(Number(normalizeSnils(draft.snils).slice(0, 9))).toBeGreaterThan(1_001_998);
      }
      if (draft.enp) expect(validateEnp(draft.enp)).toBeNull();
      if (draft.inn) expect(validateInn(draft.inn)).toBeNull();
      if (draft.phone) expect(draft.phone).toMatch(/^\+7 \(9\d\d\) \d{3}-\d{2}-\d{2}$/);
      if (draft.email) expect(draft.email).toMatch(/@example\.(com|org|net)$/);
      expect(validateBirthDate(draft.birthDate, today)).toBeNull();
      expect(draft.foreign).toBe(false);
    }
  });

  it('spreads birth dates from 1925 to today', () => {
    const years = take(4, 20_000).map((draft) => Number(draft.birthDate.slice(0, 4)));
    expect(Math.min(...years)).toBe(1925);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2025);
    expect(years.every((year) => year >= 1925 && year <= 2026)).toBe(true);
    expect(years.filter((year) => year < 1950).length).toBeGreaterThan(1000);
    expect(years.filter((year) => year >= 2010).length).toBeGreaterThan(1000);
  });

  it('agrees surname, name and patronymic with the sex', () => {
    const maleSurnames = new Set(surnames.map((surname) => surnameForms(surname).male));
    const femaleSurnames = new Set(surnames.map((surname) => surnameForms(surname).female));
    const maleFirst = new Set(maleNames);
    const femaleFirst = new Set(femaleNames);
    const sonPatronymics = new Set(maleNames.map((name) => patronymicOf(name).male));
    const daughterPatronymics = new Set(maleNames.map((name) => patronymicOf(name).female));
    const seen = { male: 0, female: 0, double: 0, noPatronymic: 0 };
    const disagreeing: string[] = [];

    for (const draft of take(5, 20_000)) {
      const female = draft.sex === 'female';
      seen[draft.sex]++;
      const parts = draft.surname.split('-');
      if (parts.length > 1) seen.double++;
      const agrees =
        parts.every((part) => (female ? femaleSurnames : maleSurnames).has(part)) &&
        (female ? femaleFirst : maleFirst).has(draft.name) &&
        (draft.patronymic == null ||
          ((female ? daughterPatronymics : sonPatronymics).has(draft.patronymic) &&
            (female ? /на$/ : /ич$/).test(draft.patronymic)));
      if (!agrees) disagreeing.push(`${draft.sex}: ${draft.surname} ${draft.name} ${draft.patronymic ?? ''}`);
      if (draft.patronymic == null) seen.noPatronymic++;
    }
    expect(disagreeing).toEqual([]);
    expect(seen.female).toBeGreaterThan(seen.male);
    expect(seen.male).toBeGreaterThan(8000);
    expect(seen.double).toBeGreaterThan(50);
    expect(seen.noPatronymic).toBeGreaterThan(100);
  });

  it('uses feminine surnames for women, not only ones that never change', () => {
    const women = take(6, 2000).filter((draft) => draft.sex === 'female');
    expect(women.some((draft) => /(ова|ева|ёва|ина|ая)$/.test(draft.surname))).toBe(true);
    expect(women.every((draft) => !/(ов|ев|ин|ский|цкий)$/.test(draft.surname))).toBe(true);
  });

  it('leaves INN out for most and e-mail out for most, phones present for most', () => {
    const drafts = take(8, 20_000);
    const share = (has: (draft: PatientDraftInput) => unknown) => drafts.filter(has).length / drafts.length;
    expect(share((draft) => draft.inn)).toBeLessThan(0.1);
    expect(share((draft) => draft.phone)).toBeCloseTo(0.85, 1);
    expect(share((draft) => draft.email)).toBeCloseTo(0.3, 1);
  });

  it('refuses a bad count or today', () => {
    expect(() => take(1, -1)).toThrow(RangeError);
    expect(() => [...syntheticPatients({ seed: 1, count: 1, today: '2026-02-30' })]).toThrow(RangeError);
    expect(() => [...syntheticPatients({ seed: 1, count: 1, today: '1900-01-01' })]).toThrow(RangeError);
  });
});

describe('numbered identifiers', () => {
  it('gives a different valid SNILS for each n, above 001-001-998', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (let n = 0; n < 100_000; n++) {
      const snils = generateSnils(n);
      if (!/^\d{11}$/.test(snils) || validateSnils(snils) !== null) bad.push(snils);
      seen.add(snils);
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBe(100_000);
    for (const n of [0, 1, 12_345, snilsSpace - 1]) {
      expect(validateSnils(generateSnils(n))).toBeNull();
      expect(Number(generateSnils(n).slice(0, 9))).toBeGreaterThan(1_001_998);
    }
  });

  it('gives a different valid ЕНП for each n', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (let n = 0; n < 100_000; n++) {
      const enp = generateEnp(n);
      if (validateEnp(enp) !== null) bad.push(enp);
      seen.add(enp);
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBe(100_000);
    expect(validateEnp(generateEnp(enpSpace - 1))).toBeNull();
  });

  it('gives valid person INNs', () => {
    const bad: string[] = [];
    for (let n = 0; n < 10_000; n++) if (validateInn(generateInn(n)) !== null) bad.push(generateInn(n));
    expect(bad).toEqual([]);
  });

  it('scatters consecutive numbers rather than counting up', () => {
    const bodies = [0, 1, 2, 3].map((n) => Number(generateSnils(n).slice(0, 9)));
    const steps = bodies.slice(1).map((body, i) => body - (bodies[i] as number));
    expect(new Set(steps).size).toBe(3);
  });
});
