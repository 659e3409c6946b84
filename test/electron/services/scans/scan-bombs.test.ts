import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acceptScan, type AcceptScanResult } from '../../../../electron/services/scans/accept-scan';
import { checkPngData } from '../../../../scan-checks/png-data';
import { createScanAnalyser, type ScanAnalyser } from '../../../../scan-checks/scan-analyser';
import { scanLimits } from '../../../../shared/scans/scan-checklist';
import { idatBomb, objectStreamBomb, reviewPdfBomb, reviewPngBomb, zTxtBomb, zerosZlib } from './generated-bombs';
import { jpegPage, pdfOfPages, pngPage } from './generated-scans';
import { openScanDesk, type ScanDesk } from './scan-desk';
import sharp from 'sharp';

/** The real scan worker, with a count of the files handed to it: 0 means nothing was parsed. */
function countingAnalyser(): { analyser: ScanAnalyser; inspected: () => number } {
  const real = createScanAnalyser();
  let inspected = 0;
  return {
    analyser: {
      inspect: (...args) => {
        inspected += 1;
        return real.inspect(...args);
      },
      pdfPage: (...args) => real.pdfPage(...args),
      warm: () => real.warm(),
      close: () => real.close(),
    },
    inspected: () => inspected,
  };
}

let desk: ScanDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

/** Offers the file to a real desk; expects the refusal and that nothing at all was kept. */
async function refused(bytes: Buffer, code: string): Promise<{ result: AcceptScanResult; inspected: number }> {
  const counting = countingAnalyser();
  desk = await openScanDesk({ analyser: counting.analyser });
  const before = { audit: desk.count('audit_events'), outbox: desk.count('sync_outbox') };
  const result = await acceptScan(desk.scanCtx, desk.ports, { patientId: desk.patientId, bytes });
  expect(result.accepted).toBe(false);
  if (!result.accepted) expect(result.refusal.code).toBe(code);
  // No scan row, no vault file, no outbox entry, no audit event.
  expect([desk.scanRows(), desk.vaultFiles().length, desk.count('sync_outbox'), desk.count('audit_events')]).toEqual([
    0,
    0,
    before.outbox,
    before.audit,
  ]);
  return { result, inspected: counting.inspected() };
}

describe('decompression bombs are refused before they cost anything (issue 10, item 5)', () => {
  it('the review’s ~750 KiB 16000² PNG is refused from its header, never decoded', async () => {
    const bomb = reviewPngBomb();
    expect(bomb.length).toBeLessThan(800 * 1024);
    const { result, inspected } = await refused(bomb, 'scan.image.too_large');
    expect(inspected).toBe(0);
    expect(result.checklist.checks.find((c) => c.rule === 'format')?.error?.message.en).toBe(
      'The image is 16000×16000 pixels (256 MP); at most 60 MP is allowed',
    );
  });

  it('the review’s ~256 KiB PDF whose 4 pages share one 16384² Flate image is refused before any inflate', async () => {
    const bomb = await reviewPdfBomb();
    expect(bomb.length).toBeLessThan(300 * 1024);
    const { result } = await refused(bomb, 'scan.pdf.image_too_large');
    if (!result.accepted) expect(result.refusal.params).toMatchObject({ page: 1, width: 16384, height: 16384 });
  });

  it('a PNG whose IDAT inflates far beyond what its IHDR declares is refused at the declared size', async () => {
    const { result } = await refused(idatBomb(), 'scan.data.inflates_too_much');
    if (!result.accepted) expect(result.refusal.params).toEqual({ part: 'IDAT' });
  });

  it('a PNG with a zTXt chunk that inflates to 256 MiB is refused', async () => {
    const { result } = await refused(zTxtBomb(), 'scan.data.inflates_too_much');
    if (!result.accepted) expect(result.refusal.params).toEqual({ part: 'zTXt' });
  });

  it('a PDF hiding a bomb in an object stream is refused before pdf-lib loads it', async () => {
    await refused(await objectStreamBomb(), 'scan.data.inflates_too_much');
  });

  it('a PDF whose JPEG claims 65000 × 65000 pixels behind a small /Width and /Height is refused', async () => {
    const pdf = await pdfOfPages([{}]);
    const sof = pdf.indexOf(Buffer.from([0xff, 0xc0]));
    pdf.writeUInt16BE(65000, sof + 5);
    pdf.writeUInt16BE(65000, sof + 7);
    await refused(pdf, 'scan.pdf.image_too_large');
  });

  it('a file over 5 MB is refused by its size before any parser runs', async () => {
    // A PNG bomb padded past the limit: had anything parsed it, the pixel cap would answer first.
    const big = Buffer.concat([reviewPngBomb(), Buffer.alloc(scanLimits.maxBytes)]);
    const { result, inspected } = await refused(big, 'scan.size.too_large');
    expect(inspected).toBe(0);
    expect(result.checklist.checks.map((c) => [c.rule, c.status])).toEqual([
      ['format', 'passed'],
      ['size', 'failed'],
      ['resolution', 'skipped'],
      ['brightness', 'skipped'],
      ['sharpness', 'skipped'],
    ]);
  });

  it('a JPEG whose frame header declares 65000 × 65000 pixels is refused without decoding', async () => {
    const jpeg = Buffer.from(await jpegPage());
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(65000, sof + 5);
    jpeg.writeUInt16BE(65000, sof + 7);
    const { inspected } = await refused(jpeg, 'scan.image.too_large');
    expect(inspected).toBe(0);
  });
});

describe('the scan worker', () => {
  const analysers: ScanAnalyser[] = [];
  afterAll(async () => {
    await Promise.all(analysers.map((a) => a.close()));
  });

  it('stops a scan that outlives its time budget with its own code, and the next job gets a new thread', async () => {
    const hurried = createScanAnalyser({ budgetMs: 1 });
    analysers.push(hurried);
    const page = await jpegPage();
    await expect(hurried.inspect(page, 'image/jpeg')).rejects.toMatchObject({ code: 'scan.analysis.timeout' });
    const patient = createScanAnalyser();
    analysers.push(patient);
    expect((await patient.inspect(page, 'image/jpeg')).pages).toHaveLength(1);
  });

  it('refuses with its own code when the worker runs out of its heap, and the desk goes on', async () => {
    const cramped = createScanAnalyser({ heapMb: 2 });
    analysers.push(cramped);
    const pdf = await pdfOfPages([{}]);
    await expect(cramped.inspect(pdf, 'application/pdf')).rejects.toMatchObject({ code: 'scan.analysis.failed' });
    const roomy = createScanAnalyser();
    analysers.push(roomy);
    expect((await roomy.inspect(pdf, 'application/pdf')).pages).toHaveLength(1);
  });

  it('does not parse a PDF over 5 MB for the viewer (a file another desk pushed is checked again)', async () => {
    const viewer = createScanAnalyser();
    analysers.push(viewer);
    const big = Buffer.concat([await reviewPdfBomb(), Buffer.alloc(scanLimits.maxBytes)]);
    await expect(viewer.pdfPage(big, 1)).rejects.toMatchObject({ code: 'scan.size.too_large' });
    await expect(viewer.pdfPage(await reviewPdfBomb(), 1)).rejects.toMatchObject({
      code: 'scan.pdf.image_too_large',
    });
  });

  it('passes an ordinary PNG, plain or interlaced, whose data is exactly what its header declares', async () => {
    const plain = await pngPage();
    const interlaced = await sharp(plain).png({ progressive: true }).toBuffer();
    await expect(checkPngData(plain)).resolves.toBeUndefined();
    await expect(checkPngData(interlaced)).resolves.toBeUndefined();
  });

  it('makes the review’s bombs out of zeros that really do expand', async () => {
    const { inflateSync } = await import('node:zlib');
    expect(inflateSync(zerosZlib(3 * 1024 * 1024)).equals(Buffer.alloc(3 * 1024 * 1024))).toBe(true);
  });
});
