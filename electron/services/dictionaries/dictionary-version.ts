import { AppError } from '../../../shared/errors/app-error';

const versionPattern = /^\d{1,9}(?:[.-]\d{1,9}){0,5}$/;

/** `2.27`, `2026-11-01`, `3`: numbers separated by dots or hyphens, compared number by number. */
export function assertVersion(version: string): void {
  if (!versionPattern.test(version))
    throw new AppError('dictionary.version.format', { params: { version: version.slice(0, 40) } });
}

/** Negative when `a` is older than `b`: `2.9` < `2.27`, `2025-09-30` < `2026-01-15`. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/).map(Number);
  const right = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
