import { AppError } from '../shared/errors/app-error';
import { scanLimits } from '../shared/scans/scan-checklist';

export interface PictureSize {
  width: number;
  height: number;
}

const damaged = (format: 'PNG' | 'JPEG') => new AppError('scan.format.damaged', { params: { format } });

/**
 * The picture's size as its header states it, read without decoding anything: PNG's IHDR (the
 * first chunk, by the format's rule) or JPEG's start-of-frame segment (SOF0–SOF15 but DHT, JPG, DAC).
 */
export function readPictureSize(bytes: Buffer, mime: 'image/png' | 'image/jpeg'): PictureSize {
  return mime === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
}

function pngSize(bytes: Buffer): PictureSize {
  // Signature (8), then the IHDR chunk: length (4) = 13, type (4), width (4), height (4).
  if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw damaged('PNG');
  const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (size.width === 0 || size.height === 0) throw damaged('PNG');
  return size;
}

const sofMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** Markers without a length: TEM, RST0–7, SOI, EOI. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);

function jpegSize(bytes: Buffer): PictureSize {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw damaged('JPEG');
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (standalone(marker)) {
      at += 2;
      continue;
    }
    // Image data before any frame header: nothing says how large the picture is.
    if (marker === 0xda) break;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) break;
    if (sofMarkers.has(marker)) {
      if (at + 9 > bytes.length) break;
      const size = { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      // A height of 0 is given later (a DNL marker), after the data a decoder would already hold.
      if (size.width === 0 || size.height === 0) break;
      return size;
    }
    at += 2 + length;
  }
  throw damaged('JPEG');
}

/** Refuses a picture over the pixel cap, before a decoder allocates anything for it. */
export function assertPixelCap(size: PictureSize, page?: number): void {
  const pixels = size.width * size.height;
  if (pixels <= scanLimits.maxPixels) return;
  const params = {
    width: size.width,
    height: size.height,
    megapixels: Math.round(pixels / 100_000) / 10,
    max: scanLimits.maxPixels / 1_000_000,
  };
  throw page === undefined
    ? new AppError('scan.image.too_large', { params })
    : new AppError('scan.pdf.image_too_large', { params: { ...params, page } });
}
