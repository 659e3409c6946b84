import { describe, expect, it } from 'vitest';
import { femaleNames, maleNames, surnames } from '../../../electron/demo/russian-names';
import { transliterate } from '../../../shared/domain/transliteration';
import { compareNames, mayMatchFolded } from '../../../shared/domain/name-similarity';
import { searchFold } from '../../../shared/domain/person-name';
import { seeded } from './identifiers/reference-identifiers';

/** The duplicate lookup screens candidates by the stored search fold before reading them whole. */
describe('the folded-name screen never drops a name the scorer would match (B2 recall)', () => {
  const names = [
    ...surnames,
    ...maleNames,
    ...femaleNames,
    'Семёнова',
    'Müller',
    'Łukasz',
    'Д’Артаньян',
    'Петрова-Водкина',
    'Öztürk',
    'ИВАНОВ',
  ];
  const cyrillic = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

  it('keeps every typed spelling that compareNames matches: typos, case, ё, Latin spellings, diacritics', () => {
    const random = seeded(2026);
    let checked = 0;
    for (const stored of names) {
      const spellings = [
        stored,
        stored.toUpperCase(),
        stored.replace(/ё/g, 'е'),
        transliterate(stored),
        stored.normalize('NFD').replace(/\p{M}/gu, ''),
      ];
      for (let i = 0; i < 12; i++) {
        const letters = [...stored];
        const at = Math.floor(random() * letters.length);
        const letter = cyrillic[Math.floor(random() * cyrillic.length)]!;
        if (i % 3 === 0) letters[at] = letter;
        else if (i % 3 === 1) letters.splice(at, 1);
        else letters.splice(at, 0, letter);
        spellings.push(letters.join(''));
      }
      for (const typed of spellings) {
        if (compareNames(typed, stored) === null) continue;
        checked++;
        expect(mayMatchFolded(typed, searchFold(stored)), `${typed} / ${stored}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(names.length * 5);
  });

  it('drops names that are plainly someone else', () => {
    expect(mayMatchFolded('Петрова', searchFold('Сидорова'))).toBe(false);
    expect(mayMatchFolded('Ли', searchFold('Ло'))).toBe(false);
    expect(mayMatchFolded('Petrova', searchFold('Петрова'))).toBe(true);
  });
});
