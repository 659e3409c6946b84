import { createSaneScanner } from './sane';
import { createScanAnalyser, type ScanAnalyser } from '../../../scan-checks/scan-analyser';
import type { ScannerPort } from './scanner-port';
import { createScannerJobs, type ScannerJobs } from './scanner-jobs';
import { createScanUploads, type ScanUploads } from './scan-uploads';
import { createScanVault, scanVaultDir, type ScanVault } from './scan-vault';

/** What the scan calls use beyond the store: the vault, files on their way in, the scanner. */
export interface ScanPorts {
  vault: ScanVault;
  uploads: ScanUploads;
  scanner: ScannerPort;
  jobs: ScannerJobs;
  /** The worker thread that decodes scans, away from the main thread. */
  analyser: ScanAnalyser;
}

export function createScanPorts(options: {
  dbPath: string;
  storeKey: Buffer;
  clock: { now(): Date };
  scanner?: ScannerPort;
}): ScanPorts {
  const vault = createScanVault({ dir: scanVaultDir(options.dbPath), storeKey: options.storeKey });
  const analyser = createScanAnalyser();
  const staged = createScanUploads();
  // A file on its way in (a chosen file's first chunk, a scanner's page) starts the scan worker,
  // so that checking it does not also wait for the thread to start.
  const uploads: ScanUploads = {
    ...staged,
    append(owner, uploadId, offset, chunk, now) {
      if (offset === 0) analyser.warm();
      return staged.append(owner, uploadId, offset, chunk, now);
    },
  };
  const scanner = options.scanner ?? createSaneScanner();
  const jobs = createScannerJobs({ scanner, uploads, clock: options.clock });
  return {
    vault,
    uploads,
    scanner,
    jobs: {
      ...jobs,
      start(owner, deviceId, now) {
        analyser.warm();
        return jobs.start(owner, deviceId, now);
      },
    },
    analyser,
  };
}
