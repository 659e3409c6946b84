import type { ApiEnvelope } from '../../../../shared/api/facade';
import { scanChunkMaxBytes } from '../../../../shared/scans/scan-inputs';
import type { AcceptScanResult } from '../../../../shared/api/scan-calls';
import type { TempDesk } from '../../../support/temp-desk';

/** Sends a file through `scans.upload` in the chunks the screens use; answers the upload id. */
export async function uploadScan(desk: Pick<TempDesk, 'dispatch'>, bytes: Buffer): Promise<string> {
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += scanChunkMaxBytes) {
    const chunk = bytes.subarray(offset, offset + scanChunkMaxBytes).toString('base64');
    const answer = await desk.dispatch('scans.upload', { ...(uploadId ? { uploadId } : {}), offset, chunk });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    uploadId = (answer.data as { uploadId: string }).uploadId;
  }
  if (!uploadId) throw new Error('nothing to send');
  return uploadId;
}

/** Uploads and accepts a file for a patient, as the scan dialog does. */
export async function sendScan(
  desk: Pick<TempDesk, 'dispatch'>,
  patientId: string,
  bytes: Buffer,
  extra: Record<string, unknown> = {},
): Promise<ApiEnvelope<AcceptScanResult>> {
  const uploadId = await uploadScan(desk, bytes);
  return (await desk.dispatch('scans.accept', {
    uploadId,
    patientId,
    purpose: 'identity_document',
    source: 'file',
    ...extra,
  })) as ApiEnvelope<AcceptScanResult>;
}
