import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredUploads } from '../../../server/blobs/upload-limits';
import { enrolTestDevice, type TestDevice, useTestServer } from '../support/test-server';

/**
 * Unfinished uploads per device are capped and expire (issue 10, item 9): the review found that a
 * device could leave any number of unfinished uploads behind.
 */
const suite = useTestServer(() => ({ now: () => new Date(clock), blobUploads: limits }));
let desk: TestDevice;
let otherDesk: TestDevice;
let clock = Date.now();
const limits = { maxUnfinished: 2, maxUnfinishedBytes: 3000, expireAfterMs: 60 * 60 * 1000 };

beforeAll(async () => {
  desk = await enrolTestDevice(suite.db, suite.server, 'A');
  otherDesk = await enrolTestDevice(suite.db, suite.server, 'B');
}, 60_000);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const put = (device: TestDevice, content: Buffer, offset: number, length: number, complete = false) =>
  device.send('PUT', `/v1/blobs/${sha256(content)}?offset=${offset}${complete ? '&complete=1' : ''}`, {
    raw: content.subarray(offset, offset + length),
    sign: { time: clock },
  });
const unfinished = async (device: TestDevice) =>
  suite.db('blobs').where({ device_id: device.id, complete: false }).count<{ n: unknown }[]>('* as n');

describe('unfinished blob uploads per device', () => {
  it('a device starting more unfinished uploads than allowed is refused, and nothing is written', async () => {
    const [first, second, third] = [randomBytes(2000), randomBytes(2000), randomBytes(2000)];
    expect((await put(desk, first, 0, 500)).status).toBe(200);
    expect((await put(desk, second, 0, 500)).status).toBe(200);
    const refused = await put(desk, third, 0, 500);
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'sync.blob.unfinished_capped' });
    expect(await suite.db('blobs').where({ sha256: sha256(third) })).toEqual([]);
    // Another desk has its own allowance; finishing an upload frees a place.
    expect((await put(otherDesk, third, 0, 500)).status).toBe(200);
    expect((await put(desk, first, 500, 1500, true)).status).toBe(200);
    expect((await put(desk, randomBytes(10), 0, 5)).status).toBe(200);
  });

  it('a device growing its unfinished uploads beyond the byte cap is refused, keeping what was received', async () => {
    const big = randomBytes(5000);
    const hash = sha256(big);
    await suite.db('blobs').where({ device_id: desk.id, complete: false }).delete();
    expect((await put(desk, big, 0, 2500)).status).toBe(200);
    const refused = await put(desk, big, 2500, 1000);
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'sync.blob.unfinished_capped' });
    const head = await desk.send('HEAD', `/v1/blobs/${hash}`, { sign: { time: clock } });
    expect(head.headers.get('upload-offset')).toBe('2500');
  });

  it('an unfinished upload left alone expires: the sweep discards it and its chunks', async () => {
    const left = randomBytes(1000);
    await suite.db('blobs').where({ device_id: otherDesk.id, complete: false }).delete();
    expect((await put(otherDesk, left, 0, 400)).status).toBe(200);
    expect(Number((await unfinished(otherDesk))[0]?.n)).toBe(1);
    expect(await sweepExpiredUploads(suite.db, new Date(clock), limits)).toBe(0);
    clock += limits.expireAfterMs + 1000;
    expect(await sweepExpiredUploads(suite.db, new Date(clock), limits)).toBeGreaterThanOrEqual(1);
    expect(Number((await unfinished(otherDesk))[0]?.n)).toBe(0);
    expect(await suite.db('blob_chunks').where({ sha256: sha256(left) })).toEqual([]);
    const head = await otherDesk.send('HEAD', `/v1/blobs/${sha256(left)}`, { sign: { time: clock } });
    expect(head.status).toBe(404);
  });
});
