import { afterAll, describe, expect, it } from 'vitest';
import { checkScan as checkScanWith, inspectScan } from '../../../../scan-checks/check-scan';
import { createScanAnalyser } from '../../../../scan-checks/scan-analyser';
import {
  scanChecklistSchema,
  scanLimits,
  type ScanChecklist,
  type ScanRule,
} from '../../../../shared/scans/scan-checklist';
import { jpegPage, pdfOfPages, pdfWithoutImage, pngPage, windowsProgram } from './generated-scans';
import sharp from 'sharp';

const now = new Date('2026-11-25T09:00:00Z');
const analyser = createScanAnalyser();
afterAll(() => analyser.close());
const checkScan = (bytes: Buffer, options: { now: Date }) => checkScanWith(bytes, options, analyser);

function check(list: ScanChecklist, rule: ScanRule) {
  const found = list.checks.find((c) => c.rule === rule);
  if (!found) throw new Error(`no ${rule} check`);
  return found;
}

describe('scan acceptance checks (B4)', () => {
  it('lists every rule in the order the desk shows them, each with its measured value', async () => {
    const list = await checkScan(await jpegPage(), { now });
    expect(list.checks.map((c) => c.rule)).toEqual(['format', 'size', 'resolution', 'brightness', 'sharpness']);
    expect(list.checks.every((c) => c.status === 'passed' && c.value !== null)).toBe(true);
    expect(list).toMatchObject({
      accepted: true,
      mime: 'image/jpeg',
      pages: 1,
      dpi: 300,
      checkedAt: now.toISOString(),
    });
    expect(scanChecklistSchema.parse(list)).toEqual(list);
  });

  it('accepts a good 300 dpi JPEG, PNG and one-page PDF', async () => {
    for (const [bytes, mime] of [
      [await jpegPage(), 'image/jpeg'],
      [await pngPage(), 'image/png'],
      [await pdfOfPages([{}]), 'application/pdf'],
    ] as const) {
      const list = await checkScan(bytes, { now });
      expect({ mime: list.mime, accepted: list.accepted, dpi: list.dpi }).toEqual({ mime, accepted: true, dpi: 300 });
    }
  });

  it('reads the resolution of a PDF page from its size in points and its image in pixels, JPEG or Flate', async () => {
    const list = await checkScan(await pdfOfPages([{ embed: 'png', dpi: 200 }]), { now });
    expect(check(list, 'resolution')).toMatchObject({ status: 'failed', value: 200, page: 1 });
  });

  it('refuses a 150 dpi scan and says its resolution and the minimum', async () => {
    const list = await checkScan(await jpegPage({ dpi: 150 }), { now });
    expect(list.accepted).toBe(false);
    expect(check(list, 'resolution')).toMatchObject({ status: 'failed', value: 150, limit: 300 });
    expect(check(list, 'resolution').error).toEqual({
      code: 'scan.resolution.low',
      message: {
        ru: 'Разрешение 150 dpi, нужно не меньше 300 dpi',
        en: 'Resolution 150 dpi; at least 300 dpi is needed',
      },
    });
    expect(check(list, 'format').status).toBe('passed');
  });

  it('refuses a file over 5 MB and says its size', async () => {
    const noise = Buffer.alloc(1500 * 1400 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919) % 251;
    const big = await sharp(noise, { raw: { width: 1500, height: 1400, channels: 3 } })
      .withMetadata({ density: 300 })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(6 * 1024 * 1024 - 1);
    const list = await checkScan(big, { now });
    expect(check(list, 'size')).toMatchObject({ status: 'failed', value: big.length, limit: scanLimits.maxBytes });
    expect(check(list, 'size').error?.message.ru).toBe(
      `Размер файла ${Math.round((big.length / 1048576) * 10) / 10} МБ, нужно не больше 5 МБ`,
    );
  });

  it('refuses a Windows program renamed to .jpg by its content, measuring nothing else', async () => {
    const list = await checkScan(windowsProgram(), { now });
    expect(check(list, 'format')).toMatchObject({
      status: 'failed',
      value: null,
      error: { code: 'scan.format.unsupported' },
    });
    expect(list.checks.filter((c) => c.status === 'skipped').map((c) => c.rule)).toEqual([
      'resolution',
      'brightness',
      'sharpness',
    ]);
    expect(list.accepted).toBe(false);
  });

  it('refuses a damaged JPEG (right header, broken content) as damaged', async () => {
    const good = await jpegPage();
    const list = await checkScan(good.subarray(0, 600), { now });
    expect(check(list, 'format')).toMatchObject({
      status: 'failed',
      value: 'image/jpeg',
      error: { code: 'scan.format.damaged' },
    });
  });

  it('refuses a dark photo and says its brightness', async () => {
    const list = await checkScan(await jpegPage({ exposure: 0.2 }), { now });
    const brightness = check(list, 'brightness');
    expect(brightness.status).toBe('failed');
    expect(brightness.value).toBeLessThan(scanLimits.minBrightness);
    expect(brightness.error?.message.ru).toBe(
      `Скан слишком тёмный: яркость ${brightness.value} %, нужно не меньше 30 %`,
    );
  });

  it('refuses a blurred photo and says its sharpness, while its brightness passes', async () => {
    const list = await checkScan(await jpegPage({ blur: 4 }), { now });
    const sharpness = check(list, 'sharpness');
    expect(sharpness.status).toBe('failed');
    expect(sharpness.value).toBeLessThan(scanLimits.minSharpness);
    expect(sharpness.error?.message.en).toBe(
      `The scan is blurred: sharpness ${sharpness.value}; at least ${scanLimits.minSharpness} is needed`,
    );
    expect(check(list, 'brightness').status).toBe('passed');
  });

  it('still tells sharp from blurred pages when the JPEG is decoded at half scale (a third of 300 dpi)', async () => {
    const sharpness = async (bytes: Promise<Buffer>) =>
      check(await checkScan(await bytes, { now }), 'sharpness').value as number;
    const sharpPages = await Promise.all([
      sharpness(jpegPage()),
      sharpness(pngPage()),
      sharpness(jpegPage({ dpi: 600 })),
      sharpness(jpegPage({ widthMm: 210, heightMm: 297, grain: 20 })),
      sharpness(jpegPage({ widthMm: 125, heightMm: 176, grain: 6 })),
    ]);
    // σ = 2 px at 300 dpi: small print is still legible, so the page passes.
    const legible = await Promise.all([
      sharpness(jpegPage({ blur: 2 })),
      sharpness(jpegPage({ widthMm: 210, heightMm: 297, grain: 20, blur: 2 })),
    ]);
    const blurred = await Promise.all([
      sharpness(jpegPage({ blur: 2.5 })),
      sharpness(jpegPage({ blur: 3 })),
      sharpness(pngPage({ blur: 3 })),
      sharpness(jpegPage({ widthMm: 210, heightMm: 297, grain: 20, blur: 3 })),
      sharpness(jpegPage({ dpi: 600, blur: 6 })),
    ]);
    // Margins, not just sides: sharp pages at least 2.5× the limit, blurred ones at most 0.85×.
    expect(Math.min(...sharpPages)).toBeGreaterThan(2.5 * scanLimits.minSharpness);
    expect(Math.min(...legible)).toBeGreaterThan(scanLimits.minSharpness);
    expect(Math.max(...blurred)).toBeLessThan(0.85 * scanLimits.minSharpness);
  }, 120_000); // a dozen generated pages, checked one after another by the scan worker

  it('accepts a multi-page PDF when every page passes, and names the page that fails', async () => {
    const good = await checkScan(await pdfOfPages([{}, { widthMm: 125, heightMm: 88 }]), { now });
    expect(good).toMatchObject({ accepted: true, pages: 2 });
    const list = await checkScan(await pdfOfPages([{}, { blur: 4 }, { dpi: 200 }]), { now });
    expect(list.accepted).toBe(false);
    expect(check(list, 'sharpness')).toMatchObject({ status: 'failed', page: 2 });
    expect(check(list, 'resolution')).toMatchObject({ status: 'failed', page: 3, value: 200 });
  });

  it('refuses a PDF with a page that has no scanned image, and one with too many pages', async () => {
    expect(check(await checkScan(await pdfWithoutImage(), { now }), 'format').error?.code).toBe('scan.pdf.no_image');
    const many = await pdfOfPages(
      Array.from({ length: scanLimits.maxPdfPages + 1 }, () => ({ widthMm: 20, heightMm: 20 })),
    );
    expect(check(await checkScan(many, { now }), 'format').error?.message.ru).toBe(
      'В PDF 11 страниц, можно не больше 10',
    );
  });

  it('gives one refusal with the first failed rule and every failure as an issue', async () => {
    const { refusal } = await inspectScan(await jpegPage({ dpi: 150, exposure: 0.2 }), { now }, analyser);
    expect(refusal?.code).toBe('scan.resolution.low');
    expect(refusal?.issues.map((issue) => issue.code)).toEqual([
      'scan.resolution.low',
      'scan.brightness.low',
      'scan.sharpness.low',
    ]);
  });
});
