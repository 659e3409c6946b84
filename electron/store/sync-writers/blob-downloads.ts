import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Sync-only writer: the queue of files (scans) this desk still has to fetch. Pulled rows queue
 * them (`server-changes.ts`); the worker takes them off or counts a failed try.
 */
export function noteBlobDownloadFailure(tx: Tx, sha256: string, error: string): void {
  rawTx(tx).run('UPDATE blob_downloads SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?', [error, sha256]);
}

export function finishBlobDownload(tx: Tx, sha256: string): void {
  rawTx(tx).run('DELETE FROM blob_downloads WHERE sha256 = ?', [sha256]);
}
