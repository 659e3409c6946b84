import type { RefusedRow } from './dictionary-types';

export type CsvRecord = { line: number; fields: string[] } | { line: number; refused: RefusedRow };

/**
 * `;`-separated values as the НСИ exports them: fields may be quoted, `""` inside quotes is a
 * quote. A quoted field never spans lines here: a quote left open refuses its own line instead
 * of swallowing the rest of the file. Empty lines are skipped; CRLF and a BOM are fine.
 */
export function* semicolonRecords(text: string): Generator<CsvRecord> {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const fields = splitLine(raw);
    yield fields ? { line: i + 1, fields } : { line: i + 1, refused: { line: i + 1, code: 'dictionary.row.quote' } };
  }
}

function splitLine(line: string): string[] | null {
  const fields: string[] = [];
  let position = 0;
  for (;;) {
    if (line[position] === '"') {
      let value = '';
      let cursor = position + 1;
      for (;;) {
        const quote = line.indexOf('"', cursor);
        if (quote < 0) return null;
        value += line.slice(cursor, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          cursor = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      if (position < line.length && line[position] !== ';') return null;
      fields.push(value);
    } else {
      const end = line.indexOf(';', position);
      fields.push(line.slice(position, end < 0 ? line.length : end));
      position = end < 0 ? line.length : end;
    }
    if (position >= line.length) return fields;
    position++; // the separator
    if (position === line.length) {
      fields.push('');
      return fields;
    }
  }
}

/** Maps a header to column positions; null when a required column is missing. */
export function headerIndex(header: string[], required: readonly string[]): Map<string, number> | null {
  const index = new Map(header.map((name, i) => [name.trim().toUpperCase(), i]));
  return required.every((name) => index.has(name)) ? index : null;
}
