import { z } from 'zod';
import { scanMimes } from '../shared/scans/scan-checklist';

/** What the desk asks of the scan worker: a scan's checks, or a PDF page for the viewer. */
export type ScanJob =
  | {
      kind: 'inspect';
      bytes: Uint8Array;
      mime: (typeof scanMimes)[number];
      paper?: { longMm: number; shortMm: number };
    }
  | { kind: 'pdfPage'; bytes: Uint8Array; page: number };

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'bytes expected' });

const measuredPageSchema = z.object({
  page: z.number().int().positive(),
  dpi: z.number(),
  brightness: z.number(),
  sharpness: z.number(),
});

export const jobRequestSchema = z.object({
  id: z.number().int(),
  job: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('inspect'),
      bytes,
      mime: z.enum(scanMimes),
      paper: z.object({ longMm: z.number().positive(), shortMm: z.number().positive() }).optional(),
    }),
    z.object({ kind: z.literal('pdfPage'), bytes, page: z.number().int().positive() }),
  ]),
});

/** The worker's answer, parsed by the desk like any other input from outside its own thread. */
export const jobAnswerSchema = z.object({
  id: z.number().int(),
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('inspect'), pages: z.array(measuredPageSchema), thumbnail: bytes }),
    z.object({ kind: z.literal('pdfPage'), picture: bytes }),
    z.object({
      kind: z.literal('refused'),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
    z.object({ kind: z.literal('failed'), message: z.string() }),
  ]),
});
export type JobAnswer = z.infer<typeof jobAnswerSchema>;
export type JobOutcome = JobAnswer['outcome'];
