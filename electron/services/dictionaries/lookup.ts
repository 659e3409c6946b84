import { searchFold } from '../../../shared/domain/person-name';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
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
 * Entries whose code starts with `prefix` (upper-cased: МКБ-10 codes are) or whose name does
 * (lower case, ё = е), in code order; retired entries only when asked for. An empty prefix
 * lists the first entries (a picker opened before anything is typed).
 */
export function searchEntries(
  ctx: Pick<ServiceContext, 'store'>,
  name: string,
  prefix: string,
  options: { limit?: number; includeRetired?: boolean } = {},
): DictionaryEntry[] {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 200);
  const code = prefix.trim().toUpperCase();
  const fold = searchFold(prefix.trim().replace(/\s+/g, ' '));
  return ctx.store.transaction((tx) => {
    const version = activeVersion(tx, name);
    const rows = tx.all<EntryRow>(
      `SELECT code, name, retired, data FROM dictionary_entries
       WHERE dictionary = ? AND version = ? AND ((code >= ? AND code < ?) OR (name_fold >= ? AND name_fold < ?)) AND (retired = 0 OR ?)
       ORDER BY code LIMIT ?`,
      [name, version, code, `${code}\uffff`, fold, `${fold}\uffff`, options.includeRetired ? 1 : 0, limit],
    );
    return rows.map((row) => toEntry(row, version));
  });
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
