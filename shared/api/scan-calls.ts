import { z } from 'zod';
import { patientIdSchema } from '../domain/patient';
import { requiredText } from '../domain/field-rules';
import { apiErrorSchema } from '../errors/app-error';
import { scanChecklistSchema } from '../scans/scan-checklist';
import {
  documentSizeNames,
  scanChunkMaxBytes,
  scanSources,
  scanSummarySchema,
  type DocumentSize,
} from '../scans/scan-inputs';
import { scanPurposeSchema } from '../scans/scan-purpose';
import { defineCall } from './define-call';

const base64 = z
  .string()
  .max(Math.ceil(scanChunkMaxBytes / 3) * 4, 'input.too_big')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'input.invalid');

/** A file of the vault for the screen: its bytes, or `downloading` while another desk's blob is on its way. */
export const scanFileSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), id: z.uuid(), mime: z.string(), data: z.string() }),
  z.object({ state: z.literal('downloading'), id: z.uuid() }),
]);
export type ScanFile = z.infer<typeof scanFileSchema>;

export const scanDeviceSchema = z.object({ id: z.string(), vendor: z.string(), model: z.string(), type: z.string() });
export type ScanDevice = z.infer<typeof scanDeviceSchema>;

/** A scanner job, polled by the dialog: progress while scanning, the staged upload when done. */
export const scanJobSchema = z.object({
  jobId: z.uuid(),
  state: z.enum(['scanning', 'done', 'failed']),
  /** 0–100 as the scanner reports it; null where the driver does not. */
  percent: z.number().nullable(),
  /** The scanned page, staged like a file upload, ready for `scans.accept`. */
  uploadId: z.uuid().nullable(),
  error: apiErrorSchema.nullable(),
});
export type ScanJob = z.infer<typeof scanJobSchema>;

export const acceptScanResultSchema = z.discriminatedUnion('accepted', [
  z.object({ accepted: z.literal(true), checklist: scanChecklistSchema, scan: scanSummarySchema }),
  z.object({ accepted: z.literal(false), checklist: scanChecklistSchema, error: apiErrorSchema }),
]);
export type AcceptScanResult = z.infer<typeof acceptScanResultSchema>;

const documentSize = z.enum(documentSizeNames as [DocumentSize, ...DocumentSize[]]);

/**
 * Scans of documents (B4, A6). Bytes travel to the desk in base64 chunks (`scans.upload`) so
 * that both hosts carry them alike; the scanner's page is staged the same way by its job. Clerks
 * take scans; doctors see them.
 */
export const scanCalls = {
  'scans.list': defineCall({
    input: z.strictObject({ patientId: patientIdSchema, attachedTo: z.string().max(64).optional() }),
    output: z.object({ items: z.array(scanSummarySchema) }),
    permission: 'patients.read',
  }),
  'scans.upload': defineCall({
    // The first chunk comes without an id and gets one; the next ones name it and their offset.
    input: z.strictObject({
      uploadId: z.uuid().optional(),
      offset: z.number().int().min(0),
      chunk: base64,
    }),
    output: z.object({ uploadId: z.uuid(), received: z.number().int() }),
    permission: 'patients.write',
  }),
  'scans.accept': defineCall({
    input: z.strictObject({
      uploadId: z.uuid(),
      patientId: patientIdSchema,
      purpose: scanPurposeSchema,
      attachedTo: z.string().max(64).nullish(),
      source: z.enum(scanSources),
      /** A camera frame's document, for its resolution. */
      documentSize: documentSize.optional(),
    }),
    output: acceptScanResultSchema,
    permission: 'patients.write',
    writes: true,
  }),
  'scans.devices': defineCall({
    input: z.strictObject({}),
    output: z.object({ items: z.array(scanDeviceSchema) }),
    permission: 'patients.write',
  }),
  'scans.scan': defineCall({
    input: z.strictObject({ deviceId: z.string().min(1).max(200) }),
    output: z.object({ jobId: z.uuid() }),
    permission: 'patients.write',
  }),
  'scans.job': defineCall({
    input: z.strictObject({ jobId: z.uuid() }),
    output: scanJobSchema,
    permission: 'patients.write',
    passive: true,
  }),
  'scans.thumbnail': defineCall({
    input: z.strictObject({ id: z.uuid() }),
    output: scanFileSchema,
    permission: 'patients.read',
  }),
  'scans.content': defineCall({
    // `page` of a PDF: that page's scanned image as a picture for the viewer (the file itself without it).
    input: z.strictObject({ id: z.uuid(), page: z.number().int().min(1).max(100).optional() }),
    output: scanFileSchema,
    permission: 'patients.read',
  }),
  'scans.remove': defineCall({
    input: z.strictObject({ id: z.uuid(), reason: requiredText(500) }),
    output: z.object({ id: z.uuid(), deletedAt: z.string() }),
    permission: 'patients.write',
    writes: true,
  }),
} as const;
