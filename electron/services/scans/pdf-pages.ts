import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import { AppError } from '../../../shared/errors/app-error';
import { scanLimits } from '../../../shared/scans/scan-checklist';
import type { ImageSource } from './image-quality';

/** One PDF page seen as a scan: its largest image and the resolution it prints at. */
export interface PdfPageImage {
  page: number;
  /** Image pixels per inch of the page (the lower of the two axes). */
  dpi: number;
  width: number;
  height: number;
  image: ImageSource;
}

/**
 * The scanned image of every page. A page without an image, an image compressed in a way we
 * cannot read, or more pages than a document has, are refused with their own codes.
 */
export async function readPdfPages(bytes: Buffer): Promise<PdfPageImage[]> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new AppError('scan.format.damaged', { params: { format: 'PDF' } });
  }
  const pages = pdf.getPages();
  if (pages.length === 0) throw new AppError('scan.format.damaged', { params: { format: 'PDF' } });
  if (pages.length > scanLimits.maxPdfPages) {
    throw new AppError('scan.pdf.too_many_pages', { params: { pages: pages.length, max: scanLimits.maxPdfPages } });
  }
  return pages.map((page, index) => pageImage(page, index + 1));
}

function pageImage(page: PDFPage, number: number): PdfPageImage {
  const stream = largestImage(page);
  if (!stream) throw new AppError('scan.pdf.no_image', { params: { page: number } });
  const width = numberOf(stream.dict, 'Width');
  const height = numberOf(stream.dict, 'Height');
  const size = page.getSize();
  const [longPx, shortPx] = [Math.max(width, height), Math.min(width, height)];
  const [longPt, shortPt] = [Math.max(size.width, size.height), Math.min(size.width, size.height)];
  // Long side against long side: a landscape image on a portrait page is rotated, not squeezed.
  const dpi = Math.round(Math.min(longPx / (longPt / 72), shortPx / (shortPt / 72)));
  return { page: number, dpi, width, height, image: decodeImage(stream, width, height, number) };
}

function largestImage(page: PDFPage): PDFRawStream | undefined {
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  let best: PDFRawStream | undefined;
  let bestPixels = 0;
  for (const [, ref] of xObjects?.entries() ?? []) {
    const object = page.doc.context.lookup(ref);
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const pixels = numberOf(object.dict, 'Width') * numberOf(object.dict, 'Height');
    if (pixels > bestPixels) [best, bestPixels] = [object, pixels];
  }
  return best;
}

function numberOf(dict: PDFDict, key: string): number {
  return dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber() ?? 0;
}

function filterOf(dict: PDFDict): string {
  const filter = dict.lookup(PDFName.of('Filter'));
  const name = filter instanceof PDFArray ? (filter.size() === 1 ? filter.lookup(0) : undefined) : filter;
  if (filter instanceof PDFArray && filter.size() !== 1) return 'chain';
  return name instanceof PDFName ? name.decodeText() : 'none';
}

/** JPEG streams are JPEG files as they are; Flate streams are raw 8-bit grey or RGB rows. */
function decodeImage(stream: PDFRawStream, width: number, height: number, page: number): ImageSource {
  const filter = filterOf(stream.dict);
  if (filter === 'DCTDecode') return Buffer.from(stream.contents);
  const channels = channelsOf(stream.dict);
  const predictor = stream.dict
    .lookupMaybe(PDFName.of('DecodeParms'), PDFDict)
    ?.lookupMaybe(PDFName.of('Predictor'), PDFNumber);
  if (
    filter === 'FlateDecode' &&
    channels &&
    numberOf(stream.dict, 'BitsPerComponent') === 8 &&
    (predictor?.asNumber() ?? 1) === 1
  ) {
    const pixels = inflateSync(stream.contents);
    if (pixels.length === width * height * channels) return { pixels, width, height, channels };
  }
  throw new AppError('scan.pdf.image_unsupported', { params: { page, filter } });
}

function channelsOf(dict: PDFDict): 1 | 3 | undefined {
  const space = dict.lookup(PDFName.of('ColorSpace'));
  if (space === PDFName.of('DeviceRGB')) return 3;
  if (space === PDFName.of('DeviceGray')) return 1;
  return undefined;
}
