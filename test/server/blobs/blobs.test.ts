import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/errors/app-error';
import { blobChunkMaxBytes, blobStatusSchema } from '../../../shared/sync/protocol';
import {
  countRows,
  enrolTestDevice,
  openTestDb,
  startTestServer,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';

let testDb: TestDb;
let server: TestServer;
let desk: TestDevice;

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db);
  desk = await enrolTestDevice(testDb.db, server);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A recognisable "scan": a marker repeated, so finding it in the database would be easy. */
function scan(size: number, marker = 'ПАСПОРТ-4510-123456-'): Buffer {
  const unit = Buffer.from(marker);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += unit.length) unit.copy(bytes, i);
  return bytes;
}

const put = (hash: string, offset: number, bytes: Buffer, complete = false) =>
  desk.send('PUT', `/v1/blobs/${hash}?offset=${offset}${complete ? '&complete=1' : ''}`, { raw: bytes });

describe('blobs', () => {
  it('uploads in chunks, resumes from HEAD after an interruption, and downloads the same bytes', async () => {
    const content = Buffer.concat([scan(1_500_000), randomBytes(1000)]);
    const hash = sha256(content);
    const chunk = blobChunkMaxBytes;

    const head0 = await desk.send('HEAD', `/v1/blobs/${hash}`);
    expect(head0.status).toBe(404);
    expect(head0.headers.get('upload-offset')).toBe('0');

    const first = await put(hash, 0, content.subarray(0, chunk));
    expect(first.status).toBe(200);
    expect(blobStatusSchema.parse(first.json())).toEqual({ sha256: hash, received: chunk, complete: false });

    // The connection dropped here; the desk asks where to resume.
    const head1 = await desk.send('HEAD', `/v1/blobs/${hash}`);
    expect(head1.status).toBe(200);
    expect(head1.headers.get('upload-offset')).toBe(String(chunk));
    expect(head1.headers.get('upload-complete')).toBe('0');

    // A chunk sent at a stale offset is refused and says where to resume.
    const stale = await put(hash, 0, content.subarray(0, 10));
    expect(stale.status).toBe(409);
    expect(stale.headers.get('upload-offset')).toBe(String(chunk));
    expect(apiErrorSchema.parse(stale.json()).code).toBe('sync.blob.offset');

    const last = await put(hash, chunk, content.subarray(chunk), true);
    expect(last.status).toBe(200);
    expect(blobStatusSchema.parse(last.json())).toEqual({ sha256: hash, received: content.length, complete: true });

    const head2 = await desk.send('HEAD', `/v1/blobs/${hash}`);
    expect(head2.headers.get('upload-complete')).toBe('1');
    expect(head2.headers.get('content-length')).toBe(String(content.length));

    const download = await desk.get(`/v1/blobs/${hash}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('accept-ranges')).toBe('bytes');
    expect(download.body.equals(content)).toBe(true);

    // Uploading it again adds nothing and changes nothing.
    const again = await put(hash, 0, content.subarray(0, 100), true);
    expect(blobStatusSchema.parse(again.json())).toMatchObject({ complete: true, received: content.length });
  });

  it('serves byte ranges, across chunk boundaries too', async () => {
    const content = randomBytes(blobChunkMaxBytes + 5000);
    const hash = sha256(content);
    await put(hash, 0, content.subarray(0, blobChunkMaxBytes));
    await put(hash, blobChunkMaxBytes, content.subarray(blobChunkMaxBytes), true);
    const ranged = async (range: string) => desk.send('GET', `/v1/blobs/${hash}`, { headers: { range } });

    const across = await ranged(`bytes=${blobChunkMaxBytes - 10}-${blobChunkMaxBytes + 9}`);
    expect(across.status).toBe(206);
    expect(across.headers.get('content-range')).toBe(
      `bytes ${blobChunkMaxBytes - 10}-${blobChunkMaxBytes + 9}/${content.length}`,
    );
    expect(across.body.equals(content.subarray(blobChunkMaxBytes - 10, blobChunkMaxBytes + 10))).toBe(true);

    const open = await ranged('bytes=100-');
    expect(open.body.equals(content.subarray(100))).toBe(true);
    const suffix = await ranged('bytes=-50');
    expect(suffix.body.equals(content.subarray(content.length - 50))).toBe(true);
    const beyond = await ranged(`bytes=${content.length}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${content.length}`);
  });

  it('refuses content that does not match its hash and discards what was uploaded', async () => {
    const content = scan(300_000);
    const wrongHash = sha256(Buffer.from('something else'));
    expect((await put(wrongHash, 0, content.subarray(0, 200_000))).status).toBe(200);
    const last = await put(wrongHash, 200_000, content.subarray(200_000), true);
    expect(last.status).toBe(422);
    expect(apiErrorSchema.parse(last.json()).code).toBe('sync.blob.hash_mismatch');
    expect((await desk.send('HEAD', `/v1/blobs/${wrongHash}`)).status).toBe(404);
    expect(await testDb.db('blob_chunks').where({ sha256: wrongHash }).select('offset')).toEqual([]);
    expect((await desk.get(`/v1/blobs/${wrongHash}`)).status).toBe(404);
  });

  it('keeps blobs encrypted at rest', async () => {
    const marker = 'СНИЛС-112-233-445-95-';
    const content = scan(200_000, marker);
    const hash = sha256(content);
    expect((await put(hash, 0, content, true)).status).toBe(200);
    const rows = await testDb.db('blob_chunks').where({ sha256: hash }).select('ciphertext', 'iv', 'tag');
    expect(rows).toHaveLength(1);
    const raw = Buffer.from(rows[0].ciphertext as Uint8Array);
    expect(raw.length).toBe(content.length);
    expect(raw.includes(Buffer.from(marker))).toBe(false);
    expect(raw.equals(content)).toBe(false);
    // Nor anywhere else in the database.
    const dump = await testDb.db.raw(
      'SELECT count(*) AS n FROM blob_chunks WHERE position(?::bytea in ciphertext) > 0',
      [Buffer.from(marker)],
    );
    expect(Number(dump.rows[0].n)).toBe(0);
    expect((await desk.get(`/v1/blobs/${hash}`)).body.equals(content)).toBe(true);
  });

  it('refuses a chunk over 1 MiB, a download of an unfinished blob, a bad hash, and unsigned access', async () => {
    const chunksBefore = await countRows(testDb.db, 'blob_chunks');
    const tooBig = await put(sha256(Buffer.from('x')), 0, Buffer.alloc(blobChunkMaxBytes + 1));
    expect(tooBig.status).toBe(413);
    expect(apiErrorSchema.parse(tooBig.json()).code).toBe('server.too_large');

    const partial = randomBytes(1000);
    const partialHash = sha256(Buffer.concat([partial, partial]));
    await put(partialHash, 0, partial);
    const unfinished = await desk.get(`/v1/blobs/${partialHash}`);
    expect(unfinished.status).toBe(409);
    expect(apiErrorSchema.parse(unfinished.json()).code).toBe('sync.blob.incomplete');

    expect((await desk.get('/v1/blobs/not-a-hash')).status).toBe(400);
    expect((await desk.get(`/v1/blobs/${'f'.repeat(64)}`)).status).toBe(404);
    expect((await desk.send('GET', `/v1/blobs/${partialHash}`, { unsigned: true })).status).toBe(401);
    expect(
      (await desk.send('PUT', `/v1/blobs/${partialHash}?offset=1000`, { raw: partial, unsigned: true })).status,
    ).toBe(401);
    expect(await countRows(testDb.db, 'blob_chunks')).toBe(chunksBefore + 1);
  });

  it('refuses a blob larger than the limit, keeping what was received', async () => {
    const small = await startTestServer(testDb.db, { blobMaxBytes: 1000 });
    try {
      const content = randomBytes(1200);
      const hash = sha256(content);
      const via = desk.via(small);
      expect((await via.send('PUT', `/v1/blobs/${hash}?offset=0`, { raw: content.subarray(0, 600) })).status).toBe(200);
      const over = await via.send('PUT', `/v1/blobs/${hash}?offset=600&complete=1`, { raw: content.subarray(600) });
      expect(over.status).toBe(413);
      expect(apiErrorSchema.parse(over.json()).code).toBe('sync.blob.too_large');
      expect((await via.send('HEAD', `/v1/blobs/${hash}`)).headers.get('upload-offset')).toBe('600');
    } finally {
      await small.close();
    }
  });
});
