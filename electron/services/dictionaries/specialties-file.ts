import type { NsiSpec } from './nsi-json';
import { readDate, type RowVerdict } from './read-table';

/**
 * Номенклатура специальностей специалистов с высшим и послевузовским медицинским и
 * фармацевтическим образованием (OID 1.2.643.5.1.13.13.11.1066), ФНСИ JSON: code `ID` (`27`
 * «Терапия»), name `NAME`, retired when `DATEOUT` is set; `PARENT` kept (0: a top-level
 * specialty). A specialist of the schedule (issue 13) names one by its code.
 */
export const specialtiesOid = '1.2.643.5.1.13.13.11.1066';

function readRow(get: (column: string) => string): RowVerdict {
  const bad = (column: string) => ({ code: 'dictionary.row.value' as const, params: { column } });
  const code = get('ID');
  if (!/^\d{1,9}$/.test(code)) return bad('ID');
  const name = get('NAME');
  if (name === '' || name.length > 500) return bad('NAME');
  const parent = get('PARENT');
  if (parent !== '' && !/^\d{1,9}$/.test(parent)) return bad('PARENT');
  const dateOut = get('DATEOUT') === '' ? null : readDate(get('DATEOUT'));
  if (dateOut === null && get('DATEOUT') !== '') return bad('DATEOUT');
  return {
    code,
    name,
    retired: dateOut !== null,
    data: { parent: parent === '' || parent === '0' ? null : parent, dateOut },
  };
}

export const specialtiesSpec: NsiSpec = {
  name: 'specialties',
  oid: specialtiesOid,
  required: ['ID', 'NAME', 'PARENT', 'DATEOUT'],
  readRow,
};
