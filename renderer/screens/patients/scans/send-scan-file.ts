import type { ApiEnvelope, ContractApi } from '../../../../shared/api/facade';
import { scanChunkMaxBytes } from '../../../../shared/scans/scan-inputs';

/** One chunk as base64, read by the browser itself (no string building over megabytes). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a file to the desk in chunks (`scans.upload`, or the chart's own for a doctor), reporting
 * the bytes sent; answers the upload's id for `scans.accept`, or the first refusal.
 */
export async function sendScanFile(
  upload: ContractApi['scans']['upload'],
  file: Blob,
  onProgress: (sent: number, total: number) => void,
): Promise<ApiEnvelope<{ uploadId: string }>> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const chunk = await base64Of(file.slice(offset, offset + scanChunkMaxBytes));
    const answer = await upload({ ...(uploadId ? { uploadId } : {}), offset, chunk });
    if (!answer.ok) return answer;
    uploadId = answer.data.uploadId;
    offset = answer.data.received;
    onProgress(offset, file.size);
  } while (offset < file.size);
  return { ok: true, data: { uploadId } };
}
