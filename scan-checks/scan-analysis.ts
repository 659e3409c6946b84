import sharp from 'sharp';
import { AppError } from '../shared/errors/app-error';
import { scanLimits, type ScanMime } from '../shared/scans/scan-checklist';
import { analysePage, decodeSeconds, type ImageSource } from './image-quality';
import { openPdfPages } from './pdf-pages';
import { checkPngData } from './png-data';
import { makeThumbnail } from './scan-thumbnail';

/** Where the file does not say its resolution, the convention (and libvips) assume 72 dpi. */
const assumedDpi = 72;

export interface MeasuredPage {
  page: number;
  dpi: number;
  brightness: number;
  sharpness: number;
}

export interface ScanAnalysis {
  pages: MeasuredPage[];
  /** JPEG of the first page, 320 px wide, for the card. */
  thumbnail: Buffer;
}

export type Paper = { longMm: number; shortMm: number };

interface Page {
  page: number;
  dpi: number;
  width: number;
  image: () => ImageSource;
}

/**
 * The decoding part of the checks, run in the scan worker (`scan-worker-main.ts`): each page
 * decoded and measured in turn, the thumbnail made from the first. The caller has checked the
 * size and, for a picture, its header against the pixel cap; a PNG's compressed parts are checked
 * here before any decoder sees them. A damaged file is the format rule's failure.
 */
export async function analyseScan(bytes: Buffer, mime: ScanMime, paper?: Paper): Promise<ScanAnalysis> {
  try {
    const pages = await pagesOf(bytes, mime, paper);
    const measured: MeasuredPage[] = [];
    let thumbnail: Buffer | undefined;
    // One page at a time: only the page being measured is ever decoded.
    for (const page of pages) {
      const { quality, preview } = await analysePage(page.image(), page.width, page.dpi);
      thumbnail ??= await makeThumbnail(preview);
      measured.push({ page: page.page, dpi: page.dpi, ...quality });
    }
    if (!thumbnail) throw new AppError('scan.format.damaged', { params: { format: formatName(mime) } });
    return { pages: measured, thumbnail };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // sharp's own time limit (`decodeSeconds`) says "timeout: N% complete".
    if (/^Error: timeout/.test(String(error)))
      throw new AppError('scan.analysis.timeout', { params: { seconds: decodeSeconds } });
    throw new AppError('scan.format.damaged', { params: { format: formatName(mime) } });
  }
}

async function pagesOf(bytes: Buffer, mime: ScanMime, paper: Paper | undefined): Promise<Page[]> {
  if (mime === 'application/pdf') {
    const pdf = await openPdfPages(bytes);
    return pdf.pages.map((info) => ({ ...info, image: () => pdf.decode(info.page) }));
  }
  if (mime === 'image/png') await checkPngData(bytes);
  const meta = await sharp(bytes, { failOn: 'error', limitInputPixels: scanLimits.maxPixels }).metadata();
  // EXIF orientations 5–8 turn the picture a quarter: its upright width is the stored height.
  const width = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
  const dpi = paper ? dpiOnPaper(meta.width, meta.height, paper) : Math.round(meta.density ?? assumedDpi);
  return [{ page: 1, dpi, width, image: () => bytes }];
}

function dpiOnPaper(width: number, height: number, paper: Paper): number {
  const inch = 25.4;
  return Math.round(
    Math.min(Math.max(width, height) / (paper.longMm / inch), Math.min(width, height) / (paper.shortMm / inch)),
  );
}

function formatName(mime: ScanMime): string {
  return mime === 'application/pdf' ? 'PDF' : mime === 'image/png' ? 'PNG' : 'JPEG';
}
