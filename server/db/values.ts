/** int8 columns come back as strings from pg and as numbers from PGlite; seqs fit in 2^53. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new TypeError(`Expected an integer from the database, got ${typeof value}`);
}

/** jsonb comes back parsed from both drivers; this guards the shape we rely on. */
export function toRecord(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value === 'string') return toRecord(JSON.parse(value));
  throw new TypeError('Expected a JSON object from the database');
}
