import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  crc16,
  crcResidue,
  encodeOtp,
  modhexDecode,
  modhexEncode,
  otpPublicId,
  parseOtp,
} from '../../../server/otp/yubico-otp';
import { ykvalSignature, ykvalTime } from '../../../server/otp/ykval-protocol';

/**
 * Yubico's published vectors, from Yubico/yubico-c (libyubikey):
 * - test-vectors.txt: key ecde18dbe76fbd0c33330f1c354871db, OTP
 *   dteffujehknhfjbrjnlnldnhcujvddbikngjrtgh, its modhex, AES and field breakdown;
 * - ykparse.1.txt: the `ykparse` example OTP made by the same key;
 * - tests/selftest.c: modhex("test") and the raw AES-128 block.
 * And django-otp/yubiotp (otp.py doctest): an OTP encoded from known fields, which pins the
 * encoder byte for byte.
 */
const yubicoKey = 'ecde18dbe76fbd0c33330f1c354871db';
const yubicoOtp = 'dteffujehknhfjbrjnlnldnhcujvddbikngjrtgh';

describe('Yubico OTP format (A2)', () => {
  it('decodes and encodes modhex as in libyubikey’s test vectors', () => {
    expect(modhexDecode('dteffuje')?.toString('hex')).toBe('2d344e83');
    expect(modhexDecode('hknhfjbrjnlnldnhcujvddbikngjrtgh')?.toString('hex')).toBe('69b6481c8baba2b60e8f22179b58cd56');
    expect(modhexEncode(Buffer.from(yubicoKey, 'hex'))).toBe('urtubjtnuihvntcreeeecvbregfjibtn');
    expect(modhexEncode(Buffer.from('test'))).toBe('ifhgieif');
    expect(modhexDecode('ifhgieif')?.toString()).toBe('test');
    expect(modhexDecode('abc')).toBeUndefined();
    expect(modhexDecode('cbda')).toBeUndefined();
  });

  it('uses plain AES-128-ECB as libyubikey’s self-test expects', () => {
    const decipher = createDecipheriv('aes-128-ecb', Buffer.from('abcdef0123456789'), null);
    decipher.setAutoPadding(false);
    const block = Buffer.concat([decipher.update(Buffer.from('0123456789abcdef')), decipher.final()]);
    expect(block.toString('hex')).toBe('838a467f34639551755bd32a4a2f15e1');
  });

  it('checks the CRC residue 0xf0b8 over the decrypted block', () => {
    const plain = Buffer.from('8792ebfe26cc130030c20011c89f23c8', 'hex');
    expect(crc16(plain)).toBe(crcResidue);
    plain.writeUInt8(plain.readUInt8(3) ^ 1, 3);
    expect(crc16(plain)).not.toBe(crcResidue);
  });

  it('decodes Yubico’s test vector into its published fields', () => {
    const parsed = parseOtp(yubicoOtp, Buffer.from(yubicoKey, 'hex'));
    expect(parsed).toEqual({
      ok: true,
      publicId: 'dteffuje',
      privateId: '8792ebfe26cc',
      usageCounter: 19,
      capsLock: false,
      // "timestamp (low): 49712 (0xc230), timestamp (high): 0"
      timestamp: 0xc230,
      sessionUse: 17,
      random: 0x9fc8,
      crc: 0xc823,
    });
  });

  it('decodes the ykparse example made by the same key one press earlier', () => {
    const parsed = parseOtp('dteffujedcflcindvdbrblehecuitvjkjevvehjd', Buffer.from(yubicoKey, 'hex'));
    expect(parsed).toMatchObject({
      ok: true,
      publicId: 'dteffuje',
      privateId: '8792ebfe26cc',
      usageCounter: 19,
      sessionUse: 16,
    });
    if (parsed.ok) expect(parsed.timestamp).toBeLessThan(0xc230);
  });

  it('encodes exactly as yubiotp’s published doctest', () => {
    // OTP(uid=0xba9876543210, session=5, timestamp=0x0153f8, counter=0, rand=0x1234), key
    // '0123456789abcdef' (ASCII), public id 'cclngiuv' → 'cclngiuvefnijnthcvncrgbrrklcfrhndchilifi'.
    // yubiotp packs the uid little-endian, so the private id bytes are 10 32 54 76 98 ba.
    const otp = encodeOtp({
      publicId: 'cclngiuv',
      privateId: '1032547698ba',
      aesKey: Buffer.from('0123456789abcdef'),
      usageCounter: 5,
      timestamp: 0x0153f8,
      sessionUse: 0,
      random: 0x1234,
    });
    expect(otp).toBe('cclngiuvefnijnthcvncrgbrrklcfrhndchilifi');
  });

  it('round-trips a generated OTP and reports the caps-lock bit apart from the counter', () => {
    const aesKey = 'c4422890653076cde73d449b191b416a';
    const otp = encodeOtp({
      publicId: 'vvccccfhcbvb',
      privateId: 'a1b2c3d4e5f6',
      aesKey,
      usageCounter: 0x7fff,
      sessionUse: 255,
      timestamp: 0xffffff,
      random: 0,
      capsLock: true,
    });
    expect(otp).toHaveLength(44);
    expect(parseOtp(otp, Buffer.from(aesKey, 'hex'))).toMatchObject({
      ok: true,
      publicId: 'vvccccfhcbvb',
      privateId: 'a1b2c3d4e5f6',
      usageCounter: 0x7fff,
      capsLock: true,
      sessionUse: 255,
      timestamp: 0xffffff,
    });
  });

  it('refuses a malformed OTP and one that does not decrypt under the key', () => {
    const key = Buffer.from(yubicoKey, 'hex');
    expect(parseOtp('dteffujehknhfjbrjnlnldnhcujvddbikngjrtga', key)).toEqual({ ok: false, reason: 'shape' });
    expect(parseOtp(yubicoOtp.slice(9), key)).toEqual({ ok: false, reason: 'shape' });
    expect(parseOtp(yubicoOtp, Buffer.alloc(16))).toEqual({ ok: false, reason: 'crc' });
    // One flipped letter in the token garbles the whole AES block.
    expect(parseOtp(`${yubicoOtp.slice(0, -1)}c`, key)).toEqual({ ok: false, reason: 'crc' });
    expect(otpPublicId('c'.repeat(49))).toBeUndefined();
    expect(otpPublicId('c'.repeat(32))).toBe('');
  });

  it('refuses out-of-range fields when encoding', () => {
    const base = {
      publicId: 'vvccccfhcbvb',
      privateId: 'a1b2c3d4e5f6',
      aesKey: yubicoKey,
      sessionUse: 0,
      timestamp: 0,
      random: 0,
    };
    expect(() => encodeOtp({ ...base, usageCounter: 0x8000 })).toThrow(RangeError);
    expect(() => encodeOtp({ ...base, usageCounter: 1, publicId: 'abc' })).toThrow(RangeError);
    expect(() => encodeOtp({ ...base, usageCounter: 1, aesKey: 'ff' })).toThrow(RangeError);
  });

  it('signs YK-VAL parameters sorted, without h, and stamps time as YK-VAL does', () => {
    const key = Buffer.from('secret');
    expect(ykvalSignature({ b: '1', a: '2', c: '3', h: 'ignored' }, key)).toBe(
      ykvalSignature({ a: '2', b: '1', c: '3' }, key),
    );
    expect(ykvalSignature({ a: '2', b: '1', c: '3' }, key)).not.toBe(ykvalSignature({ a: '2', b: '1', c: '4' }, key));
    expect(ykvalTime(new Date('2008-11-21T06:11:55.711Z'))).toBe('2008-11-21T06:11:55Z0711');
  });
});
