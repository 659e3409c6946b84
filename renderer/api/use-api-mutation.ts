import { useCallback, useRef, useState } from 'react';
import type { ApiEnvelope, ContractApi } from '../../shared/api/facade';
import type { ApiError } from '../../shared/errors/app-error';
import { splitApiError, type FieldsOf, type SortedProblems } from '../forms/field-problem';
import { useApi } from './api-context';

const noProblems = { byField: {}, general: [] };

export type ApiMutation<I, T> = (api: ContractApi, input: I) => Promise<ApiEnvelope<T>>;

export interface MutationState<I, T, F extends string> {
  /** True from `run` until the answer arrives; the submit button is disabled meanwhile. */
  busy: boolean;
  /** The last refusal, as the API gave it; null after a success or `reset`. */
  error: ApiError | null;
  /** The last refusal (or a client-side pre-check) sorted into the form's fields and the rest. */
  problems: SortedProblems<F>;
  /**
   * Sends `input` unless a send is already under way (then `null`, nothing sent). A refusal is
   * kept in `error` / `problems`; the envelope is returned either way for the caller's next step.
   */
  run(input: I): Promise<ApiEnvelope<T> | null>;
  /** Sends the last input again (after a network failure, say); `null` if nothing was sent yet. */
  retry(): Promise<ApiEnvelope<T> | null>;
  /** Forgets the problems under these fields (the clerk typed in them). */
  clearField(...fields: F[]): void;
  /** Shows problems found before sending (an empty signature, a mismatch), as a refusal would show. */
  showProblems(problems: Partial<SortedProblems<F>>): void;
  /** Forgets the last refusal. */
  reset(): void;
}

/**
 * One write through the API for a form or dialog: busy while it runs (a second submit is ignored),
 * the refusal sorted into field problems and general ones, and a retry. The view keeps only what
 * the clerk typed; what happens after a success is the caller's (`onSuccess` or the returned envelope).
 */
export function useApiMutation<I, T, F extends string = never>(
  mutation: ApiMutation<I, T>,
  options: {
    /** The form's fields, to sort a refusal's issues under them; the rest goes to the general alert. */
    fields?: FieldsOf<F>;
    /** A form's own sorting, where a refusal as a whole belongs under a field (a weak password). */
    sort?: (error: ApiError) => SortedProblems<F>;
    onSuccess?: (data: T, input: I) => void;
  } = {},
): MutationState<I, T, F> {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [problems, setProblems] = useState<SortedProblems<F>>(noProblems);
  // Read at call time, so the latest render's closures (its field mapping, its callbacks) apply.
  const latest = useRef({ mutation, options });
  latest.current = { mutation, options };
  const sending = useRef(false);
  const lastInput = useRef<{ input: I } | null>(null);

  const run = useCallback(
    async (input: I): Promise<ApiEnvelope<T> | null> => {
      if (sending.current) return null;
      sending.current = true;
      lastInput.current = { input };
      setBusy(true);
      // The old refusal goes as the new attempt starts; a field's problem stays until it is answered.
      setError(null);
      setProblems((prior) => (prior.general.length > 0 ? { ...prior, general: [] } : prior));
      const { mutation: send, options: now } = latest.current;
      let envelope: ApiEnvelope<T>;
      try {
        envelope = await send(api, input);
      } finally {
        sending.current = false;
        setBusy(false);
      }
      if (envelope.ok) {
        setProblems(noProblems);
        now.onSuccess?.(envelope.data, input);
      } else {
        setError(envelope.error);
        setProblems(now.sort ? now.sort(envelope.error) : splitApiError(envelope.error, now.fields ?? []));
      }
      return envelope;
    },
    [api],
  );

  return {
    busy,
    error,
    problems,
    run,
    retry: () => (lastInput.current ? run(lastInput.current.input) : Promise.resolve(null)),
    clearField: (...fields) =>
      setProblems((prior) =>
        fields.some((field) => prior.byField[field])
          ? { ...prior, byField: { ...prior.byField, ...Object.fromEntries(fields.map((name) => [name, undefined])) } }
          : prior,
      ),
    showProblems: (shown) => setProblems({ byField: shown.byField ?? {}, general: shown.general ?? [] }),
    reset: () => {
      setError(null);
      setProblems(noProblems);
    },
  };
}
