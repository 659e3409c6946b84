import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * The Yubico OTP format, as published by Yubico ("OTPs Explained",
 * https://developers.yubico.com/OTP/OTPs_Explained.html) and implemented by libyubikey
 * (Yubico/yubico-c: yubikey.h, test-vectors.txt). Pure functions: no I/O, no clock.
 *
 * An OTP is `<public id><token>`: a 0–16 character modhex public id, then 32 modhex characters
 * holding one AES-128-ECB block. Decrypted, the block is
 *
 *   offset 0  6 bytes  private (secret) id
 *          6  2 bytes  usage counter, little-endian; bit 15 says caps lock triggered the key
 *          8  3 bytes  timestamp, little-endian, ≈ 8 Hz since power-up
 *         11  1 byte   session use (presses since power-up)
 *         12  2 bytes  random
 *         14  2 bytes  CRC-16 (ISO 13239), stored complemented so the whole block leaves 0xf0b8
 */

/** ModHex: hex with letters that sit in the same place on most Latin keyboard layouts. */
export const modhexAlphabet = 'cbdefghijklnrtuv';

export const tokenLength = 32;
export const publicIdMaxLength = 16;
export const otpMinLength = tokenLength;
export const otpMaxLength = tokenLength + publicIdMaxLength;

/** What a CRC-16 over a valid block (CRC field included) must come to. */
export const crcResidue = 0xf0b8;

const modhexPattern = /^[cbdefghijklnrtuv]*$/;
const otpPattern = /^[cbdefghijklnrtuv]{32,48}$/;
const hexPattern = /^[0-9a-f]*$/i;

export function isModhex(text: string): boolean {
  return modhexPattern.test(text);
}

/** Decodes modhex into bytes; undefined for an odd length or a letter outside the alphabet. */
export function modhexDecode(text: string): Buffer | undefined {
  if (text.length % 2 !== 0 || !isModhex(text)) return undefined;
  let hex = '';
  for (const letter of text) hex += modhexAlphabet.indexOf(letter).toString(16);
  return Buffer.from(hex, 'hex');
}

export function modhexEncode(bytes: Uint8Array): string {
  let text = '';
  for (const digit of Buffer.from(bytes).toString('hex')) text += modhexAlphabet[parseInt(digit, 16)];
  return text;
}

/** CRC-16/ISO-13239 (reflected polynomial 0x8408, initial 0xffff, no final xor), as libyubikey's. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      const carry = crc & 1;
      crc >>= 1;
      if (carry) crc ^= 0x8408;
    }
  }
  return crc;
}

export interface OtpFields {
  /** 12 lowercase hex digits. */
  privateId: string;
  /** The non-volatile counter, 15 bits (1–0x7fff; the top bit is the caps-lock flag below). */
  usageCounter: number;
  capsLock: boolean;
  /** 24 bits, ≈ 8 Hz since the key was powered up. */
  timestamp: number;
  /** Presses since power-up, 0–255; YK-VAL's `sessionuse`. */
  sessionUse: number;
  random: number;
  /** The CRC field as stored (complemented). */
  crc: number;
}

export type ParsedOtp =
  | ({ ok: true; publicId: string } & OtpFields)
  /** `shape`: not 32–48 modhex letters. `crc`: the block does not decrypt to a valid OTP under this key. */
  | { ok: false; reason: 'shape' | 'crc' };

/** The public id of a well-formed OTP (all but the last 32 letters); undefined when malformed. */
export function otpPublicId(otp: string): string | undefined {
  return otpPattern.test(otp) ? otp.slice(0, otp.length - tokenLength) : undefined;
}

/**
 * Decrypts and checks an OTP with the key's AES secret. It does not check the private id nor
 * the counters: those belong to whoever holds the key's record.
 */
export function parseOtp(otp: string, aesKey: Uint8Array): ParsedOtp {
  const publicId = otpPublicId(otp);
  const token = modhexDecode(otp.slice(otp.length - tokenLength));
  if (publicId === undefined || !token) return { ok: false, reason: 'shape' };
  const block = aes128Ecb('decrypt', aesKey, token);
  if (crc16(block) !== crcResidue) return { ok: false, reason: 'crc' };
  const counter = block.readUInt16LE(6);
  return {
    ok: true,
    publicId,
    privateId: block.subarray(0, 6).toString('hex'),
    usageCounter: counter & 0x7fff,
    capsLock: (counter & 0x8000) !== 0,
    timestamp: block.readUIntLE(8, 3),
    sessionUse: block[11] as number,
    random: block.readUInt16LE(12),
    crc: block.readUInt16LE(14),
  };
}

export interface OtpToEncode {
  /** Modhex, 0–16 letters (a YubiKey's is 12). */
  publicId: string;
  /** 6 bytes, as 12 hex digits or bytes. */
  privateId: string | Uint8Array;
  /** 16 bytes, as 32 hex digits or bytes. */
  aesKey: string | Uint8Array;
  usageCounter: number;
  sessionUse: number;
  timestamp: number;
  random: number;
  capsLock?: boolean;
}

/**
 * Makes a real OTP, as a YubiKey would type it: tests use it to play a key whose AES secret
 * they know. Out-of-range fields are a programming error and throw RangeError.
 */
export function encodeOtp(input: OtpToEncode): string {
  if (input.publicId.length > publicIdMaxLength || input.publicId.length % 2 !== 0 || !isModhex(input.publicId)) {
    throw new RangeError('publicId: 0–16 modhex letters, an even number');
  }
  const privateId = bytesOf(input.privateId, 6, 'privateId');
  const aesKey = bytesOf(input.aesKey, 16, 'aesKey');
  checkRange('usageCounter', input.usageCounter, 0x7fff);
  checkRange('sessionUse', input.sessionUse, 0xff);
  checkRange('timestamp', input.timestamp, 0xffffff);
  checkRange('random', input.random, 0xffff);

  const block = Buffer.alloc(16);
  privateId.copy(block, 0);
  block.writeUInt16LE(input.usageCounter | (input.capsLock ? 0x8000 : 0), 6);
  block.writeUIntLE(input.timestamp, 8, 3);
  block[11] = input.sessionUse;
  block.writeUInt16LE(input.random, 12);
  // Stored complemented: that is what makes the CRC over the whole block come to the residue.
  block.writeUInt16LE(~crc16(block.subarray(0, 14)) & 0xffff, 14);
  return input.publicId + modhexEncode(aes128Ecb('encrypt', aesKey, block));
}

/** One raw AES-128 block: the OTP is exactly one block, so ECB without padding is the format. */
function aes128Ecb(direction: 'encrypt' | 'decrypt', key: Uint8Array, block: Uint8Array): Buffer {
  const cipher =
    direction === 'encrypt' ? createCipheriv('aes-128-ecb', key, null) : createDecipheriv('aes-128-ecb', key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function bytesOf(value: string | Uint8Array, length: number, name: string): Buffer {
  if (typeof value === 'string') {
    if (value.length !== length * 2 || !hexPattern.test(value))
      throw new RangeError(`${name}: ${length * 2} hex digits`);
    return Buffer.from(value, 'hex');
  }
  if (value.length !== length) throw new RangeError(`${name}: ${length} bytes`);
  return Buffer.from(value);
}

function checkRange(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name}: an integer 0–${max}`);
}
