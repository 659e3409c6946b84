import Box from '@mui/material/Box';
import { useState } from 'react';
import type { ChartOverride } from '../../../../shared/chart/chart-views';
import { localize } from '../../../../shared/errors/catalog';
import type { FieldProblem } from '../../../forms/field-problem';
import { toDraft } from './entry-models';
import type { EntryDialogProps } from './entry-dialog-props';
import { EntryDialogFrame } from './EntryDialogFrame';
import { PrescriptionCheckPanel, problemOf, type OverrideReasons } from './PrescriptionCheckPanel';
import { PrescriptionFields } from './PrescriptionFields';
import { shownProblems, usePrescriptionCheck } from './use-prescription-check';
import { useEntryForm } from './use-entry-form';

const overrideReasonMin = 5;

/**
 * A prescription with its check live beside it (D3, D5): errors (a dose above the maximum, a unit
 * that does not convert, stop before start) block the save; each warning is saved only overridden
 * with a reason, sent as `overrides` and kept with the entry.
 */
export function PrescriptionDialog(props: EntryDialogProps<'prescription'>) {
  const form = useEntryForm('prescription', props);
  const [overrides, setOverrides] = useState<OverrideReasons>({});
  const selfId = props.target.mode === 'amend' ? props.target.entry.id : null;
  const check = usePrescriptionCheck(props.patientId, form.values, selfId);
  const problems = shownProblems(check);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const checked: Partial<Record<string, FieldProblem>> = {};
  for (const error of errors) checked[error.field] ??= problemOf(error);
  const overrideProblem = form.saving.problems.byField.overrides;

  function save() {
    const missing = warnings.filter((warning) => (overrides[warning.code] ?? '').trim().length < overrideReasonMin);
    if (missing.length > 0) {
      const codes = missing.map((warning) => warning.code).join(', ');
      form.saving.showProblems({
        byField: {
          overrides: {
            code: 'chart.alert.override_required',
            message: localize('chart.alert.override_required', { codes }),
          },
        },
      });
      return;
    }
    const sent: ChartOverride[] = warnings.map((warning) => ({
      code: warning.code,
      reason: (overrides[warning.code] ?? '').trim(),
    }));
    void form.saving.save(toDraft('prescription', form.values), sent, form.reason);
  }

  return (
    <EntryDialogFrame
      title={form.title}
      onClose={props.onClose}
      onSave={save}
      busy={form.saving.busy}
      saveDisabled={errors.length > 0}
      reason={form.reasonBox}
      // A refusal of the overrides shows beside the warnings; with none shown (the live check
      // unavailable), in the general alert, so it is never lost.
      general={
        overrideProblem && warnings.length === 0
          ? [...form.saving.problems.general, overrideProblem]
          : form.saving.problems.general
      }
      wide
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 3, alignItems: 'start' }}>
        <Box>
          <PrescriptionFields
            values={form.values}
            change={form.change}
            problems={form.problems}
            patientId={props.patientId}
            checked={checked}
          />
        </Box>
        <PrescriptionCheckPanel
          state={check}
          overrides={overrides}
          onOverride={(code, reason) => {
            setOverrides((prior) => ({ ...prior, [code]: reason }));
            form.saving.clearField('overrides');
          }}
          problem={overrideProblem}
        />
      </Box>
    </EntryDialogFrame>
  );
}
