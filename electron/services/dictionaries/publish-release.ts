import { createHash } from 'node:crypto';
import { can } from '../../../shared/auth/permissions';
import { AppError } from '../../../shared/errors/app-error';
import { blobChunkMaxBytes } from '../../../shared/sync/protocol';
import type { ActorContext } from '../../core/context';
import { insertRecord } from '../../store/record-door';
import { readDictionarySource } from './dictionary-source';
import { appendChunk, markFile, startFile } from '../../store/local-writers/dictionary-files';
import { setReleaseLocalState } from '../../store/local-writers/dictionary-release-state';
import {
  importDictionaryBytes,
  maxDictionaryBytes,
  type FileImportOptions,
  type FileImportResult,
} from './import-file';

export interface PublishResult extends FileImportResult {
  release: { id: string; status: 'published' | 'already_published' };
}

/**
 * Imports a dictionary file (or a ФНСИ JSON export: its directory or files, published as one
 * bundle) here and publishes it to every desk (item 10), in one transaction:
 * the import (the same importer and rules as a local one), the file's bytes kept for the sync
 * worker to upload, and the release row — synced, audited — which the other desks follow. The
 * same version from the same file again publishes nothing new; from another file it is refused
 * (`dictionary.version.conflict`), also when the earlier release has not reached this desk's
 * dictionaries yet. Needs `settings.manage`: the server, too, takes a release only from an admin.
 */
export function publishDictionaryFile(
  ctx: ActorContext,
  kind: string,
  path: string | readonly string[],
  options: Omit<FileImportOptions, 'release'> = {},
): PublishResult {
  if (!can(ctx.actor.role, 'settings.manage')) throw new AppError('forbidden');
  const { bytes, sourceName } = readDictionarySource(kind, typeof path === 'string' ? [path] : path, {
    maxBytes: options.maxBytes ?? maxDictionaryBytes,
    readFile: options.readFile,
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = ctx.clock.now().toISOString();

  return ctx.store.transaction((tx): PublishResult => {
    const imported = importDictionaryBytes(ctx, kind, bytes, sourceName, options);
    const { name, version, rows, refused } = imported.outcome;
    const earlier = tx.get<{ id: string; source_sha256: string }>(
      'SELECT id, source_sha256 FROM dictionary_releases WHERE name = ? AND dictionary_version = ?',
      [name, version],
    );
    if (earlier && earlier.source_sha256 !== sha256)
      throw new AppError('dictionary.version.conflict', { params: { name, version } });
    if (earlier) return { ...imported, release: { id: earlier.id, status: 'already_published' } };

    startFile(tx, sha256, bytes.length, false);
    for (let offset = 0; offset < bytes.length; offset += blobChunkMaxBytes) {
      appendChunk(tx, sha256, offset, bytes.subarray(offset, offset + blobChunkMaxBytes));
    }
    markFile(tx, sha256, { complete: true });
    const fields = {
      kind,
      name,
      dictionary_version: version,
      source_name: sourceName.slice(0, 300),
      source_sha256: sha256,
      source_bytes: bytes.length,
      row_count: rows,
      refused_count: refused,
    };
    const id = insertRecord({ tx, actor: ctx.actor, at }, 'settings.manage', 'dictionary_releases', fields, {
      action: 'dictionaries.publish',
      details: { name, version, sha256, rows, refused, source: fields.source_name },
    });
    setReleaseLocalState(tx, id, 'imported', null, at);
    return { ...imported, release: { id, status: 'published' } };
  });
}
