import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { enrolledPatient } from '../../portal/portal-setup';
import { enrolTestDevice, useTestServer } from '../../support/test-server';
import { cabinetOptions, signedInAccount, upload } from './cabinet-uploader';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-uploads-'));
// The server's own limits on, as in production: the global one generous, the route's per account.
const opened = useTestServer(() => ({
  cabinet: cabinetOptions(mailDrop),
  rateLimit: { max: 1000, timeWindowMs: 60_000 },
}));
afterAll(() => rmSync(mailDrop, { recursive: true, force: true }));

it('lets one account start ten uploads a minute; the eleventh waits, another account does not', async () => {
  const desk = await enrolTestDevice(opened.db, opened.server);
  const hasty = await signedInAccount(opened.db, await enrolledPatient(desk));
  const calm = await signedInAccount(opened.db, await enrolledPatient(desk));
  const notAScan = Buffer.from('not a scan');
  for (let n = 0; n < 10; n += 1) {
    const reply = await upload(opened.server, hasty, notAScan, 'image/jpeg');
    expect(reply.body.code).toBe('scan.format.unsupported');
  }
  const eleventh = await upload(opened.server, hasty, notAScan, 'image/jpeg');
  expect(eleventh).toMatchObject({ status: 429, body: { code: 'server.rate_limited' } });
  expect((await upload(opened.server, calm, notAScan, 'image/jpeg')).body.code).toBe('scan.format.unsupported');
});
