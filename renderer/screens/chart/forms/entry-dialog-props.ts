import type { ChartEntryDetail } from '../../../../shared/api/chart-calls';
import type { ChartDraft } from '../../../../shared/chart/drafts';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import type { EntryValues } from './entry-models';
import type { EntryTarget } from './use-entry-save';

/** What every kind's dialog gets: where the entry goes, what the form starts with, and what to do after. */
export interface EntryDialogProps<K extends ChartEntryKind> {
  target: EntryTarget;
  initial: EntryValues<K>;
  patientId: string;
  onClose(): void;
  onSaved(detail: ChartEntryDetail): void;
  onConflict?(draft: ChartDraft): void;
}
