import type { FileFormat, RecordMaterial } from '../../../shared/rights/record-requests';
import type { ActorContext } from '../../core/context';

/** What to export of one patient's record (issue 14, item 3). */
export interface ExportOptions {
  patientId: string;
  format: FileFormat;
  /** Sections; absent or `['all']`: the whole record. */
  sections?: readonly RecordMaterial[];
  /** Inclusive ISO dates of the entries' `occurred_at`. */
  from?: string;
  to?: string;
  /** The record request this export fulfils, for the audit event. */
  requestId?: string;
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`, recorded in the audit (`exports.created`). */
  sha256: string;
  /** How many entries were withheld as restricted (F4); the file itself says so and why. */
  withheld: number;
}

export interface ExportProgress {
  (done: number, total: number): void;
}

/**
 * One patient's record as a file (PDF, FHIR R4 Bundle, СЭМД CDA XML): audited as `exports.created`
 * with the file's SHA-256; restricted entries withheld with a notice; cancelled by `signal`
 * (`exports.cancelled`). A stub until the export service lands.
 */
export async function exportPatientRecord(
  _ctx: ActorContext,
  _options: ExportOptions,
  _progress?: ExportProgress,
  _signal?: AbortSignal,
): Promise<ExportedFile> {
  throw new Error('exportPatientRecord: not built yet (issue 14)');
}
