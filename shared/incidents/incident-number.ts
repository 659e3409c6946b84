/**
 * An incident's number: «И-2026-7K3QF9», the year it was detected (Moscow) and six characters of
 * chance. Incidents are opened at desks that may be offline, so no one counter can number them;
 * 30⁶ ≈ 7·10⁸ numbers a year keep a clash among a clinic's few incidents out of reach, and the
 * row's id stays the key.
 */
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I
export const incidentNumberPattern = /^И-\d{4}-[2-9A-HJ-NP-Z]{6}$/;

/** The number for `year` from six random bytes (crypto's, given by the caller: shared/ has no `node:`). */
export function incidentNumber(year: number, random: Uint8Array): string {
  if (random.length < 6) throw new Error('incidentNumber needs six random bytes');
  const tail = Array.from(random.slice(0, 6), (byte) => alphabet[byte % alphabet.length]).join('');
  return `И-${String(year).padStart(4, '0')}-${tail}`;
}
