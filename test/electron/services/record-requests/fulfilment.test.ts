import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordFileJob, RecordRequestDetail } from '../../../../shared/api/record-request-calls';
import { fileJobsOf } from '../../../../electron/services/record-requests/file-jobs';
import { startRequestFile, type RecordExporter } from '../../../../electron/services/record-requests/make-file';
import { auditOf, call, openRequestDesk, outboxOf, pulledRequest, type RequestDesk } from './request-desk';

let desk: RequestDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

type Detail = RecordRequestDetail;

async function taken(d: RequestDesk, formats: string[]): Promise<string> {
  const id = pulledRequest(d, { number: 'З-2026-000042', due_on: '2026-11-27', formats: JSON.stringify(formats) });
  expect((await call(d, 'recordRequests.take', { id })).ok).toBe(true);
  return id;
}

/**
 * A stand-in for the export engine (its own suite tests the files): the bytes say what was asked,
 * progress is reported in two steps, and a cancel is honoured between them.
 */
function exporter(asked: unknown[] = [], gate?: Promise<void>): RecordExporter {
  return async (_ctx, options, progress, signal) => {
    asked.push(options);
    progress?.(1, 2);
    await gate;
    signal?.throwIfAborted();
    progress?.(2, 2);
    const bytes = Buffer.from(`%PDF-1.7 запрос ${options.requestId} ${options.format}`);
    return {
      fileName: `record-${options.format}.pdf`,
      mime: 'application/pdf',
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      withheld: 3,
    };
  };
}

async function finished(d: RequestDesk, jobId: string): Promise<RecordFileJob> {
  await fileJobsOf(d.store, d.ctx.clock).settled();
  return (await call<RecordFileJob>(d, 'recordRequests.fileJob', { jobId })).data!;
}

describe('fulfilling a record request at the desk (F3)', () => {
  it('take: open → in work with who and when, journaled and queued for the server; a second take names who has it', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, { number: 'З-2026-000042', due_on: '2026-11-27' });
    const answer = await call<Detail>(desk, 'recordRequests.take', { id });
    expect(answer.data!.request).toMatchObject({
      status: 'in_work',
      takenAt: '2026-11-25T09:00:00.000Z',
      takenBy: { id: desk.ctx.actor.staffId, name: 'Учётная запись рабочего места' },
    });
    expect(auditOf(desk, 'record_requests.taken').map((event) => event.patient_id)).toEqual([desk.patientId]);
    expect(outboxOf(desk, 'record_requests').at(-1)).toMatchObject({
      row_id: id,
      changed: { status: 'in_work', taken_by: desk.ctx.actor.staffId },
    });
    expect(await call(desk, 'recordRequests.take', { id })).toMatchObject({
      ok: false,
      error: {
        code: 'records.request.taken',
        message: { ru: 'Запрос уже в работе у сотрудника Учётная запись рабочего места' },
      },
    });
  });

  it('makes a file: the export of the asked materials, the bytes sealed in the vault, a row naming them by SHA-256', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, {
      number: 'З-2026-000042',
      due_on: '2026-11-27',
      formats: JSON.stringify(['pdf', 'fhir']),
      materials: JSON.stringify({ sections: ['diagnoses', 'allergies'], from: '2025-01-01', to: '2026-06-30' }),
    });
    await call(desk, 'recordRequests.take', { id });
    const asked: unknown[] = [];
    const { jobId } = startRequestFile(desk.ctx, id, 'pdf', exporter(asked));
    const job = await finished(desk, jobId);
    expect(job).toMatchObject({ state: 'done', done: 2, total: 2, error: null });
    expect(asked).toEqual([
      {
        patientId: desk.patientId,
        format: 'pdf',
        sections: ['diagnoses', 'allergies'],
        from: '2025-01-01',
        to: '2026-06-30',
        requestId: id,
      },
    ]);
    const detail = (await call<Detail>(desk, 'recordRequests.get', { id })).data!;
    expect(detail.files).toHaveLength(1);
    const file = detail.files[0]!;
    expect(file).toMatchObject({ id: job.fileId, format: 'pdf', mime: 'application/pdf', withheld: 1 });
    expect((await desk.ctx.scans.vault.get(file.sha256)).toString()).toBe(`%PDF-1.7 запрос ${id} pdf`);
    expect(detail.missing).toEqual(['fhir']);
    // The sync worker uploads the blob the row names before it pushes the row (blobFields).
    expect(outboxOf(desk, 'record_request_files')).toEqual([
      expect.objectContaining({ row_id: file.id, changed: expect.objectContaining({ sha256: file.sha256 }) }),
    ]);
    expect(JSON.parse(auditOf(desk, 'record_requests.file_attached')[0]!.details)).toMatchObject({
      requestId: id,
      format: 'pdf',
      sha256: file.sha256,
    });
    // One file per format.
    expect(() => startRequestFile(desk!.ctx, id, 'pdf', exporter())).toThrow(
      expect.objectContaining({ code: 'records.request.file_exists' }),
    );
  });

  it('a file is refused for a format not asked, for a request not taken, and for a done one', async () => {
    desk = await openRequestDesk();
    const open = pulledRequest(desk, { number: 'З-2026-000001', due_on: '2026-11-27' });
    expect(await call(desk, 'recordRequests.makeFile', { id: open, format: 'pdf' })).toMatchObject({
      error: { code: 'records.request.not_in_work' },
    });
    const id = await taken(desk, ['pdf']);
    expect(await call(desk, 'recordRequests.makeFile', { id, format: 'semd' })).toMatchObject({
      error: { code: 'records.request.format_not_asked', field: 'format' },
    });
    expect(await call(desk, 'recordRequests.makeFile', { id, format: 'paper' })).toMatchObject({
      error: { field: 'format' },
    });
    const done = pulledRequest(desk, { number: 'З-2026-000003', due_on: '2026-11-27', status: 'done' });
    expect(await call(desk, 'recordRequests.makeFile', { id: done, format: 'pdf' })).toMatchObject({
      error: { code: 'records.request.done' },
    });
    expect(desk.count('record_request_files')).toBe(0);
  });

  it('a request whose materials cannot be read gets no file (never the whole record instead)', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, { number: 'З-2026-000001', due_on: '2026-11-27', materials: '{"sections":' });
    await call(desk, 'recordRequests.take', { id });
    expect((await call<Detail>(desk, 'recordRequests.get', { id })).data!.request.materials).toBeNull();
    expect(await call(desk, 'recordRequests.makeFile', { id, format: 'pdf' })).toMatchObject({
      error: { code: 'records.request.materials_unreadable' },
    });
  });

  it('cancel: the job says cancelled at once and leaves no row and no file', async () => {
    desk = await openRequestDesk();
    const id = await taken(desk, ['pdf']);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { jobId } = startRequestFile(desk.ctx, id, 'pdf', exporter([], gate));
    expect((await call<RecordFileJob>(desk, 'recordRequests.fileJob', { jobId })).data).toMatchObject({
      state: 'running',
      done: 1,
      total: 2,
    });
    expect(() => startRequestFile(desk!.ctx, id, 'pdf', exporter())).toThrow(
      expect.objectContaining({ code: 'records.request.file_in_progress' }),
    );
    // Reopened meanwhile, the panel finds the job still running and shows its progress again.
    expect((await call<Detail>(desk, 'recordRequests.get', { id })).data!.jobs).toMatchObject([
      { jobId, format: 'pdf', state: 'running' },
    ]);
    expect((await call<RecordFileJob>(desk, 'recordRequests.cancelFile', { jobId })).data).toMatchObject({
      state: 'cancelled',
    });
    release();
    expect(await finished(desk, jobId)).toMatchObject({ state: 'cancelled', fileId: null });
    expect((await call<Detail>(desk, 'recordRequests.get', { id })).data!.jobs).toEqual([]);
    expect(desk.count('record_request_files')).toBe(0);
    expect(desk.vaultFiles()).toEqual([]);
  });

  it('a failed export is the job’s error in words; nothing is kept', async () => {
    desk = await openRequestDesk();
    const id = await taken(desk, ['fhir']);
    const broken: RecordExporter = async () => {
      throw new Error('disk full');
    };
    const { jobId } = startRequestFile(desk.ctx, id, 'fhir', broken);
    expect(await finished(desk, jobId)).toMatchObject({
      state: 'failed',
      error: { code: 'records.request.file_failed', message: { ru: 'Не удалось сделать файл: Error: disk full' } },
    });
    expect(desk.count('record_request_files')).toBe(0);
    expect(await call(desk, 'recordRequests.fileJob', { jobId: '00000000-0000-4000-8000-000000000000' })).toMatchObject(
      {
        error: { code: 'records.request.job_unknown' },
      },
    );
  });

  it('paper handed over to a named representative, once; refused where no paper was asked', async () => {
    desk = await openRequestDesk();
    const id = await taken(desk, ['paper']);
    expect(
      await call(desk, 'recordRequests.handPaper', { id, receivedBy: { kind: 'representative', name: '   ' } }),
    ).toMatchObject({ ok: false, error: { field: 'receivedBy.name' } });
    const answer = await call<Detail>(desk, 'recordRequests.handPaper', {
      id,
      receivedBy: { kind: 'representative', name: 'Семёнов Олег Петрович' },
    });
    expect(answer.data!.request).toMatchObject({
      paperHandedAt: '2026-11-25T09:00:00.000Z',
      paperReceivedBy: { kind: 'representative', name: 'Семёнов Олег Петрович' },
    });
    expect(answer.data!.missing).toEqual([]);
    expect(await call(desk, 'recordRequests.handPaper', { id, receivedBy: { kind: 'patient' } })).toMatchObject({
      error: { code: 'records.request.paper_handed' },
    });
    const pdfOnly = await taken(desk, ['pdf']);
    expect(
      await call(desk, 'recordRequests.handPaper', { id: pdfOnly, receivedBy: { kind: 'patient' } }),
    ).toMatchObject({ error: { code: 'records.request.paper_not_asked' } });
  });

  it('finish is refused while a file or the paper is missing, then done with who and when', async () => {
    desk = await openRequestDesk();
    const id = await taken(desk, ['pdf', 'semd', 'paper']);
    expect(await call(desk, 'recordRequests.finish', { id })).toMatchObject({
      ok: false,
      error: {
        code: 'records.request.files_missing',
        message: { ru: 'Запрос нельзя завершить: нет файлов в форматах PDF, СЭМД' },
      },
    });
    for (const format of ['pdf', 'semd'] as const)
      await finished(desk, startRequestFile(desk.ctx, id, format, exporter()).jobId);
    expect(await call(desk, 'recordRequests.finish', { id })).toMatchObject({
      error: { code: 'records.request.paper_not_handed' },
    });
    expect(desk.count('record_requests', "status = 'done'")).toBe(0);
    await call(desk, 'recordRequests.handPaper', { id, receivedBy: { kind: 'patient' } });
    const done = await call<Detail>(desk, 'recordRequests.finish', { id });
    expect(done.data!.request).toMatchObject({
      status: 'done',
      fulfilledAt: '2026-11-25T09:00:00.000Z',
      fulfilledBy: { id: desk.ctx.actor.staffId },
      paperReceivedBy: { kind: 'patient' },
      overdue: false,
    });
    expect(auditOf(desk, 'record_requests.done')).toHaveLength(1);
    expect(await call(desk, 'recordRequests.finish', { id })).toMatchObject({
      error: { code: 'records.request.done' },
    });
    expect(await call(desk, 'recordRequests.take', { id })).toMatchObject({ error: { code: 'records.request.done' } });
  });

  it('bad input is refused with its field and writes nothing: a huge or empty name, an unknown receiver or format', async () => {
    desk = await openRequestDesk();
    const id = await taken(desk, ['pdf', 'paper']);
    const outbox = desk.count('sync_outbox');
    for (const receivedBy of [
      { kind: 'representative', name: 'Я'.repeat(201) },
      { kind: 'representative' },
      { kind: 'neighbour', name: 'Сосед' },
      { kind: 'patient', name: 'лишнее поле' },
    ])
      expect((await call(desk, 'recordRequests.handPaper', { id, receivedBy })).ok, JSON.stringify(receivedBy)).toBe(
        false,
      );
    expect(await call(desk, 'recordRequests.makeFile', { id, format: 'docx' })).toMatchObject({
      error: { field: 'format' },
    });
    expect(await call(desk, 'recordRequests.queue', { filter: { search: 'x'.repeat(101) } })).toMatchObject({
      error: { field: 'filter.search' },
    });
    expect(desk.count('sync_outbox')).toBe(outbox);
    expect(desk.count('record_requests', 'paper_handed_at IS NOT NULL')).toBe(0);
  });

  it('finish of an open request asks to take it first', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, { number: 'З-2026-000001', due_on: '2026-11-27' });
    expect(await call(desk, 'recordRequests.finish', { id })).toMatchObject({
      error: { code: 'records.request.not_in_work' },
    });
  });
});
