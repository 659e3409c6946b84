import { z } from 'zod';
import { normalizeEmail } from '../../shared/domain/email';
import { fail } from '../../shared/domain/field-rules';
import type { ErrorCode } from '../../shared/errors/catalog';

/** An e-mail address by the desk's rules (shared/domain/email.ts), with its codes. */
export const emailField = z.string().superRefine((value, ctx) => {
  if (value.trim() === '') return fail(ctx, 'input.required');
  const result = normalizeEmail(value);
  if (!result.ok) fail(ctx, result.code, result.params);
});

/** A one-time code as sent: six digits (the contract's `signatureCode` and every code's shape). */
export function codeSchema(formatCode: ErrorCode = 'input.format') {
  return z.object({
    code: z.string().superRefine((value, ctx) => {
      if (value.trim() === '') fail(ctx, 'input.required');
      else if (!/^\d{6}$/.test(value.trim())) fail(ctx, formatCode);
    }),
  });
}
