import { z } from 'zod';

/** Larger files are refused before anything reads them; up to this the checklist says why. */
export const scanUploadMaxBytes = 50 * 1024 * 1024;

export const acceptScanInputSchema = z.strictObject({
  patientId: z.uuid(),
  /** The file as it came from the scanner or the clerk's folder. */
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'input.type')
    .refine((bytes) => bytes.length > 0 && bytes.length <= scanUploadMaxBytes, 'input.too_big'),
});
export type AcceptScanInput = z.infer<typeof acceptScanInputSchema>;

export const readScanInputSchema = z.strictObject({
  scanId: z.uuid(),
  /** The original file, or its thumbnail for the card. */
  variant: z.enum(['original', 'thumbnail']),
});
export type ReadScanInput = z.infer<typeof readScanInputSchema>;

/** A stored scan as the card lists it. */
export const scanRecordSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  sha256: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  bytes: z.number().int(),
  pages: z.number().int(),
  dpi: z.number().int(),
  brightness: z.number(),
  sharpness: z.number().int(),
  thumbnailSha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ScanRecord = z.infer<typeof scanRecordSchema>;
