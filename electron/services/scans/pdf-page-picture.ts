import sharp from 'sharp';
import { AppError } from '../../../shared/errors/app-error';
import { readPdfPages } from './pdf-pages';

/**
 * A PDF scan's page as a picture for the viewer: the page's scanned image itself (a JPEG stream
 * as it is, raw rows encoded), at full resolution, so that zoom shows what was scanned.
 */
export async function pdfPagePicture(pdf: Buffer, page: number): Promise<Buffer> {
  const pages = await readPdfPages(pdf);
  const found = pages[page - 1];
  if (!found) throw new AppError('scan.pdf.no_page', { params: { page, pages: pages.length } });
  const { image } = found;
  if (Buffer.isBuffer(image)) return image;
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
