import type { ChartEntryView } from '../../../../shared/chart/chart-views';
import type { ChartDraft } from '../../../../shared/chart/drafts';
import { valuesFromBody } from './entry-models';
import { EntryFormDialog } from './EntryFormDialog';

/**
 * An amendment (D4): the entry's own form filled from what is written, a required reason, and
 * `chart.amend` against the revision the doctor opened. If another desk changed it meanwhile,
 * `onConflict` gets the doctor's draft (the history screen shows both versions); without one the
 * refusal is shown in the dialog.
 */
export function EditEntryDialog({
  entry,
  open,
  onClose,
  onSaved,
  onConflict,
}: {
  entry: ChartEntryView;
  open: boolean;
  onClose(): void;
  onSaved(): void;
  mode: 'amend';
  onConflict?(draft: ChartDraft): void;
}) {
  if (!open) return null;
  return (
    <EntryFormDialog
      key={`${entry.id}:${entry.revision}`}
      kind={entry.kind}
      initial={valuesFromBody(entry.kind, entry.body)}
      patientId={entry.patientId}
      target={{ mode: 'amend', entry }}
      onClose={onClose}
      onSaved={() => onSaved()}
      onConflict={onConflict}
    />
  );
}
