import type { ReadTx, Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer (and its reads): a dictionary file's bytes on this desk (`dictionary_files` +
 * `dictionary_file_chunks`, migration 0014), kept in pieces so that a download resumes where it
 * was cut and a 32 MiB file is never rewritten to add to it. Releases publish and fetch them.
 */
export interface StoredFile {
  sha256: string;
  size: number;
  received: number;
  complete: boolean;
  uploaded: boolean;
}

export function storedFile(tx: ReadTx, sha256: string): StoredFile | undefined {
  const row = tx.get<{ size: number; complete: number; uploaded: number; received: number }>(
    `SELECT f.size, f.complete, f.uploaded, coalesce((SELECT sum(length(c.content)) FROM dictionary_file_chunks c WHERE c.sha256 = f.sha256), 0) AS received
       FROM dictionary_files f WHERE f.sha256 = ?`,
    [sha256],
  );
  return row
    ? { sha256, size: row.size, received: row.received, complete: row.complete === 1, uploaded: row.uploaded === 1 }
    : undefined;
}

/** Starts a file; `uploaded`: the server has it already (a download) or it still must go up (a publication). */
export function startFile(tx: Tx, sha256: string, size: number, uploaded: boolean): void {
  rawTx(tx).run('INSERT OR IGNORE INTO dictionary_files (sha256, size, complete, uploaded) VALUES (?, ?, 0, ?)', [
    sha256,
    size,
    uploaded ? 1 : 0,
  ]);
}

export function appendChunk(tx: Tx, sha256: string, offset: number, content: Uint8Array): void {
  rawTx(tx).run('INSERT INTO dictionary_file_chunks (sha256, offset, content) VALUES (?, ?, ?)', [
    sha256,
    offset,
    Buffer.from(content),
  ]);
}

/** The whole content, once every piece is here. */
export function fileContent(tx: ReadTx, sha256: string): Buffer {
  const chunks = tx.all<{ content: Buffer }>(
    'SELECT content FROM dictionary_file_chunks WHERE sha256 = ? ORDER BY offset',
    [sha256],
  );
  return Buffer.concat(chunks.map((chunk) => chunk.content));
}

export function markFile(tx: Tx, sha256: string, flags: { complete?: true; uploaded?: true }): void {
  if (flags.complete) rawTx(tx).run('UPDATE dictionary_files SET complete = 1 WHERE sha256 = ?', [sha256]);
  if (flags.uploaded) rawTx(tx).run('UPDATE dictionary_files SET uploaded = 1 WHERE sha256 = ?', [sha256]);
}

export function discardFile(tx: Tx, sha256: string): void {
  rawTx(tx).run('DELETE FROM dictionary_file_chunks WHERE sha256 = ?', [sha256]);
  rawTx(tx).run('DELETE FROM dictionary_files WHERE sha256 = ?', [sha256]);
}

/** Files published here and not yet on the server. */
export function filesToUpload(tx: ReadTx): string[] {
  return tx
    .all<{ sha256: string }>('SELECT sha256 FROM dictionary_files WHERE complete = 1 AND uploaded = 0 ORDER BY sha256')
    .map((row) => row.sha256);
}
