import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadBlob, sha256Hex, uploadBlob, type BlobTransport } from '../../electron/sync/blob-transfer';
import { httpTransport } from '../../electron/sync/http-transport';
import { privateKeyFromBase64 } from '../../electron/sync/request-signer';
import { SyncUnreachableError } from '../../electron/sync/sync-transport';
import { readSyncIdentity } from '../../electron/sync/sync-settings';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

let server: SyncServer;
let desk: SyncDesk;
let blobs: BlobTransport;
beforeAll(async () => {
  server = await startSyncServer();
  desk = await openSyncDesk(server, 'blob-desk');
  const identity = desk.store.transaction((tx) => readSyncIdentity(tx))!;
  blobs = httpTransport({
    servers: identity.servers,
    deviceId: identity.deviceId,
    privateKey: privateKeyFromBase64(identity.privateKey),
  });
});
afterAll(async () => {
  await desk.cleanup();
  await server.stop();
});

describe('blobs: content-addressed, resumable, verified at both ends (A6)', () => {
  it('resumes an upload cut after the first chunk and downloads the same bytes', async () => {
    const scan = randomBytes(2.5 * 1024 * 1024);
    let chunks = 0;
    const cutting: BlobTransport = {
      ...blobs,
      putBlobChunk: async (...args) => {
        if (chunks++ === 1) throw new SyncUnreachableError('network cut (test)');
        return blobs.putBlobChunk(...args);
      },
    };
    await expect(uploadBlob(cutting, scan)).rejects.toThrow(/network cut/);
    const partial = await blobs.blobStatus(sha256Hex(scan));
    expect(partial).toMatchObject({ received: 1024 * 1024, complete: false });
    const sent: number[] = [];
    expect(await uploadBlob(cutting, scan, (done) => sent.push(done))).toBe(sha256Hex(scan));
    expect(sent[0]).toBe(2 * 1024 * 1024);
    expect((await downloadBlob(blobs, sha256Hex(scan))).equals(scan)).toBe(true);
    expect((await downloadBlob(blobs, sha256Hex(scan), scan.subarray(0, 1000))).equals(scan)).toBe(true);
  });

  it('does not upload again what the server already has', async () => {
    const scan = randomBytes(4096);
    await uploadBlob(blobs, scan);
    let puts = 0;
    await uploadBlob({ ...blobs, putBlobChunk: async (...args) => (puts++, blobs.putBlobChunk(...args)) }, scan);
    expect(puts).toBe(0);
  });

  it('refuses content that does not match the hash it claims, on the way up and on the way down', async () => {
    const scan = randomBytes(4096);
    const wrongHash = sha256Hex(randomBytes(16));
    await expect(blobs.putBlobChunk(wrongHash, 0, scan, true)).rejects.toMatchObject({ name: 'SyncRefusedError' });
    expect((await blobs.blobStatus(wrongHash)).complete).toBe(false);
    await uploadBlob(blobs, scan);
    const lying: BlobTransport = { ...blobs, getBlob: async () => randomBytes(4096) };
    await expect(downloadBlob(lying, sha256Hex(scan))).rejects.toThrow(/other content/);
  });
});
