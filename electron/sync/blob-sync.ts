import { blobFields, type Mutation } from '../../shared/sync/protocol';
import type { ScanVault } from '../services/scans/scan-vault';
import type { Store } from '../store/open-store';
import { finishBlobDownload, noteBlobDownloadFailure } from '../store/sync-writers/blob-downloads';
import { sha256Hex, uploadBlob, type BlobTransport } from './blob-transfer';
import { SyncRefusedError } from './sync-transport';

/** Downloads go in pieces of this size, so that a cut costs at most one piece. */
const downloadPieceBytes = 1024 * 1024;
/** Per cycle; the rest wait for the next one, so rows keep flowing while files trickle in. */
const downloadsPerCycle = 50;

/**
 * Vault files and the server (ARCHITECTURE: blobs are content-addressed, uploaded and downloaded
 * separately, resumable). Plaintext exists only in memory: read from this desk's vault, sent
 * over TLS, kept sealed by the server, sealed again into the other desk's vault.
 */
export interface BlobSync {
  /** Uploads every file the mutations name, before they are pushed. */
  uploadFor(mutations: readonly Mutation[]): Promise<number>;
  /** Fetches files pulled rows named; returns how many arrived. */
  downloadQueued(): Promise<number>;
}

export function createBlobSync(store: Store, transport: BlobTransport, vault: ScanVault): BlobSync {
  // What an interrupted download already has, kept for the next cycle of this worker.
  const partials = new Map<string, Buffer>();

  /** False when the server has no complete copy yet (its maker has not finished uploading it). */
  async function download(sha256: string): Promise<boolean> {
    const status = await transport.blobStatus(sha256);
    if (!status.complete) return false;
    let content = partials.get(sha256) ?? Buffer.alloc(0);
    while (content.length < status.received) {
      const to = Math.min(status.received, content.length + downloadPieceBytes) - 1;
      content = Buffer.concat([content, await transport.getBlob(sha256, content.length, to)]);
      partials.set(sha256, content);
    }
    partials.delete(sha256);
    if (sha256Hex(content) !== sha256) {
      throw new SyncRefusedError(422, 'sync.blob.mismatch');
    }
    await vault.put(content);
    return true;
  }

  return {
    async uploadFor(mutations) {
      const wanted = new Set<string>();
      for (const mutation of mutations) {
        for (const field of (blobFields as Record<string, readonly string[] | undefined>)[mutation.table] ?? []) {
          const sha256 = mutation.changed[field];
          if (typeof sha256 === 'string') wanted.add(sha256);
        }
      }
      let sent = 0;
      for (const sha256 of wanted) {
        // A row moved by a merge names a file this desk may still be fetching: its maker uploaded it.
        if (!vault.has(sha256)) continue;
        await uploadBlob(transport, await vault.get(sha256));
        sent += 1;
      }
      return sent;
    },
    async downloadQueued() {
      const queued = store.transaction((tx) =>
        tx.all<{ sha256: string }>(
          `SELECT sha256 FROM blob_downloads ORDER BY attempts, queued_at LIMIT ${downloadsPerCycle}`,
        ),
      );
      let arrived = 0;
      for (const { sha256 } of queued) {
        try {
          if (!vault.has(sha256) && !(await download(sha256))) {
            store.transaction((tx) => noteBlobDownloadFailure(tx, sha256, 'incomplete'));
            continue;
          }
          store.transaction((tx) => finishBlobDownload(tx, sha256));
          arrived += 1;
        } catch (error) {
          // The server does not have it (yet) or sent other bytes: try again later, after the rest.
          if (!(error instanceof SyncRefusedError)) throw error;
          partials.delete(sha256);
          store.transaction((tx) => noteBlobDownloadFailure(tx, sha256, error.code));
        }
      }
      return arrived;
    },
  };
}
