import { z } from 'zod';
import { encodeCbor } from './cbor-encode';

/**
 * The line formats of libfido2's command-line tools (fido2-token(1), fido2-cred(1),
 * fido2-assert(1), INPUT FORMAT / OUTPUT FORMAT): one value per line, binary values in standard
 * base64 (with padding, no line breaks), strings in UTF-8 without newline or NUL. Authenticator
 * data travels CBOR-wrapped, as a CBOR byte string around the raw bytes: that is what
 * `fido_cred_authdata_ptr` / `fido_assert_authdata_ptr` print and what `fido_*_set_authdata`
 * read (libfido2 1.12 refuses raw authenticator data with FIDO_ERR_INVALID_ARGUMENT; the test
 * suite checks both conventions against the real verifier).
 */

/** Output of a tool that does not read as its manual says. */
export class ToolOutputError extends Error {
  constructor(
    readonly tool: string,
    readonly what: string,
  ) {
    super(`${tool} printed something unexpected (${what})`);
    this.name = 'ToolOutputError';
  }
}

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64Line = z.string().min(1).max(8192).regex(base64Pattern);
const textLine = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[^\0\n]*$/);

/** One value of the input, as a line. */
export function toolText(value: string): string {
  const parsed = textLine.safeParse(value);
  if (!parsed.success) throw new RangeError('fido2 tools take no empty strings, newlines or NUL characters');
  return parsed.data;
}

export function toolBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** The whole input: the values in the order the manual gives, each ended by a newline. */
export function toolInput(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** Raw authenticator data as the tools print and read it: one CBOR byte string. */
export function wrapAuthData(raw: Uint8Array): Buffer {
  return Buffer.from(encodeCbor(raw));
}

/**
 * The raw authenticator data inside the tools' CBOR byte string: a definite-length byte string
 * (major type 2) whose header says exactly how many bytes follow, and nothing after them.
 */
export function unwrapAuthData(wrapped: Uint8Array): Buffer | undefined {
  const first = wrapped[0];
  if (first === undefined || first >> 5 !== 2) return undefined;
  const info = first & 0x1f;
  const view = Buffer.from(wrapped);
  let headerLength: number;
  let length: number;
  if (info < 24) [headerLength, length] = [1, info];
  else if (info === 24 && view.length >= 2) [headerLength, length] = [2, view.readUInt8(1)];
  else if (info === 25 && view.length >= 3) [headerLength, length] = [3, view.readUInt16BE(1)];
  else if (info === 26 && view.length >= 5) [headerLength, length] = [5, view.readUInt32BE(1)];
  else return undefined;
  if (view.length !== headerLength + length) return undefined;
  return view.subarray(headerLength);
}

function lines(tool: string, stdout: string, counts: readonly number[]): string[] {
  const all = stdout.split('\n');
  if (all.at(-1) !== '') throw new ToolOutputError(tool, 'the output does not end with a newline');
  all.pop();
  if (!counts.includes(all.length))
    throw new ToolOutputError(tool, `${all.length} lines, expected ${counts.join(' or ')}`);
  return all;
}

function base64At(tool: string, all: readonly string[], index: number, name: string): Buffer {
  const parsed = base64Line.safeParse(all[index]);
  if (!parsed.success) throw new ToolOutputError(tool, `line ${index + 1}, ${name}, is not base64`);
  return Buffer.from(parsed.data, 'base64');
}

function textAt(tool: string, all: readonly string[], index: number, name: string): string {
  const parsed = textLine.safeParse(all[index]);
  if (!parsed.success) throw new ToolOutputError(tool, `line ${index + 1}, ${name}, is empty or too long`);
  return parsed.data;
}

function authDataAt(tool: string, all: readonly string[], index: number): Buffer {
  const raw = unwrapAuthData(base64At(tool, all, index, 'authenticator data'));
  if (!raw) throw new ToolOutputError(tool, `line ${index + 1}, authenticator data, is not one CBOR byte string`);
  return raw;
}

/** `fido2-cred -M` (no -b): what the key made. The attestation itself is not kept. */
export interface MadeCredential {
  clientDataHash: Buffer;
  rpId: string;
  format: string;
  authData: Buffer;
  credentialId: Buffer;
}

export function parseMadeCredential(stdout: string): MadeCredential {
  const tool = 'fido2-cred';
  // 6 lines, or 7 with an attestation certificate (basic attestation).
  const all = lines(tool, stdout, [6, 7]);
  base64At(tool, all, 5, 'attestation signature');
  if (all.length === 7) base64At(tool, all, 6, 'attestation certificate');
  return {
    clientDataHash: base64At(tool, all, 0, 'client data hash'),
    rpId: textAt(tool, all, 1, 'relying party id'),
    format: textAt(tool, all, 2, 'credential format'),
    authData: authDataAt(tool, all, 3),
    credentialId: base64At(tool, all, 4, 'credential id'),
  };
}

/** `fido2-assert -G` for one non-resident credential (no -r, -h, -b): exactly one assertion. */
export interface Assertion {
  clientDataHash: Buffer;
  rpId: string;
  authData: Buffer;
  signature: Buffer;
}

export function parseAssertion(stdout: string): Assertion {
  const tool = 'fido2-assert';
  const all = lines(tool, stdout, [4]);
  return {
    clientDataHash: base64At(tool, all, 0, 'client data hash'),
    rpId: textAt(tool, all, 1, 'relying party id'),
    authData: authDataAt(tool, all, 2),
    signature: base64At(tool, all, 3, 'assertion signature'),
  };
}

/** A key the operating system shows, as `fido2-token -L` lists it. */
export interface Fido2Device {
  /** What the other tools take as `device`: /dev/hidraw3, ioreg://4294969292, … */
  path: string;
  vendorId: number;
  productId: number;
  /** Manufacturer and product strings, e.g. "Yubico YubiKey OTP+FIDO+CCID". */
  description: string;
}

const deviceLine = /^(\S.*?): vendor=0x([0-9a-f]{4}), product=0x([0-9a-f]{4}) \((.*)\)$/;

export function parseDeviceList(stdout: string): Fido2Device[] {
  return stdout
    .split('\n')
    .map((line, index) => ({ line: line.replace(/\r$/, ''), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      const match = deviceLine.exec(line);
      if (!match?.[1] || !match[2] || !match[3] || match[4] === undefined) {
        throw new ToolOutputError('fido2-token', `line ${index + 1} is not "path: vendor=0x…, product=0x… (…)"`);
      }
      return {
        path: match[1],
        vendorId: parseInt(match[2], 16),
        productId: parseInt(match[3], 16),
        description: match[4].trim(),
      };
    });
}
