import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { assertPixelCap, readPictureSize } from '../../../../scan-checks/image-header';
import { AppError } from '../../../../shared/errors/app-error';
import { jpegPage, pngPage } from './generated-scans';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
}

describe('a picture’s size from its header, before any decoder (issue 10, item 5)', () => {
  it('reads the size PNG and JPEG state, as the decoder later finds it', async () => {
    for (const [bytes, mime] of [
      [await pngPage(), 'image/png'],
      [await jpegPage({ dpi: 200 }), 'image/jpeg'],
      [
        await sharp(await jpegPage())
          .jpeg({ progressive: true })
          .toBuffer(),
        'image/jpeg',
      ],
    ] as const) {
      const { width, height } = await sharp(bytes).metadata();
      expect(readPictureSize(bytes, mime)).toEqual({ width, height });
    }
  });

  it('calls a header cut short or without a frame damaged', async () => {
    const [jpeg, png] = [await jpegPage(), await pngPage()];
    expect(codeOf(() => readPictureSize(jpeg.subarray(0, 20), 'image/jpeg'))).toBe('scan.format.damaged');
    expect(codeOf(() => readPictureSize(png.subarray(0, 20), 'image/png'))).toBe('scan.format.damaged');
  });

  it('lets 60 MP through and refuses one pixel row more, naming the page of a PDF', () => {
    expect(codeOf(() => assertPixelCap({ width: 6000, height: 10_000 }))).toBeUndefined();
    expect(codeOf(() => assertPixelCap({ width: 6000, height: 10_001 }))).toBe('scan.image.too_large');
    expect(codeOf(() => assertPixelCap({ width: 16384, height: 16384 }, 2))).toBe('scan.pdf.image_too_large');
  });
});
