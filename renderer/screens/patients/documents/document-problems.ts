import type { ApiError } from '../../../../shared/errors/app-error';
import type { FieldProblem } from '../../../forms/field-problem';

/**
 * Sorts an API failure into problems of the dialog's fields (by `fieldOf`, which knows how the
 * contract names them) and the rest, for one general alert.
 */
export function sortProblems<F extends string>(error: ApiError, fieldOf: (apiField: string | undefined) => F | undefined): { byField: Partial<Record<F, FieldProblem>>; general: FieldProblem[] } {
  const byField: Partial<Record<F, FieldProblem>> = {};
  const general: FieldProblem[] = [];
  const issues = error.issues?.length ? error.issues : [{ code: error.code, field: error.field, message: error.message }];
  for (const issue of issues) {
    const problem = { code: issue.code, message: issue.message };
    const field = fieldOf(issue.field);
    if (field !== undefined) byField[field] ??= problem;
    else general.push(problem);
  }
  return { byField, general };
}
