/** `(?, ?, ?)` for an `IN` list of `values` (never empty: the callers return early on none). */
export function placeholders(values: readonly unknown[]): string {
  return `(${values.map(() => '?').join(', ')})`;
}

/** `values` in pieces small enough for one statement's parameters. */
export function chunks<T>(values: readonly T[], size = 500): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < values.length; i += size) pieces.push(values.slice(i, i + size));
  return pieces;
}
