import { exportPatientRecord } from '../services/exports/export-record';
import { cancelExportJob, exportJob, fileView, startExportJob, takeExportFile } from '../services/exports/export-jobs';
import type { Handlers } from './handler-types';

/** Exports of a patient's record (issue 14). */
export const exportHandlers: Handlers<'exports'> = {
  'exports.start': (ctx, input) => startExportJob(ctx, input),
  'exports.job': (ctx, input) => exportJob(ctx, input.jobId),
  'exports.cancel': (ctx, input) => cancelExportJob(ctx, input.jobId),
  'exports.take': (ctx, input) => takeExportFile(ctx, input.jobId),
  'exports.print': async (ctx, input) =>
    fileView(await exportPatientRecord(ctx, { ...input, format: 'pdf', purpose: 'print' })),
};
