import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { LocalizedText } from '../../shared/errors/catalog';
import { asCabinetError } from '../api/cabinet-error';
import { problem } from './code-resolver';

export interface GeneralProblem {
  code: string;
  message: LocalizedText;
}

/** A refusal of no form (a send, an upload, a page's load), for one alert. */
export function refusalProblems(error: unknown): GeneralProblem[] {
  const { code, message } = asCabinetError(error).body;
  return [{ code, message }];
}

/**
 * Puts a refusal's field problems on the form's fields (the server's field names are the form's,
 * or `rename` maps them) and returns what belongs to no field, for one alert above the button.
 */
export function applyRefusal<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  rename: (apiField: string) => string = (field) => field,
): GeneralProblem[] {
  const refusal = asCabinetError(error).body;
  const issues = refusal.issues?.length
    ? refusal.issues
    : [{ code: refusal.code, field: refusal.field, message: refusal.message }];
  const general: GeneralProblem[] = [];
  const marked = new Set<string>();
  for (const issue of issues) {
    const apiField = issue.field;
    const field = apiField === undefined ? undefined : fields.find((name) => name === rename(apiField));
    if (!field) general.push({ code: issue.code, message: issue.message });
    else if (!marked.has(field)) {
      marked.add(field);
      setError(field, problem(issue.code, issue.message), { shouldFocus: marked.size === 1 });
    }
  }
  return general;
}
