import { createHash, randomUUID } from 'node:crypto';
import { can } from '../../../shared/auth/permissions';
import { AppError } from '../../../shared/errors/app-error';
import { rightsActions } from '../../../shared/rights/access-actions';
import { fileFormats, type FileFormat, type RecordMaterial } from '../../../shared/rights/record-requests';
import type { ActorContext, ServiceContext } from '../../core/context';
import { appendAudit } from '../../store/audit-log';
import { pace } from './pace';
import { readExtract } from './read-extract';
import { renderFhir } from './render-fhir';
import { renderPdf } from './render-pdf';
import { renderSemd } from './render-semd';

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
  /** `print`: the PDF the desk prints (audited `exports.printed`); otherwise a file (`exports.created`). */
  purpose?: 'file' | 'print';
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

/** Each format's file: its MIME type and extension. */
export const exportFileTypes: Record<FileFormat, { mime: string; extension: string }> = {
  pdf: { mime: 'application/pdf', extension: 'pdf' },
  fhir: { mime: 'application/fhir+json', extension: 'fhir.json' },
  semd: { mime: 'application/xml', extension: 'semd.xml' },
};

/** The context an export runs in: who acts, and — where the host knows it — the program's resources (fonts). */
export type ExportContext = ActorContext & Partial<Pick<ServiceContext, 'resourcesDir'>>;

/**
 * One patient's record as a file (PDF, FHIR R4 Bundle, СЭМД CDA XML): audited as `exports.created`
 * with the file's SHA-256; restricted entries withheld with a notice; cancelled by `signal`
 * (`exports.cancelled`, the one event written). Needs `records.release`.
 */
export async function exportPatientRecord(
  ctx: ExportContext,
  options: ExportOptions,
  progress?: ExportProgress,
  signal?: AbortSignal,
): Promise<ExportedFile> {
  if (!can(ctx.actor.role, 'records.release')) throw new AppError('forbidden');
  if (!(fileFormats as readonly string[]).includes(options.format))
    throw new AppError('exports.format_unknown', { field: 'format' });
  if (options.from && options.to && options.from > options.to)
    throw new AppError('exports.dates_reversed', { field: 'to' });
  const extract = readExtract(ctx, options);
  const total = extract.entries.length;
  const step = pace(total, progress, signal);
  progress?.(0, total);
  let bytes: Buffer;
  try {
    if (signal?.aborted) throw new AppError('exports.cancelled');
    if (options.format === 'fhir') bytes = await renderFhir(extract, step, randomUUID);
    else if (options.format === 'pdf') bytes = await renderPdf(extract, step, ctx.resourcesDir);
    else bytes = await renderSemd(extract, step, { documentNumber: randomUUID(), role: ctx.actor.role });
    if (signal?.aborted) throw new AppError('exports.cancelled');
  } catch (error) {
    if (error instanceof AppError && error.code === 'exports.cancelled') {
      ctx.store.transaction((tx) =>
        appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
          action: 'exports.cancelled',
          patientId: options.patientId,
          details: { format: options.format, ...(options.requestId ? { requestId: options.requestId } : {}) },
        }),
      );
    }
    throw error;
  }
  progress?.(total, total);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const withheld = extract.withheld?.count ?? 0;
  ctx.store.transaction((tx) =>
    appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
      action: options.purpose === 'print' ? rightsActions.exportPrinted : rightsActions.exportCreated,
      patientId: options.patientId,
      details: {
        format: options.format,
        sha256,
        size: bytes.length,
        sections: extract.sections,
        withheld,
        ...(options.requestId ? { requestId: options.requestId } : {}),
      },
    }),
  );
  const day = extract.issuedAt.slice(0, 10);
  return {
    fileName: `vypiska-${extract.patient.id.slice(0, 8)}-${day}.${exportFileTypes[options.format].extension}`,
    mime: exportFileTypes[options.format].mime,
    bytes,
    sha256,
    withheld,
  };
}
