import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { AcceptScanResult, ScanFile } from '../../../../shared/api/scan-calls';
import { scanChunkMaxBytes, type ScanSummary } from '../../../../shared/scans/scan-inputs';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { jpegPage, pdfOfPages, windowsProgram } from './generated-scans';
import { idatBomb, reviewPdfBomb, reviewPngBomb } from './generated-bombs';
import { sendScan, uploadScan } from './send-scan';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

async function refusedWith(d: TempDesk, patientId: string, bytes: Buffer, code: string): Promise<AcceptScanResult> {
  const before = { audit: d.count('audit_events'), outbox: d.count('sync_outbox') };
  const answer = await sendScan(d, patientId, bytes);
  if (!answer.ok) throw new Error(`a transport error instead of the rule's: ${JSON.stringify(answer.error)}`);
  expect(answer.data.accepted).toBe(false);
  if (!answer.data.accepted) expect(answer.data.error.code).toBe(code);
  // Nothing half-saved: no row, no file, no outbox entry, no audit event of a kept scan.
  expect([d.count('document_scans'), d.vaultFiles().length, d.count('sync_outbox'), d.count('audit_events')]).toEqual([
    0,
    0,
    before.outbox,
    before.audit,
  ]);
  return answer.data;
}

/** A ~5 MB A4 page at 300 dpi: grainy paper, as a scanner writes it. */
async function fiveMegabytePage(): Promise<Buffer> {
  return jpegPage({ widthMm: 210, heightMm: 297, grain: 20, quality: 95 });
}

describe('scans through the contract (B4, A6)', () => {
  it('takes a ~5 MB file in chunks each small enough for the browser host, checks it and keeps it', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    const page = await fiveMegabytePage();
    expect(page.length).toBeGreaterThan(4.5 * 1024 * 1024);
    // The browser host refuses request bodies over 1 MiB (host.too_large): a chunk's JSON stays under.
    expect(
      JSON.stringify({
        offset: 0,
        chunk: Buffer.alloc(scanChunkMaxBytes).toString('base64'),
        uploadId: crypto.randomUUID(),
      }).length,
    ).toBeLessThan(1024 * 1024);
    const answer = await sendScan(desk, patientId, page, { purpose: 'oms_policy', attachedTo: 'policy-1' });
    if (!answer.ok || !answer.data.accepted) throw new Error(JSON.stringify(answer));
    expect(answer.data.checklist.checks.every((check) => check.status === 'passed')).toBe(true);
    expect(answer.data.scan).toMatchObject({
      purpose: 'oms_policy',
      attachedTo: 'policy-1',
      bytes: page.length,
      dpi: 300,
      contentReady: true,
    });

    const listed = await desk.dispatch('scans.list', { patientId, attachedTo: 'policy-1' });
    expect(listed.ok && (listed.data as { items: ScanSummary[] }).items.map((s) => s.id)).toEqual([
      answer.data.scan.id,
    ]);
    const other = await desk.dispatch('scans.list', { patientId, attachedTo: 'someone-else' });
    expect(other.ok && (other.data as { items: ScanSummary[] }).items).toEqual([]);

    const content = (await desk.dispatch('scans.content', { id: answer.data.scan.id })) as { ok: true; data: ScanFile };
    expect(content.data.state === 'ready' && Buffer.from(content.data.data, 'base64').equals(page)).toBe(true);
    const thumbnail = (await desk.dispatch('scans.thumbnail', { id: answer.data.scan.id })) as {
      ok: true;
      data: ScanFile;
    };
    if (thumbnail.data.state !== 'ready') throw new Error('no thumbnail');
    expect(await sharp(Buffer.from(thumbnail.data.data, 'base64')).metadata()).toMatchObject({
      format: 'jpeg',
      width: 320,
    });
  });

  it('refuses a 6 MB file with the size rule’s own error, not a transport error', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    const noise = Buffer.alloc(1500 * 1400 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919) % 251;
    const big = await sharp(noise, { raw: { width: 1500, height: 1400, channels: 3 } })
      .withMetadata({ density: 300 })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(6 * 1024 * 1024 - 1);
    const result = await refusedWith(desk, patientId, big, 'scan.size.too_large');
    expect(result.checklist.checks.find((c) => c.rule === 'size')?.error?.message.en).toMatch(
      /^The file is 6(\.\d)? MB/,
    );
  });

  it('refuses a 150 dpi image, a renamed .exe, a dark photo, a blurred photo and a PDF of too many pages, each with its own error', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    const lowDpi = await refusedWith(desk, patientId, await jpegPage({ dpi: 150 }), 'scan.resolution.low');
    expect(lowDpi.checklist.checks.find((c) => c.rule === 'resolution')?.value).toBe(150);
    await refusedWith(desk, patientId, windowsProgram(), 'scan.format.unsupported');
    const dark = await refusedWith(desk, patientId, await jpegPage({ exposure: 0.2 }), 'scan.brightness.low');
    expect(dark.checklist.brightness).toBeLessThan(30);
    const blurred = await refusedWith(desk, patientId, await jpegPage({ blur: 4 }), 'scan.sharpness.low');
    if (!blurred.accepted) expect(blurred.error.message.en).toContain(`sharpness ${blurred.checklist.sharpness}`);
    const pages = Array.from({ length: 11 }, () => ({ widthMm: 40, heightMm: 30 }));
    await refusedWith(desk, patientId, await pdfOfPages(pages), 'scan.pdf.too_many_pages');
    const blurredPage = await refusedWith(desk, patientId, await pdfOfPages([{}, { blur: 4 }]), 'scan.sharpness.low');
    expect(blurredPage.checklist.checks.find((c) => c.rule === 'sharpness')?.page).toBe(2);
  });

  it('refuses the review’s decompression bombs through the contract, each with its code, keeping nothing', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    await refusedWith(desk, patientId, reviewPngBomb(), 'scan.image.too_large');
    await refusedWith(desk, patientId, await reviewPdfBomb(), 'scan.pdf.image_too_large');
    await refusedWith(desk, patientId, idatBomb(), 'scan.data.inflates_too_much');
  });

  it('shows a PDF scan page by page, each page’s scanned image at full resolution', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    const kept = await sendScan(desk, patientId, await pdfOfPages([{}, { widthMm: 125, heightMm: 88 }]));
    if (!kept.ok || !kept.data.accepted) throw new Error(JSON.stringify(kept));
    expect(kept.data.scan).toMatchObject({ mime: 'application/pdf', pages: 2 });
    const second = (await desk.dispatch('scans.content', { id: kept.data.scan.id, page: 2 })) as {
      ok: true;
      data: ScanFile;
    };
    if (second.data.state !== 'ready') throw new Error('not ready');
    expect(second.data.mime).toBe('image/jpeg');
    // 125 mm at 300 dpi.
    expect((await sharp(Buffer.from(second.data.data, 'base64')).metadata()).width).toBe(1476);
    const whole = (await desk.dispatch('scans.content', { id: kept.data.scan.id })) as { ok: true; data: ScanFile };
    expect(whole.data.state === 'ready' && whole.data.mime).toBe('application/pdf');
    const third = await desk.dispatch('scans.content', { id: kept.data.scan.id, page: 3 });
    expect(!third.ok && third.error.code).toBe('scan.pdf.no_page');
  });

  it('measures a camera frame’s resolution against the paper it shows', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    // A passport page photographed 1536 × 1080 px, no resolution in the file.
    const frame = await sharp(await jpegPage({ widthMm: 125, heightMm: 88, dpi: 312 }))
      .resize(1536, 1080)
      .jpeg()
      .toBuffer();
    const asPage = await sendScan(desk, patientId, frame, { source: 'camera', documentSize: 'passport_page' });
    expect(asPage.ok && asPage.data.accepted && asPage.data.scan.dpi).toBe(312);
    // The same frame said to show a whole A4 sheet is far below 300 dpi.
    const asSheet = await sendScan(desk, patientId, frame, { source: 'camera', documentSize: 'a4' });
    expect(asSheet.ok && !asSheet.data.accepted && asSheet.data.error.code).toBe('scan.resolution.low');
  });

  it('lets a doctor see scans but not take or remove them; the clerk removes one with a reason', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    const kept = await sendScan(desk, patientId, await jpegPage());
    if (!kept.ok || !kept.data.accepted) throw new Error('not kept');
    const scanId = kept.data.scan.id;

    const doctorCtx = { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'doctor' as const } };
    const { createDispatcher } = await import('../../../../electron/core/dispatcher');
    const asDoctor = createDispatcher(() => doctorCtx, { internal: () => undefined });
    expect((await asDoctor('scans.list', { patientId })).ok).toBe(true);
    expect((await asDoctor('scans.content', { id: scanId })).ok).toBe(true);
    for (const [name, input] of [
      ['scans.upload', { offset: 0, chunk: 'AAAA' }],
      ['scans.devices', {}],
      ['scans.remove', { id: scanId, reason: 'ошибка' }],
    ] as const) {
      const answer = await asDoctor(name, input);
      expect(!answer.ok && answer.error.code).toBe('forbidden');
    }

    const empty = await desk.dispatch('scans.remove', { id: scanId, reason: '' });
    expect(!empty.ok && empty.error.field).toBe('reason');
    const removed = await desk.dispatch('scans.remove', { id: scanId, reason: 'Снят паспорт другого человека' });
    expect(removed.ok).toBe(true);
    const listed = await desk.dispatch('scans.list', { patientId });
    expect(listed.ok && (listed.data as { items: unknown[] }).items).toEqual([]);
    const row = desk.store.transaction((tx) =>
      tx.get<{ deleted_reason: string; deleted_at: string }>(
        'SELECT deleted_reason, deleted_at FROM document_scans WHERE id = ?',
        [scanId],
      ),
    );
    expect(row).toMatchObject({ deleted_reason: 'Снят паспорт другого человека' });
    expect(desk.vaultFiles()).toHaveLength(2);
    const again = await desk.dispatch('scans.remove', { id: scanId, reason: 'ещё раз' });
    expect(!again.ok && again.error.code).toBe('scan.not_found');
  });

  it('keeps one person’s upload from another, and refuses chunks out of order', async () => {
    desk = await openTempDesk();
    const patientId = await enrolPatient(desk, {});
    const uploadId = await uploadScan(desk, Buffer.from('abc'));
    const skipped = await desk.dispatch('scans.upload', { uploadId, offset: 10, chunk: 'AAAA' });
    expect(!skipped.ok && skipped.error).toMatchObject({ code: 'scan.upload.offset', field: 'offset' });
    const otherCtx = { ...desk.ctx, actor: { ...desk.ctx.actor, staffId: crypto.randomUUID() } };
    const { createDispatcher } = await import('../../../../electron/core/dispatcher');
    const other = createDispatcher(() => otherCtx, { internal: () => undefined });
    const stolen = await other('scans.accept', { uploadId, patientId, purpose: 'consent', source: 'file' });
    expect(!stolen.ok && stolen.error.code).toBe('scan.upload.unknown');
    // An upload is taken once: accepting it again finds nothing.
    await desk.dispatch('scans.accept', { uploadId, patientId, purpose: 'consent', source: 'file' });
    const twice = await desk.dispatch('scans.accept', { uploadId, patientId, purpose: 'consent', source: 'file' });
    expect(!twice.ok && twice.error.code).toBe('scan.upload.unknown');
  });
});
