import type { ApiError } from '../../shared/errors/app-error';
import { isErrorCode, localize, type LocalizedText } from '../../shared/errors/catalog';

/** What is wrong with a field: the stable code (shown small, for support) and the words. */
export interface FieldProblem {
  code: string;
  message: LocalizedText;
}

/** A client-side pre-check's code as a problem; unknown codes are shown as they are. */
export function problemFromCode(code: string): FieldProblem {
  return { code, message: isErrorCode(code) ? localize(code) : { ru: code, en: code } };
}

/**
 * Sorts an API failure into problems of the form's fields and the rest, which the form shows in
 * one general alert.
 */
export function splitApiError<F extends string>(
  error: ApiError,
  fields: readonly F[],
): { byField: Partial<Record<F, FieldProblem>>; general: FieldProblem[] } {
  const isField = (name: string | undefined): name is F => name !== undefined && (fields as readonly string[]).includes(name);
  const byField: Partial<Record<F, FieldProblem>> = {};
  const general: FieldProblem[] = [];
  const issues = error.issues?.length ? error.issues : [{ code: error.code, field: error.field, message: error.message }];
  for (const issue of issues) {
    const problem = { code: issue.code, message: issue.message };
    if (isField(issue.field)) byField[issue.field] ??= problem;
    else general.push(problem);
  }
  return { byField, general };
}
