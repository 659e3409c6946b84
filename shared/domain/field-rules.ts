import { z } from 'zod';
import type { ErrorCode } from '../errors/catalog';

/** Tells zod to report one of our codes; the dispatcher turns it into a localized field error. */
export function fail(ctx: z.RefinementCtx, code: ErrorCode, params?: Record<string, string | number>): void {
  ctx.addIssue({ code: 'custom', message: code, params: { ...params, code } });
}

// C0/C1 control characters (tab, newline included): never meaningful in a registry field.
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A text field: trimmed, refused when it holds control characters, bounded in length. `max`
 * is checked before anything else so that a huge value costs nothing more.
 */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .transform((value) => value.trim())
    .superRefine((value, ctx) => {
      if (controlChars.test(value)) fail(ctx, 'input.control_chars');
    });
}

export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1));
}

/** An optional text field where the form's empty string means "not given". */
export function optionalText<T extends z.ZodType<string | null, string>>(inner: T) {
  return z
    .string()
    .max(1000)
    .nullish()
    .transform((value) => (value == null || value.trim() === '' ? null : value))
    .pipe(inner.nullable());
}
