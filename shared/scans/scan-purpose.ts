import { z } from 'zod';

/**
 * What a scan is of: the row it belongs to (`attached_to`) is an identity document or OMS policy
 * (B3, B7), a signed consent or a proxy's document (B8, B9), an in-person verification (B6), or a
 * chart's document or lab result (issue 12).
 */
export const scanPurposes = [
  'identity_document',
  'oms_policy',
  'consent',
  'proxy_document',
  'verification',
  // A chart's document or a patient's lab result (issue 12): attached to a `chart_entries` row.
  'chart_document',
] as const;
export type ScanPurpose = (typeof scanPurposes)[number];
export const scanPurposeSchema = z.enum(scanPurposes);

/** Who may add a scan of this purpose: a chart's document is a doctor's (`chart.write`), the rest the front desk's. */
export function scanPermission(purpose: ScanPurpose): 'chart.write' | 'patients.write' {
  return purpose === 'chart_document' ? 'chart.write' : 'patients.write';
}
