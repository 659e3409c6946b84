import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../../../shared/errors/app-error';

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const maxSide = 4000;
/** Below this many ink pixels, or a stroke shorter than this across, it is a dot, not a signature. */
export const minInkPixels = 150;
export const minInkSpan = 40;

/**
 * Checks that a PNG drawn on the signature pad holds a signature (B8): a real PNG of a sane size
 * with enough dark, opaque pixels spread over some width. An empty or dotted pad is refused.
 */
export async function checkSignaturePng(png: Buffer): Promise<void> {
  if (png.length < pngMagic.length || !png.subarray(0, pngMagic.length).equals(pngMagic)) {
    throw new AppError('consent.signature.format', { field: 'signaturePng' });
  }
  let raw: { data: Buffer; info: OutputInfo };
  try {
    const image = sharp(png, { limitInputPixels: maxSide * maxSide });
    const meta = await image.metadata();
    if (meta.format !== 'png' || (meta.width ?? 0) > maxSide || (meta.height ?? 0) > maxSide)
      throw new Error('not a signature image');
    raw = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError('consent.signature.format', { field: 'signaturePng' });
  }
  const { data, info } = raw;
  let ink = 0;
  let minX = info.width;
  let maxX = -1;
  let minY = info.height;
  let maxY = -1;
  for (let i = 0, pixel = 0; i < data.length; i += info.channels, pixel += 1) {
    const alpha = data[i + 3]!;
    const luminance = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    if (alpha < 128 || luminance > 160) continue;
    ink += 1;
    const x = pixel % info.width;
    const y = Math.floor(pixel / info.width);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (ink < minInkPixels || Math.max(maxX - minX, maxY - minY) < minInkSpan) {
    throw new AppError('consent.signature.empty', { field: 'signaturePng', params: { ink } });
  }
}
