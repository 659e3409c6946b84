import { createHash } from 'node:crypto';
import { can } from '../../../shared/auth/permissions';
import { canonicalJson } from '../../../shared/canonical-json';
import { searchFold } from '../../../shared/domain/person-name';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { appendAudit } from '../../store/audit-log';
import {
  activateDictionaryVersion,
  dictionaryEntryWords,
  insertDictionaryEntry,
  insertDictionaryWords,
} from '../../store/local-writers/dictionary-tables';
import type { Tx } from '../../store/open-store';
import { assertVersion, compareVersions } from './dictionary-version';
import type { DictionaryRow, ImportProgress, RefusedRow } from './dictionary-types';
import { assertDictionaryName } from './dictionary-names';

export interface ImportOptions {
  /** The file the rows came from, for the record; `rows` when they did not come from a file. */
  sourceName?: string;
  /** SHA-256 of the file; by default, of the rows themselves. */
  sourceSha256?: string;
  /** Lines of the file the reader refused: counted and audited with the import. */
  refused?: readonly RefusedRow[];
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The release this import carries out on a desk that pulled it (sync): the server accepted it
   * from an admin (`settings.manage` checked there), so the desk's own actor need not hold it.
   */
  release?: { id: string; publishedBy: string | null };
}

export type ImportOutcome =
  | { status: 'imported'; name: string; version: string; rows: number; refused: number; replaced: string | null }
  /** The same version from the same file is already here: nothing was written. */
  | { status: 'unchanged'; name: string; version: string; rows: number; refused: number; replaced: null };

const progressEvery = 1000;

/**
 * Imports one version of a dictionary in one transaction: all of its rows become the active
 * version, or nothing changes. The same version again from the same source is a no-op
 * (`unchanged`); the same version from other content is refused (`dictionary.version.conflict`),
 * and so is a version older than the active one (`dictionary.version.older`). Needs
 * `settings.manage`; the import is audited.
 */
export function importDictionary(
  ctx: ActorContext,
  name: string,
  version: string,
  rows: readonly DictionaryRow[],
  options: ImportOptions = {},
): ImportOutcome {
  if (!options.release && !can(ctx.actor.role, 'settings.manage')) throw new AppError('forbidden');
  assertDictionaryName(name);
  assertVersion(version);
  const sha256 = options.sourceSha256 ?? createHash('sha256').update(canonicalJson(rows)).digest('hex');
  const refused = options.refused?.length ?? 0;
  const at = ctx.clock.now().toISOString();

  return ctx.store.transaction((tx): ImportOutcome => {
    const existing = tx.get<{ source_sha256: string; row_count: number; refused_count: number }>(
      'SELECT source_sha256, row_count, refused_count FROM dictionaries WHERE name = ? AND version = ?',
      [name, version],
    );
    if (existing?.source_sha256 === sha256) {
      return {
        status: 'unchanged',
        name,
        version,
        rows: existing.row_count,
        refused: existing.refused_count,
        replaced: null,
      };
    }
    if (existing) throw new AppError('dictionary.version.conflict', { params: { name, version } });
    const active =
      tx.get<{ version: string }>('SELECT version FROM dictionaries WHERE name = ? AND active = 1', [name])?.version ??
      null;
    if (active !== null && compareVersions(version, active) < 0) {
      throw new AppError('dictionary.version.older', { params: { name, version, active } });
    }
    if (rows.length === 0) throw new AppError('dictionary.file.no_rows');

    activateDictionaryVersion(tx, {
      name,
      version,
      importedAt: at,
      importedBy: ctx.actor.staffId,
      deviceId: ctx.actor.deviceId,
      rowCount: rows.length,
      refusedCount: refused,
      sourceName: (options.sourceName ?? 'rows').slice(0, 300),
      sourceSha256: sha256,
    });
    insertEntries(tx, name, version, rows, options.onProgress);
    appendAudit(tx, ctx.actor, at, {
      action: 'dictionaries.import',
      details: {
        name,
        version,
        rows: rows.length,
        refused,
        sha256,
        source: options.sourceName ?? 'rows',
        replaced: active,
        ...(options.release ? { release: options.release.id, publishedBy: options.release.publishedBy } : {}),
      },
    });
    return { status: 'imported', name, version, rows: rows.length, refused, replaced: active };
  });
}

function insertEntries(
  tx: Tx,
  name: string,
  version: string,
  rows: readonly DictionaryRow[],
  onProgress?: (progress: ImportProgress) => void,
): void {
  rows.forEach((row, i) => {
    try {
      insertDictionaryEntry(tx, name, version, {
        code: row.code,
        name: row.name,
        nameFold: searchFold(row.name),
        retired: Boolean(row.retired),
        data: canonicalJson(row.data),
      });
    } catch (error) {
      // Readers refuse repeated codes; rows handed in directly may still repeat one.
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new AppError('dictionary.row.duplicate', { params: { code: row.code } });
      }
      throw error;
    }
    if (onProgress && ((i + 1) % progressEvery === 0 || i + 1 === rows.length))
      onProgress({ done: i + 1, total: rows.length });
  });
  // The words an entry is found by (dictionary_words), all at once: in key order, many per statement.
  insertDictionaryWords(
    tx,
    name,
    version,
    rows.map((row) => ({ code: row.code, words: dictionaryEntryWords(name, row.name, row.data) })),
  );
}
