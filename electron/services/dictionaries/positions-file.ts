import type { NsiSpec } from './nsi-json';
import { readDate, type RowVerdict } from './read-table';

/**
 * Должности медицинских и фармацевтических работников (OID 1.2.643.5.1.13.13.11.1002), ФНСИ
 * JSON: code `ID` (`109` «Врач-терапевт»), name `NAME`, retired when `ACTUAL` is 0. `DATA_END`
 * is kept but does not retire a position: the export sets it on positions kept for those
 * appointed before that day («сохраняется для лиц, принятых на должность до …»).
 */
export const positionsOid = '1.2.643.5.1.13.13.11.1002';

function readRow(get: (column: string) => string): RowVerdict {
  const bad = (column: string) => ({ code: 'dictionary.row.value' as const, params: { column } });
  const code = get('ID');
  if (!/^\d{1,9}$/.test(code)) return bad('ID');
  const name = get('NAME');
  if (name === '' || name.length > 500) return bad('NAME');
  const actual = get('ACTUAL');
  if (actual !== '0' && actual !== '1') return bad('ACTUAL');
  const dataEnd = get('DATA_END') === '' ? null : readDate(get('DATA_END'));
  if (dataEnd === null && get('DATA_END') !== '') return bad('DATA_END');
  return {
    code,
    name,
    retired: actual === '0',
    data: { parent: get('PID') === '' ? null : get('PID'), dataEnd },
  };
}

export const positionsSpec: NsiSpec = {
  name: 'positions',
  oid: positionsOid,
  required: ['ID', 'NAME', 'ACTUAL', 'DATA_END', 'PID'],
  readRow,
};
