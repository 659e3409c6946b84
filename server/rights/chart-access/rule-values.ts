/** Value checks the chart-access rules share: what a desk's row must look like. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

/** A trimmed text of `min`–`max` characters. */
export function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.trim().length >= min && value.trim().length <= max;
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** The sync stamps every change carries; a rule never counts them as a change of the row's substance. */
export const stamps: readonly string[] = ['created_at', 'created_by', 'updated_at', 'updated_by', 'device_id'];

/** The first field of `changed` outside `allowed` whose value differs from `before`, if any. */
export function fixedFieldChanged(
  before: Record<string, unknown>,
  changed: Record<string, unknown>,
  allowed: readonly string[],
): string | null {
  for (const [field, value] of Object.entries(changed)) {
    if (stamps.includes(field) || allowed.includes(field) || (before[field] ?? null) === value) continue;
    return field;
  }
  return null;
}
