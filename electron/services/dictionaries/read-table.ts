import { AppError } from '../../../shared/errors/app-error';
import type { DictionaryRow, RefusedRow } from './dictionary-types';
import { headerIndex, semicolonRecords } from './semicolon-csv';

export type RowVerdict = DictionaryRow | Omit<RefusedRow, 'line'>;

export interface TableRows {
  rows: (DictionaryRow & { line: number })[];
  refused: RefusedRow[];
}

/**
 * Reads a `;`-separated file with a header line: columns are found by name (so a newer export
 * that adds or reorders columns still reads), each row goes to `readRow`, and a code seen twice
 * refuses the later line. A missing required column refuses the whole file.
 */
export function readTable(
  text: string,
  required: readonly string[],
  readRow: (get: (column: string) => string) => RowVerdict,
): TableRows {
  const records = semicolonRecords(text);
  const first = records.next();
  const header = first.done || 'refused' in first.value ? null : headerIndex(first.value.fields, required);
  if (!header || first.done || 'refused' in first.value) {
    throw new AppError('dictionary.file.header', { params: { expected: required.join(';') } });
  }
  const width = first.value.fields.length;
  const rows: TableRows['rows'] = [];
  const refused: RefusedRow[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    if ('refused' in record) {
      refused.push(record.refused);
      continue;
    }
    if (record.fields.length !== width) {
      refused.push({
        line: record.line,
        code: 'dictionary.row.columns',
        params: { expected: width, actual: record.fields.length },
      });
      continue;
    }
    const verdict = readRow((column) => (record.fields[header.get(column) ?? -1] ?? '').trim());
    if (!('data' in verdict)) {
      refused.push({ line: record.line, ...verdict });
    } else if (seen.has(verdict.code)) {
      refused.push({ line: record.line, code: 'dictionary.row.duplicate', params: { code: verdict.code } });
    } else {
      seen.add(verdict.code);
      rows.push({ ...verdict, line: record.line });
    }
  }
  return { rows, refused };
}

/** `31.12.2016` or `2016-12-31` → ISO, or null when it is neither a real date. */
export function readDate(value: string): string | null {
  const iso = value.replace(/^(\d{2})\.(\d{2})\.(\d{4})$/, '$3-$2-$1');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}
