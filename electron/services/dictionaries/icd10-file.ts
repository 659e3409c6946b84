import type { DictionaryRow, ReadDictionary, RefusedRow } from './dictionary-types';
import { readDate, readTable, type RowVerdict } from './read-table';

/**
 * МКБ-10 as the Ministry of Health's НСИ exports it (OID 1.2.643.5.1.13.13.11.1005):
 * `ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE`. Classes (I…XXII), blocks
 * (A00-A09), categories (A00) and subcategories (A00.0, S02.00) are all kept, with their
 * hierarchy; `codable` marks the actual leaves that are not ranges — the codes a diagnosis uses.
 */
const required = ['ID', 'MKB_CODE', 'MKB_NAME', 'ID_PARENT', 'ACTUAL'] as const;
const classCode = /^[IVXL]{1,6}$/;
const blockCode = /^[A-Z]\d{2}(?:\.\d{1,2})?-[A-Z]\d{2}(?:\.\d{1,2})?$/;
const categoryCode = /^[A-Z]\d{2}$/;
const subcategoryCode = /^[A-Z]\d{2}\.\d{1,2}$/;

function kindOf(code: string): string | null {
  if (classCode.test(code)) return 'class';
  if (blockCode.test(code)) return 'block';
  if (categoryCode.test(code)) return 'category';
  if (subcategoryCode.test(code)) return 'subcategory';
  return null;
}

function readRow(get: (column: string) => string): RowVerdict {
  const bad = (column: string) => ({ code: 'dictionary.row.value' as const, params: { column } });
  const code = get('MKB_CODE');
  const kind = kindOf(code);
  if (!/^\d{1,9}$/.test(get('ID'))) return bad('ID');
  if (!kind) return bad('MKB_CODE');
  const name = get('MKB_NAME');
  if (name === '' || name.length > 1000) return bad('MKB_NAME');
  if (!/^(\d{1,9})?$/.test(get('ID_PARENT'))) return bad('ID_PARENT');
  if (!/^[12]?$/.test(get('ADDL_CODE'))) return bad('ADDL_CODE');
  if (!/^[01]$/.test(get('ACTUAL'))) return bad('ACTUAL');
  const changed = get('DATE') === '' ? null : readDate(get('DATE'));
  if (changed === null && get('DATE') !== '') return bad('DATE');
  return {
    code,
    name,
    retired: get('ACTUAL') === '0',
    data: {
      id: Number(get('ID')),
      parentId: get('ID_PARENT') === '' ? null : Number(get('ID_PARENT')),
      recCode: get('REC_CODE') || null,
      kind,
      mark: ({ '1': 'dagger', '2': 'asterisk' } as Record<string, string>)[get('ADDL_CODE')] ?? null,
      changed,
      codable: false,
    },
  };
}

/** The version from the НСИ file name (`…1005_2.27.csv` → `2.27`), when it follows that form. */
export function icd10VersionFromFileName(fileName: string): string | null {
  return /_(\d+(?:\.\d+)*)\.csv$/i.exec(fileName)?.[1] ?? null;
}

export function readIcd10(text: string, fileName: string): ReadDictionary {
  const table = readTable(text, required, readRow);
  const refused: RefusedRow[] = [...table.refused];
  // A row whose parent is not in the file (or was refused) is refused too, until nothing changes.
  let rows = table.rows;
  for (;;) {
    const ids = new Set(rows.map((row) => row.data.id));
    const orphans = rows.filter((row) => row.data.parentId !== null && !ids.has(row.data.parentId));
    if (orphans.length === 0) break;
    for (const row of orphans)
      refused.push({ line: row.line, code: 'dictionary.row.parent', params: { parent: String(row.data.parentId) } });
    const gone = new Set(orphans);
    rows = rows.filter((row) => !gone.has(row));
  }
  const parents = new Set(rows.map((row) => row.data.parentId));
  const out: DictionaryRow[] = rows.map(({ line: _line, ...row }) => ({
    ...row,
    data: {
      ...row.data,
      codable:
        !row.retired && !parents.has(row.data.id) && (row.data.kind === 'category' || row.data.kind === 'subcategory'),
    },
  }));
  refused.sort((a, b) => a.line - b.line);
  return { name: 'icd10', version: icd10VersionFromFileName(fileName), rows: out, refused };
}
