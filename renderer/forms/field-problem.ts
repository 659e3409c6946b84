import type { ApiError } from '../../shared/errors/app-error';
import { localize, type ErrorCode, type LocalizedText } from '../../shared/errors/catalog';

/** What is wrong with a field: the stable code (shown small, for support) and the words. */
export interface FieldProblem {
  code: string;
  message: LocalizedText;
}

/** A client-side pre-check's code as a problem: a catalogue code, so a typo fails the type check. */
export function problemFromCode(code: ErrorCode): FieldProblem {
  return { code, message: localize(code) };
}

/**
 * Which of a form's fields an API issue belongs to: the form's field names (when the contract
 * uses the same ones), or a function for a form that names them its own way.
 */
export type FieldsOf<F extends string> = readonly F[] | ((apiField: string | undefined) => F | undefined);

/** A failure sorted for a form: the problem under each field, and the rest for one general alert. */
export interface SortedProblems<F extends string> {
  byField: Partial<Record<F, FieldProblem>>;
  general: FieldProblem[];
}

/**
 * Sorts an API failure (its zod issues, or the app error's own code and field) into problems of
 * the form's fields and the rest, which the form shows in one general alert. A field shows its
 * first problem.
 */
export function splitApiError<F extends string>(error: ApiError, fields: FieldsOf<F>): SortedProblems<F> {
  const fieldOf =
    typeof fields === 'function'
      ? fields
      : (name: string | undefined): F | undefined => fields.find((field) => field === name);
  const byField: Partial<Record<F, FieldProblem>> = {};
  const general: FieldProblem[] = [];
  const whole = { code: error.code, field: error.field, message: error.message };
  const issues = error.issues?.length ? error.issues : [whole];
  for (const issue of issues) {
    const problem = { code: issue.code, message: issue.message };
    const field = fieldOf(issue.field);
    if (field !== undefined) byField[field] ??= problem;
    else general.push(problem);
  }
  return { byField, general };
}
