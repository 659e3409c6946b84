import { z } from 'zod';

/**
 * What an identity-document scan must meet (B4), and the checklist the desk shows while it
 * checks one: every rule with its measured value, passed or failed, in this order.
 */
export const scanLimits = {
  /** Largest file accepted. */
  maxBytes: 5 * 1024 * 1024,
  /** Lowest resolution accepted, dots per inch. */
  minDpi: 300,
  /**
   * Mean luminance, % of white. Measured on a generated ID card (paper, photo, dense text): 72 %
   * as scanned, 36 % at half exposure, 25 % at 0.35, 14 % at 0.2.
   */
  minBrightness: 30,
  /**
   * Variance of the Laplacian of the page brought to 100 dpi (decoded at half scale), greyscale.
   * Measured on generated cards and pages at 300 dpi, JPEG and PNG: sharp 3000–4150 (2800–3100 at
   * 400 and 600 dpi), Gaussian blur σ = 1 px 2400–2600, σ = 2 px 1230–1610 (small print still
   * legible), σ = 2.5 px 780–810, σ = 3 px 535–680, σ = 4 px 240. The limit keeps σ ≤ 2 and
   * refuses σ ≥ 2.5, as the 150 dpi measure (limit 250) did.
   */
  minSharpness: 1000,
  /** A PDF may hold a document's pages (a passport's spread and its registration page). */
  maxPdfPages: 10,
  /**
   * Largest picture (a page's image), width × height, read from the file's header before anything
   * is decoded: an A4 page at 600 dpi is 35 MP; a 16384² picture (268 MP) in a 256 KiB file is a bomb.
   */
  maxPixels: 60_000_000,
} as const;

export const scanMimes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type ScanMime = (typeof scanMimes)[number];

export const scanRules = ['format', 'size', 'resolution', 'brightness', 'sharpness'] as const;
export type ScanRule = (typeof scanRules)[number];

const localizedText = z.object({ ru: z.string(), en: z.string() });

export const scanCheckSchema = z.object({
  rule: z.enum(scanRules),
  /** `skipped`: not measurable because an earlier rule failed (an unreadable file). */
  status: z.enum(['passed', 'failed', 'skipped']),
  /** The measured value: the MIME type, bytes, dpi, brightness % or sharpness. */
  value: z.union([z.string(), z.number()]).nullable(),
  /** What the rule asks for, in the same unit. */
  limit: z.union([z.string(), z.number()]),
  /** For a PDF, the page the value comes from (the worst one). */
  page: z.number().int().positive().optional(),
  error: z.object({ code: z.string(), message: localizedText }).optional(),
});
export type ScanCheck = z.infer<typeof scanCheckSchema>;

export const scanChecklistSchema = z.object({
  accepted: z.boolean(),
  checkedAt: z.string(),
  mime: z.enum(scanMimes).nullable(),
  bytes: z.number().int().min(0),
  pages: z.number().int().min(0),
  /** The lowest of the pages' values; null where not measured. */
  dpi: z.number().nullable(),
  brightness: z.number().nullable(),
  sharpness: z.number().nullable(),
  checks: z.array(scanCheckSchema),
});
export type ScanChecklist = z.infer<typeof scanChecklistSchema>;
