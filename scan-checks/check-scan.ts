import { AppError } from '../shared/errors/app-error';
import { localize } from '../shared/errors/catalog';
import {
  scanLimits,
  type ScanCheck,
  type ScanChecklist,
  type ScanMime,
  type ScanRule,
} from '../shared/scans/scan-checklist';
import { assertPixelCap, readPictureSize } from './image-header';
import type { MeasuredPage as Measured, ScanAnalysis } from './scan-analysis';
import type { ScanAnalyser } from './scan-analyser';
import { detectScanFormat } from './scan-format';

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
  /** The first page's JPEG thumbnail; null when the file was not read. */
  thumbnail: Buffer | null;
}

/** Checks a scan against every rule of B4 and lists each with its measured value (UX: scans). */
export async function checkScan(
  bytes: Buffer,
  options: InspectOptions,
  analyser: Pick<ScanAnalyser, 'inspect'>,
): Promise<ScanChecklist> {
  return (await inspectScan(bytes, options, analyser)).checklist;
}

export interface InspectOptions {
  now: Date;
  /**
   * The paper an image shows edge to edge (a camera frame): its resolution is then its pixels
   * across the paper, long side against long side, as for a PDF page.
   */
  documentSize?: { longMm: number; shortMm: number };
}

/**
 * The rules in the order that costs least: the size and the format by the first bytes (nothing
 * parsed), a picture's size from its header against the pixel cap (nothing decoded), and only
 * then the decoding, in the scan worker (`analyser`), one page at a time.
 */
export async function inspectScan(
  bytes: Buffer,
  options: InspectOptions,
  analyser: Pick<ScanAnalyser, 'inspect'>,
): Promise<ScanInspection> {
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
  const tooLarge = bytes.length > scanLimits.maxBytes;
  // A file over the size limit is never parsed: its first bytes name its format, nothing more.
  const read =
    mime && !tooLarge
      ? await measure(bytes, mime, options.documentSize, analyser).catch((error: unknown) => toAppError(error, mime))
      : null;
  const formatFailure = mime ? (read instanceof AppError ? read : null) : new AppError('scan.format.unsupported');
  record('format', mime, 'image/jpeg, image/png, application/pdf', formatFailure);

  record('size', bytes.length, scanLimits.maxBytes, tooLarge ? scanTooLarge(bytes.length) : null);

  const { pages: measured, thumbnail } = read && !(read instanceof AppError) ? read : { pages: [], thumbnail: null };
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
  return { checklist, refusal: refusalOf(failures), thumbnail };
}

/** The size rule's refusal for a file of `size` bytes (also for one refused before it is read whole). */
export function scanTooLarge(size: number): AppError {
  const megabytes = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return new AppError('scan.size.too_large', {
    params: { size: megabytes(size), max: megabytes(scanLimits.maxBytes) },
  });
}

async function measure(
  bytes: Buffer,
  mime: ScanMime,
  paper: InspectOptions['documentSize'],
  analyser: Pick<ScanAnalyser, 'inspect'>,
): Promise<ScanAnalysis> {
  // A PDF's images are checked against the cap in the worker, from their /Width and /Height.
  if (mime !== 'application/pdf') assertPixelCap(readPictureSize(bytes, mime));
  return analyser.inspect(bytes, mime, paper);
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
