import { z } from 'zod';
import { patientIdSchema } from '../domain/patient';
import { apiErrorSchema } from '../errors/app-error';
import { fileFormats, recordMaterials, type FileFormat } from '../rights/record-requests';
import { defineCall } from './define-call';

/** One of the export formats, refused with its own code (not zod's generic one). */
const formatSchema = z.custom<FileFormat>(
  (value) => typeof value === 'string' && (fileFormats as readonly string[]).includes(value),
  { params: { code: 'exports.format_unknown' } },
);

/** What to export: the patient, the sections (absent: all) and an inclusive period of days. */
const exportScopeSchema = z.strictObject({
  patientId: patientIdSchema,
  sections: z.array(z.enum(recordMaterials)).min(1).max(recordMaterials.length).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** The file as the screen takes it: bytes in base64, as scans travel (both hosts carry them alike). */
export const exportFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  data: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  withheld: z.number().int(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

/** An export in progress, polled by the dialog: entries written of all, then the file's facts. */
export const exportJobSchema = z.object({
  jobId: z.uuid(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number().int(),
  total: z.number().int(),
  error: apiErrorSchema.nullable(),
  file: z.object({ fileName: z.string(), size: z.number().int(), withheld: z.number().int() }).nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

/**
 * Exports of a patient's record (issue 14, F3): PDF, FHIR R4, СЭМД, with progress and cancel
 * (`exports.*`). A long export is a job: `start` answers at once, the dialog polls `job`, may
 * `cancel`, and `take`s the finished file once. `print` makes the same PDF for the desk's print
 * (audited `exports.printed`).
 */
export const exportCalls = {
  'exports.start': defineCall({
    input: exportScopeSchema.extend({ format: formatSchema }),
    output: z.object({ jobId: z.uuid() }),
    permission: 'records.release',
  }),
  'exports.job': defineCall({
    input: z.strictObject({ jobId: z.uuid() }),
    output: exportJobSchema,
    permission: 'records.release',
    passive: true,
  }),
  'exports.cancel': defineCall({
    input: z.strictObject({ jobId: z.uuid() }),
    output: exportJobSchema,
    permission: 'records.release',
  }),
  'exports.take': defineCall({
    input: z.strictObject({ jobId: z.uuid() }),
    output: exportFileSchema,
    permission: 'records.release',
  }),
  'exports.print': defineCall({
    input: exportScopeSchema,
    output: exportFileSchema,
    permission: 'records.release',
  }),
} as const;
