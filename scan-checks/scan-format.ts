import type { ScanMime } from '../shared/scans/scan-checklist';

const signatures: ReadonlyArray<{ mime: ScanMime; magic: readonly number[] }> = [
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', magic: [...Buffer.from('%PDF-')] },
];

/**
 * The file's format by its first bytes, never by its name: a renamed program or archive is
 * `null` whatever it is called.
 */
export function detectScanFormat(bytes: Uint8Array): ScanMime | null {
  for (const { mime, magic } of signatures) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return mime;
  }
  return null;
}
