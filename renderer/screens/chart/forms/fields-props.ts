import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import type { FieldProblem } from '../../../forms/field-problem';
import type { EntryValues, FieldOf } from './entry-models';

/** What every kind's boxes get: the typed values, a change (which retires those boxes' problems), the problems. */
export interface FieldsProps<K extends ChartEntryKind> {
  values: EntryValues<K>;
  change(patch: Partial<EntryValues<K>>): void;
  problems: Partial<Record<FieldOf<K>, FieldProblem>>;
  patientId: string;
}
