import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import { AppError } from '../shared/errors/app-error';
import { scanLimits } from '../shared/scans/scan-checklist';
import { inflateAtMost } from './bounded-inflate';
import type { ImageSource } from './image-quality';
import { assertPixelCap, readPictureSize } from './image-header';
import { checkObjectStreams } from './pdf-object-streams';

/** One PDF page seen as a scan: its largest image and the resolution it prints at. */
export interface PdfPageInfo {
  page: number;
  /** Image pixels per inch of the page (the lower of the two axes). */
  dpi: number;
  width: number;
  height: number;
}

export interface PdfPages {
  readonly pages: readonly PdfPageInfo[];
  /** The page's image, decoded now: one page at a time, each let go before the next is asked for. */
  decode(page: number): ImageSource;
}

/**
 * A PDF's pages as scans. Everything the file declares is checked before anything is decoded: the
 * object streams pdf-lib would inflate, the page count, each page's image against the pixel cap
 * (from its /Width and /Height). A page without an image, an image compressed in a way we cannot
 * read, or more pages than a document has, are refused with their own codes.
 */
export async function openPdfPages(bytes: Buffer): Promise<PdfPages> {
  checkObjectStreams(bytes);
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
  const found = pages.map((page, index) => pageImage(page, index + 1));
  return {
    pages: found.map(({ info }) => info),
    decode(page) {
      const entry = found[page - 1];
      if (!entry) throw new AppError('scan.pdf.no_page', { params: { page, pages: found.length } });
      return decodeImage(entry.stream, entry.info);
    },
  };
}

function pageImage(page: PDFPage, number: number): { info: PdfPageInfo; stream: PDFRawStream } {
  const stream = largestImage(page);
  if (!stream) throw new AppError('scan.pdf.no_image', { params: { page: number } });
  const width = numberOf(stream.dict, 'Width');
  const height = numberOf(stream.dict, 'Height');
  assertPixelCap({ width, height }, number);
  const size = page.getSize();
  const [longPx, shortPx] = [Math.max(width, height), Math.min(width, height)];
  const [longPt, shortPt] = [Math.max(size.width, size.height), Math.min(size.width, size.height)];
  // Long side against long side: a landscape image on a portrait page is rotated, not squeezed.
  const dpi = Math.round(Math.min(longPx / (longPt / 72), shortPx / (shortPt / 72)));
  return { info: { page: number, dpi, width, height }, stream };
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

/**
 * JPEG streams are JPEG files as they are (their own header checked against the cap too); Flate
 * streams are raw 8-bit grey or RGB rows, inflated into exactly the bytes /Width, /Height and the
 * colour space declare — zlib stops there, so more data is refused, never held.
 */
function decodeImage(stream: PDFRawStream, { page, width, height }: PdfPageInfo): ImageSource {
  const filter = filterOf(stream.dict);
  if (filter === 'DCTDecode') {
    // The JPEG's own frame header may claim more than the page's /Width and /Height: it is checked too.
    const jpeg = Buffer.from(stream.contents);
    assertPixelCap(readPictureSize(jpeg, 'image/jpeg'), page);
    return jpeg;
  }
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
    const expected = width * height * channels;
    const pixels = inflateAtMost(stream.contents, expected, `PDF image, page ${page}`);
    if (pixels.length === expected) return { pixels, width, height, channels };
  }
  throw new AppError('scan.pdf.image_unsupported', { params: { page, filter } });
}

function channelsOf(dict: PDFDict): 1 | 3 | undefined {
  const space = dict.lookup(PDFName.of('ColorSpace'));
  if (space === PDFName.of('DeviceRGB')) return 3;
  if (space === PDFName.of('DeviceGray')) return 1;
  return undefined;
}
