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
    const byCode = tx.all<EntryRow>(codeSearchSql, [name, version, code, `${code}\uffff`, retired, limit]);
    if (byCode.length >= limit || words.length === 0 || code === '') return byCode.map((row) => toEntry(row, version));
    const byWords = wordMatches(tx, name, version, words, { code, retired, limit: limit - byCode.length });
    return [...byCode, ...byWords].map((row) => toEntry(row, version));
  });
}

/** Entries whose code starts with the query (a range of the primary key). */
export const codeSearchSql = `SELECT code, name, retired, data FROM dictionary_entries
  WHERE dictionary = ? AND version = ? AND code >= ? AND code < ? AND (retired = 0 OR ?)
  ORDER BY code LIMIT ?`;

/** A word starting more entries' words than this is common: reading entries in code order finds a page soon. */
export const commonWordRows = 1000;

/**
 * The entries matching every word, in code order. The rarest word, when it is not common, drives:
 * the entries of its range (a primary-key range of `dictionary_words`), each checked for the other
 * words. When every word is common («с», «о»), entries are read in code order and each is checked
 * for every word (`dictionary_words_by_code`, migration 0024) until the page is full — either way
 * no query reads all the words a short prefix starts.
 */
function wordMatches(
  tx: Tx,
  name: string,
  version: string,
  words: readonly string[],
  page: { code: string; retired: number; limit: number },
): EntryRow[] {
  const ranked = words
    .map((word) => ({
      word,
      rows:
        tx.get<{ n: number }>(
          `SELECT count(*) AS n FROM (SELECT 1 FROM dictionary_words
             WHERE dictionary = ? AND version = ? AND word >= ? AND word < ? LIMIT ${commonWordRows})`,
          [name, version, word, `${word}\uffff`],
        )?.n ?? 0,
    }))
    .sort((a, b) => a.rows - b.rows);
  if (ranked[0]!.rows === 0) return [];
  const driver = ranked[0]!.rows < commonWordRows ? ranked[0]!.word : null;
  const checked = (driver === null ? ranked : ranked.slice(1)).map(({ word }) => word);
  const range = (word: string) => [name, version, word, `${word}\uffff`];
  return tx.all<EntryRow>(wordSearchSql(driver !== null, checked.length), [
    name,
    version,
    ...(driver === null ? [] : range(driver)),
    ...checked.flatMap(range),
    page.code,
    `${page.code}\uffff`,
    page.retired,
    page.limit,
  ]);
}

/** The word search: driven by one word's range (`driven`) or in code order, with `checked` words checked per entry. */
export function wordSearchSql(driven: boolean, checked: number): string {
  const drive = driven
    ? `AND code IN (SELECT code FROM dictionary_words WHERE dictionary = ? AND version = ? AND word >= ? AND word < ?)`
    : '';
  const checks = Array.from(
    { length: checked },
    () => `AND EXISTS (SELECT 1 FROM dictionary_words w
      WHERE w.dictionary = ? AND w.version = ? AND w.code = e.code AND w.word >= ? AND w.word < ?)`,
  ).join('\n');
  return `SELECT code, name, retired, data FROM dictionary_entries e
    WHERE dictionary = ? AND version = ? ${drive} ${checks}
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
