import sharp from 'sharp';
import { AppError } from '../shared/errors/app-error';
import { scanLimits } from '../shared/scans/scan-checklist';
import { openPdfPages } from './pdf-pages';

/**
 * A PDF scan's page as a picture for the viewer: the page's scanned image itself (a JPEG stream
 * as it is, raw rows encoded), at full resolution, so that zoom shows what was scanned. Run in the
 * scan worker: the file may have come from another desk, so it meets the same limits as a new scan.
 */
export async function pdfPagePicture(pdf: Buffer, page: number): Promise<Buffer> {
  // A file pulled from another desk was checked there, not here: the size rule comes first again.
  if (pdf.length > scanLimits.maxBytes) {
    const megabytes = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    throw new AppError('scan.size.too_large', {
      params: { size: megabytes(pdf.length), max: megabytes(scanLimits.maxBytes) },
    });
  }
  const image = (await openPdfPages(pdf)).decode(page);
  if (Buffer.isBuffer(image)) return image;
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
