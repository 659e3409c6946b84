import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordFileJob, RecordRequestDetail } from '../../../../shared/api/record-request-calls';
import { fileJobsOf } from '../../../../electron/services/record-requests/file-jobs';
import { auditOf, call, openRequestDesk, pulledRequest, type RequestDesk } from './request-desk';

let desk: RequestDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

async function made(d: RequestDesk, id: string, format: 'pdf' | 'fhir' | 'semd'): Promise<RecordFileJob> {
  const started = await call<{ jobId: string }>(d, 'recordRequests.makeFile', { id, format });
  expect(started.ok).toBe(true);
  await fileJobsOf(d.store, d.ctx.clock).settled();
  return (await call<RecordFileJob>(d, 'recordRequests.fileJob', { jobId: started.data!.jobId })).data!;
}

describe('a request fulfilled with the export engine itself (F3, exportPatientRecord)', () => {
  it('makes the FHIR Bundle and the PDF of the request, kept in the vault by SHA-256, the export audited with the request', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, {
      number: 'З-2026-000042',
      due_on: '2026-11-27',
      formats: JSON.stringify(['fhir', 'pdf']),
    });
    await call(desk, 'recordRequests.take', { id });
    expect(await made(desk, id, 'fhir')).toMatchObject({ state: 'done', error: null });
    expect(await made(desk, id, 'pdf')).toMatchObject({ state: 'done', error: null });

    const detail = (await call<RecordRequestDetail>(desk, 'recordRequests.get', { id })).data!;
    expect(detail.missing).toEqual([]);
    const byFormat = Object.fromEntries(detail.files.map((file) => [file.format, file]));
    expect(byFormat.fhir).toMatchObject({ mime: 'application/fhir+json' });
    expect(byFormat.pdf).toMatchObject({ mime: 'application/pdf' });
    const bundle = await desk.ctx.scans.vault.get(byFormat.fhir!.sha256);
    expect(createHash('sha256').update(bundle).digest('hex')).toBe(byFormat.fhir!.sha256);
    expect(bundle.length).toBe(byFormat.fhir!.size);
    expect(JSON.parse(bundle.toString('utf8'))).toMatchObject({ resourceType: 'Bundle' });
    expect((await desk.ctx.scans.vault.get(byFormat.pdf!.sha256)).subarray(0, 5).toString()).toBe('%PDF-');

    const exported = auditOf(desk, 'exports.created').map(
      (event) => JSON.parse(event.details) as Record<string, unknown>,
    );
    expect(exported).toEqual([
      expect.objectContaining({ format: 'fhir', sha256: byFormat.fhir!.sha256, requestId: id }),
      expect.objectContaining({ format: 'pdf', sha256: byFormat.pdf!.sha256, requestId: id }),
    ]);
    expect((await call(desk, 'recordRequests.finish', { id })).ok).toBe(true);
  });
});
