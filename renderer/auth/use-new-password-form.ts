import { useState, type FormEvent } from 'react';
import type { ApiEnvelope } from '../../shared/api/facade';
import type { ApiError } from '../../shared/errors/app-error';
import { splitApiError, type FieldProblem } from '../forms/field-problem';
import { passwordProblem } from './NewPasswordFields';

/**
 * A form around a new password typed twice: the pair, the problem the main process found with it,
 * the props for `NewPasswordFields`, and a submit that first checks the two fields agree and is
 * busy while the main process answers.
 */
export function useNewPasswordForm() {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FieldProblem | undefined>();

  /** Sends unless busy or the two fields differ (then the mismatch shows); `undefined` when it did not send. */
  async function submit<T>(event: FormEvent | undefined, send: () => Promise<ApiEnvelope<T>>): Promise<ApiEnvelope<T> | undefined> {
    event?.preventDefault();
    if (busy) return undefined;
    if (password !== repeat) {
      setMismatch(true);
      return undefined;
    }
    setBusy(true);
    const answer = await send();
    setBusy(false);
    return answer;
  }

  return {
    password,
    busy,
    submit,
    /** Shows (or with `undefined` clears) a problem under the new password. */
    setProblem,
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
        setProblem(undefined);
      },
      onRepeat: (value: string) => {
        setRepeat(value);
        setMismatch(false);
      },
      problem,
      mismatch,
    },
  };
}

/**
 * Sorts a refusal of a form with a new password among other fields: `auth.password.weak` goes
 * under the password alone; anything else as `splitApiError` sorts it, `password` the password's.
 */
export function splitNewPasswordRefusal<F extends string>(
  error: ApiError,
  fields: readonly (F | 'password')[],
): { password: FieldProblem | undefined; byField: Partial<Record<F | 'password', FieldProblem>>; general: FieldProblem[] } {
  const weak = passwordProblem(error);
  if (weak.field) return { password: weak.field, byField: {}, general: [] };
  const split = splitApiError(error, fields);
  return { password: split.byField.password, byField: split.byField, general: split.general };
}
