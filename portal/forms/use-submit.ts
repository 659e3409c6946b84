import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { applyRefusal, type GeneralProblem } from './refusal';

/**
 * Runs a form's request: busy while it runs, the refusal's field problems put on the fields and
 * the rest kept for the alert.
 */
export function useSubmit<T extends FieldValues>(
  form: UseFormReturn<T>,
  fields: readonly Path<T>[],
  rename?: (apiField: string) => string,
) {
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblems([]);
    try {
      await work();
    } catch (error) {
      setProblems(applyRefusal(error, form.setError, fields, rename));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, problems, setProblems };
}
