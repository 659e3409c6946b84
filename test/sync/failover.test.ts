import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draft, validSnils } from '../support/fixtures';
import { createPatientAt, openSyncDesk, pendingOutbox, startSyncServer, type SyncServer } from './sync-harness';

let server: SyncServer;
let deadUrl: string;
beforeAll(async () => {
  server = await startSyncServer();
  // A port that was just free: nothing listens there, so connections are refused at once.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(() => server.stop());

describe('failover to the backup server address (G3)', () => {
  it('enrols and syncs through the backup when the primary does not answer, and says which one it uses', async () => {
    const desk = await openSyncDesk(server, 'failover-desk', [deadUrl, server.url]);
    try {
      await createPatientAt(desk, draft({ surname: 'Запасная', snils: validSnils('712345678') }));
      await desk.sync();
      expect(pendingOutbox(desk)).toBe(0);
      expect(desk.transport.server).toBe(server.url);
    } finally {
      await desk.cleanup();
    }
  });
});
