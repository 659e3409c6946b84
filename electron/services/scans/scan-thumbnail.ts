import sharp from 'sharp';
import type { ImageSource } from './image-quality';

/** Width of the thumbnails in the patient card. */
export const thumbnailWidth = 320;

/** A WebP thumbnail of the scan's first page, for the card (UX: scans). */
export async function makeThumbnail(page: ImageSource): Promise<Buffer> {
  const image = Buffer.isBuffer(page)
    ? sharp(page)
    : sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: page.channels } });
  return image.rotate().resize({ width: thumbnailWidth, withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
}
