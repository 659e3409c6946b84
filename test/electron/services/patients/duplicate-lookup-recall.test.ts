import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCandidates, identityOf, livePatient } from '../../../../electron/services/patients/duplicate-candidates';
import { findDuplicates } from '../../../../shared/domain/duplicates';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

const day = '1984-02-29';
// One birth date, many people: the lookup screens them from the index before reading rows.
const people = [
  ['Семёнова', 'Алёна', 'Петровна'],
  ['Семенова', 'Алена', null],
  ['Петрова-Водкина', 'Анна', 'Ивановна'],
  ['Петрова', 'Анна', 'Ивановна'],
  ['Петров', 'Иван', 'Сергеевич'],
  ['Носов', 'Иван', null],
  ['Носков', 'Иван', 'Ильич'],
  ['Ким', 'Юлия', null],
  ['Цой', 'Юлия', 'Викторовна'],
  ['Д’Артаньян', 'Шарль', null],
] as const;
const foreigners = [
  ['Müller', 'Jürgen'],
  ['Öztürk', 'Ayşe'],
  ['Ivanova', 'Iuliia'],
] as const;

let desk: TempDesk;
beforeAll(async () => {
  desk = await openTempDesk();
  for (const [surname, name, patronymic] of people)
    await enrolPatient(desk, { surname, name, patronymic, birthDate: day, snils: null });
  for (const [surname, name] of foreigners)
    await enrolPatient(desk, { surname, name, patronymic: null, foreign: true, birthDate: day, snils: null });
  const merged = await enrolPatient(desk, {
    surname: 'Петрова',
    name: 'Анна',
    patronymic: null,
    birthDate: day,
    snils: null,
  });
  const survivor = await enrolPatient(desk, {
    surname: 'Петрова',
    name: 'Анна',
    patronymic: 'Игоревна',
    birthDate: day,
    snils: null,
  });
  expect(
    await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'дубль' }),
  ).toMatchObject({ ok: true });
});
afterAll(() => desk.cleanup());

const drafts = [
  { surname: 'Семенова', name: 'Алена' },
  { surname: 'СЕМЁНОВА', name: 'алёна', patronymic: 'П.' },
  { surname: 'Semenova', name: 'Alena' },
  { surname: 'Петрлва', name: 'Anna', patronymic: 'И.' },
  { surname: 'Петрова Водкина', name: 'Анна' },
  { surname: 'Носов', name: 'Иван' },
  { surname: 'Tsoi', name: 'Iuliia' },
  { surname: 'Tcoi', name: 'Yuliya' },
  { surname: 'Кйм', name: 'Юлия' },
  { surname: 'Mueller', name: 'Jurgen' },
  { surname: 'Muller', name: 'Jurgen' },
  { surname: 'Ozturk', name: 'Ayse' },
  { surname: 'Иванова', name: 'Юлия' },
  { surname: 'ДАртаньян', name: 'Шарль' },
  { surname: 'Сидорова', name: 'Анна' },
];

describe('duplicate lookup: screening by the index loses no candidate (B2 recall)', () => {
  it('finds exactly what scoring everyone born that day finds, for every draft', () => {
    desk.store.transaction((tx) => {
      const everyone = tx
        .all<{ id: string; surname: string; name: string; patronymic: string | null; birth_date: string }>(
          `SELECT id, surname, name, patronymic, birth_date FROM patients WHERE birth_date = ? AND ${livePatient}`,
          [day],
        )
        .map((row) => ({ ...row, birthDate: row.birth_date }));
      let found = 0;
      for (const typed of drafts) {
        const identity = identityOf({ ...typed, birthDate: '29.02.1984' });
        const expected = findDuplicates(identity, everyone);
        found += expected.length;
        expect(
          findCandidates(tx, identity).map(({ match }) => match),
          JSON.stringify(typed),
        ).toEqual(expected);
      }
      expect(found).toBeGreaterThan(drafts.length);
    });
  });

  it('reads the birth date’s names from the index alone, not the rows', () => {
    const plan = desk.store.transaction((tx) =>
      tx.all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT rowid, surname_fold, name_fold FROM patients WHERE birth_date = ? AND ${livePatient}`,
        [day],
      ),
    );
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING COVERING INDEX patients_birth_names');
  });
});
