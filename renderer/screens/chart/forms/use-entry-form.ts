import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import type { EntryValues, FieldOf } from './entry-models';
import type { EntryDialogProps } from './entry-dialog-props';
import type { ReasonBox } from './EntryDialogFrame';
import { useEntrySave } from './use-entry-save';

/**
 * A kind's dialog state: the typed values (a change retires the problems of the boxes it
 * touches), the amendment's reason, the save, and the title.
 */
export function useEntryForm<K extends ChartEntryKind>(kind: K, props: EntryDialogProps<K>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<EntryValues<K>>(props.initial);
  const [reason, setReason] = useState('');
  const saving = useEntrySave(kind, props.target, { onSaved: props.onSaved, onConflict: props.onConflict });
  const change = (patch: Partial<EntryValues<K>>) => {
    setValues((prior) => ({ ...prior, ...patch }));
    saving.clearField(...(Object.keys(patch) as FieldOf<K>[]));
  };
  const amending = props.target.mode === 'amend';
  const reasonBox: ReasonBox | null = amending
    ? {
        value: reason,
        onChange: (text) => {
          setReason(text);
          saving.clearField('reason');
        },
        problem: saving.problems.byField.reason,
      }
    : null;
  const kindName = t(`chartForms.kinds.${kind}`);
  const title = amending
    ? t('chartForms.amendTitle', { kind: kindName })
    : t('chartForms.newTitle', { kind: kindName });
  return { values, setValues, change, reason, reasonBox, saving, title, problems: saving.problems.byField };
}
