import { describe, expect, it } from 'vitest';
import { femaleNames, maleNames, patronymicOf, surnameForms, surnames } from '../../../electron/demo/russian-names';
import { transliterate } from '../../../shared/domain/transliteration';
import { validatePersonName } from '../../../shared/domain/person-name';

describe('Russian names for demo patients', () => {
  it.each([
    ['Иван', 'Иванович', 'Ивановна'],
    ['Никита', 'Никитич', 'Никитична'],
    ['Савва', 'Саввич', 'Саввична'],
    ['Илья', 'Ильич', 'Ильинична'],
    ['Фома', 'Фомич', 'Фоминична'],
    ['Кузьма', 'Кузьмич', 'Кузьминична'],
    ['Лука', 'Лукич', 'Лукинична'],
    ['Лев', 'Львович', 'Львовна'],
    ['Пётр', 'Петрович', 'Петровна'],
    ['Павел', 'Павлович', 'Павловна'],
    ['Михаил', 'Михайлович', 'Михайловна'],
    ['Яков', 'Яковлевич', 'Яковлевна'],
    ['Данила', 'Данилович', 'Даниловна'],
    ['Сергей', 'Сергеевич', 'Сергеевна'],
    ['Андрей', 'Андреевич', 'Андреевна'],
    ['Николай', 'Николаевич', 'Николаевна'],
    ['Игорь', 'Игоревич', 'Игоревна'],
    ['Юрий', 'Юрьевич', 'Юрьевна'],
    ['Василий', 'Васильевич', 'Васильевна'],
    ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
    ['Георгий', 'Георгиевич', 'Георгиевна'],
    ['Иннокентий', 'Иннокентьевич', 'Иннокентьевна'],
    ['Фёдор', 'Фёдорович', 'Фёдоровна'],
    ['Семён', 'Семёнович', 'Семёновна'],
  ])('derives the patronymics of %s: %s, %s', (father, son, daughter) => {
    expect(patronymicOf(father)).toEqual({ male: son, female: daughter });
  });

  it('gives every listed male name a patronymic ending in -ич / -на', () => {
    for (const name of maleNames) {
      const { male, female } = patronymicOf(name);
      expect(male, name).toMatch(/(ович|евич|ич)$/);
      expect(female, name).toMatch(/(овна|евна|ична|инична)$/);
    }
  });

  it.each([
    ['Иванов', 'Иванова'],
    ['Соловьёв', 'Соловьёва'],
    ['Ильин', 'Ильина'],
    ['Синицын', 'Синицына'],
    ['Островский', 'Островская'],
    ['Трубецкой', 'Трубецкая'],
    ['Шевченко', 'Шевченко'],
    ['Черных', 'Черных'],
    ['Ковальчук', 'Ковальчук'],
    ['Ким', 'Ким'],
  ])('gives the surname %s the feminine form %s', (male, female) => {
    expect(surnameForms(male)).toEqual({ male, female });
  });

  it('lists a few hundred surnames and over a hundred first names of each sex, without repeats', () => {
    expect(surnames.length).toBeGreaterThanOrEqual(300);
    expect(maleNames.length).toBeGreaterThanOrEqual(100);
    expect(femaleNames.length).toBeGreaterThanOrEqual(100);
    for (const list of [surnames, maleNames, femaleNames]) expect(new Set(list).size).toBe(list.length);
  });

  it('has names with ё, short names and names that stay the same for women', () => {
    expect(surnames.some((surname) => surname.includes('ё') || surname.includes('Ё'))).toBe(true);
    expect(surnames.some((surname) => surname.length <= 2)).toBe(true);
    expect(surnames.some((surname) => surnameForms(surname).female === surname)).toBe(true);
    expect(maleNames).toContain('Пётр');
    expect(femaleNames).toContain('Алёна');
  });

  it('produces only names the enrolment form accepts for a Russian citizen', () => {
    const all = [
      ...surnames.flatMap((surname) => Object.values(surnameForms(surname))),
      ...maleNames,
      ...femaleNames,
      ...maleNames.flatMap((name) => Object.values(patronymicOf(name))),
    ];
    for (const name of all) expect(validatePersonName(name, { foreign: false }), name).toBeNull();
  });

  it('transliterates as Russian passports do (ICAO)', () => {
    expect(transliterate('Щербакова')).toBe('shcherbakova');
    expect(transliterate('Семёнов')).toBe('semenov');
    expect(transliterate('Юлия')).toBe('iuliia');
    expect(transliterate('Римский-Корсаков')).toBe('rimskii-korsakov');
  });
});
