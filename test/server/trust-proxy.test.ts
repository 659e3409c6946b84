import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy, readConfig } from '../../server/config';
import { AppError } from '../../shared/errors/app-error';
import { openTestDb, startTestServer, type TestDb } from './support/test-server';

/**
 * Whose X-Forwarded-For the server believes (issue 10, item 9): the review found that
 * MEDCARD_TRUST_PROXY=1 believed anyone's, so any client could pick the address the rate limiter
 * counts. Now it is a hop count or the proxies' addresses, and "trust all" is refused.
 */
let testDb: TestDb;

beforeAll(async () => {
  testDb = await openTestDb();
}, 60_000);
afterAll(async () => {
  await testDb?.cleanup();
}, 60_000);

function refusalOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

/** Four requests from this machine (127.0.0.1), each claiming another client address. */
async function statusesWithForgedAddresses(trustProxy: readonly string[]): Promise<number[]> {
  const server = await startTestServer(testDb.db, { trustProxy, rateLimit: { max: 3, timeWindowMs: 60_000 } });
  try {
    const statuses: number[] = [];
    for (const forged of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) {
      const response = await fetch(`${server.origin}/health`, { headers: { 'x-forwarded-for': forged } });
      statuses.push(response.status);
    }
    return statuses;
  } finally {
    await server.close();
  }
}

describe('trustProxy', () => {
  it('takes a hop count or the proxies’ addresses and CIDR ranges', () => {
    expect(parseTrustProxy('0')).toBe(0);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(readConfig({ MEDCARD_TRUST_PROXY: '192.168.1.10' }).trustProxy).toEqual(['192.168.1.10']);
    expect(readConfig({}).trustProxy).toBe(0);
  });

  it('refuses a bare true (believe anybody) and anything that is not an address, with its own code', () => {
    for (const value of ['true', '*', 'yes', '10.0.0.1/33', 'proxy.local', '']) {
      expect(refusalOf(() => parseTrustProxy(value))).toBe('server.trust_proxy');
    }
    expect(refusalOf(() => readConfig({ MEDCARD_TRUST_PROXY: 'true' }))).toBe('server.trust_proxy');
  });

  it('a forged X-Forwarded-For from an untrusted peer does not change the address the rate limiter counts', async () => {
    // Only 10.9.8.7 is a proxy: this machine's forged headers are ignored, all four count as one client.
    expect(await statusesWithForgedAddresses(['10.9.8.7'])).toEqual([200, 200, 200, 429]);
    // The same headers from a trusted proxy are believed: four clients, none limited.
    expect(await statusesWithForgedAddresses(['127.0.0.1'])).toEqual([200, 200, 200, 200]);
  });
});
