import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../server/devices/devices';
import { syncStatus } from '../../electron/services/sync/sync-status';
import { draft, validSnils } from '../support/fixtures';
import { createPatientAt, openSyncDesk, pendingOutbox, startSyncServer, type SyncServer } from './sync-harness';
import { rawTx } from '../../electron/store/raw-tx';

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(() => server.stop());

describe('what the server refuses is shown to staff, never dropped', () => {
  it('keeps a refused mutation marked in the outbox with its code, and pushes the rest', async () => {
    const desk = await openSyncDesk(server, 'refused-desk');
    try {
      await desk.sync();
      // A change to a table this device may not write (as an older or tampered desk might queue).
      desk.store.transaction((tx) =>
        rawTx(tx).run(
          `INSERT INTO sync_outbox (mutation_id, table_name, row_id, base_version, changed, actor_id, device_id, created_at)
           VALUES ('01900000-0000-7000-8000-00000000abcd', 'staff', '01900000-0000-7000-8000-00000000abce', 0, '{"role":"admin"}', ?, ?, ?)`,
          [desk.ctx.actor.staffId, desk.ctx.actor.deviceId, new Date().toISOString()],
        ),
      );
      await createPatientAt(desk, draft({ snils: validSnils('412345670') }));
      await desk.sync();
      expect(pendingOutbox(desk)).toBe(0);
      const status = syncStatus(desk.ctx);
      expect(status.refused).toEqual([
        expect.objectContaining({ table: 'staff', code: expect.stringMatching(/^sync\./) }),
      ]);
      const kept = desk.store.transaction((tx) =>
        tx.get<{ status: string }>("SELECT status FROM sync_outbox WHERE table_name = 'staff'"),
      );
      expect(kept?.status).toBe('refused');
    } finally {
      await desk.cleanup();
    }
  });

  it('stops at once for a revoked device, says why, and keeps its changes', async () => {
    const desk = await openSyncDesk(server, 'revoked-desk');
    try {
      await desk.sync();
      const deviceId = desk.store.transaction((tx) =>
        tx.get<{ value: string }>("SELECT value FROM settings WHERE key = 'sync.identity'"),
      );
      const id = (JSON.parse(deviceId!.value) as { deviceId: string }).deviceId;
      await revokeDevice(server.db, id, new Date());
      await createPatientAt(desk, draft({ snils: validSnils('412345671') }));
      await expect(desk.sync()).rejects.toMatchObject({ name: 'SyncRefusedError', status: expect.any(Number) });
      expect(pendingOutbox(desk)).toBe(1);
    } finally {
      await desk.cleanup();
    }
  });
});
