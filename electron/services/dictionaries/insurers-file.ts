import type { ReadDictionary } from './dictionary-types';
import { readDate, readTable, type RowVerdict } from './read-table';

/**
 * The insurers' registry (СМО), in a format of our own (README.md in this folder):
 * `CODE;NAME;OKATO;OKTMO;OGRN;VALID_FROM;VALID_TO`, `;`-separated UTF-8 with a header line.
 */
export const insurerColumns = ['CODE', 'NAME', 'OKATO', 'OKTMO', 'OGRN', 'VALID_FROM', 'VALID_TO'] as const;

/** ОГРН: 13 digits, the last one is (the first 12 as a number mod 11) mod 10. */
export function isValidOgrn(ogrn: string): boolean {
  return /^\d{13}$/.test(ogrn) && (Number(ogrn.slice(0, 12)) % 11) % 10 === Number(ogrn[12]);
}

function readRow(get: (column: string) => string): RowVerdict {
  const bad = (column: string) => ({ code: 'dictionary.row.value' as const, params: { column } });
  const [okato, oktmo] = [get('OKATO'), get('OKTMO')];
  if (!/^\d{5}$/.test(get('CODE'))) return bad('CODE');
  if (get('NAME') === '' || get('NAME').length > 300) return bad('NAME');
  if (!/^(\d{2}|\d{5}|\d{8}|\d{11})?$/.test(okato)) return bad('OKATO');
  if (!/^(\d{8}|\d{11})?$/.test(oktmo)) return bad('OKTMO');
  if (okato === '' && oktmo === '') return bad('OKATO');
  if (!/^\d{13}$/.test(get('OGRN'))) return bad('OGRN');
  if (!isValidOgrn(get('OGRN'))) return { code: 'dictionary.row.ogrn' };
  const validFrom = readDate(get('VALID_FROM'));
  if (!validFrom) return bad('VALID_FROM');
  const validTo = get('VALID_TO') === '' ? null : readDate(get('VALID_TO'));
  if (validTo === null && get('VALID_TO') !== '') return bad('VALID_TO');
  if (validTo !== null && validTo < validFrom) return { code: 'dictionary.row.period' };
  return {
    code: get('CODE'),
    name: get('NAME'),
    data: { okato: okato || null, oktmo: oktmo || null, ogrn: get('OGRN'), validFrom, validTo },
  };
}

export function readInsurers(text: string): ReadDictionary {
  const { rows, refused } = readTable(text, insurerColumns, readRow);
  return { name: 'insurers', version: null, rows: rows.map(({ line: _line, ...row }) => row), refused };
}
