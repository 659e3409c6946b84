const block = 512;

/**
 * A tar archive without the entries `drop` names (their path as stored, e.g. `/blob.key`):
 * PGlite dumps its whole folder, where the server also keeps its blob key, its pid file and its
 * admin socket, none of which belongs in a backup. Entries are copied byte for byte; a pax or
 * GNU long-name header goes with the entry it describes. Throws on an archive it cannot walk.
 */
export function tarWithout(tar: Buffer, drop: (name: string) => boolean): Buffer {
  const kept: Buffer[] = [];
  let pending: Buffer[] = [];
  let offset = 0;
  while (offset + block <= tar.length) {
    const header = tar.subarray(offset, offset + block);
    if (header.every((byte) => byte === 0)) break;
    const size = entrySize(header);
    const end = offset + block + Math.ceil(size / block) * block;
    if (end > tar.length) throw new Error('tar: an entry runs past the end');
    const entry = tar.subarray(offset, end);
    const type = String.fromCharCode(header[156] ?? 0);
    offset = end;
    if (type === 'x' || type === 'L' || type === 'K') {
      pending.push(entry);
      continue;
    }
    if (!drop(entryName(header))) kept.push(...pending, entry);
    pending = [];
  }
  kept.push(Buffer.alloc(block * 2));
  return Buffer.concat(kept);
}

/** The entries' names, for a check that a backup holds a database and nothing it must not. */
export function tarNames(tar: Buffer): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset + block <= tar.length) {
    const header = tar.subarray(offset, offset + block);
    if (header.every((byte) => byte === 0)) break;
    names.push(entryName(header));
    offset += block + Math.ceil(entrySize(header) / block) * block;
  }
  return names;
}

function entryName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function entrySize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    // base-256, for entries over 8 GiB
    let size = 0;
    for (const byte of field.subarray(1)) size = size * 256 + byte;
    return size;
  }
  const text = cString(field).trim();
  if (!/^[0-7]*$/.test(text)) throw new Error('tar: a size that is not octal');
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}
