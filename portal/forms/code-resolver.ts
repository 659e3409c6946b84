import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { toFieldIssues } from '../../shared/errors/zod-issues';
import { localize, type ErrorCode, type LocalizedText } from '../../shared/errors/catalog';

/**
 * A field's problem as react-hook-form keeps it: `type` is the catalogue's code, `message` its
 * words in both languages (JSON), so the page can switch language without checking again.
 */
export function problem(code: string, message: LocalizedText): { type: string; message: string } {
  return { type: code, message: JSON.stringify(message) };
}

export function problemOf(code: ErrorCode, params?: Record<string, string | number>) {
  return problem(code, localize(code, params));
}

/** Reads back what `problem` stored; null for a field without one. */
export function readProblem(error: { type?: unknown; message?: unknown } | undefined): {
  code: string;
  message: LocalizedText;
} | null {
  if (!error || typeof error.message !== 'string') return null;
  try {
    const message = JSON.parse(error.message) as LocalizedText;
    return { code: String(error.type), message };
  } catch {
    return null;
  }
}

/** A form's own check beyond the shared schema (a tick, a repeated password): the fields it finds wrong. */
export type ExtraCheck<T> = (values: T) => Partial<Record<string, { type: string; message: string }>>;

/**
 * Checks a form with a shared schema and reports each field's first problem with the same code
 * the server gives (shared/errors/zod-issues.ts maps zod's own issues to catalogue codes), and
 * the form's own checks with them, so every problem shows at once.
 */
export function codeResolver<T extends FieldValues>(schema: z.ZodType, extra?: ExtraCheck<T>): Resolver<T> {
  return async (values) => {
    const parsed = await schema.safeParseAsync(values);
    const errors: Record<string, { type: string; message: string }> = {};
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error, values)) {
        errors[issue.field || 'root'] ??= problemOf(issue.code, issue.params);
      }
    }
    for (const [field, found] of Object.entries(extra?.(values) ?? {})) if (found) errors[field] ??= found;
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    return { values: {}, errors: errors as unknown as FieldErrors<T> };
  };
}
