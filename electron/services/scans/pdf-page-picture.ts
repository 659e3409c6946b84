import sharp from 'sharp';
import { openPdfPages } from './pdf-pages';

/**
 * A PDF scan's page as a picture for the viewer: the page's scanned image itself (a JPEG stream
 * as it is, raw rows encoded), at full resolution, so that zoom shows what was scanned. Run in the
 * scan worker: the file may have come from another desk, so it meets the same limits as a new scan.
 */
export async function pdfPagePicture(pdf: Buffer, page: number): Promise<Buffer> {
  const image = (await openPdfPages(pdf)).decode(page);
  if (Buffer.isBuffer(image)) return image;
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
