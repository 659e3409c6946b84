import type { FieldProblem } from '../../forms/field-problem';

/** A refusal's field (`breaks.1.starts`) to the form's field it is shown under (`breaks`). */
export function fieldsOf<F extends string>(fields: readonly F[]) {
  return (apiField: string | undefined): F | undefined =>
    fields.find((field) => apiField === field || apiField?.startsWith(`${field}.`));
}

/** The empty string for "not given" in a text field, null in the call. */
export function orNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

export type Problems<F extends string> = Partial<Record<F, FieldProblem>>;
