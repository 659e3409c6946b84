import { z } from 'zod';
import { cabinetEmail, oneTimeCodeText } from '../../shared/cabinet/registration';
import { fail } from '../../shared/domain/field-rules';
import type { ErrorCode } from '../../shared/errors/catalog';

/** An e-mail address by the cabinet's rule (the desk's, shared/domain/email.ts): the server's codes. */
export const emailField = cabinetEmail;

/**
 * A one-time code: six digits, as the server parses it (`cabinet.code.format`), or with the code a
 * feature of its own gives (`cabinet.identity.code_format`).
 */
export function codeSchema(formatCode?: ErrorCode) {
  if (!formatCode) return z.object({ code: oneTimeCodeText });
  return z.object({
    code: z.string().superRefine((value, ctx) => {
      if (!/^\d{6}$/.test(value.replace(/\s/g, ''))) fail(ctx, formatCode);
    }),
  });
}
