import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { AllergyFields } from './AllergyFields';
import { ChartDocumentFields } from './ChartDocumentFields';
import { DiagnosisFields } from './DiagnosisFields';
import { EncounterDialog } from './EncounterDialog';
import type { EntryValues } from './entry-models';
import type { EntryDialogProps } from './entry-dialog-props';
import { LabResultFields } from './LabResultFields';
import { PrescriptionDialog } from './PrescriptionDialog';
import { ProcedureFields } from './ProcedureFields';
import { SimpleEntryDialog } from './SimpleEntryDialog';

/** Any kind's form, new or an amendment: the dialog that kind needs. */
export function EntryFormDialog({
  kind,
  initial,
  ...props
}: Omit<EntryDialogProps<ChartEntryKind>, 'initial'> & { kind: ChartEntryKind; initial: EntryValues<ChartEntryKind> }) {
  // `initial` was made for `kind` (entry-models), so each branch may take it as its own.
  const as = <K extends ChartEntryKind>() => initial as unknown as EntryValues<K>;
  switch (kind) {
    case 'encounter':
      return <EncounterDialog {...props} initial={as<'encounter'>()} />;
    case 'prescription':
      return <PrescriptionDialog {...props} initial={as<'prescription'>()} />;
    case 'diagnosis':
      return <SimpleEntryDialog {...props} kind="diagnosis" Fields={DiagnosisFields} initial={as<'diagnosis'>()} />;
    case 'procedure':
      return <SimpleEntryDialog {...props} kind="procedure" Fields={ProcedureFields} initial={as<'procedure'>()} />;
    case 'allergy':
      return <SimpleEntryDialog {...props} kind="allergy" Fields={AllergyFields} initial={as<'allergy'>()} />;
    case 'lab_result':
      return <SimpleEntryDialog {...props} kind="lab_result" Fields={LabResultFields} initial={as<'lab_result'>()} />;
    case 'document':
      return <SimpleEntryDialog {...props} kind="document" Fields={ChartDocumentFields} initial={as<'document'>()} />;
  }
}
