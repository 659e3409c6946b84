import { searchFold } from '../../../shared/domain/person-name';
import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer: this desk's copies of the reference dictionaries (НСИ). They are filled from
 * files or from releases that arrive by sync; the import is audited by the caller.
 */
export interface DictionaryVersionRow {
  name: string;
  version: string;
  importedAt: string;
  importedBy: string;
  deviceId: string;
  rowCount: number;
  refusedCount: number;
  sourceName: string;
  sourceSha256: string;
}

/** Makes `row` the dictionary's active version; the version that was active stays, inactive. */
export function activateDictionaryVersion(tx: Tx, row: DictionaryVersionRow): void {
  const raw = rawTx(tx);
  raw.run('UPDATE dictionaries SET active = 0 WHERE name = ? AND active = 1', [row.name]);
  raw.run(
    `INSERT INTO dictionaries (name, version, active, imported_at, imported_by, device_id, row_count, refused_count,
                               source_name, source_sha256)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.name,
      row.version,
      row.importedAt,
      row.importedBy,
      row.deviceId,
      row.rowCount,
      row.refusedCount,
      row.sourceName,
      row.sourceSha256,
    ],
  );
}

export interface DictionaryEntryRow {
  code: string;
  name: string;
  nameFold: string;
  retired: boolean;
  /** Canonical JSON of the entry's other columns. */
  data: string;
}

/** One entry; a repeated code throws SQLite's primary-key error for the caller to name. */
export function insertDictionaryEntry(tx: Tx, dictionary: string, version: string, entry: DictionaryEntryRow): void {
  rawTx(tx).run(
    `INSERT INTO dictionary_entries (dictionary, version, code, name, name_fold, retired, data)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [dictionary, version, entry.code, entry.name, entry.nameFold, entry.retired ? 1 : 0, entry.data],
  );
}

/**
 * The words an entry is found by (`dictionary_words`, migration 0023): every word of its name and,
 * for a medicine, of its МНН and trade name — folded (lower case, ё → е), each once. Calendars
 * (keyed by date) and the formulary (names made by the reader) have none. Shared by the import
 * and by migration 0024, which fills the words of entries imported before they existed.
 */
export function dictionaryEntryWords(
  dictionary: string,
  name: string,
  data: Readonly<Record<string, unknown>>,
): string[] {
  if (dictionary.startsWith('calendar-ru/') || dictionary === 'formulary') return [];
  const texts = [name, data.inn, data.tradeName].filter((text): text is string => typeof text === 'string');
  return [...new Set(texts.flatMap((text) => foldedWords(text)))];
}

/** Text of ASCII, basic Cyrillic and common punctuation only, which a plain character class splits as well. */
const plainText = /^[\u0000-\u007f\u0400-\u045f«»—–№‘’“”„…\u00a0]*$/;

/**
 * `Острая инфекция (ОРВИ)` → `острая`, `инфекция`, `орви`: letters and digits, folded. Names of
 * plain Russian and Latin text (nearly all) take a plain character class, ten times quicker
 * than the Unicode classes the rest takes; both split such text the same way.
 */
export function foldedWords(text: string): string[] {
  const folded = searchFold(text);
  const words = plainText.test(folded) ? folded.split(/[^0-9a-z\u0430-\u045f]+/) : folded.split(/[^\p{L}\p{N}]+/u);
  return words.filter((word) => word !== '');
}

/** Rows per statement: fewer statements, well under SQLite's limit of bound parameters. */
const wordsPerStatement = 100;

/**
 * The words of a version's entries (see `dictionaryEntryWords`), written in the primary key's
 * order and many rows per statement: the words are ten times the entries, and B-tree appends in
 * key order are what keeps an import of them quick.
 */
export function insertDictionaryWords(
  tx: Tx,
  dictionary: string,
  version: string,
  entries: readonly { code: string; words: readonly string[] }[],
): void {
  const pairs = entries.flatMap(({ code, words }) => words.map((word) => [word, code] as const));
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const raw = rawTx(tx);
  for (let i = 0; i < pairs.length; i += wordsPerStatement) {
    const batch = pairs.slice(i, i + wordsPerStatement);
    raw.run(
      `INSERT OR IGNORE INTO dictionary_words (dictionary, version, word, code) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`,
      batch.flatMap(([word, code]) => [dictionary, version, word, code]),
    );
  }
}
