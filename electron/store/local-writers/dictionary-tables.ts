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

/** `Острая инфекция (ОРВИ)` → `острая`, `инфекция`, `орви`: letters and digits, folded. */
export function foldedWords(text: string): string[] {
  return searchFold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** The words of one entry (see `dictionaryEntryWords`). */
export function insertDictionaryWords(
  tx: Tx,
  dictionary: string,
  version: string,
  code: string,
  words: readonly string[],
): void {
  const raw = rawTx(tx);
  for (const word of words)
    raw.run('INSERT OR IGNORE INTO dictionary_words (dictionary, version, word, code) VALUES (?, ?, ?, ?)', [
      dictionary,
      version,
      word,
      code,
    ]);
}
