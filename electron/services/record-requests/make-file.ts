import { AppError } from '../../../shared/errors/app-error';
import { rightsActions } from '../../../shared/rights/access-actions';
import type { FileFormat } from '../../../shared/rights/record-requests';
import type { ServiceContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { insertRecord } from '../../store/record-door';
import { exportPatientRecord, type ExportOptions } from '../exports/export-record';
import { fileJobsOf } from './file-jobs';
import { fileFormatsOf, materialsOf, requestFiles, requireRequest, type RequestRow } from './request-row';
import { assertInWork } from './request-step';

/** What making a request's file uses: the store, the clock, who acts, the vault the files go to, the fonts' folder. */
export type RequestFileContext = Pick<ServiceContext, 'store' | 'clock' | 'actor' | 'scans' | 'resourcesDir'>;

/** The export engine (`exportPatientRecord`); a parameter so the job's own steps can be tried apart from it. */
export type RecordExporter = typeof exportPatientRecord;

/** The request can take a file of `format` now: in work, the format asked, no file of it yet. */
function assertFileWanted(tx: ReadTx, row: RequestRow, format: FileFormat): void {
  assertInWork(row);
  if (!fileFormatsOf(row).includes(format)) throw new AppError('records.request.format_not_asked', { field: 'format' });
  if (requestFiles(tx, row.id).some((file) => file.format === format))
    throw new AppError('records.request.file_exists', { field: 'format' });
}

function exportOptions(row: RequestRow, format: FileFormat): ExportOptions {
  const materials = materialsOf(row);
  if (!materials) throw new AppError('records.request.materials_unreadable', { field: 'id' });
  return {
    patientId: row.patient_id,
    format,
    sections: materials.sections,
    ...(materials.from ? { from: materials.from } : {}),
    ...(materials.to ? { to: materials.to } : {}),
    requestId: row.id,
  };
}

/**
 * Starts making the file of one asked format for a request in work (F3): the patient's record
 * exported with the request's materials and dates, its bytes kept in the desk's vault (sealed,
 * named by SHA-256), and a `record_request_files` row naming it through the door — so the sync
 * worker uploads the blob before it pushes the row (`blobFields`). Answers the job at once; the
 * job's progress and cancel are the export's. A cancelled or failed job leaves no row and no
 * file it made.
 */
export function startRequestFile(
  ctx: RequestFileContext,
  id: string,
  format: FileFormat,
  exporter: RecordExporter = exportPatientRecord,
): { jobId: string } {
  const options = ctx.store.read((tx) => {
    const found = requireRequest(tx, id);
    assertFileWanted(tx, found, format);
    return exportOptions(found, format);
  });
  const jobs = fileJobsOf(ctx.store, ctx.clock);
  const jobId = jobs.start(
    ctx.actor.staffId,
    id,
    format,
    async (progress, signal) => {
      const file = await exporter(ctx, options, progress, signal);
      signal.throwIfAborted();
      const kept = await ctx.scans.vault.put(file.bytes);
      try {
        // Nothing awaits from here on: a cancel cannot come between this check and the row.
        signal.throwIfAborted();
        return ctx.store.transaction((tx) => {
          const at = ctx.clock.now().toISOString();
          const current = requireRequest(tx, id);
          assertFileWanted(tx, current, format);
          return insertRecord(
            { tx, actor: ctx.actor, at },
            'records.release',
            'record_request_files',
            {
              request_id: id,
              patient_id: current.patient_id,
              format,
              file_name: file.fileName,
              mime: file.mime,
              size: file.bytes.length,
              sha256: kept.sha256,
              // A flag on the row (the server's rule takes 0 or 1); how many is in the export's own audit.
              withheld: file.withheld > 0 ? 1 : 0,
            },
            {
              action: rightsActions.requestFileAttached,
              patientId: current.patient_id,
              details: { requestId: id, number: current.number, format, sha256: kept.sha256, size: file.bytes.length },
            },
          );
        });
      } catch (error) {
        if (kept.created) await ctx.scans.vault.remove(kept.sha256);
        throw error;
      }
    },
    ctx.clock.now(),
  );
  return { jobId };
}
