import type { ComponentType } from 'react';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { toDraft } from './entry-models';
import type { EntryDialogProps } from './entry-dialog-props';
import { EntryDialogFrame } from './EntryDialogFrame';
import type { FieldsProps } from './fields-props';
import { useEntryForm } from './use-entry-form';

/** A kind whose save is one `chart.record` / `chart.amend`: diagnosis, procedure, allergy, lab result, document. */
export function SimpleEntryDialog<K extends ChartEntryKind>({
  kind,
  Fields,
  ...props
}: EntryDialogProps<K> & { kind: K; Fields: ComponentType<FieldsProps<K>> }) {
  const form = useEntryForm(kind, props);
  return (
    <EntryDialogFrame
      title={form.title}
      onClose={props.onClose}
      onSave={() => void form.saving.save(toDraft(kind, form.values), [], form.reason)}
      busy={form.saving.busy}
      reason={form.reasonBox}
      general={form.saving.problems.general}
    >
      <Fields values={form.values} change={form.change} problems={form.problems} patientId={props.patientId} />
    </EntryDialogFrame>
  );
}
