import sharp from 'sharp';
import { AppError } from '../../../shared/errors/app-error';
import { localize } from '../../../shared/errors/catalog';
import {
  scanLimits,
  type ScanCheck,
  type ScanChecklist,
  type ScanMime,
  type ScanRule,
} from '../../../shared/scans/scan-checklist';
import { analysePage, type ImageSource, type RawImage } from './image-quality';
import { readPdfPages } from './pdf-pages';
import { detectScanFormat } from './scan-format';

/** Where the file does not say its resolution, the convention (and libvips) assume 72 dpi. */
const assumedDpi = 72;

interface Page {
  page: number;
  dpi: number;
  width: number;
  image: ImageSource;
}

interface Measured {
  page: number;
  dpi: number;
  brightness: number;
  sharpness: number;
}

/** The rules with a lower limit, checked on the worst page; each message names its measure. */
const minimumRules = [
  { rule: 'resolution', measure: 'dpi', min: scanLimits.minDpi, code: 'scan.resolution.low' },
  { rule: 'brightness', measure: 'brightness', min: scanLimits.minBrightness, code: 'scan.brightness.low' },
  { rule: 'sharpness', measure: 'sharpness', min: scanLimits.minSharpness, code: 'scan.sharpness.low' },
] as const;

export interface ScanInspection {
  checklist: ScanChecklist;
  /** Every failed rule as one error: the first rule's code, all of them as issues (field = rule). */
  refusal: AppError | null;
  /** The first page at analysis size, for the thumbnail; null when the file was not readable. */
  firstPage: RawImage | null;
}

/** Checks a scan against every rule of B4 and lists each with its measured value (UX: scans). */
export async function checkScan(bytes: Buffer, options: InspectOptions): Promise<ScanChecklist> {
  return (await inspectScan(bytes, options)).checklist;
}

export interface InspectOptions {
  now: Date;
  /**
   * The paper an image shows edge to edge (a camera frame): its resolution is then its pixels
   * across the paper, long side against long side, as for a PDF page.
   */
  documentSize?: { longMm: number; shortMm: number };
}

export async function inspectScan(bytes: Buffer, options: InspectOptions): Promise<ScanInspection> {
  const checks = new Map<ScanRule, ScanCheck>();
  const failures: AppError[] = [];
  const record = (
    rule: ScanRule,
    value: ScanCheck['value'],
    limit: ScanCheck['limit'],
    failure: AppError | null,
    page?: number,
  ) => {
    const check: ScanCheck = { rule, status: failure ? 'failed' : 'passed', value, limit };
    if (page !== undefined) check.page = page;
    if (failure) {
      check.error = { code: failure.code, message: localize(failure.code, failure.params) };
      failures.push(failure);
    }
    checks.set(rule, check);
  };

  const mime = detectScanFormat(bytes);
  const read = mime
    ? await readAndMeasure(bytes, mime, options.documentSize).catch((error: unknown) => toAppError(error, mime))
    : null;
  const formatFailure = mime ? (read instanceof AppError ? read : null) : new AppError('scan.format.unsupported');
  record('format', mime, 'image/jpeg, image/png, application/pdf', formatFailure);

  const megabytes = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  record(
    'size',
    bytes.length,
    scanLimits.maxBytes,
    bytes.length > scanLimits.maxBytes
      ? new AppError('scan.size.too_large', {
          params: { size: megabytes(bytes.length), max: megabytes(scanLimits.maxBytes) },
        })
      : null,
  );

  const { measured, firstPage } = read && !(read instanceof AppError) ? read : { measured: [], firstPage: null };
  const pageOf = (worst: Measured | undefined) => (mime === 'application/pdf' ? worst?.page : undefined);
  const worstBy = (key: 'dpi' | 'brightness' | 'sharpness') =>
    measured.reduce<Measured | undefined>(
      (worst, m) => (worst === undefined || m[key] < worst[key] ? m : worst),
      undefined,
    );

  for (const { rule, measure, min, code } of minimumRules) {
    const worst = worstBy(measure);
    if (!worst) {
      checks.set(rule, { rule, status: 'skipped', value: null, limit: min });
      continue;
    }
    const value = worst[measure];
    record(
      rule,
      value,
      min,
      value < min ? new AppError(code, { params: { [measure]: value, min } }) : null,
      pageOf(worst),
    );
  }

  const checklist: ScanChecklist = {
    accepted: failures.length === 0,
    checkedAt: options.now.toISOString(),
    mime,
    bytes: bytes.length,
    pages: measured.length,
    dpi: worstBy('dpi')?.dpi ?? null,
    brightness: worstBy('brightness')?.brightness ?? null,
    sharpness: worstBy('sharpness')?.sharpness ?? null,
    checks: [...checks.values()],
  };
  return { checklist, refusal: refusalOf(failures), firstPage };
}

async function readPages(bytes: Buffer, mime: ScanMime, paper: InspectOptions['documentSize']): Promise<Page[]> {
  if (mime === 'application/pdf') return readPdfPages(bytes);
  const meta = await sharp(bytes, { failOn: 'error' }).metadata();
  // EXIF orientations 5–8 turn the picture a quarter: its upright width is the stored height.
  const width = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
  const dpi = paper ? dpiOnPaper(meta.width, meta.height, paper) : Math.round(meta.density ?? assumedDpi);
  return [{ page: 1, dpi, width, image: bytes }];
}

function dpiOnPaper(width: number, height: number, paper: { longMm: number; shortMm: number }): number {
  const inch = 25.4;
  return Math.round(
    Math.min(Math.max(width, height) / (paper.longMm / inch), Math.min(width, height) / (paper.shortMm / inch)),
  );
}

/** Reading and measuring fail alike on a damaged file: both are the format rule's failure. */
async function readAndMeasure(
  bytes: Buffer,
  mime: ScanMime,
  paper: InspectOptions['documentSize'],
): Promise<{ measured: Measured[]; firstPage: RawImage | null }> {
  const pages = await readPages(bytes, mime, paper);
  // One page at a time: decoded pages of a 10-page PDF would otherwise all sit in memory.
  const measured: Measured[] = [];
  let firstPage: RawImage | null = null;
  for (const page of pages) {
    const { quality, preview } = await analysePage(page.image, page.width, page.dpi);
    firstPage ??= preview;
    measured.push({ page: page.page, dpi: page.dpi, ...quality });
  }
  return { measured, firstPage };
}

function toAppError(error: unknown, mime: ScanMime): AppError {
  if (error instanceof AppError) return error;
  return new AppError('scan.format.damaged', {
    params: { format: mime === 'application/pdf' ? 'PDF' : mime === 'image/png' ? 'PNG' : 'JPEG' },
  });
}

function refusalOf(failures: AppError[]): AppError | null {
  const [first] = failures;
  if (!first) return null;
  const issues = failures.map((failure) => ({ code: failure.code, field: 'scan', params: failure.params }));
  return new AppError(first.code, { field: 'scan', params: first.params, issues });
}
