import { createHash } from 'node:crypto';

/**
 * This desk's four-character source in the numbers of applications taken here
 * (`З-26-4F2A-000007`): the first four hex digits, upper case, of the SHA-256 of its device id.
 * Stable for the desk's life, and the server computes the same from the id that signs the desk's
 * requests (`application.number.source`).
 */
export function deskApplicationSource(deviceId: string): string {
  return createHash('sha256').update(deviceId, 'utf8').digest('hex').slice(0, 4).toUpperCase();
}
