import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { encodeCbor, type CborValue } from '../../electron/auth/cbor-encode';
import { HardwareKeyError, usbKeyCredential, type HardwareKeyPort } from '../../electron/auth/hardware-key-port';

interface SoftCredential {
  id: Buffer;
  rpId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  counter: number;
}

export interface SoftwareAuthenticatorOptions {
  /** The origin the "browser" around this key reports in clientDataJSON. */
  origin: string;
  /** How much the signature counter grows per signature; 0 is a key that keeps no counter. */
  counterStep?: number;
  /** The model id written at registration (16 bytes); zeros, as with attestation 'none'. */
  aaguid?: Uint8Array;
}

// Authenticator data flags (WebAuthn §6.1).
const userPresentFlag = 0x01;
const attestedDataFlag = 0x40;
const es256 = -7;

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();
const uint16 = (value: number): Buffer => Buffer.from([value >> 8, value & 0xff]);
function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/**
 * A FIDO2 security key in memory, behind the same port as a real one: ES256 key pairs from
 * node:crypto, real authenticator data (RP id hash, UP/AT flags, signature counter), attestation
 * 'none' in CBOR, and DER signatures over authenticatorData ‖ SHA-256(clientDataJSON), exactly
 * as WebAuthn verifiers expect. It plays the browser's part too (clientDataJSON with the type,
 * challenge and origin). Tests use it to sign in for real, and to misbehave on purpose: an
 * untouched key, a clone whose counter falls behind, a foreign origin.
 */
export class SoftwareAuthenticator implements HardwareKeyPort {
  /** The origin reported to the relying party; change it to act as a phishing page would. */
  origin: string;
  /** False models a key that signs without being touched (no user presence). */
  userPresent = true;
  private readonly counterStep: number;
  private readonly aaguid: Uint8Array;
  private readonly credentials = new Map<string, SoftCredential>();

  constructor(options: SoftwareAuthenticatorOptions) {
    this.origin = options.origin;
    this.counterStep = options.counterStep ?? 1;
    this.aaguid = options.aaguid ?? new Uint8Array(16);
  }

  async create(options: PublicKeyCredentialCreationOptionsJSON): Promise<RegistrationResponseJSON> {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    if (!options.pubKeyCredParams.some((param) => param.alg === es256)) {
      throw new HardwareKeyError('NotSupportedError', 'This key only makes ES256 credentials');
    }
    if ((options.excludeCredentials ?? []).some((excluded) => this.credentials.has(excluded.id))) {
      throw new HardwareKeyError('InvalidStateError', 'This key is already registered');
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credential: SoftCredential = { id: randomBytes(32), rpId, privateKey, publicKey, counter: 0 };
    const jwk = publicKey.export({ format: 'jwk' });
    if (!jwk.x || !jwk.y) throw new Error('An EC public key without coordinates');
    // COSE_Key (RFC 9053) in CTAP2's canonical key order: kty, alg, crv, x, y.
    const coseKey = new Map<number, CborValue>([
      [1, 2],
      [3, es256],
      [-1, 1],
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]);
    const authData = Buffer.concat([
      sha256(Buffer.from(rpId, 'utf8')),
      Buffer.from([(this.userPresent ? userPresentFlag : 0) | attestedDataFlag]),
      uint32(credential.counter),
      this.aaguid,
      uint16(credential.id.length),
      credential.id,
      encodeCbor(coseKey),
    ]);
    const attestationObject = encodeCbor(
      new Map<string, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    const id = credential.id.toString('base64url');
    this.credentials.set(id, credential);
    return usbKeyCredential(id, {
      clientDataJSON: this.clientData('webauthn.create', options.challenge).toString('base64url'),
      attestationObject: Buffer.from(attestationObject).toString('base64url'),
      authenticatorData: authData.toString('base64url'),
      transports: ['usb'],
      publicKeyAlgorithm: es256,
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
    });
  }

  async get(options: PublicKeyCredentialRequestOptionsJSON): Promise<AuthenticationResponseJSON> {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const credential = (options.allowCredentials ?? [])
      .map((allowed) => this.credentials.get(allowed.id))
      .find((candidate) => candidate?.rpId === rpId);
    if (!credential) throw new HardwareKeyError('NotAllowedError', 'None of the allowed credentials is on this key');
    credential.counter += this.counterStep;
    const authData = Buffer.concat([
      sha256(Buffer.from(rpId, 'utf8')),
      Buffer.from([this.userPresent ? userPresentFlag : 0]),
      uint32(credential.counter),
    ]);
    const clientData = this.clientData('webauthn.get', options.challenge);
    // ECDSA signatures from node:crypto are DER-encoded, which is what WebAuthn's ES256 uses.
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), credential.privateKey);
    return usbKeyCredential(credential.id.toString('base64url'), {
      clientDataJSON: clientData.toString('base64url'),
      authenticatorData: authData.toString('base64url'),
      signature: signature.toString('base64url'),
    });
  }

  /** The credential ids this key holds (base64url). */
  credentialIds(): string[] {
    return [...this.credentials.keys()];
  }

  /** The current signature counter of one credential. */
  counterOf(credentialId: string): number | undefined {
    return this.credentials.get(credentialId)?.counter;
  }

  /**
   * A credential in the form Chromium's virtual authenticator imports it
   * (CDP `WebAuthn.addCredential`): so that a key registered here can sign in a real page.
   */
  exportCredential(
    credentialId: string,
  ): { credentialId: string; rpId: string; privateKey: string; signCount: number } | undefined {
    const credential = this.credentials.get(credentialId);
    if (!credential) return undefined;
    return {
      credentialId: credential.id.toString('base64'),
      rpId: credential.rpId,
      privateKey: credential.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      signCount: credential.counter,
    };
  }

  /**
   * A copy of this key with the same private keys and counters, as an attacker's clone would
   * be: whichever of the two signs second shows a counter that did not grow.
   */
  clone(): SoftwareAuthenticator {
    const copy = new SoftwareAuthenticator({ origin: this.origin, counterStep: this.counterStep, aaguid: this.aaguid });
    for (const [id, credential] of this.credentials) copy.credentials.set(id, { ...credential });
    return copy;
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }), 'utf8');
  }
}
