import { createPublicKey } from 'node:crypto';
import { cose, decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';

/**
 * What a registration answer says of its public key besides the COSE form: the COSE algorithm
 * and, for an ES256 (P-256) key, the SubjectPublicKeyInfo in DER — what a browser's
 * `getPublicKey()` returns. Other key types get the algorithm only ("where derivable").
 */
export function describeCoseKey(coseKey: Uint8Array): { algorithm: number; spki?: Buffer } {
  const key = decodeCredentialPublicKey(new Uint8Array(coseKey));
  const algorithm = key.get(cose.COSEKEYS.alg);
  if (algorithm === undefined) throw new RangeError('The COSE key names no algorithm');
  if (!cose.isCOSEPublicKeyEC2(key) || key.get(cose.COSEKEYS.crv) !== cose.COSECRV.P256) return { algorithm };
  const x = key.get(cose.COSEKEYS.x);
  const y = key.get(cose.COSEKEYS.y);
  if (!x || !y || x.length !== 32 || y.length !== 32) throw new RangeError('The COSE key has no P-256 point');
  const spki = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: Buffer.from(x).toString('base64url'), y: Buffer.from(y).toString('base64url') },
    format: 'jwk',
  }).export({ format: 'der', type: 'spki' });
  return { algorithm, spki };
}
