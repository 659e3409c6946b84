import { describe, expect, it } from 'vitest';
import { cabinetPaths } from '../../../../shared/cabinet/cabinet-api';
import { useTestServer } from '../../support/test-server';
import { CabinetBrowser, cabinetOptions, registration } from './cabinet-browser';

// Limiting on, as in production: the cabinet's routes have tighter limits of their own per address.
const opened = useTestServer(() => ({ rateLimit: { max: 10_000, timeWindowMs: 60_000 }, cabinet: cabinetOptions() }));

describe('rate limits per address on the cabinet’s account routes', () => {
  it('refuses the eleventh registration from one address within the hour', async () => {
    const browser = new CabinetBrowser(opened.server);
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt += 1)
      statuses.push((await browser.post(cabinetPaths.register, registration())).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
    const refused = await browser.post(cabinetPaths.register, registration());
    expect(refused.body.code).toBe('server.rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses the sixth sign-in code sent from one address within the minute', async () => {
    const browser = new CabinetBrowser(opened.server);
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1)
      statuses.push(
        (await browser.post(cabinetPaths.signInSend, { challengeId: 'x'.repeat(43), channel: 'sms' })).status,
      );
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
