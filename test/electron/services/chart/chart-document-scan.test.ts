import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCall, openChartDesk, type ChartDesk } from '../../../support/chart-fixtures';
import { pngPage } from '../scans/generated-scans';

/**
 * A chart's document is the doctor's to add (issue 12, item 1): the file through the chart's own
 * upload calls (`chart.write`), checked by the same scan checks, kept as a `chart_document` scan,
 * then named by a document entry. The front desk's scan calls stay the front desk's.
 */
let desk: ChartDesk;

beforeAll(async () => {
  desk = await openChartDesk();
});

afterAll(async () => {
  await desk.cleanup();
});

async function uploaded(bytes: Buffer, name: 'chart.scans.upload' | 'scans.upload' = 'chart.scans.upload') {
  return chartCall(desk, name, { offset: 0, chunk: bytes.toString('base64') });
}

describe('a doctor attaches a document to the chart', () => {
  it('keeps a checked file as a chart document and records the entry that names it', async () => {
    const file = await pngPage();
    const upload = await uploaded(file);
    expect(upload.ok).toBe(true);
    const accepted = await chartCall(desk, 'chart.scans.accept', {
      uploadId: upload.data!.uploadId,
      patientId: desk.patientId,
      source: 'file',
    });
    expect(accepted).toMatchObject({ ok: true, data: { accepted: true, scan: { purpose: 'chart_document' } } });
    const scanId = (accepted.data!.scan as { id: string }).id;
    expect(
      desk.count('document_scans', "purpose = 'chart_document' AND created_by = ?", [desk.ctx.actor.staffId]),
    ).toBe(1);

    const recorded = await chartCall(desk, 'chart.record', {
      patientId: desk.patientId,
      draft: {
        kind: 'document',
        body: { type: 'discharge', date: '2026-11-18', title: 'Выписка из стационара', scanId },
      },
    });
    expect(recorded).toMatchObject({
      ok: true,
      data: { entry: { kind: 'document', summary: 'Выписка из стационара' } },
    });
  });

  it('refuses a file that is not what a document may be, and keeps nothing', async () => {
    const before = desk.count('document_scans');
    const upload = await uploaded(Buffer.from('MZ not a picture at all'));
    const accepted = await chartCall(desk, 'chart.scans.accept', {
      uploadId: upload.data!.uploadId,
      patientId: desk.patientId,
      source: 'file',
    });
    expect(accepted).toMatchObject({ ok: true, data: { accepted: false } });
    expect(desk.count('document_scans')).toBe(before);
  });

  it('leaves the front desk’s scans to the front desk: a doctor may not upload an identity document', async () => {
    expect(await uploaded(await pngPage(), 'scans.upload')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
