import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { foldedWords } from '../../store/local-writers/dictionary-tables';
import type { Tx } from '../../store/open-store';
import type { DictionaryRow } from './dictionary-types';

export interface DictionaryEntry {
  code: string;
  name: string;
  retired: boolean;
  data: DictionaryRow['data'];
  /** The version the entry comes from: the active one. */
  version: string;
}

export interface DictionaryVersion {
  name: string;
  version: string;
  importedAt: string;
  importedBy: string;
  rows: number;
  refused: number;
  sourceName: string;
  sourceSha256: string;
}

interface EntryRow {
  code: string;
  name: string;
  retired: number;
  data: string;
}

function activeVersion(tx: Tx, name: string): string {
  const version = tx.get<{ version: string }>('SELECT version FROM dictionaries WHERE name = ? AND active = 1', [
    name,
  ])?.version;
  if (version === undefined) throw new AppError('dictionary.not_found', { params: { name: name.slice(0, 60) } });
  return version;
}

const toEntry = (row: EntryRow, version: string): DictionaryEntry => ({
  code: row.code,
  name: row.name,
  retired: row.retired === 1,
  data: JSON.parse(row.data) as DictionaryRow['data'],
  version,
});

/** The entry with this code in the active version, or null. Reference data: not audited. */
export function lookup(ctx: Pick<ServiceContext, 'store'>, name: string, code: string): DictionaryEntry | null {
  return ctx.store.transaction((tx) => {
    const version = activeVersion(tx, name);
    const row = tx.get<EntryRow>(
      'SELECT code, name, retired, data FROM dictionary_entries WHERE dictionary = ? AND version = ? AND code = ?',
      [name, version, code.trim()],
    );
    return row ? toEntry(row, version) : null;
  });
}

/**
 * Entries whose code starts with `query` (upper-cased: МКБ-10 and service codes are), then those
 * where every word of `query` starts some word of the entry's words (`dictionary_words`: its name,
 * a medicine's МНН and trade name; any order, any case, ё = е): «инфекция острая» finds «Острая
 * инфекция верхних дыхательных путей». Each group in code order, at most `limit` (≤ 200) in all;
 * retired entries only when asked for. An empty query lists the first entries (a picker opened
 * before anything is typed). Both parts read primary keys only (the test of the plan says so).
 */
export function searchEntries(
  ctx: Pick<ServiceContext, 'store'>,
  name: string,
  query: string,
  options: { limit?: number; includeRetired?: boolean } = {},
): DictionaryEntry[] {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 200);
  const code = query.trim().toUpperCase();
  const words = [...new Set(foldedWords(query))];
  const retired = options.includeRetired ? 1 : 0;
  return ctx.store.transaction((tx) => {
    const version = activeVersion(tx, name);
    const byCode = tx.all<EntryRow>(
      `SELECT code, name, retired, data FROM dictionary_entries
       WHERE dictionary = ? AND version = ? AND code >= ? AND code < ? AND (retired = 0 OR ?)
       ORDER BY code LIMIT ?`,
      [name, version, code, `${code}\uffff`, retired, limit],
    );
    if (byCode.length >= limit || words.length === 0 || code === '') return byCode.map((row) => toEntry(row, version));
    const byWords = tx.all<EntryRow>(wordSearchSql(words.length), [
      name,
      version,
      ...words.flatMap((word) => [name, version, word, `${word}\uffff`]),
      code,
      `${code}\uffff`,
      retired,
      limit - byCode.length,
    ]);
    return [...byCode, ...byWords].map((row) => toEntry(row, version));
  });
}

/** Entries having, for each query word, a word it starts (one range of the primary key per word). */
export function wordSearchSql(words: number): string {
  const sets = Array.from(
    { length: words },
    () => 'SELECT code FROM dictionary_words WHERE dictionary = ? AND version = ? AND word >= ? AND word < ?',
  ).join(' INTERSECT ');
  return `SELECT code, name, retired, data FROM dictionary_entries
    WHERE dictionary = ? AND version = ? AND code IN (${sets})
      AND NOT (code >= ? AND code < ?) AND (retired = 0 OR ?)
    ORDER BY code LIMIT ?`;
}

/** The active version of every imported dictionary. */
export function activeDictionaries(ctx: Pick<ServiceContext, 'store'>): DictionaryVersion[] {
  return ctx.store.transaction((tx) =>
    tx
      .all<{
        name: string;
        version: string;
        imported_at: string;
        imported_by: string;
        row_count: number;
        refused_count: number;
        source_name: string;
        source_sha256: string;
      }>('SELECT * FROM dictionaries WHERE active = 1 ORDER BY name')
      .map((row) => ({
        name: row.name,
        version: row.version,
        importedAt: row.imported_at,
        importedBy: row.imported_by,
        rows: row.row_count,
        refused: row.refused_count,
        sourceName: row.source_name,
        sourceSha256: row.source_sha256,
      })),
  );
}
