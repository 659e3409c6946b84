import { AppError } from '../../../shared/errors/app-error';
import type { ScanPorts } from './scan-ports';

function refuse(): never {
  throw new AppError('scan.unavailable');
}

/**
 * The scan ports of a context that keeps no scans (a service test, a benchmark): every use is
 * refused with `scan.unavailable`, so the context still says what it has instead of leaving a
 * port out for each caller to check.
 */
export const absentScanPorts: ScanPorts = {
  vault: { dir: '', put: refuse, get: refuse, has: refuse, remove: refuse, removeLeftovers: refuse },
  uploads: { append: refuse, stage: refuse, take: refuse },
  scanner: { listDevices: refuse, scanPage: refuse },
  jobs: { start: refuse, get: refuse, settled: () => Promise.resolve() },
  analyser: { inspect: refuse, pdfPage: refuse, warm: () => undefined, close: () => Promise.resolve() },
};
