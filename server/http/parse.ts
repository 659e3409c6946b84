import type { z } from 'zod';
import { HttpError } from './http-error';

/** Validates a body, query or params with its schema; the first issue names the field. */
export function parseOr400<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  throw new HttpError(400, 'api.bad_request', field === undefined ? {} : { field });
}
