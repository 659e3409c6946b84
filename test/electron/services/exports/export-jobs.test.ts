import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExportDesk, type ExportDesk } from './export-fixtures';

interface Envelope {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; field?: string };
}

let desk: ExportDesk;
const call = async (name: string, input: unknown) => (await desk.dispatch(name, input)) as Envelope;

async function finished(jobId: string): Promise<Record<string, unknown>> {
  for (;;) {
    const job = await call('exports.job', { jobId });
    if (job.data?.state !== 'running') return job.data ?? {};
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  desk = await openExportDesk();
});
afterAll(async () => {
  await desk.cleanup();
});

describe('exports.* calls (the desk dialog)', () => {
  it('starts a job, reports progress, and hands the file over once', async () => {
    const started = await call('exports.start', { patientId: desk.patientId, format: 'semd', sections: ['all'] });
    expect(started.ok).toBe(true);
    const jobId = String(started.data?.jobId);
    const job = await finished(jobId);
    expect(job).toMatchObject({ state: 'done', error: null, file: { withheld: 1 } });
    expect(job.done).toBe(job.total);
    const file = await call('exports.take', { jobId });
    expect(file.data).toMatchObject({ mime: 'application/xml', withheld: 1 });
    const bytes = Buffer.from(String(file.data?.data), 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.data?.sha256);
    expect((await call('exports.take', { jobId })).error?.code).toBe('exports.job_not_found');
  });

  it('cancels a running job: no file to take', async () => {
    const started = await call('exports.start', { patientId: desk.patientId, format: 'pdf' });
    const jobId = String(started.data?.jobId);
    const cancelled = await call('exports.cancel', { jobId });
    expect(cancelled.data?.state).toBe('cancelled');
    expect((await call('exports.take', { jobId })).error?.code).toBe('exports.job_not_ready');
  });

  it('refuses at the start an unknown format and a patient outside the clinic', async () => {
    const format = await call('exports.start', { patientId: desk.patientId, format: 'docx' });
    expect(format.error).toMatchObject({ code: 'exports.format_unknown', field: 'format' });
    const unknown = await call('exports.start', { patientId: '0193b0a0-0000-7000-8000-000000000000', format: 'pdf' });
    expect(unknown.error).toMatchObject({ code: 'exports.patient_not_found' });
  });

  it('prints the same PDF, audited as printed', async () => {
    const printed = await call('exports.print', { patientId: desk.patientId });
    expect(printed.data?.mime).toBe('application/pdf');
    const events = desk.store.read((tx) =>
      tx.all<{ n: number }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'exports.printed'`),
    );
    expect(events[0]?.n).toBe(1);
  });
});
