import { createHash, createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { signatureHeaders, signedText } from '../../shared/sync/protocol';

/** Signs one request as this device (the headers described in shared/sync/protocol.ts). */
export function signedHeaders(
  device: { deviceId: string; privateKey: KeyObject },
  method: string,
  pathWithQuery: string,
  body: Buffer,
  now: number = Date.now(),
): Record<string, string> {
  const time = String(now);
  const nonce = randomBytes(16).toString('hex');
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  const text = signedText({ method, path: pathWithQuery, time, nonce, bodySha256 });
  return {
    [signatureHeaders.device]: device.deviceId,
    [signatureHeaders.time]: time,
    [signatureHeaders.nonce]: nonce,
    [signatureHeaders.signature]: sign(null, Buffer.from(text), device.privateKey).toString('base64'),
  };
}

export function privateKeyFromBase64(der: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
}
