import { describe, expect, it } from 'vitest';
import { normalizePersonName, searchFold, validatePersonName } from '../../../shared/domain/person-name';

const russian = { foreign: false };
const foreign = { foreign: true };

describe('person names (B1)', () => {
  it.each(['Иванов', 'Ли', 'Римский-Корсаков', 'Салтыков-Щедрин', "Д'Аламбер", 'Анна Мария', 'ИВАНОВ', 'иванов'])(
    'accepts the Cyrillic name %j',
    (name) => {
      expect(validatePersonName(name, russian)).toBeNull();
    },
  );

  it('accepts ё and Ё', () => {
    expect(validatePersonName('Семёнова', russian)).toBeNull();
    expect(validatePersonName('Ёлкин', russian)).toBeNull();
    expect(validatePersonName('Пётр', russian)).toBeNull();
  });

  it.each([
    'Smith',
    'Ivanov',
    'Иванoв' /* Latin o inside */,
    'Иванов2',
    'Иванов.',
    'Иванов_Петров',
    'Іванов',
    'Ґалушко',
  ])('refuses %j for a Russian citizen: Cyrillic only', (name) => {
    expect(validatePersonName(name, russian)).toBe('patient.name.alphabet');
  });

  it.each(['Smith', "O'Connor", 'Jean-Luc', 'Müller', 'François', 'Łukasz', 'Yılmaz', 'Şahin', 'Nguyễn', 'Иванов'])(
    'accepts %j for a foreign citizen: Latin letters of any language, or Cyrillic',
    (name) => {
      expect(validatePersonName(name, foreign)).toBeNull();
    },
  );

  it.each(['Smith3', 'Smith!', 'Ⅻ', 'Σωκράτης', '李', 'Smith_Jones'])('refuses %j for a foreign citizen', (name) => {
    expect(validatePersonName(name, foreign)).toBe('patient.name.latin_alphabet');
  });

  it.each([
    '-Иванов',
    'Иванов-',
    "'Иван",
    "Иван'",
    ' Иван',
    'Иван ',
    'Иванов--Петров',
    "Иванов'-Петров",
    'Анна  Мария',
    '-',
    "'",
  ])('refuses %j: a separator cannot start, end or repeat', (name) => {
    expect(validatePersonName(name, russian)).toBe('patient.name.shape');
  });

  it('folds whitespace: trims, and turns runs of spaces, tabs and no-break spaces into one space', () => {
    expect(normalizePersonName('  Анна   Мария  ')).toBe('Анна Мария');
    expect(normalizePersonName('Анна\u00a0\tМария')).toBe('Анна Мария');
  });

  it('turns typographic apostrophes into the ASCII one', () => {
    for (const apostrophe of ['’', '‘', 'ʼ', 'ʻ', '`']) {
      expect(normalizePersonName(`Д${apostrophe}Аламбер`)).toBe("Д'Аламбер");
    }
  });

  it('turns Unicode hyphens pasted from word processors into the ASCII one', () => {
    expect(normalizePersonName('Римский\u2011Корсаков')).toBe('Римский-Корсаков');
    expect(normalizePersonName('Римский\u2010Корсаков')).toBe('Римский-Корсаков');
  });

  it('composes a decomposed ё (е + combining diaeresis), so the name passes the alphabet check', () => {
    const typed = 'Семе\u0308нова';
    expect(validatePersonName(typed, russian)).toBe('patient.name.alphabet');
    expect(normalizePersonName(typed)).toBe('Семёнова');
    expect(validatePersonName(normalizePersonName(typed), russian)).toBeNull();
  });

  it('folds for search: lower case and ё as е', () => {
    expect(searchFold('Семёнова')).toBe('семенова');
    expect(searchFold('ЁЛКИН')).toBe('елкин');
  });
});
