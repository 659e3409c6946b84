import { z } from 'zod';
import { fail, optionalText, text } from '../field-rules';
import { isCalendarDate } from '../calendar-date';
import type { ErrorCode } from '../../errors/catalog';

/** An ISO date field (`YYYY-MM-DD`, as dates cross the API). */
export const documentDate = text(10).superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(ctx, 'document.date.format');
  else if (!isCalendarDate(value) || value < '1900-01-01') fail(ctx, 'document.date.invalid');
});

/** Digits typed with any spaces or dashes, checked against `pattern` once they are removed. */
export function digitsField(max: number, pattern: RegExp, code: ErrorCode) {
  return text(max)
    .transform((value) => value.replace(/[\s-]/g, ''))
    .superRefine((value, ctx) => {
      if (!pattern.test(value)) fail(ctx, code);
    });
}

/** The clerk's verdict on the paper in hand (B3): a damaged document is refused. */
export const condition = z
  .enum(['intact', 'damaged'])
  .default('intact')
  .superRefine((value, ctx) => {
    if (value === 'damaged') fail(ctx, 'document.damaged');
  });

export const optionalDate = optionalText(documentDate);

/** Fields every identity document has. */
export const commonFields = {
  issueDate: documentDate,
  condition,
};
