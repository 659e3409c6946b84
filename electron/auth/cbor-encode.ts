/**
 * The few CBOR types an authenticator writes (RFC 8949): integers, byte and text strings, maps.
 * Written here rather than borrowed from the verifying library, so that the software
 * authenticator's bytes are checked by an encoder other than the decoder that reads them.
 * Map keys are written in the order given; CTAP2's canonical order is the caller's business.
 */
export type CborValue = number | string | Uint8Array | ReadonlyMap<number | string, CborValue>;

function head(major: number, length: number): Uint8Array {
  if (length < 24) return Uint8Array.of((major << 5) | length);
  if (length < 0x100) return Uint8Array.of((major << 5) | 24, length);
  if (length < 0x10000) return Uint8Array.of((major << 5) | 25, length >> 8, length & 0xff);
  if (length <= 0xffffffff) {
    const bytes = new Uint8Array(5);
    bytes[0] = (major << 5) | 26;
    new DataView(bytes.buffer).setUint32(1, length);
    return bytes;
  }
  throw new RangeError('CBOR value too large for this encoder');
}

function parts(value: CborValue): Uint8Array[] {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError('Only integers are encoded');
    return value >= 0 ? [head(0, value)] : [head(1, -1 - value)];
  }
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    return [head(3, bytes.length), bytes];
  }
  if (value instanceof Uint8Array) return [head(2, value.length), value];
  const out = [head(5, value.size)];
  for (const [key, item] of value) out.push(...parts(key), ...parts(item));
  return out;
}

export function encodeCbor(value: CborValue): Uint8Array {
  const chunks = parts(value);
  const result = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
