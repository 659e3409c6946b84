import { useState, type FormEvent } from 'react';
import type { ApiEnvelope } from '../../shared/api/facade';
import type { ApiError } from '../../shared/errors/app-error';
import type { MutationState } from '../api/use-api-mutation';
import { splitApiError, type FieldProblem, type SortedProblems } from '../forms/field-problem';

/**
 * A form around a new password typed twice, on top of the form's mutation: the pair, the props
 * for `NewPasswordFields` (the problem under the password is the mutation's), and a submit that
 * first checks the two fields agree.
 */
export function useNewPasswordForm<I, T, F extends string>(mutation: MutationState<I, T, F | 'password'>) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  /** Sends unless busy or the two fields differ (then the mismatch shows); `null` when it did not send. */
  async function submit(event: FormEvent | undefined, input: I): Promise<ApiEnvelope<T> | null> {
    event?.preventDefault();
    if (mutation.busy) return null;
    if (password !== repeat) {
      setMismatch(true);
      return null;
    }
    return mutation.run(input);
  }

  return {
    password,
    busy: mutation.busy,
    submit,
    /** Empties both fields. */
    clear: () => {
      setPassword('');
      setRepeat('');
    },
    /** Spread into `NewPasswordFields`: typing clears the problem, or the mismatch. */
    fields: {
      password,
      repeat,
      onPassword: (value: string) => {
        setPassword(value);
        mutation.clearField('password');
      },
      onRepeat: (value: string) => {
        setRepeat(value);
        setMismatch(false);
      },
      problem: mutation.problems.byField.password,
      mismatch,
    },
  };
}

/**
 * Sorts a refusal of a form with a new password among other fields: `auth.password.weak` (its
 * issues are the rules the checklist already shows unticked) goes under the password alone;
 * anything else as `splitApiError` sorts it.
 */
export function sortNewPasswordRefusal<F extends string>(fields: readonly (F | 'password')[]) {
  return (error: ApiError): SortedProblems<F | 'password'> => {
    if (error.code !== 'auth.password.weak') return splitApiError(error, fields);
    const byField: Partial<Record<F | 'password', FieldProblem>> = {};
    byField.password = error;
    return { byField, general: [] };
  };
}
