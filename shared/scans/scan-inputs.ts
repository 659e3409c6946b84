import { z } from 'zod';
import { scanMimes } from './scan-checklist';
import { scanPurposeSchema } from './scan-purpose';

/**
 * Larger files are refused before anything reads them (`scan.upload.too_large`); up to this the
 * checklist says why (a 6 MB file reaches the size rule and is refused with its own error).
 */
export const scanUploadMaxBytes = 50 * 1024 * 1024;

/**
 * A file crosses to the desk in chunks of at most this many bytes, base64 in JSON: the same
 * calls over Electron's IPC and the browser host's HTTP, whose request limit is 1 MiB.
 */
export const scanChunkMaxBytes = 512 * 1024;

/** Where the clerk took the scan from; a camera frame's resolution comes from the document's size. */
export const scanSources = ['scanner', 'camera', 'file'] as const;
export type ScanSource = (typeof scanSources)[number];

/**
 * Paper sizes a camera frame may show, width × height in millimetres (long side first): a
 * frame has no resolution of its own, so it is the pixels across the document framed (B4).
 */
export const documentSizes = {
  /** ID-1: a driving licence, an OMS card, a bank-card-sized ID. */
  id_card: { longMm: 85.6, shortMm: 54 },
  /** One page of a Russian passport. */
  passport_page: { longMm: 125, shortMm: 88 },
  a4: { longMm: 297, shortMm: 210 },
} as const;
export type DocumentSize = keyof typeof documentSizes;
export const documentSizeNames = Object.keys(documentSizes) as DocumentSize[];

/** What the service needs to keep a scan, once its bytes are on the desk. */
export interface AcceptScanInput {
  patientId: string;
  bytes: Uint8Array;
  purpose?: z.infer<typeof scanPurposeSchema>;
  attachedTo?: string | null;
  source?: ScanSource;
  /** For a camera frame: the document it shows edge to edge. */
  documentSize?: DocumentSize;
}

export const readScanInputSchema = z.strictObject({
  scanId: z.uuid(),
  /** The original file, or its thumbnail for the card. */
  variant: z.enum(['original', 'thumbnail']),
});
export type ReadScanInput = z.infer<typeof readScanInputSchema>;

/** A stored scan as the card lists it. */
export const scanSummarySchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  purpose: scanPurposeSchema,
  /** The row the scan belongs to (a document, a consent, a proxy, a verification). */
  attachedTo: z.string().nullable(),
  sha256: z.string(),
  mime: z.enum(scanMimes),
  bytes: z.number().int(),
  pages: z.number().int(),
  dpi: z.number().int(),
  brightness: z.number(),
  sharpness: z.number().int(),
  thumbnailSha256: z.string(),
  createdAt: z.string(),
  /** Null for a scan the patient uploaded in the cabinet: the server wrote its row, no person of the clinic. */
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** False while this desk is still fetching a scan another desk took. */
  thumbnailReady: z.boolean(),
  contentReady: z.boolean(),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;
