import { z } from 'zod';
import { localize, type ErrorCode } from './catalog';

export type ErrorParams = Record<string, string | number>;

/** A failure the user can act on: a stable code, the field it concerns, and its parameters. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly params: ErrorParams;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, options: { field?: string; params?: ErrorParams; issues?: FieldIssue[] } = {}) {
    super(`${code}${options.field ? ` (${options.field})` : ''}: ${localize(code, options.params).en}`);
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
  }
}

export interface FieldIssue {
  code: ErrorCode;
  field: string;
  params?: ErrorParams;
}

const localizedTextSchema = z.object({ ru: z.string(), en: z.string() });

const issueSchema = z.object({
  code: z.string(),
  field: z.string(),
  message: localizedTextSchema,
});

/** What crosses the API boundary when a call fails. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: localizedTextSchema,
  field: z.string().optional(),
  issues: z.array(issueSchema).optional(),
  /** Correlates an internal failure with the workstation's log; never carries data. */
  incident: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export function toApiError(error: AppError): ApiError {
  const api: ApiError = { code: error.code, message: localize(error.code, error.params) };
  if (error.field !== undefined) api.field = error.field;
  if (error.issues.length > 0) {
    api.issues = error.issues.map((issue) => ({
      code: issue.code,
      field: issue.field,
      message: localize(issue.code, issue.params),
    }));
  }
  return api;
}
