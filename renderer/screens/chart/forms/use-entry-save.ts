import { useState } from 'react';
import type { ChartEntryDetail } from '../../../../shared/api/chart-calls';
import type { ChartOverride, ChartEntryView } from '../../../../shared/chart/chart-views';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { chartDraftSchema, type ChartDraft, type ChartDraftInput } from '../../../../shared/chart/drafts';
import { toApiError } from '../../../../shared/errors/app-error';
import { localize } from '../../../../shared/errors/catalog';
import { inputError } from '../../../../shared/errors/zod-issues';
import { useApiMutation } from '../../../api/use-api-mutation';
import { problemFromCode, splitApiError, type FieldProblem, type SortedProblems } from '../../../forms/field-problem';
import { formFieldOf, type FieldOf } from './entry-models';

/** Where a form's entry goes: a new one in the patient's chart (maybe in an encounter), or an amendment. */
export type EntryTarget =
  { mode: 'record'; patientId: string; encounterId: string | null } | { mode: 'amend'; entry: ChartEntryView };

/** A form's boxes plus the amendment's reason and the overrides' reasons. */
export type SaveField<K extends ChartEntryKind> = FieldOf<K> | 'reason' | 'overrides';

interface SaveRequest {
  draft: ChartDraft;
  overrides: ChartOverride[];
  reason: string;
}

/** The shortest reason an amendment takes (the contract's `changeReasonSchema`). */
const reasonMin = 5;

/**
 * One entry's save: the draft checked with the shared schema before anything is sent (problems
 * under their boxes), then `chart.record` or `chart.amend` (`baseRevision`: the version the doctor
 * opened). When another desk changed the entry meanwhile (`chart.entry.changed`) the caller's
 * `onConflict` gets the draft, to show both versions; without one the refusal is shown.
 */
export function useEntrySave<K extends ChartEntryKind>(
  kind: K,
  target: EntryTarget,
  callbacks: { onSaved(detail: ChartEntryDetail): void; onConflict?(draft: ChartDraft): void },
) {
  const [conflict, setConflict] = useState(false);
  const mutation = useApiMutation<SaveRequest, ChartEntryDetail, SaveField<K>>(
    (api, { draft, overrides, reason }) =>
      target.mode === 'record'
        ? api.chart.record({ patientId: target.patientId, encounterId: target.encounterId, draft, overrides })
        : api.chart.amend({
            id: target.entry.id,
            baseRevision: target.entry.revision,
            draft,
            reason,
            overrides,
          }),
    {
      fields: (field) =>
        field === 'reason' ? 'reason' : field?.startsWith('overrides') ? 'overrides' : formFieldOf(kind, field),
      onSuccess: (detail) => callbacks.onSaved(detail),
    },
  );

  /** Checks the draft here first; sends it only when the shared schema takes it. */
  async function save(
    draftInput: ChartDraftInput,
    overrides: ChartOverride[] = [],
    reason = '',
  ): Promise<ChartEntryDetail | null> {
    setConflict(false);
    const parsed = chartDraftSchema.safeParse(draftInput);
    const reasonProblem: FieldProblem | undefined =
      target.mode === 'amend' && reason.trim().length < reasonMin
        ? { code: 'input.too_short', message: localize('input.too_short', { min: reasonMin }) }
        : undefined;
    if (!parsed.success || reasonProblem) {
      const sorted: SortedProblems<SaveField<K>> = parsed.success
        ? { byField: {}, general: [] }
        : splitApiError<SaveField<K>>(toApiError(inputError(parsed.error, draftInput)), (field) =>
            formFieldOf(kind, field),
          );
      // A box left empty where the body takes one of two shapes (a lab value): say "required", not "invalid".
      const body = (draftInput as { body: Record<string, unknown> }).body;
      for (const [field, problem] of Object.entries(sorted.byField) as [SaveField<K>, FieldProblem][]) {
        if (problem.code === 'input.invalid' && body[field] === undefined)
          sorted.byField[field] = problemFromCode('input.required');
      }
      if (reasonProblem) sorted.byField.reason = reasonProblem;
      mutation.showProblems(sorted);
      return null;
    }
    const envelope = await mutation.run({ draft: parsed.data, overrides, reason: reason.trim() });
    if (envelope && !envelope.ok && envelope.error.code === 'chart.entry.changed') {
      setConflict(true);
      if (callbacks.onConflict) callbacks.onConflict(parsed.data);
    }
    return envelope?.ok ? envelope.data : null;
  }

  return { ...mutation, save, conflict };
}
