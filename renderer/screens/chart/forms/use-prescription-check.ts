import type { PrescriptionProblem } from '../../../../shared/chart/prescription-check';
import { prescriptionBodySchema } from '../../../../shared/chart/drafts';
import type { ApiError } from '../../../../shared/errors/app-error';
import { useApiQuery } from '../../../api/use-api-query';
import { toDraft, type EntryValues } from './entry-models';

export type CheckState =
  | { status: 'incomplete' }
  | { status: 'checking'; previous: readonly PrescriptionProblem[] }
  | { status: 'done'; problems: readonly PrescriptionProblem[] }
  | { status: 'failed'; error: ApiError };

/** How long the doctor may pause typing before the check runs. */
const pauseMs = 350;

/**
 * The prescription check as the doctor types (D5): once the form makes a whole prescription, the
 * desk's `chart.checkPrescription` is asked (after a pause in typing); only the answer to the
 * latest form counts.
 */
export function usePrescriptionCheck(
  patientId: string,
  values: EntryValues<'prescription'>,
  selfId: string | null,
): CheckState {
  const parsed = prescriptionBodySchema.safeParse(toDraft('prescription', values).body);
  const key = parsed.success ? JSON.stringify([patientId, selfId, parsed.data]) : '';
  const answer = useApiQuery(
    `prescription-check:${key}`,
    parsed.success ? (api) => api.chart.checkPrescription({ patientId, draft: parsed.data, selfId }) : null,
    pauseMs,
  );
  switch (answer.status) {
    case 'idle':
      return { status: 'incomplete' };
    case 'loading':
      return { status: 'checking', previous: answer.previous?.problems ?? [] };
    case 'ok':
      return { status: 'done', problems: answer.data.problems };
    case 'failed':
      return { status: 'failed', error: answer.error };
  }
}

/** The problems the doctor sees now (while a new answer is awaited, the last one stays). */
export function shownProblems(state: CheckState): readonly PrescriptionProblem[] {
  if (state.status === 'done') return state.problems;
  if (state.status === 'checking') return state.previous;
  return [];
}
