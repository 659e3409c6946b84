import type { z } from 'zod';
import { AppError, type FieldIssue } from './app-error';
import { isErrorCode, type ErrorCode } from './catalog';

/**
 * Turns zod's issues into our field errors: our own codes as they are, zod's built-ins mapped.
 * One error per field, the first found, as the form shows one message under each field.
 */
export function toFieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const issue of error.issues) {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const field = path.map(String).join('.');
    if (byField.has(field)) continue;
    const { code, params } = classify(issue, valueAt(input, issue.path));
    byField.set(field, params ? { code, field, params } : { code, field });
  }
  return [...byField.values()];
}

/** The refusal of a malformed input: its first field's problem, with every field's in `issues`. */
export function inputError(error: z.ZodError, input: unknown): AppError {
  const issues = toFieldIssues(error, input);
  const first = issues[0];
  if (!first) return new AppError('input.invalid');
  return new AppError(first.code, { field: first.field || undefined, params: first.params, issues });
}

/**
 * Parses a call's input with the contract's own schema, refusing it as the dispatcher would. The
 * sign-in services parse again what the dispatcher parsed: the renderer is untrusted, and a
 * service may be called from elsewhere (a test, the command line).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw inputError(parsed.error, input);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function classify(
  issue: z.core.$ZodIssue,
  value: unknown,
): { code: ErrorCode; params?: Record<string, string | number> } {
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      const rest = { ...(issue.params as Record<string, string | number> | undefined) };
      delete rest.code;
      return typeof code === 'string' && isErrorCode(code) ? { code, params: rest } : { code: 'input.invalid' };
    }
    case 'invalid_type':
      return { code: value === undefined || value === null ? 'input.required' : 'input.type' };
    case 'too_big':
      return issue.origin === 'string'
        ? { code: 'input.too_long', params: { max: Number(issue.maximum) } }
        : { code: 'input.too_big', params: { max: Number(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { code: 'input.required' }
          : { code: 'input.too_short', params: { min: Number(issue.minimum) } };
      }
      return { code: 'input.too_small', params: { min: Number(issue.minimum) } };
    case 'invalid_value':
      return { code: 'input.enum' };
    case 'unrecognized_keys':
      return { code: 'input.unknown_field', params: { keys: issue.keys.join(', ') } };
    case 'invalid_format':
      return { code: 'input.format' };
    default:
      return { code: 'input.invalid' };
  }
}
