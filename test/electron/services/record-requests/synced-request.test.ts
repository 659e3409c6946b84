import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { withChangeLog } from '../../../../server/sync/change-log';
import { writeServerRow } from '../../../../server/sync/server-rows';
import type { RecordRequestDetail } from '../../../../shared/api/record-request-calls';
import { fileJobsOf } from '../../../../electron/services/record-requests/file-jobs';
import { draft, validSnils } from '../../../support/fixtures';
import {
  createPatientAt,
  openSyncDesk,
  pendingOutbox,
  startSyncServer,
  type SyncDesk,
  type SyncServer,
} from '../../../sync/sync-harness';
import { call } from './request-desk';

let server: SyncServer;
let desk: SyncDesk;
beforeAll(async () => {
  server = await startSyncServer();
  desk = await openSyncDesk(server, 'Регистратура, окно 1');
}, 120_000);
afterAll(async () => {
  await desk?.cleanup();
  await server?.stop();
});

/** A request as the server writes it for the cabinet: its own change, pulled by every desk. */
async function serverRequest(patientId: string): Promise<string> {
  const id = uuidv7();
  const now = new Date();
  const at = now.toISOString();
  await withChangeLog(server.db, { now, clinicId: await defaultClinicId(server.db) }, (log) =>
    writeServerRow(
      log,
      'record_requests',
      id,
      undefined,
      {
        patient_id: patientId,
        account_id: null,
        number: 'З-2026-000077',
        purpose: 'Для страховой компании',
        materials: JSON.stringify({ sections: ['all'] }),
        formats: JSON.stringify(['pdf', 'paper']),
        submitted_at: at,
        confirmed_via: 'sms',
        due_on: '2026-12-14',
        status: 'open',
      },
      at,
    ),
  );
  return id;
}

async function serverRows(table: string, where: Record<string, unknown>) {
  return (await server.db('records').where({ table_name: table, ...where })).map(
    (row: { data: unknown }) =>
      (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
  );
}

describe('a record request fulfilled at a synced desk reaches the server (F3)', () => {
  it('pulled, taken, its PDF uploaded as a blob before its row, paper handed over, done — every step applied', async () => {
    const patientId = await createPatientAt(desk, draft({ surname: 'Запросова', snils: validSnils('523000025') }));
    await desk.sync();
    const id = await serverRequest(patientId);
    await desk.sync();

    expect((await call(desk, 'recordRequests.take', { id })).ok).toBe(true);
    const started = await call<{ jobId: string }>(desk, 'recordRequests.makeFile', { id, format: 'pdf' });
    expect(started.ok).toBe(true);
    await fileJobsOf(desk.store, desk.ctx.clock).settled();
    expect((await call(desk, 'recordRequests.handPaper', { id, receivedBy: { kind: 'patient' } })).ok).toBe(true);
    const done = await call<RecordRequestDetail>(desk, 'recordRequests.finish', { id });
    expect(done.data?.request.status).toBe('done');
    const file = done.data!.files[0]!;

    await desk.sync();
    expect(pendingOutbox(desk)).toBe(0);
    const [request] = await serverRows('record_requests', { id });
    expect(request).toMatchObject({
      status: 'done',
      taken_by: desk.ctx.actor.staffId,
      fulfilled_by: desk.ctx.actor.staffId,
      paper_received_by: '{"kind":"patient"}',
    });
    // The server opened the download for 30 days from the fulfilment, and the desk pulls that back.
    expect(typeof request!.available_until).toBe('string');
    expect(await serverRows('record_request_files', { id: file.id })).toEqual([
      expect.objectContaining({ request_id: id, format: 'pdf', sha256: file.sha256, size: file.size }),
    ]);
    const blob = await server.db('blobs').where({ sha256: file.sha256 }).first<{ complete: boolean }>('complete');
    expect(blob?.complete).toBe(true);
    await desk.sync();
    expect((await call<RecordRequestDetail>(desk, 'recordRequests.get', { id })).data?.request.availableUntil).toBe(
      request!.available_until,
    );
  });
});
