import { z } from 'zod';

/**
 * What a scan is of: the row it belongs to (`attached_to`) is an identity document or OMS policy
 * (B3, B7), a signed consent or a proxy's document (B8, B9), or an in-person verification (B6).
 */
export const scanPurposes = ['identity_document', 'oms_policy', 'consent', 'proxy_document', 'verification'] as const;
export type ScanPurpose = (typeof scanPurposes)[number];
export const scanPurposeSchema = z.enum(scanPurposes);
