import type { NsiSpec } from './nsi-json';
import { readDate, type RowVerdict } from './read-table';

/**
 * Номенклатура медицинских услуг (OID 1.2.643.5.1.13.13.11.1070), ФНСИ JSON: code `S_CODE`
 * (`A16.01.001`, `B01.001.001`), name `NAME`, retired when `DATEOUT` is set. The export writes a
 * few codes with a Cyrillic А or В for the Latin letter: they are read as the Latin one.
 */
export const servicesOid = '1.2.643.5.1.13.13.11.1070';

const serviceCode = /^[AB]\d{2}(?:\.\d{2,3}){2,4}$/;
const latin: Readonly<Record<string, string>> = { А: 'A', В: 'B' };

function readRow(get: (column: string) => string): RowVerdict {
  const bad = (column: string) => ({ code: 'dictionary.row.value' as const, params: { column } });
  if (!/^\d{1,9}$/.test(get('ID'))) return bad('ID');
  const code = get('S_CODE').replace(/^[АВ]/, (letter) => latin[letter] ?? letter);
  if (!serviceCode.test(code)) return bad('S_CODE');
  const name = get('NAME');
  if (name === '' || name.length > 2000) return bad('NAME');
  const dateOut = get('DATEOUT') === '' ? null : readDate(get('DATEOUT'));
  if (dateOut === null && get('DATEOUT') !== '') return bad('DATEOUT');
  return {
    code,
    name,
    retired: dateOut !== null,
    data: { id: Number(get('ID')), rel: get('REL') || null, dateOut },
  };
}

export const servicesSpec: NsiSpec = {
  name: 'services',
  oid: servicesOid,
  required: ['ID', 'S_CODE', 'NAME', 'DATEOUT'],
  readRow,
};
