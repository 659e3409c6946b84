import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { signatureHeaders, signedText } from '../../shared/sync/protocol';

/**
 * How a device signs a request (plain Node, no server imports, so the workstation's sync client
 * can import or mirror it). `path` is the path with its query exactly as it will be sent.
 */
export function signRequest(
  privateKey: KeyObject,
  deviceId: string,
  method: string,
  path: string,
  body: Buffer = Buffer.alloc(0),
  options: { time?: number; nonce?: string } = {},
): Record<string, string> {
  const time = String(options.time ?? Date.now());
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const text = signedText({ method, path, time, nonce, bodySha256: createHash('sha256').update(body).digest('hex') });
  return {
    [signatureHeaders.device]: deviceId,
    [signatureHeaders.time]: time,
    [signatureHeaders.nonce]: nonce,
    [signatureHeaders.signature]: sign(null, Buffer.from(text), privateKey).toString('base64'),
  };
}

/** A fresh Ed25519 key pair, with the public half in the form enrolment wants (SPKI DER base64). */
export function newDeviceKeys(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}
