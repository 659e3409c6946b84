import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSearch } from '../../../../electron/services/patients/search-query';
import type { PatientDraftInput } from '../../../../shared/domain/patient';
import { draft, validEnp, validSnils } from '../../../support/fixtures';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk;
const people: PatientDraftInput[] = [
  draft({
    surname: 'Иванов',
    name: 'Пётр',
    patronymic: 'Сергеевич',
    sex: 'male',
    birthDate: '1980-04-12',
    snils: validSnils('123456789'),
    phone: '8 916 111-22-33',
  }),
  draft({
    surname: 'Иванова',
    name: 'Мария',
    patronymic: 'Петровна',
    birthDate: '1984-01-30',
    snils: validSnils('223456789'),
    phone: '+7 (916) 111-22-44',
    enp: validEnp('770000000000001'),
  }),
  draft({
    surname: 'Иваненко',
    name: 'Павел',
    patronymic: null,
    sex: 'male',
    birthDate: '1980-09-01',
    snils: null,
    phone: null,
  }),
  draft({
    surname: 'Семёнов',
    name: 'Игорь',
    patronymic: 'Олегович',
    sex: 'male',
    birthDate: '1975-12-05',
    snils: validSnils('323456789'),
    phone: '+7 495 123-45-67',
  }),
  draft({
    surname: 'Петров-Водкин',
    name: 'Кузьма',
    patronymic: 'Сергеевич',
    sex: 'male',
    birthDate: '1978-10-24',
    snils: validSnils('423456789'),
    phone: null,
  }),
];

beforeAll(async () => {
  desk = await openTempDesk();
  for (const person of people) {
    const result = await desk.dispatch('patients.create', person);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
});
afterAll(() => desk.cleanup());

async function surnames(query: string, limit = 20): Promise<string[]> {
  const result = await desk.dispatch('patients.search', { query, limit });
  if (!result.ok) throw new Error(result.error.code);
  return (result.data as { items: { surname: string }[] }).items.map((item) => item.surname);
}

describe('the search box (UX: one box for everything)', () => {
  it('finds by surname prefix, in alphabetical order, case-insensitively', async () => {
    expect(await surnames('ива')).toEqual(['Иваненко', 'Иванов', 'Иванова']);
  });

  it('reads "surname name year" in that order', async () => {
    expect(await surnames('Ива Пет 1980')).toEqual(['Иванов']);
    expect(await surnames('Ива П')).toEqual(['Иваненко', 'Иванов']);
  });

  it('treats ё and е alike', async () => {
    expect(await surnames('Семен')).toEqual(['Семёнов']);
    expect(await surnames('семён')).toEqual(['Семёнов']);
  });

  it('finds a hyphenated double surname by its first part', async () => {
    expect(await surnames('Петров-')).toEqual(['Петров-Водкин']);
  });

  it('finds by full birth date', async () => {
    expect(await surnames('05.12.1975')).toEqual(['Семёнов']);
  });

  it('finds by SNILS typed with or without its separators', async () => {
    const snils = validSnils('223456789');
    expect(await surnames(snils)).toEqual(['Иванова']);
    expect(await surnames(`${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`)).toEqual([
      'Иванова',
    ]);
  });

  it('finds by phone in any usual form', async () => {
    for (const query of ['+79161112233', '8 (916) 111-22-33', '9161112233']) {
      expect(await surnames(query), query).toEqual(['Иванов']);
    }
  });

  it('narrows as digits are typed (SNILS or phone prefix)', async () => {
    expect(await surnames('916 111')).toEqual(['Иванов', 'Иванова']);
    expect(await surnames('32345')).toEqual(['Семёнов']);
  });

  it('finds by ЕНП', async () => {
    expect(await surnames(validEnp('770000000000001'))).toEqual(['Иванова']);
  });

  it('says when there are more results than shown', async () => {
    const result = await desk.dispatch('patients.search', { query: 'Ива', limit: 2 });
    expect(result).toMatchObject({ ok: true, data: { more: true } });
    expect(await surnames('Ива', 2)).toHaveLength(2);
  });

  it('answers an empty or meaningless query with nothing, not with everyone', async () => {
    expect(await surnames('')).toEqual([]);
    expect(await surnames('   ')).toEqual([]);
    expect(await surnames('%_*')).toEqual([]);
    expect(await surnames("' OR 1=1 --")).toEqual([]);
  });

  it('refuses an over-long query', async () => {
    expect(await desk.dispatch('patients.search', { query: 'я'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'input.too_long', field: 'query' },
    });
  });
});

describe('planSearch', () => {
  it('classifies tokens', () => {
    expect(planSearch('Ива Пет 1980')).toEqual({ kind: 'name', parts: ['ива', 'пет'], birthYear: '1980' });
    expect(planSearch('Ива 12.04.1980')).toEqual({ kind: 'name', parts: ['ива'], birthDate: '1980-04-12' });
    expect(planSearch('112')).toEqual({ kind: 'digits', prefix: '112' });
    expect(planSearch('11')).toEqual({ kind: 'empty' });
  });
});
