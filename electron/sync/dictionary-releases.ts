import { AppError } from '../../shared/errors/app-error';
import { blobChunkMaxBytes } from '../../shared/sync/protocol';
import type { Actor } from '../store/actor';
import { actingContext } from '../core/fixed-actor-context';
import {
  appendChunk,
  discardFile,
  fileContent,
  filesToUpload,
  markFile,
  startFile,
  storedFile,
} from '../store/local-writers/dictionary-files';
import { setReleaseLocalState, type ReleaseLocalState } from '../store/local-writers/dictionary-release-state';
import { systemClock } from '../store/clock';
import { importDictionaryBytes } from '../services/dictionaries/import-file';
import type { Store } from '../store/open-store';
import { sha256Hex, uploadBlob, type BlobTransport } from './blob-transfer';
import type { ProgressReporter } from './sync-progress';
import { SyncRefusedError } from './sync-transport';

interface ReleaseRow {
  id: string;
  kind: string;
  name: string;
  dictionary_version: string;
  source_name: string;
  source_sha256: string;
  source_bytes: number;
  created_by: string | null;
}

/**
 * Uploads the files of dictionaries published at this desk, before the push that carries their
 * release rows (the server takes a release only once its file is there). Resumes a cut upload
 * from the server's offset.
 */
export async function uploadDictionaryFiles(store: Store, transport: BlobTransport): Promise<number> {
  const pending = store.transaction((tx) => filesToUpload(tx));
  for (const sha256 of pending) {
    const content = store.transaction((tx) => fileContent(tx, sha256));
    await uploadBlob(transport, content);
    store.transaction((tx) => markFile(tx, sha256, { uploaded: true }));
  }
  return pending.length;
}

/**
 * Carries out the dictionary releases pulled from the server (item 10), oldest first: downloads
 * each file in pieces (a cut download resumes from the pieces kept), checks it against the
 * release's SHA-256, and imports it with the same importer as the command line — one
 * transaction, so a broken file never half-imports. What happened is kept on the release row
 * (`local_state`, `local_code`): `imported` (also when this very file was imported here
 * already), `skipped` (older than the active version), `failed` (a file that is not what the
 * release names, or that the importer refuses). Network failures propagate: the next cycle
 * resumes. Returns how many releases were settled.
 */
export async function followDictionaryReleases(
  store: Store,
  transport: BlobTransport,
  actor: Actor,
  report: ProgressReporter,
): Promise<number> {
  const releases = store.transaction((tx) =>
    tx.all<ReleaseRow>(
      // Only releases the server holds: not one of this desk's own still waiting in (or refused from) the outbox.
      `SELECT id, kind, name, dictionary_version, source_name, source_sha256, source_bytes, created_by
         FROM dictionary_releases r
        WHERE local_state = 'pending'
          AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.table_name = 'dictionary_releases' AND o.row_id = r.id)
        ORDER BY created_at, id`,
    ),
  );
  const ctx = actingContext({ store, clock: systemClock, actor });
  for (const release of releases) {
    const settle = (state: ReleaseLocalState, code: string | null) =>
      store.transaction((tx) => setReleaseLocalState(tx, release.id, state, code, ctx.clock.now().toISOString()));
    let content: Buffer | AppError;
    try {
      content = await download(store, transport, release, report);
    } catch (error) {
      // The server answered no (its copy gone, say): a fact for staff, not a reason to stop syncing.
      if (!(error instanceof SyncRefusedError)) throw error;
      settle('failed', error.code);
      continue;
    }
    if (content instanceof AppError) {
      settle('failed', content.code);
      continue;
    }
    try {
      importDictionaryBytes(ctx, release.kind, content, release.source_name, {
        version: release.dictionary_version,
        release: { id: release.id, publishedBy: release.created_by },
      });
      settle('imported', null);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      settle(error.code === 'dictionary.version.older' ? 'skipped' : 'failed', error.code);
    }
  }
  return releases.length;
}

async function download(
  store: Store,
  transport: BlobTransport,
  release: ReleaseRow,
  report: ProgressReporter,
): Promise<Buffer | AppError> {
  const { source_sha256: sha256, source_bytes: size } = release;
  let file = store.transaction((tx) => {
    startFile(tx, sha256, size, true);
    return storedFile(tx, sha256);
  });
  let received = file?.received ?? 0;
  while (!file?.complete && received < size) {
    const piece = await transport.getBlob(sha256, received, Math.min(size, received + blobChunkMaxBytes) - 1);
    if (piece.length === 0 || received + piece.length > size) break;
    const offset = received;
    store.transaction((tx) => appendChunk(tx, sha256, offset, piece));
    received += piece.length;
    report({ phase: 'dictionary', done: Math.round(received / 1024), total: Math.round(size / 1024) });
  }
  report(null);
  return store.transaction((tx) => {
    const content = fileContent(tx, sha256);
    file = storedFile(tx, sha256);
    if (file?.complete) return content;
    const params = { name: release.name };
    const refusal =
      content.length !== size
        ? new AppError('dictionary.release.size', { params: { ...params, expected: size, actual: content.length } })
        : sha256Hex(content) !== sha256
          ? new AppError('dictionary.release.hash_mismatch', { params })
          : null;
    if (refusal) {
      // Not kept: the next release of this content downloads it afresh.
      discardFile(tx, sha256);
      return refusal;
    }
    markFile(tx, sha256, { complete: true });
    return content;
  });
}
